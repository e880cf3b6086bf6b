// The payment service against the real broker and the real database: grants arrive as events, invoices come in,
// payment batches are made, exported as pain.001 (validated against the official XSD) and confirmed.
// Done-when (issue 8): an event delivered twice pays once; a batch re-run pays nothing new; an invoice over the
// order is refused; a bank-account change between grant and batch pays the new account; the file passes the XSD.
import { randomUUID } from 'node:crypto';
import { ApplicationError } from '@stap/platform/errors';
import { addDays, getTijdvak } from '@stap/regelingen';
import { confirmPaymentBatch } from '../src/application/confirm-payment-batch';
import { createPaymentBatch } from '../src/application/create-payment-batch';
import { exportPaymentBatch } from '../src/application/export-payment-batch';
import { submitInvoice } from '../src/application/submit-invoice';
import { accountBalance, startHarness, unbalancedEntries, type Harness } from './harness';
import { grantMessage, nextIban, publishBankAccount, publishClaim, publishGrant, publishScholingGrant, publishSuspension, publishWithdrawal, today } from './events';
import { validatePain001 } from './xsd';

jest.setTimeout(60_000);

const DEBTOR = { name: 'UWV Uitvoerder STAP', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' };
let h: Harness;

beforeAll(async () => {
  h = await startHarness('events_batches');
});
afterAll(async () => {
  await h?.close();
});

async function orderOf(applicationId: string) {
  return h.prisma.purchaseOrder.findUniqueOrThrow({ where: { sourceKind_sourceId: { sourceKind: 'APPLICATION', sourceId: applicationId } } });
}

async function refusal(promise: Promise<unknown>): Promise<ApplicationError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ApplicationError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

async function invoice(purchaseOrderId: string, amountCents: number, invoiceNumber = `F-${randomUUID().slice(0, 8)}`) {
  return submitInvoice(h.prisma, { purchaseOrderId, invoiceNumber, invoiceDate: today(), amountCents, currency: 'EUR', kind: 'ADVANCE' }, { subject: 'provider-test' });
}

/** Makes, exports and confirms a batch; returns the batch, the XML and how many payments were held. */
async function payOut() {
  const { batch, held } = await createPaymentBatch(h.prisma, h.directory, { executionDate: today(), regelingen: [], createdBy: 'staff-test' });
  const exported = await exportPaymentBatch(h.prisma, batch.id, DEBTOR);
  await confirmPaymentBatch(h.prisma, batch.id, today());
  return { batch, held, xml: exported.xml };
}

describe('grants from events', () => {
  it('creates one purchase order and one commitment for a grant delivered twice and re-published under a new id', async () => {
    const providerId = randomUUID();
    const grant = grantMessage(randomUUID(), providerId, 95_000);
    const eventId = await publishGrant(h, grant);
    await publishGrant(h, grant, eventId); // the same event again (at-least-once delivery)
    await publishGrant(h, grant); // the same grant as a new event (a producer replay)
    await h.settled(3);

    const orders = await h.prisma.purchaseOrder.findMany({ where: { sourceId: grant.applicationId } });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ payeeId: providerId, committedCents: 95_000n, status: 'OPEN', requiresInvoice: true });
    expect(orders[0].advanceInvoiceableFrom?.toISOString().slice(0, 10)).toBe(addDays(today(), 10 - 21));
    const entries = await h.prisma.journalEntry.findMany({ where: { causeId: orders[0].id } });
    expect(entries.map((entry) => [entry.cause, entry.sourceKey])).toEqual([['PurchaseOrderIssued', `${eventId}#commit`]]);
    expect(h.consumer.runner.outcomes.duplicate).toBeGreaterThanOrEqual(1);
  });

  it('pays an adviser organisation per accepted trajectory, and an NL Leert Door scholing grant to its provider', async () => {
    const adviserId = randomUUID();
    const providerId = randomUUID();
    const claimId = randomUUID();
    const scholingId = randomUUID();
    await publishClaim(h, claimId, adviserId, [randomUUID(), randomUUID(), randomUUID()], 3 * 70_000);
    await publishScholingGrant(h, scholingId, providerId, 25_000 * 40);
    await h.settled(2);

    const claimPayments = await h.prisma.payment.findMany({ where: { payeeId: adviserId } });
    expect(claimPayments.map((p) => [p.grossCents, p.status, p.regeling])).toEqual(Array(3).fill([70_000n, 'PAYABLE', 'NLLD_ONTWIKKELADVIES']));
    expect(new Set(claimPayments.map((p) => p.sourceKey)).size).toBe(3);
    const scholing = await h.prisma.payment.findMany({ where: { payeeId: providerId } });
    expect(scholing.map((p) => [p.sourceKey, p.grossCents])).toEqual([[`scholing:${scholingId}`, 1_000_000n]]);
    expect(await accountBalance(h.prisma, 'NLLD_ONTWIKKELADVIES-2020-12', 'PAYABLE')).toBe(210_000);
    expect(await accountBalance(h.prisma, 'NLLD_ONTWIKKELADVIES-2020-12', 'COMMITTED')).toBe(0);
  });

  it('cancels an uninvoiced purchase order when its application is withdrawn, releasing the commitment once', async () => {
    const grant = grantMessage(randomUUID(), randomUUID(), 70_000, 10, 'STAP-2023-07');
    await publishGrant(h, grant);
    await h.settled(1);
    const eventId = await publishWithdrawal(h, grant);
    await publishWithdrawal(h, grant); // withdrawn twice (a replay): released once
    await h.settled(2);
    const order = await orderOf(grant.applicationId);
    expect(order.status).toBe('CANCELLED');
    const entries = await h.prisma.journalEntry.findMany({ where: { causeId: order.id }, orderBy: { sequence: 'asc' } });
    expect(entries.map((e) => [e.cause, e.sourceKey])).toEqual([
      ['PurchaseOrderIssued', expect.stringMatching(/#commit$/)],
      ['CommitmentReleased', `${eventId}#release`],
    ]);
    expect(await accountBalance(h.prisma, 'STAP-2023-07', 'COMMITTED')).toBe(0);
    // The tijdvak's budget was opened at its ceiling; granting and releasing left all of it available.
    const ceiling = getTijdvak('STAP-2023-07')?.budgetCeilingCents?.value;
    expect(ceiling).toBeGreaterThan(0);
    expect(await accountBalance(h.prisma, 'STAP-2023-07', 'BUDGET')).toBe(ceiling);
    expect(await accountBalance(h.prisma, 'STAP-2023-07', 'APPROPRIATION')).toBe(-(ceiling ?? 0));
    const refused = await refusal(invoice(order.id, 10_000));
    expect(refused.reason).toBe('PURCHASE_ORDER_NOT_INVOICEABLE');
  });

  it('dead-letters a claim whose accepted amount is not the trajectory price times the trajectories, and pays nothing', async () => {
    const adviserId = randomUUID();
    await publishClaim(h, randomUUID(), adviserId, [randomUUID()], 65_000);
    await h.settled(1);
    expect(await h.prisma.payment.count({ where: { payeeId: adviserId } })).toBe(0);
  });
});

describe('invoices', () => {
  it('accepts an advance up to the order and refuses over-amounts, duplicates and early invoices with a reason', async () => {
    const soon = grantMessage(randomUUID(), randomUUID(), 80_000, 10);
    const later = grantMessage(randomUUID(), randomUUID(), 80_000, 60);
    await publishGrant(h, soon);
    await publishGrant(h, later);
    await h.settled(2);
    const order = await orderOf(soon.applicationId);

    const over = await refusal(invoice(order.id, 80_001));
    expect([over.kind, over.reason]).toEqual(['precondition', 'INVOICE_REJECTION_REASON_ABOVE_COMMITMENT']);
    const early = await refusal(invoice((await orderOf(later.applicationId)).id, 10_000));
    expect([early.kind, early.reason]).toEqual(['precondition', 'INVOICE_REJECTION_REASON_TOO_EARLY']);
    const bad = await refusal(invoice(order.id, -5, ''));
    expect(bad.violations.map((v) => v.field)).toEqual(['invoice_number', 'amount.amount_cents']);

    await invoice(order.id, 50_000, 'F-2026-001');
    const duplicate = await refusal(invoice(order.id, 10_000, 'F-2026-001'));
    expect(duplicate.kind).toBe('conflict');
    const rest = await refusal(invoice(order.id, 30_001));
    expect(rest.reason).toBe('INVOICE_REJECTION_REASON_ABOVE_COMMITMENT');
    await invoice(order.id, 30_000);

    const after = await orderOf(soon.applicationId);
    expect([after.status, after.invoicedCents]).toEqual(['INVOICED', 80_000n]);
    expect(await h.prisma.invoice.count({ where: { purchaseOrderId: order.id } })).toBe(2);
    expect(await h.prisma.payment.count({ where: { purchaseOrderId: order.id } })).toBe(2);
  });
});

describe('payment batches', () => {
  it('pays the account valid when the batch is made, exports a schema-valid pain.001, and a re-run pays nothing new', async () => {
    const providerId = randomUUID();
    const [oldIban, newIban] = [nextIban(), nextIban()];
    await publishBankAccount(h, providerId, `acct-${providerId}-1`, oldIban, new Date(Date.now() - 86_400_000));
    await h.settled(1);
    const grant = grantMessage(randomUUID(), providerId, 100_000);
    await publishGrant(h, grant);
    await h.settled(1);
    await invoice((await orderOf(grant.applicationId)).id, 100_000);
    // The provider changes its bank account after the grant and the invoice, before the batch.
    await publishBankAccount(h, providerId, `acct-${providerId}-2`, newIban, new Date(), `acct-${providerId}-1`);
    await h.settled(1);

    const { batch, xml } = await payOut();
    const [payment] = await h.prisma.payment.findMany({ where: { payeeId: providerId } });
    expect([payment.iban, payment.accountReference, payment.status, payment.batchId]).toEqual([newIban, `acct-${providerId}-2`, 'PAID', batch.id]);
    expect(xml).toContain(`<IBAN>${newIban}</IBAN>`);
    expect(xml).not.toContain(oldIban);
    const validation = await validatePain001(xml);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(xml).toContain(`<NbOfTxs>${batch.paymentCount}</NbOfTxs>`);

    // Re-running the batch and replaying the grant pay nothing new.
    const rerun = await refusal(createPaymentBatch(h.prisma, h.directory, { executionDate: today(), regelingen: [], createdBy: 'staff-test' }));
    expect(rerun.reason).toBe('NOTHING_PAYABLE');
    await publishGrant(h, grant);
    await h.settled(1);
    expect(await h.prisma.payment.count({ where: { payeeId: providerId } })).toBe(1);
    const again = await refusal(confirmPaymentBatch(h.prisma, batch.id, today()));
    expect(again.reason).toBe('BATCH_NOT_EXPORTED');
    const order = await orderOf(grant.applicationId);
    expect(order.paidCents).toBe(100_000n);
    const executed = await h.prisma.outboxEvent.findMany({ where: { type: 'nl.stap.payments.payment_executed.v1', subject: order.id } });
    expect(executed).toHaveLength(1);
    expect(await unbalancedEntries(h.prisma)).toEqual([]);
  });

  it('holds a suspended payee’s payments and pays them in a later batch after reinstatement', async () => {
    const suspendedId = randomUUID();
    const activeId = randomUUID();
    for (const id of [suspendedId, activeId]) await publishBankAccount(h, id, `acct-${id}`, nextIban(), new Date(Date.now() - 1000));
    await publishSuspension(h, suspendedId, true);
    await h.settled(3);
    for (const id of [suspendedId, activeId]) {
      const grant = grantMessage(randomUUID(), id, 60_000);
      await publishGrant(h, grant);
      await h.settled(1);
      await invoice((await orderOf(grant.applicationId)).id, 60_000);
    }

    const first = await payOut();
    expect(first.held.suspended).toBeGreaterThanOrEqual(1);
    const held = await h.prisma.payment.findMany({ where: { payeeId: suspendedId } });
    expect(held.map((p) => [p.status, p.batchId])).toEqual([['PAYABLE', null]]);
    expect(first.xml).toContain(`<EndToEndId>${(await h.prisma.payment.findFirstOrThrow({ where: { payeeId: activeId } })).endToEndId}</EndToEndId>`);

    await publishSuspension(h, suspendedId, false);
    await h.settled(1);
    const second = await payOut();
    const paid = await h.prisma.payment.findFirstOrThrow({ where: { payeeId: suspendedId } });
    expect([paid.status, paid.batchId]).toEqual(['PAID', second.batch.id]);
    expect((await validatePain001(second.xml)).valid).toBe(true);
  });
});

describe('ledger invariant in the database', () => {
  it('refuses an unbalanced journal entry and any change to a posting', async () => {
    const id = randomUUID();
    const insertUnbalanced = h.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO journal_entry (id, source_key, cause, cause_id, value_date) VALUES (${id}::uuid, ${`test:${id}`}, 'Test', 'x', CURRENT_DATE)`;
      await tx.$executeRaw`INSERT INTO ledger_posting (entry_id, regeling, tijdvak_id, account, side, amount_cents)
        VALUES (${id}::uuid, 'STAP', 'STAP-2023-05', 'PAID', 'DEBIT', 100), (${id}::uuid, 'STAP', 'STAP-2023-05', 'PAYABLE', 'CREDIT', 99)`;
    });
    await expect(insertUnbalanced).rejects.toThrow(/does not balance/);
    await expect(h.prisma.$executeRaw`UPDATE ledger_posting SET amount_cents = amount_cents + 1`).rejects.toThrow(/append-only/);
    expect(await h.prisma.journalEntry.count({ where: { id } })).toBe(0);
  });
});
