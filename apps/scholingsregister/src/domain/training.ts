// The register's pure rules for trainings and start moments: input checks (Dutch address format, price components
// in cents, VAT included), completeness, the derived status and the "applyable" rule. No I/O.
// Sources: DOMAIN.md §3 Scholingsregister ("Trainings are applyable only when the data set is complete"; statuses
// published, application closed (full), withdrawn, excluded; a per-training flag "not available for STAP"),
// §2.1 [pub] (verleningsgrens: at most N grants per training per year, a regeling parameter).
import { checkTrainingGrantLimit, validatePostcode } from '@stap/regelingen';
import type { Violation } from '@stap/platform/errors';

export const SECTORS = [
  'SECTOR_AGRICULTURE', 'SECTOR_CONSTRUCTION', 'SECTOR_CREATIVE_CULTURE_MEDIA', 'SECTOR_EDUCATION', 'SECTOR_ENERGY_ENVIRONMENT',
  'SECTOR_FINANCE', 'SECTOR_HEALTHCARE_WELFARE', 'SECTOR_HOSPITALITY_RECREATION', 'SECTOR_ICT', 'SECTOR_INDUSTRY_TECHNOLOGY',
  'SECTOR_LOGISTICS_TRANSPORT', 'SECTOR_PUBLIC_ADMINISTRATION_SAFETY', 'SECTOR_RETAIL_WHOLESALE', 'SECTOR_BUSINESS_SERVICES',
  'SECTOR_PERSONAL_SERVICES', 'SECTOR_CROSS_SECTOR', 'SECTOR_OTHER',
] as const;
export const NLQF_LEVELS = [
  'NLQF_LEVEL_NOT_CLASSIFIED', 'NLQF_LEVEL_ENTRY', 'NLQF_LEVEL_1', 'NLQF_LEVEL_2', 'NLQF_LEVEL_3', 'NLQF_LEVEL_4',
  'NLQF_LEVEL_5', 'NLQF_LEVEL_6', 'NLQF_LEVEL_7', 'NLQF_LEVEL_8',
] as const;
export const EQF_LEVELS = [
  'EQF_LEVEL_NOT_CLASSIFIED', 'EQF_LEVEL_1', 'EQF_LEVEL_2', 'EQF_LEVEL_3', 'EQF_LEVEL_4', 'EQF_LEVEL_5', 'EQF_LEVEL_6',
  'EQF_LEVEL_7', 'EQF_LEVEL_8',
] as const;
export const DELIVERY_MODES = [
  'DELIVERY_MODE_CLASSROOM', 'DELIVERY_MODE_ONLINE_LIVE', 'DELIVERY_MODE_ONLINE_SELF_PACED', 'DELIVERY_MODE_BLENDED', 'DELIVERY_MODE_WORKPLACE',
] as const;
export const LOCATION_KINDS = ['LOCATION_KIND_NETHERLANDS_ADDRESS', 'LOCATION_KIND_ONLINE', 'LOCATION_KIND_ABROAD'] as const;

export type LocationKind = (typeof LOCATION_KINDS)[number];
export type Lifecycle = 'ACTIVE' | 'WITHDRAWN' | 'EXCLUDED';
export type StartMomentStatus = 'OPEN' | 'FULL' | 'CANCELLED';
export type TrainingStatus =
  | 'TRAINING_STATUS_INCOMPLETE'
  | 'TRAINING_STATUS_PUBLISHED'
  | 'TRAINING_STATUS_APPLICATION_CLOSED'
  | 'TRAINING_STATUS_WITHDRAWN'
  | 'TRAINING_STATUS_EXCLUDED';
export type ClosedReason = 'APPLICATION_CLOSED_REASON_FULL' | 'APPLICATION_CLOSED_REASON_GRANT_LIMIT_REACHED';

/** The descriptive data of a programme, as a provider gives it. Enumerations use the proto's JSON names. */
export interface ProgrammeInput {
  providerProgrammeCode: string;
  name: string;
  description: string;
  studyLoadHours: number;
  nlqfLevel: string;
  eqfLevel: string;
  sector: string;
  language: string;
  deliveryMode: string;
  leadsToCertificate: boolean;
}

