// Settlement after proof of participation and both recovery routes, on the real broker and database. Every step
// must leave the ledger balanced, with each euro on the right account of its tijdvak; the budget report then shows
// granted vs released vs paid vs recovered on opening and cash basis (DOMAIN.md §2.1, §4).
import { randomUUID } from 'node:crypto';
import { ApplicationError } from '@stap/platform/errors';
import { budgetReport, budgetReportCsv } from '../src/application/budget-report';
import { confirmPaymentBatch } from '../src/application/confirm-payment-batch';
import { createPaymentBatch } from '../src/application/create-payment-batch';
import { exportPaymentBatch } from '../src/application/export-payment-batch';
import { recordRecoveryReceipt } from '../src/application/record-recovery-receipt';
import { settlePurchaseOrder } from '../src/application/settle-purchase-order';
import { submitInvoice } from '../src/application/submit-invoice';
import { accountBalance, startHarness, unbalancedEntries, type Harness } from './harness';
import { grantMessage, nextIban, publishBankAccount, publishGrant, publishProof, today } from './events';
import { validatePain001 } from './xsd';

jest.setTimeout(60_000);

const DEBTOR = { name: 'UWV', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' };
const TIJDVAK = 'STAP-2023-05';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('settlement');
});
afterAll(async () => {
  await h?.close();
});

async function grantedAndInvoiced(providerId: string, committed: number, invoiced: number) {
  const grant = grantMessage(randomUUID(), providerId, committed, 10, TIJDVAK);
  await publishGrant(h, grant);
  await h.settled(1);
  const order = await h.prisma.purchaseOrder.findUniqueOrThrow({ where: { sourceKind_sourceId: { sourceKind: 'APPLICATION', sourceId: grant.applicationId } } });
  if (invoiced > 0) {
    await submitInvoice(h.prisma, { purchaseOrderId: order.id, invoiceNumber: `F-${randomUUID().slice(0, 8)}`, invoiceDate: today(), amountCents: invoiced, currency: 'EUR', kind: 'ADVANCE' }, { subject: 'p' });
  }
  return grant.applicationId;
}

const orderOf = (applicationId: string) =>
  h.prisma.purchaseOrder.findUniqueOrThrow({ where: { sourceKind_sourceId: { sourceKind: 'APPLICATION', sourceId: applicationId } } });

async function payOut() {
  const { batch } = await createPaymentBatch(h.prisma, h.directory, { executionDate: today(), regelingen: ['STAP'], createdBy: 'staff' });
  const { xml } = await exportPaymentBatch(h.prisma, batch.id, DEBTOR);
  await confirmPaymentBatch(h.prisma, batch.id, today());
  return { batch, xml };
}

async function withProvider(): Promise<string> {
  const providerId = randomUUID();
  await publishBankAccount(h, providerId, `acct-${providerId}`, nextIban(), new Date(Date.now() - 60_000));
  await h.settled(1);
  return providerId;
}

it('settles a completed training in full, paying the balance that was not invoiced yet', async () => {
  const providerId = await withProvider();
  const applicationId = await grantedAndInvoiced(providerId, 100_000, 50_000);
  await payOut();
  await publishProof(h, applicationId, providerId, true);
  await h.settled(1);

  const order = await orderOf(applicationId);
  expect([order.status, order.settledCents, order.invoicedCents]).toEqual(['SETTLED', 100_000n, 100_000n]);
  const balance = await h.prisma.payment.findUniqueOrThrow({ where: { sourceKey: `settlement:${order.id}:balance` } });
  expect([balance.grossCents, balance.status]).toEqual([50_000n, 'PAYABLE']);
  await payOut();
  expect((await orderOf(applicationId)).paidCents).toBe(100_000n);
  expect(await unbalancedEntries(h.prisma)).toEqual([]);
});

