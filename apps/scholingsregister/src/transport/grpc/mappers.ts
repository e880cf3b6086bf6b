// Between the contract (proto messages, ts-proto) and the register's use-case input and stored rows. Enumerations
// are stored under their proto JSON names, so mapping them is a lookup, never a table to keep in sync.
import * as R from '@stap/contracts/stap/register/v1/register';
import { ActorType, sectorFromJSON, sectorToJSON } from '@stap/contracts/stap/common/v1/common';
import type { DateMessage } from '@stap/contracts/google/type/date';
import type { StartMomentInput } from '../../domain/training';
import type { CreateTrainingInput } from '../../application/create-training';
import type { StartMomentChanges } from '../../application/update-start-moment';
import type { TrainingView } from '../../application/get-training';
import { isoDate } from '../../infrastructure/training-store';
import type { StartMoment as StartMomentRow } from '../../infrastructure/prisma/generated/client';

export const dateMessage = (date: Date | null | undefined): DateMessage | undefined =>
  date ? { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() } : undefined;

/** A google.type.Date as yyyy-mm-dd; an absent or zero date gives "" (which the domain checks refuse). */
export const isoOf = (date: DateMessage | undefined): string =>
  date && date.year > 0 ? `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` : '';

const money = (cents: number | bigint) => ({ amountCents: String(cents), currency: 'EUR' });

/** Cents from a Money, or null when absent. A currency other than EUR or a non-integer amount is NaN (refused). */
export function centsOf(money: { amountCents: string; currency: string } | undefined): number | null {
  if (!money) return null;
  if (money.currency && money.currency !== 'EUR') return Number.NaN;
  return /^-?\d{1,15}$/.test(money.amountCents) ? Number(money.amountCents) : Number.NaN;
}

export function toStartMomentInput(input: R.StartMomentInput | undefined): StartMomentInput {
  const component = (kind: R.PriceComponentKind) => centsOf(input?.priceComponents.find((c) => c.kind === kind)?.amountInclVat);
  const location = input?.location;
  return {
    providerStartMomentCode: input?.providerStartMomentCode ?? '',
    startDate: isoOf(input?.startDate),
    endDate: isoOf(input?.endDate),
    location: {
      kind: R.locationKindToJSON(location?.kind ?? R.LocationKind.LOCATION_KIND_UNSPECIFIED),
      address: location?.address,
      countryCode: location?.countryCode || undefined,
      venueName: location?.venueName || undefined,
    },
    price: {
      courseTuitionCents: component(R.PriceComponentKind.PRICE_COMPONENT_KIND_COURSE_TUITION),
      examCents: component(R.PriceComponentKind.PRICE_COMPONENT_KIND_EXAM),
      literatureCents: component(R.PriceComponentKind.PRICE_COMPONENT_KIND_LITERATURE_MATERIALS),
    },
    capacity: input?.capacity ?? null,
  };
}

/** UpdateStartMoment's fields as changes: an unset date, location or empty price list leaves that part as it is. */
export function toStartMomentChanges(request: R.UpdateStartMomentRequest): StartMomentChanges {
  const asInput = toStartMomentInput({ providerStartMomentCode: '', startDate: request.startDate, endDate: request.endDate, location: request.location, priceComponents: request.priceComponents, capacity: undefined });
  return {
    startDate: request.startDate ? asInput.startDate : undefined,
    endDate: request.endDate ? asInput.endDate : undefined,
    location: request.location ? asInput.location : undefined,
    price: request.priceComponents.length > 0 ? asInput.price : undefined,
    capacity: request.capacity,
  };
}

export function toCreateTrainingInput(request: R.CreateTrainingRequest): CreateTrainingInput {
  return {
    providerId: request.providerId,
    providerProgrammeCode: request.providerProgrammeCode,
    name: request.name,
    description: request.description,
    studyLoadHours: request.studyLoadHours,
    nlqfLevel: R.nlqfLevelToJSON(request.nlqfLevel),
    eqfLevel: R.eqfLevelToJSON(request.eqfLevel),
    sector: sectorToJSON(request.sector),
    language: request.language,
    deliveryMode: R.deliveryModeToJSON(request.deliveryMode),
    leadsToCertificate: request.leadsToCertificate,
    startMoments: request.startMoments.map(toStartMomentInput),
  };
}

