// A withdrawal that arrives before its grant, against the real broker and the real database. ApplicationGranted and
// ApplicationWithdrawn share the key application_id, so they arrive in order, unless the grant was dead-lettered and
// is replayed after the withdrawal. Then payment must not leave an open order a provider could invoice, and the
// portal must still see PurchaseOrderIssued then PurchaseOrderCancelled to release the amount once.
// Source: DOMAIN.md §2.1 "After the grant" [pub], §4.
import { randomUUID } from 'node:crypto';
import { PurchaseOrderCancelled, PurchaseOrderIssued } from '@stap/contracts/stap/payments/events/v1/events';
import { startHarness, unbalancedEntries, type Harness } from './harness';
import { grantMessage, publishGrant, publishWithdrawal } from './events';

jest.setTimeout(60_000);

let h: Harness;

beforeAll(async () => {
  h = await startHarness('withdrawn_before_grant');
});
afterAll(async () => {
  await h?.close();
});

async function ordersOf(applicationId: string) {
  return h.prisma.purchaseOrder.findMany({ where: { sourceKind: 'APPLICATION', sourceId: applicationId } });
}

async function entriesOf(purchaseOrderId: string) {
  const entries = await h.prisma.journalEntry.findMany({ where: { causeId: purchaseOrderId }, orderBy: { sequence: 'asc' } });
  return entries.map((entry) => [entry.cause, entry.sourceKey]);
}

/** Debits − credits of COMMITTED over the entries of one order: 0 when what was committed was released. */
async function committedOf(purchaseOrderId: string): Promise<number> {
  const [row] = await h.prisma.$queryRaw<{ balance: bigint | null }[]>`SELECT SUM(CASE WHEN p.side = 'DEBIT' THEN p.amount_cents ELSE -p.amount_cents END)::bigint AS balance
      FROM ledger_posting p JOIN journal_entry e ON e.id = p.entry_id WHERE e.cause_id = ${purchaseOrderId} AND p.account = 'COMMITTED'`;
  return Number(row?.balance ?? 0);
}

/** The order's events in the outbox, in the order the relay will publish them (one key: one partition). */
async function outboxOf(purchaseOrderId: string) {
  const rows = await h.prisma.outboxEvent.findMany({ where: { messageKey: purchaseOrderId }, orderBy: { seq: 'asc' } });
  return rows.map((row) => ({ type: row.type, payload: row.payload }));
}

describe('an application withdrawn before its grant arrives', () => {
  it('records the withdrawal, then issues and cancels the order in the grant’s transaction, balanced, with both events', async () => {
    const grant = grantMessage(randomUUID(), randomUUID(), 80_000);
    const withdrawalId = await publishWithdrawal(h, grant);
    await h.settled(1);
    expect(await ordersOf(grant.applicationId)).toHaveLength(0);
    const recorded = await h.prisma.withdrawnApplication.findUniqueOrThrow({ where: { applicationId: grant.applicationId } });
    expect(recorded.eventId).toBe(withdrawalId);

    const grantId = await publishGrant(h, grant); // the dead-lettered grant, replayed
    await h.settled(1);

    const [order] = await ordersOf(grant.applicationId);
    expect(order).toMatchObject({ status: 'CANCELLED', committedCents: 80_000n, invoicedCents: 0n });
    expect(await entriesOf(order.id)).toEqual([
      ['PurchaseOrderIssued', `${grantId}#commit`],
      ['CommitmentReleased', `${withdrawalId}#release`],
    ]);
    expect(await committedOf(order.id)).toBe(0);
    expect(await unbalancedEntries(h.prisma)).toEqual([]);

    const events = await outboxOf(order.id);
    expect(events.map((event) => event.type)).toEqual(['nl.stap.payments.purchase_order_issued.v1', 'nl.stap.payments.purchase_order_cancelled.v1']);
    const issued = PurchaseOrderIssued.decode(events[0].payload);
    expect(issued.source?.source).toEqual({ $case: 'applicationId', value: grant.applicationId });
    const cancelled = PurchaseOrderCancelled.decode(events[1].payload);
    expect(cancelled).toMatchObject({ purchaseOrderId: order.id, reason: 'aanvraag ingetrokken', releasedAmount: { amountCents: '80000', currency: 'EUR' } });
  });

  it('issues, cancels and releases once whichever event is redelivered or re-published, before or after the grant', async () => {
    const grant = grantMessage(randomUUID(), randomUUID(), 65_000);
    const withdrawalId = await publishWithdrawal(h, grant);
    await publishWithdrawal(h, grant, withdrawalId); // the same event again (at-least-once delivery)
    await publishWithdrawal(h, grant); // the same withdrawal under a new event id: the first one stays recorded
    await h.settled(3);
    const grantId = await publishGrant(h, grant);
    await publishGrant(h, grant, grantId); // the replayed grant delivered twice
    await publishGrant(h, grant); // and re-published under a new id
    await publishWithdrawal(h, grant); // a withdrawal re-published after the order was cancelled
    await h.settled(4);

    const orders = await ordersOf(grant.applicationId);
    expect(orders).toHaveLength(1);
    expect(orders[0].status).toBe('CANCELLED');
    expect(await entriesOf(orders[0].id)).toEqual([
      ['PurchaseOrderIssued', `${grantId}#commit`],
      ['CommitmentReleased', `${withdrawalId}#release`],
    ]);
    expect(await committedOf(orders[0].id)).toBe(0);
    expect((await outboxOf(orders[0].id)).map((event) => event.type)).toEqual([
      'nl.stap.payments.purchase_order_issued.v1',
      'nl.stap.payments.purchase_order_cancelled.v1',
    ]);
    expect(await unbalancedEntries(h.prisma)).toEqual([]);
  });

  it('leaves a grant that was never withdrawn an open order with its commitment, and records no withdrawal', async () => {
    const grant = grantMessage(randomUUID(), randomUUID(), 90_000);
    const grantId = await publishGrant(h, grant);
    await h.settled(1);

    const [order] = await ordersOf(grant.applicationId);
    expect(order).toMatchObject({ status: 'OPEN', committedCents: 90_000n });
    expect(await entriesOf(order.id)).toEqual([['PurchaseOrderIssued', `${grantId}#commit`]]);
    expect(await committedOf(order.id)).toBe(90_000);
    expect((await outboxOf(order.id)).map((event) => event.type)).toEqual(['nl.stap.payments.purchase_order_issued.v1']);
    expect(await h.prisma.withdrawnApplication.count({ where: { applicationId: grant.applicationId } })).toBe(0);
  });

  it('cancels in the usual way when the withdrawal follows the grant, and records nothing for later', async () => {
    const grant = grantMessage(randomUUID(), randomUUID(), 70_000);
    await publishGrant(h, grant);
    await h.settled(1);
    const withdrawalId = await publishWithdrawal(h, grant);
    await h.settled(1);

    const [order] = await ordersOf(grant.applicationId);
    expect(order.status).toBe('CANCELLED');
    expect((await entriesOf(order.id))[1]).toEqual(['CommitmentReleased', `${withdrawalId}#release`]);
    expect(await h.prisma.withdrawnApplication.count({ where: { applicationId: grant.applicationId } })).toBe(0);
  });
});
