// Effects of provider-registry's events on the register: recognitions, suspension and end decide whether a
// provider's trainings are applyable. Revoked, expired (without another valid recognition) or suspended: not
// applyable; reinstated or recognised again: applyable again. Source: DOMAIN.md §3 Provider registry.
// Runs inside the consumer's transaction next to the inbox row, so each event has its effect once.
import type { TransactionClient } from '../infrastructure/prisma/client';
import { providerEligibility } from '../infrastructure/training-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ProviderFact =
  | { kind: 'recognition'; providerId: string; recognitionId: string; status: 'VALID' | 'REVOKED' | 'EXPIRED' }
  | { kind: 'suspended' | 'reinstated' | 'ended'; providerId: string };

export async function applyProviderFact(tx: TransactionClient, fact: ProviderFact): Promise<void> {
  // ProviderRegistered comes first on the same partition (key = provider id); a fact about a provider the register
  // never heard of is about no training here, so it is acknowledged without effect (cheaply: topics are shared).
  if (!UUID.test(fact.providerId) || (await tx.providerProjection.count({ where: { providerId: fact.providerId } })) === 0) return;
  if (fact.kind === 'recognition') {
    await tx.providerRecognition.upsert({
      where: { recognitionId: fact.recognitionId },
      create: { recognitionId: fact.recognitionId, providerId: fact.providerId, status: fact.status },
      update: { status: fact.status },
    });
  } else {
    const data = fact.kind === 'ended' ? { ended: true } : { suspended: fact.kind === 'suspended' };
    await tx.providerProjection.updateMany({ where: { providerId: fact.providerId }, data });
  }
  await refreshProviderEligibility(tx, fact.providerId);
}

/** Re-derives `provider_eligible` on all the provider's trainings in one statement. */
export async function refreshProviderEligibility(tx: TransactionClient, providerId: string): Promise<void> {
  const eligible = await providerEligibility(tx, providerId);
  await tx.training.updateMany({ where: { providerId, providerEligible: !eligible }, data: { providerEligible: eligible } });
}
