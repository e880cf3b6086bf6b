// Reading and re-deriving trainings inside a transaction. The status is derived by domain/training.ts from the
// stored facts after every change; a change of status writes its own event and history row.
import { TrainingStatus, ApplicationClosedReason, trainingStatusFromJSON, applicationClosedReasonFromJSON } from '@stap/contracts/stap/register/v1/register';
import { deriveStatus, isProviderEligible, type CheckedStartMoment, type Lifecycle, type StartMomentStatus } from '../domain/training';
import { grantLimitPerYearOn, grantYearOf } from '../domain/grant-limit';
import type { Prisma, TransactionClient } from './prisma/client';
import { emit, trainingEvents } from './messaging/register-events';
import { notFoundError } from '@stap/platform/errors';

export const withStartMoments = { startMoments: { orderBy: [{ startDate: 'asc' as const }, { providerStartMomentCode: 'asc' as const }] } };
export type TrainingWithStartMoments = Prisma.TrainingGetPayload<{ include: typeof withStartMoments }>;

/** Locks the training row for the rest of the transaction, so concurrent changes serialise per training. */
export async function lockTraining(tx: TransactionClient, trainingId: string): Promise<TrainingWithStartMoments> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM training WHERE id = ${trainingId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFoundError(`training ${trainingId} does not exist`);
  return tx.training.findUniqueOrThrow({ where: { id: trainingId }, include: withStartMoments });
}

export async function recordHistory(
  tx: TransactionClient,
  rows: { trainingId: string; startMomentId?: string; kind: string; detail?: Prisma.InputJsonValue; actor: string }[],
): Promise<void> {
  if (rows.length > 0) await tx.trainingHistory.createMany({ data: rows.map((row) => ({ ...row, detail: row.detail ?? {} })) });
}

/** Sets the Dutch full-text vector of the given trainings: name (weight A), description (B), provider name (C). */
export async function refreshSearchVectors(tx: TransactionClient, trainingIds: string[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE training t SET search_vector =
        setweight(to_tsvector('dutch', t.name), 'A') || setweight(to_tsvector('dutch', t.description), 'B')
        || setweight(to_tsvector('dutch', coalesce(p.communication_name, '')), 'C')
      FROM provider_projection p WHERE p.provider_id = t.provider_id AND t.id = ANY(${trainingIds}::uuid[])`;
}

/**
 * Re-derives status, sort keys and search vector of one training after a change, and writes the events and history
 * of a status change: published, application closed (full or grant limit), reopened.
 */
export async function rederive(tx: TransactionClient, trainingId: string, actor: string, now: Date = new Date()): Promise<void> {
  const training = await tx.training.findUniqueOrThrow({ where: { id: trainingId }, include: { startMoments: true } });
  const year = grantYearOf(now);
  const count = await tx.trainingGrantCount.findUnique({ where: { trainingId_year: { trainingId, year } } });
  const { status, closedReason } = deriveStatus({
    lifecycle: training.lifecycle as Lifecycle,
    description: training.description,
    startMomentStatuses: training.startMoments.map((sm) => sm.status as StartMomentStatus),
    grantsThisYear: count?.grants ?? 0,
    grantLimitPerYear: grantLimitPerYearOn(now),
  });
  const open = training.startMoments.filter((sm) => sm.status === 'OPEN');
  await tx.training.update({
    where: { id: trainingId },
    data: {
      status,
      applicationClosedReason: closedReason,
      minPriceCents: open.length > 0 ? Math.min(...open.map((sm) => sm.totalCents)) : null,
      firstStartDate: open.length > 0 ? open.map((sm) => sm.startDate).sort((a, b) => a.getTime() - b.getTime())[0] : null,
    },
  });
  await refreshSearchVectors(tx, [trainingId]);
  if (status === training.status && closedReason === training.applicationClosedReason) return;
  await statusChanged(tx, training, status, closedReason, year, actor);
}

async function statusChanged(
  tx: TransactionClient,
  before: { id: string; providerId: string; status: string; notAvailableForStap: boolean },
  status: string,
  closedReason: string | null,
  year: number,
  actor: string,
): Promise<void> {
  const events = [];
  if (status === 'TRAINING_STATUS_PUBLISHED') {
    events.push(before.status === 'TRAINING_STATUS_APPLICATION_CLOSED' ? trainingEvents.applicationReopened(before.id) : trainingEvents.published(before.id, before.providerId, before.notAvailableForStap));
  }
  if (status === 'TRAINING_STATUS_APPLICATION_CLOSED' && closedReason) {
    const reason = applicationClosedReasonFromJSON(closedReason);
    events.push(trainingEvents.applicationClosed(before.id, reason, reason === ApplicationClosedReason.APPLICATION_CLOSED_REASON_GRANT_LIMIT_REACHED ? year : 0));
  }
  await emit(tx, events);
  const kind = status === 'TRAINING_STATUS_PUBLISHED' ? (before.status === 'TRAINING_STATUS_APPLICATION_CLOSED' ? 'APPLICATION_REOPENED' : 'PUBLISHED') : status.replace('TRAINING_STATUS_', '');
  await recordHistory(tx, [{ trainingId: before.id, kind: `STATUS_${kind}`, detail: { from: before.status, to: status, closedReason }, actor }]);
}

export const statusNumber = (status: string): TrainingStatus => trainingStatusFromJSON(status);

/** The stored columns of a checked start moment. */
export function startMomentColumns(sm: CheckedStartMoment) {
  const address = sm.location.kind === 'LOCATION_KIND_NETHERLANDS_ADDRESS' ? sm.location.address : undefined;
  return {
    providerStartMomentCode: sm.providerStartMomentCode,
    startDate: new Date(`${sm.startDate}T00:00:00Z`),
    endDate: new Date(`${sm.endDate}T00:00:00Z`),
    locationKind: sm.location.kind,
    street: address?.street.trim() ?? null,
    houseNumber: address?.houseNumber ?? null,
    houseNumberAddition: address?.houseNumberAddition?.trim() || null,
    postalCode: sm.postalCode,
    city: address?.city.trim() ?? null,
    cityKey: address?.city.trim().toLowerCase() ?? null,
    countryCode: sm.location.kind === 'LOCATION_KIND_ABROAD' ? (sm.location.countryCode ?? null) : null,
    venueName: sm.location.venueName?.trim() || null,
    courseTuitionCents: sm.price.courseTuitionCents ?? 0,
    examCents: sm.price.examCents,
    literatureCents: sm.price.literatureCents,
    totalCents: sm.totalCents,
  };
}

export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Whether the provider's trainings may be applyable now (domain/training.ts isProviderEligible). */
export async function providerEligibility(tx: TransactionClient, providerId: string): Promise<boolean> {
  const provider = await tx.providerProjection.findUnique({ where: { providerId } });
  if (!provider) return false;
  const validRecognitions = await tx.providerRecognition.count({ where: { providerId, status: 'VALID' } });
  return isProviderEligible({ suspended: provider.suspended, ended: provider.ended, validRecognitions });
}
