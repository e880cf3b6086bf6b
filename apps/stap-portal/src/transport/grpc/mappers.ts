// Stored rows → contract messages. Money leaves as int64 cents strings with currency EUR.
import { ActorType, RegelingCode } from '@stap/contracts/stap/common/v1/common';
import {
  ApplicationChannel,
  ApplicationStatus,
  EnrolmentCertificateStatus,
  QueueTicketState,
  TijdvakStatus,
  LookupPurpose,
  type Application,
  type DataAccessRecord,
  type EnrolmentCertificate,
  type PreRegistration,
  type QueueTicket,
  type Tijdvak,
} from '@stap/contracts/stap/portal/v1/portal';
import { amsterdamDateOf } from '@stap/regelingen';
import type { DataAccessRow } from '../../application/data-access-records';
import type { PreRegistrationRecord } from '../../application/pre-registrations';
import type { Ticket } from '../../application/waiting-room';
import { counterReserveReleaseOf, statusOf } from '../../application/tijdvakken';
import { toDateParts } from '../../domain/dates';
import type { RejectionReason as Reason } from '../../domain/reasons';
import { rulesByVersion } from '../../domain/rules-version';
import { counterRemainingCents, latestTrainingStart, onlineRemainingCents } from '../../domain/tijdvak';
import type { DecidedRecord } from '../../infrastructure/decisions/decision-pipeline';
import { rejectionReasonCode } from '../../infrastructure/messaging/portal-events';
import type { ApplicationRow, CertificateRow, TijdvakRow } from '../../infrastructure/prisma/client';

export const money = (cents: number | bigint) => ({ amountCents: String(cents), currency: 'EUR' });
export const tijdvakRef = (tijdvakId: string) => ({ regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId });

export function toTijdvakMessage(row: TijdvakRow, now: Date): Tijdvak {
  const budget = {
    ceilingCents: Number(row.ceilingCents),
    counterReserveCents: Number(row.counterReserveCents),
    committedOnlineCents: Number(row.committedOnlineCents),
    committedCounterCents: Number(row.committedCounterCents),
  };
  return {
    ref: tijdvakRef(row.id),
    displayName: row.displayName,
    status: TijdvakStatus[`TIJDVAK_STATUS_${statusOf(row, now)}` as keyof typeof TijdvakStatus],
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    baseBudget: money(row.baseBudgetCents),
    rolledOverIn: money(row.rolledOverInCents),
    ceiling: money(row.ceilingCents),
    counterReserve: money(row.counterReserveCents),
    committed: money(row.committedOnlineCents + row.committedCounterCents),
    onlineRemaining: money(onlineRemainingCents(budget)),
    counterRemaining: money(counterRemainingCents(budget)),
    receivedCount: String(row.receivedCount),
    grantedCount: String(row.grantedCount),
    rejectedCount: String(row.rejectedCount),
    latestTrainingStart: toDateParts(latestTrainingStart(row.closesAt, rulesByVersion(row.rulesVersion))),
    rolledOverOut: row.rolledOverOutCents === null ? undefined : money(row.rolledOverOutCents),
    rolledOverToTijdvakId: row.rolledOverTo ?? '',
    rulesVersion: row.rulesVersion,
    counterReserveReleaseAt: counterReserveReleaseOf(row)?.toISOString(),
  };
}

export function toTicketMessage(ticket: Ticket): QueueTicket {
  const { view } = ticket;
  return {
    ticketId: ticket.row.id,
    ticketSecret: ticket.secret ?? '',
    tijdvak: tijdvakRef(ticket.tijdvak.id),
    state: QueueTicketState[`QUEUE_TICKET_STATE_${view.state}` as keyof typeof QueueTicketState],
    position: String(view.position),
    peopleAhead: String(view.peopleAhead),
    estimatedWait: view.estimatedWaitMs === undefined ? undefined : { seconds: String(Math.ceil(view.estimatedWaitMs / 1000)), nanos: 0 },
    admissionToken: ticket.admissionToken ?? '',
    admissionExpiresAt: ticket.admissionExpiresAt?.toISOString(),
    joinedAt: ticket.row.joinedAt.toISOString(),
  };
}

