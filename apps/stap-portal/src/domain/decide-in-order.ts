// Decisions in order of complete receipt against the tijdvak's ceiling. An application is granted only if it fits
// entirely in what its channel may still use (online part or counter reserve); once an online application no longer
// fits, the online part is exhausted ("plafond bereikt") and every later online application is rejected with
// CEILING_REACHED, so no later, smaller application can overtake an earlier one: there is no waiting list.
// One grant per person per calendar year and the training's yearly grant limit (verleningsgrens) depend on the
// grants before it in the same order, so they are applied here too.
// Counter reserve release: from the tijdvak's release instant (libs/regelingen counterReserveReleaseHoursBeforeClosing,
// an assumption: the sources do not say) the two parts merge: an online application may use what the counter left and
// the counter what online left, never more than the ceiling together. An online part found exhausted before the
// release is open again for applications received after it; exhausted after the release, it is final.
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
  /** Received at or after the tijdvak's counter-reserve release instant. */
  reserveReleased: boolean;
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
  /** That exhaustion was found before the counter reserve was released (so a released application may reopen it). */
  exhaustedBeforeRelease: boolean;
  /** Set when a released application reopened an online part exhausted before the release. */
  reopenedByRelease: boolean;
  /** Persons already granted in the calendar year of these applications. */
  grantedPersons: Set<string>;
  /** Grants per training in that calendar year. */
  trainingGrants: Map<string, number>;
  trainingGrantLimit: number | null;
  grantsPerCalendarYear: number;
  /** The Amsterdam application date (for the calendar year). */
  applicationDate: string;
}

function onlineCeilingReason(state: DecisionState, application: ReceivedApplication): RejectionReason[] {
  const { budget } = state;
  const released = application.reserveReleased;
  if (released && state.onlineExhausted && state.exhaustedBeforeRelease) {
    state.onlineExhausted = false;
    state.exhaustedBeforeRelease = false;
    state.reopenedByRelease = true;
  }
  if (state.onlineExhausted) return ['CEILING_REACHED'];
  // Before the release the online part is the ceiling minus the reserve; after it, the ceiling minus what the counter used.
  const onlineCeiling = budget.ceilingCents - (released ? budget.committedCounterCents : budget.counterReserveCents);
  const verdict = checkBudgetCeiling({ ceilingCents: onlineCeiling, committedCents: budget.committedOnlineCents, amountCents: application.amountCents });
  if (!verdict.eligible) {
    state.onlineExhausted = true;
    state.exhaustedBeforeRelease = !released;
  }
  return verdict.eligible ? [] : ['CEILING_REACHED'];
}

function counterCeilingReason(state: DecisionState, application: ReceivedApplication): RejectionReason[] {
  const { budget } = state;
  const counterCeiling = application.reserveReleased ? budget.ceilingCents - budget.committedOnlineCents : budget.counterReserveCents;
  const verdict = checkBudgetCeiling({ ceilingCents: counterCeiling, committedCents: budget.committedCounterCents, amountCents: application.amountCents });
  return verdict.eligible ? [] : ['CEILING_REACHED'];
}

function ceilingReason(state: DecisionState, application: ReceivedApplication): RejectionReason[] {
  return application.channel === 'ONLINE' ? onlineCeilingReason(state, application) : counterCeilingReason(state, application);
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

/**
 * The instant from which a tijdvak's unused counter reserve may be used online: set per tijdvak, or the closing
 * instant minus the regeling's counterReserveReleaseHoursBeforeClosing (an assumption: the sources do not say);
 * null when the reserve is never released.
 */
export function reserveReleaseInstant(closesAt: Date, perTijdvak: Date | null, hoursBeforeClosing: number | null): Date | null {
  if (perTijdvak) return perTijdvak;
  return hoursBeforeClosing === null ? null : new Date(closesAt.getTime() - hoursBeforeClosing * 3_600_000);
}

/** Whether the online part is exhausted after this batch where it was not before, or again after the release. */
export function newlyExhausted(state: DecisionState, exhaustedBefore: boolean): boolean {
  return state.onlineExhausted && (!exhaustedBefore || state.reopenedByRelease);
}
