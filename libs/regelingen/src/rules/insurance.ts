// Insured for the national insurances for at least 6 months within the reference period, which runs
// from 2 years 3 months to 3 months before the tijdvak opens. Source: DOMAIN.md §2.1 [pub].
//
// Counting method (assumption, the sources say only "6 months"): a month counts when the person was
// insured on every day of a calendar month that lies wholly inside the reference period. For the usual
// opening on the 1st the reference period is exactly 24 calendar months, so nothing is lost; a
// mid-month opening (17 March 2023) loses the two partial edge months, which is the strict reading.
import { addDays, addMonthsClamped, compareDates, firstDayOfMonth, isBefore, lastDayOfMonth, type IsoDate } from '../calendar/iso-date';
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

function covers(period: InsuredPeriod, range: DateRange): boolean {
  return compareDates(period.from, range.from) <= 0 && (period.until === null || compareDates(period.until, range.until) >= 0);
}

/** Calendar months wholly inside `reference` during which the person was insured on every day. */
export function countInsuredMonths(periods: readonly InsuredPeriod[], reference: DateRange): number {
  const merged = mergePeriods(periods);
  let monthStart = reference.from === firstDayOfMonth(reference.from) ? reference.from : addDays(lastDayOfMonth(reference.from), 1);
  let count = 0;
  while (compareDates(lastDayOfMonth(monthStart), reference.until) <= 0) {
    const month = { from: monthStart, until: lastDayOfMonth(monthStart) };
    if (merged.some((period) => covers(period, month))) count += 1;
    monthStart = addDays(month.until, 1);
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
