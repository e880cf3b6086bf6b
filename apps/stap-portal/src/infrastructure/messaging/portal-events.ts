// The events stap-portal publishes, in the NL GOV CloudEvents profile (DESIGN.md §3), as named in
// proto/stap/portal/events/v1/events.proto: topic per aggregate, key and subject the aggregate id, proto payload.
// Consumers: scholingsregister counts grants per training; payment creates purchase orders (ApplicationGranted) and
// settles or recovers (ParticipationProofSubmitted).
import type { DomainEvent, TopicSpec } from '@stap/platform/kafka';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import {
  ApplicationGranted,
  ApplicationReceived,
  ApplicationRejected,
  ApplicationWithdrawn,
  BudgetRolledOver,
  ChangeReportHandled,
  ChangeReported,
  EnrolmentCertificateIssued,
  EnrolmentCertificateRevoked,
  ParticipationProofSubmitted,
  TijdvakCeilingReached,
  TijdvakClosed,
  TijdvakOpened,
  TijdvakScheduled,
} from '@stap/contracts/stap/portal/events/v1/events';
import { ApplicationChannel, ChangeReportKind, CompletionBasis, NonCompletionReason, RejectionReason } from '@stap/contracts/stap/portal/v1/portal';
import { toDateParts } from '../../domain/dates';
import type { RejectionReason as Reason } from '../../domain/reasons';

export const EVENT_SOURCE = 'urn:nld:stap:stap-portal';

export const TIJDVAK_TOPIC: TopicSpec = { name: 'stap.portal.tijdvak.v1', partitions: 1 };
export const APPLICATION_TOPIC: TopicSpec = { name: 'stap.portal.application.v1', partitions: 6 };
export const CERTIFICATE_TOPIC: TopicSpec = { name: 'stap.portal.enrolment_certificate.v1', partitions: 3 };
export const PORTAL_TOPICS = [TIJDVAK_TOPIC, APPLICATION_TOPIC, CERTIFICATE_TOPIC];

const TYPE = (event: string) => `nl.stap.portal.${event}.v1`;
const money = (cents: number | bigint) => ({ amountCents: String(cents), currency: 'EUR' });
const ref = (tijdvakId: string) => ({ regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId });

export function rejectionReasonCode(reason: Reason): RejectionReason {
  return RejectionReason[`REJECTION_REASON_${reason}` as keyof typeof RejectionReason];
}

function event(topic: TopicSpec, aggregateId: string, type: string, message: string, payload: Uint8Array, occurredAt: Date): DomainEvent {
  return { topic: topic.name, aggregateId, type: TYPE(type), dataschema: `stap.portal.events.v1.${message}`, payload, occurredAt };
}

export interface TijdvakFigures {
  id: string;
  opensAt: Date;
  closesAt: Date;
  baseBudgetCents: bigint;
  ceilingCents: bigint;
  counterReserveCents: bigint;
  committedOnlineCents: bigint;
  committedCounterCents: bigint;
  receivedCount: bigint;
  grantedCount: bigint;
  rejectedCount: bigint;
}

export function tijdvakScheduledEvent(t: TijdvakFigures, at: Date): DomainEvent {
  const payload = TijdvakScheduled.encode({
    tijdvak: ref(t.id), opensAt: t.opensAt.toISOString(), closesAt: t.closesAt.toISOString(), baseBudget: money(t.baseBudgetCents), counterReserve: money(t.counterReserveCents),
  }).finish();
  return event(TIJDVAK_TOPIC, t.id, 'tijdvak_scheduled', 'TijdvakScheduled', payload, at);
}

export function tijdvakOpenedEvent(t: TijdvakFigures, ticketsAtOpening: number, at: Date): DomainEvent {
  const payload = TijdvakOpened.encode({ tijdvak: ref(t.id), ceiling: money(t.ceilingCents), ticketsAtOpening: String(ticketsAtOpening), openedAt: at.toISOString() }).finish();
  return event(TIJDVAK_TOPIC, t.id, 'tijdvak_opened', 'TijdvakOpened', payload, at);
}

export function ceilingReachedEvent(tijdvakId: string, committedCents: number, grantedCount: number, lastGrantedSequence: number, at: Date): DomainEvent {
  const payload = TijdvakCeilingReached.encode({
    tijdvak: ref(tijdvakId), committed: money(committedCents), grantedCount: String(grantedCount), lastGrantedReceiptSequence: String(lastGrantedSequence), reachedAt: at.toISOString(),
  }).finish();
  return event(TIJDVAK_TOPIC, tijdvakId, 'tijdvak_ceiling_reached', 'TijdvakCeilingReached', payload, at);
}

