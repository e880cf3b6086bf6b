// Career advisers (loopbaanadviseurs) of adviser organisations. Source: DOMAIN.md §1 ("Noloc/CMI-registered adviser,
// HBO level, 3 yrs experience"); the requirement itself lives in libs/regelingen (ADVISER_QUALIFICATION).
import type { Violation } from '@stap/platform/errors';
import { ADVISER_QUALIFICATION, checkAdviserQualification, compareDates, type AdviserQualificationReason, type IsoDate } from '@stap/regelingen';

export const ADVISER_REGISTERS = ['NOLOC', 'CMI'] as const;
export type AdviserRegisterName = (typeof ADVISER_REGISTERS)[number];

export interface CareerAdviserInput {
  name: string;
  register: string;
  registrationNumber: string;
  hboLevel: boolean;
  yearsOfExperience: number;
  activeFrom: IsoDate | undefined;
  activeUntil: IsoDate | undefined;
  activeUntilMalformed: boolean;
}

export function careerAdviserViolations(input: CareerAdviserInput): Violation[] {
  const violations: Violation[] = [];
  if (input.name.trim() === '' || input.name.length > 200) violations.push({ field: 'name', description: 'is required, at most 200 characters' });
  if (!(ADVISER_REGISTERS as readonly string[]).includes(input.register)) violations.push({ field: 'register', description: 'must be NOLOC or CMI' });
  if (!/^[A-Za-z0-9-]{1,32}$/.test(input.registrationNumber)) {
    violations.push({ field: 'registration_number', description: 'is required: letters, digits and hyphens, at most 32' });
  }
  if (!Number.isInteger(input.yearsOfExperience) || input.yearsOfExperience < 0 || input.yearsOfExperience > 70) {
    violations.push({ field: 'years_of_experience', description: 'must be a whole number of years from 0 to 70' });
  }
  if (!input.activeFrom) violations.push({ field: 'active_period.start', description: 'must be a calendar date' });
  if (input.activeUntilMalformed) violations.push({ field: 'active_period.end', description: 'must be a calendar date when set' });
  if (input.activeFrom && input.activeUntil && compareDates(input.activeUntil, input.activeFrom) < 0) {
    violations.push({ field: 'active_period.end', description: 'must not be before the start' });
  }
  return violations;
}

const QUALIFICATION_MESSAGES: Record<AdviserQualificationReason, string> = {
  REGISTER_NOT_ACCEPTED: 'the adviser must be registered with Noloc or CMI',
  NOT_HBO_LEVEL: 'the adviser must work at HBO level',
  TOO_LITTLE_EXPERIENCE: `the adviser needs at least ${ADVISER_QUALIFICATION.value.minimumYearsOfExperience} years of experience`,
};

/** The unmet qualification requirements, as (reason, message) pairs; empty when qualified. */
export function unmetQualifications(input: CareerAdviserInput): { reason: AdviserQualificationReason; message: string }[] {
  return checkAdviserQualification(input).reasons.map((reason) => ({ reason, message: QUALIFICATION_MESSAGES[reason] }));
}
