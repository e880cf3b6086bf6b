// Use cases: report a change about an application ("Wijziging doorgeven"), list the reports, and an officer handles one.
// One transaction per report: the application row is locked (a withdrawal or another report at the same moment waits),
// ownership is checked (someone else's application is NOT_FOUND, no hint that it exists), the rules of
// domain/change-report.ts decide (INVALID_ARGUMENT per field, FAILED_PRECONDITION APPLICATION_NOT_GRANTED), then the
// change_report row, for CONTACT_EMAIL_CHANGED the application's contact_email, and ChangeReported in the outbox
// commit together. Nothing is ever deleted. Source: DOMAIN.md §2.1 "After the grant" [pub]; the form is an assumption.
// Handling: one guarded UPDATE (status RECEIVED -> HANDLED) and ChangeReportHandled in the outbox, in one transaction.
import { randomUUID } from 'node:crypto';
import { ApplicationError, notFoundError, preconditionFailed, type Violation } from '@stap/platform/errors';
import { isUuid } from '@stap/platform/ids';
import { outboxRecord } from '@stap/platform/kafka';
import { amsterdamDateOf } from '@stap/regelingen';
import {
  changeReportRefusal, changeReportViolations, changesContactEmail, MAX_EMAIL_LENGTH, MAX_EXPLANATION_LENGTH, MAX_OUTCOME_NOTE_LENGTH,
  outcomeNoteViolation, type ChangeReportInput, type ChangeReportKind, type ChangeReportRefusal, type ChangeReportRule, type ChangeReportStatus,
  type ChangeReportViolation,
} from '../domain/change-report';
import { changeReportedEvent, changeReportHandledEvent, EVENT_SOURCE } from '../infrastructure/messaging/portal-events';
import type { Prisma } from '../infrastructure/prisma/client';
import type { PortalContext } from './context';

export type ChangeReportRow = Prisma.ChangeReportModel;

export interface ReportingCaller {
  /** The logged-in individual's BSN. */
  bsn?: string;
  /** An executor officer ("portal:counter"), who reports for anyone. */
  officer: boolean;
}

const RULE_DESCRIPTIONS: Record<ChangeReportRule, string> = {
  REQUIRED: 'is required for this kind of change',
  UNKNOWN_KIND: 'must be a change report kind',
  NOT_AN_EMAIL: 'must be an e-mail address',
  TOO_LONG: `is too long (e-mail at most ${MAX_EMAIL_LENGTH}, explanation at most ${MAX_EXPLANATION_LENGTH} characters)`,
  NOT_A_DATE: 'must be a calendar date',
  BEFORE_TRAINING_START: 'must not be before the first day of the training (use TRAINING_NOT_STARTED)',
  AFTER_TRAINING_END: 'must not be after the last day of the training',
  IN_THE_FUTURE: 'must not be after today (Europe/Amsterdam)',
  SAME_AS_CURRENT: 'must differ from the current start date',
};

const REFUSAL_MESSAGES: Record<ChangeReportRefusal, string> = {
  APPLICATION_NOT_GRANTED: 'a change of the training can only be reported about a granted application',
};

/**
 * INVALID_ARGUMENT of a report, carrying the domain's rule per field too, so the web pages can say it in Dutch
 * (the gRPC edge maps it like every ApplicationError: field violations with the English description).
 */
export class ChangeReportInvalid extends ApplicationError {
  constructor(readonly rules: readonly ChangeReportViolation[]) {
    super('invalid', 'the change report has invalid fields', rules.map((v): Violation => ({ field: v.field, description: RULE_DESCRIPTIONS[v.rule] })));
  }
}