export interface AddressInput {
  street: string;
  houseNumber: number;
  houseNumberAddition: string;
  postalCode: string;
  city: string;
}

export interface StartMomentInput {
  providerStartMomentCode: string;
  /** ISO dates, yyyy-mm-dd. */
  startDate: string;
  endDate: string;
  location: { kind: string; address?: AddressInput; countryCode?: string; venueName?: string };
  /** Euro cents, VAT included; course/tuition required, exam and literature optional (absent = not charged). */
  price: { courseTuitionCents: number | null; examCents: number | null; literatureCents: number | null };
  /** Number of places; null or absent when not stated (feeds never state it). */
  capacity?: number | null;
}

/** A start moment as checked: normalised postcode, total price computed. */
export interface CheckedStartMoment extends StartMomentInput {
  totalCents: number;
  postalCode: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const LANGUAGE = /^[a-z]{2}$/;
/** Most places a start moment can state: a sanity bound on input, not a scheme rule. */
const MAX_CAPACITY = 100_000;
/** Highest price component accepted: far above any real course, far below integer overflow. */
const MAX_COMPONENT_CENTS = 100_000_000;

const isOneOf = (values: readonly string[], value: string) => values.includes(value);

export function checkProgramme(input: ProgrammeInput, prefix = ''): Violation[] {
  const v: Violation[] = [];
  const add = (field: string, description: string) => v.push({ field: prefix + field, description });
  if (!CODE.test(input.providerProgrammeCode ?? '')) add('provider_programme_code', 'is required: 1-64 letters, digits, ".", "_" or "-"');
  if (!input.name?.trim()) add('name', 'is required');
  else if (input.name.length > 300) add('name', 'is longer than 300 characters');
  if ((input.description ?? '').length > 10_000) add('description', 'is longer than 10,000 characters');
  if (!Number.isInteger(input.studyLoadHours) || input.studyLoadHours <= 0 || input.studyLoadHours > 10_000) add('study_load_hours', 'must be a whole number of hours from 1 to 10,000');
  if (!isOneOf(NLQF_LEVELS, input.nlqfLevel)) add('nlqf_level', `must be one of ${NLQF_LEVELS.join(', ')}`);
  if (!isOneOf(EQF_LEVELS, input.eqfLevel)) add('eqf_level', `must be one of ${EQF_LEVELS.join(', ')}`);
  if (!isOneOf(SECTORS, input.sector)) add('sector', `must be one of ${SECTORS.join(', ')}`);
  if (!LANGUAGE.test(input.language ?? '')) add('language', 'must be an ISO 639-1 code such as "nl" or "en"');
  if (!isOneOf(DELIVERY_MODES, input.deliveryMode)) add('delivery_mode', `must be one of ${DELIVERY_MODES.join(', ')}`);
  return v;
}

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value ?? '')) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A Dutch address checked for format (DOMAIN.md §3 "location with Dutch address checked for format" [pub]):
 * street and place present, house number 1-99999, postcode per PostNL's format (libs/regelingen validatePostcode).
 */
export function checkDutchAddress(address: AddressInput | undefined, prefix: string): { violations: Violation[]; postalCode: string | null } {
  const v: Violation[] = [];
  if (!address) return { violations: [{ field: `${prefix}address`, description: 'is required for a location in the Netherlands' }], postalCode: null };
  if (!address.street?.trim()) v.push({ field: `${prefix}address.street`, description: 'is required' });
  if (!Number.isInteger(address.houseNumber) || address.houseNumber < 1 || address.houseNumber > 99_999) v.push({ field: `${prefix}address.house_number`, description: 'must be from 1 to 99999' });
  if ((address.houseNumberAddition ?? '').length > 10) v.push({ field: `${prefix}address.house_number_addition`, description: 'is longer than 10 characters' });
  if (!address.city?.trim()) v.push({ field: `${prefix}address.city`, description: 'is required' });
  const postcode = validatePostcode(address.postalCode ?? '');
  if (!postcode.eligible) v.push({ field: `${prefix}address.postal_code`, description: 'must be a Dutch postcode such as "1234 AB"' });
  return { violations: v, postalCode: postcode.postcode };
}

