// The events provider-registry publishes, in the NL GOV CloudEvents profile (DESIGN.md §3): source is the service's
// URN, type nl.stap.providers.<event>.v1, the Kafka key and subject are the aggregate id, the payload is the proto
// message of proto/stap/providers/events/v1/events.proto, unchanged.
import type { DomainEvent, TopicSpec } from '@stap/platform/kafka';
import * as Events from '@stap/contracts/stap/providers/events/v1/events';
import type { AdviserOrganisationRow, CareerAdviserRow, ProviderRow } from '../prisma/client';

export const EVENT_SOURCE = 'urn:nld:stap:provider-registry';

/** Providers number in the thousands; a few partitions give consumers parallelism with ordering per provider. */
export const PROVIDER_TOPIC: TopicSpec = { name: 'stap.providers.provider.v1', partitions: 3 };
export const ADVISER_ORGANISATION_TOPIC: TopicSpec = { name: 'stap.providers.adviser_organisation.v1', partitions: 3 };
export const CAREER_ADVISER_TOPIC: TopicSpec = { name: 'stap.providers.career_adviser.v1', partitions: 3 };
export const ALL_TOPICS = [PROVIDER_TOPIC, ADVISER_ORGANISATION_TOPIC, CAREER_ADVISER_TOPIC];

export const PROVIDER_EVENT_TYPES = {
  registered: 'nl.stap.providers.provider_registered.v1',
  detailsChanged: 'nl.stap.providers.provider_details_changed.v1',
  recognitionGranted: 'nl.stap.providers.recognition_granted.v1',
  recognitionRenewed: 'nl.stap.providers.recognition_renewed.v1',
  recognitionRevoked: 'nl.stap.providers.recognition_revoked.v1',
  recognitionExpired: 'nl.stap.providers.recognition_expired.v1',
  investigationOpened: 'nl.stap.providers.provider_investigation_opened.v1',
  investigationClosed: 'nl.stap.providers.provider_investigation_closed.v1',
  suspended: 'nl.stap.providers.provider_suspended.v1',
  reinstated: 'nl.stap.providers.provider_reinstated.v1',
  ended: 'nl.stap.providers.provider_ended.v1',
  bankAccountChanged: 'nl.stap.providers.bank_account_changed.v1',
  adviserOrganisationRegistered: 'nl.stap.providers.adviser_organisation_registered.v1',
  careerAdviserRegistered: 'nl.stap.providers.career_adviser_registered.v1',
} as const;

interface Codec<M> {
  encode(message: M): { finish(): Uint8Array };
}

function event<M>(topic: TopicSpec, aggregateId: string, type: string, name: string, codec: Codec<M>, message: M, at?: Date): DomainEvent {
  return {
    topic: topic.name,
    aggregateId,
    type,
    dataschema: `stap.providers.events.v1.${name}`,
    payload: codec.encode(message).finish(),
    occurredAt: at,
  };
}

export function providerRegisteredEvent(provider: ProviderRow): DomainEvent {
  const message: Events.ProviderRegistered = {
    providerId: provider.id,
    kvkNumber: { value: provider.kvkNumber },
    legalName: provider.legalName,
    communicationName: provider.communicationName,
    registeredAt: provider.createdAt.toISOString(),
  };
  return event(PROVIDER_TOPIC, provider.id, PROVIDER_EVENT_TYPES.registered, 'ProviderRegistered', Events.ProviderRegistered, message, provider.createdAt);
}

export const providerDetailsChangedEvent = (m: Events.ProviderDetailsChanged) =>
  event(PROVIDER_TOPIC, m.providerId, PROVIDER_EVENT_TYPES.detailsChanged, 'ProviderDetailsChanged', Events.ProviderDetailsChanged, m);
export const recognitionGrantedEvent = (m: Events.RecognitionGranted) =>
  event(PROVIDER_TOPIC, m.providerId, PROVIDER_EVENT_TYPES.recognitionGranted, 'RecognitionGranted', Events.RecognitionGranted, m);
