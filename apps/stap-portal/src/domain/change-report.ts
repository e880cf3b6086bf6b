// Change reports ("Wijziging doorgeven", ReportChange in portal.proto): what a person tells the executor after applying,
// for the follow-up after the grant: payment goes to the provider, then the subsidy is settled or recovered
// (DOMAIN.md §2.1 "After the grant" [pub]); a training that did not start or stopped early matters for that.
// ASSUMPTION (the sources are silent on the form): the kinds, their required fields, the date rules and the lengths
// below are this portal's choice, recorded in the stap-portal README. They are form rules, not scheme parameters,
// so they are not in libs/regelingen.
import { compareDates, isIsoDate, type IsoDate } from '@stap/regelingen';

export type ChangeReportKind = 'CONTACT_EMAIL_CHANGED' | 'TRAINING_NOT_STARTED' | 'TRAINING_STOPPED' | 'START_DATE_CHANGED' | 'OTHER';

export const CHANGE_REPORT_KINDS: readonly ChangeReportKind[] = ['CONTACT_EMAIL_CHANGED', 'TRAINING_NOT_STARTED', 'TRAINING_STOPPED', 'START_DATE_CHANGED', 'OTHER'];

/** Longest explanation (free text). Assumption: enough for a few sentences, bounded so a form cannot fill the table. */
export const MAX_EXPLANATION_LENGTH = 1000;
/** Longest e-mail address (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

/** What the person filled in; absent fields are empty strings / undefined, as the transports deliver them. */
export interface ChangeReportInput {
  kind: ChangeReportKind | undefined;
  newEmail: string;
  /** TRAINING_STOPPED: last day followed, ISO calendar date (Europe/Amsterdam), or text that failed to parse. */
  stoppedOn: string | undefined;
  /** START_DATE_CHANGED: the new first day, ISO calendar date, or text that failed to parse. */
  newStartDate: string | undefined;
  explanation: string;
}

/** The application the report is about, as far as the rules need it. */
export interface ReportedApplication {
  status: string;
  trainingStartDate: IsoDate;
  trainingEndDate: IsoDate;
}

/** Field names as in ReportChangeRequest (proto), so the gRPC edge can return them as they are. */
export type ChangeReportField = 'kind' | 'new_contact_email' | 'stopped_on' | 'new_start_date' | 'explanation';

/** Why a field is wrong: a stable code, so every transport can say it in its own language. */
export type ChangeReportRule =
  | 'REQUIRED' | 'UNKNOWN_KIND' | 'NOT_AN_EMAIL' | 'TOO_LONG' | 'NOT_A_DATE'
  | 'BEFORE_TRAINING_START' | 'AFTER_TRAINING_END' | 'IN_THE_FUTURE' | 'SAME_AS_CURRENT';

export interface ChangeReportViolation {
  field: ChangeReportField;
  rule: ChangeReportRule;
}

export const isChangeReportKind = (value: string): value is ChangeReportKind => (CHANGE_REPORT_KINDS as readonly string[]).includes(value);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Every field violation of a report about this application, on this Amsterdam calendar date (empty: valid).
 * Fields another kind needs are ignored (the web form sends every field); only the kind's own fields are checked.
 */
export function changeReportViolations(input: ChangeReportInput, application: ReportedApplication, today: IsoDate): ChangeReportViolation[] {
  const violations: ChangeReportViolation[] = [];
  const add = (field: ChangeReportField, rule: ChangeReportRule) => void violations.push({ field, rule });
  if (input.explanation.length > MAX_EXPLANATION_LENGTH) add('explanation', 'TOO_LONG');
  switch (input.kind) {
    case undefined:
      add('kind', 'REQUIRED');
      break;
    case 'CONTACT_EMAIL_CHANGED':
      emailViolation(input.newEmail.trim(), add);
      break;
    case 'TRAINING_STOPPED':
      stopDateViolation(input.stoppedOn, application, today, add);
      break;
    case 'START_DATE_CHANGED':
      if (!input.newStartDate) add('new_start_date', 'REQUIRED');
      else if (!isIsoDate(input.newStartDate)) add('new_start_date', 'NOT_A_DATE');
      // Reporting the date the portal already has changes nothing: most likely a slip in the form.
      else if (input.newStartDate === application.trainingStartDate) add('new_start_date', 'SAME_AS_CURRENT');
      break;
    case 'OTHER':
      if (input.explanation.trim() === '') add('explanation', 'REQUIRED');
      break;
    case 'TRAINING_NOT_STARTED':
      break;
    default:
      add('kind', 'UNKNOWN_KIND');
  }
  return violations;
}

