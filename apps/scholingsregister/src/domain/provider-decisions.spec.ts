import { decisionSubject, isSupersededBy } from './provider-decisions';

const suspended = { kind: 'suspended' } as const;
const reinstated = { kind: 'reinstated' } as const;
const revoked = (recognitionId: string) => ({ kind: 'recognition', recognitionId }) as const;

describe('a later provider decision supersedes a pending one about the same thing from its effective date on', () => {
  it('a reinstatement dated on or before a pending suspension cancels it; dated after it, both stand', () => {
    expect(isSupersededBy(suspended, '2027-03-10', reinstated, '2027-03-01')).toBe(true);
    expect(isSupersededBy(suspended, '2027-03-10', reinstated, '2027-03-10')).toBe(true);
    expect(isSupersededBy(suspended, '2027-03-10', reinstated, '2027-03-11')).toBe(false);
  });

  it('a suspension dated on or before a pending reinstatement cancels it; a new suspension replaces a pending one', () => {
    expect(isSupersededBy(reinstated, '2027-04-01', suspended, '2027-03-01')).toBe(true);
    expect(isSupersededBy(suspended, '2027-04-01', suspended, '2027-03-01')).toBe(true);
  });

  it('a revocation is about one recognition: it replaces a pending change of that recognition only, never a suspension', () => {
    expect(isSupersededBy(revoked('r1'), '2027-05-01', revoked('r1'), '2027-04-01')).toBe(true);
    expect(isSupersededBy(revoked('r1'), '2027-05-01', revoked('r2'), '2027-04-01')).toBe(false);
    expect(isSupersededBy(suspended, '2027-05-01', revoked('r1'), '2027-04-01')).toBe(false);
    expect(isSupersededBy(revoked('r1'), '2027-05-01', suspended, '2027-04-01')).toBe(false);
  });

  it('the end of the registration is its own subject', () => {
    expect(decisionSubject({ kind: 'ended' })).toBe('registration');
    expect(isSupersededBy({ kind: 'ended' }, '2027-12-31', reinstated, '2027-01-01')).toBe(false);
    expect(isSupersededBy(suspended, '2027-12-31', { kind: 'ended' }, '2027-01-01')).toBe(false);
  });
});
