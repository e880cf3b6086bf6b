// Which later provider decision supersedes which earlier one that is still pending (its effective date still ahead).
//
// ASSUMPTION (the sources are silent; DOMAIN.md §3 Provider registry only says decisions take effect on their
// date): the latest decision about the provider wins for dates on or after its effective date. A decision that
// arrives later, about the same thing, cancels every pending earlier decision about that thing whose effective date
// is on or after its own: from that date the later decision says how it is. A pending decision dated before it
// stays: it governs the days in between, and both are applied in date order.
// "The same thing" is one of:
//   - the provider's suspension: ProviderSuspended and ProviderReinstated (a reinstatement dated before a pending
//     suspension cancels that suspension; a suspension dated before a pending reinstatement cancels it);
//   - one recognition (by id): its revocation, expiry or renewal;
//   - the end of the registration.
// A revocation does NOT cancel a pending suspension (nor the reverse): a revocation is about one recognition, and
// a suspension is an explicit decision about the provider that only a reinstatement lifts (DOMAIN.md §3: "suspension
// must be an explicit decision"); were the revoked recognition renewed later, a cancelled suspension would have let
// the provider's trainings become applyable against the suspension decision.
// "Later" is order of arrival: a provider's events share one partition (key = provider id), so they arrive in the
// order provider-registry decided them.

export interface ProviderDecision {
  kind: 'recognition' | 'suspended' | 'reinstated' | 'ended';
  recognitionId?: string;
}

/** What a decision decides about: decisions about the same subject supersede each other. */
export function decisionSubject(decision: ProviderDecision): string {
  switch (decision.kind) {
    case 'suspended':
    case 'reinstated':
      return 'suspension';
    case 'ended':
      return 'registration';
    case 'recognition':
      return `recognition:${decision.recognitionId ?? ''}`;
  }
}

/**
 * Whether a pending decision (effective on `pendingDate`) is cancelled by a later one effective on `laterDate`
 * (dates yyyy-mm-dd; the later decision's date is today when it applies at once).
 */
export function isSupersededBy(pending: ProviderDecision, pendingDate: string, later: ProviderDecision, laterDate: string): boolean {
  return decisionSubject(pending) === decisionSubject(later) && pendingDate >= laterDate;
}
