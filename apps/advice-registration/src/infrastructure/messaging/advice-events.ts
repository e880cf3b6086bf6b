// The events advice-registration publishes (proto/stap/advice/events/v1/events.proto) in the NL GOV CloudEvents
// profile (DESIGN.md §3). No event carries a BSN or a participant's profile: ids, counts and amounts only.
import { outboxRecord, type DomainEvent, type TopicSpec } from '@stap/platform/kafka';
import * as Events from '@stap/contracts/stap/advice/events/v1/events';
import { ClaimLineRejectionReason } from '@stap/contracts/stap/advice/v1/advice';
import { RegelingCode, type TijdvakRef } from '@stap/contracts/stap/common/v1/common';
import type { TransactionClient } from '../prisma/client';

export const EVENT_SOURCE = 'urn:nld:stap:advice-registration';
export const TRAJECTORY_TOPIC: TopicSpec = { name: 'stap.advice.trajectory.v1', partitions: 3 };
export const CLAIM_TOPIC: TopicSpec = { name: 'stap.advice.claim.v1', partitions: 3 };
export const TRANCHE_TOPIC: TopicSpec = { name: 'stap.advice.tranche.v1', partitions: 1 };
export const ADVICE_TOPICS = [TRAJECTORY_TOPIC, CLAIM_TOPIC, TRANCHE_TOPIC];

interface Codec<M> {
  encode(message: M): { finish(): Uint8Array };
}

function event<M>(topic: TopicSpec, aggregateId: string, name: string, schema: string, codec: Codec<M>, message: M): DomainEvent {
  return {
    topic: topic.name,
    aggregateId,
    type: `nl.stap.advice.${name}.v1`,
    dataschema: `stap.advice.events.v1.${schema}`,
    payload: codec.encode(message).finish(),
  };
}

export function tijdvakRef(regeling: string, tijdvakId: string): TijdvakRef {
  const code = (RegelingCode as unknown as Record<string, number>)[`REGELING_CODE_${regeling}`] ?? 0;
  return { regelingCode: code, tijdvakId };
}

export const money = (cents: bigint | number) => ({ amountCents: String(cents), currency: 'EUR' });

export const dateMessage = (iso: string) => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) });

export const trajectoryRegistered = (m: Events.TrajectoryRegistered) =>
  event(TRAJECTORY_TOPIC, m.trajectoryId, 'trajectory_registered', 'TrajectoryRegistered', Events.TrajectoryRegistered, m);
export const trajectoryCompleted = (m: Events.TrajectoryCompleted) =>
  event(TRAJECTORY_TOPIC, m.trajectoryId, 'trajectory_completed', 'TrajectoryCompleted', Events.TrajectoryCompleted, m);
export const trajectoryCancelled = (m: Events.TrajectoryCancelled) =>
  event(TRAJECTORY_TOPIC, m.trajectoryId, 'trajectory_cancelled', 'TrajectoryCancelled', Events.TrajectoryCancelled, m);
export const trancheCapReached = (m: Events.TrancheCapReached) =>
  event(TRANCHE_TOPIC, m.tijdvak?.tijdvakId ?? '', 'tranche_cap_reached', 'TrancheCapReached', Events.TrancheCapReached, m);
export const claimSubmitted = (m: Events.ClaimSubmitted) =>
  event(CLAIM_TOPIC, m.claimId, 'claim_submitted', 'ClaimSubmitted', Events.ClaimSubmitted, m);
export const claimAssessed = (m: Events.ClaimAssessed) =>
  event(CLAIM_TOPIC, m.claimId, 'claim_assessed', 'ClaimAssessed', Events.ClaimAssessed, m);

export function rejectionReasonValue(reason: string | null): ClaimLineRejectionReason {
  const value = reason ? (ClaimLineRejectionReason as unknown as Record<string, number>)[`CLAIM_LINE_REJECTION_REASON_${reason}`] : undefined;
  return value ?? ClaimLineRejectionReason.CLAIM_LINE_REJECTION_REASON_UNSPECIFIED;
}

/** Writes the events into the outbox inside the caller's transaction (transactional outbox, DESIGN.md §3). */
export async function publish(tx: TransactionClient, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.outboxEvent.createMany({ data: events.map((e) => outboxRecord(EVENT_SOURCE, e)) });
}
