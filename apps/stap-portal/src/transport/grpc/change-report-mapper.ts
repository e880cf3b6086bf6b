// ChangeReport rows ↔ the contract (portal.proto ChangeReport, ReportChangeRequest).
import { ChangeReportKind, ChangeReportStatus, type ChangeReport, type ReportChangeRequest } from '@stap/contracts/stap/portal/v1/portal';
import type { ChangeReportRow } from '../../application/change-reports';
import { isChangeReportKind, type ChangeReportInput } from '../../domain/change-report';
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

export function toChangeReportMessage(row: ChangeReportRow): ChangeReport {
  return {
    id: row.id,
    applicationId: row.applicationId,
    kind: ChangeReportKind[`CHANGE_REPORT_KIND_${row.kind}` as keyof typeof ChangeReportKind] ?? ChangeReportKind.CHANGE_REPORT_KIND_UNSPECIFIED,
    status: row.status === 'RECEIVED' ? ChangeReportStatus.CHANGE_REPORT_STATUS_RECEIVED : ChangeReportStatus.CHANGE_REPORT_STATUS_UNSPECIFIED,
    newContactEmail: row.newEmail ?? '',
    stoppedOn: row.stoppedOn ? toDateParts(row.stoppedOn) : undefined,
    newStartDate: row.newStartDate ? toDateParts(row.newStartDate) : undefined,
    explanation: row.explanation ?? '',
    reportedAt: row.reportedAt.toISOString(),
    reportedByOfficer: row.reportedByOfficer,
  };
}
