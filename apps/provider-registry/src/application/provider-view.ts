// A provider with everything its contract message shows: recognitions (newest first), the current bank account and
// the last status decision. One read model for gRPC, HTTP and pages.
import { notFoundError } from '@stap/platform/errors';
import type { Prisma, BankAccountRow, PrismaClient, ProviderRow, RecognitionRow, StatusDecisionRow, Tx } from '../infrastructure/prisma/client';
import { assertKvk, assertUuid } from './ids';

export interface ProviderView {
  provider: ProviderRow;
  recognitions: RecognitionRow[];
  bankAccount: BankAccountRow | null;
  lastDecision: StatusDecisionRow | null;
}

export type ProviderKey = { providerId: string } | { kvkNumber: string };

type Db = PrismaClient | Tx;

export const PROVIDER_VIEW_INCLUDE = {
  recognitions: { orderBy: [{ validFrom: 'desc' }, { grantedAt: 'desc' }] },
  bankAccounts: { where: { supersededAt: null } },
  statusDecisions: { where: { kind: { in: ['SUSPENDED', 'REINSTATED'] } }, orderBy: { seq: 'desc' }, take: 1 },
} satisfies Prisma.ProviderInclude;

type LoadedProvider = ProviderRow & { recognitions: RecognitionRow[]; bankAccounts: BankAccountRow[]; statusDecisions: StatusDecisionRow[] };

export function toView(loaded: LoadedProvider): ProviderView {
  const { recognitions, bankAccounts, statusDecisions, ...provider } = loaded;
  return { provider, recognitions, bankAccount: bankAccounts[0] ?? null, lastDecision: statusDecisions[0] ?? null };
}

export async function loadProviderView(db: Db, key: ProviderKey): Promise<ProviderView> {
  if ('providerId' in key) assertUuid(key.providerId, 'provider_id');
  else assertKvk(key.kvkNumber, 'kvk_number.value');
  const where = 'providerId' in key ? { id: key.providerId } : { kvkNumber: key.kvkNumber };
  const loaded = await db.provider.findUnique({ where, include: PROVIDER_VIEW_INCLUDE });
  if (!loaded) throw notFoundError('no provider with that identifier');
  return toView(loaded);
}
