import {
  changeReportRefusal, changeReportViolations, MAX_EMAIL_LENGTH, MAX_EXPLANATION_LENGTH, MAX_OUTCOME_NOTE_LENGTH, outcomeNoteViolation, type ChangeReportInput,
} from './change-report';

const granted = { status: 'GRANTED', trainingStartDate: '2026-12-01', trainingEndDate: '2027-02-28' };
const blank: ChangeReportInput = { kind: undefined, newEmail: '', stoppedOn: undefined, newStartDate: undefined, explanation: '' };
const report = (fields: Partial<ChangeReportInput>) => ({ ...blank, ...fields });

test('the kind is required', () => {
  expect(changeReportViolations(blank, granted, '2026-11-01')).toEqual([{ field: 'kind', rule: 'REQUIRED' }]);
});

test('a new contact e-mail address is required and must be an address of at most 254 characters', () => {
  const email = (newEmail: string) => changeReportViolations(report({ kind: 'CONTACT_EMAIL_CHANGED', newEmail }), granted, '2026-11-01');
  expect(email('')).toEqual([{ field: 'new_contact_email', rule: 'REQUIRED' }]);
  expect(email('   ')).toEqual([{ field: 'new_contact_email', rule: 'REQUIRED' }]);
  expect(email('geen-adres')).toEqual([{ field: 'new_contact_email', rule: 'NOT_AN_EMAIL' }]);
  expect(email('a@b')).toEqual([{ field: 'new_contact_email', rule: 'NOT_AN_EMAIL' }]);
  expect(email(' jan@example.nl ')).toEqual([]);
  const longest = `${'a'.repeat(MAX_EMAIL_LENGTH - '@example.nl'.length)}@example.nl`;
  expect(email(longest)).toEqual([]);
  expect(email(`a${longest}`)).toEqual([{ field: 'new_contact_email', rule: 'TOO_LONG' }]);
});

test('a stop date lies between the first day of the training and today, and not after its last day', () => {
  const stopped = (stoppedOn: string | undefined, today: string) => changeReportViolations(report({ kind: 'TRAINING_STOPPED', stoppedOn }), granted, today);
  expect(stopped(undefined, '2026-12-10')).toEqual([{ field: 'stopped_on', rule: 'REQUIRED' }]);
  expect(stopped('2026-02-30', '2026-12-10')).toEqual([{ field: 'stopped_on', rule: 'NOT_A_DATE' }]);
  expect(stopped('2026-11-30', '2026-12-10')).toEqual([{ field: 'stopped_on', rule: 'BEFORE_TRAINING_START' }]);
  expect(stopped('2026-12-01', '2026-12-10')).toEqual([]);
  expect(stopped('2026-12-10', '2026-12-10')).toEqual([]);
  expect(stopped('2026-12-11', '2026-12-10')).toEqual([{ field: 'stopped_on', rule: 'IN_THE_FUTURE' }]);
  expect(stopped('2027-02-28', '2027-03-15')).toEqual([]);
  expect(stopped('2027-03-01', '2027-03-15')).toEqual([{ field: 'stopped_on', rule: 'AFTER_TRAINING_END' }]);
});

test('a moved start date is required, a real date, and not the current one', () => {
  const moved = (newStartDate: string | undefined) => changeReportViolations(report({ kind: 'START_DATE_CHANGED', newStartDate }), granted, '2026-11-01');
  expect(moved(undefined)).toEqual([{ field: 'new_start_date', rule: 'REQUIRED' }]);
  expect(moved('1-1-2027')).toEqual([{ field: 'new_start_date', rule: 'NOT_A_DATE' }]);
  expect(moved('2026-12-01')).toEqual([{ field: 'new_start_date', rule: 'SAME_AS_CURRENT' }]);
  expect(moved('2027-01-05')).toEqual([]);
});

test('"other" needs an explanation; every explanation is at most 1000 characters; fields of other kinds are ignored', () => {
  expect(changeReportViolations(report({ kind: 'OTHER', explanation: ' ' }), granted, '2026-11-01')).toEqual([{ field: 'explanation', rule: 'REQUIRED' }]);
  expect(changeReportViolations(report({ kind: 'OTHER', explanation: 'x'.repeat(MAX_EXPLANATION_LENGTH) }), granted, '2026-11-01')).toEqual([]);
  expect(changeReportViolations(report({ kind: 'TRAINING_NOT_STARTED', explanation: 'x'.repeat(MAX_EXPLANATION_LENGTH + 1) }), granted, '2026-11-01'))
    .toEqual([{ field: 'explanation', rule: 'TOO_LONG' }]);
  expect(changeReportViolations(report({ kind: 'TRAINING_NOT_STARTED', newEmail: 'rommel', stoppedOn: 'rommel' }), granted, '2026-11-01')).toEqual([]);
});

test('a change of the training is refused for an application that is not granted; contact and other changes are not', () => {
  for (const status of ['REJECTED', 'WITHDRAWN', 'RECEIVED']) {
    expect(changeReportRefusal('TRAINING_NOT_STARTED', { status })).toBe('APPLICATION_NOT_GRANTED');
    expect(changeReportRefusal('TRAINING_STOPPED', { status })).toBe('APPLICATION_NOT_GRANTED');
    expect(changeReportRefusal('START_DATE_CHANGED', { status })).toBe('APPLICATION_NOT_GRANTED');
    expect(changeReportRefusal('CONTACT_EMAIL_CHANGED', { status })).toBeUndefined();
    expect(changeReportRefusal('OTHER', { status })).toBeUndefined();
  }
  expect(changeReportRefusal('TRAINING_STOPPED', { status: 'GRANTED' })).toBeUndefined();
});

test('an outcome note is required (not blank) and at most 1000 characters after trimming', () => {
  expect(outcomeNoteViolation('')).toBe('REQUIRED');
  expect(outcomeNoteViolation(' \n ')).toBe('REQUIRED');
  expect(outcomeNoteViolation('Startdatum aangepast')).toBeUndefined();
  expect(outcomeNoteViolation(` ${'x'.repeat(MAX_OUTCOME_NOTE_LENGTH)} `)).toBeUndefined();
  expect(outcomeNoteViolation('x'.repeat(MAX_OUTCOME_NOTE_LENGTH + 1))).toBe('TOO_LONG');
});
