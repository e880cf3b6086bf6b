// Effects of the scholingsregister's, provider-registry's and payment's events on the portal's local read model of
// trainings, start moments, prices and applyability, of providers (login, recognitions, standing), and of persons
// excluded after fault. Decisions read this model instead of calling the register
// per application, which keeps a window opening (tens of thousands of applications in minutes) local.
// Each function runs inside the consumer's transaction, next to the inbox row, so it happens once per event.
import type * as Payments from '@stap/contracts/stap/payments/events/v1/events';
import type * as Providers from '@stap/contracts/stap/providers/events/v1/events';
import type { ProviderRegistered } from '@stap/contracts/stap/providers/events/v1/events';
import { RecognitionRoute } from '@stap/contracts/stap/providers/v1/providers';
import type * as Register from '@stap/contracts/stap/register/events/v1/events';
import { TrainingStatus } from '@stap/contracts/stap/register/v1/register';
import { addDays, addMonthsClamped, compareDates, type RecognitionRoute as RegelingRoute } from '@stap/regelingen';
import { toIsoDate } from '../domain/dates';
import { rulesByVersion } from '../domain/rules-version';
import type { TransactionClient } from '../infrastructure/prisma/client';
import { isUuid } from '@stap/platform/ids';

const statusName = (status: TrainingStatus) => TrainingStatus[status]?.replace('TRAINING_STATUS_', '') ?? 'UNSPECIFIED';

export async function applyProviderRegistered(tx: TransactionClient, event: ProviderRegistered): Promise<void> {
  const data = { kvkNumber: event.kvkNumber?.value ?? '', communicationName: event.communicationName || event.legalName };
  // provider-registry is the authority on who holds a KVK number: its latest registration wins the organisation login.
  await tx.provider.deleteMany({ where: { kvkNumber: data.kvkNumber, id: { not: event.providerId } } });
  await tx.provider.upsert({ where: { id: event.providerId }, create: { id: event.providerId, ...data }, update: data });
}

export async function applyTrainingRegistered(tx: TransactionClient, event: Register.TrainingRegistered): Promise<void> {
  const data = { providerId: event.providerId, name: event.name, status: statusName(event.status) };
  await tx.training.upsert({ where: { id: event.trainingId }, create: { id: event.trainingId, ...data }, update: data });
}

/** Changes to a training the portal has not seen registered are ignored: registration always comes first per key. */
async function updateTraining(tx: TransactionClient, trainingId: string, data: Parameters<TransactionClient['training']['update']>[0]['data']) {
  await tx.training.updateMany({ where: { id: trainingId }, data });
}

export const applyTrainingPublished = (tx: TransactionClient, e: Register.TrainingPublished) =>
  updateTraining(tx, e.trainingId, { status: 'PUBLISHED', notAvailableForStap: e.notAvailableForStap });
export const applyTrainingAvailability = (tx: TransactionClient, e: Register.TrainingStapAvailabilityChanged) =>
  updateTraining(tx, e.trainingId, { notAvailableForStap: e.notAvailableForStap });
export const applyTrainingExcluded = (tx: TransactionClient, e: Register.TrainingExcluded) => updateTraining(tx, e.trainingId, { excluded: true });
export const applyTrainingExclusionLifted = (tx: TransactionClient, e: Register.TrainingExclusionLifted) => updateTraining(tx, e.trainingId, { excluded: false });
export const applyTrainingWithdrawn = (tx: TransactionClient, e: Register.TrainingWithdrawn) => updateTraining(tx, e.trainingId, { status: 'WITHDRAWN' });
export const applyTrainingApplicationClosed = (tx: TransactionClient, e: Register.TrainingApplicationClosed) =>
  updateTraining(tx, e.trainingId, { applicationClosed: true });
export const applyTrainingApplicationReopened = (tx: TransactionClient, e: Register.TrainingApplicationReopened) =>
  updateTraining(tx, e.trainingId, { applicationClosed: false });

export async function applyStartMomentScheduled(tx: TransactionClient, e: Register.StartMomentScheduled): Promise<void> {
  const data = {
    trainingId: e.trainingId,
    startDate: toIsoDate(e.startDate) ?? '',
    endDate: toIsoDate(e.endDate) ?? '',
    priceCents: BigInt(e.totalPriceInclVat?.amountCents ?? '0'),
  };
  await tx.startMoment.upsert({ where: { id: e.startMomentId }, create: { id: e.startMomentId, ...data }, update: data });
}

export async function applyStartMomentChanged(tx: TransactionClient, e: Register.StartMomentChanged): Promise<void> {
  await tx.startMoment.updateMany({
    where: { id: e.startMomentId },
    data: { startDate: toIsoDate(e.startDate) ?? '', endDate: toIsoDate(e.endDate) ?? '', priceCents: BigInt(e.totalPriceInclVat?.amountCents ?? '0') },
  });
}

export const applyStartMomentCancelled = (tx: TransactionClient, e: Register.StartMomentCancelled) =>
  tx.startMoment.updateMany({ where: { id: e.startMomentId }, data: { cancelled: true } }).then(() => undefined);
export const applyStartMomentFull = (tx: TransactionClient, e: Register.StartMomentFull) =>
  tx.startMoment.updateMany({ where: { id: e.startMomentId }, data: { full: true } }).then(() => undefined);

