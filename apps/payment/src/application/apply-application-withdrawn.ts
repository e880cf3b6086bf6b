// Effect of ApplicationWithdrawn (stap-portal): a granted application withdrawn before anything was invoiced
// cancels its purchase order and releases the commitment to the tijdvak's budget (debit BUDGET, credit COMMITTED).
// Once invoiced, money may already have left: the order stays and is settled (at nil) by an officer instead.
import { outboxRecord } from '@stap/platform/kafka';
import { amsterdamDateOf } from '@stap/regelingen';
import type { ApplicationWithdrawn } from '@stap/contracts/stap/portal/events/v1/events';
import { CAUSES, transfer } from '../domain/ledger';
import { book } from '../infrastructure/ledger-book';
import { EVENT_SOURCE, purchaseOrderCancelledEvent } from '../infrastructure/messaging/payment-events';
import type { TransactionClient } from '../infrastructure/prisma/client';

export async function applyApplicationWithdrawn(tx: TransactionClient, eventId: string, event: ApplicationWithdrawn): Promise<'cancelled' | 'ignored'> {
  if (!event.wasGranted || !event.applicationId) return 'ignored';
  const order = await tx.purchaseOrder.findUnique({ where: { sourceKind_sourceId: { sourceKind: 'APPLICATION', sourceId: event.applicationId } } });
  if (!order || order.status !== 'OPEN' || order.invoicedCents > 0n) return 'ignored';
  const withdrawnAt = new Date(event.withdrawnAt ?? '');
  const cancelled = await tx.purchaseOrder.update({ where: { id: order.id }, data: { status: 'CANCELLED', version: { increment: 1 } } });
  await book(tx, {
    sourceKey: `${eventId}#release`,
    cause: CAUSES.released,
    causeId: order.id,
    valueDate: amsterdamDateOf(Number.isNaN(withdrawnAt.getTime()) ? new Date() : withdrawnAt),
    postings: transfer({ regeling: order.regeling, tijdvakId: order.tijdvakId }, 'BUDGET', 'COMMITTED', Number(order.committedCents)),
  });
  await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, purchaseOrderCancelledEvent(cancelled, 'aanvraag ingetrokken')) });
  return 'cancelled';
}