export function tijdvakClosedEvent(t: TijdvakFigures, unusedCents: number, at: Date): DomainEvent {
  const payload = TijdvakClosed.encode({
    tijdvak: ref(t.id), ceiling: money(t.ceilingCents), committed: money(t.committedOnlineCents + t.committedCounterCents), unused: money(unusedCents),
    receivedCount: String(t.receivedCount), grantedCount: String(t.grantedCount), rejectedCount: String(t.rejectedCount), closedAt: at.toISOString(),
  }).finish();
  return event(TIJDVAK_TOPIC, t.id, 'tijdvak_closed', 'TijdvakClosed', payload, at);
}

export function budgetRolledOverEvent(fromId: string, toId: string, cents: number, at: Date): DomainEvent {
  const payload = BudgetRolledOver.encode({ fromTijdvak: ref(fromId), toTijdvak: ref(toId), amount: money(cents), rolledOverAt: at.toISOString() }).finish();
  return event(TIJDVAK_TOPIC, fromId, 'budget_rolled_over', 'BudgetRolledOver', payload, at);
}

export function certificateIssuedEvent(c: { number: string; providerId: string; trainingId: string; startMomentId: string; amountCents: bigint; issuedAt: Date }): DomainEvent {
  const payload = EnrolmentCertificateIssued.encode({
    number: c.number, providerId: c.providerId, trainingId: c.trainingId, startMomentId: c.startMomentId, amount: money(c.amountCents), issuedAt: c.issuedAt.toISOString(),
  }).finish();
  return event(CERTIFICATE_TOPIC, c.number, 'enrolment_certificate_issued', 'EnrolmentCertificateIssued', payload, c.issuedAt);
}

export function certificateRevokedEvent(c: { number: string; providerId: string; reason: string; revokedAt: Date }): DomainEvent {
  const payload = EnrolmentCertificateRevoked.encode({ number: c.number, providerId: c.providerId, reason: c.reason, revokedAt: c.revokedAt.toISOString() }).finish();
  return event(CERTIFICATE_TOPIC, c.number, 'enrolment_certificate_revoked', 'EnrolmentCertificateRevoked', payload, c.revokedAt);
}

/** Payment decommits and cancels the purchase order; the register may lower its grant count. No BSN, as every event. */
export function applicationWithdrawnEvent(w: { applicationId: string; tijdvakId: string; wasGranted: boolean; releasedCents: number; withdrawnAt: Date }): DomainEvent {
  const payload = ApplicationWithdrawn.encode({
    applicationId: w.applicationId, tijdvak: ref(w.tijdvakId), wasGranted: w.wasGranted,
    releasedAmount: w.wasGranted ? money(w.releasedCents) : undefined, withdrawnAt: w.withdrawnAt.toISOString(),
  }).finish();
  return event(APPLICATION_TOPIC, w.applicationId, 'application_withdrawn', 'ApplicationWithdrawn', payload, w.withdrawnAt);
}

/** ChangeReported: thin (no BSN, no e-mail address, no free text); see events.proto. */
export function changeReportedEvent(r: {
  id: string; applicationId: string; tijdvakId: string; kind: string; stoppedOn: string | null; newStartDate: string | null; reportedByOfficer: boolean; reportedAt: Date;
}): DomainEvent {
  const payload = ChangeReported.encode({
    applicationId: r.applicationId, tijdvak: ref(r.tijdvakId), changeReportId: r.id,
    kind: ChangeReportKind[`CHANGE_REPORT_KIND_${r.kind}` as keyof typeof ChangeReportKind] ?? ChangeReportKind.CHANGE_REPORT_KIND_UNSPECIFIED,
    stoppedOn: r.stoppedOn ? toDateParts(r.stoppedOn) : undefined, newStartDate: r.newStartDate ? toDateParts(r.newStartDate) : undefined,
    reportedByOfficer: r.reportedByOfficer, reportedAt: r.reportedAt.toISOString(),
  }).finish();
  return event(APPLICATION_TOPIC, r.applicationId, 'change_reported', 'ChangeReported', payload, r.reportedAt);
}

