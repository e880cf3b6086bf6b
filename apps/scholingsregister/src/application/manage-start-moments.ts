// Start moment use cases: add, mark full (applications closed: "vol"), cancel. Cancelling is a status change, never
// a delete: settlement of granted applications needs the old start moment (DOMAIN.md §3).
import { alreadyExistsOr, invalid, preconditionFailed, notFoundError } from './errors';
import type { PrismaClient, TransactionClient } from '../infrastructure/prisma/client';
import { emit, trainingEvents } from '../infrastructure/messaging/register-events';
import { lockTraining, recordHistory, rederive } from '../infrastructure/training-store';
import { lifecycleRules, type StartMomentInput, type Lifecycle, type StartMomentStatus } from '../domain/training';
import { checkStartMoments, scheduleStartMoment } from './create-training';
import { requireProviderActor, type Actor } from './actor';

export async function addStartMoment(prisma: PrismaClient, actor: Actor, trainingId: string, input: StartMomentInput, now = new Date()): Promise<string> {
  const [checked] = checkStartMoments([input], 'start_moment');
  return prisma.$transaction(async (tx) => {
    const training = await lockTraining(tx, trainingId);
    await requireProviderActor(tx, actor, training.providerId);
    const refused = lifecycleRules.change(training.lifecycle as Lifecycle);
    if (refused) throw preconditionFailed(refused, 'TRAINING_NOT_ACTIVE');
    if (training.startMoments.some((sm) => sm.providerStartMomentCode === checked.providerStartMomentCode)) {
      throw alreadyExistsOr('provider_start_moment_code is already used for this training', 'start_moment.provider_start_moment_code');
    }
    const id = await scheduleStartMoment(tx, trainingId, checked, actor.subject);
    await bumpVersion(tx, trainingId);
    await rederive(tx, trainingId, actor.subject, now);
    return id;
  });
}

async function lockStartMoment(tx: TransactionClient, actor: Actor, startMomentId: string) {
  const sm = await tx.startMoment.findUnique({ where: { id: startMomentId } });
  if (!sm) throw notFoundError(`start moment ${startMomentId} does not exist`);
  const training = await lockTraining(tx, sm.trainingId);
  await requireProviderActor(tx, actor, training.providerId);
  return { sm, training };
}

export async function markStartMomentFull(prisma: PrismaClient, actor: Actor, startMomentId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { sm } = await lockStartMoment(tx, actor, startMomentId);
    const refused = lifecycleRules.markFull(sm.status as StartMomentStatus);
    if (refused) throw preconditionFailed(refused, 'START_MOMENT_CANCELLED');
    if (sm.status === 'FULL') return;
    await tx.startMoment.update({ where: { id: sm.id }, data: { status: 'FULL', version: { increment: 1 } } });
    await emit(tx, [trainingEvents.startMomentFull(sm.trainingId, sm.id)]);
    await recordHistory(tx, [{ trainingId: sm.trainingId, startMomentId: sm.id, kind: 'START_MOMENT_FULL', actor: actor.subject }]);
    await bumpVersion(tx, sm.trainingId);
    await rederive(tx, sm.trainingId, actor.subject, now);
  });
}

export async function cancelStartMoment(prisma: PrismaClient, actor: Actor, startMomentId: string, reason: string, now = new Date()): Promise<void> {
  if (!reason?.trim()) throw invalid([{ field: 'reason', description: 'is required' }]);
  await prisma.$transaction(async (tx) => {
    const { sm } = await lockStartMoment(tx, actor, startMomentId);
    const refused = lifecycleRules.cancel(sm.status as StartMomentStatus);
    if (refused) throw preconditionFailed(refused, 'START_MOMENT_CANCELLED');
    await tx.startMoment.update({ where: { id: sm.id }, data: { status: 'CANCELLED', cancellationReason: reason.trim(), version: { increment: 1 } } });
    await emit(tx, [trainingEvents.startMomentCancelled(sm.trainingId, sm.id, reason.trim())]);
    await recordHistory(tx, [{ trainingId: sm.trainingId, startMomentId: sm.id, kind: 'START_MOMENT_CANCELLED', detail: { reason: reason.trim() }, actor: actor.subject }]);
    await bumpVersion(tx, sm.trainingId);
    await rederive(tx, sm.trainingId, actor.subject, now);
  });
}

export async function bumpVersion(tx: TransactionClient, trainingId: string): Promise<number> {
  const row = await tx.training.update({ where: { id: trainingId }, data: { version: { increment: 1 } }, select: { version: true } });
  return row.version;
}
