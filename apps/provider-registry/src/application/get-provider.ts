// Query: one provider by id or by KVK number, for the organisation itself or a reader with the read scope.
import { requireReadAccess, type Actor } from '../domain/actor';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { loadProviderView, type ProviderKey, type ProviderView } from './provider-view';

export type { ProviderKey };

export async function getProvider(prisma: PrismaClient, key: ProviderKey, actor: Actor): Promise<ProviderView> {
  // A provider may read itself by KVK without the read scope; the check needs the KVK, so read first, then decide.
  const view = await loadProviderView(prisma, key);
  requireReadAccess(actor, view.provider.kvkNumber);
  return view;
}
