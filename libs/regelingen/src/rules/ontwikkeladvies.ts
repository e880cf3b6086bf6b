// Development advice (NL Leert Door ontwikkeladvies, Ontwikkeladvies STAP, TSOV 45+): the adviser
// registers each trajectory before it starts and claims a fixed price after completion.
// Source: DOMAIN.md §2.2-§2.4 [pub]; seeds 000, 001, 003, 004.
import { amsterdamDateOf, amsterdamToInstant } from '../calendar/amsterdam-time';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import { parametersOn } from '../config/catalogue';
import type { OntwikkeladviesParameters, Tijdvak } from '../config/types';
import { combineVerdicts, verdict, verdictWith, type Verdict, type VerdictWith } from '../result';
import { checkAge, type AgeReason } from './age';
import { checkBudgetCeiling, checkCountCap, type CapReason, type CeilingReason } from './budget';
import { checkWithinTijdvak, type WindowReason } from './tijdvak-window';

export type EducationLevel = 'BASISONDERWIJS' | 'VMBO' | 'MBO_1' | 'MBO_2' | 'MBO_3' | 'MBO_4' | 'HAVO' | 'VWO' | 'HBO' | 'WO';

/** "Praktisch geschoold, ten hoogste mbo-2". Source: DOMAIN.md §2.2; seed 004. */
const UP_TO_MBO_2: readonly EducationLevel[] = ['BASISONDERWIJS', 'VMBO', 'MBO_1', 'MBO_2'];

export type AdviceRegistrationReason =
  | 'NOT_AN_ADVICE_SCHEME'
  | 'NO_VERSION_IN_FORCE'
  | WindowReason
  | AgeReason
  | 'EDUCATION_LEVEL_UNKNOWN'
  | 'EDUCATION_ABOVE_TARGET_GROUP'
  | 'TRAJECTORY_ALREADY_STARTED'
  | 'ALREADY_REGISTERED_IN_TRANCHE'
  | 'ADVISER_DAILY_LIMIT_REACHED'
  | CapReason
  | CeilingReason;

export type AdviceClaimReason = 'NOT_AN_ADVICE_SCHEME' | 'NO_VERSION_IN_FORCE' | 'TRAJECTORY_NOT_COMPLETED' | 'CLAIM_DEADLINE_PASSED';

const ADVICE_SCHEMES = ['NLLD_ONTWIKKELADVIES', 'STAP_ONTWIKKELADVIES', 'TSOV_45PLUS'] as const;
type AdviceScheme = (typeof ADVICE_SCHEMES)[number];

function isAdviceScheme(code: string): code is AdviceScheme {
  return (ADVICE_SCHEMES as readonly string[]).includes(code);
}

function adviceParametersOn(tijdvak: Tijdvak, date: IsoDate): OntwikkeladviesParameters | undefined {
  return isAdviceScheme(tijdvak.regeling) ? parametersOn(tijdvak.regeling, date)?.parameters : undefined;
}

/** One trajectory per person per tranche. Source: DOMAIN.md §2.3; seeds 001, 003. */
export function checkOnePerPersonPerTranche(registrationsOfPersonInTranche: number, allowed: number): Verdict<'ALREADY_REGISTERED_IN_TRANCHE'> {
  return verdict<'ALREADY_REGISTERED_IN_TRANCHE'>([registrationsOfPersonInTranche >= allowed && 'ALREADY_REGISTERED_IN_TRANCHE']);
}

/** At most 25 registrations per adviser per Amsterdam calendar day (amendment). Source: DOMAIN.md §2.3 [pub]. */
export function checkAdviserDailyLimit(registrationsOfAdviserToday: number, limit: number | null): Verdict<'ADVISER_DAILY_LIMIT_REACHED'> {
  return verdict<'ADVISER_DAILY_LIMIT_REACHED'>([limit !== null && registrationsOfAdviserToday >= limit && 'ADVISER_DAILY_LIMIT_REACHED']);
}

/**
 * Registered before the trajectory starts. Only dates are known, so registering on the start date
 * itself is accepted. Source: DOMAIN.md §2.3; seeds 001, 003.
 */
export function checkRegisteredBeforeStart(registrationDate: IsoDate, trajectoryStartDate: IsoDate): Verdict<'TRAJECTORY_ALREADY_STARTED'> {
  return verdict<'TRAJECTORY_ALREADY_STARTED'>([compareDates(trajectoryStartDate, registrationDate) < 0 && 'TRAJECTORY_ALREADY_STARTED']);
}

/** Claims are received before the deadline (exclusive). Source: DOMAIN.md §2.3 [pub]; seed 004. */
export function checkClaimDeadline(claimedAt: Date, tijdvak: Tijdvak): Verdict<'CLAIM_DEADLINE_PASSED'> {
  const deadline = tijdvak.claimDeadline?.value;
  return verdict<'CLAIM_DEADLINE_PASSED'>([deadline !== undefined && claimedAt.getTime() >= amsterdamToInstant(deadline).getTime() && 'CLAIM_DEADLINE_PASSED']);
}

