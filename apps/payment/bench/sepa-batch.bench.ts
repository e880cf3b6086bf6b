// Benchmark: 50,000 payable payments into one schema-valid pain.001.001.03 batch (DESIGN.md §7 target: < 10 s).
// Against the real PostgreSQL (POSTGRES_URL): a throwaway database with the committed migrations, 1,000 payees with
// bank accounts, 50,000 payable payments. Measured: CreatePaymentBatch (select, offset, schedule all payments in one
// transaction) and the export (read the batch, build the XML, SHA-256) — that is "payments into a batch file".
// The XSD validation with libxml2 that proves the file is schema-valid is timed and printed separately.
// Prints its figures and exits 0; it asserts no wall-clock time (tools/bench/run.ts).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase } from '@stap/platform/testing/infrastructure';
import { amsterdamDateOf } from '@stap/regelingen';
import { createPaymentBatch } from '../src/application/create-payment-batch';
import { exportPaymentBatch } from '../src/application/export-payment-batch';
import type { BankAccountDirectory } from '../src/infrastructure/bank/bank-account-directory';
import { createPrismaClient, type PrismaClient } from '../src/infrastructure/prisma/client';
import { validatePain001 } from '../test/xsd';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 50_000);
const PAYEES = 1_000;
const TARGET_MS = 10_000;
const DEBTOR = { name: 'UWV Uitvoerder STAP', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' };

/** Every IBAN is cached in the bank account projection, so the directory is never asked. */
const NO_LOOKUPS: BankAccountDirectory = {
  get: (reference) => Promise.reject(new Error(`unexpected lookup of ${reference}`)),
  close: () => undefined,
};

function iban(n: number): string {
  const account = String(n).padStart(10, '0');
  const numeric = `BANK${account}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return `NL${String(98 - Number(BigInt(numeric) % 97n)).padStart(2, '0')}BANK${account}`;
}

/** Payees, account versions and payable payments in bulk, set-based (the setup is not what is measured). */
async function seed(prisma: PrismaClient): Promise<void> {
  const ibans = Array.from({ length: PAYEES }, (_, i) => iban(i + 1));
  await prisma.$executeRawUnsafe(
    `INSERT INTO payee (id, kind, name) SELECT 'payee-' || i, 'PROVIDER', 'Opleider ' || i || ' B.V.' FROM generate_series(1, $1) AS i`,
    PAYEES,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO bank_account_version (account_reference, payee_id, payee_kind, iban_last4, effective_from, iban, holder_name)
     SELECT 'acct-' || i, 'payee-' || i, 'PROVIDER', right(ibans[i], 4), now() - interval '1 day', ibans[i], 'Opleider ' || i || ' B.V.'
       FROM generate_series(1, $1) AS i, (SELECT $2::text[] AS ibans) AS t`,
    PAYEES,
    ibans,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO payment (id, source_key, purchase_order_id, regeling, tijdvak_id, payee_kind, payee_id, gross_cents, remittance)
     SELECT gen_random_uuid(), 'bench:' || i, gen_random_uuid(), 'STAP', 'STAP-2023-05', 'PROVIDER', 'payee-' || (1 + i % $2),
            50000 + (i * 37) % 50001, 'PO-STAP-2023-05-' || lpad(i::text, 6, '0') || ' factuur F-' || i
       FROM generate_series(1, $1) AS i`,
    PAYMENTS,
    PAYEES,
  );
}

async function main(): Promise<void> {
  const db = await createTestDatabase('payment_bench');
  const prisma = createPrismaClient(db.url);
  try {
    await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
    await seed(prisma);
    const today = amsterdamDateOf(new Date());

    const started = performance.now();
    const { batch } = await createPaymentBatch(prisma, NO_LOOKUPS, { executionDate: today, regelingen: [], createdBy: 'bench' });
    const created = performance.now();
    const exported = await exportPaymentBatch(prisma, batch.id, DEBTOR);
    const done = performance.now();
    const validation = await validatePain001(exported.xml);
    const validated = performance.now();

    const rerun = await createPaymentBatch(prisma, NO_LOOKUPS, { executionDate: today, regelingen: [], createdBy: 'bench' }).then(
      () => 'created another batch (WRONG)',
      (error: Error) => `refused: ${error.message}`,
    );
    const totalMs = done - started;
    const lines = [
      `payments in batch:            ${batch.paymentCount} (transfers in file: ${exported.transferCount}, payees: ${PAYEES})`,
      `batch total:                  EUR ${(Number(batch.totalCents) / 100).toFixed(2)}`,
      `create batch (DB, 1 tx):      ${(created - started).toFixed(0)} ms`,
      `export pain.001 + SHA-256:    ${(done - created).toFixed(0)} ms (${(Buffer.byteLength(exported.xml) / 1e6).toFixed(1)} MB)`,
      `payments into batch file:     ${totalMs.toFixed(0)} ms = ${((batch.paymentCount / totalMs) * 1000).toFixed(0)} payments/s (target < ${TARGET_MS} ms: ${totalMs < TARGET_MS ? 'met' : 'NOT met'})`,
      `XSD validation (libxml2):     ${validation.valid ? 'valid' : `INVALID: ${validation.errors.slice(0, 3).join('; ')}`} in ${(validated - done).toFixed(0)} ms`,
      `batch re-run:                 ${rerun}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await prisma.$disconnect();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sepa-batch benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
