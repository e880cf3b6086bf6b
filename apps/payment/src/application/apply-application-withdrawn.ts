// Effect of ApplicationWithdrawn (stap-portal): a granted application withdrawn before anything was invoiced
// cancels its purchase order and releases the commitment to the tijdvak's budget (debit BUDGET, credit COMMITTED).
// Once invoiced, money may already have left: the order stays and is settled (at nil) by an officer instead.
// Source: DOMAIN.md §2.1 "After the grant" [pub] (the purchase order is what the provider is paid against), §4
// (every euro granted and released reconciles per regeling and tijdvak).
//
// A withdrawal can arrive before its grant: ApplicationGranted was dead-lettered (the same key, application_id, keeps
// them in order otherwise) and is replayed after the withdrawal. The withdrawal is then recorded, and when the grant
// arrives its order is issued and cancelled in the grant's transaction (cancelIfWithdrawnBeforeGrant), so no
// provider can invoice a withdrawn application and the portal, which releases the amount on PurchaseOrderCancelled
// of an order it linked on PurchaseOrderIssued, releases it exactly once.
import { outboxRecord } from '@stap/platform/kafka';
import { amsterdamDateOf } from '@stap/regelingen';
import type { ApplicationWithdrawn } from '@stap/contracts/stap/portal/events/v1/events';
import { CAUSES, transfer } from '../domain/ledger';
import { book } from '../infrastructure/ledger-book';
import { EVENT_SOURCE, purchaseOrderCancelledEvent } from '../infrastructure/messaging/payment-events';
import type { PurchaseOrderRow, TransactionClient } from '../infrastructure/prisma/client';

export const WITHDRAWN_REASON = 'aanvraag ingetrokken';

/** The withdrawal a cancellation answers: its event names the release entry, its moment values it. */
interface Withdrawal {
  eventId: string;
  withdrawnAt: Date;
}

export async function applyApplicationWithdrawn(
  tx: TransactionClient,
  eventId: string,
  event: ApplicationWithdrawn,
): Promise<'cancelled' | 'recorded' | 'ignored'> {
  if (!event.wasGranted || !event.applicationId) return 'ignored';
  await lockApplication(tx, event.applicationId);
  const withdrawal = { eventId, withdrawnAt: withdrawnAtOf(event) };
  const order = await tx.purchaseOrder.findUnique({ where: { sourceKind_sourceId: { sourceKind: 'APPLICATION', sourceId: event.applicationId } } });
  if (!order) {
    await recordWithdrawalBeforeGrant(tx, event.applicationId, withdrawal);
    return 'recorded';
  }
  if (!isCancellable(order)) return 'ignored';
  await cancelWithdrawnOrder(tx, order, withdrawal);
  return 'cancelled';
}

/**
 * Called in ApplicationGranted's transaction after its order was issued (or found): an order whose application was
 * withdrawn before the grant arrived is cancelled at once, released under the withdrawal's event id as the normal
 * path books it, so a withdrawal can release an order only once whichever event came first.
 */
export async function cancelIfWithdrawnBeforeGrant(tx: TransactionClient, order: PurchaseOrderRow): Promise<boolean> {
  if (order.sourceKind !== 'APPLICATION' || !isCancellable(order)) return false;
  const recorded = await tx.withdrawnApplication.findUnique({ where: { applicationId: order.sourceId } });
  if (!recorded) return false;
  await cancelWithdrawnOrder(tx, order, { eventId: recorded.eventId, withdrawnAt: recorded.withdrawnAt });
  return true;
}

/**
 * Serialises the withdrawal and the grant of one application. Kafka already delivers them in order (same key, one
 * partition), but a grant replayed from the dead-letter topic while the withdrawal is being applied must not see
 * "no withdrawal" while the withdrawal sees "no order": both would leave an open order.
 */
export async function lockApplication(tx: TransactionClient, applicationId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`application:${applicationId}`}, 0))::text`;
}

function isCancellable(order: PurchaseOrderRow): boolean {
  return order.status === 'OPEN' && order.invoicedCents === 0n;
}

/** When the portal withdrew it; an event without a valid moment is taken as withdrawn when it is applied. */
function withdrawnAtOf(event: ApplicationWithdrawn): Date {
  const withdrawnAt = new Date(event.withdrawnAt ?? '');
  return Number.isNaN(withdrawnAt.getTime()) ? new Date() : withdrawnAt;
}

/** The first withdrawal is kept: a re-published withdrawal (a new event id) changes nothing. */
async function recordWithdrawalBeforeGrant(tx: TransactionClient, applicationId: string, withdrawal: Withdrawal): Promise<void> {
  await tx.withdrawnApplication.createMany({
    data: [{ applicationId, withdrawnAt: withdrawal.withdrawnAt, eventId: withdrawal.eventId }],
    skipDuplicates: true,
  });
}

async function cancelWithdrawnOrder(tx: TransactionClient, order: PurchaseOrderRow, withdrawal: Withdrawal): Promise<void> {
  const cancelled = await tx.purchaseOrder.update({ where: { id: order.id }, data: { status: 'CANCELLED', version: { increment: 1 } } });
  await book(tx, {
    sourceKey: `${withdrawal.eventId}#release`,
    cause: CAUSES.released,
    causeId: order.id,
    valueDate: amsterdamDateOf(withdrawal.withdrawnAt),
    postings: transfer({ regeling: order.regeling, tijdvakId: order.tijdvakId }, 'BUDGET', 'COMMITTED', Number(order.committedCents)),
  });
  await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, purchaseOrderCancelledEvent(cancelled, WITHDRAWN_REASON)) });
}
