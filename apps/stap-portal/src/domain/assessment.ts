// Everything that can be decided about one STAP application from its own facts, before it takes its place in the
// order of complete receipt: age, insurance, student finance, the training and start-date conditions, the
// certificate match and the amount. The rules that depend on the other applications (ceiling, one grant per
// calendar year, the training's yearly grant limit) are applied by decideInOrder. Source: DOMAIN.md §2.1 [pub];
// the rule functions and parameters of libs/regelingen (STAP versions in config/data/stap.ts).
import {
  amsterdamDateOf,
  checkAge,
  checkInsuredMonths,
  checkNoExcludedBenefits,
  checkNotYetStarted,
  checkStartWindow,
  compareDates,
  instantToAmsterdam,
  sourced,
  stapAmount,
  type ExcludedBenefit,
  type InsuredPeriod,
  type IsoDate,
  type RecognitionRoute,
  type Tijdvak as RegelingTijdvak,
} from '@stap/regelingen';
import { fromRuleCodes, type RejectionReason } from './reasons';
import type { StapRules } from './rules-version';

export interface PersonFacts {
  found: boolean;
  alive: boolean;
  birthDate: IsoDate;
  initials: string;
  surname: string;
  insuredPeriods: InsuredPeriod[];
  receives: ExcludedBenefit[];
}

export interface CertificateFacts {
  status: 'ISSUED' | 'USED' | 'REVOKED' | 'EXPIRED';
  providerId: string;
  trainingId: string;
  startMomentId: string;
  holderInitials: string;
  holderSurname: string;
  holderBirthDate: IsoDate;
  amountCents: number;
  validUntil: IsoDate;
}

export interface TrainingFacts {
  found: boolean;
  providerId: string;
  published: boolean;
  availableForStap: boolean;
  startMomentFound: boolean;
  startMomentCancelled: boolean;
  startDate: IsoDate;
  registerPriceCents: number;
}

/** One recognition of the provider as provider-registry's events told it (valid days, revocation). */
export interface RecognitionFacts {
  route: RecognitionRoute;
  validFrom: IsoDate;
  /** Last valid day; null while open-ended. */
  validUntil: IsoDate | null;
  /** First day it no longer counts after a revocation. */
  revokedFrom: IsoDate | null;
}

/** The provider's standing in the portal's read model of provider-registry. */
export interface ProviderFacts {
  recognitions: RecognitionFacts[];
  /** First day of the latest suspension; null when never suspended. */
  suspendedFrom: IsoDate | null;
  /** First day active again after that suspension (its reinstatement's effective date); null while it holds. */
  reinstatedFrom: IsoDate | null;
  /** Last day of the registration when it ended. */
  endedAfter: IsoDate | null;
}

export interface TijdvakFacts {
  id: string;
  opensAt: Date;
  closesAt: Date;
}

export interface Assessment {
  reasons: RejectionReason[];
  /** Register price (or certificate amount) capped at the STAP maximum; 0 when rejected. */
  amountCents: number;
}

/** Names compare without case, dots and spaces: "J.M. de Vries" on a certificate matches "JM DE VRIES" in the BRP. */
export function sameName(a: string, b: string): boolean {
  const norm = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\s.]/g, '').toLowerCase();
  return norm(a) === norm(b);
}

function certificateReasons(certificate: CertificateFacts, person: PersonFacts, training: TrainingFacts, on: IsoDate): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  if (certificate.status !== 'ISSUED' || compareDates(certificate.validUntil, on) < 0) reasons.push('CERTIFICATE_INVALID');
  // One-to-one match on provider, training and person (DOMAIN.md §2.1 [pub]).
  const personMatches =
    person.found && sameName(certificate.holderSurname, person.surname) && sameName(certificate.holderInitials, person.initials) &&
    certificate.holderBirthDate === person.birthDate;
  if (!personMatches || (training.found && certificate.providerId !== training.providerId)) reasons.push('CERTIFICATE_MISMATCH');
  return reasons;
}

const onOrBefore = (a: IsoDate, b: IsoDate) => compareDates(a, b) <= 0;

/**
 * Suspended on a day: from the suspension's effective day up to (not including) the reinstatement's effective day.
 * Source: DOMAIN.md §3 Provider registry ("suspension must be an explicit decision"; a reinstatement is one too, and
 * takes effect on its date), §2.1 (eligibility "at the moment of application").
 */
export function suspendedOn(provider: Pick<ProviderFacts, 'suspendedFrom' | 'reinstatedFrom'>, on: IsoDate): boolean {
  if (provider.suspendedFrom === null || !onOrBefore(provider.suspendedFrom, on)) return false;
  return provider.reinstatedFrom === null || compareDates(on, provider.reinstatedFrom) < 0;
}

/**
 * Eligible on a day: a recognition via a route the rules version accepts is valid that day (within its valid days
 * and before any revocation), and the provider is neither suspended nor ended on it. From September 2023 STAP accepts
 * only OCW/RIO recognition (libs/regelingen `recognitionRoutes`). Source: DOMAIN.md §2.1 ("from Sept 2023 only
 * OCW-recognised programmes qualified"), §3 Provider registry (revocation, suspension by decision).
 */
