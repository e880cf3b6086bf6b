// Kafka edge of the scholingsregister for provider-registry's events: decodes the proto payload and routes by
// CloudEvents type. Types it does not know yet are acknowledged and ignored: producers may add events to a topic.
import { ProviderRegistered } from '@stap/contracts/stap/providers/events/v1/events';
import { ConsumerRunner, MalformedEventError, deadLetterTopicFor, type CloudEvent, type TopicSpec } from '@stap/platform/kafka';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { applyProviderRegistered } from '../../application/apply-provider-registered';
import type { PrismaClient, TransactionClient } from '../../infrastructure/prisma/client';

/** provider-registry's topic (named in proto/stap/providers/events/v1/events.proto); either side may create it. */
export const PROVIDER_TOPIC: TopicSpec = { name: 'stap.providers.provider.v1', partitions: 3 };
export const PROVIDER_EVENTS_GROUP = 'scholingsregister.providers';

async function handle(event: CloudEvent, tx: TransactionClient): Promise<void> {
  if (event.type === 'nl.stap.providers.provider_registered.v1') {
    let message: ProviderRegistered;
    try {
      message = ProviderRegistered.decode(event.data);
    } catch (error) {
      throw new MalformedEventError(`undecodable ProviderRegistered: ${error instanceof Error ? error.message : String(error)}`);
    }
    await applyProviderRegistered(tx, message);
  }
}

export interface ProviderEventsConsumer {
  runner: ConsumerRunner<TransactionClient>;
  /** The topics the runner needs: the source topic and the group's dead-letter topic. */
  topics: TopicSpec[];
}

export function providerEventsConsumer(kafka: Kafka, prisma: PrismaClient, logger: Logger, groupSuffix = ''): ProviderEventsConsumer {
  const groupId = PROVIDER_EVENTS_GROUP + groupSuffix;
  const runner = new ConsumerRunner<TransactionClient>({
    kafka,
    groupId,
    topics: [PROVIDER_TOPIC.name],
    logger: logger.child({ component: 'consumer', group: groupId }),
    handle,
    runInTransaction: (fn) => prisma.$transaction(fn),
  });
  return { runner, topics: [PROVIDER_TOPIC, deadLetterTopicFor(groupId)] };
}
