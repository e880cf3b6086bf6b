// Kafka edge for the portal's application events: each ApplicationGranted counts towards its training's grants of
// the year (verleningsgrens). Idempotent through the inbox: a redelivered event is not counted twice.
import { ApplicationGranted } from '@stap/contracts/stap/portal/events/v1/events';
import { ConsumerRunner, MalformedEventError, deadLetterTopicFor, type CloudEvent, type TopicSpec } from '@stap/platform/kafka';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { countGrant } from '../../application/count-grant';
import type { PrismaClient, TransactionClient } from '../../infrastructure/prisma/client';

export const APPLICATION_TOPIC: TopicSpec = { name: 'stap.portal.application.v1', partitions: 6 };
export const PORTAL_EVENTS_GROUP = 'scholingsregister.portal-applications';
export const APPLICATION_GRANTED = 'nl.stap.portal.application_granted.v1';

async function handle(event: CloudEvent, tx: TransactionClient): Promise<void> {
  if (event.type !== APPLICATION_GRANTED) return;
  let message: ApplicationGranted;
  try {
    message = ApplicationGranted.decode(event.data);
  } catch (error) {
    throw new MalformedEventError(`undecodable ApplicationGranted: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!/^[0-9a-f-]{36}$/i.test(message.trainingId)) throw new MalformedEventError('ApplicationGranted without a valid training_id');
  await countGrant(tx, message.trainingId, new Date(message.decidedAt ?? event.time ?? Date.now()));
}

/** `topic` is the portal's topic; a test passes a topic of its own so it reads only its own events. */
export function portalEventsConsumer(kafka: Kafka, prisma: PrismaClient, logger: Logger, groupSuffix = '', topic: TopicSpec = APPLICATION_TOPIC) {
  const groupId = PORTAL_EVENTS_GROUP + groupSuffix;
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
