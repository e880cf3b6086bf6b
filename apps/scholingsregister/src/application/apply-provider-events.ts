// Effects of provider-registry's events on the register: recognitions, suspension and end decide whether a
// provider's trainings are applyable. Revoked, expired (without another valid recognition) or suspended: not
// applyable; reinstated or recognised again: applyable again. Source: DOMAIN.md §3 Provider registry.
// A revocation, suspension, reinstatement or end with an effective date after today (Europe/Amsterdam) is stored as
// a pending change and applied on that date by the scheduler (apply-due-provider-changes.ts), not on arrival.
// A decision arriving while an earlier one about the same thing is still pending, dated on or after the new one's
// date, cancels it: the latest decision wins from its effective date (domain/provider-decisions.ts, an assumption).
// Runs inside the consumer's transaction next to the inbox row, so each event has its effect once.
import { amsterdamDateOf } from '@stap/regelingen';
import type { TransactionClient } from '../infrastructure/prisma/client';
import { providerEligibility } from '../infrastructure/training-store';
import { takesEffectNow } from '../domain/training';
import { isSupersededBy } from '../domain/provider-decisions';
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
  const today = amsterdamDateOf(now);
  const effectiveOn = fact.effectiveDate && !takesEffectNow(fact.effectiveDate, today) ? fact.effectiveDate : today;
  await supersedePendingChanges(tx, fact, effectiveOn, now);
  if (effectiveOn !== today) {
    await tx.pendingProviderChange.create({ data: { providerId: fact.providerId, fact, effectiveDate: new Date(`${effectiveOn}T00:00:00Z`) } });
    return;
  }
  await applyNow(tx, fact);
}

/**
 * Stamps `superseded_at` on the provider's pending changes that `later` (effective on `laterDate`) cancels, so the
 * scheduler never applies them. The rows are locked first: a scheduler run applying one of them at this moment
 * either finishes before (then it is applied, and `later` applies after it) or finds it superseded.
 */
async function supersedePendingChanges(tx: TransactionClient, later: ProviderFact, laterDate: string, now: Date): Promise<void> {
  const pending = await tx.$queryRaw<{ seq: bigint; fact: ProviderFact; effective_date: string }[]>`
    SELECT seq, fact, to_char(effective_date, 'YYYY-MM-DD') AS effective_date FROM pending_provider_change
     WHERE provider_id = ${later.providerId}::uuid AND applied_at IS NULL AND superseded_at IS NULL
     ORDER BY seq FOR UPDATE`;
  const superseded = pending.filter((row) => isSupersededBy(row.fact, row.effective_date, later, laterDate)).map((row) => row.seq);
  if (superseded.length > 0) await tx.pendingProviderChange.updateMany({ where: { seq: { in: superseded }, appliedAt: null }, data: { supersededAt: now } });
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