export async function reportChange(ctx: PortalContext, caller: ReportingCaller, applicationId: string, input: ChangeReportInput): Promise<ChangeReportRow> {
  if (!isUuid(applicationId)) throw new ApplicationError('invalid', 'the change report has invalid fields', [{ field: 'application_id', description: 'must be a UUID' }]);
  return ctx.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM application WHERE id = ${applicationId}::uuid FOR UPDATE`;
    const application = await tx.application.findUnique({ where: { id: applicationId } });
    if (!application || (!caller.officer && application.bsn !== caller.bsn)) throw notFoundError('no such application');
    const now = ctx.now();
    const violations = changeReportViolations(input, application, amsterdamDateOf(now));
    if (violations.length > 0) throw new ChangeReportInvalid(violations);
    const kind = input.kind as ChangeReportKind;
    const refusal = changeReportRefusal(kind, application);
    if (refusal) throw preconditionFailed(REFUSAL_MESSAGES[refusal], refusal);
    const report = await tx.changeReport.create({ data: { id: randomUUID(), applicationId, bsn: application.bsn, reportedAt: now, reportedByOfficer: caller.officer && application.bsn !== caller.bsn, ...fieldsOf(kind, input), ...(changesContactEmail(kind) ? { previousEmail: application.contactEmail } : {}) } });
    if (changesContactEmail(kind)) await tx.application.update({ where: { id: applicationId }, data: { contactEmail: report.newEmail } });
    await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, changeReportedEvent({ ...report, tijdvakId: application.tijdvakId })) });
    return report;
  });
}

/** Only the kind's own fields are stored (the web form sends every field); the explanation with every kind. */
function fieldsOf(kind: ChangeReportKind, input: ChangeReportInput) {
  return {
    kind,
    newEmail: kind === 'CONTACT_EMAIL_CHANGED' ? input.newEmail.trim() : null,
    stoppedOn: kind === 'TRAINING_STOPPED' ? (input.stoppedOn ?? null) : null,
    newStartDate: kind === 'START_DATE_CHANGED' ? (input.newStartDate ?? null) : null,
    explanation: input.explanation.trim() || null,
  };
}

export interface ChangeReportFilter {
  /** The individual's own reports only (unset: an officer, every report). */
  bsn?: string;
  applicationId?: string;
  status?: ChangeReportStatus;
  kind?: ChangeReportKind;
  /** The officers' work queue: the report waiting longest first (default: newest first, as the person sees them). */
  oldestFirst?: boolean;
}

/** Reports newest (or oldest) first, paged; a malformed application id is INVALID_ARGUMENT. */
export async function listChangeReports(ctx: PortalContext, filter: ChangeReportFilter, page: { skip: number; take: number }): Promise<{ rows: ChangeReportRow[]; total: number }> {
  if (filter.applicationId !== undefined && !isUuid(filter.applicationId)) {
    throw new ApplicationError('invalid', 'the filter has invalid fields', [{ field: 'application_id', description: 'must be a UUID' }]);
  }
  const where = {
    ...(filter.bsn !== undefined ? { bsn: filter.bsn } : {}), ...(filter.applicationId !== undefined ? { applicationId: filter.applicationId } : {}),
    ...(filter.status !== undefined ? { status: filter.status } : {}), ...(filter.kind !== undefined ? { kind: filter.kind } : {}),
  };
  // The id breaks ties between reports of the same instant, so pages neither repeat nor skip a report.
  const direction = filter.oldestFirst ? 'asc' : 'desc';
  const [rows, total] = await Promise.all([
    ctx.prisma.changeReport.findMany({ where, orderBy: [{ reportedAt: direction }, { id: direction }], skip: page.skip, take: page.take }),
    ctx.prisma.changeReport.count({ where }),
  ]);
  return { rows, total };
}

const OUTCOME_NOTE_DESCRIPTIONS = {
  REQUIRED: 'is required',
  TOO_LONG: `is too long (at most ${MAX_OUTCOME_NOTE_LENGTH} characters)`,
} as const;

/**
 * An officer marks a RECEIVED report HANDLED with an outcome note. The UPDATE is guarded by the status (the version
 * of this state machine), so of two officers handling the same report at once, the second's UPDATE waits for the
 * first's row lock, then matches no row: FAILED_PRECONDITION ALREADY_HANDLED, and its transaction changes nothing.
 */
export async function handleChangeReport(ctx: PortalContext, officerSubject: string, changeReportId: string, outcomeNote: string): Promise<ChangeReportRow> {
  const violations: Violation[] = [];
  if (!isUuid(changeReportId)) violations.push({ field: 'change_report_id', description: 'must be a UUID' });
  const noteRule = outcomeNoteViolation(outcomeNote);
  if (noteRule) violations.push({ field: 'outcome_note', description: OUTCOME_NOTE_DESCRIPTIONS[noteRule] });
  if (violations.length > 0) throw new ApplicationError('invalid', 'the handling has invalid fields', violations);
  return ctx.prisma.$transaction(async (tx) => {
    const handledAt = ctx.now();
    const { count } = await tx.changeReport.updateMany({
      where: { id: changeReportId, status: 'RECEIVED' },
      data: { status: 'HANDLED', handledAt, handledBy: officerSubject, outcomeNote: outcomeNote.trim() },
    });
    const report = await tx.changeReport.findUnique({ where: { id: changeReportId } });
    if (!report) throw notFoundError('no such change report');
    // No row matched the guard although the report exists: it is no longer RECEIVED (handled once, never back).
    if (count === 0) throw preconditionFailed('the change report is already handled', 'ALREADY_HANDLED');
    const application = await tx.application.findUniqueOrThrow({ where: { id: report.applicationId }, select: { tijdvakId: true } });
    await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, changeReportHandledEvent({ ...report, handledAt, tijdvakId: application.tijdvakId })) });
    return report;
  });
}
