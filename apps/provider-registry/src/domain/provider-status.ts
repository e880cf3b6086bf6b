// A provider's status over time, from its dated decisions. Suspension and reinstatement happen only by explicit
// decision with a reason; an investigation alone never blocks payment or eligibility: "A court held that an
// investigation alone does not justify withholding payment; suspension must be an explicit decision" (DOMAIN.md §3 [pub]).
import { preconditionFailed } from '@stap/platform/errors';
import { compareDates, type IsoDate } from '@stap/regelingen';
import type { ProviderStatus } from './provider';

export const DECISION_KINDS = ['INVESTIGATION_OPENED', 'INVESTIGATION_CLOSED', 'SUSPENDED', 'REINSTATED', 'ENDED'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface StatusDecisionFacts {
  kind: DecisionKind;
  effectiveDate: IsoDate;
  /** Tie-breaker for decisions effective on the same day: the order they were recorded in. */
  seq: number;
}

const STATUS_AFTER: Record<DecisionKind, ProviderStatus> = {
  INVESTIGATION_OPENED: 'UNDER_INVESTIGATION',
  INVESTIGATION_CLOSED: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  REINSTATED: 'ACTIVE',
  ENDED: 'ENDED',
};

/** Which status a decision may be taken from (the contract's FAILED_PRECONDITION cases). */
const ALLOWED_FROM: Record<DecisionKind, readonly ProviderStatus[]> = {
  INVESTIGATION_OPENED: ['ACTIVE'],
  INVESTIGATION_CLOSED: ['UNDER_INVESTIGATION'],
  SUSPENDED: ['ACTIVE', 'UNDER_INVESTIGATION'],
  REINSTATED: ['SUSPENDED'],
  ENDED: ['ACTIVE', 'UNDER_INVESTIGATION', 'SUSPENDED'],
};

/** The status on a day: the last decision effective on or before it (registered providers start ACTIVE). */
export function statusOn(decisions: readonly StatusDecisionFacts[], date: IsoDate): ProviderStatus {
  const effective = decisions
    .filter((decision) => compareDates(decision.effectiveDate, date) <= 0)
    .sort((a, b) => compareDates(a.effectiveDate, b.effectiveDate) || a.seq - b.seq);
  const last = effective[effective.length - 1];
  return last ? STATUS_AFTER[last.kind] : 'ACTIVE';
}

export function statusAfter(kind: DecisionKind): ProviderStatus {
  return STATUS_AFTER[kind];
}

/** Refuses a decision the current status does not allow, with a machine-readable reason. */
export function assertDecisionAllowed(kind: DecisionKind, current: ProviderStatus): void {
  if (!ALLOWED_FROM[kind].includes(current)) {
    throw preconditionFailed(`a provider with status ${current} cannot get decision ${kind}`, `PROVIDER_STATUS_${current}`);
  }
}
