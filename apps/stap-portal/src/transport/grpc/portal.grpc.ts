// gRPC edge of the STAP portal: decodes requests into use-case input, checks who may call what, and maps results to
// the contract. Business rules live in application/ and domain/.
import { forbidden, invalid, unauthenticatedError } from './auth-errors';
import { hasScope, unary, type CallContext, type HandlerKit } from '@stap/platform/grpc';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import {
  ApplicationChannel,
  LookupPurpose,
  StapPortalServiceService,
  type Application,
  TijdvakStatus,
  type BudgetOverview,
  type ChangeReport,
  type CloseTijdvakRequest,
  type CreatePreRegistrationRequest,
  type EnrolmentCertificate,
  type GetApplicationRequest,
  type GetEnrolmentCertificateRequest,
  type GetMyBudgetOverviewRequest,
  type GetQueueTicketRequest,
  type GetTijdvakRequest,
  type HandleChangeReportRequest,
  type IssueEnrolmentCertificateRequest,
  type JoinQueueRequest,
  type ListChangeReportsRequest,
  type ListChangeReportsResponse,
  type ListMyDataAccessRecordsRequest,
  type ListMyDataAccessRecordsResponse,
  type ListPreRegistrationsRequest,
  type ListPreRegistrationsResponse,
  type ListTijdvakkenRequest,
  type ListTijdvakkenResponse,
  type LookUpApplicantStatusRequest,
  type LookUpApplicantStatusResponse,
  type PreRegistration,
  type QueueTicket,
  type ReportChangeRequest,
  type ParticipationProof,
  type RevokeEnrolmentCertificateRequest,
  type ScheduleTijdvakRequest,
  type SubmitApplicationRequest,
  type SubmitParticipationProofRequest,
  type SubmitParticipationProofsRequest,
  type SubmitParticipationProofsResponse,
  type Tijdvak,
  type WithdrawApplicationRequest,
} from '@stap/contracts/stap/portal/v1/portal';
import { notFoundError } from '@stap/platform/errors';
import { amsterdamDateOf } from '@stap/regelingen';
import type { PortalContext } from '../../application/context';
import { getCertificate, issueCertificate, providerOfKvk, revokeCertificate } from '../../application/certificates';
import { handleChangeReport, listChangeReports, reportChange } from '../../application/change-reports';
import { myDataAccessRecords } from '../../application/data-access-records';
import { listTijdvakken } from '../../application/list-tijdvakken';
import { createPreRegistration, listPreRegistrations } from '../../application/pre-registrations';
import { withdrawApplication } from '../../application/withdraw-application';
import { myBudgetOverview } from '../../application/my-budget';
import { lookUpApplicantStatus, PURPOSE_SEES, type LookupPurpose as Purpose } from '../../application/partner-lookup';
import { submitApplication } from '../../application/submit-application';
import { submitParticipationProof } from '../../application/participation';
import { proofOutcome, toProofMessage, toRpcStatus } from './participation-mapper';
import { changeReportInput, reportKindFilter, reportStatusFilter, toChangeReportMessage } from './change-report-mapper';
import { closeTijdvak, getTijdvak, scheduleTijdvak } from '../../application/tijdvakken';
import { getQueueTicket, joinQueue } from '../../application/waiting-room';
import { toDateParts, toIsoDate } from '../../domain/dates';
import { individualBsn } from '../../infrastructure/security/authenticator';
import { personKey } from '../../infrastructure/security/signed-token';
import {
  money, tijdvakRef, toApplicationMessage, toCertificateMessage, toDataAccessRecordMessage, toPreRegistrationMessage, toTicketMessage, toTijdvakMessage,
  viewOfDecided, viewOfRow,
} from './mappers';
import { pageResponse, readPage } from '@stap/platform/grpc';
import type { TijdvakStatus as Status } from '../../domain/tijdvak';

export const SCOPES = { tijdvakWrite: 'portal:tijdvak:write', counter: 'portal:counter', read: 'portal:read' } as const;

function requireScope(ctx: CallContext, scope: string): void {
  if (ctx.identity.subject === 'anonymous') throw unauthenticatedError();
  if (!hasScope(ctx.identity, scope)) throw forbidden(`scope ${scope} is required`);
}

