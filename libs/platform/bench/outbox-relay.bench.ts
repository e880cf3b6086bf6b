// Benchmark: the transactional outbox relay against the real broker and database (DESIGN.md §7: >= 5,000 events/s to
// Kafka, no loss across a broker restart). Prints its figures; asserts nothing about speed.
//
//   1. throughput: N rows committed to a fresh outbox, then one relay publishes them all; events/s = N / drain time.
//   2. restart: the same again while the broker is restarted half-way (tools/infra/kafka-restart, clean stop and start
//      on the same port and data); afterwards every event id must be on the topic (duplicates allowed: at-least-once).
//      Skipped with OUTBOX_BENCH_SKIP_RESTART=true (a broker restart disturbs anything else using the broker).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import pino from 'pino';
import { createReliableProducer, ensureTopics, headerText, OutboxRelay, outboxRecord } from '../src/kafka';
import { createTestDatabase, kafkaBrokers } from '../src/testing/infrastructure';

const EVENTS = Number(process.env.OUTBOX_BENCH_EVENTS ?? 50_000);
const AGGREGATES = 1_000;
const root = path.resolve(__dirname, '../../..');
const logger = pino({ level: 'silent' });
const OUTBOX_TABLE = `CREATE TABLE outbox_event (seq bigserial PRIMARY KEY, event_id uuid UNIQUE NOT NULL, topic text NOT NULL,
  message_key text NOT NULL, type text NOT NULL, source text NOT NULL, subject text NOT NULL, dataschema text NOT NULL,
  payload bytea NOT NULL, traceparent text, tracestate text, occurred_at timestamptz NOT NULL, sent_at timestamptz,
  attempts int NOT NULL DEFAULT 0, last_error text)`;

/** Commits `count` outbox rows with one multi-row INSERT per 1,000 (the use cases' side is not what is measured). */
async function fillOutbox(pool: Pool, topic: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, count - start) }, (_, i) =>
      outboxRecord('urn:nld:stap:bench', {
        topic,
        aggregateId: `aggregate-${(start + i) % AGGREGATES}`,
        type: 'nl.stap.bench.thing_happened.v1',
        dataschema: 'stap.bench.ThingHappened',
        payload: Buffer.from(`payload-${start + i}`),
      }),
    );
    const values = rows.map((_, i) => `($${i * 8 + 1},$${i * 8 + 2},$${i * 8 + 3},$${i * 8 + 4},$${i * 8 + 5},$${i * 8 + 6},$${i * 8 + 7},$${i * 8 + 8},now())`);
    await pool.query(
      `INSERT INTO outbox_event (event_id, topic, message_key, type, source, subject, dataschema, payload, occurred_at) VALUES ${values.join(',')}`,
      rows.flatMap((row) => [row.eventId, row.topic, row.messageKey, row.type, row.source, row.subject, row.dataschema, Buffer.from(row.payload)]),
    );
    ids.push(...rows.map((row) => row.eventId));
  }
  return ids;
}

async function unsent(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM outbox_event WHERE sent_at IS NULL');
  return Number(rows[0].n);
}

async function waitUntilDrained(pool: Pool, onProgress?: (left: number) => void): Promise<void> {
  for (let left = await unsent(pool); left > 0; left = await unsent(pool)) {
    onProgress?.(left);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every distinct ce_id on the topic, read from the beginning by a fresh consumer group. */
async function eventIdsOnTopic(kafka: Kafka, topic: string, expected: number): Promise<{ distinct: Set<string>; total: number }> {
  const consumer = kafka.consumer({ groupId: `bench-reader-${randomUUID()}` });
  const distinct = new Set<string>();
  let total = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        distinct.add(headerText(message.headers, 'ce_id') ?? '');
        total += 1;
      }
    },
  });
  const until = Date.now() + 120_000;
  while (distinct.size < expected && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
  await consumer.disconnect();
  return { distinct, total };
}

async function run(kafka: Kafka, pool: Pool, restartBroker: boolean): Promise<void> {
  const topic = `bench.outbox.${randomUUID().slice(0, 8)}`;
  await ensureTopics(kafka, [{ name: topic, partitions: 6 }]);
  await pool.query('TRUNCATE outbox_event');
  const ids = await fillOutbox(pool, topic, EVENTS);

  const producer = createReliableProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay({ pool, producer, logger, batchSize: 1_000, idlePollMs: 10, retryBackoffMs: 200, maxBackoffMs: 2_000 });
  const started = performance.now();
  relay.start();
  let restarted = false;
  await waitUntilDrained(pool, (left) => {
    if (restartBroker && !restarted && left < EVENTS / 2) {
      restarted = true;
      execFileSync('bash', [path.join(root, 'tools/infra/kafka-restart')], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
  });
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  await producer.disconnect();

  const { distinct, total } = await eventIdsOnTopic(kafka, topic, ids.length);
  const lost = ids.filter((id) => !distinct.has(id)).length;
  const label = restartBroker ? 'with a broker restart half-way' : 'steady';
  process.stdout.write(
    `outbox relay (${label}): ${EVENTS} events in ${seconds.toFixed(2)} s = ${Math.round(EVENTS / seconds)} events/s ` +
      `(target >= 5,000/s); on the topic: ${distinct.size} distinct, ${total - distinct.size} re-sent duplicates, ${lost} lost\n`,
  );
}

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_outbox');
  const pool = new Pool({ connectionString: database.url, max: 4 });
  const kafka = new Kafka({ clientId: 'outbox-bench', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING, retry: { retries: 12, initialRetryTime: 300 } });
  try {
    await pool.query(OUTBOX_TABLE);
    await run(kafka, pool, false);
    if (process.env.OUTBOX_BENCH_SKIP_RESTART !== 'true') await run(kafka, pool, true);
  } finally {
    await pool.end();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`outbox relay benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
