// The events provider-registry publishes, in the NL GOV CloudEvents profile (DESIGN.md §3): source is the service's
// URN, type nl.stap.providers.<event>.v1, the Kafka key and subject are the provider id, the payload is the proto.
import type { DomainEvent, TopicSpec } from '@stap/platform/kafka';
import { ProviderRegistered } from '@stap/contracts/stap/providers/events/v1/events';
import type { ProviderRow } from '../prisma/client';

export const EVENT_SOURCE = 'urn:nld:stap:provider-registry';

/** Providers number in the thousands; a few partitions give consumers parallelism with ordering per provider. */
export const PROVIDER_TOPIC: TopicSpec = { name: 'stap.providers.provider.v1', partitions: 3 };

export const PROVIDER_EVENT_TYPES = {
  registered: 'nl.stap.providers.provider_registered.v1',
} as const;

export function providerRegisteredEvent(provider: ProviderRow): DomainEvent {
  const message: ProviderRegistered = {
    providerId: provider.id,
    kvkNumber: { value: provider.kvkNumber },
    legalName: provider.legalName,
    communicationName: provider.communicationName,
    registeredAt: provider.createdAt.toISOString(),
  };
  return {
    topic: PROVIDER_TOPIC.name,
    aggregateId: provider.id,
    type: PROVIDER_EVENT_TYPES.registered,
    dataschema: 'stap.providers.events.v1.ProviderRegistered',
    payload: ProviderRegistered.encode(message).finish(),
    occurredAt: provider.createdAt,
  };
}