export const recognitionRenewedEvent = (m: Events.RecognitionRenewed) =>
  event(PROVIDER_TOPIC, m.providerId, PROVIDER_EVENT_TYPES.recognitionRenewed, 'RecognitionRenewed', Events.RecognitionRenewed, m);
export const recognitionRevokedEvent = (m: Events.RecognitionRevoked) =>
  event(PROVIDER_TOPIC, m.providerId, PROVIDER_EVENT_TYPES.recognitionRevoked, 'RecognitionRevoked', Events.RecognitionRevoked, m);
export const recognitionExpiredEvent = (m: Events.RecognitionExpired) =>
  event(PROVIDER_TOPIC, m.providerId, PROVIDER_EVENT_TYPES.recognitionExpired, 'RecognitionExpired', Events.RecognitionExpired, m);
export const investigationOpenedEvent = (m: Events.ProviderInvestigationOpened) =>
  event(PROVIDER_TOPIC, m.providerId, PROVIDER_EVENT_TYPES.investigationOpened, 'ProviderInvestigationOpened', Events.ProviderInvestigationOpened, m);
export const investigationClosedEvent = (m: Events.ProviderInvestigationClosed) =>
  event(PROVIDER_TOPIC, m.providerId, PROVIDER_EVENT_TYPES.investigationClosed, 'ProviderInvestigationClosed', Events.ProviderInvestigationClosed, m);
export const providerSuspendedEvent = (m: Events.ProviderSuspended) =>
  event(PROVIDER_TOPIC, m.providerId, PROVIDER_EVENT_TYPES.suspended, 'ProviderSuspended', Events.ProviderSuspended, m);
export const providerReinstatedEvent = (m: Events.ProviderReinstated) =>
  event(PROVIDER_TOPIC, m.providerId, PROVIDER_EVENT_TYPES.reinstated, 'ProviderReinstated', Events.ProviderReinstated, m);
export const providerEndedEvent = (m: Events.ProviderEnded) =>
  event(PROVIDER_TOPIC, m.providerId, PROVIDER_EVENT_TYPES.ended, 'ProviderEnded', Events.ProviderEnded, m);

/** On the owner's topic, keyed by the owner, so it stays in order with the owner's other events. */
export function bankAccountChangedEvent(m: Events.BankAccountChanged): DomainEvent {
  const owner = m.owner?.owner;
  const [topic, ownerId] =
    owner?.$case === 'adviserOrganisationId' ? [ADVISER_ORGANISATION_TOPIC, owner.value] : [PROVIDER_TOPIC, owner?.value ?? ''];
  return event(topic, ownerId, PROVIDER_EVENT_TYPES.bankAccountChanged, 'BankAccountChanged', Events.BankAccountChanged, m);
}

export function adviserOrganisationRegisteredEvent(organisation: AdviserOrganisationRow): DomainEvent {
  const message: Events.AdviserOrganisationRegistered = {
    adviserOrganisationId: organisation.id,
    kvkNumber: { value: organisation.kvkNumber },
    legalName: organisation.legalName,
    communicationName: organisation.communicationName,
    registeredAt: organisation.createdAt.toISOString(),
  };
  const type = PROVIDER_EVENT_TYPES.adviserOrganisationRegistered;
  return event(ADVISER_ORGANISATION_TOPIC, organisation.id, type, 'AdviserOrganisationRegistered', Events.AdviserOrganisationRegistered, message);
}

export function careerAdviserRegisteredEvent(adviser: CareerAdviserRow, activePeriod: Events.CareerAdviserRegistered['activePeriod'], register: number): DomainEvent {
  const message: Events.CareerAdviserRegistered = {
    careerAdviserId: adviser.id,
    adviserOrganisationId: adviser.adviserOrganisationId,
    name: adviser.name,
    register,
    registrationNumber: adviser.registrationNumber,
    hboLevel: adviser.hboLevel,
    yearsOfExperience: adviser.yearsOfExperience,
    activePeriod,
    registeredAt: adviser.createdAt.toISOString(),
  };
  const type = PROVIDER_EVENT_TYPES.careerAdviserRegistered;
  return event(CAREER_ADVISER_TOPIC, adviser.id, type, 'CareerAdviserRegistered', Events.CareerAdviserRegistered, message);
}
