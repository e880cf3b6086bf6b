// The trainings of the provider a person logs in for (provider pages): found by the KvK number of the login, all of
// them (also withdrawn and excluded), with whether each is applyable now. Nothing else is shown to a provider.
import { forbidden } from '@stap/platform/errors';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { isApplyable } from '../domain/training';
import type { Actor } from './actor';

/** The provider the actor logs in for; a login whose KvK the register does not know is refused. */
export async function providerOfActor(prisma: PrismaClient, actor: Actor) {
  const provider = actor.kvkNumber ? await prisma.providerProjection.findFirst({ where: { kvkNumber: actor.kvkNumber }, orderBy: { registeredAt: 'asc' } }) : null;
  if (!provider) throw forbidden('the login is not for a provider the register knows');
  return provider;
}

export async function listProviderTrainings(prisma: PrismaClient, actor: Actor) {
  const provider = await providerOfActor(prisma, actor);
  const trainings = await prisma.training.findMany({
    where: { providerId: provider.providerId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: { startMoments: { select: { status: true } } },
  });
  return { provider, trainings: trainings.map((t) => ({ ...t, applyable: isApplyable(t), openStartMoments: t.startMoments.filter((sm) => sm.status === 'OPEN').length })) };
}
