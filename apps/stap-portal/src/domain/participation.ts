// Proof of participation (bewijs van deelname), per person or in bulk, within 3 months after the training ends;
// later proofs are accepted and marked late. Completed = certificate or diploma, >= 80 % attendance, exam taken, or
// >= 80 % of credits; not completed = no or low participation, or the course was cancelled; illness can be claimed
// (the executor decides at settlement whether it is accepted). Source: DOMAIN.md §2.1 [pub]; thresholds and the
// deadline are parameters of libs/regelingen (completion, proofOfParticipationWithinMonthsAfterEnd).
import type { Violation } from '@stap/platform/errors';
import { addMonthsClamped, compareDates, type CompletionCriteria, type IsoDate } from '@stap/regelingen';

export const COMPLETION_BASES = ['CERTIFICATE_OR_DIPLOMA', 'ATTENDANCE', 'EXAM_TAKEN', 'CREDITS'] as const;
export const NON_COMPLETION_REASONS = ['NO_PARTICIPATION', 'LOW_PARTICIPATION', 'COURSE_CANCELLED'] as const;
export type CompletionBasis = (typeof COMPLETION_BASES)[number];
export type NonCompletionReason = (typeof NON_COMPLETION_REASONS)[number];

export type ProofOutcome =
  | { completed: true; basis: CompletionBasis | undefined; attendancePercent?: number; creditsPercent?: number; completedOn?: IsoDate }
  | { completed: false; reason: NonCompletionReason | undefined; attendancePercent?: number; illnessClaimed: boolean; explanation: string };

const isPercent = (value: number | undefined) => value === undefined || (Number.isInteger(value) && value >= 0 && value <= 100);

export function proofViolations(outcome: ProofOutcome | undefined, criteria: CompletionCriteria): Violation[] {
  if (!outcome) return [{ field: 'outcome', description: 'completed or not_completed is required' }];
  const violations: Violation[] = [];
  const check = (ok: boolean, field: string, description: string) => void (ok || violations.push({ field, description }));
  if (outcome.completed) {
    check(outcome.basis !== undefined, 'completed.basis', 'is required');
    check(isPercent(outcome.attendancePercent), 'completed.attendance_percentage', 'must be 0 to 100');
    check(isPercent(outcome.creditsPercent), 'completed.credits_percentage', 'must be 0 to 100');
    if (outcome.basis === 'ATTENDANCE') {
      check((outcome.attendancePercent ?? -1) >= criteria.minimumAttendancePercent, 'completed.attendance_percentage',
        `must be at least ${criteria.minimumAttendancePercent} for completion on attendance`);
    }
    if (outcome.basis === 'CREDITS') {
      check((outcome.creditsPercent ?? -1) >= criteria.minimumCreditsPercent, 'completed.credits_percentage',
        `must be at least ${criteria.minimumCreditsPercent} for completion on credits`);
    }
    return violations;
  }
  check(outcome.reason !== undefined, 'not_completed.reason', 'is required');
  check(isPercent(outcome.attendancePercent), 'not_completed.attendance_percentage', 'must be 0 to 100');
  if (outcome.reason === 'LOW_PARTICIPATION' && outcome.attendancePercent !== undefined) {
    check(outcome.attendancePercent < criteria.minimumAttendancePercent, 'not_completed.attendance_percentage',
      `low participation means below ${criteria.minimumAttendancePercent}; this attendance counts as completed`);
  }
  check(outcome.explanation.length <= 1_000, 'not_completed.explanation', 'must be at most 1,000 characters');
  return violations;
}

/** Submitted after the deadline: more than N months (a parameter) after the training's last day. */
export function isLate(trainingEndDate: IsoDate, submittedOn: IsoDate, withinMonthsAfterEnd: number): boolean {
  return compareDates(submittedOn, addMonthsClamped(trainingEndDate, withinMonthsAfterEnd)) > 0;
}
