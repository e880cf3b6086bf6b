// Scheduled: the verleningsgrens counts grants per training per calendar year (DOMAIN.md §2.1 [pub]), so a training
// closed with GRANT_LIMIT_REACHED in year Y is applyable again from 1 January of Y+1 (Europe/Amsterdam). The job
// re-derives the trainings closed for that reason whose count for the current year is below the limit (a prefilter
// in SQL; the rule itself stays in domain/training.ts deriveStatus); rederive() publishes it again (TrainingApplicationReopened and a
// history row) only when this year's count is below the limit in force. Safe to repeat and to run on two
// instances: each training is re-derived under its row lock, and a training already reopened is not selected again
// (or, if selected before the other instance committed, re-derives to the same status and writes nothing).
import type { PrismaClient } from '../infrastructure/prisma/client';
import { lockTraining, rederive } from '../infrastructure/training-store';
import { grantLimitPerYearOn, grantYearOf } from '../domain/grant-limit';

const BATCH = 200;
const ACTOR = 'scheduler';

/**
 * Trainings closed at the grant limit whose count for the current year (Amsterdam) is below the limit in force:
 * the ones whose year is over. Those still at the limit are not touched, so a run during the year writes nothing.
 */
async function candidates(prisma: PrismaClient, now: Date, after: string): Promise<{ id: string }[]> {
  const year = grantYearOf(now);
  const limit = grantLimitPerYearOn(now);
  return prisma.$queryRaw<{ id: string }[]>`
    SELECT t.id::text AS id FROM training t
     WHERE t.status = 'TRAINING_STATUS_APPLICATION_CLOSED' AND t.application_closed_reason = 'APPLICATION_CLOSED_REASON_GRANT_LIMIT_REACHED'
       AND t.id > ${after}::uuid
       AND NOT EXISTS (SELECT 1 FROM training_grant_count g WHERE g.training_id = t.id AND g.year = ${year} AND ${limit}::int IS NOT NULL AND g.grants >= ${limit}::int)
     ORDER BY t.id LIMIT ${BATCH}`;
}

/** Returns how many trainings it reopened. */
export async function reopenGrantLimitedTrainings(prisma: PrismaClient, now: Date): Promise<number> {
  let reopened = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const closed = await candidates(prisma, now, after);
    for (const { id } of closed) {
      const open = await prisma.$transaction(async (tx) => {
        const before = await lockTraining(tx, id);
        if (before.applicationClosedReason !== 'APPLICATION_CLOSED_REASON_GRANT_LIMIT_REACHED') return false; // another instance was first
        await rederive(tx, id, ACTOR, now);
        return (await tx.training.findUniqueOrThrow({ where: { id }, select: { status: true } })).status === 'TRAINING_STATUS_PUBLISHED';
      });
      if (open) reopened += 1;
    }
    if (closed.length < BATCH) return reopened;
    after = closed[closed.length - 1].id;
  }
}
