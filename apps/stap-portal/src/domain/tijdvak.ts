// A tijdvak (application window) and its budget: ceiling = base budget + what the previous tijdvak left unused,
// of which a share is reserved for applications at a counter; it opens at its opening instant (10:00
// Europe/Amsterdam in the real scheme), is exhausted when the ceiling is reached, and closes with a roll-over of the
// unused budget to the next tijdvak. Source: DOMAIN.md §2.1 [pub]; parameters in libs/regelingen (config/data/stap.ts).
import type { Violation } from '@stap/platform/errors';
import {
  addMonthsClamped,
  amsterdamToInstant,
  getTijdvak as catalogueTijdvakOf,
  ceilingWithRollover,
  isIsoDate,
  lastDayBefore,
  instantToAmsterdam,
  splitCeiling,
  type IsoDate,
} from '@stap/regelingen';
import type { StapRules } from './rules-version';

export const TIJDVAK_STATUSES = ['SCHEDULED', 'OPEN', 'CEILING_REACHED', 'CLOSED'] as const;
export type TijdvakStatus = (typeof TIJDVAK_STATUSES)[number];

export interface TijdvakBudget {
  ceilingCents: number;
  counterReserveCents: number;
  committedOnlineCents: number;
  committedCounterCents: number;
}

export interface ScheduleTijdvakInput {
  id: string;
  displayName: string;
  opensAt: Date | undefined;
  closesAt: Date | undefined;
  baseBudgetCents: number;
  /** Undefined: derived from the regeling's counter reserve share. */
  counterReserveCents: number | undefined;
  /** When the unused counter reserve goes to online applications; undefined: the regeling's hours before closing. */
  counterReserveReleaseAt?: Date;
}

const TIJDVAK_ID = /^STAP-\d{4}-\d{2}[A-Z0-9-]*$/;

export function scheduleViolations(input: ScheduleTijdvakInput): Violation[] {
  const violations: Violation[] = [];
  const check = (ok: boolean, field: string, description: string) => void (ok || violations.push({ field, description }));
  check(TIJDVAK_ID.test(input.id), 'ref.tijdvak_id', 'must look like STAP-2022-11');
  check(input.displayName.trim().length > 0 && input.displayName.length <= 200, 'display_name', 'is required (at most 200 characters)');
  check(input.opensAt !== undefined, 'opens_at', 'is required');
  check(input.closesAt !== undefined, 'closes_at', 'is required');
  if (input.opensAt && input.closesAt) check(input.closesAt > input.opensAt, 'closes_at', 'must be after opens_at');
  check(Number.isSafeInteger(input.baseBudgetCents) && input.baseBudgetCents > 0, 'base_budget.amount_cents', 'must be a positive amount of cents');
  if (input.counterReserveCents !== undefined) {
    check(Number.isSafeInteger(input.counterReserveCents) && input.counterReserveCents >= 0, 'counter_reserve.amount_cents', 'must be zero or more cents');
    check(input.counterReserveCents <= input.baseBudgetCents, 'counter_reserve.amount_cents', 'cannot exceed the base budget');
  }
  // A release outside the tijdvak would release nothing (before opening nothing is decided yet; at or after closing
  // no application is). Source: DOMAIN.md §2.1 [pub] ("part of each tijdvak's budget is reserved for people who
  // cannot apply online"); when the unused reserve is released is not in the sources (an assumption, see README).
  const release = input.counterReserveReleaseAt;
  if (release && input.opensAt && input.closesAt) {
    check(release > input.opensAt && release < input.closesAt, 'counter_reserve_release_at', 'must lie after opens_at and before closes_at');
  }
  return violations;
}

/** The counter reserve: given explicitly, or the regeling's share of the ceiling (counterReserveBasisPoints). */
export function counterReserveFor(ceilingCents: number, explicit: number | undefined, rules: StapRules): number {
  if (explicit !== undefined) return explicit;
  return splitCeiling(ceilingCents, rules.parameters.counterReserveBasisPoints.value).counterCents;
}

/** The opening instant on a calendar date at the regeling's opening time (10:00 Europe/Amsterdam). */
export function openingInstantOn(date: IsoDate, rules: StapRules): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return amsterdamToInstant(`${date}T${rules.parameters.openingTime.value}`);
}

