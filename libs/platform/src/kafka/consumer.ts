// Idempotent event consumer (DESIGN.md §3). For every message: parse the CloudEvent, then in ONE database
// transaction insert (consumer group, event id) into the service's `inbox_event` table and apply the effect.
// A redelivered event finds its inbox row and is skipped, so effects happen exactly once even though Kafka
// delivers at least once. Offsets are committed only after that transaction (kafkajs commits resolved offsets).
// A message that keeps failing goes to the group's dead-letter topic after a bounded number of attempts, so one
// poison message cannot stall a partition forever.
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { extractTraceContext } from '../telemetry';
import { fromKafkaMessage, headersAsText, MalformedEventError, type CloudEvent } from './cloudevents';
import { ACKS_ALL, createReliableProducer } from './client';
import { deadLetterTopicFor } from './topics';

/** The part of a Prisma transaction client the inbox needs. */
export interface RawSqlTransaction {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

export type EventHandler<Tx> = (event: CloudEvent, tx: Tx) => Promise<void>;

export interface ConsumerRunnerOptions<Tx extends RawSqlTransaction> {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  logger: Logger;
  /** Routes an event to its effect; unknown types should simply return (events may be added to a topic later). */
  handle: EventHandler<Tx>;
  /** Runs `fn` in one database transaction, e.g. `(fn) => prisma.$transaction(fn)`. */
  runInTransaction: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R>;
  /** Attempts before a message goes to the dead-letter topic. */
  maxAttempts?: number;
  retryBackoffMs?: number;
}

export type Outcome = 'applied' | 'duplicate' | 'dead-lettered';

const tracer = trace.getTracer('@stap/platform/kafka');

export class ConsumerRunner<Tx extends RawSqlTransaction> {
  private readonly consumer: Consumer;
  private readonly deadLetterProducer: Producer;
  private readonly counts: Record<Outcome, number> = { applied: 0, duplicate: 0, 'dead-lettered': 0 };

  constructor(private readonly options: ConsumerRunnerOptions<Tx>) {
    this.consumer = options.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    this.deadLetterProducer = createReliableProducer(options.kafka);
  }

  get outcomes(): Readonly<Record<Outcome, number>> {
    return this.counts;
  }

  async start(): Promise<void> {
    await this.deadLetterProducer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        const outcome = await this.process(topic, partition, message, heartbeat);
        this.counts[outcome] += 1;
      },
    });
  }

  /** Lets the message in flight finish and commits its offset, then leaves the group. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.deadLetterProducer.disconnect();
  }

  private async process(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<Outcome> {
    let event: CloudEvent;
    try {
      event = fromKafkaMessage(message);
    } catch (error) {
      return this.deadLetter(topic, partition, message, error, 0);
    }
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.applyTraced(event, topic, partition, message.offset);
      } catch (error) {
        this.options.logger.warn({ err: error, eventId: event.id, type: event.type, attempt }, 'event handling failed');
        if (error instanceof MalformedEventError || attempt >= maxAttempts) {
          return this.deadLetter(topic, partition, message, error, attempt);
        }
        await sleep((this.options.retryBackoffMs ?? 200) * attempt);
        await heartbeat();
      }
    }
  }

  private applyTraced(event: CloudEvent, topic: string, partition: number, offset: string): Promise<Outcome> {
    const parent = extractTraceContext({ traceparent: event.traceparent, tracestate: event.tracestate });
    return context.with(parent, () =>
      tracer.startActiveSpan(
        `${topic} process`,
        { kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'cloudevents.event_type': event.type, 'cloudevents.event_id': event.id } },
        async (span) => {
          try {
            return await this.applyOnce(event, topic, partition, offset);
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw error;
          } finally {
            span.end();
          }
        },
      ),
    );
  }

  private applyOnce(event: CloudEvent, topic: string, partition: number, offset: string): Promise<Outcome> {
    const { groupId, handle, runInTransaction } = this.options;
    return runInTransaction(async (tx) => {
      const inserted = await tx.$executeRaw`INSERT INTO inbox_event (consumer, event_id, topic, partition, "offset")
        VALUES (${groupId}, ${event.id}, ${topic}, ${partition}, ${offset}) ON CONFLICT DO NOTHING`;
      if (inserted === 0) return 'duplicate';
      await handle(event, tx);
      return 'applied';
    });
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown, attempts: number): Promise<Outcome> {
    const reason = error instanceof Error ? error.message : String(error);
    this.options.logger.error({ topic, partition, offset: message.offset, attempts, reason }, 'event moved to dead-letter topic');
    await this.deadLetterProducer.send({
      topic: deadLetterTopicFor(this.options.groupId).name,
      acks: ACKS_ALL,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...headersAsText(message.headers),
            dlt_original_topic: topic,
            dlt_original_partition: String(partition),
            dlt_original_offset: message.offset,
            dlt_attempts: String(attempts),
            dlt_reason: reason.slice(0, 1000),
          },
        },
      ],
    });
    return 'dead-lettered';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
