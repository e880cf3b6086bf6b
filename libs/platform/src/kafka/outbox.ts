// Transactional outbox (DESIGN.md §3). A state change and its event are written in ONE database transaction
// (outboxRecord → the service's own `outbox_event` table), so an event can never be lost by a crash between commit
// and publish, the gap that publish-after-commit designs admit. The OutboxRelay then publishes unsent rows in
// `seq` order and marks them sent only after the broker acknowledged them (acks=all). A crash between send and mark
// re-sends the rows: delivery is at-least-once, and consumers de-duplicate through their inbox.
import type { Producer } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { injectTraceHeaders } from '../telemetry';
import { newEventId, PROTOBUF_CONTENT_TYPE, toKafkaMessage, type CloudEvent } from './cloudevents';
import { ACKS_ALL } from './client';

/** What a use case says about an event it wants published. */
export interface DomainEvent {
  topic: string;
  /** The aggregate id: the Kafka key (ordering per aggregate) and the CloudEvents subject. */
  aggregateId: string;
  type: string;
  /** Fully qualified proto message name. */
  dataschema: string;
  payload: Uint8Array;
  occurredAt?: Date;
}

/** A row for the service's `OutboxEvent` Prisma model, to be created inside the use case's transaction. */
export interface OutboxRecord {
  eventId: string;
  topic: string;
  messageKey: string;
  type: string;
  source: string;
  subject: string;
  dataschema: string;
  payload: Uint8Array<ArrayBuffer>;
  traceparent: string | null;
  tracestate: string | null;
  occurredAt: Date;
}

/** Builds the outbox row, capturing the current trace context so the consumer's span joins the producer's trace. */
export function outboxRecord(source: string, event: DomainEvent): OutboxRecord {
  const trace = injectTraceHeaders();
  const payload = new Uint8Array(event.payload.byteLength);
  payload.set(event.payload);
  return {
    eventId: newEventId(),
    topic: event.topic,
    messageKey: event.aggregateId,
    type: event.type,
    source,
    subject: event.aggregateId,
    dataschema: event.dataschema,
    payload,
    traceparent: trace.traceparent ?? null,
    tracestate: trace.tracestate ?? null,
    occurredAt: event.occurredAt ?? new Date(),
  };
}

interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  type: string;
  source: string;
  subject: string;
  dataschema: string;
  payload: Buffer;
  traceparent: string | null;
  tracestate: string | null;
  occurred_at: Date;
}

export interface OutboxRelayOptions {
  pool: Pool;
  producer: Producer;
  logger: Logger;
  batchSize?: number;
  /** How long to wait before looking again when the outbox was empty. */
  idlePollMs?: number;
  /** First back-off after a failed send; doubles up to maxBackoffMs. */
  retryBackoffMs?: number;
  maxBackoffMs?: number;
  /** Fault injection for tests: runs after the broker acknowledged a batch and before the rows are marked sent. */
  afterSendBeforeMark?: (eventIds: string[]) => Promise<void> | void;
}

/** Only one relay per database publishes at a time, so events leave in commit order; others stand by. */
const RELAY_LEADER_LOCK = 72_540_001;

export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private published = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  get publishedCount(): number {
    return this.published;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then releases the leader lock and the connection. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Publishes one batch; returns how many events were published. Exposed for tests and benchmarks. */
  async publishBatch(client: PoolClient): Promise<number> {
    const { producer } = this.options;
    await client.query('BEGIN');
    try {
      const { rows } = await client.query<OutboxRow>(
        `SELECT seq, event_id, topic, message_key, type, source, subject, dataschema, payload, traceparent, tracestate, occurred_at
           FROM outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 500],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      const seqs = rows.map((row) => row.seq);
      try {
        await producer.sendBatch({ acks: ACKS_ALL, topicMessages: groupByTopic(rows) });
      } catch (error) {
        await client.query(`UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`, [
          seqs,
          String(error instanceof Error ? error.message : error).slice(0, 1000),
        ]);
        await client.query('COMMIT');
        throw error;
      }
      await this.options.afterSendBeforeMark?.(rows.map((row) => row.event_id));
      await client.query(
        `UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])`,
        [seqs],
      );
      await client.query('COMMIT');
      this.published += rows.length;
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async run(): Promise<void> {
    let backoff = this.options.retryBackoffMs ?? 500;
    while (this.running) {
      let client: PoolClient | undefined;
      try {
        client = await this.options.pool.connect();
        await this.leadWhileRunning(client);
        backoff = this.options.retryBackoffMs ?? 500;
      } catch (error) {
        this.options.logger.warn({ err: error }, 'outbox relay: publishing failed, will retry');
        await this.pause(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 30_000);
      } finally {
        await client?.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
        client?.release();
      }
    }
  }

  private async leadWhileRunning(client: PoolClient): Promise<void> {
    const idle = this.options.idlePollMs ?? 100;
    const { rows } = await client.query<{ leader: boolean }>('SELECT pg_try_advisory_lock($1) AS leader', [RELAY_LEADER_LOCK]);
    if (!rows[0]?.leader) {
      await this.pause(idle * 10);
      return;
    }
    while (this.running) {
      const published = await this.publishBatch(client);
      if (published === 0) await this.pause(idle);
    }
  }

  private pause(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push(toKafkaMessage(toCloudEvent(row), row.message_key));
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

function toCloudEvent(row: OutboxRow): CloudEvent {
  return {
    id: row.event_id,
    source: row.source,
    type: row.type,
    subject: row.subject,
    time: row.occurred_at.toISOString(),
    dataschema: row.dataschema,
    datacontenttype: PROTOBUF_CONTENT_TYPE,
    data: row.payload,
    traceparent: row.traceparent ?? undefined,
    tracestate: row.tracestate ?? undefined,
  };
}
