// The reliability core against a REAL broker and a REAL PostgreSQL: outbox relay → Kafka → idempotent consumer,
// including a relay that dies between the broker's acknowledgement and marking the rows sent, a duplicate
// delivery, and a poison message that must end in the dead-letter topic.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { Pool } from 'pg';
import pino from 'pino';
import { kafkaBrokers, postgresUrl, databaseUrlFor } from '../testing/infrastructure';
import { fromKafkaMessage, headerText } from './cloudevents';
import { createReliableProducer } from './client';
import { ConsumerRunner, type RawSqlTransaction } from './consumer';
import { OutboxRelay, outboxRecord } from './outbox';
import { deadLetterTopicFor, ensureTopics } from './topics';

const logger = pino({ level: 'silent' });
const SCHEMA = `
  CREATE TABLE outbox_event (seq bigserial PRIMARY KEY, event_id uuid UNIQUE NOT NULL, topic text NOT NULL,
    message_key text NOT NULL, type text NOT NULL, source text NOT NULL, subject text NOT NULL, dataschema text NOT NULL,
    payload bytea NOT NULL, traceparent text, tracestate text, occurred_at timestamptz NOT NULL, sent_at timestamptz,
    attempts int NOT NULL DEFAULT 0, last_error text);
  CREATE TABLE inbox_event (consumer text NOT NULL, event_id text NOT NULL, topic text NOT NULL, partition int NOT NULL,
    "offset" text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer, event_id));
  CREATE TABLE applied_effect (event_id text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());`;

