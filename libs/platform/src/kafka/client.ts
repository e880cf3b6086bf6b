import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { Logger } from 'pino';

/** A kafkajs client whose own log lines go through our structured logger. */
export function createKafka(clientId: string, brokers: string[], logger: Logger): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: () => ({ level, log }) => {
      const { message, ...extra } = log;
      const target = level <= logLevel.ERROR ? 'error' : 'warn';
      logger[target]({ kafkajs: extra, namespace: log.namespace }, message);
    },
    retry: { retries: 8, initialRetryTime: 200 },
  });
}

/**
 * Idempotent producer with acks=all (DESIGN.md §3): the broker de-duplicates retries of one producer session, and a
 * send resolves only when every in-sync replica has the record.
 */
export function createReliableProducer(kafka: Kafka): Producer {
  // kafkajs requires unlimited retries for an idempotent producer (a bounded retry count may give up on a send the
  // broker later accepts, breaking the exactly-once sequence); the outbox relay already bounds time with its back-off.
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // Said explicitly (kafkajs 2 warns otherwise): murmur2 on the key, as the Java client, so a key keeps its partition.
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 5_000 },
  });
}

export const ACKS_ALL = -1;
