// Kafka edge of the portal for the scholingsregister's training events, provider-registry's provider events
// (organisation login, recognitions, suspension, end) and payment's purchase orders (the order of a grant, an approved
// invoice, a cancellation that releases a withdrawn grant's amount) and settlement (exclusion after fault):
// decodes the proto payload and routes by CloudEvents type into the local read model. Types it does not know are
// acknowledged and ignored: producers may add events to a topic.
import { InvoiceApproved, PurchaseOrderCancelled, PurchaseOrderIssued, SettlementDecided } from '@stap/contracts/stap/payments/events/v1/events';
import * as Providers from '@stap/contracts/stap/providers/events/v1/events';
import { ProviderRegistered } from '@stap/contracts/stap/providers/events/v1/events';
import * as Register from '@stap/contracts/stap/register/events/v1/events';
import { ConsumerRunner, MalformedEventError, deadLetterTopicFor, type CloudEvent, type TopicSpec } from '@stap/platform/kafka';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import * as PurchaseOrders from '../../application/purchase-order-read-model';
import * as ReadModel from '../../application/register-read-model';
import type { PrismaClient, TransactionClient } from '../../infrastructure/prisma/client';

/** Topics named in proto/stap/register/events/v1 and proto/stap/providers/events/v1; either side may create them. */
export const TRAINING_TOPIC: TopicSpec = { name: 'stap.register.training.v1', partitions: 6 };
export const PROVIDER_TOPIC: TopicSpec = { name: 'stap.providers.provider.v1', partitions: 3 };
/**
 * payment's topic (proto/stap/payments/events/v1), key purchase_order_id: the order of a grant, approved invoices and a
 * cancellation (release of a withdrawn grant); SettlementDecided with person_at_fault excludes the person.
 */
export const PURCHASE_ORDER_TOPIC: TopicSpec = { name: 'stap.payments.purchase_order.v1', partitions: 3 };
export const REGISTER_EVENTS_GROUP = 'stap-portal.register';

interface Decoder<T> {
  decode(input: Uint8Array): T;
}

type Route = (event: CloudEvent, tx: TransactionClient) => Promise<void>;

function route<T>(decoder: Decoder<T>, name: string, apply: (tx: TransactionClient, message: T) => Promise<unknown>): Route {
  return async (event, tx) => {
    let message: T;
    try {
      message = decoder.decode(event.data);
    } catch (error) {
      throw new MalformedEventError(`undecodable ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await apply(tx, message);
  };
}

const R = 'nl.stap.register.';
const P = 'nl.stap.providers.';
export const ROUTES: Record<string, Route> = {
  [`${P}provider_registered.v1`]: route(ProviderRegistered, 'ProviderRegistered', ReadModel.applyProviderRegistered),
  [`${P}recognition_granted.v1`]: route(Providers.RecognitionGranted, 'RecognitionGranted', ReadModel.applyRecognitionValid),
  [`${P}recognition_renewed.v1`]: route(Providers.RecognitionRenewed, 'RecognitionRenewed', ReadModel.applyRecognitionValid),
  [`${P}recognition_revoked.v1`]: route(Providers.RecognitionRevoked, 'RecognitionRevoked', ReadModel.applyRecognitionRevoked),
  [`${P}recognition_expired.v1`]: route(Providers.RecognitionExpired, 'RecognitionExpired', ReadModel.applyRecognitionExpired),
  [`${P}provider_suspended.v1`]: route(Providers.ProviderSuspended, 'ProviderSuspended', ReadModel.applyProviderSuspended),
  [`${P}provider_reinstated.v1`]: route(Providers.ProviderReinstated, 'ProviderReinstated', ReadModel.applyProviderReinstated),
  [`${P}provider_ended.v1`]: route(Providers.ProviderEnded, 'ProviderEnded', ReadModel.applyProviderEnded),
  'nl.stap.payments.settlement_decided.v1': route(SettlementDecided, 'SettlementDecided', ReadModel.applySettlementDecided),
  'nl.stap.payments.purchase_order_issued.v1': route(PurchaseOrderIssued, 'PurchaseOrderIssued', PurchaseOrders.applyPurchaseOrderIssued),
  'nl.stap.payments.invoice_approved.v1': route(InvoiceApproved, 'InvoiceApproved', PurchaseOrders.applyInvoiceApproved),
  'nl.stap.payments.purchase_order_cancelled.v1': route(PurchaseOrderCancelled, 'PurchaseOrderCancelled', PurchaseOrders.applyPurchaseOrderCancelled),
  [`${R}training_registered.v1`]: route(Register.TrainingRegistered, 'TrainingRegistered', ReadModel.applyTrainingRegistered),
  [`${R}training_published.v1`]: route(Register.TrainingPublished, 'TrainingPublished', ReadModel.applyTrainingPublished),
  [`${R}training_stap_availability_changed.v1`]: route(Register.TrainingStapAvailabilityChanged, 'TrainingStapAvailabilityChanged', ReadModel.applyTrainingAvailability),
  [`${R}training_excluded.v1`]: route(Register.TrainingExcluded, 'TrainingExcluded', ReadModel.applyTrainingExcluded),
  [`${R}training_exclusion_lifted.v1`]: route(Register.TrainingExclusionLifted, 'TrainingExclusionLifted', ReadModel.applyTrainingExclusionLifted),
  [`${R}training_withdrawn.v1`]: route(Register.TrainingWithdrawn, 'TrainingWithdrawn', ReadModel.applyTrainingWithdrawn),
  [`${R}training_application_closed.v1`]: route(Register.TrainingApplicationClosed, 'TrainingApplicationClosed', ReadModel.applyTrainingApplicationClosed),
  [`${R}training_application_reopened.v1`]: route(Register.TrainingApplicationReopened, 'TrainingApplicationReopened', ReadModel.applyTrainingApplicationReopened),
  [`${R}start_moment_scheduled.v1`]: route(Register.StartMomentScheduled, 'StartMomentScheduled', ReadModel.applyStartMomentScheduled),
  [`${R}start_moment_changed.v1`]: route(Register.StartMomentChanged, 'StartMomentChanged', ReadModel.applyStartMomentChanged),
  [`${R}start_moment_cancelled.v1`]: route(Register.StartMomentCancelled, 'StartMomentCancelled', ReadModel.applyStartMomentCancelled),
  [`${R}start_moment_full.v1`]: route(Register.StartMomentFull, 'StartMomentFull', ReadModel.applyStartMomentFull),
};

export async function handleRegisterEvent(event: CloudEvent, tx: TransactionClient): Promise<void> {
  await ROUTES[event.type]?.(event, tx);
}

export interface RegisterEventsConsumer {
  runner: ConsumerRunner<TransactionClient>;
  topics: TopicSpec[];
}

export function registerEventsConsumer(kafka: Kafka, prisma: PrismaClient, logger: Logger, groupSuffix = ''): RegisterEventsConsumer {
  const groupId = REGISTER_EVENTS_GROUP + groupSuffix;
  const runner = new ConsumerRunner<TransactionClient>({
    kafka,
    groupId,
    topics: [TRAINING_TOPIC.name, PROVIDER_TOPIC.name, PURCHASE_ORDER_TOPIC.name],
    logger: logger.child({ component: 'consumer', group: groupId }),
    handle: handleRegisterEvent,
    runInTransaction: (fn) => prisma.$transaction(fn),
  });
  return { runner, topics: [TRAINING_TOPIC, PROVIDER_TOPIC, PURCHASE_ORDER_TOPIC, deadLetterTopicFor(groupId)] };
}