/** A transaction over one pg client that offers the `$executeRaw` tagged template the consumer runner uses. */
function pgTransaction(pool: Pool) {
  return async <R>(fn: (tx: RawSqlTransaction) => Promise<R>): Promise<R> => {
    const client = await pool.connect();
    const tx: RawSqlTransaction = {
      $executeRaw: async (strings, ...values) => {
        const text = strings.reduce((sql, part, i) => sql + (i > 0 ? `$${i}` : '') + part, '');
        return (await client.query(text, values)).rowCount ?? 0;
      },
    };
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function readAll(kafka: Kafka, topic: string, expected: number): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  try {
    await waitFor(async () => messages.length >= expected, `${expected} messages on ${topic}`);
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

describe('outbox relay and idempotent consumer (real Kafka, real PostgreSQL)', () => {
  const dbName = `test_platform_outbox_${randomUUID().slice(0, 8)}`;
  const kafka = new Kafka({ clientId: 'platform-spec', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  const producer = createReliableProducer(kafka);
  let admin: Pool;
  let pool: Pool;
  let topic: string;

  beforeAll(async () => {
    admin = new Pool({ connectionString: postgresUrl(), max: 1 });
    await admin.query(`CREATE DATABASE ${dbName}`);
    pool = new Pool({ connectionString: databaseUrlFor(dbName), max: 5 });
    await pool.query(SCHEMA);
    await producer.connect();
  });

  beforeEach(async () => {
    topic = `test.platform.outbox.${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [{ name: topic, partitions: 3 }]);
    await pool.query('TRUNCATE outbox_event, inbox_event, applied_effect');
  });

  afterAll(async () => {
    await producer.disconnect();
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  async function insertEvents(count: number, aggregateId = randomUUID()): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const row = outboxRecord('urn:nld:stap:platform-spec', {
        topic,
        aggregateId,
        type: 'nl.stap.test.thing_happened.v1',
        dataschema: 'stap.test.ThingHappened',
        payload: Buffer.from(`payload-${i}`),
      });
      await pool.query(
        `INSERT INTO outbox_event (event_id, topic, message_key, type, source, subject, dataschema, payload, occurred_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [row.eventId, row.topic, row.messageKey, row.type, row.source, row.subject, row.dataschema, Buffer.from(row.payload), row.occurredAt],
      );
      ids.push(row.eventId);
    }
    return ids;
  }

  async function unsentCount(): Promise<number> {
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM outbox_event WHERE sent_at IS NULL');
    return Number(rows[0].n);
  }

  it('publishes every outbox row as a CloudEvent, in commit order per aggregate, and marks it sent', async () => {
    const ids = await insertEvents(25);
    const relay = new OutboxRelay({ pool, producer, logger, batchSize: 10, idlePollMs: 20 });
    relay.start();
    await waitFor(async () => (await unsentCount()) === 0, 'all rows sent');
    await relay.stop();

    const messages = await readAll(kafka, topic, 25);
    expect(messages.map((m) => headerText(m.headers, 'ce_id'))).toEqual(ids);
    const event = fromKafkaMessage(messages[0]);
    expect(event).toMatchObject({ type: 'nl.stap.test.thing_happened.v1', source: 'urn:nld:stap:platform-spec' });
    expect(event.data.toString()).toBe('payload-0');
  });

  it('re-sends rows when the relay dies between the broker ack and marking them, and the consumer applies each event once', async () => {
    const ids = await insertEvents(5);
    const dying = new OutboxRelay({
      pool,
      producer,
      logger,
      afterSendBeforeMark: () => {
        throw new Error('relay killed after send, before mark');
      },
    });
    const client = await pool.connect();
    await expect(dying.publishBatch(client)).rejects.toThrow('relay killed');
    client.release();
    expect(await unsentCount()).toBe(5);

    const relay = new OutboxRelay({ pool, producer, logger, idlePollMs: 20 });
    relay.start();
    await waitFor(async () => (await unsentCount()) === 0, 'rows re-sent');
    await relay.stop();
    const onTopic = await readAll(kafka, topic, 10);
    expect(onTopic).toHaveLength(10); // every event twice: at-least-once delivery

    const groupId = `platform-spec-${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [deadLetterTopicFor(groupId)]);
    const runner = new ConsumerRunner({
      kafka,
      groupId,
      topics: [topic],
      logger,
      runInTransaction: pgTransaction(pool),
      handle: async (event, tx) => {
        await tx.$executeRaw`INSERT INTO applied_effect (event_id) VALUES (${event.id})`;
      },
    });
    await runner.start();
    await waitFor(async () => runner.outcomes.applied + runner.outcomes.duplicate === 10, 'ten deliveries handled');
    await runner.stop();

    const { rows } = await pool.query<{ event_id: string; n: string }>('SELECT event_id, count(*) AS n FROM applied_effect GROUP BY event_id');
    expect(rows.map((r) => r.event_id).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.n === '1')).toBe(true);
    expect(runner.outcomes).toEqual({ applied: 5, duplicate: 5, 'dead-lettered': 0 });
  });

  it('moves a message that keeps failing to the consumer group’s dead-letter topic and goes on with the next', async () => {
    const [poisonId, goodId] = await insertEvents(2);
    const relay = new OutboxRelay({ pool, producer, logger, idlePollMs: 20 });
    relay.start();
    await waitFor(async () => (await unsentCount()) === 0, 'rows sent');
    await relay.stop();

    const groupId = `platform-spec-${randomUUID().slice(0, 8)}`;
    const deadLetters = deadLetterTopicFor(groupId);
    await ensureTopics(kafka, [deadLetters]);
    const runner = new ConsumerRunner({
      kafka,
      groupId,
      topics: [topic],
      logger,
      maxAttempts: 3,
      retryBackoffMs: 10,
      runInTransaction: pgTransaction(pool),
      handle: async (event, tx) => {
        if (event.id === poisonId) throw new Error('cannot apply this event');
        await tx.$executeRaw`INSERT INTO applied_effect (event_id) VALUES (${event.id})`;
      },
    });
    await runner.start();
    await waitFor(async () => runner.outcomes.applied + runner.outcomes['dead-lettered'] === 2, 'both messages handled');
    await runner.stop();

    const [dead] = await readAll(kafka, deadLetters.name, 1);
    expect(headerText(dead.headers, 'ce_id')).toBe(poisonId);
    expect(headerText(dead.headers, 'dlt_original_topic')).toBe(topic);
    expect(headerText(dead.headers, 'dlt_attempts')).toBe('3');
    expect(headerText(dead.headers, 'dlt_reason')).toBe('cannot apply this event');
    const { rows } = await pool.query<{ event_id: string }>('SELECT event_id FROM applied_effect');
    expect(rows.map((r) => r.event_id)).toEqual([goodId]);
    // The failed attempts left no inbox row behind: their transactions rolled back.
    const inbox = await pool.query('SELECT event_id FROM inbox_event WHERE event_id = $1', [poisonId]);
    expect(inbox.rowCount).toBe(0);
  });
});
