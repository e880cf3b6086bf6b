// The payment service as a real process (its main.ts, as `tools/stap up` starts it) with demo data: gRPC for finance
// staff, payees and partners with authorisation and audit, the streamed pain.001 export, and the HTTP reports.
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { Client } from 'pg';
import { HealthCheckResponse_ServingStatus, HealthClient } from '@stap/contracts/grpc/health/v1/health';
import {
  InvoiceKind,
  PaymentServiceClient,
  RecoveryMethod,
  RecoveryOrderStatus,
  ReportBasis,
  SettlementOutcome,
} from '@stap/contracts/stap/payments/v1/payments';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { callUnary, decodeRichError } from '@stap/platform/grpc';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, kafkaBrokers, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { freePort, startServiceProcess, waitFor, type ServiceProcess } from '@stap/platform/testing/service-process';
import { dateMessage } from '../src/infrastructure/messaging/proto-mapping';
import { today } from './events';
import { validatePain001 } from './xsd';

jest.setTimeout(120_000);

const STAFF = `staff-${randomUUID()}`;
const PARTNER = `partner-${randomUUID()}`;
const PROVIDER_2 = `provider-${randomUUID()}`;
const PROVIDER_1 = `provider-${randomUUID()}`;
let db: TestDatabase;
let pg: Client;
let service: ServiceProcess;
let client: InstanceType<typeof PaymentServiceClient>;
let httpPort: number;

const as = (token?: string) => {
  const metadata = new Metadata();
  if (token) metadata.set('authorization', `Bearer ${token}`);
  return metadata;
};

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(() => undefined, (e: ServiceError) => e);
  if (!error) throw new Error('expected the call to fail');
  return error;
}

