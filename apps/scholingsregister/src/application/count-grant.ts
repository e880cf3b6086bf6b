// Counts STAP grants per training per calendar year from the portal's ApplicationGranted events, for the
// verleningsgrens (at most 300 grants per training per year from February 2023; DOMAIN.md §2.1 [pub]). A training
// at the limit drops out of the applyable offer (status APPLICATION_CLOSED, reason GRANT_LIMIT_REACHED).
import type { TransactionClient } from '../infrastructure/prisma/client';
import { grantYearOf } from '../domain/grant-limit';
import { rederive } from '../infrastructure/training-store';

export async function countGrant(tx: TransactionClient, trainingId: string, decidedAt: Date): Promise<void> {
  // A grant for a training this register does not hold has nothing to count against (foreign data on a shared topic).
  if ((await tx.training.count({ where: { id: trainingId } })) === 0) return;
  const year = grantYearOf(decidedAt);
  await tx.trainingGrantCount.upsert({
    where: { trainingId_year: { trainingId, year } },
    create: { trainingId, year, grants: 1 },
    update: { grants: { increment: 1 } },
  });
  await rederive(tx, trainingId, 'stap-portal', decidedAt);
}
