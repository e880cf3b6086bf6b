// Withdrawing a STAP application (WithdrawApplication, portal.proto): allowed before the training starts, for a
// granted application whose purchase order has no approved invoice yet. The granted amount goes back to the tijdvak's
// budget only when payment has cancelled the purchase order (it decommitted the amount): the ceiling is law, so the
// portal never gives back an amount payment may still pay (DOMAIN.md §2.1 "After the grant": the provider may
// invoice the advance from 3 weeks before the start; §4 "every euro granted, paid and recovered must reconcile").
// Never a waiting list (DOMAIN.md §2.1 "no waiting list"): what is released after "plafond bereikt" stays unused in
// this tijdvak and rolls over at closing. Whether the grant still counts as the person's one grant of the calendar year is the regeling's parameter
// withdrawnGrantCountsForTheYear (DOMAIN.md §2.1 "a granted one counts; a rejected one does not"; the sources are
// silent on withdrawal, so the STAP data keeps a withdrawn grant counted).
import { compareDates, type IsoDate } from '@stap/regelingen';
import type { StapRules } from './rules-version';

export type WithdrawalRefusal = 'ADVANCE_INVOICED' | 'ALREADY_WITHDRAWN' | 'APPLICATION_REJECTED' | 'NOT_DECIDED' | 'TRAINING_STARTED';

/** Every refusal code, for transports that map them to messages (e.g. Dutch on the web page). */
export const WITHDRAWAL_REFUSALS: readonly WithdrawalRefusal[] = ['ADVANCE_INVOICED', 'ALREADY_WITHDRAWN', 'APPLICATION_REJECTED', 'NOT_DECIDED', 'TRAINING_STARTED'];

export interface WithdrawableApplication {
  status: string;
  /** First day of the training, Amsterdam calendar date. */
  trainingStartDate: IsoDate;
  grantedCents: number;
  /** payment approved an invoice on the grant's purchase order (InvoiceApproved): money is or will be paid out. */
  invoiceApproved: boolean;
}

/** Why an application cannot be withdrawn today (Amsterdam date), or undefined when it can. */
export function withdrawalRefusal(application: WithdrawableApplication, today: IsoDate): WithdrawalRefusal | undefined {
  if (application.status === 'WITHDRAWN') return 'ALREADY_WITHDRAWN';
  if (application.status === 'REJECTED') return 'APPLICATION_REJECTED';
  if (application.status !== 'GRANTED') return 'NOT_DECIDED';
  // "Before the training starts": on its first day it has started (the same boundary as checkNotYetStarted).
  if (compareDates(today, application.trainingStartDate) >= 0) return 'TRAINING_STARTED';
  // Once an invoice is approved payment keeps the order (it is settled by an officer, not cancelled), so the amount
  // could never be released: refusing keeps the application and the budget telling the same story. Any approved
  // invoice counts (the advance is the first one the provider may send).
  if (application.invoiceApproved) return 'ADVANCE_INVOICED';
  return undefined;
}

export interface WithdrawalEffect {
  /** To be returned to the tijdvak's committed budget of the application's channel, once payment cancels the order. */
  releasedCents: number;
  /** Whether the grant keeps counting as the person's grant of its calendar year (grant_year stays set). */
  keepsYearCounted: boolean;
}

export function withdrawalEffect(application: Pick<WithdrawableApplication, 'grantedCents'>, rules: StapRules): WithdrawalEffect {
  return { releasedCents: application.grantedCents, keepsYearCounted: rules.parameters.withdrawnGrantCountsForTheYear.value };
}

/** What happens to a withdrawn grant's amount when payment's PurchaseOrderCancelled arrives. */
export type ReleaseDecision = 'RELEASE' | 'WITHHOLD_TIJDVAK_CLOSED';

/**
 * A cancellation releases the amount into its tijdvak while that tijdvak is not closed. Assumption (DOMAIN.md is
 * silent): a CLOSED tijdvak already reported its figures (TijdvakClosed) and rolled its unused budget over, so the
 * amount is not put back there (nor into the next tijdvak, whose ceiling was fixed at the roll-over); the withheld
 * release is recorded on the application for reconciliation with payment's ledger (DOMAIN.md §4).
 */
export function releaseDecision(tijdvakStatus: string): ReleaseDecision {
  return tijdvakStatus === 'CLOSED' ? 'WITHHOLD_TIJDVAK_CLOSED' : 'RELEASE';
}

/** Where a withdrawn grant's amount stands, for "Mijn STAP-budget". */
export type BudgetReleaseState = 'NOT_WITHDRAWN' | 'PENDING' | 'RELEASED' | 'WITHHELD';

export function budgetReleaseState(application: { status: string; budgetReleasedAt: Date | null; releaseWithheld: string | null }): BudgetReleaseState {
  if (application.status !== 'WITHDRAWN') return 'NOT_WITHDRAWN';
  if (application.budgetReleasedAt !== null) return 'RELEASED';
  return application.releaseWithheld !== null ? 'WITHHELD' : 'PENDING';
}
