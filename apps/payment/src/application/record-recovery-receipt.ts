// Use case: money received on a recovery order (the payment-request route). Keyed by the bank's reference, so an
// imported bank statement can be replayed without collecting twice. Booked: debit RECOVERED, credit RECEIVABLE.
import { randomUUID } from 'node:crypto';
import { conflict, invalid, notFoundError, preconditionFailed, type Violation } from '@stap/platform/errors';
import { outboxRecord } from '@stap/platform/kafka';
import { CAUSES, transfer } from '../domain/ledger';
import { recoveryStatus } from '../domain/settlement';
import { book, dateOf } from '../infrastructure/ledger-book';
import { EVENT_SOURCE, recoveryReceivedEvent } from '../infrastructure/messaging/payment-events';
import { isUniqueViolation, type PrismaClient, type RecoveryOrderRow, type TransactionClient } from '../infrastructure/prisma/client';
import { isCalendarDate, isUuid } from '../domain/identifiers';

export interface RecoveryReceipt {
  recoveryOrderId: string;
  amountCents: number;
  currency: string;
  receivedOn: string;
  bankReference: string;
}

function receiptViolations(receipt: RecoveryReceipt): Violation[] {
  const violations: Violation[] = [];
  if (!isUuid(receipt.recoveryOrderId)) violations.push({ field: 'recovery_order_id', description: 'must be a UUID' });
  if (!Number.isSafeInteger(receipt.amountCents) || receipt.amountCents <= 0) violations.push({ field: 'amount.amount_cents', description: 'must be positive' });
  if (receipt.currency !== 'EUR') violations.push({ field: 'amount.currency', description: 'must be EUR' });
  if (!isCalendarDate(receipt.receivedOn)) violations.push({ field: 'received_on', description: 'must be a date' });
  if (!receipt.bankReference.trim() || receipt.bankReference.length > 100) violations.push({ field: 'bank_reference', description: 'is required (max 100 characters)' });
  return violations;
}

const duplicateReference = () =>
  conflict('this bank reference was already recorded', [{ field: 'bank_reference', description: 'is already recorded' }]);

export async function recordRecoveryReceipt(prisma: PrismaClient, receipt: RecoveryReceipt): Promise<RecoveryOrderRow> {
  const violations = receiptViolations(receipt);
  if (violations.length > 0) throw invalid(violations);
  try {
    return await prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM recovery_order WHERE id = ${receipt.recoveryOrderId}::uuid FOR UPDATE`;
      if (!locked) throw notFoundError('no recovery order with that id');
      const order = await tx.recoveryOrder.findUniqueOrThrow({ where: { id: locked.id } });
      // A replayed bank statement line is recognised before any amount check, so it is reported as what it is.
      if (await tx.recoveryCollection.findUnique({ where: { bankReference: receipt.bankReference.trim() } })) throw duplicateReference();
      const outstanding = Number(order.amountCents - order.recoveredCents);
      if (outstanding <= 0) throw preconditionFailed('the recovery order is already fully recovered', 'ALREADY_RECOVERED');
      if (receipt.amountCents > outstanding) throw preconditionFailed(`the amount exceeds what remains (${outstanding} cents)`, 'ABOVE_OUTSTANDING');
      await tx.recoveryCollection.create({
        data: {
          id: randomUUID(),
          recoveryOrderId: order.id,
          kind: 'RECEIPT',
          amountCents: BigInt(receipt.amountCents),
          bankReference: receipt.bankReference.trim(),
          collectedOn: dateOf(receipt.receivedOn),
        },
      });
      return collect(tx, order, receipt.amountCents, `receipt:${receipt.bankReference.trim()}`, receipt.receivedOn, false);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateReference() : error;
  }
}

/** Applies a collected amount (received or offset) to the recovery order, its purchase order and the ledger. */
export async function collect(
  tx: TransactionClient,
  order: RecoveryOrderRow,
  amountCents: number,
  sourceKey: string,
  on: string,
  offset: boolean,
): Promise<RecoveryOrderRow> {
  const recovered = Number(order.recoveredCents) + amountCents;
  const status = recoveryStatus(Number(order.amountCents), recovered);
  const updated = await tx.recoveryOrder.update({ where: { id: order.id }, data: { recoveredCents: BigInt(recovered), status } });
  await tx.purchaseOrder.update({
    where: { id: order.purchaseOrderId },
    data: { recoveredCents: { increment: BigInt(amountCents) }, ...(status === 'RECOVERED' ? { status: 'CLOSED' } : {}), version: { increment: 1 } },
  });
  await book(tx, {
    sourceKey: `${sourceKey}#recovered`,
    cause: CAUSES.recovered,
    causeId: order.id,
    valueDate: on,
    postings: transfer({ regeling: order.regeling, tijdvakId: order.tijdvakId }, 'RECOVERED', 'RECEIVABLE', amountCents),
  });
  await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, recoveryReceivedEvent(updated, amountCents, offset, on)) });
  return updated;
}
