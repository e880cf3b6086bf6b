// Withdrawing a STAP application (WithdrawApplication, portal.proto): allowed before the training starts, for a
// granted application. The granted amount goes back to the tijdvak's budget (never a waiting list: DOMAIN.md §2.1
// "no waiting list", so what is released after "plafond bereikt" stays unused in this tijdvak and rolls over at
// closing). Whether the grant still counts as the person's one grant of the calendar year is the regeling's parameter
// withdrawnGrantCountsForTheYear (DOMAIN.md §2.1 "a granted one counts; a rejected one does not"; the sources are
// silent on withdrawal, so the STAP data keeps a withdrawn grant counted).
import { compareDates, type IsoDate } from '@stap/regelingen';
import type { StapRules } from './rules-version';

export type WithdrawalRefusal = 'ALREADY_WITHDRAWN' | 'APPLICATION_REJECTED' | 'NOT_DECIDED' | 'TRAINING_STARTED';

export interface WithdrawableApplication {
  status: string;
  /** First day of the training, Amsterdam calendar date. */
  trainingStartDate: IsoDate;
  grantedCents: number;
}

/** Why an application cannot be withdrawn today (Amsterdam date), or undefined when it can. */
export function withdrawalRefusal(application: WithdrawableApplication, today: IsoDate): WithdrawalRefusal | undefined {
  if (application.status === 'WITHDRAWN') return 'ALREADY_WITHDRAWN';
  if (application.status === 'REJECTED') return 'APPLICATION_REJECTED';
  if (application.status !== 'GRANTED') return 'NOT_DECIDED';
  // "Before the training starts": on its first day it has started (the same boundary as checkNotYetStarted).
  if (compareDates(today, application.trainingStartDate) >= 0) return 'TRAINING_STARTED';
  return undefined;
}

export interface WithdrawalEffect {
  /** Returned to the tijdvak's committed budget of the application's channel. */
  releasedCents: number;
  /** Whether the grant keeps counting as the person's grant of its calendar year (grant_year stays set). */
  keepsYearCounted: boolean;
}

export function withdrawalEffect(application: WithdrawableApplication, rules: StapRules): WithdrawalEffect {
  return { releasedCents: application.grantedCents, keepsYearCounted: rules.parameters.withdrawnGrantCountsForTheYear.value };
}
