// Scheduled: applies the provider changes whose effective date has come (Europe/Amsterdam), oldest date first and
// in order of arrival. Each row is taken with FOR UPDATE SKIP LOCKED and stamped applied in the same transaction,
// so two service instances never apply a change twice and a second run finds nothing. Source: DOMAIN.md §3
// Provider registry ("from effective_date the trainings are not applyable"). Changes cancelled by a later decision
// (`superseded_at`, application/apply-provider-events.ts) are skipped.
import { amsterdamDateOf } from '@stap/regelingen';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { applyNow, type ProviderFact } from './apply-provider-events';

const BATCH = 100;

/** Returns how many changes it applied. */
export async function applyDueProviderChanges(prisma: PrismaClient, now: Date): Promise<number> {
  const today = amsterdamDateOf(now);
  let applied = 0;
  for (;;) {
    const done = await prisma.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ seq: bigint; fact: ProviderFact }[]>`
        SELECT seq, fact FROM pending_provider_change
         WHERE applied_at IS NULL AND superseded_at IS NULL AND effective_date <= ${today}::date
         ORDER BY effective_date, seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      for (const row of due) {
        await applyNow(tx, row.fact);
        await tx.pendingProviderChange.update({ where: { seq: row.seq }, data: { appliedAt: now } });
      }
      return due.length;
    });
    applied += done;
    if (done < BATCH) return applied;
  }
}