function checkEducation(level: EducationLevel | undefined, max: 'MBO_2' | null): Verdict<'EDUCATION_LEVEL_UNKNOWN' | 'EDUCATION_ABOVE_TARGET_GROUP'> {
  if (max === null) return verdict([]);
  if (level === undefined) return verdict(['EDUCATION_LEVEL_UNKNOWN']);
  return verdict([!UP_TO_MBO_2.includes(level) && 'EDUCATION_ABOVE_TARGET_GROUP']);
}

export interface AdviceRegistration {
  readonly tijdvak: Tijdvak;
  /** Instant the registration was completely received. */
  readonly registeredAt: Date;
  readonly participant: { readonly birthDate: IsoDate; readonly educationLevel?: EducationLevel };
  readonly trajectoryStartDate: IsoDate;
  /** Earlier registrations of this participant in this tranche. */
  readonly registrationsOfParticipantInTranche: number;
  /** Earlier registrations by this adviser on the same Amsterdam calendar day. */
  readonly registrationsOfAdviserToday: number;
  /** Registrations already counted against the tranche. */
  readonly registrationsInTranche: number;
}

export interface AdviceRegistrationFacts {
  readonly registrationDate: IsoDate;
  readonly version: string | null;
  readonly priceCents: number | null;
}

function registrationLimits(input: AdviceRegistration, parameters: OntwikkeladviesParameters): Verdict<AdviceRegistrationReason>[] {
  const { tijdvak } = input;
  const price = parameters.pricePerTrajectoryCents.value;
  const checks: Verdict<AdviceRegistrationReason>[] = [
    checkOnePerPersonPerTranche(input.registrationsOfParticipantInTranche, parameters.trajectoriesPerPersonPerTranche.value),
    checkAdviserDailyLimit(input.registrationsOfAdviserToday, parameters.adviserDailyRegistrationLimit.value),
  ];
  if (tijdvak.countCap) checks.push(checkCountCap({ cap: tijdvak.countCap.value, countSoFar: input.registrationsInTranche }));
  if (tijdvak.budgetCeilingCents) {
    // Each registration commits one trajectory price against the ceiling.
    checks.push(checkBudgetCeiling({ ceilingCents: tijdvak.budgetCeilingCents.value, committedCents: input.registrationsInTranche * price, amountCents: price }));
  }
  return checks;
}

export function assessAdviceRegistration(input: AdviceRegistration): VerdictWith<AdviceRegistrationReason, AdviceRegistrationFacts> {
  const registrationDate = amsterdamDateOf(input.registeredAt);
  if (!isAdviceScheme(input.tijdvak.regeling)) return verdictWith(['NOT_AN_ADVICE_SCHEME'], { registrationDate, version: null, priceCents: null });
  const version = parametersOn(input.tijdvak.regeling, registrationDate);
  const window = checkWithinTijdvak(input.registeredAt, input.tijdvak);
  if (!version) return verdictWith([...window.reasons, 'NO_VERSION_IN_FORCE'], { registrationDate, version: null, priceCents: null });
  const parameters = version.parameters;
  const combined = combineVerdicts<AdviceRegistrationReason>(
    window,
    checkAge({ birthDate: input.participant.birthDate, on: registrationDate, limits: parameters.age }),
    checkEducation(input.participant.educationLevel, parameters.maxEducationLevel.value),
    checkRegisteredBeforeStart(registrationDate, input.trajectoryStartDate),
    ...registrationLimits(input, parameters),
  );
  return { ...combined, registrationDate, version: version.version, priceCents: parameters.pricePerTrajectoryCents.value };
}

export interface AdviceClaim {
  readonly tijdvak: Tijdvak;
  readonly claimedAt: Date;
  /** Date the trajectory was completed; null when it has not been. */
  readonly completedOn: IsoDate | null;
  /** Date the trajectory was registered: the price of the version in force then is paid. */
  readonly registeredOn: IsoDate;
}

/** A claim pays the fixed price, only after completion and before the claim deadline. */
export function assessAdviceClaim(input: AdviceClaim): VerdictWith<AdviceClaimReason, { amountCents: number }> {
  const parameters = adviceParametersOn(input.tijdvak, input.registeredOn);
  if (!isAdviceScheme(input.tijdvak.regeling)) return verdictWith(['NOT_AN_ADVICE_SCHEME'], { amountCents: 0 });
  if (!parameters) return verdictWith(['NO_VERSION_IN_FORCE'], { amountCents: 0 });
  const claimDate = amsterdamDateOf(input.claimedAt);
  const completed = input.completedOn !== null && compareDates(input.completedOn, claimDate) <= 0;
  const combined = combineVerdicts<AdviceClaimReason>(
    verdict([parameters.claimOnlyAfterCompletion.value && !completed && 'TRAJECTORY_NOT_COMPLETED']),
    checkClaimDeadline(input.claimedAt, input.tijdvak),
  );
  return { ...combined, amountCents: combined.eligible ? parameters.pricePerTrajectoryCents.value : 0 };
}
