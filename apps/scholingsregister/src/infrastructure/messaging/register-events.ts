// The events the scholingsregister publishes (proto/stap/register/events/v1/events.proto), as outbox rows written
// in the same transaction as the change (DESIGN.md §3). Every change to a training or start moment has one.
import type { DomainEvent, TopicSpec } from '@stap/platform/kafka';
import { outboxRecord } from '@stap/platform/kafka';
import * as E from '@stap/contracts/stap/register/events/v1/events';
import type { TransactionClient } from '../prisma/client';

export const EVENT_SOURCE = 'urn:nld:stap:scholingsregister';
export const TRAINING_TOPIC: TopicSpec = { name: 'stap.register.training.v1', partitions: 6 };
export const FEED_TOPIC: TopicSpec = { name: 'stap.register.feed.v1', partitions: 3 };
export const SCHOLING_TOPIC: TopicSpec = { name: 'stap.register.scholing_application.v1', partitions: 3 };
export const REGISTER_TOPICS = [TRAINING_TOPIC, FEED_TOPIC, SCHOLING_TOPIC];

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
}

function event<T>(topic: TopicSpec, snakeName: string, messageName: string, codec: Codec<T>, aggregateId: string, message: T): DomainEvent {
  return {
    topic: topic.name,
    aggregateId,
    type: `nl.stap.register.${snakeName}.v1`,
    dataschema: `stap.register.events.v1.${messageName}`,
    payload: codec.encode(message).finish(),
  };
}

const now = () => new Date().toISOString();
const money = (cents: number | bigint) => ({ amountCents: String(cents), currency: 'EUR' });
const date = (iso: string) => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) });

export const trainingEvents = {
  registered: (m: Omit<E.TrainingRegistered, 'registeredAt' | 'status'> & { status: number }) =>
    event(TRAINING_TOPIC, 'training_registered', 'TrainingRegistered', E.TrainingRegistered, m.trainingId, { ...m, registeredAt: now() }),
  published: (trainingId: string, providerId: string, notAvailableForStap: boolean) =>
    event(TRAINING_TOPIC, 'training_published', 'TrainingPublished', E.TrainingPublished, trainingId, { trainingId, providerId, notAvailableForStap, publishedAt: now() }),
  changed: (trainingId: string, version: number, changedFields: string[]) =>
    event(TRAINING_TOPIC, 'training_changed', 'TrainingChanged', E.TrainingChanged, trainingId, { trainingId, version: String(version), changedFields, changedAt: now() }),
  applicationClosed: (trainingId: string, reason: number, grantLimitYear: number) =>
    event(TRAINING_TOPIC, 'training_application_closed', 'TrainingApplicationClosed', E.TrainingApplicationClosed, trainingId, { trainingId, reason, grantLimitYear, closedAt: now() }),
  applicationReopened: (trainingId: string) =>
    event(TRAINING_TOPIC, 'training_application_reopened', 'TrainingApplicationReopened', E.TrainingApplicationReopened, trainingId, { trainingId, reopenedAt: now() }),
  withdrawn: (trainingId: string, reason: string) =>
    event(TRAINING_TOPIC, 'training_withdrawn', 'TrainingWithdrawn', E.TrainingWithdrawn, trainingId, { trainingId, reason, withdrawnAt: now() }),
  stapAvailabilityChanged: (trainingId: string, notAvailableForStap: boolean) =>
    event(TRAINING_TOPIC, 'training_stap_availability_changed', 'TrainingStapAvailabilityChanged', E.TrainingStapAvailabilityChanged, trainingId, { trainingId, notAvailableForStap, changedAt: now() }),
  excluded: (trainingId: string, providerId: string, reasonCode: number, decision: { reference: string; reason: string; decidedOn?: string }) =>
    event(TRAINING_TOPIC, 'training_excluded', 'TrainingExcluded', E.TrainingExcluded, trainingId, {
      trainingId, providerId, reasonCode, excludedAt: now(),
      decision: { reference: decision.reference, reason: decision.reason, decidedOn: decision.decidedOn ? date(decision.decidedOn) : undefined },
    }),
  exclusionLifted: (trainingId: string, decision: { reference: string; reason: string }) =>
    event(TRAINING_TOPIC, 'training_exclusion_lifted', 'TrainingExclusionLifted', E.TrainingExclusionLifted, trainingId, { trainingId, decision: { ...decision, decidedOn: undefined }, liftedAt: now() }),
  startMomentScheduled: (trainingId: string, sm: { id: string; startDate: string; endDate: string; totalCents: number; locationKind: number }) =>
    event(TRAINING_TOPIC, 'start_moment_scheduled', 'StartMomentScheduled', E.StartMomentScheduled, trainingId, {
      trainingId, startMomentId: sm.id, startDate: date(sm.startDate), endDate: date(sm.endDate), totalPriceInclVat: money(sm.totalCents), locationKind: sm.locationKind,
    }),
  startMomentChanged: (trainingId: string, sm: { id: string; startDate: string; endDate: string; totalCents: number; version: number }) =>
    event(TRAINING_TOPIC, 'start_moment_changed', 'StartMomentChanged', E.StartMomentChanged, trainingId, {
      trainingId, startMomentId: sm.id, startDate: date(sm.startDate), endDate: date(sm.endDate), totalPriceInclVat: money(sm.totalCents), version: String(sm.version),
    }),
  startMomentFull: (trainingId: string, startMomentId: string) =>
    event(TRAINING_TOPIC, 'start_moment_full', 'StartMomentFull', E.StartMomentFull, trainingId, { trainingId, startMomentId }),
  startMomentCancelled: (trainingId: string, startMomentId: string, reason: string) =>
    event(TRAINING_TOPIC, 'start_moment_cancelled', 'StartMomentCancelled', E.StartMomentCancelled, trainingId, { trainingId, startMomentId, reason, cancelledAt: now() }),
};

export const feedEvents = {
  received: (feedId: string, providerId: string, itemCount: number) =>
    event(FEED_TOPIC, 'feed_received', 'FeedReceived', E.FeedReceived, feedId, { feedSubmissionId: feedId, providerId, itemCount, receivedAt: now() }),
  processed: (feedId: string, providerId: string, status: number, appliedCount: number, failedCount: number) =>
    event(FEED_TOPIC, 'feed_processed', 'FeedProcessed', E.FeedProcessed, feedId, { feedSubmissionId: feedId, providerId, status, appliedCount, failedCount, processedAt: now() }),
};

export const scholingEvents = {
  submitted: (m: Omit<E.ScholingApplicationSubmitted, 'requestedAmount'> & { requestedCents: bigint }) => {
    const { requestedCents, ...rest } = m;
    return event(SCHOLING_TOPIC, 'scholing_application_submitted', 'ScholingApplicationSubmitted', E.ScholingApplicationSubmitted, m.scholingApplicationId, { ...rest, requestedAmount: money(requestedCents) });
  },
  decided: (m: Omit<E.ScholingApplicationDecided, 'grantedAmount' | 'decidedAt'> & { grantedCents: bigint }) => {
    const { grantedCents, ...rest } = m;
    return event(SCHOLING_TOPIC, 'scholing_application_decided', 'ScholingApplicationDecided', E.ScholingApplicationDecided, m.scholingApplicationId, { ...rest, grantedAmount: money(grantedCents), decidedAt: now() });
  },
};

/** Writes the events as outbox rows inside the caller's transaction. */
export async function emit(tx: TransactionClient, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.outboxEvent.createMany({ data: events.map((e) => outboxRecord(EVENT_SOURCE, e)) });
}