it('recovers a nil settlement by payment request: receipts keyed by bank reference, booked RECOVERED against RECEIVABLE', async () => {
  const providerId = await withProvider();
  const applicationId = await grantedAndInvoiced(providerId, 90_000, 90_000);
  await payOut();
  await publishProof(h, applicationId, providerId, false);
  await h.settled(1);

  const order = await orderOf(applicationId);
  expect([order.status, order.settledCents]).toEqual(['IN_RECOVERY', 0n]);
  const [recovery] = await h.prisma.recoveryOrder.findMany({ where: { purchaseOrderId: order.id } });
  expect([recovery.method, recovery.amountCents, recovery.status]).toEqual(['PAYMENT_REQUEST', 90_000n, 'OPEN']);
  expect(recovery.dueDate).not.toBeNull();

  const receipt = { recoveryOrderId: recovery.id, currency: 'EUR', receivedOn: today() };
  await recordRecoveryReceipt(h.prisma, { ...receipt, amountCents: 50_000, bankReference: `BANK-${recovery.id}-1` });
  const duplicate = await recordRecoveryReceipt(h.prisma, { ...receipt, amountCents: 50_000, bankReference: `BANK-${recovery.id}-1` }).catch((e: ApplicationError) => e);
  expect(duplicate).toBeInstanceOf(ApplicationError);
  expect((duplicate as ApplicationError).kind).toBe('conflict');
  const tooMuch = await recordRecoveryReceipt(h.prisma, { ...receipt, amountCents: 40_001, bankReference: `BANK-${recovery.id}-2` }).catch((e: ApplicationError) => e);
  expect((tooMuch as ApplicationError).reason).toBe('ABOVE_OUTSTANDING');
  const done = await recordRecoveryReceipt(h.prisma, { ...receipt, amountCents: 40_000, bankReference: `BANK-${recovery.id}-3` });
  expect([done.status, done.recoveredCents]).toEqual(['RECOVERED', 90_000n]);
  expect((await orderOf(applicationId)).status).toBe('CLOSED');

  const entries = await h.prisma.journalEntry.findMany({ where: { causeId: recovery.id }, include: { postings: true }, orderBy: { sequence: 'asc' } });
  expect(entries.map((e) => e.cause)).toEqual(['RecoveryOrderIssued', 'RecoveryCollected', 'RecoveryCollected']);
  for (const entry of entries) {
    const debit = entry.postings.filter((p) => p.side === 'DEBIT').reduce((s, p) => s + p.amountCents, 0n);
    const credit = entry.postings.filter((p) => p.side === 'CREDIT').reduce((s, p) => s + p.amountCents, 0n);
    expect(debit).toBe(credit);
  }
  expect(await unbalancedEntries(h.prisma)).toEqual([]);
});

it('recovers a partial settlement by offsetting against the same provider’s next payment', async () => {
  const providerId = await withProvider();
  const first = await grantedAndInvoiced(providerId, 100_000, 100_000);
  await payOut();
  const second = await grantedAndInvoiced(providerId, 100_000, 100_000); // payable, not yet paid

  // An officer settles the first at €600 (e.g. partial attendance): €400 is recovered by offsetting.
  const order = await orderOf(first);
  await h.prisma.$transaction((tx) =>
    settlePurchaseOrder(tx, order, {
      settledCents: 60_000, illnessAccepted: false, personAtFault: false, decisionReference: 'UWV-STAP-VS-1', decisionReason: 'gedeeltelijke deelname',
      decidedBy: 'officer-1', decidedOn: today(),
    }),
  );
  const [recovery] = await h.prisma.recoveryOrder.findMany({ where: { purchaseOrderId: order.id } });
  expect([recovery.method, recovery.amountCents]).toEqual(['OFFSETTING', 40_000n]);

  const { batch, xml } = await payOut();
  const payment = await h.prisma.payment.findFirstOrThrow({ where: { purchaseOrderId: (await orderOf(second)).id } });
  expect([payment.grossCents, payment.offsetCents, payment.status, payment.batchId]).toEqual([100_000n, 40_000n, 'PAID', batch.id]);
  expect(xml).toContain(`<EndToEndId>${payment.endToEndId}</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">600.00</InstdAmt>`);
  expect((await validatePain001(xml)).valid).toBe(true);
  const recovered = await h.prisma.recoveryOrder.findUniqueOrThrow({ where: { id: recovery.id } });
  expect([recovered.status, recovered.recoveredCents]).toEqual(['RECOVERED', 40_000n]);
  expect(await unbalancedEntries(h.prisma)).toEqual([]);
  expect(await accountBalance(h.prisma, TIJDVAK, 'RECEIVABLE')).toBe(0);
});

