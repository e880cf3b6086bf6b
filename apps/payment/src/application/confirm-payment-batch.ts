// Use case: the bank executed an exported batch. Its payments become PAID, the purchase orders' paid amounts grow,
// and one balanced entry per regeling and tijdvak books debit PAID, credit PAYABLE (the gross amount: an offset
// part was paid by settling the payee's debt). Confirming twice is refused: the batch is EXECUTED.
import { invalid, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { outboxRecord } from '@stap/platform/kafka';
import { CAUSES, transfer } from '../domain/ledger';
import { book, dateOf } from '../infrastructure/ledger-book';
import { EVENT_SOURCE, paymentBatchExecutedEvent, paymentExecutedEvent, type ExecutedPayment } from '../infrastructure/messaging/payment-events';
import type { PaymentBatchRow, PrismaClient } from '../infrastructure/prisma/client';
import { isCalendarDate, isUuid } from '../domain/identifiers';

export async function confirmPaymentBatch(prisma: PrismaClient, batchId: string, executedOn: string): Promise<PaymentBatchRow> {
  if (!isUuid(batchId)) throw invalid([{ field: 'payment_batch_id', description: 'must be a UUID' }]);
  if (!isCalendarDate(executedOn)) throw invalid([{ field: 'executed_on', description: 'must be a date' }]);
  return prisma.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string; total_cents: bigint }[]>`SELECT status, total_cents FROM payment_batch WHERE id = ${batchId}::uuid FOR UPDATE`;
      if (!locked) throw notFoundError('no payment batch with that id');
      // A batch whose payments were all offset moves no money and has no file: it is confirmed straight from CREATED.
      const confirmable = locked.status === 'EXPORTED' || (locked.status === 'CREATED' && locked.total_cents === 0n);
      if (!confirmable) throw preconditionFailed(`the batch is ${locked.status.toLowerCase()}, not exported`, 'BATCH_NOT_EXPORTED');
      await tx.$executeRaw`UPDATE payment SET status = 'PAID', paid_on = ${executedOn}::date WHERE batch_id = ${batchId}::uuid`;
      await tx.$executeRaw`UPDATE purchase_order o SET paid_cents = o.paid_cents + s.gross, version = o.version + 1
          FROM (SELECT purchase_order_id, SUM(gross_cents) AS gross FROM payment WHERE batch_id = ${batchId}::uuid GROUP BY 1) s
         WHERE o.id = s.purchase_order_id`;
      const sums = await tx.$queryRaw<{ regeling: string; tijdvak_id: string; gross: bigint }[]>`
        SELECT regeling, tijdvak_id, SUM(gross_cents)::bigint AS gross FROM payment WHERE batch_id = ${batchId}::uuid GROUP BY 1, 2 ORDER BY 1, 2`;
      for (const sum of sums) {
        await book(tx, {
          sourceKey: `batch:${batchId}:${sum.regeling}:${sum.tijdvak_id}#paid`,
          cause: CAUSES.paid,
          causeId: batchId,
          valueDate: executedOn,
          postings: transfer({ regeling: sum.regeling, tijdvakId: sum.tijdvak_id }, 'PAID', 'PAYABLE', Number(sum.gross)),
        });
      }
      const executed = await tx.$queryRaw<ExecutedPayment[]>`
        SELECT p.id, p.purchase_order_id AS "purchaseOrderId", p.regeling, p.tijdvak_id AS "tijdvakId", o.source_kind AS "sourceKind",
               o.source_id AS "sourceId", p.payee_kind AS "payeeKind", p.payee_id AS "payeeId", p.gross_cents AS "grossCents",
               p.offset_cents AS "offsetCents"
          FROM payment p JOIN purchase_order o ON o.id = p.purchase_order_id WHERE p.batch_id = ${batchId}::uuid ORDER BY p.id`;
      await tx.outboxEvent.createMany({ data: executed.map((payment) => outboxRecord(EVENT_SOURCE, paymentExecutedEvent(payment, batchId, executedOn))) });
      const batch = await tx.paymentBatch.update({ where: { id: batchId }, data: { status: 'EXECUTED', executedAt: dateOf(executedOn) } });
      await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, paymentBatchExecutedEvent(batch, executedOn)) });
      return batch;
    },
    { timeout: 120_000 },
  );
}
