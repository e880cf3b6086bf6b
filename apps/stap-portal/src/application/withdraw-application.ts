// Use case: the applicant (or an executor officer at the counter) withdraws an application before the training starts.
// One transaction: the tijdvak's committed budget of the application's channel goes down by the granted amount with
// a guarded UPDATE (WHERE committed >= amount: a release can never make the budget negative), the application turns
// WITHDRAWN with a guarded UPDATE (WHERE status = 'GRANTED'), and ApplicationWithdrawn goes to the outbox (payment
// decommits and cancels the purchase order). The application row is locked before anything is read, so two
// withdrawals at once are decided one after the other and release the amount once. The decision pipeline never locks
// an existing application row, so locking application then tijdvak cannot deadlock with it.
// Rules and sources: domain/withdrawal.ts (DOMAIN.md §2.1; parameter withdrawnGrantCountsForTheYear).
import { invalid, notFoundError, preconditionFailed, type Violation } from '@stap/platform/errors';
import { outboxRecord } from '@stap/platform/kafka';
import { amsterdamDateOf } from '@stap/regelingen';
import { rulesByVersion } from '../domain/rules-version';
import { withdrawalEffect, withdrawalRefusal, type WithdrawalRefusal } from '../domain/withdrawal';
import type { ApplicationRow } from '../infrastructure/prisma/client';
import { applicationWithdrawnEvent, EVENT_SOURCE } from '../infrastructure/messaging/portal-events';
import type { PortalContext } from './context';
import { isUuid } from '@stap/platform/ids';

export const MAX_WITHDRAWAL_REASON_LENGTH = 500;

export interface WithdrawingCaller {
  /** The logged-in individual's BSN. */
  bsn?: string;
  /** An executor officer ("portal:counter"), who acts for the applicant. */
  officer: boolean;
}

const REFUSAL_MESSAGES: Record<WithdrawalRefusal, string> = {
  ALREADY_WITHDRAWN: 'the application was already withdrawn',
  APPLICATION_REJECTED: 'a rejected application cannot be withdrawn',
  NOT_DECIDED: 'the application is not decided yet',
  TRAINING_STARTED: 'the training has started: the application can no longer be withdrawn',
};

function requestViolations(applicationId: string, reason: string): Violation[] {
  const violations: Violation[] = [];
  if (!isUuid(applicationId)) violations.push({ field: 'application_id', description: 'must be a UUID' });
  if (reason.length > MAX_WITHDRAWAL_REASON_LENGTH) violations.push({ field: 'reason', description: `is at most ${MAX_WITHDRAWAL_REASON_LENGTH} characters` });
  return violations;
}

export async function withdrawApplication(ctx: PortalContext, caller: WithdrawingCaller, applicationId: string, reason: string): Promise<ApplicationRow> {
  const violations = requestViolations(applicationId, reason);
  if (violations.length > 0) throw invalid(violations, 'the withdrawal has invalid fields');
  return ctx.prisma.$transaction(async (tx) => {
    // The application row is locked first: a second withdrawal at the same moment waits here and then reads WITHDRAWN.
    await tx.$queryRaw`SELECT id FROM application WHERE id = ${applicationId}::uuid FOR UPDATE`;
    const found = await tx.application.findUnique({ where: { id: applicationId } });
    // Someone else's application is indistinguishable from none (no hint that it exists).
    if (!found || (!caller.officer && found.bsn !== caller.bsn)) throw notFoundError('no such application');
    const now = ctx.now();
    const application = { status: found.status, trainingStartDate: found.trainingStartDate, grantedCents: Number(found.grantedCents) };
    const refusal = withdrawalRefusal(application, amsterdamDateOf(now));
    if (refusal) throw preconditionFailed(REFUSAL_MESSAGES[refusal], refusal);
    const effect = withdrawalEffect(application, rulesByVersion(found.rulesVersion));
    const column = found.channel === 'COUNTER' ? 'committed_counter_cents' : 'committed_online_cents';
    const released = await tx.$executeRawUnsafe(
      `UPDATE tijdvak SET ${column} = ${column} - $2, granted_count = granted_count - 1 WHERE id = $1 AND ${column} >= $2 AND granted_count >= 1`,
      found.tijdvakId, BigInt(effect.releasedCents),
    );
    if (released !== 1) throw new Error(`the budget of tijdvak ${found.tijdvakId} does not hold the amount to release`);
    const withdrawn = await tx.application.updateMany({
      where: { id: found.id, status: 'GRANTED' },
      data: {
        status: 'WITHDRAWN', withdrawnAt: now, withdrawalReason: reason.trim() || null,
        ...(effect.keepsYearCounted ? {} : { grantYear: null }),
      },
    });
    // A withdrawal that committed meanwhile: this one changes nothing (the transaction rolls back).
    if (withdrawn.count !== 1) throw preconditionFailed(REFUSAL_MESSAGES.ALREADY_WITHDRAWN, 'ALREADY_WITHDRAWN');
    await tx.outboxEvent.create({
      data: outboxRecord(EVENT_SOURCE, applicationWithdrawnEvent({ applicationId: found.id, tijdvakId: found.tijdvakId, wasGranted: true, releasedCents: effect.releasedCents, withdrawnAt: now })),
    });
    return tx.application.findUniqueOrThrow({ where: { id: found.id } });
  });
}
