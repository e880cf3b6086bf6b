// The order-dependent rules at their boundaries: exactly fitting the ceiling, one cent over, no overtaking once the
// online part is exhausted, the counter reserve apart, one grant per person, the training's yearly limit.
import { decideInOrder, reserveReleaseInstant, type DecisionState, type ReceivedApplication } from './decide-in-order';

function state(overrides: Partial<DecisionState> = {}): DecisionState {
  return {
    budget: { ceilingCents: 10_000, counterReserveCents: 1_000, committedOnlineCents: 0, committedCounterCents: 0 },
    onlineExhausted: false,
    exhaustedBeforeRelease: false,
    reopenedByRelease: false,
    grantedPersons: new Set(),
    trainingGrants: new Map(),
    trainingGrantLimit: null,
    grantsPerCalendarYear: 1,
    applicationDate: '2022-11-01',
    ...overrides,
  };
}

const app = (personKey: string, amountCents: number, channel: 'ONLINE' | 'COUNTER' = 'ONLINE', trainingId = 't'): ReceivedApplication => ({
  personKey, amountCents, channel, trainingId, reasons: [], reserveReleased: false,
});
const released = (application: ReceivedApplication): ReceivedApplication => ({ ...application, reserveReleased: true });

test('grants up to exactly the online ceiling, then "plafond bereikt" for everyone after, also smaller ones', () => {
  const decisions = decideInOrder(state(), [app('a', 4_500), app('b', 4_500), app('c', 1), app('d', 1)]);
  expect(decisions.map((d) => d.granted)).toEqual([true, true, false, false]);
  const s = state();
  const exact = decideInOrder(s, [app('a', 9_000), app('b', 1)]);
  expect(exact.map((d) => d.reasons)).toEqual([[], ['CEILING_REACHED']]);
  expect(s.budget.committedOnlineCents).toBe(9_000);
});

test('one cent over the online part is refused; the counter reserve is used by counter applications only', () => {
  const s = state();
  const decisions = decideInOrder(s, [app('a', 9_001), app('b', 1_000, 'COUNTER'), app('c', 1, 'COUNTER')]);
  expect(decisions.map((d) => d.reasons)).toEqual([['CEILING_REACHED'], [], ['CEILING_REACHED']]);
  expect(s.budget).toMatchObject({ committedOnlineCents: 0, committedCounterCents: 1_000 });
});

test('one grant per person per year; a person granted earlier is refused without touching the budget', () => {
  const s = state({ grantedPersons: new Set(['x']) });
  const decisions = decideInOrder(s, [app('x', 100), app('a', 100), app('a', 100)]);
  expect(decisions.map((d) => d.reasons)).toEqual([['ALREADY_GRANTED_THIS_YEAR'], [], ['ALREADY_GRANTED_THIS_YEAR']]);
  expect(s.budget.committedOnlineCents).toBe(100);
});

test('the training grant limit (verleningsgrens) stops grants for that training only', () => {
  const s = state({ trainingGrantLimit: 2, trainingGrants: new Map([['t', 1]]) });
  const decisions = decideInOrder(s, [app('a', 100), app('b', 100), app('c', 100, 'ONLINE', 'other')]);
  expect(decisions.map((d) => d.reasons)).toEqual([[], ['TRAINING_GRANT_LIMIT_REACHED'], []]);
});

test('an application rejected on its own facts is not charged and does not exhaust the ceiling', () => {
  const s = state();
  const decisions = decideInOrder(s, [{ ...app('a', 50_000), reasons: ['START_TOO_SOON'] }, app('b', 9_000)]);
  expect(decisions.map((d) => d.granted)).toEqual([false, true]);
});

test('after the release the online part may use the unused counter reserve, up to the ceiling and not a cent more', () => {
  const s = state();
  const decisions = decideInOrder(s, [app('a', 9_000), app('b', 600), released(app('c', 600)), released(app('d', 400)), released(app('e', 1))]);
  expect(decisions.map((d) => d.reasons)).toEqual([[], ['CEILING_REACHED'], [], [], ['CEILING_REACHED']]);
  expect(s.budget.committedOnlineCents + s.budget.committedCounterCents).toBe(10_000);
  expect(s.reopenedByRelease).toBe(true);
});

test('after the release the online part is the ceiling minus what the counter used; the counter may use what online left', () => {
  const s = state({ budget: { ceilingCents: 10_000, counterReserveCents: 1_000, committedOnlineCents: 8_000, committedCounterCents: 300 } });
  const decisions = decideInOrder(s, [released(app('a', 1_701)), released(app('b', 1_500, 'COUNTER'))]);
  // a: 8,000 + 1,701 > 10,000 - 300, plafond bereikt (final: it happened after the release); b: 300 + 1,500 <= 10,000 - 8,000.
  expect(decisions.map((d) => d.reasons)).toEqual([['CEILING_REACHED'], []]);
  expect(decideInOrder(s, [released(app('c', 1))]).map((d) => d.reasons)).toEqual([['CEILING_REACHED']]);
  expect(s.budget.committedOnlineCents + s.budget.committedCounterCents).toBeLessThanOrEqual(10_000);
});

test('before the release the counter reserve stays with the counter', () => {
  const s = state({ onlineExhausted: true, exhaustedBeforeRelease: true });
  expect(decideInOrder(s, [app('a', 1), app('b', 1_000, 'COUNTER')]).map((d) => d.reasons)).toEqual([['CEILING_REACHED'], []]);
});

test('the release instant: set per tijdvak, or closing minus the regeling\'s hours; none without either', () => {
  const closes = new Date('2023-03-31T22:00:00Z');
  expect(reserveReleaseInstant(closes, null, 24)?.toISOString()).toBe('2023-03-30T22:00:00.000Z');
  expect(reserveReleaseInstant(closes, new Date('2023-03-20T10:00:00Z'), 24)?.toISOString()).toBe('2023-03-20T10:00:00.000Z');
  expect(reserveReleaseInstant(closes, null, null)).toBeNull();
});
