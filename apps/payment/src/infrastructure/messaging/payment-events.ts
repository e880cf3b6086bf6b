// The events payment publishes (proto/stap/payments/events/v1), in the NL GOV CloudEvents profile (DESIGN.md §3).
// They are written to the outbox inside the use case's transaction and published by the relay.
import type { DomainEvent, TopicSpec } from '@stap/platform/kafka';
import {
  InvoiceApproved,
  PaymentBatchCreated,
  PaymentBatchExecuted,
  PaymentExecuted,
  PurchaseOrderCancelled,
  PurchaseOrderIssued,
  RecoveryOrderIssued,
  RecoveryReceived,
  SettlementDecided,
} from '@stap/contracts/stap/payments/events/v1/events';
import { InvoiceKind, RecoveryMethod, RecoveryOrderStatus, SettlementOutcome } from '@stap/contracts/stap/payments/v1/payments';
import type { InvoiceRow, PaymentBatchRow, PurchaseOrderRow, RecoveryOrderRow, SettlementRow } from '../prisma/client';
import { dateMessage, grantSourceMessage, money, payeeMessage, tijdvakRef } from './proto-mapping';

export const EVENT_SOURCE = 'urn:nld:stap:payment';
export const PURCHASE_ORDER_TOPIC: TopicSpec = { name: 'stap.payments.purchase_order.v1', partitions: 3 };
export const PAYMENT_BATCH_TOPIC: TopicSpec = { name: 'stap.payments.payment_batch.v1', partitions: 1 };

const type = (name: string) => `nl.stap.payments.${name}.v1`;

function orderEvent(order: { id: string }, name: string, schema: string, payload: Uint8Array): DomainEvent {
  return { topic: PURCHASE_ORDER_TOPIC.name, aggregateId: order.id, type: type(name), dataschema: `stap.payments.events.v1.${schema}`, payload };
}

export function purchaseOrderIssuedEvent(order: PurchaseOrderRow): DomainEvent {
  const message: PurchaseOrderIssued = {
    purchaseOrderId: order.id,
    number: order.number,
    tijdvak: tijdvakRef(order.regeling, order.tijdvakId),
    source: grantSourceMessage(order.sourceKind, order.sourceId),
    payee: payeeMessage(order.payeeKind, order.payeeId),
    committedAmount: money(order.committedCents),
    advanceInvoiceableFrom: order.advanceInvoiceableFrom ? dateMessage(order.advanceInvoiceableFrom.toISOString().slice(0, 10)) : undefined,
  };
  return orderEvent(order, 'purchase_order_issued', 'PurchaseOrderIssued', PurchaseOrderIssued.encode(message).finish());
}

export function purchaseOrderCancelledEvent(order: PurchaseOrderRow, reason: string): DomainEvent {
  const message: PurchaseOrderCancelled = {
    purchaseOrderId: order.id,
    tijdvak: tijdvakRef(order.regeling, order.tijdvakId),
    releasedAmount: money(order.committedCents),
    reason,
  };
  return orderEvent(order, 'purchase_order_cancelled', 'PurchaseOrderCancelled', PurchaseOrderCancelled.encode(message).finish());
}

export interface ExecutedPayment {
  id: string;
  purchaseOrderId: string;
  regeling: string;
  tijdvakId: string;
  sourceKind: string;
  sourceId: string;
  payeeKind: string;
  payeeId: string;
  grossCents: bigint;
  offsetCents: bigint;
}

export function paymentExecutedEvent(payment: ExecutedPayment, batchId: string, executedOn: string): DomainEvent {
  const message: PaymentExecuted = {
    purchaseOrderId: payment.purchaseOrderId,
    paymentId: payment.id,
    paymentBatchId: batchId,
    tijdvak: tijdvakRef(payment.regeling, payment.tijdvakId),
    source: grantSourceMessage(payment.sourceKind, payment.sourceId),
    payee: payeeMessage(payment.payeeKind, payment.payeeId),
    amount: money(payment.grossCents - payment.offsetCents),
    offsetAmount: money(payment.offsetCents),
    executedOn: dateMessage(executedOn),
  };
  return orderEvent({ id: payment.purchaseOrderId }, 'payment_executed', 'PaymentExecuted', PaymentExecuted.encode(message).finish());
}

export function invoiceApprovedEvent(order: PurchaseOrderRow, invoice: InvoiceRow): DomainEvent {
  const message: InvoiceApproved = {
    purchaseOrderId: order.id,
    invoiceId: invoice.id,
    tijdvak: tijdvakRef(order.regeling, order.tijdvakId),
    kind: invoice.kind === 'BALANCE' ? InvoiceKind.INVOICE_KIND_BALANCE : InvoiceKind.INVOICE_KIND_ADVANCE,
    amount: money(invoice.amountCents),
  };
  return orderEvent(order, 'invoice_approved', 'InvoiceApproved', InvoiceApproved.encode(message).finish());
}