export function toCertificateMessage(row: CertificateRow): EnrolmentCertificate {
  return {
    number: row.number,
    providerId: row.providerId,
    trainingId: row.trainingId,
    startMomentId: row.startMomentId,
    holder: { initials: row.holderInitials, surname: row.holderSurname, birthDate: toDateParts(row.holderBirthDate) },
    amount: money(row.amountCents),
    amountPaidByOthers: money(row.paidByOthersCents),
    status: EnrolmentCertificateStatus[`ENROLMENT_CERTIFICATE_STATUS_${row.status}` as keyof typeof EnrolmentCertificateStatus],
    validUntil: toDateParts(row.validUntil),
    issuedAt: row.issuedAt.toISOString(),
  };
}

/** An application as stored, or as just decided by the pipeline: the same shape for the contract. */
export interface ApplicationView {
  id: string;
  tijdvakId: string;
  channel: string;
  status: string;
  certificateNumber: string;
  providerId: string;
  trainingId: string;
  startMomentId: string;
  trainingName: string;
  trainingStartDate: string;
  trainingEndDate: string;
  requestedCents: number | bigint;
  grantedCents: number | bigint;
  reasons: readonly string[];
  receiptSequence: number | bigint;
  receivedAt: Date;
  decidedAt: Date | null;
  decisionReference: string | null;
  rulesVersion: string;
}

export function viewOfDecided(record: DecidedRecord): ApplicationView {
  return { ...record, status: record.granted ? 'GRANTED' : 'REJECTED' };
}

export function viewOfRow(row: ApplicationRow): ApplicationView {
  return row;
}

export function toApplicationMessage(view: ApplicationView): Application {
  const decided = view.decidedAt !== null && (view.status === 'GRANTED' || view.status === 'REJECTED' || view.status === 'WITHDRAWN');
  return {
    id: view.id,
    tijdvak: tijdvakRef(view.tijdvakId),
    channel: ApplicationChannel[`APPLICATION_CHANNEL_${view.channel}` as keyof typeof ApplicationChannel],
    status: ApplicationStatus[`APPLICATION_STATUS_${view.status}` as keyof typeof ApplicationStatus],
    enrolmentCertificateNumber: view.certificateNumber,
    providerId: view.providerId,
    trainingId: view.trainingId,
    startMomentId: view.startMomentId,
    trainingName: view.trainingName,
    trainingStartDate: toDateParts(view.trainingStartDate),
    trainingEndDate: toDateParts(view.trainingEndDate),
    requestedAmount: money(view.requestedCents),
    receiptSequence: String(view.receiptSequence),
    receivedAt: view.receivedAt.toISOString(),
    decision: decided && view.decidedAt
      ? {
          granted: Number(view.grantedCents) > 0,
          grantedAmount: money(view.grantedCents),
          reasons: view.reasons.map((reason) => rejectionReasonCode(reason as Reason)),
          decision: { reference: view.decisionReference ?? '', decidedOn: toDateParts(amsterdamDateOf(view.decidedAt)), reason: '' },
          decidedAt: view.decidedAt.toISOString(),
          rulesVersion: view.rulesVersion,
        }
      : undefined,
    participation: undefined,
  };
}

export function toPreRegistrationMessage(row: PreRegistrationRecord): PreRegistration {
  return {
    id: row.id,
    tijdvak: tijdvakRef(row.tijdvakId),
    providerId: row.providerId,
    trainingId: row.trainingId,
    startMomentId: row.startMomentId,
    holder: { initials: row.holderInitials, surname: row.holderSurname, birthDate: toDateParts(row.holderBirthDate) },
    createdAt: row.createdAt.toISOString(),
  };
}

const ACTOR_TYPES: Record<string, ActorType> = {
  partner: ActorType.ACTOR_TYPE_PARTNER_AGENCY,
  staff: ActorType.ACTOR_TYPE_EXECUTOR,
  service: ActorType.ACTOR_TYPE_SYSTEM,
};

/** An audit record as the person sees it: who, why, which case, when (the BSN is the person's own and not repeated). */
export function toDataAccessRecordMessage(row: DataAccessRow): DataAccessRecord {
  return {
    id: row.id,
    accessor: { type: ACTOR_TYPES[row.accessorKind] ?? ActorType.ACTOR_TYPE_UNSPECIFIED, subject: row.accessorSubject, organisationKvkNumber: undefined, displayName: '' },
    purpose: LookupPurpose[`LOOKUP_PURPOSE_${row.purpose}` as keyof typeof LookupPurpose] ?? LookupPurpose.LOOKUP_PURPOSE_UNSPECIFIED,
    caseReference: row.caseReference,
    accessedAt: row.accessedAt.toISOString(),
  };
}
