import { amsterdamToInstant } from '@stap/regelingen';
import { rulesForOpening } from './rules-version';
import {
  ceilingAfterRollover, counterReserveFor, effectiveStatus, latestTrainingStart, openingInstantOn, statusAfterReserveRelease, scheduleViolations, unusedCents, withCatalogueDefaults,
} from './tijdvak';

const rules = rulesForOpening(new Date('2022-11-01T09:00:00Z'));

test('a tijdvak of the STAP calendar gets its opening at 10:00 Amsterdam, closing and ceiling from libs/regelingen', () => {
  const filled = withCatalogueDefaults({ id: 'STAP-2022-11', displayName: '', opensAt: undefined, closesAt: undefined, baseBudgetCents: 0, counterReserveCents: undefined });
  expect(filled.opensAt).toEqual(new Date('2022-11-01T09:00:00Z'));
  expect(filled.closesAt).toEqual(amsterdamToInstant('2023-01-01T00:00'));
  expect(filled.baseBudgetCents).toBe(4_850_000_000);
  expect(rules.version).toBe('STAP/2022.1');
  expect(openingInstantOn('2023-03-17', rulesForOpening(new Date('2023-03-17T09:00:00Z')))).toEqual(new Date('2023-03-17T09:00:00Z'));
});

test('counter reserve: the regeling share (1 %, rounding favours online) unless given', () => {
  expect(counterReserveFor(4_850_000_000, undefined, rules)).toBe(48_500_000);
  expect(counterReserveFor(999, undefined, rules)).toBe(9);
  expect(counterReserveFor(1_000, 0, rules)).toBe(0);
});

test('roll-over: unused = ceiling - committed; added to the next ceiling', () => {
  const unused = unusedCents({ ceilingCents: 10_000, counterReserveCents: 1_000, committedOnlineCents: 8_500, committedCounterCents: 200 });
  expect(unused).toBe(1_300);
  expect(ceilingAfterRollover(50_000, unused, rules)).toBe(51_300);
});

test('status over time, with the opening instant inclusive and closing exclusive; latest start 3 months after closing', () => {
  const opens = new Date('2022-11-01T09:00:00Z');
  const closes = new Date('2022-12-31T23:00:00Z');
  expect(effectiveStatus('SCHEDULED', opens, closes, new Date(opens.getTime() - 1))).toBe('SCHEDULED');
  expect(effectiveStatus('SCHEDULED', opens, closes, opens)).toBe('OPEN');
  expect(effectiveStatus('CEILING_REACHED', opens, closes, opens)).toBe('CEILING_REACHED');
  expect(effectiveStatus('OPEN', opens, closes, closes)).toBe('CLOSED');
  expect(latestTrainingStart(closes, rules)).toBe('2023-03-31');
});

test('an online part exhausted before the counter reserve release is open again from the release while the ceiling is not reached', () => {
  const releaseAt = new Date('2022-12-31T23:00:00Z');
  const before = new Date('2022-12-31T22:59:59Z');
  const budget = { ceilingCents: 200_000, counterReserveCents: 100_000, committedOnlineCents: 65_000, committedCounterCents: 0 };
  const release = { releaseAt, ceilingReachedAt: new Date('2022-11-01T09:05:00Z'), budget };
  expect(statusAfterReserveRelease('CEILING_REACHED', release, before)).toBe('CEILING_REACHED');
  expect(statusAfterReserveRelease('CEILING_REACHED', release, releaseAt)).toBe('OPEN');
  // Exhausted after the release: final.
  expect(statusAfterReserveRelease('CEILING_REACHED', { ...release, ceilingReachedAt: releaseAt }, releaseAt)).toBe('CEILING_REACHED');
  // The whole ceiling committed: nothing to reopen.
  expect(statusAfterReserveRelease('CEILING_REACHED', { ...release, budget: { ...budget, committedCounterCents: 135_000 } }, releaseAt)).toBe('CEILING_REACHED');
  // Never released, or another status: unchanged.
  expect(statusAfterReserveRelease('CEILING_REACHED', { ...release, releaseAt: null }, releaseAt)).toBe('CEILING_REACHED');
  expect(statusAfterReserveRelease('CLOSED', release, releaseAt)).toBe('CLOSED');
});

test('a counter reserve release instant must lie after the opening and before the closing', () => {
  const opensAt = new Date('2027-03-01T09:00:00Z');
  const closesAt = new Date('2027-03-31T09:00:00Z');
  const fieldsOf = (counterReserveReleaseAt: Date | undefined) => scheduleViolations({
    id: 'STAP-2027-03', displayName: 'Maart', opensAt, closesAt, baseBudgetCents: 100_000, counterReserveCents: undefined, counterReserveReleaseAt,
  }).map((v) => v.field);
  expect(fieldsOf(undefined)).toEqual([]);
  expect(fieldsOf(new Date(opensAt.getTime() + 1))).toEqual([]);
  expect(fieldsOf(new Date(closesAt.getTime() - 1))).toEqual([]);
  for (const outside of [opensAt, closesAt, new Date(opensAt.getTime() - 1), new Date(closesAt.getTime() + 1)]) {
    expect(fieldsOf(outside)).toEqual(['counter_reserve_release_at']);
  }
});
