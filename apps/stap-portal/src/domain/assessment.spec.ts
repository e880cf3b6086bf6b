// Provider eligibility and exclusion at their day boundaries (DOMAIN.md §2.1, §3): valid days of a recognition, the
// first day of a revocation or suspension, the last day of a registration or an exclusion, and the accepted routes.
import { isExcludedOn, providerEligibleOn, suspendedOn, type ProviderFacts, type RecognitionFacts } from './assessment';

const ocw = (overrides: Partial<RecognitionFacts> = {}): RecognitionFacts => ({ route: 'OCW_RIO', validFrom: '2023-01-01', validUntil: '2023-12-31', revokedFrom: null, ...overrides });
const provider = (recognitions: RecognitionFacts[], overrides: Partial<ProviderFacts> = {}): ProviderFacts => ({ recognitions, suspendedFrom: null, reinstatedFrom: null, endedAfter: null, ...overrides });
const OCW_ONLY = ['OCW_RIO'] as const;

test('a recognition counts from its first to its last valid day', () => {
  const p = provider([ocw()]);
  expect(['2022-12-31', '2023-01-01', '2023-12-31', '2024-01-01'].map((on) => providerEligibleOn(p, on, OCW_ONLY))).toEqual([false, true, true, false]);
  expect(providerEligibleOn(provider([ocw({ validUntil: null })]), '2030-01-01', OCW_ONLY)).toBe(true);
});

test('only routes the rules version accepts count (from Sept 2023 OCW/RIO only)', () => {
  const nrto = provider([ocw({ route: 'NRTO' })]);
  expect(providerEligibleOn(nrto, '2023-06-01', OCW_ONLY)).toBe(false);
  expect(providerEligibleOn(nrto, '2023-06-01', ['OCW_RIO', 'NRTO'])).toBe(true);
  expect(providerEligibleOn(provider([]), '2023-06-01', ['OCW_RIO', 'NRTO'])).toBe(false);
});

test('revocation and suspension count from their effective day; an end after its last day', () => {
  expect(['2023-05-31', '2023-06-01'].map((on) => providerEligibleOn(provider([ocw({ revokedFrom: '2023-06-01' })]), on, OCW_ONLY))).toEqual([true, false]);
  expect(['2023-05-31', '2023-06-01'].map((on) => providerEligibleOn(provider([ocw()], { suspendedFrom: '2023-06-01' }), on, OCW_ONLY))).toEqual([true, false]);
  expect(['2023-06-01', '2023-06-02'].map((on) => providerEligibleOn(provider([ocw()], { endedAfter: '2023-06-01' }), on, OCW_ONLY))).toEqual([true, false]);
  // Another valid recognition keeps the provider eligible when one is revoked.
  expect(providerEligibleOn(provider([ocw({ revokedFrom: '2023-06-01' }), ocw()]), '2023-07-01', OCW_ONLY)).toBe(true);
});

test('a reinstatement lifts the suspension from its effective day, not before (DOMAIN.md §3)', () => {
  const reinstated = provider([ocw()], { suspendedFrom: '2023-06-01', reinstatedFrom: '2023-06-15' });
  expect(['2023-05-31', '2023-06-01', '2023-06-14', '2023-06-15', '2023-07-01'].map((on) => providerEligibleOn(reinstated, on, OCW_ONLY)))
    .toEqual([true, false, false, true, true]);
  expect(suspendedOn({ suspendedFrom: '2023-06-01', reinstatedFrom: null }, '2030-01-01')).toBe(true);
  expect(suspendedOn({ suspendedFrom: null, reinstatedFrom: null }, '2023-06-01')).toBe(false);
  // A reinstatement effective on the suspension's own first day leaves no suspended day at all.
  expect(suspendedOn({ suspendedFrom: '2023-06-01', reinstatedFrom: '2023-06-01' }, '2023-06-01')).toBe(false);
});

test('an exclusion holds up to and including its last day', () => {
  expect(['2024-03-01', '2024-03-02'].map((on) => isExcludedOn('2024-03-01', on))).toEqual([true, false]);
  expect(isExcludedOn(null, '2024-03-01')).toBe(false);
});