// ---- Provider standing (provider-registry): recognitions with their valid days, suspension, end. Source: DOMAIN.md
// §3 Provider registry ("revocation makes the provider's trainings non-applyable"; "suspension must be an explicit
// decision"); the route is kept so the rules version in force decides which routes count (from Sept 2023 OCW/RIO only).
const ROUTE_NAMES: Partial<Record<RecognitionRoute, RegelingRoute>> = {
  [RecognitionRoute.RECOGNITION_ROUTE_OCW_RIO]: 'OCW_RIO',
  [RecognitionRoute.RECOGNITION_ROUTE_NRTO]: 'NRTO',
  [RecognitionRoute.RECOGNITION_ROUTE_CEDEO]: 'CEDEO',
  [RecognitionRoute.RECOGNITION_ROUTE_CPION]: 'CPION',
  [RecognitionRoute.RECOGNITION_ROUTE_NLQF]: 'NLQF',
  [RecognitionRoute.RECOGNITION_ROUTE_BRANCH]: 'BRANCHE',
};

/** Granted or renewed: the recognition counts on the days of its valid period (an unknown route never counts). */
export async function applyRecognitionValid(tx: TransactionClient, e: Providers.RecognitionGranted | Providers.RecognitionRenewed): Promise<void> {
  const data = {
    providerId: e.providerId,
    route: ROUTE_NAMES[e.route] ?? 'UNSPECIFIED',
    validFrom: toIsoDate(e.validPeriod?.start) ?? '0001-01-01',
    validUntil: toIsoDate(e.validPeriod?.end) ?? null,
    revokedFrom: null,
  };
  await tx.providerRecognition.upsert({ where: { recognitionId: e.recognitionId }, create: { recognitionId: e.recognitionId, ...data }, update: data });
}

export async function applyRecognitionRevoked(tx: TransactionClient, e: Providers.RecognitionRevoked): Promise<void> {
  const revokedFrom = toIsoDate(e.effectiveDate) ?? '0001-01-01';
  await tx.providerRecognition.updateMany({ where: { recognitionId: e.recognitionId }, data: { revokedFrom } });
}

export async function applyRecognitionExpired(tx: TransactionClient, e: Providers.RecognitionExpired): Promise<void> {
  const validUntil = toIsoDate(e.expiredAfter);
  if (validUntil) await tx.providerRecognition.updateMany({ where: { recognitionId: e.recognitionId }, data: { validUntil } });
}

type StandingChange = { suspendedFrom?: string | null; reinstatedFrom?: string | null; endedAfter?: string | null };

async function setStanding(tx: TransactionClient, providerId: string, data: StandingChange): Promise<void> {
  await tx.providerStanding.upsert({ where: { providerId }, create: { providerId, ...data }, update: data });
}

/** A (new) suspension from its effective date, until a reinstatement says when it ends. */
export const applyProviderSuspended = (tx: TransactionClient, e: Providers.ProviderSuspended) =>
  setStanding(tx, e.providerId, { suspendedFrom: toIsoDate(e.effectiveDate) ?? '0001-01-01', reinstatedFrom: null });
/**
 * The suspension ends on the reinstatement's effective date (its first day active again), not when the event arrives:
 * applications dated before it still see the provider suspended (domain/assessment.ts providerEligibleOn). Without a
 * date the reinstatement counts at once (the earliest day). Source: DOMAIN.md §3 Provider registry (suspension is an
 * explicit decision), §2.1 (eligibility at the moment of application).
 */
export const applyProviderReinstated = (tx: TransactionClient, e: Providers.ProviderReinstated) =>
  setStanding(tx, e.providerId, { reinstatedFrom: toIsoDate(e.effectiveDate) ?? '0001-01-01' });
export const applyProviderEnded = (tx: TransactionClient, e: Providers.ProviderEnded) =>
  setStanding(tx, e.providerId, { endedAfter: toIsoDate(e.endDate) ?? '0001-01-01' });

// ---- Exclusion after fault (payment's settlement). Source: DOMAIN.md §2.1 ("a person at fault can be excluded for up
// to 2 years"); the period is the regeling's maxExclusionYears of the application's rules version, counted from the
// settlement decision (the contract: "excludes the person of source.application_id for the regeling's exclusion
// period, up to 2 years"). Assumption: the full period is applied; a shorter one would need a field in the event.
export async function applySettlementDecided(tx: TransactionClient, e: Payments.SettlementDecided): Promise<void> {
  const applicationId = e.source?.source?.$case === 'applicationId' ? e.source.source.value : undefined;
  const decidedOn = toIsoDate(e.decision?.decidedOn);
  if (!e.personAtFault || !applicationId || !isUuid(applicationId) || !decidedOn) return;
  const application = await tx.application.findUnique({ where: { id: applicationId }, select: { bsn: true, rulesVersion: true } });
  if (!application) return; // another portal's or an unknown application: nothing of ours to exclude
  const years = rulesByVersion(application.rulesVersion).parameters.maxExclusionYears.value;
  const excludedUntil = addDays(addMonthsClamped(decidedOn, years * 12), -1);
  const current = await tx.personExclusion.findUnique({ where: { bsn: application.bsn } });
  if (current && compareDates(current.excludedUntil, excludedUntil) >= 0) return; // the latest end counts
  const data = { excludedUntil, applicationId, decisionReference: e.decision?.reference ?? '' };
  await tx.personExclusion.upsert({ where: { bsn: application.bsn }, create: { bsn: application.bsn, ...data }, update: data });
}
