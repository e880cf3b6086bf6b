// Wall-clock moments in Europe/Amsterdam, the time zone every scheme date refers to
// (DOMAIN.md §5): a tijdvak opens "om 10.00 uur", a claim deadline is "30 september 2021 17.00 uur".
// Configuration stores such moments as local `YYYY-MM-DDTHH:mm` strings; these helpers turn them into
// instants and back with the EU daylight-saving rule written out, so the result does not depend on
// the time-zone database of the machine that runs it.
import { addDays, assertIsoDate, daysInMonth, formatIsoDate, fromDayNumber, isoWeekday, toDayNumber, type IsoDate } from './iso-date';

/** A wall-clock moment in Europe/Amsterdam, `YYYY-MM-DDTHH:mm`. */
export type AmsterdamDateTime = string;

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const CET_OFFSET_HOURS = 1;
const CEST_OFFSET_HOURS = 2;

// The Netherlands has followed the EU rule (last Sunday of March to last Sunday of October, switching
// at 01:00 UTC) since 1996; before that summer time ended in September. Older moments are refused
// rather than converted wrongly. Source: EU Directive 2000/84/EC and its 1996 predecessor [pub].
const FIRST_YEAR_OF_EU_RULE = 1996;

interface LocalParts {
  readonly date: IsoDate;
  readonly hour: number;
  readonly minute: number;
}

export function parseAmsterdamDateTime(text: AmsterdamDateTime): LocalParts | undefined {
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match) return undefined;
  const date = match[1] as string;
  const [hour, minute] = [Number(match[2]), Number(match[3])];
  if (hour > 23 || minute > 59) return undefined;
  try {
    assertIsoDate(date);
  } catch {
    return undefined;
  }
  return { date, hour, minute };
}

function assertLocal(text: AmsterdamDateTime): LocalParts {
  const parts = parseAmsterdamDateTime(text);
  if (!parts) throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm): ${JSON.stringify(text)}`);
  return parts;
}

function lastSundayOf(year: number, month: number): IsoDate {
  const last = formatIsoDate({ year, month, day: daysInMonth(year, month) });
  return addDays(last, -(isoWeekday(last) % 7));
}

function utcMsAt(date: IsoDate, hour: number, minute = 0): number {
  return toDayNumber(date) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS;
}

function assertSupportedYear(year: number): void {
  if (year < FIRST_YEAR_OF_EU_RULE) throw new RangeError(`Europe/Amsterdam conversion supports ${FIRST_YEAR_OF_EU_RULE} and later, got ${year}`);
}

/** Offset of Europe/Amsterdam from UTC, in hours, at an instant. */
export function amsterdamOffsetHours(instant: Date): number {
  const utcMs = instant.getTime();
  const year = new Date(utcMs).getUTCFullYear();
  assertSupportedYear(year);
  const summerStarts = utcMsAt(lastSundayOf(year, 3), 1);
  const summerEnds = utcMsAt(lastSundayOf(year, 10), 1);
  return utcMs >= summerStarts && utcMs < summerEnds ? CEST_OFFSET_HOURS : CET_OFFSET_HOURS;
}

/**
 * The instant of a wall-clock moment in Amsterdam. A moment in the hour skipped when summer time
 * starts does not exist and is refused. A moment in the hour repeated when it ends is taken at its
 * first occurrence (summer time), so a deadline at such a moment is never later than written.
 */
export function amsterdamToInstant(local: AmsterdamDateTime): Date {
  const { date, hour, minute } = assertLocal(local);
  assertSupportedYear(assertIsoDate(date).year);
  const asIfUtc = utcMsAt(date, hour, minute);
  for (const offset of [CEST_OFFSET_HOURS, CET_OFFSET_HOURS]) {
    const candidate = new Date(asIfUtc - offset * HOUR_MS);
    if (amsterdamOffsetHours(candidate) === offset) return candidate;
  }
  throw new RangeError(`${local} does not exist in Europe/Amsterdam (skipped when summer time starts)`);
}

/** The wall-clock moment in Amsterdam of an instant, to the minute (seconds are dropped). */
export function instantToAmsterdam(instant: Date): AmsterdamDateTime {
  const localMs = instant.getTime() + amsterdamOffsetHours(instant) * HOUR_MS;
  const dayNumber = Math.floor(localMs / DAY_MS);
  const minuteOfDay = Math.floor((localMs - dayNumber * DAY_MS) / MINUTE_MS);
  const hour = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const minute = String(minuteOfDay % 60).padStart(2, '0');
  return `${fromDayNumber(dayNumber)}T${hour}:${minute}`;
}

/** The calendar date in Amsterdam on which an instant falls (e.g. the date an application was received). */
export function amsterdamDateOf(instant: Date): IsoDate {
  return instantToAmsterdam(instant).slice(0, 10);
}

/** The calendar-date part of a local date-time. */
export function datePartOf(local: AmsterdamDateTime): IsoDate {
  return assertLocal(local).date;
}

/**
 * The last calendar day that lies before an exclusive closing moment: a window closing at
 * `2022-05-01T00:00` has 30 April as its last day; one closing at `2021-09-30T17:00` has 30 September.
 */
export function lastDayBefore(closesAt: AmsterdamDateTime): IsoDate {
  const { date, hour, minute } = assertLocal(closesAt);
  return hour === 0 && minute === 0 ? addDays(date, -1) : date;
}

export function isAmsterdamDateTime(text: string): boolean {
  const parts = parseAmsterdamDateTime(text);
  if (!parts) return false;
  try {
    amsterdamToInstant(text);
    return true;
  } catch {
    return false;
  }
}