export function onlineRemainingCents(budget: TijdvakBudget): number {
  return Math.max(budget.ceilingCents - budget.counterReserveCents - budget.committedOnlineCents, 0);
}

export function counterRemainingCents(budget: TijdvakBudget): number {
  return Math.max(budget.counterReserveCents - budget.committedCounterCents, 0);
}

/** What is left unused at closing and moves to the next tijdvak when the regeling rolls over. */
export function unusedCents(budget: TijdvakBudget): number {
  return Math.max(budget.ceilingCents - budget.committedOnlineCents - budget.committedCounterCents, 0);
}

/** The new ceiling of the tijdvak that receives a roll-over (libs/regelingen ceilingWithRollover). */
export function ceilingAfterRollover(currentCeilingCents: number, incomingCents: number, rules: StapRules): number {
  return ceilingWithRollover({
    baseCeilingCents: currentCeilingCents,
    unusedFromPreviousCents: incomingCents,
    rolloverEnabled: rules.parameters.rolloverOfUnusedBudget.value,
  });
}

/** Status as time passes: a SCHEDULED tijdvak is open from its opening instant, and closed from its closing one. */
export function effectiveStatus(stored: TijdvakStatus, opensAt: Date, closesAt: Date, now: Date): TijdvakStatus {
  if (stored === 'CLOSED' || now >= closesAt) return 'CLOSED';
  if (stored === 'SCHEDULED') return now >= opensAt ? 'OPEN' : 'SCHEDULED';
  return stored;
}

export interface ReserveRelease {
  /** From this instant the unused counter reserve may be used online (null: never released). */
  releaseAt: Date | null;
  /** When the online part was found exhausted (null: unknown, treated as before the release). */
  ceilingReachedAt: Date | null;
  budget: TijdvakBudget;
}

/**
 * The status people see, with the counter reserve's release: an online part found exhausted before the release is
 * open again from the release instant while the ceiling is not reached; exhausted after the release, it is final
 * (the same rule decideInOrder applies in domain/decide-in-order.ts). Source: DOMAIN.md §2.1 [pub]; the release is
 * an assumption (libs/regelingen counterReserveReleaseHoursBeforeClosing).
 */
export function statusAfterReserveRelease(status: TijdvakStatus, release: ReserveRelease, now: Date): TijdvakStatus {
  const { releaseAt, ceilingReachedAt, budget } = release;
  if (status !== 'CEILING_REACHED' || releaseAt === null || now < releaseAt) return status;
  const exhaustedBeforeRelease = ceilingReachedAt === null || ceilingReachedAt < releaseAt;
  const ceilingLeft = budget.committedOnlineCents + budget.committedCounterCents < budget.ceilingCents;
  return exhaustedBeforeRelease && ceilingLeft ? 'OPEN' : status;
}

/** Latest start date of a training named in this tijdvak: 3 months after closing (DOMAIN.md §2.1 [pub]). */
export function latestTrainingStart(closesAt: Date, rules: StapRules): IsoDate {
  return addMonthsClamped(lastDayBefore(instantToAmsterdam(closesAt)), rules.parameters.latestStartMonthsAfterTijdvakCloses.value);
}

/**
 * A tijdvak of the regeling's own calendar in libs/regelingen (e.g. STAP-2022-11: opening 1 Nov 2022 10:00
 * Europe/Amsterdam, closing 1 Jan 2023, ceiling €48.5M): fills what the officer left out of ScheduleTijdvak.
 */
export function withCatalogueDefaults(input: ScheduleTijdvakInput): ScheduleTijdvakInput {
  const known = catalogueTijdvakOf(input.id);
  if (!known || known.regeling !== 'STAP') return input;
  return {
    ...input,
    displayName: input.displayName.trim() || known.label,
    opensAt: input.opensAt ?? amsterdamToInstant(known.opensAt.value),
    closesAt: input.closesAt ?? amsterdamToInstant(known.closesAt.value),
    baseBudgetCents: input.baseBudgetCents > 0 ? input.baseBudgetCents : (known.budgetCeilingCents?.value ?? 0),
  };
}