export function toStartMomentMessage(sm: StartMomentRow): R.StartMoment {
  const components: R.PriceComponent[] = [{ kind: R.PriceComponentKind.PRICE_COMPONENT_KIND_COURSE_TUITION, amountInclVat: money(sm.courseTuitionCents) }];
  if (sm.examCents !== null) components.push({ kind: R.PriceComponentKind.PRICE_COMPONENT_KIND_EXAM, amountInclVat: money(sm.examCents) });
  if (sm.literatureCents !== null) components.push({ kind: R.PriceComponentKind.PRICE_COMPONENT_KIND_LITERATURE_MATERIALS, amountInclVat: money(sm.literatureCents) });
  return {
    id: sm.id,
    trainingId: sm.trainingId,
    providerStartMomentCode: sm.providerStartMomentCode,
    startDate: dateMessage(sm.startDate),
    endDate: dateMessage(sm.endDate),
    location: {
      kind: R.locationKindFromJSON(sm.locationKind),
      address: sm.street ? { street: sm.street, houseNumber: sm.houseNumber ?? 0, houseNumberAddition: sm.houseNumberAddition ?? '', postalCode: sm.postalCode ? `${sm.postalCode.slice(0, 4)} ${sm.postalCode.slice(4)}` : '', city: sm.city ?? '' } : undefined,
      countryCode: sm.countryCode ?? '',
      venueName: sm.venueName ?? '',
    },
    price: { components, totalInclVat: money(sm.totalCents) },
    status: R.startMomentStatusFromJSON(`START_MOMENT_STATUS_${sm.status}`),
    cancellationReason: sm.cancellationReason ?? '',
    version: String(sm.version),
    capacity: sm.capacity ?? undefined,
  };
}

const stamp = (subject: string | null, at: Date | null, type: ActorType) =>
  subject && at ? { actor: { type, subject, organisationKvkNumber: undefined, displayName: '' }, at: at.toISOString() } : undefined;

export function toTrainingMessage(t: TrainingView, startMoments: StartMomentRow[] = t.startMoments): R.Training {
  return {
    id: t.id,
    providerId: t.providerId,
    providerKvkNumber: { value: t.providerKvkNumber },
    providerName: t.providerName,
    providerProgrammeCode: t.providerProgrammeCode,
    name: t.name,
    description: t.description,
    studyLoadHours: t.studyLoadHours,
    nlqfLevel: R.nlqfLevelFromJSON(t.nlqfLevel),
    eqfLevel: R.eqfLevelFromJSON(t.eqfLevel),
    sector: sectorFromJSON(t.sector),
    language: t.language,
    deliveryMode: R.deliveryModeFromJSON(t.deliveryMode),
    status: R.trainingStatusFromJSON(t.status),
    applicationClosedReason: t.applicationClosedReason ? R.applicationClosedReasonFromJSON(t.applicationClosedReason) : R.ApplicationClosedReason.APPLICATION_CLOSED_REASON_UNSPECIFIED,
    notAvailableForStap: t.notAvailableForStap,
    exclusion: t.exclusionReasonCode
      ? {
          reasonCode: R.exclusionReasonCodeFromJSON(t.exclusionReasonCode),
          explanation: t.exclusionExplanation ?? '',
          decision: { reference: t.exclusionDecisionRef ?? '', reason: t.exclusionDecisionReason ?? '', decidedOn: dateMessage(t.excludedAt) },
          excluded: stamp(t.excludedBy, t.excludedAt, ActorType.ACTOR_TYPE_REVIEWER),
          lifted: stamp(t.exclusionLiftedBy, t.exclusionLiftedAt, ActorType.ACTOR_TYPE_REVIEWER),
        }
      : undefined,
    leadsToCertificate: t.leadsToCertificate,
    startMoments: startMoments.map(toStartMomentMessage),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: String(t.version),
  };
}

/** The JSON view of a training for the public HTTP API (camelCase, cents as integers, dates as yyyy-mm-dd). */
export function toTrainingJson(t: TrainingView, startMoments: StartMomentRow[] = t.startMoments) {
  return {
    id: t.id,
    providerId: t.providerId,
    providerName: t.providerName,
    providerKvkNumber: t.providerKvkNumber,
    providerProgrammeCode: t.providerProgrammeCode,
    name: t.name,
    description: t.description,
    studyLoadHours: t.studyLoadHours,
    nlqfLevel: t.nlqfLevel,
    eqfLevel: t.eqfLevel,
    sector: t.sector,
    language: t.language,
    deliveryMode: t.deliveryMode,
    status: t.status,
    applicationClosedReason: t.applicationClosedReason,
    notAvailableForStap: t.notAvailableForStap,
    applyable: t.applyable,
    leadsToCertificate: t.leadsToCertificate,
    version: t.version,
    startMoments: startMoments.map((sm) => ({
      id: sm.id,
      providerStartMomentCode: sm.providerStartMomentCode,
      startDate: isoDate(sm.startDate),
      endDate: isoDate(sm.endDate),
      status: sm.status,
      location: { kind: sm.locationKind, street: sm.street, houseNumber: sm.houseNumber, houseNumberAddition: sm.houseNumberAddition, postalCode: sm.postalCode, city: sm.city, countryCode: sm.countryCode, venueName: sm.venueName },
      price: { courseTuitionCents: sm.courseTuitionCents, examCents: sm.examCents, literatureCents: sm.literatureCents, totalCents: sm.totalCents, currency: 'EUR', vatIncluded: true },
      capacity: sm.capacity,
    })),
  };
}
