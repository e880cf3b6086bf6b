// Effects of the scholingsregister's and provider-registry's events on the portal's local read model of trainings,
// start moments, prices and applyability, and of providers. Decisions read this model instead of calling the register
// per application, which keeps a window opening (tens of thousands of applications in minutes) local.
// Each function runs inside the consumer's transaction, next to the inbox row, so it happens once per event.
import type { ProviderRegistered } from '@stap/contracts/stap/providers/events/v1/events';
import type * as Register from '@stap/contracts/stap/register/events/v1/events';
import { TrainingStatus } from '@stap/contracts/stap/register/v1/register';
import { toIsoDate } from '../domain/dates';
import type { TransactionClient } from '../infrastructure/prisma/client';

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
