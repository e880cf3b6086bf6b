// Kafka edge of advice-registration: provider-registry's adviser events feed the adviser projection, payment's
// PaymentExecuted feeds the reconciliation's "paid". Payloads are decoded here and routed by CloudEvents type;
// unknown types are acknowledged and ignored (producers may add events to a topic). One consumer group, one inbox.
import { AdviserOrganisationRegistered, CareerAdviserRegistered } from '@stap/contracts/stap/providers/events/v1/events';
import { PaymentExecuted } from '@stap/contracts/stap/payments/events/v1/events';
import { ConsumerRunner, MalformedEventError, deadLetterTopicFor, type CloudEvent, type TopicSpec } from '@stap/platform/kafka';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { applyAdviserOrganisationRegistered, applyCareerAdviserRegistered } from '../../application/apply-provider-events';
import { applyPaymentExecuted } from '../../application/apply-payment-executed';
import type { PrismaClient, TransactionClient } from '../../infrastructure/prisma/client';

/** Topics named in proto/stap/providers/events/v1 and proto/stap/payments/events/v1; either side may create them. */
export const ADVISER_ORGANISATION_TOPIC: TopicSpec = { name: 'stap.providers.adviser_organisation.v1', partitions: 3 };
export const CAREER_ADVISER_TOPIC: TopicSpec = { name: 'stap.providers.career_adviser.v1', partitions: 3 };
export const PURCHASE_ORDER_TOPIC: TopicSpec = { name: 'stap.payments.purchase_order.v1', partitions: 3 };
export const CONSUMER_GROUP = 'advice-registration.events';

export const EVENT_TYPES = {
  adviserOrganisationRegistered: 'nl.stap.providers.adviser_organisation_registered.v1',
  careerAdviserRegistered: 'nl.stap.providers.career_adviser_registered.v1',
  paymentExecuted: 'nl.stap.payments.payment_executed.v1',
} as const;

interface Decoder<M> {
  decode(input: Uint8Array): M;
}

function decode<M>(decoder: Decoder<M>, name: string, event: CloudEvent): M {
  try {
    return decoder.decode(event.data);
  } catch (error) {
    throw new MalformedEventError(`undecodable ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function handleEvent(event: CloudEvent, tx: TransactionClient): Promise<void> {
  switch (event.type) {
    case EVENT_TYPES.adviserOrganisationRegistered:
      return applyAdviserOrganisationRegistered(tx, decode(AdviserOrganisationRegistered, 'AdviserOrganisationRegistered', event));
    case EVENT_TYPES.careerAdviserRegistered:
      return applyCareerAdviserRegistered(tx, decode(CareerAdviserRegistered, 'CareerAdviserRegistered', event));
    case EVENT_TYPES.paymentExecuted:
      return applyPaymentExecuted(tx, decode(PaymentExecuted, 'PaymentExecuted', event));
    default:
      return;
  }
}

export interface AdviceConsumers {
  runner: ConsumerRunner<TransactionClient>;
  /** The topics the runner needs: the source topics and the group's dead-letter topic. */
  topics: TopicSpec[];
}

export function adviceConsumers(kafka: Kafka, prisma: PrismaClient, logger: Logger, groupSuffix = ''): AdviceConsumers {
  const groupId = CONSUMER_GROUP + groupSuffix;
  const sources = [ADVISER_ORGANISATION_TOPIC, CAREER_ADVISER_TOPIC, PURCHASE_ORDER_TOPIC];
  const runner = new ConsumerRunner<TransactionClient>({
    kafka,
    groupId,
    topics: sources.map((topic) => topic.name),
    logger: logger.child({ component: 'consumer', group: groupId }),
    handle: handleEvent,
    runInTransaction: (fn) => prisma.$transaction(fn),
  });
  return { runner, topics: [...sources, deadLetterTopicFor(groupId)] };
}