beforeAll(async () => {
  db = await createTestDatabase('payment_e2e');
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  pg = new Client({ connectionString: db.url });
  await pg.connect();
  const grpcPort = await freePort();
  httpPort = await freePort();
  service = startServiceProcess('payment', {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    GRPC_PORT: String(grpcPort),
    HTTP_PORT: String(httpPort),
    CONSUMER_GROUP_SUFFIX: `.e2e-${randomUUID().slice(0, 8)}`,
    SOURCE_TOPIC_PREFIX: `e2e-${randomUUID().slice(0, 8)}.`,
    SEED_DEMO_DATA: 'true',
    DEV_TOKENS: [
      `${STAFF}=officer-1:staff:payments:read+payments:settle+payments:batch+payments:reports`,
      `${PARTNER}=gemeente-1:partner:payments:read`,
      `${PROVIDER_2}=opleider-2:provider::90000002`,
      `${PROVIDER_1}=opleider-1:provider::90000001`,
    ].join(','),
  });
  const health = new HealthClient(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
  await waitFor(async () => (await callUnary(health, health.check, { service: '' }, new Metadata())).status === HealthCheckResponse_ServingStatus.SERVING, 'payment SERVING', 60_000).catch((error) => {
    throw new Error(`${String(error)}\n${service.output()}`);
  });
  health.close();
  client = new PaymentServiceClient(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
});

afterAll(async () => {
  client?.close();
  const exit = await service?.stop();
  await pg?.end();
  await db?.drop();
  expect(exit?.code).toBe(0);
});

it('refuses callers without a token or without the scope, and names invalid fields', async () => {
  const request = { executionDate: dateMessage(today()), regelingCodes: [] };
  expect((await failure(callUnary(client, client.createPaymentBatch, request, as()))).code).toBe(status.UNAUTHENTICATED);
  expect((await failure(callUnary(client, client.createPaymentBatch, request, as(PARTNER)))).code).toBe(status.PERMISSION_DENIED);
  const invalid = await failure(callUnary(client, client.createPaymentBatch, { executionDate: dateMessage('2000-01-01'), regelingCodes: [] }, as(STAFF)));
  expect(invalid.code).toBe(status.INVALID_ARGUMENT);
  expect(decodeRichError(invalid).fieldViolations.map((v) => v.field)).toEqual(['execution_date']);
});

it('lets a provider invoice only its own purchase order, and refuses an amount above it with a reason', async () => {
  const { rows } = await pg.query(`SELECT o.id, o.committed_cents FROM purchase_order o JOIN payee p ON p.id = o.payee_id
    WHERE p.kvk_number = '90000002' AND o.status = 'OPEN'`);
  expect(rows.length).toBeGreaterThan(0);
  const order = rows[0];
  const invoice = (amountCents: string, token: string, invoiceNumber = `E2E-${randomUUID().slice(0, 6)}`) =>
    callUnary(client, client.submitInvoice, { purchaseOrderId: order.id, invoiceNumber, invoiceDate: dateMessage(today()), kind: InvoiceKind.INVOICE_KIND_ADVANCE, amount: { amountCents, currency: 'EUR' } }, as(token));
  expect((await failure(invoice(order.committed_cents, PROVIDER_1))).code).toBe(status.PERMISSION_DENIED);
  const over = await failure(invoice(String(Number(order.committed_cents) + 1), PROVIDER_2));
  expect(over.code).toBe(status.FAILED_PRECONDITION);
  expect(decodeRichError(over).preconditionViolations.map((v) => v.type)).toEqual(['INVOICE_REJECTION_REASON_ABOVE_COMMITMENT']);
  const accepted = await invoice(order.committed_cents, PROVIDER_2);
  expect(accepted.amount?.amountCents).toBe(order.committed_cents);
});

it('makes a batch, streams a schema-valid pain.001 with its SHA-256, confirms it, and reports it', async () => {
  const batch = await callUnary(client, client.createPaymentBatch, { executionDate: dateMessage(today()), regelingCodes: [] }, as(STAFF));
  expect(batch.paymentCount).toBeGreaterThan(0);
  const chunks: Buffer[] = [];
  let sha = '';
  await new Promise<void>((resolve, reject) => {
    const stream = client.exportPaymentBatch({ paymentBatchId: batch.id }, as(STAFF));
    stream.on('data', (chunk: { data: Buffer; sha256: string }) => {
      chunks.push(Buffer.from(chunk.data));
      sha = chunk.sha256 || sha;
    });
    stream.on('error', reject);
    stream.on('end', resolve);
  });
  const document = Buffer.concat(chunks);
  expect(sha).toBe(createHash('sha256').update(document).digest('hex'));
  const validation = await validatePain001(document.toString('utf8'));
  expect(validation.errors).toEqual([]);
  // The suspended demo provider's payment is held, not in the file.
  expect(document.toString('utf8')).not.toContain('NL20INGB0001234567');
  const { rows: held } = await pg.query(`SELECT status FROM payment WHERE payee_id = '00000000-0000-4000-8000-000000000003'`);
  expect(held.map((r) => r.status)).toEqual(['PAYABLE']);

  const confirmed = await callUnary(client, client.confirmPaymentBatch, { paymentBatchId: batch.id, executedOn: dateMessage(today()), bankReference: 'BANK-1' }, as(STAFF));
  expect(confirmed.exportSha256).toBe(sha);
  const report = await callUnary(client, client.getBudgetReport, { tijdvak: { regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId: 'STAP-2023-05' }, basis: ReportBasis.REPORT_BASIS_OPENING, cashPeriod: undefined }, as(STAFF));
  const { rows: paid } = await pg.query(`SELECT SUM(gross_cents)::text AS paid FROM payment WHERE status = 'PAID' AND tijdvak_id = 'STAP-2023-05'`);
  expect(report.totals?.paid?.amountCents).toBe(paid[0].paid);

  const csv = await fetch(`http://127.0.0.1:${httpPort}/v1/reports/budget.csv?basis=cash&regeling=STAP`, { headers: { authorization: `Bearer ${STAFF}` } });
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  expect((await csv.text()).split('\r\n')[1]).toContain(`STAP,STAP-2023-05,${today().slice(0, 7)},`);
  const refused = await fetch(`http://127.0.0.1:${httpPort}/v1/reports/budget?basis=weekly`, { headers: { authorization: `Bearer ${STAFF}` } });
  expect([refused.status, refused.headers.get('content-type')]).toEqual([400, 'application/problem+json; charset=utf-8']);
});

it('lists purchase orders page by page, a provider only its own, and the payments and journal entries of a batch', async () => {
  const first = await callUnary(client, client.listPurchaseOrders, { tijdvak: undefined, payee: undefined, statuses: [], page: { pageSize: 2, pageToken: '' } }, as(STAFF));
  expect(first.purchaseOrders).toHaveLength(2);
  expect(Number(first.page?.totalSize)).toBe(7);
  const second = await callUnary(client, client.listPurchaseOrders, { tijdvak: undefined, payee: undefined, statuses: [], page: { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' } }, as(STAFF));
  expect(second.purchaseOrders.map((o) => o.id)).not.toContain(first.purchaseOrders[0].id);
  const reused = await failure(
    callUnary(client, client.listPurchaseOrders, { tijdvak: { regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId: 'STAP-2023-05' }, payee: undefined, statuses: [], page: { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' } }, as(STAFF)),
  );
  expect(decodeRichError(reused).fieldViolations.map((v) => v.field)).toEqual(['page.page_token']);
  const own = await callUnary(client, client.listPurchaseOrders, { tijdvak: undefined, payee: undefined, statuses: [], page: undefined }, as(PROVIDER_2));
  expect(own.purchaseOrders.length).toBe(2);
  expect(new Set(own.purchaseOrders.map((o) => (o.payee?.payee?.$case === 'providerId' ? o.payee.payee.value : '')))).toEqual(new Set(['00000000-0000-4000-8000-000000000002']));

  const { rows: batches } = await pg.query(`SELECT id, payment_count FROM payment_batch LIMIT 1`);
  const payments = await callUnary(client, client.listPayments, { scope: { $case: 'paymentBatchId', value: batches[0].id }, page: { pageSize: 500, pageToken: '' } }, as(STAFF));
  expect(payments.payments).toHaveLength(batches[0].payment_count);
  expect(payments.payments.every((p) => p.status === 2 && p.ibanLast4.length === 4)).toBe(true);
  const entries = await callUnary(client, client.listJournalEntries, { tijdvak: undefined, accountType: 0, valueDates: undefined, causeId: batches[0].id, page: undefined }, as(STAFF));
  expect(entries.entries.map((e) => e.cause)).toEqual(expect.arrayContaining(['PaymentExecuted']));
  expect((await failure(callUnary(client, client.listJournalEntries, { tijdvak: undefined, accountType: 0, valueDates: undefined, causeId: '', page: undefined }, as(PARTNER)))).code).toBe(status.PERMISSION_DENIED);
  const badDate = await failure(callUnary(client, client.confirmPaymentBatch, { paymentBatchId: batches[0].id, executedOn: { year: 2026, month: 13, day: 1 }, bankReference: '' }, as(STAFF)));
  expect(decodeRichError(badDate).fieldViolations.map((v) => v.field)).toEqual(['executed_on']);
});

it('records an officer’s settlement decision, refuses a stale version, and collects the recovery by payment request', async () => {
  const { rows } = await pg.query(`SELECT id, version::text, committed_cents::text FROM purchase_order WHERE status = 'INVOICED' AND source_kind = 'APPLICATION' AND paid_cents > 0 LIMIT 1`);
  const order = rows[0];
  const decide = (expectedVersion: string, amountCents: string, token = STAFF) =>
    callUnary(client, client.decideSettlement, {
      purchaseOrderId: order.id,
      expectedVersion,
      settledAmount: { amountCents, currency: 'EUR' },
      illnessAccepted: true,
      personAtFault: false,
      decision: { reference: 'UWV-STAP-VS-2026-000001', reason: 'ziekte aanvaard; gedeeltelijke deelname', decidedOn: dateMessage(today()) },
      recoveryMethod: RecoveryMethod.RECOVERY_METHOD_PAYMENT_REQUEST,
    }, as(token));
  expect((await failure(decide(order.version, '1000', PARTNER))).code).toBe(status.PERMISSION_DENIED);
  const tooMuch = await failure(decide(order.version, String(Number(order.committed_cents) + 1)));
  expect(decodeRichError(tooMuch).fieldViolations.map((v) => v.field)).toEqual(['settled_amount.amount_cents']);
  const stale = await failure(decide(String(Number(order.version) + 5), '1000'));
  expect(stale.code).toBe(status.FAILED_PRECONDITION);

  const settlement = await decide(order.version, '1000');
  expect([settlement.outcome, settlement.illnessAccepted, settlement.decided?.actor?.subject]).toEqual([SettlementOutcome.SETTLEMENT_OUTCOME_PARTIAL, true, 'officer-1']);
  expect((await failure(decide(order.version, '1000'))).code).toBe(status.FAILED_PRECONDITION);
  const recovery = await callUnary(client, client.getRecoveryOrder, { recoveryOrderId: settlement.recoveryOrderId }, as(STAFF));
  expect([recovery.method, recovery.amount?.amountCents, recovery.status]).toEqual([RecoveryMethod.RECOVERY_METHOD_PAYMENT_REQUEST, String(Number(order.committed_cents) - 1000), RecoveryOrderStatus.RECOVERY_ORDER_STATUS_OPEN]);
  const received = await callUnary(client, client.recordRecoveryReceipt, { recoveryOrderId: recovery.id, amount: recovery.amount, receivedOn: dateMessage(today()), bankReference: 'NL-BANK-STMT-0001' }, as(STAFF));
  expect(received.status).toBe(RecoveryOrderStatus.RECOVERY_ORDER_STATUS_RECOVERED);
  expect((await failure(callUnary(client, client.recordRecoveryReceipt, { recoveryOrderId: recovery.id, amount: recovery.amount, receivedOn: dateMessage(today()), bankReference: 'NL-BANK-STMT-0001' }, as(STAFF)))).code).toBe(status.ALREADY_EXISTS);
  const { rows: unbalanced } = await pg.query(`SELECT entry_id FROM ledger_posting GROUP BY entry_id HAVING SUM(CASE WHEN side = 'DEBIT' THEN amount_cents ELSE -amount_cents END) <> 0`);
  expect(unbalanced).toEqual([]);
});

it('records who read or changed what, including partners’ reads', async () => {
  const { rows: orders } = await pg.query(`SELECT id FROM purchase_order LIMIT 1`);
  await callUnary(client, client.getPurchaseOrder, { identifier: { $case: 'purchaseOrderId', value: orders[0].id } }, as(PARTNER));
  const { rows } = await pg.query(`SELECT subject, action, target, outcome FROM audit_entry ORDER BY id`);
  expect(rows).toEqual(
    expect.arrayContaining([
      { subject: 'gemeente-1', action: 'CreatePaymentBatch', target: today(), outcome: 'forbidden' },
      { subject: 'officer-1', action: 'ExportPaymentBatch', target: expect.any(String), outcome: 'OK' },
      { subject: 'gemeente-1', action: 'GetPurchaseOrder', target: orders[0].id, outcome: 'OK' },
    ]),
  );
});
