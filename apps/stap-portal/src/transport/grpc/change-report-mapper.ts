// ChangeReport rows ↔ the contract (portal.proto ChangeReport, ReportChangeRequest).
import { ChangeReportKind, ChangeReportStatus, type ChangeReport, type ReportChangeRequest } from '@stap/contracts/stap/portal/v1/portal';
import type { ChangeReportRow } from '../../application/change-reports';
import { isChangeReportKind, isChangeReportStatus, type ChangeReportInput, type ChangeReportKind as Kind, type ChangeReportStatus as Status } from '../../domain/change-report';
import { toDateParts, toIsoDate } from '../../domain/dates';

/** A date the request sent that is not a calendar date stays non-empty text, so the rules report NOT_A_DATE, not REQUIRED. */
function dateOf(date: ReportChangeRequest['stoppedOn']): string | undefined {
  if (!date) return undefined;
  return toIsoDate(date) ?? `${date.year}-${date.month}-${date.day}`;
}

export function changeReportInput(request: ReportChangeRequest): ChangeReportInput {
  const name = ChangeReportKind[request.kind]?.replace('CHANGE_REPORT_KIND_', '') ?? '';
  return {
    kind: isChangeReportKind(name) ? name : undefined,
    newEmail: request.newContactEmail,
    stoppedOn: dateOf(request.stoppedOn),
    newStartDate: dateOf(request.newStartDate),
    explanation: request.explanation,
  };
}

const STATUS_MESSAGES: Record<string, ChangeReportStatus> = {
  RECEIVED: ChangeReportStatus.CHANGE_REPORT_STATUS_RECEIVED,
  HANDLED: ChangeReportStatus.CHANGE_REPORT_STATUS_HANDLED,
};

/** A list filter's enum as the stored value: UNSPECIFIED is no filter (undefined), an unknown number is null (invalid). */
function filterValue<T extends string>(names: Record<number, string>, prefix: string, value: number, known: (name: string) => name is T): T | undefined | null {
  if (value === 0) return undefined;
  const name = names[value]?.replace(prefix, '') ?? '';
  return known(name) ? name : null;
}

export const reportStatusFilter = (value: ChangeReportStatus): Status | undefined | null => filterValue(ChangeReportStatus, 'CHANGE_REPORT_STATUS_', value, isChangeReportStatus);
export const reportKindFilter = (value: ChangeReportKind): Kind | undefined | null => filterValue(ChangeReportKind, 'CHANGE_REPORT_KIND_', value, isChangeReportKind);

/**
 * A report as the contract has it. The officer's outcome note and login subject are internal to the executor
 * (assumption: the person learns the outcome by letter or e-mail, not from a working note), so only officers get them.
 */
export function toChangeReportMessage(row: ChangeReportRow, viewer: { officer: boolean } = { officer: false }): ChangeReport {
  return {
    id: row.id,
    applicationId: row.applicationId,
    kind: ChangeReportKind[`CHANGE_REPORT_KIND_${row.kind}` as keyof typeof ChangeReportKind] ?? ChangeReportKind.CHANGE_REPORT_KIND_UNSPECIFIED,
    status: STATUS_MESSAGES[row.status] ?? ChangeReportStatus.CHANGE_REPORT_STATUS_UNSPECIFIED,
    newContactEmail: row.newEmail ?? '',
    stoppedOn: row.stoppedOn ? toDateParts(row.stoppedOn) : undefined,
    newStartDate: row.newStartDate ? toDateParts(row.newStartDate) : undefined,
    explanation: row.explanation ?? '',
    reportedAt: row.reportedAt.toISOString(),
    reportedByOfficer: row.reportedByOfficer,
    handledAt: row.handledAt?.toISOString(),
    outcomeNote: viewer.officer ? (row.outcomeNote ?? '') : '',
    handledBy: viewer.officer ? (row.handledBy ?? '') : '',
  };
}
