import { isLate, proofViolations } from './participation';

const criteria = { minimumAttendancePercent: 80, minimumCreditsPercent: 80 };
const fields = (outcome: Parameters<typeof proofViolations>[0]) => proofViolations(outcome, criteria).map((v) => v.field);

test('completion on attendance or credits needs at least 80 %; 79 % is not completion', () => {
  expect(fields({ completed: true, basis: 'ATTENDANCE', attendancePercent: 80 })).toEqual([]);
  expect(fields({ completed: true, basis: 'ATTENDANCE', attendancePercent: 79 })).toEqual(['completed.attendance_percentage']);
  expect(fields({ completed: true, basis: 'CREDITS', creditsPercent: 80 })).toEqual([]);
  expect(fields({ completed: true, basis: 'CREDITS' })).toEqual(['completed.credits_percentage']);
  expect(fields({ completed: true, basis: 'EXAM_TAKEN' })).toEqual([]);
  expect(fields({ completed: true, basis: undefined })).toEqual(['completed.basis']);
  expect(fields(undefined)).toEqual(['outcome']);
});

test('not completed: low participation must be below 80 %; illness can be claimed with an explanation', () => {
  expect(fields({ completed: false, reason: 'LOW_PARTICIPATION', attendancePercent: 79, illnessClaimed: true, explanation: 'ziek' })).toEqual([]);
  expect(fields({ completed: false, reason: 'LOW_PARTICIPATION', attendancePercent: 80, illnessClaimed: false, explanation: '' })).toEqual(['not_completed.attendance_percentage']);
  expect(fields({ completed: false, reason: undefined, attendancePercent: 101, illnessClaimed: false, explanation: '' })).toEqual(['not_completed.reason', 'not_completed.attendance_percentage']);
});

test('late: after 3 months from the last day of the training; on the last allowed day it is on time', () => {
  expect(isLate('2023-01-31', '2023-04-30', 3)).toBe(false);
  expect(isLate('2023-01-31', '2023-05-01', 3)).toBe(true);
  expect(isLate('2023-03-15', '2023-06-15', 3)).toBe(false);
  expect(isLate('2023-03-15', '2023-06-16', 3)).toBe(true);
});
