// Use case: a provider invoices against its purchase order. Accepted from the advance date (3 weeks before the
// start, DOMAIN.md §2.1), up to what remains of the commitment, once per invoice number per provider; an accepted
// invoice becomes a payment keyed by the invoice, booked payable against the commitment. A refused invoice changes
// nothing and the caller learns why (FAILED_PRECONDITION with a reason code, or ALREADY_EXISTS).
import { randomUUID } from 'node:crypto';
import { conflict, forbidden, invalid, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { outboxRecord } from '@stap/platform/kafka';
import { amsterdamDateOf } from '@stap/regelingen';
import { CAUSES, transfer } from '../domain/ledger';
import { invoiceRefusal, invoiceViolations, type InvoiceInput, type PurchaseOrderStatus } from '../domain/purchase-order';
import { book, dateOf, isoDateOf } from '../infrastructure/ledger-book';
import { EVENT_SOURCE, invoiceApprovedEvent } from '../infrastructure/messaging/payment-events';
import { isUniqueViolation, type InvoiceRow, type PrismaClient } from '../infrastructure/prisma/client';
import { isUuid } from '@stap/platform/ids';

export interface InvoiceSubmission extends InvoiceInput {
  purchaseOrderId: string;
  kind: 'ADVANCE' | 'BALANCE';
}

export interface Submitter {
  subject: string;
  /** The payee the caller acts for (organisation login); undefined for executor staff. */
  payeeId?: string;
}


export const INVOICE_REFUSAL_REASONS = {
  TOO_EARLY: 'INVOICE_REJECTION_REASON_TOO_EARLY',
  ABOVE_COMMITMENT: 'INVOICE_REJECTION_REASON_ABOVE_COMMITMENT',
  NOT_INVOICEABLE: 'PURCHASE_ORDER_NOT_INVOICEABLE',
} as const;

export async function submitInvoice(prisma: PrismaClient, submission: InvoiceSubmission, submitter: Submitter, now = new Date()): Promise<InvoiceRow> {
  const violations = invoiceViolations(submission);
  if (!isUuid(submission.purchaseOrderId)) violations.unshift({ field: 'purchase_order_id', description: 'must be a UUID' });
  if (violations.length > 0) throw invalid(violations, 'the invoice has invalid fields');
  try {
    return await prisma.$transaction(async (tx) => {
      const [order] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM purchase_order WHERE id = ${submission.purchaseOrderId}::uuid FOR UPDATE`;
      if (!order) throw notFoundError('no purchase order with that id');
      const po = await tx.purchaseOrder.findUniqueOrThrow({ where: { id: order.id } });
      if (submitter.payeeId !== undefined && submitter.payeeId !== po.payeeId) throw forbidden('the purchase order is not addressed to you');
      const refusal = invoiceRefusal(
        {
          status: po.status as PurchaseOrderStatus,
          requiresInvoice: po.requiresInvoice,
          committedCents: Number(po.committedCents),
          invoicedCents: Number(po.invoicedCents),
          advanceInvoiceableFrom: po.advanceInvoiceableFrom ? isoDateOf(po.advanceInvoiceableFrom) : null,
        },
        submission.amountCents,
        amsterdamDateOf(now),
      );
      if (refusal) throw preconditionFailed(refusal.message, INVOICE_REFUSAL_REASONS[refusal.reason]);
      const invoice = await tx.invoice.create({
        data: {
          id: randomUUID(),
          purchaseOrderId: po.id,
          providerId: po.payeeId,
          invoiceNumber: submission.invoiceNumber.trim(),
          invoiceDate: dateOf(submission.invoiceDate),
          kind: submission.kind,
          amountCents: BigInt(submission.amountCents),
          status: 'APPROVED',
          receivedBy: submitter.subject,
        },
      });
      const updated = await tx.purchaseOrder.update({
        where: { id: po.id },
        data: { status: 'INVOICED', invoicedCents: { increment: BigInt(submission.amountCents) }, version: { increment: 1 } },
      });
      await tx.payment.create({
        data: {
          id: randomUUID(),
          sourceKey: `invoice:${invoice.id}`,
          purchaseOrderId: po.id,
          regeling: po.regeling,
          tijdvakId: po.tijdvakId,
          payeeKind: po.payeeKind,
          payeeId: po.payeeId,
          grossCents: BigInt(submission.amountCents),
          remittance: `${po.number} factuur ${invoice.invoiceNumber}`,
        },
      });
      await book(tx, {
        sourceKey: `invoice:${invoice.id}#payable`,
        cause: CAUSES.payable,
        causeId: po.id,
        valueDate: amsterdamDateOf(now),
        postings: transfer({ regeling: po.regeling, tijdvakId: po.tijdvakId }, 'PAYABLE', 'COMMITTED', submission.amountCents),
      });
      await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, invoiceApprovedEvent(updated, invoice)) });
      return invoice;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`invoice number ${submission.invoiceNumber.trim()} was already submitted by this provider`, [
        { field: 'invoice_number', description: 'is already used by this provider' },
      ]);
    }
    throw error;
  }
}
