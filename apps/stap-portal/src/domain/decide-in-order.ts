// Decisions in order of complete receipt against the tijdvak's ceiling. An application is granted only if it fits
// entirely in what its channel may still use (online part or counter reserve); once an online application no longer
// fits, the online part is exhausted ("plafond bereikt") and every later online application is rejected with
// CEILING_REACHED, so no later, smaller application can overtake an earlier one: there is no waiting list.
// One grant per person per calendar year and the training's yearly grant limit (verleningsgrens) depend on the
// grants before it in the same order, so they are applied here too.
// Source: DOMAIN.md §2.1 [pub]; libs/regelingen rules/budget.ts, annual-limit.ts, training-limit.ts.
import { checkBudgetCeiling, checkGrantsPerCalendarYear, checkTrainingGrantLimit } from '@stap/regelingen';
import { fromRuleCodes, type RejectionReason } from './reasons';
import type { TijdvakBudget } from './tijdvak';

export type Channel = 'ONLINE' | 'COUNTER';

export interface ReceivedApplication {
  personKey: string;
  channel: Channel;
  trainingId: string;
  /** Reasons found by assessApplication (its own facts). */
  reasons: readonly RejectionReason[];
  amountCents: number;
}

export interface Decision {
  granted: boolean;
  grantedCents: number;
  reasons: RejectionReason[];
}

export interface DecisionState {
  budget: TijdvakBudget;
  /** The online part was found exhausted earlier (tijdvak status CEILING_REACHED). */
  onlineExhausted: boolean;
  /** Persons already granted in the calendar year of these applications. */
  grantedPersons: Set<string>;
  /** Grants per training in that calendar year. */
  trainingGrants: Map<string, number>;
  trainingGrantLimit: number | null;
  grantsPerCalendarYear: number;
  /** The Amsterdam application date (for the calendar year). */
  applicationDate: string;
}

function ceilingReason(state: DecisionState, application: ReceivedApplication): RejectionReason[] {
  const { budget } = state;
  if (application.channel === 'ONLINE') {
    if (state.onlineExhausted) return ['CEILING_REACHED'];
    const verdict = checkBudgetCeiling({
      ceilingCents: budget.ceilingCents - budget.counterReserveCents,
      committedCents: budget.committedOnlineCents,
      amountCents: application.amountCents,
    });
    if (!verdict.eligible) state.onlineExhausted = true;
    return verdict.eligible ? [] : ['CEILING_REACHED'];
  }
  const verdict = checkBudgetCeiling({ ceilingCents: budget.counterReserveCents, committedCents: budget.committedCounterCents, amountCents: application.amountCents });
  return verdict.eligible ? [] : ['CEILING_REACHED'];
}

function orderDependentReasons(state: DecisionState, application: ReceivedApplication): RejectionReason[] {
  const annual = checkGrantsPerCalendarYear({
    applicationDate: state.applicationDate,
    previous: state.grantedPersons.has(application.personKey) ? [{ submittedOn: state.applicationDate, status: 'GRANTED' }] : [],
    grantsPerCalendarYear: state.grantsPerCalendarYear,
  });
  const limit = checkTrainingGrantLimit({ grantsThisYear: state.trainingGrants.get(application.trainingId) ?? 0, limit: state.trainingGrantLimit });
  return fromRuleCodes([...annual.reasons, ...limit.reasons]);
}

/** Decides one application and updates the state (budget, persons, training counts) when it is granted. */
export function decideNext(state: DecisionState, application: ReceivedApplication): Decision {
  const reasons = [...application.reasons, ...orderDependentReasons(state, application)];
  if (reasons.length > 0) return { granted: false, grantedCents: 0, reasons: [...new Set(reasons)] };
  const ceiling = ceilingReason(state, application);
  if (ceiling.length > 0) return { granted: false, grantedCents: 0, reasons: ceiling };
  if (application.channel === 'ONLINE') state.budget.committedOnlineCents += application.amountCents;
  else state.budget.committedCounterCents += application.amountCents;
  state.grantedPersons.add(application.personKey);
  state.trainingGrants.set(application.trainingId, (state.trainingGrants.get(application.trainingId) ?? 0) + 1);
  return { granted: true, grantedCents: application.amountCents, reasons: [] };
}

export function decideInOrder(state: DecisionState, applications: readonly ReceivedApplication[]): Decision[] {
  return applications.map((application) => decideNext(state, application));
}