export function providerEligibleOn(provider: ProviderFacts, on: IsoDate, acceptedRoutes: readonly RecognitionRoute[]): boolean {
  if (suspendedOn(provider, on)) return false;
  if (provider.endedAfter !== null && compareDates(provider.endedAfter, on) < 0) return false;
  return provider.recognitions.some((recognition) =>
    acceptedRoutes.includes(recognition.route) &&
    onOrBefore(recognition.validFrom, on) &&
    (recognition.validUntil === null || onOrBefore(on, recognition.validUntil)) &&
    (recognition.revokedFrom === null || compareDates(on, recognition.revokedFrom) < 0));
}

/** Excluded after being at fault, up to and including the last day of the exclusion (DOMAIN.md §2.1 [pub]). */
export function isExcludedOn(excludedUntil: IsoDate | null, on: IsoDate): boolean {
  return excludedUntil !== null && onOrBefore(on, excludedUntil);
}

function trainingReasons(training: TrainingFacts): RejectionReason[] {
  if (!training.found || !training.startMomentFound) return ['TRAINING_NOT_IN_REGISTER'];
  if (!training.published || !training.availableForStap || training.startMomentCancelled) return ['TRAINING_NOT_AVAILABLE'];
  return [];
}

function personReasons(person: PersonFacts, tijdvak: TijdvakFacts, on: IsoDate, rules: StapRules): RejectionReason[] {
  if (!person.found || !person.alive) return ['PERSON_NOT_ELIGIBLE'];
  const p = rules.parameters;
  const age = checkAge({ birthDate: person.birthDate, on, limits: p.age });
  const insurance = checkInsuredMonths({
    insuredPeriods: person.insuredPeriods,
    tijdvakOpeningDate: amsterdamDateOf(tijdvak.opensAt),
    requirement: p.insurance.value,
  });
  const benefits = checkNoExcludedBenefits({ receives: person.receives, excluded: p.excludedBenefits.value });
  return fromRuleCodes([...age.reasons, ...insurance.reasons, ...benefits.reasons]);
}

/** The tijdvak in the shape libs/regelingen's start-window rule reads. */
export function asRegelingTijdvak(tijdvak: TijdvakFacts): RegelingTijdvak {
  const source = { domain: '§2.1', assumption: 'tijdvak scheduled in the portal' };
  return {
    id: tijdvak.id as RegelingTijdvak['id'],
    regeling: 'STAP',
    label: tijdvak.id,
    opensAt: sourced(instantToAmsterdam(tijdvak.opensAt), source),
    closesAt: sourced(instantToAmsterdam(tijdvak.closesAt), source),
    budgetCeilingCents: sourced(0, source),
  };
}

function startReasons(training: TrainingFacts, tijdvak: TijdvakFacts, on: IsoDate, rules: StapRules): RejectionReason[] {
  if (!training.found || !training.startMomentFound) return [];
  const p = rules.parameters;
  const window = checkStartWindow({
    startDate: training.startDate,
    applicationDate: on,
    tijdvak: asRegelingTijdvak(tijdvak),
    rule: {
      earliestStartWeeksAfterApplication: p.earliestStartWeeksAfterApplication.value,
      latestStartMonthsAfterTijdvakCloses: p.latestStartMonthsAfterTijdvakCloses.value,
    },
  });
  return fromRuleCodes([...checkNotYetStarted(training.startDate, on).reasons, ...window.reasons]);
}

export function assessApplication(input: {
  receivedAt: Date;
  tijdvak: TijdvakFacts;
  person: PersonFacts;
  certificate: CertificateFacts;
  training: TrainingFacts;
  provider: ProviderFacts;
  /** Last day of an exclusion of the person after fault; null when never excluded. */
  excludedUntil: IsoDate | null;
  rules: StapRules;
}): Assessment {
  const { receivedAt, tijdvak, person, certificate, training, provider, rules } = input;
  const on = amsterdamDateOf(receivedAt);
  const standing: RejectionReason[] = [
    ...(isExcludedOn(input.excludedUntil, on) ? ['PERSON_EXCLUDED' as const] : []),
    ...(providerEligibleOn(provider, on, rules.parameters.recognitionRoutes.value) ? [] : ['PROVIDER_NOT_ELIGIBLE' as const]),
  ];
  const amount = training.found && training.startMomentFound
    ? stapAmount({ registerPriceCents: training.registerPriceCents, requestedCents: certificate.amountCents, maxAmountCents: rules.parameters.maxAmountPerApplicationCents.value })
    : undefined;
  const reasons = [
    ...standing,
    ...personReasons(person, tijdvak, on, rules),
    ...trainingReasons(training),
    ...startReasons(training, tijdvak, on, rules),
    ...certificateReasons(certificate, person, training, on),
    ...(amount ? fromRuleCodes(amount.reasons) : []),
  ];
  const unique = [...new Set(reasons)];
  return { reasons: unique, amountCents: unique.length === 0 && amount ? amount.grantedCents : 0 };
}