function requireIndividual(ctx: CallContext): string {
  const bsn = individualBsn(ctx.metadata);
  if (!bsn) throw unauthenticatedError('a DigiD login is required');
  return bsn;
}

function stapTijdvakId(ref: { regelingCode: RegelingCode; tijdvakId: string } | undefined, field = 'ref'): string {
  const violations = [];
  if (ref?.regelingCode !== RegelingCode.REGELING_CODE_STAP) violations.push({ field: `${field}.regeling_code`, description: 'must be REGELING_CODE_STAP' });
  if (!ref?.tijdvakId) violations.push({ field: `${field}.tijdvak_id`, description: 'is required' });
  if (violations.length > 0) throw invalid(violations);
  return ref?.tijdvakId ?? '';
}

function cents(value: { amountCents: string; currency: string } | undefined, field: string, optional = false): number | undefined {
  if (!value) {
    if (optional) return undefined;
    throw invalid([{ field, description: 'is required' }]);
  }
  if (value.currency !== 'EUR' || !/^-?\d{1,15}$/.test(value.amountCents)) throw invalid([{ field, description: 'must be whole euro cents in EUR' }]);
  return Number(value.amountCents);
}

/** A Timestamp (RFC 3339 text in the generated code) as a Date; undefined when absent or unreadable. */
function instant(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const CHANNELS: Record<number, 'ONLINE' | 'COUNTER' | undefined> = {
  [ApplicationChannel.APPLICATION_CHANNEL_ONLINE]: 'ONLINE',
  [ApplicationChannel.APPLICATION_CHANNEL_COUNTER]: 'COUNTER',
};

/** ListTijdvakken's regeling filter: unset = all; a known code = its stored name (this portal holds STAP only). */
function regelingFilter(code: RegelingCode): string | undefined {
  if (code === RegelingCode.REGELING_CODE_UNSPECIFIED) return undefined;
  const name = RegelingCode[code]?.replace('REGELING_CODE_', '');
  if (!name || name === 'UNRECOGNIZED') throw invalid([{ field: 'regeling_code', description: 'is not a known regeling' }]);
  return name;
}

function statusFilter(statuses: TijdvakStatus[]): Status[] {
  const names = statuses.map((status) => TijdvakStatus[status]?.replace('TIJDVAK_STATUS_', ''));
  const violations = names.flatMap((name, index) =>
    !name || name === 'UNSPECIFIED' || name === 'UNRECOGNIZED' ? [{ field: `statuses[${index}]`, description: 'must be a tijdvak status' }] : []);
  if (violations.length > 0) throw invalid(violations);
  return [...new Set(names as Status[])];
}

async function callingProvider(portal: PortalContext, ctx: CallContext, action: string): Promise<string> {
  if (ctx.identity.subject === 'anonymous') throw unauthenticatedError();
  if (ctx.identity.kind !== 'provider') throw forbidden(`only a provider ${action}`);
  return providerOfKvk(portal, ctx.identity.kvkNumber);
}

function purposeOf(value: LookupPurpose): Purpose | undefined {
  const name = LookupPurpose[value]?.replace('LOOKUP_PURPOSE_', '');
  return name && name !== 'UNSPECIFIED' && name !== 'UNRECOGNIZED' ? (name as Purpose) : undefined;
}

export function portalService(kit: HandlerKit, portal: PortalContext) {
  return {
    name: 'stap.portal.v1.StapPortalService',
    definition: StapPortalServiceService,
    implementation: {
      scheduleTijdvak: unary<ScheduleTijdvakRequest, Tijdvak>(kit, async (request, ctx) => {
        requireScope(ctx, SCOPES.tijdvakWrite);
        const row = await scheduleTijdvak(portal, {
          id: stapTijdvakId(request.ref),
          displayName: request.displayName,
          opensAt: instant(request.opensAt),
          closesAt: instant(request.closesAt),
          baseBudgetCents: cents(request.baseBudget, 'base_budget', true) ?? 0,
          counterReserveCents: cents(request.counterReserve, 'counter_reserve', true),
          counterReserveReleaseAt: instant(request.counterReserveReleaseAt),
        });
        return toTijdvakMessage(row, portal.now());
      }),
      getTijdvak: unary<GetTijdvakRequest, Tijdvak>(kit, async (request) =>
        toTijdvakMessage(await getTijdvak(portal, stapTijdvakId(request.ref)), portal.now())),
      listTijdvakken: unary<ListTijdvakkenRequest, ListTijdvakkenResponse>(kit, async (request) => {
        const filter = { regelingCode: regelingFilter(request.regelingCode), statuses: statusFilter(request.statuses) };
        const page = readPage(request.page, { list: 'tijdvakken', ...filter, statuses: [...filter.statuses].sort() });
        const { rows, total } = await listTijdvakken(portal, filter, page);
        return { tijdvakken: rows.map((row) => toTijdvakMessage(row, portal.now())), page: pageResponse(page, rows.length, total) };
      }),
      closeTijdvak: unary<CloseTijdvakRequest, Tijdvak>(kit, async (request, ctx) => {
        requireScope(ctx, SCOPES.tijdvakWrite);
        const row = await closeTijdvak(portal, stapTijdvakId(request.ref), request.rollOverToTijdvakId || undefined);
        return toTijdvakMessage(row, portal.now());
      }),
      joinQueue: unary<JoinQueueRequest, QueueTicket>(kit, async (request, ctx) => {
        // The place is tied to the person (DigiD login before the waiting room), so extra devices never help.
        const bsn = requireIndividual(ctx);
        return toTicketMessage(await joinQueue(portal, stapTijdvakId(request.tijdvak, 'tijdvak'), personKey(portal.secret, bsn)));
      }),
      getQueueTicket: unary<GetQueueTicketRequest, QueueTicket>(kit, async (request) => {
        if (!request.ticketId || !request.ticketSecret) throw invalid([{ field: request.ticketId ? 'ticket_secret' : 'ticket_id', description: 'is required' }]);
        return toTicketMessage(await getQueueTicket(portal, request.ticketId, request.ticketSecret));
      }),
      issueEnrolmentCertificate: unary<IssueEnrolmentCertificateRequest, EnrolmentCertificate>(kit, async (request, ctx) => {
        if (ctx.identity.kind !== 'provider') throw forbidden('only a provider issues enrolment certificates');
        const providerId = await providerOfKvk(portal, ctx.identity.kvkNumber);
        const row = await issueCertificate(portal, providerId, {
          providerId: request.providerId,
          trainingId: request.trainingId,
          startMomentId: request.startMomentId,
          holder: { initials: request.holder?.initials ?? '', surname: request.holder?.surname ?? '', birthDate: toIsoDate(request.holder?.birthDate) },
          amountCents: cents(request.amount, 'amount') as number,
        });
        return toCertificateMessage(row);
      }),
      getEnrolmentCertificate: unary<GetEnrolmentCertificateRequest, EnrolmentCertificate>(kit, async (request, ctx) => {
        const row = await getCertificate(portal, request.number);
        const ownProvider = ctx.identity.kind === 'provider' && (await providerOfKvk(portal, ctx.identity.kvkNumber)) === row.providerId;
        if (!ownProvider && !hasScope(ctx.identity, SCOPES.read)) throw notFoundError('no such enrolment certificate');
        return toCertificateMessage(row);
      }),
      revokeEnrolmentCertificate: unary<RevokeEnrolmentCertificateRequest, EnrolmentCertificate>(kit, async (request, ctx) => {
        const providerId = await callingProvider(portal, ctx, 'revokes enrolment certificates');
        return toCertificateMessage(await revokeCertificate(portal, providerId, request.number, request.reason));
      }),
      createPreRegistration: unary<CreatePreRegistrationRequest, PreRegistration>(kit, async (request, ctx) => {
        const providerId = await callingProvider(portal, ctx, 'pre-registers');
        const row = await createPreRegistration(portal, providerId, {
          tijdvakId: stapTijdvakId(request.tijdvak, 'tijdvak'),
          providerId: request.providerId,
          trainingId: request.trainingId,
          startMomentId: request.startMomentId,
          holder: { initials: request.holder?.initials ?? '', surname: request.holder?.surname ?? '', birthDate: toIsoDate(request.holder?.birthDate) },
        });
        return toPreRegistrationMessage(row);
      }),
      listPreRegistrations: unary<ListPreRegistrationsRequest, ListPreRegistrationsResponse>(kit, async (request, ctx) => {
        const providerId = await callingProvider(portal, ctx, 'lists pre-registrations');
        const filter = { providerId: request.providerId, tijdvakId: stapTijdvakId(request.tijdvak, 'tijdvak') };
        const page = readPage(request.page, { list: 'pre-registrations', providerId, tijdvakId: filter.tijdvakId });
        const { rows, total } = await listPreRegistrations(portal, providerId, filter, page);
        return { preRegistrations: rows.map(toPreRegistrationMessage), page: pageResponse(page, rows.length, total) };
      }),
      submitApplication: unary<SubmitApplicationRequest, Application>(kit, async (request, ctx) => {
        const decided = await submitApplication(
          portal,
          {
            tijdvakId: stapTijdvakId(request.tijdvak, 'tijdvak'),
            channel: CHANNELS[request.channel],
            admissionToken: request.admissionToken,
            certificateNumber: request.enrolmentCertificateNumber,
            applicantBsn: request.applicantBsn?.value ?? '',
            contactEmail: request.contactEmail,
            declaredTruthful: request.declaredTruthful,
          },
          { bsn: individualBsn(ctx.metadata), counterOfficer: hasScope(ctx.identity, SCOPES.counter) },
        );
        return toApplicationMessage(viewOfDecided(decided));
      }),
      getApplication: unary<GetApplicationRequest, Application>(kit, async (request, ctx) => {
        const row = /^[0-9a-f-]{36}$/i.test(request.applicationId) ? await portal.prisma.application.findUnique({ where: { id: request.applicationId } }) : null;
        const own = row !== null && individualBsn(ctx.metadata) === row.bsn;
        if (!row || (!own && !hasScope(ctx.identity, SCOPES.read))) throw notFoundError('no such application');
        return toApplicationMessage(viewOfRow(row));
      }),
      withdrawApplication: unary<WithdrawApplicationRequest, Application>(kit, async (request, ctx) => {
        const bsn = individualBsn(ctx.metadata);
        const officer = hasScope(ctx.identity, SCOPES.counter);
        if (!bsn && !officer) throw unauthenticatedError('a DigiD login is required');
        const row = await withdrawApplication(portal, { bsn, officer }, request.applicationId, request.reason);
        return toApplicationMessage(viewOfRow(row));
      }),
      submitParticipationProof: unary<SubmitParticipationProofRequest, ParticipationProof>(kit, async (request, ctx) => {
        if (ctx.identity.kind !== 'provider') throw forbidden('only a provider submits proof of participation');
        const providerId = await providerOfKvk(portal, ctx.identity.kvkNumber);
        return toProofMessage(await submitParticipationProof(portal, providerId, request.applicationId, proofOutcome(request)));
      }),
      submitParticipationProofs: unary<SubmitParticipationProofsRequest, SubmitParticipationProofsResponse>(kit, async (request, ctx) => {
        if (ctx.identity.kind !== 'provider') throw forbidden('only a provider submits proof of participation');
        if (request.proofs.length === 0 || request.proofs.length > 10_000) throw invalid([{ field: 'proofs', description: 'must hold 1 to 10,000 items' }]);
        const providerId = await providerOfKvk(portal, ctx.identity.kvkNumber);
        const results = [];
        for (const item of request.proofs) {
          try {
            const proof = toProofMessage(await submitParticipationProof(portal, providerId, item.applicationId, proofOutcome(item)));
            results.push({ applicationId: item.applicationId, result: { $case: 'proof' as const, value: proof } });
          } catch (error) {
            results.push({ applicationId: item.applicationId, result: { $case: 'error' as const, value: toRpcStatus(error) } });
          }
        }
        const recordedCount = results.filter((r) => r.result.$case === 'proof').length;
        return { results, recordedCount, failedCount: results.length - recordedCount };
      }),
      getMyBudgetOverview: unary<GetMyBudgetOverviewRequest, BudgetOverview>(kit, async (_request, ctx) => {
        const overview = await myBudgetOverview(portal, requireIndividual(ctx));
        return {
          applications: overview.applications.map((row) => toApplicationMessage(viewOfRow(row))),
          canApplyThisYear: overview.canApplyThisYear,
          excludedUntil: overview.excludedUntil ? toDateParts(overview.excludedUntil) : undefined,
          currentOrNextTijdvak: overview.currentOrNext ? toTijdvakMessage(overview.currentOrNext, portal.now()) : undefined,
        };
      }),
      listMyDataAccessRecords: unary<ListMyDataAccessRecordsRequest, ListMyDataAccessRecordsResponse>(kit, async (request, ctx) => {
        const bsn = requireIndividual(ctx);
        // The filter key holds the person's pseudonym, so a token of one person's list is refused for another's.
        const page = readPage(request.page, { list: 'data-access-records', person: personKey(portal.secret, bsn) });
        const { rows, total } = await myDataAccessRecords(portal, bsn, page);
        return { records: rows.map(toDataAccessRecordMessage), page: pageResponse(page, rows.length, total) };
      }),
      lookUpApplicantStatus: unary<LookUpApplicantStatusRequest, LookUpApplicantStatusResponse>(kit, async (request, ctx) => {
        if (ctx.identity.subject === 'anonymous') throw unauthenticatedError();
        const result = await lookUpApplicantStatus(portal, ctx.identity, {
          bsn: request.bsn?.value ?? '',
          purpose: purposeOf(request.purpose),
          caseReference: request.caseReference,
        });
        return {
          applications: result.applications.map((row) => {
            const application = toApplicationMessage(viewOfRow(row));
            const seesTraining = PURPOSE_SEES.training.has(result.purpose);
            return {
              tijdvak: tijdvakRef(row.tijdvakId),
              status: application.status,
              decidedOn: row.decidedAt ? toDateParts(amsterdamDateOf(row.decidedAt)) : undefined,
              grantedAmount: PURPOSE_SEES.amount.has(result.purpose) ? money(row.grantedCents) : undefined,
              trainingName: seesTraining ? row.trainingName : '',
              trainingPeriod: seesTraining ? { start: toDateParts(row.trainingStartDate), end: toDateParts(row.trainingEndDate) } : undefined,
            };
          }),
          dataAccessRecordId: result.recordId,
        };
      }),
      reportChange: unary<ReportChangeRequest, ChangeReport>(kit, async (request, ctx) => {
        const bsn = individualBsn(ctx.metadata);
        const officer = hasScope(ctx.identity, SCOPES.counter);
        if (!bsn && !officer) throw unauthenticatedError('a DigiD login is required');
        return toChangeReportMessage(await reportChange(portal, { bsn, officer }, request.applicationId, changeReportInput(request)));
      }),
      listChangeReports: unary<ListChangeReportsRequest, ListChangeReportsResponse>(kit, async (request, ctx) => {
        const bsn = individualBsn(ctx.metadata);
        const officer = hasScope(ctx.identity, SCOPES.counter) || hasScope(ctx.identity, SCOPES.read);
        if (!bsn && !officer) throw unauthenticatedError('a DigiD login is required');
        const [status, kind] = [reportStatusFilter(request.status), reportKindFilter(request.kind)];
        const violations = [];
        if (status === null) violations.push({ field: 'status', description: 'must be a change report status' });
        if (kind === null) violations.push({ field: 'kind', description: 'must be a change report kind' });
        if (violations.length > 0) throw invalid(violations);
        // An individual sees their own reports only, newest first; an officer works the queue oldest first. The page
        // token is bound to the person's pseudonym and the whole filter.
        const filter = { bsn: officer ? undefined : bsn, applicationId: request.applicationId || undefined, status: status ?? undefined, kind: kind ?? undefined, oldestFirst: officer };
        const page = readPage(request.page, {
          list: 'change-reports', person: filter.bsn ? personKey(portal.secret, filter.bsn) : 'officer', applicationId: filter.applicationId ?? '', status: filter.status ?? '', kind: filter.kind ?? '',
        });
        const { rows, total } = await listChangeReports(portal, filter, page);
        return { changeReports: rows.map((row) => toChangeReportMessage(row, { officer })), page: pageResponse(page, rows.length, total) };
      }),
      handleChangeReport: unary<HandleChangeReportRequest, ChangeReport>(kit, async (request, ctx) => {
        requireScope(ctx, SCOPES.counter);
        const report = await handleChangeReport(portal, ctx.identity.subject, request.changeReportId, request.outcomeNote);
        return toChangeReportMessage(report, { officer: true });
      }),
    },
  };
}
