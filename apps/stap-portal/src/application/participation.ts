// Use case: a provider submits proof of participation for a granted application, one at a time or in bulk (each
// item on its own). The proof and its ParticipationProofSubmitted event (payment settles or recovers) are written in
// one transaction. Rules: domain/participation.ts.
import { randomUUID } from 'node:crypto';
import { forbidden, invalid, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { outboxRecord } from '@stap/platform/kafka';
import { amsterdamDateOf } from '@stap/regelingen';
import { isLate, proofViolations, type ProofOutcome } from '../domain/participation';
import { rulesByVersion } from '../domain/rules-version';
import { isUniqueViolation, type ProofRow } from '../infrastructure/prisma/client';
import { EVENT_SOURCE, proofSubmittedEvent } from '../infrastructure/messaging/portal-events';
import type { PortalContext } from './context';

export async function submitParticipationProof(ctx: PortalContext, providerId: string, applicationId: string, outcome: ProofOutcome | undefined): Promise<ProofRow> {
  const application = /^[0-9a-f-]{36}$/i.test(applicationId) ? await ctx.prisma.application.findUnique({ where: { id: applicationId } }) : null;
  if (!application) throw notFoundError(`application ${applicationId} does not exist`);
  if (application.providerId !== providerId) throw forbidden('a provider submits proof for its own applications only');
  const parameters = rulesByVersion(application.rulesVersion).parameters;
  const violations = proofViolations(outcome, parameters.completion.value);
  if (violations.length > 0 || !outcome) throw invalid(violations, 'the proof of participation has invalid fields');
  if (application.status !== 'GRANTED') throw preconditionFailed('proof of participation is for granted applications only', 'APPLICATION_NOT_GRANTED');
  const now = ctx.now();
  const late = isLate(application.trainingEndDate, amsterdamDateOf(now), parameters.proofOfParticipationWithinMonthsAfterEnd.value);
  const data = {
    id: randomUUID(), applicationId, providerId, late, submittedAt: now,
    ...(outcome.completed
      ? { completed: true, completionBasis: outcome.basis ?? null, attendancePercent: outcome.attendancePercent ?? null, creditsPercent: outcome.creditsPercent ?? null, completedOn: outcome.completedOn ?? null }
      : { completed: false, nonCompletionReason: outcome.reason ?? null, attendancePercent: outcome.attendancePercent ?? null, illnessClaimed: outcome.illnessClaimed, explanation: outcome.explanation || null }),
  };
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const row = await tx.participationProof.create({ data });
      await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, proofSubmittedEvent({ ...row, tijdvakId: application.tijdvakId })) });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw preconditionFailed('proof of participation was already submitted for this application', 'PROOF_ALREADY_SUBMITTED');
    throw error;
  }
}
