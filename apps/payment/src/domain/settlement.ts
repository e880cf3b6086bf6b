// Settlement (vaststelling) after proof of participation, and the recovery (terugvordering) it can lead to.
// Source: DOMAIN.md §2.1 [pub]: "Within 3 months after the end the provider submits proof of participation ...
// completed = certificate/diploma, ≥ 80 % attendance, exam taken, or ≥ 80 % of credits; not completed = no/low
// participation or the course was cancelled. Then the subsidy is settled (vaststelling) or recovered in part or in
// full (terugvordering). Illness can be an accepted reason."
import type { Violation } from '@stap/platform/errors';

export type SettlementOutcome = 'FULL' | 'PARTIAL' | 'NIL';

export interface SettlementFigures {
  committedCents: number;
  /** Sum of approved invoices (what became payable). */
  invoicedCents: number;
}

export interface SettlementPlan {
  outcome: SettlementOutcome;
  settledCents: number;
  /** Still payable to the payee: the settled amount above what was invoiced (a balance payment). */
  balancePayableCents: number;
  /** Commitment no longer needed, back to the tijdvak's budget. */
  releasedCents: number;
  /** Invoiced above the settled amount: to be recovered from the payee. */
  recoveryCents: number;
}

export function settlementViolations(figures: SettlementFigures, settledCents: number): Violation[] {
  if (!Number.isSafeInteger(settledCents) || settledCents < 0 || settledCents > figures.committedCents) {
    return [{ field: 'settled_amount.amount_cents', description: `must be 0 to the committed ${figures.committedCents} cents` }];
  }
  return [];
}

/** How a settled amount splits into balance payment, released commitment and recovery. All parts are ≥ 0. */
export function planSettlement(figures: SettlementFigures, settledCents: number): SettlementPlan {
  const { committedCents, invoicedCents } = figures;
  const outcome: SettlementOutcome = settledCents === committedCents ? 'FULL' : settledCents === 0 ? 'NIL' : 'PARTIAL';
  const balancePayableCents = Math.max(0, settledCents - invoicedCents);
  const recoveryCents = Math.max(0, invoicedCents - settledCents);
  const releasedCents = committedCents - Math.max(settledCents, invoicedCents);
  return { outcome, settledCents, balancePayableCents, releasedCents, recoveryCents };
}

export interface ParticipationProof {
  completed: boolean;
  illnessClaimed: boolean;
}

/**
 * The settlement a proof of participation decides on its own: completed → the committed amount; not completed
 * without a claimed illness → nil. A claimed illness needs an officer's judgement ("Illness can be an accepted
 * reason", DOMAIN.md §2.1), so it is left for DecideSettlement: undefined.
 */
export function automaticSettlement(proof: ParticipationProof, committedCents: number): number | undefined {
  if (proof.completed) return committedCents;
  if (proof.illnessClaimed) return undefined;
  return 0;
}

export type RecoveryMethod = 'OFFSETTING' | 'PAYMENT_REQUEST';

/** Unspecified method: offset when the payee still has payable amounts, otherwise a payment request (payments.proto). */
export function recoveryMethod(requested: RecoveryMethod | undefined, payeeHasPayables: boolean): RecoveryMethod {
  return requested ?? (payeeHasPayables ? 'OFFSETTING' : 'PAYMENT_REQUEST');
}

export type RecoveryStatus = 'OPEN' | 'PARTIALLY_RECOVERED' | 'RECOVERED';

export function recoveryStatus(amountCents: number, recoveredCents: number): RecoveryStatus {
  if (recoveredCents >= amountCents) return 'RECOVERED';
  return recoveredCents > 0 ? 'PARTIALLY_RECOVERED' : 'OPEN';
}

/**
 * A payment request (betalingsverzoek) is due six weeks after the decision: the general term for payments under
 * administrative law (Algemene wet bestuursrecht art. 4:87 lid 1 [pub]); the scheme sources set no other term.
 */
export const PAYMENT_REQUEST_TERM_DAYS = 42;

export function paymentRequestDueDate(decidedOn: string, addDays: (date: string, days: number) => string): string {
  return addDays(decidedOn, PAYMENT_REQUEST_TERM_DAYS);
}
