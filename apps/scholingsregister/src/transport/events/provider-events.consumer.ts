// Kafka edge of the scholingsregister for provider-registry's events: decodes the proto payload and routes by
// CloudEvents type. Types it does not know are acknowledged and ignored: producers may add events to a topic.
import * as P from '@stap/contracts/stap/providers/events/v1/events';
import { ConsumerRunner, MalformedEventError, deadLetterTopicFor, type CloudEvent, type TopicSpec } from '@stap/platform/kafka';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { applyProviderRegistered } from '../../application/apply-provider-registered';
import { applyProviderFact, type ProviderFact } from '../../application/apply-provider-events';
import type { PrismaClient, TransactionClient } from '../../infrastructure/prisma/client';

/** provider-registry's topic (named in proto/stap/providers/events/v1/events.proto); either side may create it. */
export const PROVIDER_TOPIC: TopicSpec = { name: 'stap.providers.provider.v1', partitions: 3 };
export const PROVIDER_EVENTS_GROUP = 'scholingsregister.providers';
const TYPE = (name: string) => `nl.stap.providers.${name}.v1`;

function decode<T>(codec: { decode(data: Uint8Array): T }, event: CloudEvent): T {
  try {
    return codec.decode(event.data);
  } catch (error) {
    throw new MalformedEventError(`undecodable ${event.type}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A google.type.Date as yyyy-mm-dd; unset (or year 0) is undefined: the decision applies from now. */
function isoDateOf(date: { year: number; month: number; day: number } | undefined): string | undefined {
  if (!date || date.year === 0) return undefined;
  const iso = `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  if (Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso) throw new MalformedEventError(`invalid effective_date ${iso}`);
  return iso;
}

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The register's reading of each provider event it cares about; undefined for the others. */
function factOf(event: CloudEvent): ProviderFact | undefined {
  switch (event.type) {
    case TYPE('recognition_granted'): {
      const m = decode(P.RecognitionGranted, event);
      return { kind: 'recognition', providerId: m.providerId, recognitionId: m.recognitionId, status: 'VALID' };
    }
    case TYPE('recognition_renewed'): {
      const m = decode(P.RecognitionRenewed, event);
      return { kind: 'recognition', providerId: m.providerId, recognitionId: m.recognitionId, status: 'VALID' };
    }
    case TYPE('recognition_revoked'): {
      const m = decode(P.RecognitionRevoked, event);
      return { kind: 'recognition', providerId: m.providerId, recognitionId: m.recognitionId, status: 'REVOKED', effectiveDate: isoDateOf(m.effectiveDate) };
    }
    case TYPE('recognition_expired'): {
      const m = decode(P.RecognitionExpired, event);
      return { kind: 'recognition', providerId: m.providerId, recognitionId: m.recognitionId, status: 'EXPIRED' };
    }
    case TYPE('provider_suspended'): {
      const m = decode(P.ProviderSuspended, event);
      return { kind: 'suspended', providerId: m.providerId, effectiveDate: isoDateOf(m.effectiveDate) };
    }
    case TYPE('provider_reinstated'): {
      const m = decode(P.ProviderReinstated, event);
      return { kind: 'reinstated', providerId: m.providerId, effectiveDate: isoDateOf(m.effectiveDate) };
    }
    case TYPE('provider_ended'): {
      // end_date is the registration's last day: the end takes effect the day after.
      const m = decode(P.ProviderEnded, event);
      const lastDay = isoDateOf(m.endDate);
      return { kind: 'ended', providerId: m.providerId, effectiveDate: lastDay ? dayAfter(lastDay) : undefined };
    }
    default:
      return undefined;
  }
}

async function handle(event: CloudEvent, tx: TransactionClient): Promise<void> {
  if (event.type === TYPE('provider_registered')) return applyProviderRegistered(tx, decode(P.ProviderRegistered, event));
  const fact = factOf(event);
  if (fact) await applyProviderFact(tx, fact);
}

export interface ProviderEventsConsumer {
  runner: ConsumerRunner<TransactionClient>;
  /** The topics the runner needs: the source topic and the group's dead-letter topic. */
  topics: TopicSpec[];
}

/** `topic` is provider-registry's topic; a test passes a topic of its own so it reads only its own events. */
export function providerEventsConsumer(kafka: Kafka, prisma: PrismaClient, logger: Logger, groupSuffix = '', topic: TopicSpec = PROVIDER_TOPIC): ProviderEventsConsumer {
  const groupId = PROVIDER_EVENTS_GROUP + groupSuffix;
  const runner = new ConsumerRunner<TransactionClient>({
    kafka,
    groupId,
    topics: [topic.name],
    logger: logger.child({ component: 'consumer', group: groupId }),
    handle,
    runInTransaction: (fn) => prisma.$transaction(fn),
  });
  return { runner, topics: [topic, deadLetterTopicFor(groupId)] };
}
