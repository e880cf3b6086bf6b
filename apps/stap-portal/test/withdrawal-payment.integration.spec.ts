// Withdrawal consistent with payment (the ceiling is law), through gRPC on the real database, with payment's
// purchase-order events published to stap.payments.purchase_order.v1 on the REAL broker (key purchase_order_id, as
// payment does) and read by the portal's own ConsumerRunner. A withdrawn grant's amount goes back to its tijdvak only
// when payment cancelled the purchase order, exactly once; a withdrawal after an approved invoice is refused; an order
// payment keeps keeps the amount committed; a tijdvak that closed meanwhile gets nothing back (recorded instead).
// Sources: DOMAIN.md §2.1 "After the grant", §4 Payments; choices in src/domain/withdrawal.ts.
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { InvoiceApproved, PurchaseOrderCancelled, PurchaseOrderIssued } from '@stap/contracts/stap/payments/events/v1/events';
import { InvoiceKind } from '@stap/contracts/stap/payments/v1/payments';
import { ApplicationStatus, ScheduleTijdvakRequest, type Application } from '@stap/contracts/stap/portal/v1/portal';
import { toKafkaMessage, type CloudEvent } from '@stap/platform/kafka';
import { kafkaBrokers } from '@stap/platform/testing/infrastructure';
import { waitFor } from '@stap/platform/testing/service-process';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { myBudgetOverview } from '../src/application/my-budget';
import { closeTijdvak } from '../src/application/tijdvakken';
import { toDateParts } from '../src/domain/dates';
import {
  applyOnline,
  asPerson, bearer, call, eur, feed, grpcError, PROVIDER_KVK, providerRegisteredEvent, registerEvents,
  STAFF_TOKEN, stapRef, startHarness, type Harness,
} from './harness';

jest.setTimeout(180_000);

const kafka = new Kafka({ clientId: 'stap-portal-withdrawal-payment-test', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
const PROVIDER_ID = randomUUID();
const today = amsterdamDateOf(new Date());
const EXCEL = { trainingId: `wd-${randomUUID().slice(0, 8)}`, name: 'Excel', priceEuros: 650, startDate: addDays(today, 42), endDate: addDays(today, 90) };
const MOMENT = `${EXCEL.trainingId}-1`;
const TIJDVAK = 'STAP-2026-09-WD';
const AMOUNT = 65_000;

let h: Harness;
let producer: Producer;
let nextPerson = 0;

const db = () => h.portal.context.prisma;

function cloudEvent(type: string, data: Uint8Array, subject: string): CloudEvent {
  return { id: randomUUID(), source: 'urn:nl:stap:payment', type, subject, time: new Date().toISOString(), dataschema: '', datacontenttype: 'application/protobuf', data: Buffer.from(data) };
}

const issued = (po: string, applicationId: string) => cloudEvent('nl.stap.payments.purchase_order_issued.v1', PurchaseOrderIssued.encode({
  purchaseOrderId: po, number: `PO-${po.slice(0, 8)}`, tijdvak: stapRef(TIJDVAK), source: { source: { $case: 'applicationId', value: applicationId } },
  payee: undefined, committedAmount: eur(EXCEL.priceEuros), advanceInvoiceableFrom: toDateParts(addDays(EXCEL.startDate, -21)),
}).finish(), po);
const invoiceApproved = (po: string) => cloudEvent('nl.stap.payments.invoice_approved.v1', InvoiceApproved.encode({
  purchaseOrderId: po, invoiceId: randomUUID(), tijdvak: stapRef(TIJDVAK), kind: InvoiceKind.INVOICE_KIND_ADVANCE, amount: eur(EXCEL.priceEuros),
}).finish(), po);
const cancelled = (po: string) => cloudEvent('nl.stap.payments.purchase_order_cancelled.v1', PurchaseOrderCancelled.encode({
  purchaseOrderId: po, tijdvak: stapRef(TIJDVAK), releasedAmount: eur(EXCEL.priceEuros), reason: 'aanvraag ingetrokken',
}).finish(), po);

/** Publishes one order's events in order (key purchase_order_id) and waits until the portal processed the last one. */
async function publishOrderEvents(po: string, ...events: CloudEvent[]): Promise<void> {
  await producer.send({ topic: 'stap.payments.purchase_order.v1', messages: events.map((event) => toKafkaMessage(event, po)) });
  const last = events[events.length - 1].id;
  await waitFor(async () => (await db().inboxEvent.count({ where: { eventId: last } })) === 1, `portal processed ${last}`, 45_000);
}

/** A fresh test person with a certificate for EXCEL applies online and is granted. */
async function grantToNextPerson(): Promise<{ application: Application; bsn: string }> {
  const person = h.persons[h.persons.length - 1 - nextPerson++];
  const application = await applyOnline(h, person, { tijdvakId: TIJDVAK, providerId: PROVIDER_ID, trainingId: EXCEL.trainingId, startMomentId: MOMENT, priceEuros: EXCEL.priceEuros });
  expect(application.status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  return { application, bsn: person.bsn };
}

const withdraw = (applicationId: string, bsn: string) => call(h, h.client.withdrawApplication, { applicationId, reason: '' }, asPerson(bsn));

async function budget(): Promise<{ committed: number; granted: number }> {
  const row = await db().tijdvak.findUniqueOrThrow({ where: { id: TIJDVAK } });
  return { committed: Number(row.committedOnlineCents), granted: Number(row.grantedCount) };
}

async function releaseShown(bsn: string, applicationId: string): Promise<string | undefined> {
  return (await myBudgetOverview(h.portal.context, bsn)).applications.find((a) => a.id === applicationId)?.budgetRelease;
}

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 20 });
  producer = kafka.producer({ idempotent: true });
  await producer.connect();
  await feed(h, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...registerEvents({ providerId: PROVIDER_ID, startMomentId: MOMENT, ...EXCEL })]);
  const opensAt = new Date(Date.now() + 1_000);
  await call(h, h.client.scheduleTijdvak, ScheduleTijdvakRequest.fromPartial({
    ref: stapRef(TIJDVAK), displayName: TIJDVAK, opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 30 * 86_400_000).toISOString(),
    baseBudget: eur(100_000), counterReserve: eur(0),
  }), bearer(STAFF_TOKEN));
});