/** ChangeReportHandled: thin (no BSN, no outcome note, no officer); see events.proto. */
export function changeReportHandledEvent(r: { id: string; applicationId: string; tijdvakId: string; kind: string; handledAt: Date }): DomainEvent {
  const payload = ChangeReportHandled.encode({
    applicationId: r.applicationId, tijdvak: ref(r.tijdvakId), changeReportId: r.id,
    kind: ChangeReportKind[`CHANGE_REPORT_KIND_${r.kind}` as keyof typeof ChangeReportKind] ?? ChangeReportKind.CHANGE_REPORT_KIND_UNSPECIFIED,
    handledAt: r.handledAt.toISOString(),
  }).finish();
  return event(APPLICATION_TOPIC, r.applicationId, 'change_report_handled', 'ChangeReportHandled', payload, r.handledAt);
}

export interface DecidedApplication {
  id: string;
  tijdvakId: string;
  channel: 'ONLINE' | 'COUNTER';
  providerId: string;
  trainingId: string;
  startMomentId: string;
  trainingStartDate: string;
  trainingEndDate: string;
  receiptSequence: number;
  receivedAt: Date;
  decidedAt: Date;
  granted: boolean;
  grantedCents: number;
  reasons: Reason[];
  decisionReference: string;
}

export function applicationEvents(a: DecidedApplication): DomainEvent[] {
  const received = ApplicationReceived.encode({
    applicationId: a.id, tijdvak: ref(a.tijdvakId),
    channel: a.channel === 'ONLINE' ? ApplicationChannel.APPLICATION_CHANNEL_ONLINE : ApplicationChannel.APPLICATION_CHANNEL_COUNTER,
    receiptSequence: String(a.receiptSequence), receivedAt: a.receivedAt.toISOString(),
  }).finish();
  const decided = a.granted
    ? event(APPLICATION_TOPIC, a.id, 'application_granted', 'ApplicationGranted', ApplicationGranted.encode({
        applicationId: a.id, tijdvak: ref(a.tijdvakId), providerId: a.providerId, trainingId: a.trainingId, startMomentId: a.startMomentId,
        trainingStartDate: toDateParts(a.trainingStartDate), trainingEndDate: toDateParts(a.trainingEndDate), grantedAmount: money(a.grantedCents),
        decision: { reference: a.decisionReference, decidedOn: undefined, reason: '' }, receiptSequence: String(a.receiptSequence), decidedAt: a.decidedAt.toISOString(),
      }).finish(), a.decidedAt)
    : event(APPLICATION_TOPIC, a.id, 'application_rejected', 'ApplicationRejected', ApplicationRejected.encode({
        applicationId: a.id, tijdvak: ref(a.tijdvakId), trainingId: a.trainingId, reasons: a.reasons.map(rejectionReasonCode),
        receiptSequence: String(a.receiptSequence), decidedAt: a.decidedAt.toISOString(),
      }).finish(), a.decidedAt);
  return [event(APPLICATION_TOPIC, a.id, 'application_received', 'ApplicationReceived', received, a.receivedAt), decided];
}

export interface SubmittedProof {
  id: string;
  applicationId: string;
  tijdvakId: string;
  providerId: string;
  completed: boolean;
  completionBasis: string | null;
  nonCompletionReason: string | null;
  illnessClaimed: boolean;
  late: boolean;
  submittedAt: Date;
}

export function proofSubmittedEvent(p: SubmittedProof): DomainEvent {
  const payload = ParticipationProofSubmitted.encode({
    applicationId: p.applicationId, tijdvak: ref(p.tijdvakId), providerId: p.providerId, participationProofId: p.id, completed: p.completed,
    completionBasis: p.completionBasis ? CompletionBasis[`COMPLETION_BASIS_${p.completionBasis}` as keyof typeof CompletionBasis] : CompletionBasis.COMPLETION_BASIS_UNSPECIFIED,
    nonCompletionReason: p.nonCompletionReason
      ? NonCompletionReason[`NON_COMPLETION_REASON_${p.nonCompletionReason}` as keyof typeof NonCompletionReason]
      : NonCompletionReason.NON_COMPLETION_REASON_UNSPECIFIED,
    illnessClaimed: p.illnessClaimed, late: p.late, submittedAt: p.submittedAt.toISOString(),
  }).finish();
  return event(APPLICATION_TOPIC, p.applicationId, 'participation_proof_submitted', 'ParticipationProofSubmitted', payload, p.submittedAt);
}