function checkComponent(cents: number | null, field: string, required: boolean): Violation[] {
  if (cents === null) return required ? [{ field, description: 'is required' }] : [];
  if (!Number.isSafeInteger(cents) || cents < 0 || cents > MAX_COMPONENT_CENTS) return [{ field, description: 'must be whole euro cents from 0 to 100,000,000' }];
  return [];
}

/** Checks a start moment; returns the violations, and the checked start moment when there are none. */
export function checkStartMoment(input: StartMomentInput, prefix = ''): { violations: Violation[]; checked?: CheckedStartMoment } {
  const v: Violation[] = [];
  if (!CODE.test(input.providerStartMomentCode ?? '')) v.push({ field: `${prefix}provider_start_moment_code`, description: 'is required: 1-64 letters, digits, ".", "_" or "-"' });
  const startOk = isValidIsoDate(input.startDate);
  const endOk = isValidIsoDate(input.endDate);
  if (!startOk) v.push({ field: `${prefix}start_date`, description: 'must be a valid date' });
  if (!endOk) v.push({ field: `${prefix}end_date`, description: 'must be a valid date' });
  if (startOk && endOk && input.endDate < input.startDate) v.push({ field: `${prefix}end_date`, description: 'must be on or after start_date' });
  let postalCode: string | null = null;
  const kind = input.location?.kind;
  if (!isOneOf(LOCATION_KINDS, kind)) v.push({ field: `${prefix}location.kind`, description: `must be one of ${LOCATION_KINDS.join(', ')}` });
  if (kind === 'LOCATION_KIND_NETHERLANDS_ADDRESS') {
    const address = checkDutchAddress(input.location.address, `${prefix}location.`);
    v.push(...address.violations);
    postalCode = address.postalCode;
  }
  if (kind === 'LOCATION_KIND_ABROAD' && !/^[A-Z]{2}$/.test(input.location.countryCode ?? '')) v.push({ field: `${prefix}location.country_code`, description: 'must be an ISO 3166-1 alpha-2 code' });
  const price = input.price ?? { courseTuitionCents: null, examCents: null, literatureCents: null };
  v.push(
    ...checkComponent(price.courseTuitionCents, `${prefix}price_components.course_tuition`, true),
    ...checkComponent(price.examCents, `${prefix}price_components.exam`, false),
    ...checkComponent(price.literatureCents, `${prefix}price_components.literature_materials`, false),
  );
  if (input.capacity !== undefined && input.capacity !== null && (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_CAPACITY)) {
    v.push({ field: `${prefix}capacity`, description: 'must be a whole number from 1 to 100,000' });
  }
  if (v.length > 0) return { violations: v };
  return { violations: v, checked: { ...input, postalCode, totalCents: totalPriceCents(price) } };
}

/** The total a STAP amount may not exceed: the sum of the components, VAT included (DOMAIN.md §2.1, §3). */
export function totalPriceCents(price: StartMomentInput['price']): number {
  return (price.courseTuitionCents ?? 0) + (price.examCents ?? 0) + (price.literatureCents ?? 0);
}

export interface StatusFacts {
  lifecycle: Lifecycle;
  description: string;
  startMomentStatuses: readonly StartMomentStatus[];
  grantsThisYear: number;
  /** Null when no verleningsgrens is in force (before February 2023). */
  grantLimitPerYear: number | null;
}

/** What is still missing before a training's data set is complete (DOMAIN.md §3). */
export function missingForCompleteness(facts: Pick<StatusFacts, 'description' | 'startMomentStatuses'>): string[] {
  const missing: string[] = [];
  if (!facts.description.trim()) missing.push('description');
  if (!facts.startMomentStatuses.some((status) => status !== 'CANCELLED')) missing.push('start_moment');
  return missing;
}