afterAll(async () => {
  await producer?.disconnect();
  await h?.stop();
});

test('withdrawn before invoicing: committed until payment cancels the order, then released once, however often the cancellation arrives', async () => {
  const { application, bsn } = await grantToNextPerson();
  const po = randomUUID();
  await publishOrderEvents(po, issued(po, application.id));
  expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).purchaseOrderId).toBe(po);

  const before = await budget();
  expect((await withdraw(application.id, bsn)).status).toBe(ApplicationStatus.APPLICATION_STATUS_WITHDRAWN);
  expect(await budget()).toEqual(before);
  expect(await releaseShown(bsn, application.id)).toBe('PENDING');

  // The same CloudEvent redelivered (inbox) and a second cancellation with its own id (guard on the application).
  const cancellation = cancelled(po);
  await publishOrderEvents(po, cancellation, cancellation, { ...cancellation, id: randomUUID() });
  expect(await budget()).toEqual({ committed: before.committed - AMOUNT, granted: before.granted - 1 });
  expect(await releaseShown(bsn, application.id)).toBe('RELEASED');
});

test('after an approved invoice the withdrawal is FAILED_PRECONDITION ADVANCE_INVOICED and nothing changes', async () => {
  const { application, bsn } = await grantToNextPerson();
  const po = randomUUID();
  await publishOrderEvents(po, issued(po, application.id), invoiceApproved(po));
  const before = await budget();

  const refused = await grpcError(withdraw(application.id, bsn));
  expect(refused.code).toBe(status.FAILED_PRECONDITION);
  expect(refused.preconditionViolations.map((v) => v.type)).toEqual(['ADVANCE_INVOICED']);
  expect(refused.message).toContain('invoice');
  expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe('GRANTED');
  expect(await db().outboxEvent.count({ where: { type: 'nl.stap.portal.application_withdrawn.v1', subject: application.id } })).toBe(0);
  expect(await budget()).toEqual(before);
});

test('withdrawn before the portal heard of the order: its issue and cancellation arrive in order (one key) and release it', async () => {
  const { application, bsn } = await grantToNextPerson();
  const before = await budget();
  await withdraw(application.id, bsn);
  expect(await budget()).toEqual(before);

  const po = randomUUID();
  await publishOrderEvents(po, issued(po, application.id), cancelled(po));
  expect(await budget()).toEqual({ committed: before.committed - AMOUNT, granted: before.granted - 1 });
});

test('an order payment keeps (invoiced before the withdrawal reached payment): WITHDRAWN, and the amount stays committed', async () => {
  const { application, bsn } = await grantToNextPerson();
  const po = randomUUID();
  await publishOrderEvents(po, issued(po, application.id));
  const before = await budget();
  expect((await withdraw(application.id, bsn)).status).toBe(ApplicationStatus.APPLICATION_STATUS_WITHDRAWN);
  // payment found the order invoiced and did not cancel it: only the invoice's approval arrives.
  await publishOrderEvents(po, invoiceApproved(po));
  expect(await budget()).toEqual(before);
  const stored = await db().application.findUniqueOrThrow({ where: { id: application.id } });
  expect(stored).toMatchObject({ status: 'WITHDRAWN', budgetReleasedAt: null, releaseWithheld: null });
  expect(stored.invoiceApprovedAt).not.toBeNull();
  expect(await releaseShown(bsn, application.id)).toBe('PENDING');
});

test('an order payment cancelled before the withdrawal: the withdrawal gives the amount back at once, once', async () => {
  const { application, bsn } = await grantToNextPerson();
  const po = randomUUID();
  await publishOrderEvents(po, issued(po, application.id), cancelled(po));
  const before = await budget();
  await withdraw(application.id, bsn);
  expect(await budget()).toEqual({ committed: before.committed - AMOUNT, granted: before.granted - 1 });
  expect(await releaseShown(bsn, application.id)).toBe('RELEASED');
});

// Last: it closes the file's tijdvak.
test('the tijdvak closed before the cancellation arrives: nothing goes back into it, the withheld release is recorded', async () => {
  const { application, bsn } = await grantToNextPerson();
  const po = randomUUID();
  await publishOrderEvents(po, issued(po, application.id));
  await withdraw(application.id, bsn);
  await closeTijdvak(h.portal.context, TIJDVAK, undefined);
  const closed = await budget();

  await publishOrderEvents(po, cancelled(po));
  expect(await budget()).toEqual(closed);
  expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).releaseWithheld).toBe('TIJDVAK_CLOSED');
  expect(await releaseShown(bsn, application.id)).toBe('WITHHELD');
});
