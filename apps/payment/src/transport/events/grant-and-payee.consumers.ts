// Kafka edge of the payment service: decodes the proto payload of other services' events and routes them by
// CloudEvents type to their effect. Unknown types on a topic are acknowledged and ignored (producers may add
// events). Undecodable payloads are malformed: they go to the group's dead-letter topic at once.
import { ClaimAssessed } from '@stap/contracts/stap/advice/events/v1/events';
import { ApplicationGranted, ApplicationWithdrawn, ParticipationProofSubmitted } from '@stap/contracts/stap/portal/events/v1/events';
import {
  AdviserOrganisationRegistered,
  BankAccountChanged,
  ProviderRegistered,
  ProviderReinstated,
  ProviderSuspended,
} from '@stap/contracts/stap/providers/events/v1/events';
import { ScholingApplicationDecided } from '@stap/contracts/stap/register/events/v1/events';
import { ConsumerRunner, MalformedEventError, deadLetterTopicFor, type CloudEvent, type TopicSpec } from '@stap/platform/kafka';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { applyApplicationGranted, applyClaimAssessed, applyScholingApplicationDecided } from '../../application/apply-grant-events';
import { applyApplicationWithdrawn } from '../../application/apply-application-withdrawn';
import { applyParticipationProof } from '../../application/apply-participation-proof';
import {
  applyAdviserOrganisationRegistered,
  applyBankAccountChanged,
  applyProviderRegistered,
  applyProviderReinstated,
  applyProviderSuspended,
} from '../../application/apply-payee-events';
import type { PrismaClient, TransactionClient } from '../../infrastructure/prisma/client';

/** The source topics, named in the producers' events.proto files. Overridable so tests use their own topics. */
export interface SourceTopics {
  portalApplication: string;
  registerScholingApplication: string;
  adviceClaim: string;
  providersProvider: string;
  providersAdviserOrganisation: string;
}

export const SOURCE_TOPICS: SourceTopics = {
  portalApplication: 'stap.portal.application.v1',
  registerScholingApplication: 'stap.register.scholing_application.v1',
  adviceClaim: 'stap.advice.claim.v1',
  providersProvider: 'stap.providers.provider.v1',
  providersAdviserOrganisation: 'stap.providers.adviser_organisation.v1',
};

export function prefixedSourceTopics(prefix: string): SourceTopics {
  const entries = Object.entries(SOURCE_TOPICS).map(([key, name]) => [key, `${prefix}${name}`]);
  return Object.fromEntries(entries) as unknown as SourceTopics;
}

export const PAYMENT_GROUP = 'payment.sources';

interface Decoder<T> {
  decode(input: Uint8Array): T;
}

function decode<T>(decoder: Decoder<T>, event: CloudEvent, name: string): T {
  try {
    return decoder.decode(event.data);
  } catch (error) {
    throw new MalformedEventError(`undecodable ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type Route = (event: CloudEvent, tx: TransactionClient) => Promise<void>;

const ROUTES: Record<string, Route> = {
  'nl.stap.portal.application_granted.v1': (e, tx) => applyApplicationGranted(tx, e.id, decode(ApplicationGranted, e, 'ApplicationGranted')),
  'nl.stap.portal.application_withdrawn.v1': async (e, tx) => {
    await applyApplicationWithdrawn(tx, e.id, decode(ApplicationWithdrawn, e, 'ApplicationWithdrawn'));
  },
  'nl.stap.portal.participation_proof_submitted.v1': (e, tx) =>
    applyParticipationProof(tx, e.id, decode(ParticipationProofSubmitted, e, 'ParticipationProofSubmitted')),
  'nl.stap.register.scholing_application_decided.v1': (e, tx) =>
    applyScholingApplicationDecided(tx, e.id, decode(ScholingApplicationDecided, e, 'ScholingApplicationDecided')),
  'nl.stap.advice.claim_assessed.v1': (e, tx) => applyClaimAssessed(tx, e.id, decode(ClaimAssessed, e, 'ClaimAssessed')),
  'nl.stap.providers.provider_registered.v1': (e, tx) => applyProviderRegistered(tx, decode(ProviderRegistered, e, 'ProviderRegistered')),
  'nl.stap.providers.adviser_organisation_registered.v1': (e, tx) =>
    applyAdviserOrganisationRegistered(tx, decode(AdviserOrganisationRegistered, e, 'AdviserOrganisationRegistered')),
  'nl.stap.providers.bank_account_changed.v1': (e, tx) => applyBankAccountChanged(tx, decode(BankAccountChanged, e, 'BankAccountChanged')),
  'nl.stap.providers.provider_suspended.v1': (e, tx) => applyProviderSuspended(tx, decode(ProviderSuspended, e, 'ProviderSuspended')),
  'nl.stap.providers.provider_reinstated.v1': (e, tx) => applyProviderReinstated(tx, decode(ProviderReinstated, e, 'ProviderReinstated')),
};

async function handle(event: CloudEvent, tx: TransactionClient): Promise<void> {
  await ROUTES[event.type]?.(event, tx);
}

export interface PaymentConsumer {
  runner: ConsumerRunner<TransactionClient>;
  /** Source topics and the group's dead-letter topic, to be ensured before start. */
  topics: TopicSpec[];
}

export function paymentSourcesConsumer(
  kafka: Kafka,
  prisma: PrismaClient,
  logger: Logger,
  options: { groupSuffix?: string; topics?: SourceTopics } = {},
): PaymentConsumer {
  const groupId = PAYMENT_GROUP + (options.groupSuffix ?? '');
  const topics = options.topics ?? SOURCE_TOPICS;
  const runner = new ConsumerRunner<TransactionClient>({
    kafka,
    groupId,
    topics: Object.values(topics),
    logger: logger.child({ component: 'consumer', group: groupId }),
    handle,
    runInTransaction: (fn) => prisma.$transaction(fn),
  });
  const specs = Object.values(topics).map((name): TopicSpec => ({ name, partitions: 3 }));
  return { runner, topics: [...specs, deadLetterTopicFor(groupId)] };
}
