// The batched facts read of SubmitApplication (src/infrastructure/decisions/application-facts.ts) on the real
// PostgreSQL: reads arriving in the same turn of the event loop go out as ONE statement, and each caller still gets
// its own certificate, exclusion and admission-token state (also for an unknown number and a number read twice).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Pool } from 'pg';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { readApplicationFacts } from '../src/infrastructure/decisions/application-facts';

const EXCLUDED_BSN = '999990019';
const OTHER_BSN = '999990044';
const SPENT_TOKEN = randomUUID();
const FRESH_TOKEN = randomUUID();

let db: TestDatabase;
let pool: Pool;

async function seed(): Promise<void> {
  const providerId = randomUUID();
  await pool.query(`INSERT INTO provider (id, kvk_number, communication_name) VALUES ($1, '12345678', 'Feiten Opleidingen')`, [providerId]);
  await pool.query(`INSERT INTO training (id, provider_id, name, status) VALUES ('facts-t', $1, 'Feitenleer', 'PUBLISHED')`, [providerId]);
  await pool.query(`INSERT INTO start_moment (id, training_id, start_date, end_date, price_cents) VALUES ('facts-t-1', 'facts-t', '2030-03-01', '2030-05-01', 80000)`);
  for (const [number, amount] of [['STAP-FACT-0001', 65000], ['STAP-FACT-0002', 80000]] as const) {
    await pool.query(
      `INSERT INTO enrolment_certificate (number, provider_id, training_id, start_moment_id, holder_initials, holder_surname, holder_birth_date,
                                          amount_cents, paid_by_others_cents, valid_until)
       VALUES ($1, $2, 'facts-t', 'facts-t-1', 'J.', 'Jansen', '1985-04-12', $3, 0, '2030-03-01')`,
      [number, providerId, amount],
    );
  }
  await pool.query(`INSERT INTO person_exclusion (bsn, excluded_until, application_id, decision_reference) VALUES ($1, '2030-01-01', $2, 'ref-1')`, [EXCLUDED_BSN, randomUUID()]);
  await pool.query(`INSERT INTO admission_token_use (token_id, tijdvak_id, ticket_id) VALUES ($1, 'STAP-FACTS', $2)`, [SPENT_TOKEN, randomUUID()]);
}

beforeAll(async () => {
  db = await createTestDatabase('stap_portal_facts');
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  pool = new Pool({ connectionString: db.url, max: 2 });
  await seed();
});

afterAll(async () => {
  await pool.end();
  await db.drop();
});

test('reads arriving together are one statement, and each caller gets its own facts and token state', async () => {
  // Counts the statements; the real pool still runs them.
  const statements = jest.spyOn(pool, 'query');
  const [spentAndExcluded, fresh, unknown, sameNumberAgain] = await Promise.all([
    readApplicationFacts(pool, 'STAP-FACT-0001', EXCLUDED_BSN, SPENT_TOKEN),
    readApplicationFacts(pool, 'STAP-FACT-0002', OTHER_BSN, FRESH_TOKEN),
    readApplicationFacts(pool, 'STAP-NONE-0000', OTHER_BSN),
    readApplicationFacts(pool, 'STAP-FACT-0001', OTHER_BSN),
  ]);
  expect(statements).toHaveBeenCalledTimes(1);
  statements.mockRestore();

  expect(spentAndExcluded).toMatchObject({ admissionSpent: true, facts: { certificate: { number: 'STAP-FACT-0001', amountCents: 65000 }, excludedUntil: '2030-01-01' } });
  expect(fresh).toMatchObject({ admissionSpent: false, facts: { certificate: { number: 'STAP-FACT-0002', amountCents: 80000 }, excludedUntil: null } });
  expect(fresh.facts?.training).toMatchObject({ found: true, published: true, startMomentFound: true, startDate: '2030-03-01', registerPriceCents: 80000 });
  expect(unknown).toEqual({ admissionSpent: false, facts: undefined });
  expect(sameNumberAgain).toMatchObject({ admissionSpent: false, facts: { certificate: { number: 'STAP-FACT-0001' }, excludedUntil: null } });
});

test('a read alone goes out at once and is answered the same way', async () => {
  await expect(readApplicationFacts(pool, 'STAP-FACT-0002', EXCLUDED_BSN, SPENT_TOKEN)).resolves.toMatchObject({
    admissionSpent: true,
    facts: { certificate: { number: 'STAP-FACT-0002' }, excludedUntil: '2030-01-01' },
  });
});
