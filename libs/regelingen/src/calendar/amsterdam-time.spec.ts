import { amsterdamDateOf, amsterdamOffsetHours, amsterdamToInstant, instantToAmsterdam, isAmsterdamDateTime, lastDayBefore } from './amsterdam-time';

// The machine's time-zone database (ICU, shipped with Node) is an independent reference.
const reference = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function referenceLocal(instant: Date): string {
  const parts = Object.fromEntries(reference.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

describe('Europe/Amsterdam wall-clock time', () => {
  it('opens a STAP tijdvak at 10:00 local in winter and in summer', () => {
    expect(amsterdamToInstant('2022-03-01T10:00').toISOString()).toBe('2022-03-01T09:00:00.000Z');
    expect(amsterdamToInstant('2022-07-01T10:00').toISOString()).toBe('2022-07-01T08:00:00.000Z');
    expect(amsterdamToInstant('2021-09-30T17:00').toISOString()).toBe('2021-09-30T15:00:00.000Z');
  });

  it('refuses a moment in the skipped hour and takes the first of a repeated hour', () => {
    expect(() => amsterdamToInstant('2022-03-27T02:30')).toThrow(RangeError);
    expect(isAmsterdamDateTime('2022-03-27T02:30')).toBe(false);
    expect(amsterdamToInstant('2022-03-27T03:00').toISOString()).toBe('2022-03-27T01:00:00.000Z');
    expect(amsterdamToInstant('2022-10-30T02:30').toISOString()).toBe('2022-10-30T00:30:00.000Z');
    expect(amsterdamToInstant('2022-10-30T03:00').toISOString()).toBe('2022-10-30T02:00:00.000Z');
  });

  it('agrees with the ICU time-zone database every 7h13m over 2018-2030', () => {
    const step = (7 * 60 + 13) * 60_000;
    for (let ms = Date.UTC(2018, 0, 1); ms < Date.UTC(2031, 0, 1); ms += step) {
      const instant = new Date(ms);
      expect(instantToAmsterdam(instant)).toBe(referenceLocal(instant));
    }
  });

  it('round-trips every local hour of 2022 that exists once', () => {
    for (let ms = Date.UTC(2022, 0, 1); ms < Date.UTC(2023, 0, 1); ms += 3_600_000) {
      const local = instantToAmsterdam(new Date(ms));
      const back = amsterdamToInstant(local);
      const repeated = local.startsWith('2022-10-30T02');
      if (!repeated) expect(back.getTime()).toBe(ms);
    }
  });

  it('gives the Amsterdam calendar date of an instant, which differs from UTC around midnight', () => {
    expect(amsterdamDateOf(new Date('2022-06-30T22:30:00Z'))).toBe('2022-07-01');
    expect(amsterdamDateOf(new Date('2022-12-31T23:30:00Z'))).toBe('2023-01-01');
    expect(amsterdamDateOf(new Date('2022-12-31T22:59:59Z'))).toBe('2022-12-31');
  });

  it('refuses years before the EU rule applied', () => {
    expect(() => amsterdamToInstant('1995-06-01T10:00')).toThrow(RangeError);
    expect(() => amsterdamOffsetHours(new Date('1990-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  it('derives the last day of a window from its exclusive closing moment', () => {
    expect(lastDayBefore('2022-05-01T00:00')).toBe('2022-04-30');
    expect(lastDayBefore('2021-09-30T17:00')).toBe('2021-09-30');
    expect(() => lastDayBefore('2022-05-01 00:00')).toThrow(RangeError);
  });
});
