// Use case: the applicant (or an executor officer at the counter) withdraws an application before the training starts.
// One transaction: the application turns WITHDRAWN with a guarded UPDATE (WHERE status = 'GRANTED') and
// ApplicationWithdrawn goes to the outbox (payment decommits and cancels the purchase order when nothing was invoiced).
// The amount is NOT given back to the tijdvak here: that happens when payment's PurchaseOrderCancelled arrives
// (application/purchase-order-read-model.ts), because payment keeps an order once it is invoiced and the portal must
// never grant an amount payment may still pay (the ceiling is law). A withdrawal the portal knows to be invoiced
// (InvoiceApproved) is refused with ADVANCE_INVOICED. The application row is locked before anything is read, so two
// withdrawals at once are decided one after the other. The decision pipeline never locks an existing application row.
// Rules and sources: domain/withdrawal.ts (DOMAIN.md §2.1; parameter withdrawnGrantCountsForTheYear).
import { invalid, notFoundError, preconditionFailed, type Violation } from '@stap/platform/errors';
import { outboxRecord } from '@stap/platform/kafka';
import { amsterdamDateOf } from '@stap/regelingen';
import { rulesByVersion } from '../domain/rules-version';
import { withdrawalEffect, withdrawalRefusal, type WithdrawalRefusal } from '../domain/withdrawal';
import { releaseWithdrawnGrant } from './purchase-order-read-model';
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
  ADVANCE_INVOICED: 'an invoice on the grant was approved for payment: the application can no longer be withdrawn; contact the executor to settle it',
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
    const application = {
      status: found.status, trainingStartDate: found.trainingStartDate, grantedCents: Number(found.grantedCents), invoiceApproved: found.invoiceApprovedAt !== null,
    };
    const refusal = withdrawalRefusal(application, amsterdamDateOf(now));
    if (refusal) throw preconditionFailed(REFUSAL_MESSAGES[refusal], refusal);
    const effect = withdrawalEffect(application, rulesByVersion(found.rulesVersion));
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
    // payment cancelled the order before (for another reason): the amount is decommitted already and goes back now.
    if (found.purchaseOrderCancelledAt !== null) await releaseWithdrawnGrant(tx, found.id, now);
    return tx.application.findUniqueOrThrow({ where: { id: found.id } });
  });
}