function emailViolation(email: string, add: (field: ChangeReportField, rule: ChangeReportRule) => void): void {
  if (email === '') add('new_contact_email', 'REQUIRED');
  else if (email.length > MAX_EMAIL_LENGTH) add('new_contact_email', 'TOO_LONG');
  else if (!EMAIL.test(email)) add('new_contact_email', 'NOT_AN_EMAIL');
}

/**
 * A stop date is the last day the person followed the training: on or after its first day (before it, the training
 * did not start: TRAINING_NOT_STARTED), on or before its last day, and not after today (a stop is reported when it
 * happened, not announced).
 */
function stopDateViolation(stoppedOn: string | undefined, application: ReportedApplication, today: IsoDate, add: (field: ChangeReportField, rule: ChangeReportRule) => void): void {
  if (!stoppedOn) return add('stopped_on', 'REQUIRED');
  if (!isIsoDate(stoppedOn)) return add('stopped_on', 'NOT_A_DATE');
  if (compareDates(stoppedOn, application.trainingStartDate) < 0) return add('stopped_on', 'BEFORE_TRAINING_START');
  if (compareDates(stoppedOn, today) > 0) return add('stopped_on', 'IN_THE_FUTURE');
  if (compareDates(stoppedOn, application.trainingEndDate) > 0) add('stopped_on', 'AFTER_TRAINING_END');
}

/** Why a kind cannot be reported about this application (FAILED_PRECONDITION), or undefined when it can. */
export type ChangeReportRefusal = 'APPLICATION_NOT_GRANTED';

export const CHANGE_REPORT_REFUSALS: readonly ChangeReportRefusal[] = ['APPLICATION_NOT_GRANTED'];

/**
 * A change of the training (not started, stopped, start moved) matters only for a grant, which is paid and settled
 * (DOMAIN.md §2.1 "After the grant"): for a rejected, withdrawn or undecided application there is nothing to settle,
 * so it is refused. A contact address or another remark can be reported about any own application (assumption:
 * the executor may still need to reach the person, e.g. about a withdrawal or a recovery).
 */
export function changeReportRefusal(kind: ChangeReportKind, application: Pick<ReportedApplication, 'status'>): ChangeReportRefusal | undefined {
  const aboutTheTraining = kind === 'TRAINING_NOT_STARTED' || kind === 'TRAINING_STOPPED' || kind === 'START_DATE_CHANGED';
  return aboutTheTraining && application.status !== 'GRANTED' ? 'APPLICATION_NOT_GRANTED' : undefined;
}

/** Whether the report replaces the application's contact e-mail address (in the same transaction as the report). */
export const changesContactEmail = (kind: ChangeReportKind) => kind === 'CONTACT_EMAIL_CHANGED';

// Handling by the executor's officer (HandleChangeReport). Source: DOMAIN.md §2.1 "After the grant" [pub]: the
// executor follows up what the person reported. ASSUMPTION (the sources are silent on the officer's work): a report
// is handled once (RECEIVED -> HANDLED, never back; a new change is a new report), with a required outcome note.

export type ChangeReportStatus = 'RECEIVED' | 'HANDLED';

export const CHANGE_REPORT_STATUSES: readonly ChangeReportStatus[] = ['RECEIVED', 'HANDLED'];

export const isChangeReportStatus = (value: string): value is ChangeReportStatus => (CHANGE_REPORT_STATUSES as readonly string[]).includes(value);

/** Longest outcome note. Assumption: as long as the person's explanation, enough for what was done and why. */
export const MAX_OUTCOME_NOTE_LENGTH = 1000;

/** What is wrong with an officer's outcome note (undefined: fine). Blank is missing: handling needs a reason on file. */
export function outcomeNoteViolation(note: string): 'REQUIRED' | 'TOO_LONG' | undefined {
  const trimmed = note.trim();
  if (trimmed === '') return 'REQUIRED';
  return trimmed.length > MAX_OUTCOME_NOTE_LENGTH ? 'TOO_LONG' : undefined;
}

