import { admittedAt, admittedCount, shuffle, ticketView } from './waiting-room';

const opensAt = new Date('2022-11-01T09:00:00Z');
const schedule = { opensAt, ratePerSecond: 10 };

test('place 1 is admitted at opening, then 10 places a second', () => {
  expect(admittedAt(1, schedule)).toEqual(opensAt);
  expect(admittedAt(11, schedule)).toEqual(new Date(opensAt.getTime() + 1_000));
  expect(admittedCount(schedule, new Date(opensAt.getTime() - 1))).toBe(0);
  expect(admittedCount(schedule, new Date(opensAt.getTime() + 999))).toBe(10);
});

test('a ticket shows place, people ahead and estimated wait; no place before the draw', () => {
  expect(ticketView(null, schedule, opensAt, false).state).toBe('WAITING_FOR_OPENING');
  const waiting = ticketView(101, schedule, new Date(opensAt.getTime() + 5_000), false);
  expect(waiting).toMatchObject({ state: 'WAITING', position: 101, peopleAhead: 49, estimatedWaitMs: 5_000 });
  expect(ticketView(101, schedule, new Date(opensAt.getTime() + 10_000), false).state).toBe('ADMITTED');
  expect(ticketView(101, schedule, new Date(opensAt.getTime() + 5_000), true).state).toBe('CEILING_REACHED');
});

test('the draw is a permutation: nobody lost, nobody twice', () => {
  const ids = Array.from({ length: 1_000 }, (_, i) => i);
  const drawn = shuffle(ids, (max) => Math.floor(Math.random() * max));
  expect([...drawn].sort((a, b) => a - b)).toEqual(ids);
  expect(drawn).not.toEqual(ids);
});
