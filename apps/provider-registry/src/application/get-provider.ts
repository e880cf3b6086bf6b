// Query: one provider by id or by KVK number.
import { invalid, notFoundError } from '@stap/platform/errors';
import type { PrismaClient, ProviderRow } from '../infrastructure/prisma/client';

export type ProviderKey = { providerId: string } | { kvkNumber: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getProvider(prisma: PrismaClient, key: ProviderKey): Promise<ProviderRow> {
  if ('providerId' in key && !UUID.test(key.providerId)) {
    throw invalid([{ field: 'provider_id', description: 'must be a UUID' }]);
  }
  const provider =
    'providerId' in key
      ? await prisma.provider.findUnique({ where: { id: key.providerId } })
      : await prisma.provider.findUnique({ where: { kvkNumber: key.kvkNumber } });
  if (!provider) throw notFoundError('no provider with that identifier');
  return provider;
}
