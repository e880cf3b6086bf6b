// The trainings of the provider a person logs in for (provider pages): found by the KvK number of the login, all of
// them (also withdrawn and excluded), a page at a time, with whether each is applyable now. Nothing else is shown
// to a provider.
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

/** Trainings per page of the provider's own list (an interface choice, not a scheme rule). */
export const PROVIDER_TRAININGS_PER_PAGE = 25;

/**
 * One page (numbered from 1) of the provider's trainings in a stable order: name, then id (two trainings may share
 * a name). A page beyond the last is empty; `pageCount` tells how many there are (at least 1).
 */
export async function listProviderTrainings(prisma: PrismaClient, actor: Actor, page = 1, perPage = PROVIDER_TRAININGS_PER_PAGE) {
  const provider = await providerOfActor(prisma, actor);
  const where = { providerId: provider.providerId };
  const [total, trainings] = await Promise.all([
    prisma.training.count({ where }),
    prisma.training.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * perPage,
      take: perPage,
      include: { startMoments: { select: { status: true } } },
    }),
  ]);
  return {
    provider,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
    trainings: trainings.map((t) => ({ ...t, applyable: isApplyable(t), openStartMoments: t.startMoments.filter((sm) => sm.status === 'OPEN').length })),
  };
}
