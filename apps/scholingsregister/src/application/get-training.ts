// GetTraining: a training with all its start moments (including cancelled and past ones), its provider's name and
// whether it is applyable now. Public.
import { notFoundError } from '@stap/platform/errors';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { withStartMoments, type TrainingWithStartMoments } from '../infrastructure/training-store';
import { isApplyable } from '../domain/training';

export interface TrainingView extends TrainingWithStartMoments {
  providerName: string;
  providerKvkNumber: string;
  applyable: boolean;
}

export async function getTraining(prisma: PrismaClient, key: { trainingId?: string; startMomentId?: string }): Promise<TrainingView> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  let trainingId = key.trainingId;
  if (!trainingId && key.startMomentId && uuid.test(key.startMomentId)) {
    trainingId = (await prisma.startMoment.findUnique({ where: { id: key.startMomentId }, select: { trainingId: true } }))?.trainingId;
  }
  const training = trainingId && uuid.test(trainingId) ? await prisma.training.findUnique({ where: { id: trainingId }, include: withStartMoments }) : null;
  if (!training) throw notFoundError('training not found');
  const provider = await prisma.providerProjection.findUnique({ where: { providerId: training.providerId } });
  return { ...training, providerName: provider?.communicationName ?? '', providerKvkNumber: provider?.kvkNumber ?? '', applyable: isApplyable(training) };
}

export async function trainingHistory(prisma: PrismaClient, trainingId: string) {
  return prisma.trainingHistory.findMany({ where: { trainingId }, orderBy: { seq: 'asc' } });
}

/** The trainings of a search page, in the page's order, with provider names, in three queries. */
export async function getTrainingsByIds(prisma: PrismaClient, ids: string[]): Promise<TrainingView[]> {
  if (ids.length === 0) return [];
  const trainings = await prisma.training.findMany({ where: { id: { in: ids } }, include: withStartMoments });
  const providers = await prisma.providerProjection.findMany({ where: { providerId: { in: [...new Set(trainings.map((t) => t.providerId))] } } });
  const byProvider = new Map(providers.map((p) => [p.providerId, p]));
  const byId = new Map(trainings.map((t) => [t.id, t]));
  return ids.flatMap((id) => {
    const training = byId.get(id);
    if (!training) return [];
    const provider = byProvider.get(training.providerId);
    return [{ ...training, providerName: provider?.communicationName ?? '', providerKvkNumber: provider?.kvkNumber ?? '', applyable: isApplyable(training) }];
  });
}
