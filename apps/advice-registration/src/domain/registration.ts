// Registering a trajectory: the fields the adviser must supply, and the scheme conditions that decide whether it
// may be registered. Pure: the caps that depend on other registrations are enforced atomically in the database
// (application/register-trajectory.ts); everything else is decided here from libs/regelingen.
// Source: DOMAIN.md §2.2-§2.4; seeds 000, 001, 003.
import type { Violation } from '@stap/platform/errors';
import {
  ageInYearsOn,
  assessAdviceRegistration,
  isIsoDate,
  isValidBsn,
  type AdviceRegistrationReason,
  type IsoDate,
  type Tijdvak,
} from '@stap/regelingen';
import { profileCode, schemeEducationLevel } from './profile';
import { isUuid } from '@stap/platform/ids';

export interface RegistrationInput {
  tijdvakId: string;
  /** Regeling code as named in the request (must match the tijdvak). */
  regeling: string;
  careerAdviserId: string;
  participantBsn: string;
  participantBirthDate: string;
  educationLevel: number;
  sector: number;
  employmentStatus: number;
  plannedStartDate: string;
  dutchLabourMarketTie: boolean;
}

export interface ValidRegistration {
  tijdvakId: string;
  careerAdviserId: string;
  participantBsn: string;
  participantBirthDate: IsoDate;
  educationLevel: string;
  sector: string;
  employmentStatus: string;
  plannedStartDate: IsoDate;
  dutchLabourMarketTie: boolean;
}

export { isUuid };

/** Every field violation at once, named by its proto path, so the adviser's system learns all its mistakes. */
export function registrationViolations(input: RegistrationInput): Violation[] {
  const violations: Violation[] = [];
  const check = (valid: boolean, field: string, description: string) => void (valid || violations.push({ field, description }));
  check(input.tijdvakId.length > 0, 'tijdvak.tijdvak_id', 'is required');
  check(isUuid(input.careerAdviserId), 'career_adviser_id', 'must be a UUID');
  // BSN: 9 digits passing the elfproef. Source: DOMAIN.md §5.
  check(isValidBsn(input.participantBsn), 'participant_bsn.value', 'must be 9 digits passing the elfproef');
  check(isIsoDate(input.participantBirthDate), 'participant_birth_date', 'must be a valid calendar date');
  check(isIsoDate(input.plannedStartDate), 'planned_start_date', 'must be a valid calendar date');
  check(profileCode('educationLevel', input.educationLevel) !== undefined, 'profile.education_level', 'must be a known education level');
  check(profileCode('sector', input.sector) !== undefined, 'profile.sector', 'must be a known sector');
  check(profileCode('employmentStatus', input.employmentStatus) !== undefined, 'profile.employment_status', 'must be a known employment status');
  return violations;
}

/** Call after registrationViolations found nothing: every profile code is then known. */
export function toValidRegistration(input: RegistrationInput): ValidRegistration {
  return {
    tijdvakId: input.tijdvakId,
    careerAdviserId: input.careerAdviserId.toLowerCase(),
    participantBsn: input.participantBsn,
    participantBirthDate: input.participantBirthDate,
    educationLevel: profileCode('educationLevel', input.educationLevel) ?? '',
    sector: profileCode('sector', input.sector) ?? '',
    employmentStatus: profileCode('employmentStatus', input.employmentStatus) ?? '',
    plannedStartDate: input.plannedStartDate,
    dutchLabourMarketTie: input.dutchLabourMarketTie,
  };
}

export type RegistrationRefusal = AdviceRegistrationReason | 'NO_DUTCH_LABOUR_MARKET_TIE';

export interface RegistrationAssessment {
  refusals: readonly RegistrationRefusal[];
  registrationDate: IsoDate;
  participantAge: number;
  parametersVersion: string | null;
  priceCents: number | null;
}

/**
 * The scheme conditions of libs/regelingen (window, age 18 to below AOW, education level, registered before the
 * start), with the counting limits left to the database. Tie to the Dutch labour market: the target group is
 * everyone "met een band met de Nederlandse arbeidsmarkt" [000] (DOMAIN.md §2.3).
 */
export function assessRegistration(registration: ValidRegistration, tijdvak: Tijdvak, now: Date): RegistrationAssessment {
  const verdict = assessAdviceRegistration({
    tijdvak,
    registeredAt: now,
    participant: { birthDate: registration.participantBirthDate, educationLevel: schemeEducationLevel(registration.educationLevel) },
    trajectoryStartDate: registration.plannedStartDate,
    registrationsOfParticipantInTranche: 0,
    registrationsOfAdviserToday: 0,
    registrationsInTranche: 0,
  });
  const refusals: RegistrationRefusal[] = [...verdict.reasons];
  if (!registration.dutchLabourMarketTie) refusals.push('NO_DUTCH_LABOUR_MARKET_TIE');
  return {
    refusals,
    registrationDate: verdict.registrationDate,
    participantAge: ageInYearsOn(registration.participantBirthDate, verdict.registrationDate),
    parametersVersion: verdict.version,
    priceCents: verdict.priceCents,
  };
}

/** Refusals that mean the request itself is wrong (INVALID_ARGUMENT), with the field they concern. */
export const INVALID_INPUT_REFUSALS: Partial<Record<RegistrationRefusal, Violation>> = {
  TRAJECTORY_ALREADY_STARTED: { field: 'planned_start_date', description: 'the trajectory must be registered before it starts; the planned start is in the past' },
  BIRTH_DATE_IN_FUTURE: { field: 'participant_birth_date', description: 'lies in the future' },
};