it('reports granted, released, paid and recovered per tijdvak on opening and cash basis, reconciling with the ledger', async () => {
  const opening = await budgetReport(h.prisma, { basis: 'OPENING', regeling: 'STAP', tijdvakId: TIJDVAK });
  expect(opening).toHaveLength(1);
  const [line] = opening;
  // Granted: 100,000 + 90,000 + 2 × 100,000; paid gross: 100,000 + 90,000 + 200,000; recovered: 90,000 + 40,000.
  expect([line.grantedCents, line.releasedCents, line.paidCents, line.recoveredCents]).toEqual([390_000, 0, 390_000, 130_000]);
  expect(line.netPaidCents).toBe(260_000);
  expect(line.ceilingCents).toBeGreaterThan(0);
  expect(line.availableCents).toBe((line.ceilingCents ?? 0) - 390_000);
  const cash = await budgetReport(h.prisma, { basis: 'CASH', regeling: 'STAP', tijdvakId: TIJDVAK });
  expect(cash.map((c) => c.month)).toEqual([today().slice(0, 7)]);
  expect(cash[0].paidCents).toBe(390_000);
  // Reconciliation: the ledger's PAID account is gross paid minus recovery orders issued; RECOVERED equals recovered.
  expect(await accountBalance(h.prisma, TIJDVAK, 'PAID')).toBe(390_000 - 130_000);
  expect(await accountBalance(h.prisma, TIJDVAK, 'RECOVERED')).toBe(130_000);
  // BUDGET holds what remains of the ceiling: the report's "available" and the ledger agree.
  expect(await accountBalance(h.prisma, TIJDVAK, 'BUDGET')).toBe(line.availableCents);
  const csv = budgetReportCsv(opening).split('\r\n');
  expect(csv[0]).toBe('regeling,tijdvak_id,month,granted_cents,released_cents,paid_cents,recovered_cents,net_paid_cents,ceiling_cents,available_cents');
  expect(csv[1]).toBe(`STAP,${TIJDVAK},,390000,0,390000,130000,260000,${line.ceilingCents},${line.availableCents}`);
});

it('confirms without a file a batch whose only payment was fully offset, and keeps the rest of the debt open', async () => {
  const providerId = await withProvider();
  const first = await grantedAndInvoiced(providerId, 100_000, 100_000);
  await payOut();
  const order = await orderOf(first);
  await h.prisma.$transaction((tx) =>
    settlePurchaseOrder(tx, order, {
      settledCents: 20_000, illnessAccepted: false, personAtFault: false, decisionReference: 'UWV-STAP-VS-2', decisionReason: 'lage deelname',
      recoveryMethod: 'OFFSETTING', decidedBy: 'officer-1', decidedOn: today(),
    }),
  );
  await grantedAndInvoiced(providerId, 50_000, 50_000);

  const { batch } = await createPaymentBatch(h.prisma, h.directory, { executionDate: today(), regelingen: ['STAP'], createdBy: 'staff' });
  expect([batch.totalCents, batch.offsetCents]).toEqual([0n, 50_000n]);
  const noFile = await exportPaymentBatch(h.prisma, batch.id, DEBTOR).catch((e: ApplicationError) => e);
  expect((noFile as ApplicationError).reason).toBe('NOTHING_TO_TRANSFER');
  await confirmPaymentBatch(h.prisma, batch.id, today());
  const [recovery] = await h.prisma.recoveryOrder.findMany({ where: { purchaseOrderId: order.id } });
  expect([recovery.status, recovery.recoveredCents, recovery.amountCents]).toEqual(['PARTIALLY_RECOVERED', 50_000n, 80_000n]);
  expect(await unbalancedEntries(h.prisma)).toEqual([]);
});
