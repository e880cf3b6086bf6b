// Use case: a payment batch of every payable payment, after offsetting open recovery orders of the same payee
// (verrekening). Each payment goes to the payee's bank account version effective when the batch is made; a
// suspended payee's payments (or a payee without a usable account) are held: they stay payable for a later batch,
// never dropped. Payments move PAYABLE → SCHEDULED inside one transaction under an advisory lock, so a re-run or a
// concurrent run can never put a payment into two batches. Set-based SQL: a batch of 50,000 takes seconds.
import { randomUUID } from 'node:crypto';
import { invalid, preconditionFailed } from '@stap/platform/errors';
import { outboxRecord } from '@stap/platform/kafka';
import { amsterdamDateOf, compareDates, isRegelingCode, isValidIban } from '@stap/regelingen';
import { allocateOffsets, type OpenRecovery } from '../domain/offsetting';
import type { BankAccountDirectory } from '../infrastructure/bank/bank-account-directory';
import { dateOf, isoDateOf } from '../infrastructure/ledger-book';
import { EVENT_SOURCE, paymentBatchCreatedEvent } from '../infrastructure/messaging/payment-events';
import type { PaymentBatchRow, PrismaClient, TransactionClient } from '../infrastructure/prisma/client';
import { collect } from './record-recovery-receipt';
import { isCalendarDate } from '../domain/identifiers';

export interface BatchRequest {
  executionDate: string;
  regelingen: string[];
  createdBy: string;
}

export interface HeldPayments {
  suspended: number;
  noBankAccount: number;
}

export interface BatchResult {
  batch: PaymentBatchRow;
  held: HeldPayments;
}

const BATCH_LOCK = 72_540_810;

interface PayableRow {
  id: string;
  payee_id: string;
  gross_cents: bigint;
  suspended: boolean | null;
  suspended_from: Date | null;
  account_reference: string | null;
  iban: string | null;
  holder_name: string | null;
  payee_name: string | null;
}

function requestViolations(request: BatchRequest, today: string) {
  const violations = [];
  if (!isCalendarDate(request.executionDate)) violations.push({ field: 'execution_date', description: 'must be a date' });
  else if (compareDates(request.executionDate, today) < 0) violations.push({ field: 'execution_date', description: `must be ${today} or later` });
  request.regelingen.forEach((code, index) => {
    if (!isRegelingCode(code)) violations.push({ field: `regeling_codes[${index}]`, description: 'is not a regeling code' });
  });
  return violations;
}

export async function createPaymentBatch(prisma: PrismaClient, directory: BankAccountDirectory, request: BatchRequest, now = new Date()): Promise<BatchResult> {
  const violations = requestViolations(request, amsterdamDateOf(now));
  if (violations.length > 0) throw invalid(violations);
  await resolveMissingIbans(prisma, directory, now);
  return prisma.$transaction((tx) => createInTransaction(tx, request, now), { timeout: 120_000, maxWait: 10_000 });
}

/** The account version effective at `$1` of every payee: a SQL common table expression named current_account. */
const CURRENT_ACCOUNT = `current_account AS (
    SELECT DISTINCT ON (v.payee_id) v.payee_id, v.account_reference, v.iban, v.holder_name FROM bank_account_version v
     WHERE v.effective_from <= $1 ORDER BY v.payee_id, v.effective_from DESC)`;

/** Fetches (once per account version) the full IBAN of current accounts not yet cached. Failures leave them held. */
async function resolveMissingIbans(prisma: PrismaClient, directory: BankAccountDirectory, now: Date): Promise<void> {
  const missing = await prisma.$queryRawUnsafe<{ account_reference: string }[]>(
    `WITH ${CURRENT_ACCOUNT}
     SELECT DISTINCT acct.account_reference FROM current_account acct
      WHERE acct.iban IS NULL AND acct.payee_id IN (SELECT payee_id FROM payment WHERE status = 'PAYABLE')`,
    now,
  );
  for (const { account_reference: reference } of missing) {
    const account = await directory.get(reference).catch(() => undefined);
    // An account that cannot be fetched, or whose IBAN fails ISO 13616 mod-97, is not cached: its payee is held.
    if (!account?.iban || !isValidIban(account.iban)) continue;
    await prisma.bankAccountVersion.update({ where: { accountReference: reference }, data: { iban: account.iban, holderName: account.holderName } });
  }
}

function isHeldBySuspension(row: PayableRow, executionDate: string): boolean {
  if (!row.suspended) return false;
  return row.suspended_from === null || compareDates(isoDateOf(row.suspended_from), executionDate) <= 0;
}

