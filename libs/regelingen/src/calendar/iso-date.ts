// Calendar dates as ISO `YYYY-MM-DD` strings. The scheme rules speak of calendar dates in
// Europe/Amsterdam (DOMAIN.md §5), so these helpers never touch clocks or time zones: a date is
// converted to a day number (days since 1970-01-01 in the proleptic Gregorian calendar) with pure
// integer arithmetic, which cannot drift over a daylight-saving change the way millisecond
// arithmetic on `Date` does.

/** A calendar date, `YYYY-MM-DD`. Validated by {@link parseIsoDate}/{@link assertIsoDate}. */
export type IsoDate = string;

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses and validates; returns undefined for anything that is not a real calendar date. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

export function assertIsoDate(text: string): CalendarDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return parsed;
}

export function formatIsoDate({ year, month, day }: CalendarDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Days-from-civil and civil-from-days after Howard Hinnant's public-domain algorithms.
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = assertIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1. ISO dates of four-digit years also compare correctly as strings; this validates them. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return isBefore(a, b) ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return isAfter(a, b) ? a : b;
}

export function yearOf(date: IsoDate): number {
  return assertIsoDate(date).year;
}

function shiftMonths({ year, month }: CalendarDate, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/**
 * Adds calendar months; when the day does not exist in the target month the result is that
 * month's last day (31 Aug + 3 months = 30 Nov). Used for deadlines and windows: a period of
 * "3 months after" may not spill into the following month.
 */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const start = assertIsoDate(date);
  const target = shiftMonths(start, months);
  return formatIsoDate({ ...target, day: Math.min(start.day, daysInMonth(target.year, target.month)) });
}

/**
 * The day on which a period of `years` and `months` that began on `date` has fully elapsed,
 * for ages. When the anniversary day does not exist (born 29 February, or born on the 31st and
 * a month count ending in a 30-day month) the period is complete only once the last day of that
 * month has passed, so the result is the first day of the next month.
 * Source: [pub] "Juridisch gezien ben je als schrikkelkind pas op 1 maart een jaar ouder"
 * (Volkskrant, 29 Feb 2020); same outcome as the month-period rule of German BGB §188(3).
 */
export function anniversary(date: IsoDate, years: number, months = 0): IsoDate {
  const start = assertIsoDate(date);
  const target = shiftMonths(start, years * 12 + months);
  if (start.day <= daysInMonth(target.year, target.month)) return formatIsoDate({ ...target, day: start.day });
  const next = shiftMonths({ ...target, day: 1 }, 1);
  return formatIsoDate({ ...next, day: 1 });
}

export function firstDayOfMonth(date: IsoDate): IsoDate {
  return formatIsoDate({ ...assertIsoDate(date), day: 1 });
}

export function lastDayOfMonth(date: IsoDate): IsoDate {
  const { year, month } = assertIsoDate(date);
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(date: IsoDate): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}
