// Effects of provider-registry's events on the register: recognitions, suspension and end decide whether a
// provider's trainings are applyable. Revoked, expired (without another valid recognition) or suspended: not
// applyable; reinstated or recognised again: applyable again. Source: DOMAIN.md §3 Provider registry.
// A revocation, suspension, reinstatement or end with an effective date after today (Europe/Amsterdam) is stored as
// a pending change and applied on that date by the scheduler (apply-due-provider-changes.ts), not on arrival.
// Runs inside the consumer's transaction next to the inbox row, so each event has its effect once.
import { amsterdamDateOf } from '@stap/regelingen';
import type { TransactionClient } from '../infrastructure/prisma/client';
import { providerEligibility } from '../infrastructure/training-store';
import { takesEffectNow } from '../domain/training';
import { isUuid } from '@stap/platform/ids';


export type ProviderFact = (
  | { kind: 'recognition'; providerId: string; recognitionId: string; status: 'VALID' | 'REVOKED' | 'EXPIRED' }
  | { kind: 'suspended' | 'reinstated' | 'ended'; providerId: string }
) & {
  /** The decision's effective date (yyyy-mm-dd, Amsterdam calendar); absent: from now. */
  effectiveDate?: string;
};

export async function applyProviderFact(tx: TransactionClient, fact: ProviderFact, now: Date = new Date()): Promise<void> {
  // ProviderRegistered comes first on the same partition (key = provider id); a fact about a provider the register
  // never heard of is about no training here, so it is acknowledged without effect (cheaply: topics are shared).
  if (!isUuid(fact.providerId) || (await tx.providerProjection.count({ where: { providerId: fact.providerId } })) === 0) return;
  if (!takesEffectNow(fact.effectiveDate, amsterdamDateOf(now))) {
    await tx.pendingProviderChange.create({ data: { providerId: fact.providerId, fact, effectiveDate: new Date(`${fact.effectiveDate}T00:00:00Z`) } });
    return;
  }
  await applyNow(tx, fact);
}

/** The effect of a fact whose date has come: the projection changes and eligibility is re-derived. */
export async function applyNow(tx: TransactionClient, fact: ProviderFact): Promise<void> {
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
