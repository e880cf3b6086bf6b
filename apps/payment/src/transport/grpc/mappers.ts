// Stored rows → the messages of proto/stap/payments/v1/payments.proto.
import { ActorType } from '@stap/contracts/stap/common/v1/common';
import {
  InvoiceKind,
  InvoiceStatus,
  PaymentBatchStatus,
  PurchaseOrderStatus,
  SettlementOutcome,
  type Invoice,
  type PaymentBatch,
  type PurchaseOrder,
  type RecoveryOrder,
  type Settlement,
} from '@stap/contracts/stap/payments/v1/payments';
import type { InvoiceRow, PaymentBatchRow, PurchaseOrderRow, RecoveryOrderRow, SettlementRow } from '../../infrastructure/prisma/client';
import { RECOVERY_METHOD, RECOVERY_STATUS } from '../../infrastructure/messaging/payment-events';
import { dateMessage, grantSourceMessage, money, payeeMessage, tijdvakRef } from '../../infrastructure/messaging/proto-mapping';

const day = (date: Date | null) => (date ? dateMessage(date.toISOString().slice(0, 10)) : undefined);

const PO_STATUS: Record<string, PurchaseOrderStatus> = {
  OPEN: PurchaseOrderStatus.PURCHASE_ORDER_STATUS_OPEN,
  INVOICED: PurchaseOrderStatus.PURCHASE_ORDER_STATUS_INVOICED,
  SETTLED: PurchaseOrderStatus.PURCHASE_ORDER_STATUS_SETTLED,
  IN_RECOVERY: PurchaseOrderStatus.PURCHASE_ORDER_STATUS_IN_RECOVERY,
  CLOSED: PurchaseOrderStatus.PURCHASE_ORDER_STATUS_CLOSED,
  CANCELLED: PurchaseOrderStatus.PURCHASE_ORDER_STATUS_CANCELLED,
};

export function toPurchaseOrder(row: PurchaseOrderRow): PurchaseOrder {
  return {
    id: row.id,
    number: row.number,
    tijdvak: tijdvakRef(row.regeling, row.tijdvakId),
    source: grantSourceMessage(row.sourceKind, row.sourceId),
    payee: payeeMessage(row.payeeKind, row.payeeId),
    committedAmount: money(row.committedCents),
    requiresInvoice: row.requiresInvoice,
    trainingStartDate: day(row.trainingStartDate),
    advanceInvoiceableFrom: day(row.advanceInvoiceableFrom),
    trainingEndDate: day(row.trainingEndDate),
    status: PO_STATUS[row.status] ?? PurchaseOrderStatus.PURCHASE_ORDER_STATUS_UNSPECIFIED,
    invoicedAmount: money(row.invoicedCents),
    paidAmount: money(row.paidCents),
    settledAmount: row.settledCents === null ? undefined : money(row.settledCents),
    recoveredAmount: money(row.recoveredCents),
    createdAt: row.createdAt.toISOString(),
    version: row.version.toString(),
  };
}

export function toInvoice(row: InvoiceRow, order: PurchaseOrderRow): Invoice {
  return {
    id: row.id,
    purchaseOrderId: row.purchaseOrderId,
    tijdvak: tijdvakRef(order.regeling, order.tijdvakId),
    providerId: row.providerId,
    invoiceNumber: row.invoiceNumber,
    invoiceDate: day(row.invoiceDate),
    kind: row.kind === 'BALANCE' ? InvoiceKind.INVOICE_KIND_BALANCE : InvoiceKind.INVOICE_KIND_ADVANCE,
    amount: money(row.amountCents),
    status: row.status === 'PAID' ? InvoiceStatus.INVOICE_STATUS_PAID : InvoiceStatus.INVOICE_STATUS_APPROVED,
    rejectionReasons: [],
    receivedAt: row.receivedAt.toISOString(),
  };
}

const OUTCOME: Record<string, SettlementOutcome> = {
  FULL: SettlementOutcome.SETTLEMENT_OUTCOME_FULL,
  PARTIAL: SettlementOutcome.SETTLEMENT_OUTCOME_PARTIAL,
  NIL: SettlementOutcome.SETTLEMENT_OUTCOME_NIL,
};

export function toSettlement(row: SettlementRow, order: PurchaseOrderRow): Settlement {
  return {
    id: row.id,
    purchaseOrderId: row.purchaseOrderId,
    tijdvak: tijdvakRef(order.regeling, order.tijdvakId),
    outcome: OUTCOME[row.outcome] ?? SettlementOutcome.SETTLEMENT_OUTCOME_UNSPECIFIED,
    settledAmount: money(row.settledCents),
    participationProofId: row.participationProofId ?? '',
    illnessAccepted: row.illnessAccepted,
    personAtFault: row.personAtFault,
    sampled: false,
    decision: { reference: row.decisionReference, reason: row.decisionReason, decidedOn: day(row.decidedAt) },
    decided: {
      actor: {
        type: row.decidedBy === 'SYSTEM' ? ActorType.ACTOR_TYPE_SYSTEM : ActorType.ACTOR_TYPE_EXECUTOR,
        subject: row.decidedBy,
        organisationKvkNumber: undefined,
        displayName: '',
      },
      at: row.decidedAt.toISOString(),
    },
    recoveryOrderId: row.recoveryOrderId ?? '',
  };
}

export function toRecoveryOrder(row: RecoveryOrderRow): RecoveryOrder {
  return {
    id: row.id,
    purchaseOrderId: row.purchaseOrderId,
    tijdvak: tijdvakRef(row.regeling, row.tijdvakId),
    debtor: payeeMessage(row.debtorKind, row.debtorId),
    amount: money(row.amountCents),
    recoveredAmount: money(row.recoveredCents),
    method: RECOVERY_METHOD[row.method],
    dueDate: day(row.dueDate),
    status: RECOVERY_STATUS[row.status],
    decision: { reference: row.decisionReference, reason: '', decidedOn: day(row.createdAt) },
    createdAt: row.createdAt.toISOString(),
  };
}

const BATCH_STATUS: Record<string, PaymentBatchStatus> = {
  CREATED: PaymentBatchStatus.PAYMENT_BATCH_STATUS_CREATED,
  EXPORTED: PaymentBatchStatus.PAYMENT_BATCH_STATUS_EXPORTED,
  EXECUTED: PaymentBatchStatus.PAYMENT_BATCH_STATUS_EXECUTED,
};

export function toPaymentBatch(row: PaymentBatchRow): PaymentBatch {
  return {
    id: row.id,
    messageId: row.messageId,
    executionDate: day(row.executionDate),
    status: BATCH_STATUS[row.status] ?? PaymentBatchStatus.PAYMENT_BATCH_STATUS_UNSPECIFIED,
    paymentCount: row.paymentCount,
    total: money(row.totalCents),
    offsetTotal: money(row.offsetCents),
    exportSha256: row.exportSha256 ?? '',
    createdAt: row.createdAt.toISOString(),
    executedAt: row.executedAt?.toISOString(),
  };
}