async function createInTransaction(tx: TransactionClient, request: BatchRequest, now: Date): Promise<BatchResult> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BATCH_LOCK})`;
  const open = await tx.paymentBatch.count({ where: { status: 'CREATED' } });
  if (open > 0) throw preconditionFailed('another payment batch is still CREATED; export it first', 'BATCH_OPEN');

  const rows = await tx.$queryRawUnsafe<PayableRow[]>(
    // No row locks: batch creation is serialised by the advisory lock, and scheduleAll only moves rows that are still
    // PAYABLE and checks that every one of them moved.
    `WITH ${CURRENT_ACCOUNT}
     SELECT p.id, p.payee_id, p.gross_cents, payee.suspended, payee.suspended_from, payee.name AS payee_name,
            acct.account_reference, acct.iban, acct.holder_name
       FROM payment p LEFT JOIN payee ON payee.id = p.payee_id LEFT JOIN current_account acct ON acct.payee_id = p.payee_id
      WHERE p.status = 'PAYABLE' AND (cardinality($2::text[]) = 0 OR p.regeling = ANY($2::text[]))
      ORDER BY p.created_at, p.id`,
    now,
    request.regelingen,
  );
  const held: HeldPayments = { suspended: 0, noBankAccount: 0 };
  const included: PayableRow[] = [];
  for (const row of rows) {
    if (isHeldBySuspension(row, request.executionDate)) held.suspended += 1;
    else if (!row.iban) held.noBankAccount += 1;
    else included.push(row);
  }
  if (included.length === 0) {
    throw preconditionFailed(`nothing payable (held: ${held.suspended} suspended, ${held.noBankAccount} without bank account)`, 'NOTHING_PAYABLE');
  }

  const batchId = randomUUID();
  const offsets = await offsetRecoveries(tx, included, batchId, request.executionDate);
  const offsetByPayment = new Map<string, number>();
  for (const offset of offsets) offsetByPayment.set(offset.paymentId, (offsetByPayment.get(offset.paymentId) ?? 0) + offset.amountCents);

  await scheduleAll(tx, included, batchId, offsetByPayment);
  const grossTotal = included.reduce((sum, row) => sum + Number(row.gross_cents), 0);
  const offsetTotal = offsets.reduce((sum, offset) => sum + offset.amountCents, 0);
  const batch = await tx.paymentBatch.create({
    data: {
      id: batchId,
      messageId: `STAP-${request.executionDate.replace(/-/g, '')}-${batchId.replace(/-/g, '').slice(0, 12).toUpperCase()}`,
      executionDate: dateOf(request.executionDate),
      paymentCount: included.length,
      totalCents: BigInt(grossTotal - offsetTotal),
      offsetCents: BigInt(offsetTotal),
      heldCount: held.suspended + held.noBankAccount,
      createdBy: request.createdBy,
      createdAt: now,
    },
  });
  await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, paymentBatchCreatedEvent(batch)) });
  return { batch, held };
}

async function scheduleAll(tx: TransactionClient, rows: PayableRow[], batchId: string, offsets: Map<string, number>): Promise<void> {
  const moved = await tx.$executeRawUnsafe(
    `UPDATE payment p SET status = 'SCHEDULED', batch_id = $1::uuid, account_reference = u.account_reference, iban = u.iban,
            holder_name = u.holder_name, end_to_end_id = replace(p.id::text, '-', '')
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS u(id, account_reference, iban, holder_name)
      WHERE p.id = u.id AND p.status = 'PAYABLE'`,
    batchId,
    rows.map((row) => row.id),
    rows.map((row) => row.account_reference),
    rows.map((row) => row.iban),
    rows.map((row) => row.holder_name ?? row.payee_name ?? 'NOTPROVIDED'),
  );
  if (moved !== rows.length) throw new Error(`expected to schedule ${rows.length} payments, scheduled ${moved}: a concurrent change; retry`);
  const offsetIds = [...offsets.keys()];
  if (offsetIds.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE payment p SET offset_cents = u.offset_cents FROM unnest($1::uuid[], $2::bigint[]) AS u(id, offset_cents) WHERE p.id = u.id`,
    offsetIds,
    offsetIds.map((id) => String(offsets.get(id))),
  );
}

/** Open recovery orders collected by offsetting, oldest first, against the batch's payments to the same payee. */
async function offsetRecoveries(tx: TransactionClient, rows: PayableRow[], batchId: string, on: string) {
  const payeeIds = [...new Set(rows.map((row) => row.payee_id))];
  const recoveries = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM recovery_order
      WHERE method = 'OFFSETTING' AND status IN ('OPEN', 'PARTIALLY_RECOVERED') AND debtor_id = ANY(${payeeIds}::text[])
      ORDER BY created_at, id FOR UPDATE`;
  if (recoveries.length === 0) return [];
  const orders = await tx.recoveryOrder.findMany({ where: { id: { in: recoveries.map((r) => r.id) } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const open: OpenRecovery[] = orders.map((order) => ({ id: order.id, debtorId: order.debtorId, outstandingCents: Number(order.amountCents - order.recoveredCents) }));
  const offsets = allocateOffsets(rows.map((row) => ({ id: row.id, payeeId: row.payee_id, grossCents: Number(row.gross_cents) })), open);
  const byId = new Map(orders.map((order) => [order.id, order]));
  for (const offset of offsets) {
    await tx.recoveryCollection.create({
      data: { id: randomUUID(), recoveryOrderId: offset.recoveryOrderId, kind: 'OFFSET', amountCents: BigInt(offset.amountCents), paymentId: offset.paymentId, collectedOn: dateOf(on) },
    });
    const current = byId.get(offset.recoveryOrderId);
    if (!current) continue;
    byId.set(current.id, await collect(tx, current, offset.amountCents, `offset:${batchId}:${offset.paymentId}:${current.id}`, on, true));
  }
  return offsets;
}
