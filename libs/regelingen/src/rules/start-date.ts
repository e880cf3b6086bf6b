// Start-date window for STAP training: no earlier than 4 weeks after the application and no later
// than 3 months after the tijdvak closes; the training must not have started yet.
// Source: DOMAIN.md §2.1 [pub]. When an opening was postponed, the 4 weeks are counted from the
// originally planned opening ([pub] amendment of March 2023: "gerekend vanaf 28 februari 2023").
import { datePartOf, lastDayBefore } from '../calendar/amsterdam-time';
import { addDays, addMonthsClamped, compareDates, type IsoDate } from '../calendar/iso-date';
import type { Tijdvak } from '../config/types';
import { verdict, verdictWith, type Verdict, type VerdictWith } from '../result';

export type StartWindowReason = 'STARTS_TOO_SOON' | 'STARTS_TOO_LATE';
export type NotStartedReason = 'TRAINING_ALREADY_STARTED';

export interface StartWindow {
  /** Inclusive. */
  readonly earliestStart: IsoDate;
  /** Inclusive. */
  readonly latestStart: IsoDate;
}

export interface StartWindowRule {
  readonly earliestStartWeeksAfterApplication: number;
  readonly latestStartMonthsAfterTijdvakCloses: number;
}

export function startWindowFor(applicationDate: IsoDate, tijdvak: Tijdvak, rule: StartWindowRule): StartWindow {
  const countFrom = tijdvak.plannedOpensAt ? datePartOf(tijdvak.plannedOpensAt.value) : applicationDate;
  return {
    earliestStart: addDays(countFrom, rule.earliestStartWeeksAfterApplication * 7),
    latestStart: addMonthsClamped(lastDayBefore(tijdvak.closesAt.value), rule.latestStartMonthsAfterTijdvakCloses),
  };
}

export interface StartDateCheck {
  readonly startDate: IsoDate;
  readonly applicationDate: IsoDate;
  readonly tijdvak: Tijdvak;
  readonly rule: StartWindowRule;
}

export function checkStartWindow({ startDate, applicationDate, tijdvak, rule }: StartDateCheck): VerdictWith<StartWindowReason, StartWindow> {
  const window = startWindowFor(applicationDate, tijdvak, rule);
  return verdictWith<StartWindowReason, StartWindow>(
    [compareDates(startDate, window.earliestStart) < 0 && 'STARTS_TOO_SOON', compareDates(startDate, window.latestStart) > 0 && 'STARTS_TOO_LATE'],
    window,
  );
}

/** A training that starts on the application date has started (the day has begun). */
export function checkNotYetStarted(startDate: IsoDate, on: IsoDate): Verdict<NotStartedReason> {
  return verdict<NotStartedReason>([compareDates(startDate, on) <= 0 && 'TRAINING_ALREADY_STARTED']);
}
