// Use case: settle (vaststellen) a purchase order, automatically from a clear proof of participation or by an
// officer's decision. The settled amount splits into a balance payment, a released commitment and a recovery order
// (domain/settlement.ts); each part is booked as a balanced journal entry. Source: DOMAIN.md §2.1 "Then the subsidy
// is settled (vaststelling) or recovered in part or in full (terugvordering)".
import { randomUUID } from 'node:crypto';
import { invalid, preconditionFailed } from '@stap/platform/errors';
import { outboxRecord } from '@stap/platform/kafka';
import { addDays } from '@stap/regelingen';
import { CAUSES, singleTransferEntry } from '../domain/ledger';
import { paymentRequestDueDate, planSettlement, recoveryMethod, settlementViolations, type RecoveryMethod } from '../domain/settlement';
import { book, dateOf } from '../infrastructure/ledger-book';
import { EVENT_SOURCE, recoveryOrderIssuedEvent, settlementDecidedEvent } from '../infrastructure/messaging/payment-events';
import type { PurchaseOrderRow, SettlementRow, TransactionClient } from '../infrastructure/prisma/client';

export interface SettlementDecision {
  settledCents: number;
  illnessAccepted: boolean;
  personAtFault: boolean;
  decisionReference: string;
  decisionReason: string;
  participationProofId?: string;
  recoveryMethod?: RecoveryMethod;
  /** Who decided: an officer's subject, or SYSTEM for an automatic settlement. */
  decidedBy: string;
  /** ISO date (Europe/Amsterdam) of the decision: the value date of its entries. */
  decidedOn: string;
}

export async function settlePurchaseOrder(tx: TransactionClient, order: PurchaseOrderRow, decision: SettlementDecision): Promise<SettlementRow> {
  if (order.status !== 'OPEN' && order.status !== 'INVOICED') {
    throw preconditionFailed(`the purchase order is ${order.status.toLowerCase()}; it can be settled once`, 'NOT_SETTLEABLE');
  }
  const figures = { committedCents: Number(order.committedCents), invoicedCents: Number(order.invoicedCents) };
  const violations = settlementViolations(figures, decision.settledCents);
  if (violations.length > 0) throw invalid(violations);
  const plan = planSettlement(figures, decision.settledCents);
  const settlementId = randomUUID();
  const tijdvak = { regeling: order.regeling, tijdvakId: order.tijdvakId };
  const entry = (step: string, cause: (typeof CAUSES)[keyof typeof CAUSES], causeId: string) => ({
    sourceKey: `settlement:${settlementId}#${step}`,
    cause,
    causeId,
    valueDate: decision.decidedOn,
  });

  const recoveryOrderId = plan.recoveryCents > 0 ? randomUUID() : null;
  await book(
    tx,
    singleTransferEntry(entry('release', CAUSES.released, order.id), tijdvak, 'BUDGET', 'COMMITTED', plan.releasedCents),
    singleTransferEntry(entry('balance', CAUSES.payable, order.id), tijdvak, 'PAYABLE', 'COMMITTED', plan.balancePayableCents),
    recoveryOrderId ? singleTransferEntry(entry('recovery', CAUSES.recoveryIssued, recoveryOrderId), tijdvak, 'RECEIVABLE', 'PAID', plan.recoveryCents) : undefined,
  );
  if (plan.balancePayableCents > 0) {
    await tx.payment.create({
      data: {
        id: randomUUID(),
        sourceKey: `settlement:${order.id}:balance`,
        purchaseOrderId: order.id,
        regeling: order.regeling,
        tijdvakId: order.tijdvakId,
        payeeKind: order.payeeKind,
        payeeId: order.payeeId,
        grossCents: BigInt(plan.balancePayableCents),
        remittance: `${order.number} vaststelling saldo`,
      },
    });
  }
  const settlement = await tx.settlement.create({
    data: {
      id: settlementId,
      purchaseOrderId: order.id,
      outcome: plan.outcome,
      settledCents: BigInt(plan.settledCents),
      participationProofId: decision.participationProofId ?? null,
      illnessAccepted: decision.illnessAccepted,
      personAtFault: decision.personAtFault,
      decisionReference: decision.decisionReference,
      decisionReason: decision.decisionReason,
      decidedBy: decision.decidedBy,
      recoveryOrderId,
    },
  });
  const updated = await tx.purchaseOrder.update({
    where: { id: order.id },
    data: {
      status: recoveryOrderId ? 'IN_RECOVERY' : 'SETTLED',
      settledCents: BigInt(plan.settledCents),
      invoicedCents: { increment: BigInt(plan.balancePayableCents) },
      version: { increment: 1 },
    },
  });
  await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, settlementDecidedEvent(updated, settlement)) });
  if (recoveryOrderId) await issueRecoveryOrder(tx, updated, recoveryOrderId, plan.recoveryCents, decision);
  return settlement;
}

async function issueRecoveryOrder(
  tx: TransactionClient,
  order: PurchaseOrderRow,
  id: string,
  amountCents: number,
  decision: SettlementDecision,
): Promise<void> {
  const payables = await tx.payment.count({ where: { payeeId: order.payeeId, status: 'PAYABLE' } });
  const method = recoveryMethod(decision.recoveryMethod, payables > 0);
  const recovery = await tx.recoveryOrder.create({
    data: {
      id,
      purchaseOrderId: order.id,
      regeling: order.regeling,
      tijdvakId: order.tijdvakId,
      debtorKind: order.payeeKind,
      debtorId: order.payeeId,
      amountCents: BigInt(amountCents),
      method,
      dueDate: method === 'PAYMENT_REQUEST' ? dateOf(paymentRequestDueDate(decision.decidedOn, addDays)) : null,
      decisionReference: decision.decisionReference,
    },
  });
  await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, recoveryOrderIssuedEvent(recovery)) });
}
