// Use case: a grant becomes a purchase order (verplichting) to its payee, and the commitment is booked against the
// tijdvak's budget. Keyed by its source (application, scholing application or claim): a redelivered or re-published
// grant finds the order already there and changes nothing, so a grant can never be committed or paid twice.
// Grants that need no invoice (an assessed advice claim, an NL Leert Door scholing grant) become payable at once,
// as one payment per source key.
import { randomUUID } from 'node:crypto';
import { outboxRecord } from '@stap/platform/kafka';
import { amsterdamDateOf, amsterdamToInstant, getTijdvak } from '@stap/regelingen';
import { CAUSES, transfer, type TijdvakKey } from '../domain/ledger';
import { advanceInvoiceableFrom, purchaseOrderNumber, type PayeeKind, type SourceKind } from '../domain/purchase-order';
import { book, dateOf } from '../infrastructure/ledger-book';
import { EVENT_SOURCE, purchaseOrderIssuedEvent } from '../infrastructure/messaging/payment-events';
import type { PurchaseOrderRow, TransactionClient } from '../infrastructure/prisma/client';

export interface ImmediatePayment {
  /** Unique per thing paid for, e.g. `claim:<claim id>:trajectory:<trajectory id>`. */
  sourceKey: string;
  amountCents: number;
  remittance: string;
}

export interface Grant {
  /** The CloudEvent id of the grant: every posting names its source event. */
  eventId: string;
  sourceKind: SourceKind;
  sourceId: string;
  tijdvak: TijdvakKey;
  payee: { kind: PayeeKind; id: string };
  committedCents: number;
  /** ISO date the grant was decided (the value date of the commitment). */
  decidedOn: string;
  trainingStartDate?: string;
  trainingEndDate?: string;
  /** Empty: the payee invoices against the order (STAP). Otherwise these become payable at once. */
  immediatePayments: ImmediatePayment[];
}

export interface IssueResult {
  order: PurchaseOrderRow;
  created: boolean;
}

export async function issuePurchaseOrder(tx: TransactionClient, grant: Grant): Promise<IssueResult> {
  const existing = await tx.purchaseOrder.findUnique({
    where: { sourceKind_sourceId: { sourceKind: grant.sourceKind, sourceId: grant.sourceId } },
  });
  if (existing) return { order: existing, created: false };

  const id = randomUUID();
  const requiresInvoice = grant.immediatePayments.length === 0;
  const invoiceableFrom = requiresInvoice && grant.trainingStartDate ? advanceInvoiceableFrom(grant.trainingStartDate) : undefined;
  const payableCents = grant.immediatePayments.reduce((sum, payment) => sum + payment.amountCents, 0);
  const order = await tx.purchaseOrder.create({
    data: {
      id,
      number: purchaseOrderNumber(grant.sourceKind, grant.tijdvak.tijdvakId, id),
      regeling: grant.tijdvak.regeling,
      tijdvakId: grant.tijdvak.tijdvakId,
      sourceKind: grant.sourceKind,
      sourceId: grant.sourceId,
      sourceEventId: grant.eventId,
      payeeKind: grant.payee.kind,
      payeeId: grant.payee.id,
      committedCents: BigInt(grant.committedCents),
      requiresInvoice,
      trainingStartDate: grant.trainingStartDate ? dateOf(grant.trainingStartDate) : null,
      trainingEndDate: grant.trainingEndDate ? dateOf(grant.trainingEndDate) : null,
      advanceInvoiceableFrom: invoiceableFrom ? dateOf(invoiceableFrom) : null,
      status: requiresInvoice ? 'OPEN' : 'INVOICED',
      invoicedCents: BigInt(payableCents),
    },
  });
  await tx.payee.upsert({ where: { id: grant.payee.id }, create: { id: grant.payee.id, kind: grant.payee.kind }, update: {} });
  await openTijdvakBudget(tx, grant.tijdvak);
  await book(tx, {
    sourceKey: `${grant.eventId}#commit`,
    cause: CAUSES.granted,
    causeId: id,
    valueDate: grant.decidedOn,
    postings: transfer(grant.tijdvak, 'COMMITTED', 'BUDGET', grant.committedCents),
  });
  await createImmediatePayments(tx, order, grant);
  await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, purchaseOrderIssuedEvent(order)) });
  return { order, created: true };
}

async function createImmediatePayments(tx: TransactionClient, order: PurchaseOrderRow, grant: Grant): Promise<void> {
  if (grant.immediatePayments.length === 0) return;
  await tx.payment.createMany({
    data: grant.immediatePayments.map((payment) => ({
      id: randomUUID(),
      sourceKey: payment.sourceKey,
      purchaseOrderId: order.id,
      regeling: order.regeling,
      tijdvakId: order.tijdvakId,
      payeeKind: order.payeeKind,
      payeeId: order.payeeId,
      grossCents: BigInt(payment.amountCents),
      remittance: payment.remittance,
    })),
  });
  const payableCents = grant.immediatePayments.reduce((sum, payment) => sum + payment.amountCents, 0);
  await book(tx, {
    sourceKey: `${grant.eventId}#payable`,
    cause: CAUSES.payable,
    causeId: order.id,
    valueDate: grant.decidedOn,
    postings: transfer(grant.tijdvak, 'PAYABLE', 'COMMITTED', payableCents),
  });
}

/**
 * The first commitment in a tijdvak opens its budget in the ledger: debit BUDGET, credit APPROPRIATION for the
 * ceiling (subsidieplafond) of the regelingen configuration, valued on the opening day. Booked once per tijdvak (its
 * source key), so BUDGET's balance is what remains of the ceiling. A tijdvak without a ceiling (count caps) opens
 * nothing. Source: DOMAIN.md §2 (each tijdvak has a budget ceiling), §4 (budget tracked against the ceiling).
 */
async function openTijdvakBudget(tx: TransactionClient, tijdvak: TijdvakKey): Promise<void> {
  const configured = getTijdvak(tijdvak.tijdvakId);
  const ceiling = configured?.budgetCeilingCents?.value;
  if (!configured || !ceiling) return;
  await book(tx, {
    sourceKey: `tijdvak:${tijdvak.tijdvakId}#opened`,
    cause: CAUSES.opened,
    causeId: tijdvak.tijdvakId,
    valueDate: amsterdamDateOf(amsterdamToInstant(configured.opensAt.value)),
    postings: transfer(tijdvak, 'BUDGET', 'APPROPRIATION', ceiling),
  });
}
