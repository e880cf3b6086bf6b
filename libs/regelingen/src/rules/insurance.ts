// Insured for the national insurances for at least 6 months within the reference period, which runs
// from 2 years 3 months to 3 months before the tijdvak opens. Source: DOMAIN.md §2.1 [pub].
//
// Counting method (assumption, the sources say only "6 months"): a month counts when the person was
// insured on every day of a calendar month that lies wholly inside the reference period. For the usual
// opening on the 1st the reference period is exactly 24 calendar months, so nothing is lost; a
// mid-month opening (17 March 2023) loses the two partial edge months, which is the strict reading.
import { addDays, addMonthsClamped, assertIsoDate, compareDates, daysInMonth, isBefore, type IsoDate } from '../calendar/iso-date';
import type { InsuranceRequirement } from '../config/types';
import { verdictWith, type VerdictWith } from '../result';

export interface InsuredPeriod {
  readonly from: IsoDate;
  /** Inclusive; null while the person is still insured. */
  readonly until: IsoDate | null;
}

export interface DateRange {
  readonly from: IsoDate;
  /** Inclusive. */
  readonly until: IsoDate;
}

export type InsuranceReason = 'INSUFFICIENT_INSURED_MONTHS';

export function referencePeriodFor(tijdvakOpeningDate: IsoDate, requirement: InsuranceRequirement): DateRange {
  return {
    from: addMonthsClamped(tijdvakOpeningDate, -requirement.referenceStartsMonthsBeforeOpening),
    until: addDays(addMonthsClamped(tijdvakOpeningDate, -requirement.referenceEndsMonthsBeforeOpening), -1),
  };
}

/** Sorts and joins overlapping or adjacent periods, so coverage of a month is one containment test. */
function mergePeriods(periods: readonly InsuredPeriod[]): InsuredPeriod[] {
  const sorted = [...periods].sort((a, b) => compareDates(a.from, b.from));
  const merged: InsuredPeriod[] = [];
  for (const period of sorted) {
    const last = merged[merged.length - 1];
    const touches = last !== undefined && (last.until === null || compareDates(period.from, addDays(last.until, 1)) <= 0);
    if (!last || !touches) {
      merged.push(period);
      continue;
    }
    const until = last.until === null || period.until === null ? null : isBefore(last.until, period.until) ? period.until : last.until;
    merged[merged.length - 1] = { from: last.from, until };
  }
  return merged;
}

// Months as one integer (year * 12 + month - 1), so a run of whole months is an interval and counting is arithmetic:
// the applicant's periods are parsed once instead of every month of the reference period being built date by date.
function monthNumber(year: number, month: number): number {
  return year * 12 + month - 1;
}

/** The first calendar month that begins on or after `date`. */
function firstWholeMonthFrom(date: IsoDate): number {
  const { year, month, day } = assertIsoDate(date);
  return monthNumber(year, month) + (day === 1 ? 0 : 1);
}

/** The last calendar month that ends on or before `date`. */
function lastWholeMonthUntil(date: IsoDate): number {
  const { year, month, day } = assertIsoDate(date);
  return monthNumber(year, month) - (day === daysInMonth(year, month) ? 0 : 1);
}

/**
 * Calendar months wholly inside `reference` during which the person was insured on every day. After merging, the
 * periods are disjoint and not adjacent, so no calendar month lies wholly inside two of them: the count is the sum,
 * per period, of the whole months it shares with the reference period.
 */
export function countInsuredMonths(periods: readonly InsuredPeriod[], reference: DateRange): number {
  const first = firstWholeMonthFrom(reference.from);
  const last = lastWholeMonthUntil(reference.until);
  let count = 0;
  for (const period of mergePeriods(periods)) {
    const from = Math.max(first, firstWholeMonthFrom(period.from));
    const until = period.until === null ? last : Math.min(last, lastWholeMonthUntil(period.until));
    count += Math.max(0, until - from + 1);
  }
  return count;
}

export interface InsuranceFacts {
  readonly insuredMonths: number;
  readonly referencePeriod: DateRange;
}

export interface InsuranceCheck {
  readonly insuredPeriods: readonly InsuredPeriod[];
  /** Calendar date on which the tijdvak opens (Europe/Amsterdam). */
  readonly tijdvakOpeningDate: IsoDate;
  readonly requirement: InsuranceRequirement;
}

export function checkInsuredMonths({ insuredPeriods, tijdvakOpeningDate, requirement }: InsuranceCheck): VerdictWith<InsuranceReason, InsuranceFacts> {
  const referencePeriod = referencePeriodFor(tijdvakOpeningDate, requirement);
  const insuredMonths = countInsuredMonths(insuredPeriods, referencePeriod);
  return verdictWith<InsuranceReason, InsuranceFacts>([insuredMonths < requirement.minimumInsuredMonths && 'INSUFFICIENT_INSURED_MONTHS'], {
    insuredMonths,
    referencePeriod,
  });
}