/** The status shown for a training, derived from what people decided and from its data. */
export function deriveStatus(facts: StatusFacts): { status: TrainingStatus; closedReason: ClosedReason | null } {
  if (facts.lifecycle === 'WITHDRAWN') return { status: 'TRAINING_STATUS_WITHDRAWN', closedReason: null };
  if (facts.lifecycle === 'EXCLUDED') return { status: 'TRAINING_STATUS_EXCLUDED', closedReason: null };
  if (missingForCompleteness(facts).length > 0) return { status: 'TRAINING_STATUS_INCOMPLETE', closedReason: null };
  if (!checkTrainingGrantLimit({ grantsThisYear: facts.grantsThisYear, limit: facts.grantLimitPerYear }).eligible) {
    return { status: 'TRAINING_STATUS_APPLICATION_CLOSED', closedReason: 'APPLICATION_CLOSED_REASON_GRANT_LIMIT_REACHED' };
  }
  if (!facts.startMomentStatuses.includes('OPEN')) return { status: 'TRAINING_STATUS_APPLICATION_CLOSED', closedReason: 'APPLICATION_CLOSED_REASON_FULL' };
  return { status: 'TRAINING_STATUS_PUBLISHED', closedReason: null };
}

/**
 * Applyable: can be named in a STAP application now. Complete and published (so not excluded, withdrawn, full or at
 * the grant limit), not flagged "not available for STAP", and its provider eligible (DOMAIN.md §3).
 */
export function isApplyable(training: { status: string; notAvailableForStap: boolean; providerEligible: boolean }): boolean {
  return training.status === 'TRAINING_STATUS_PUBLISHED' && !training.notAvailableForStap && training.providerEligible;
}

/**
 * A provider's trainings are applyable while it is registered, not suspended or ended, and holds at least one valid
 * recognition. Source: DOMAIN.md §3 Provider registry (recognition routes; revocation makes trainings
 * non-applyable; suspension is an explicit decision).
 */
export function isProviderEligible(provider: { suspended: boolean; ended: boolean; validRecognitions: number }): boolean {
  return !provider.suspended && !provider.ended && provider.validRecognitions > 0;
}

/**
 * Whether a provider decision takes effect now: without an effective date, or with one that is today or past
 * (Europe/Amsterdam calendar dates, yyyy-mm-dd). A later date waits for that day: "from effective_date the
 * trainings are not applyable" (proto/stap/providers/events/v1/events.proto; DOMAIN.md §3 Provider registry).
 */
export function takesEffectNow(effectiveDate: string | undefined, today: string): boolean {
  return !effectiveDate || effectiveDate <= today;
}

/** Lifecycle transitions that people make; each returns the reason it is refused, or null. */
export const lifecycleRules = {
  change: (lifecycle: Lifecycle) => (lifecycle === 'ACTIVE' ? null : `a ${lifecycle.toLowerCase()} training cannot change`),
  withdraw: (lifecycle: Lifecycle) => (lifecycle === 'WITHDRAWN' ? 'the training is already withdrawn' : null),
  exclude: (lifecycle: Lifecycle) => (lifecycle === 'EXCLUDED' ? 'the training is already excluded' : null),
  lift: (lifecycle: Lifecycle) => (lifecycle === 'EXCLUDED' ? null : 'the training is not excluded'),
  markFull: (status: StartMomentStatus) => (status === 'CANCELLED' ? 'a cancelled start moment cannot be marked full' : null),
  cancel: (status: StartMomentStatus) => (status === 'CANCELLED' ? 'the start moment is already cancelled' : null),
  // A cancelled start moment is kept as it was for settlement (DOMAIN.md §3): it is not changed afterwards.
  changeStartMoment: (status: StartMomentStatus) => (status === 'CANCELLED' ? 'a cancelled start moment cannot be changed' : null),
  reopen: (status: StartMomentStatus) => (status === 'FULL' ? null : 'only a full start moment can be reopened'),
};