const OUTCOME: Record<string, SettlementOutcome> = {
  FULL: SettlementOutcome.SETTLEMENT_OUTCOME_FULL,
  PARTIAL: SettlementOutcome.SETTLEMENT_OUTCOME_PARTIAL,
  NIL: SettlementOutcome.SETTLEMENT_OUTCOME_NIL,
};

export function settlementDecidedEvent(order: PurchaseOrderRow, settlement: SettlementRow): DomainEvent {
  const message: SettlementDecided = {
    purchaseOrderId: order.id,
    settlementId: settlement.id,
    tijdvak: tijdvakRef(order.regeling, order.tijdvakId),
    source: grantSourceMessage(order.sourceKind, order.sourceId),
    outcome: OUTCOME[settlement.outcome] ?? SettlementOutcome.SETTLEMENT_OUTCOME_UNSPECIFIED,
    settledAmount: money(settlement.settledCents),
    personAtFault: settlement.personAtFault,
    decision: { reference: settlement.decisionReference, reason: settlement.decisionReason, decidedOn: dateMessage(settlement.decidedAt.toISOString().slice(0, 10)) },
  };
  return orderEvent(order, 'settlement_decided', 'SettlementDecided', SettlementDecided.encode(message).finish());
}

export const RECOVERY_METHOD: Record<string, RecoveryMethod> = {
  OFFSETTING: RecoveryMethod.RECOVERY_METHOD_OFFSETTING,
  PAYMENT_REQUEST: RecoveryMethod.RECOVERY_METHOD_PAYMENT_REQUEST,
};

export const RECOVERY_STATUS: Record<string, RecoveryOrderStatus> = {
  OPEN: RecoveryOrderStatus.RECOVERY_ORDER_STATUS_OPEN,
  PARTIALLY_RECOVERED: RecoveryOrderStatus.RECOVERY_ORDER_STATUS_PARTIALLY_RECOVERED,
  RECOVERED: RecoveryOrderStatus.RECOVERY_ORDER_STATUS_RECOVERED,
  WRITTEN_OFF: RecoveryOrderStatus.RECOVERY_ORDER_STATUS_WRITTEN_OFF,
};

export function recoveryOrderIssuedEvent(recovery: RecoveryOrderRow): DomainEvent {
  const message: RecoveryOrderIssued = {
    purchaseOrderId: recovery.purchaseOrderId,
    recoveryOrderId: recovery.id,
    tijdvak: tijdvakRef(recovery.regeling, recovery.tijdvakId),
    debtor: payeeMessage(recovery.debtorKind, recovery.debtorId),
    amount: money(recovery.amountCents),
    method: RECOVERY_METHOD[recovery.method] ?? RecoveryMethod.RECOVERY_METHOD_UNSPECIFIED,
    dueDate: recovery.dueDate ? dateMessage(recovery.dueDate.toISOString().slice(0, 10)) : undefined,
  };
  return orderEvent({ id: recovery.purchaseOrderId }, 'recovery_order_issued', 'RecoveryOrderIssued', RecoveryOrderIssued.encode(message).finish());
}

export function recoveryReceivedEvent(recovery: RecoveryOrderRow, amountCents: number, offset: boolean, on: string): DomainEvent {
  const message: RecoveryReceived = {
    purchaseOrderId: recovery.purchaseOrderId,
    recoveryOrderId: recovery.id,
    tijdvak: tijdvakRef(recovery.regeling, recovery.tijdvakId),
    amount: money(amountCents),
    offset,
    status: RECOVERY_STATUS[recovery.status] ?? RecoveryOrderStatus.RECOVERY_ORDER_STATUS_UNSPECIFIED,
    receivedOn: dateMessage(on),
  };
  return orderEvent({ id: recovery.purchaseOrderId }, 'recovery_received', 'RecoveryReceived', RecoveryReceived.encode(message).finish());
}

export function paymentBatchCreatedEvent(batch: PaymentBatchRow): DomainEvent {
  const message: PaymentBatchCreated = {
    paymentBatchId: batch.id,
    messageId: batch.messageId,
    executionDate: dateMessage(batch.executionDate.toISOString().slice(0, 10)),
    paymentCount: batch.paymentCount,
    total: money(batch.totalCents),
    createdAt: batch.createdAt.toISOString(),
  };
  return {
    topic: PAYMENT_BATCH_TOPIC.name,
    aggregateId: batch.id,
    type: type('payment_batch_created'),
    dataschema: 'stap.payments.events.v1.PaymentBatchCreated',
    payload: PaymentBatchCreated.encode(message).finish(),
  };
}

export function paymentBatchExecutedEvent(batch: PaymentBatchRow, executedOn: string): DomainEvent {
  const message: PaymentBatchExecuted = {
    paymentBatchId: batch.id,
    executedOn: dateMessage(executedOn),
    paymentCount: batch.paymentCount,
    total: money(batch.totalCents),
  };
  return {
    topic: PAYMENT_BATCH_TOPIC.name,
    aggregateId: batch.id,
    type: type('payment_batch_executed'),
    dataschema: 'stap.payments.events.v1.PaymentBatchExecuted',
    payload: PaymentBatchExecuted.encode(message).finish(),
  };
}
