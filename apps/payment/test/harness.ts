// The real infrastructure for the payment service's integration tests: a throwaway PostgreSQL database with the
// committed migrations, the real Kafka broker with topics unique to the test file, the service's own consumer, and
// a producer that publishes other services' events the way they will (CloudEvents binary mode, proto payload).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { createLogger } from '@stap/platform/logging';
import { ACKS_ALL, ensureTopics, newEventId, PROTOBUF_CONTENT_TYPE, toKafkaMessage } from '@stap/platform/kafka';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, kafkaBrokers, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { waitFor } from '@stap/platform/testing/service-process';
import type { BankAccountDirectory, FullBankAccount } from '../src/infrastructure/bank/bank-account-directory';
import { createPrismaClient, type PrismaClient } from '../src/infrastructure/prisma/client';
import { paymentSourcesConsumer, type PaymentConsumer, type SourceTopics } from '../src/transport/events/grant-and-payee.consumers';

export const APP_DIR = path.resolve(__dirname, '..');
export const REPO_ROOT = path.resolve(APP_DIR, '../..');

export interface Harness {
  db: TestDatabase;
  prisma: PrismaClient;
  topics: SourceTopics;
  consumer: PaymentConsumer;
  producer: Producer;
  directory: FixedDirectory;
  publish(topic: string, type: string, key: string, payload: Uint8Array, eventId?: string): Promise<string>;
  /** Waits until the consumer has applied (or skipped as duplicate) this many more events. */
  settled(expectedHandled: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * provider-registry's GetBankAccount, answered from a table the test fills: the account versions the registry would
 * hold. The payment service only sees it through the BankAccountDirectory port.
 */
export class FixedDirectory implements BankAccountDirectory {
  readonly accounts = new Map<string, FullBankAccount>();
  lookups = 0;
  async get(reference: string): Promise<FullBankAccount> {
    this.lookups += 1;
    const account = this.accounts.get(reference);
    if (!account) throw new Error(`unknown account reference ${reference}`);
    return account;
  }
  readonly close = (): void => undefined;
}

export async function startHarness(name: string): Promise<Harness> {
  const db = await createTestDatabase(`payment_${name}`);
  await migrateDatabase(db.url, path.join(APP_DIR, 'prisma/migrations'));
  const prisma = createPrismaClient(db.url);
  const suffix = randomUUID().slice(0, 8);
  const topics: SourceTopics = {
    portalApplication: `test.${suffix}.portal.application`,
    registerScholingApplication: `test.${suffix}.register.scholing_application`,
    adviceClaim: `test.${suffix}.advice.claim`,
    providersProvider: `test.${suffix}.providers.provider`,
    providersAdviserOrganisation: `test.${suffix}.providers.adviser_organisation`,
  };
  const kafka = new Kafka({ clientId: `payment-test-${suffix}`, brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  const logger = createLogger({ service: 'payment-test', level: 'error' });
  const consumer = paymentSourcesConsumer(kafka, prisma, logger, { groupSuffix: `.test-${suffix}`, topics });
  await ensureTopics(kafka, consumer.topics);
  await consumer.runner.start();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();

  const handled = () => consumer.runner.outcomes.applied + consumer.runner.outcomes.duplicate + consumer.runner.outcomes['dead-lettered'];
  let baseline = 0;
  return {
    db,
    prisma,
    topics,
    consumer,
    producer,
    directory: new FixedDirectory(),
    async publish(topic, type, key, payload, eventId = newEventId()) {
      const message = toKafkaMessage(
        {
          id: eventId,
          source: 'urn:nld:stap:test-producer',
          type,
          subject: key,
          time: new Date().toISOString(),
          dataschema: type,
          datacontenttype: PROTOBUF_CONTENT_TYPE,
          data: Buffer.from(payload),
        },
        key,
      );
      await producer.send({ topic, acks: ACKS_ALL, messages: [message] });
      return eventId;
    },
    async settled(expectedHandled) {
      const target = baseline + expectedHandled;
      await waitFor(async () => handled() >= target, `${expectedHandled} more event(s) handled`, 45_000);
      baseline = target;
    },
    async close() {
      await producer.disconnect();
      await consumer.runner.stop();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

/** Sum of debits minus credits over every entry that does not balance; [] when the whole ledger balances. */
export async function unbalancedEntries(prisma: PrismaClient): Promise<unknown[]> {
  return prisma.$queryRaw`SELECT entry_id, SUM(CASE WHEN side = 'DEBIT' THEN amount_cents ELSE -amount_cents END) AS difference
      FROM ledger_posting GROUP BY entry_id HAVING SUM(CASE WHEN side = 'DEBIT' THEN amount_cents ELSE -amount_cents END) <> 0`;
}

/** Balance (debits − credits) of one account of a tijdvak. */
export async function accountBalance(prisma: PrismaClient, tijdvakId: string, account: string): Promise<number> {
  const [row] = await prisma.$queryRaw<{ balance: bigint | null }[]>`SELECT SUM(CASE WHEN side = 'DEBIT' THEN amount_cents ELSE -amount_cents END)::bigint AS balance
      FROM ledger_posting WHERE tijdvak_id = ${tijdvakId} AND account = ${account}`;
  return Number(row?.balance ?? 0);
}
