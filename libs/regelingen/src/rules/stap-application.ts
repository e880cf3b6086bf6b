// Everything that can be decided about one STAP application from its own facts, in one verdict with
// all reasons at once (a decision letter lists every ground). The budget ceiling is not in here: it
// depends on every other application of the tijdvak, so the portal applies checkBudgetCeiling in
// order of complete receipt after this assessment. Source: DOMAIN.md §2.1 [pub]; seed 004.
import { amsterdamDateOf, datePartOf } from '../calendar/amsterdam-time';
import type { IsoDate } from '../calendar/iso-date';
import { getTijdvak, parametersOn } from '../config/catalogue';
import type { ExcludedBenefit, Tijdvak } from '../config/types';
import type { TijdvakId } from '../codes';
import { combineVerdicts, verdictWith, type VerdictWith } from '../result';
import { checkAge, type AgeReason } from './age';
import { stapAmount, type AmountReason } from './amount';
import { checkGrantsPerCalendarYear, type AnnualLimitReason, type PriorApplication } from './annual-limit';
import { checkNoExcludedBenefits, type BenefitReason } from './benefits';
import { checkInsuredMonths, type InsuranceReason, type InsuredPeriod } from './insurance';
import { checkNotYetStarted, checkStartWindow, type NotStartedReason, type StartWindowReason } from './start-date';
import { checkTrainingGrantLimit, type TrainingLimitReason } from './training-limit';
import { checkWithinTijdvak, type WindowReason } from './tijdvak-window';

export type StapApplicationReason =
  | 'UNKNOWN_TIJDVAK'
  | 'NOT_A_STAP_TIJDVAK'
  | 'NO_VERSION_IN_FORCE'
  | WindowReason
  | AgeReason
  | InsuranceReason
  | BenefitReason
  | AnnualLimitReason
  | StartWindowReason
  | NotStartedReason
  | TrainingLimitReason
  | AmountReason;

export interface StapApplication {
  readonly tijdvakId: TijdvakId;
  /** Instant the application was completely received; its Amsterdam date is the application date. */
  readonly receivedAt: Date;
  readonly applicant: {
    readonly birthDate: IsoDate;
    readonly insuredPeriods: readonly InsuredPeriod[];
    readonly receives: readonly ExcludedBenefit[];
    readonly previousApplications: readonly PriorApplication[];
  };
  readonly training: {
    readonly startDate: IsoDate;
    readonly registerPriceCents: number;
    readonly requestedCents?: number;
    /** Grants already made for this training in the calendar year of the application. */
    readonly grantsThisYear: number;
  };
}

export interface StapAssessmentFacts {
  readonly applicationDate: IsoDate;
  readonly version: string | null;
  readonly grantedCents: number;
  readonly remainderCents: number;
  readonly earliestStart: IsoDate | null;
  readonly latestStart: IsoDate | null;
  readonly aowAgeReachedOn: IsoDate | null;
  readonly insuredMonths: number | null;
}

function emptyFacts(applicationDate: IsoDate): StapAssessmentFacts {
  return { applicationDate, version: null, grantedCents: 0, remainderCents: 0, earliestStart: null, latestStart: null, aowAgeReachedOn: null, insuredMonths: null };
}

function stapTijdvak(id: TijdvakId): Tijdvak | 'UNKNOWN_TIJDVAK' | 'NOT_A_STAP_TIJDVAK' {
  const tijdvak = getTijdvak(id);
  if (!tijdvak) return 'UNKNOWN_TIJDVAK';
  return tijdvak.regeling === 'STAP' ? tijdvak : 'NOT_A_STAP_TIJDVAK';
}

export function assessStapApplication(input: StapApplication): VerdictWith<StapApplicationReason, StapAssessmentFacts> {
  const applicationDate = amsterdamDateOf(input.receivedAt);
  const tijdvak = stapTijdvak(input.tijdvakId);
  if (typeof tijdvak === 'string') return verdictWith([tijdvak], emptyFacts(applicationDate));
  const version = parametersOn('STAP', applicationDate);
  const window = checkWithinTijdvak(input.receivedAt, tijdvak);
  if (!version) return verdictWith([...window.reasons, 'NO_VERSION_IN_FORCE'], emptyFacts(applicationDate));
  const p = version.parameters;
  const { applicant, training } = input;

  const age = checkAge({ birthDate: applicant.birthDate, on: applicationDate, limits: p.age });
  const insurance = checkInsuredMonths({ insuredPeriods: applicant.insuredPeriods, tijdvakOpeningDate: datePartOf(tijdvak.opensAt.value), requirement: p.insurance.value });
  const start = checkStartWindow({
    startDate: training.startDate,
    applicationDate,
    tijdvak,
    rule: { earliestStartWeeksAfterApplication: p.earliestStartWeeksAfterApplication.value, latestStartMonthsAfterTijdvakCloses: p.latestStartMonthsAfterTijdvakCloses.value },
  });
  const amount = stapAmount({ registerPriceCents: training.registerPriceCents, requestedCents: training.requestedCents, maxAmountCents: p.maxAmountPerApplicationCents.value });
  const combined = combineVerdicts<StapApplicationReason>(
    window,
    age,
    insurance,
    checkNoExcludedBenefits({ receives: applicant.receives, excluded: p.excludedBenefits.value }),
    checkGrantsPerCalendarYear({ applicationDate, previous: applicant.previousApplications, grantsPerCalendarYear: p.grantsPerCalendarYear.value }),
    checkNotYetStarted(training.startDate, applicationDate),
    start,
    checkTrainingGrantLimit({ grantsThisYear: training.grantsThisYear, limit: p.trainingGrantLimitPerYear.value }),
    amount,
  );
  return {
    ...combined,
    applicationDate,
    version: version.version,
    grantedCents: combined.eligible ? amount.grantedCents : 0,
    remainderCents: combined.eligible ? amount.remainderCents : 0,
    earliestStart: start.earliestStart,
    latestStart: start.latestStart,
    aowAgeReachedOn: age.aowAgeReachedOn,
    insuredMonths: insurance.insuredMonths,
  };
}
