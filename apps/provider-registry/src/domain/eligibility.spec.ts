import { checkEligibility, type EligibilityFacts } from './eligibility';
import { statusOn } from './provider-status';
import { isDueForExpiry, isValidOn, periodsOverlap, stateOn, type RecognitionFacts } from './recognition';

const nrto: RecognitionFacts = { id: 'r1', route: 'NRTO', issuingBody: 'NRTO', validFrom: '2022-03-01', validUntil: '2022-12-31', revokedFrom: null };
const rio: RecognitionFacts = { id: 'r2', route: 'OCW_RIO', issuingBody: 'DUO/RIO', validFrom: '2020-01-01', validUntil: null, revokedFrom: null };
const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({ recognitions: [nrto], decisions: [], hasBankAccount: true, ...over });
const codes = (answer: ReturnType<typeof checkEligibility>) => answer.reasons.map((reason) => reason.code);

describe('recognition validity', () => {
  test('valid from the first to the last day inclusive; pending before, expired after', () => {
    expect([isValidOn(nrto, '2022-02-28'), isValidOn(nrto, '2022-03-01'), isValidOn(nrto, '2022-12-31'), isValidOn(nrto, '2023-01-01')]).toEqual([false, true, true, false]);
    expect([stateOn(nrto, '2022-02-28'), stateOn(nrto, '2022-06-01'), stateOn(nrto, '2023-01-01')]).toEqual(['PENDING', 'VALID', 'EXPIRED']);
  });

  test('a revocation counts from its effective date, not before', () => {
    const revoked = { ...nrto, revokedFrom: '2022-07-01' };
    expect([isValidOn(revoked, '2022-06-30'), isValidOn(revoked, '2022-07-01')]).toEqual([true, false]);
    expect(stateOn(revoked, '2022-07-01')).toBe('REVOKED');
  });

  test('open-ended periods overlap everything after their start', () => {
    expect(periodsOverlap({ validFrom: '2022-01-01', validUntil: null }, { validFrom: '2030-01-01', validUntil: '2030-02-01' })).toBe(true);
    expect(periodsOverlap({ validFrom: '2022-01-01', validUntil: '2022-12-31' }, { validFrom: '2023-01-01', validUntil: null })).toBe(false);
  });

  test('due for expiry on the first day after the period, never when open-ended or revoked within it', () => {
    expect([isDueForExpiry(nrto, '2022-12-31'), isDueForExpiry(nrto, '2023-01-01')]).toEqual([false, true]);
    expect(isDueForExpiry(rio, '2099-01-01')).toBe(false);
    expect(isDueForExpiry({ ...nrto, revokedFrom: '2022-06-01' }, '2023-01-01')).toBe(false);
  });
});

describe('status from dated decisions', () => {
  test('the last decision effective on or before the day decides; same-day decisions in recorded order', () => {
    const decisions = [
      { kind: 'SUSPENDED' as const, effectiveDate: '2022-07-01', seq: 1 },
      { kind: 'REINSTATED' as const, effectiveDate: '2022-09-01', seq: 2 },
      { kind: 'INVESTIGATION_OPENED' as const, effectiveDate: '2022-09-01', seq: 3 },
    ];
    expect(['2022-06-30', '2022-07-01', '2022-08-31', '2022-09-01'].map((day) => statusOn(decisions, day))).toEqual([
      'ACTIVE', 'SUSPENDED', 'SUSPENDED', 'UNDER_INVESTIGATION',
    ]);
  });
});

describe('checkEligibility', () => {
  test('recognised inside the period, with the rules version of the date', () => {
    expect(checkEligibility('STAP', '2022-06-01', facts())).toEqual({
      eligible: true,
      reasons: [{ code: 'RECOGNISED', message: 'Erkend via NRTO (NRTO).', recognitionId: 'r1' }],
      rulesVersion: 'STAP/2022.1',
    });
    expect(codes(checkEligibility('STAP', '2023-01-01', facts()))).toEqual(['NO_VALID_RECOGNITION']);
  });

  test('an investigation is stated but never blocks (DOMAIN.md §3 [pub])', () => {
    const answer = checkEligibility('STAP', '2022-06-01', facts({ decisions: [{ kind: 'INVESTIGATION_OPENED', effectiveDate: '2022-05-01', seq: 1 }] }));
    expect(answer.eligible).toBe(true);
    expect(codes(answer)).toEqual(['UNDER_INVESTIGATION', 'RECOGNISED']);
  });

  test('a suspension or an ended registration blocks from its effective date', () => {
    const suspended = facts({ decisions: [{ kind: 'SUSPENDED', effectiveDate: '2022-05-01', seq: 1 }] });
    expect(checkEligibility('STAP', '2022-04-30', suspended).eligible).toBe(true);
    expect(codes(checkEligibility('STAP', '2022-05-01', suspended))).toEqual(['SUSPENDED', 'RECOGNISED']);
    const ended = facts({ decisions: [{ kind: 'ENDED', effectiveDate: '2022-05-01', seq: 1 }] });
    expect(checkEligibility('STAP', '2022-05-01', ended).eligible).toBe(false);
  });

  test('from September 2023 only OCW/RIO counts for STAP', () => {
    const both = facts({ recognitions: [{ ...nrto, validUntil: '2024-12-31' }, rio] });
    expect(codes(checkEligibility('STAP', '2023-09-01', both))).toEqual(['RECOGNISED']);
    expect(checkEligibility('STAP', '2023-09-01', both).reasons[0].recognitionId).toBe('r2');
    expect(codes(checkEligibility('STAP', '2023-09-01', facts({ recognitions: [{ ...nrto, validUntil: '2024-12-31' }] })))).toEqual(['ROUTE_NOT_ACCEPTED']);
  });

  test('no bank account, or a regeling that does not pay providers, is not eligible', () => {
    expect(codes(checkEligibility('STAP', '2022-06-01', facts({ hasBankAccount: false })))).toEqual(['RECOGNISED', 'NO_BANK_ACCOUNT']);
    expect(checkEligibility('NLLD_ONTWIKKELADVIES', '2020-09-01', facts()).reasons.map((r) => r.code)).toEqual(['REGELING_NOT_APPLICABLE']);
  });
});
