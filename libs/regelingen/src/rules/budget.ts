// Ceilings and caps of a tijdvak or tranche. An application is granted only if it fits entirely: the
// platform never grants a euro over the ceiling and never grants part of an application; when it no
// longer fits the reason is "plafond bereikt" and the person may apply in a next tijdvak.
// Source: DOMAIN.md §2.1 (processing order, rollover, counter reserve) and §2.3 (tranche caps) [pub];
// seeds 001, 003, 004.
import { verdictWith, type VerdictWith } from '../result';

export type CapReason = 'CAP_REACHED';
export type CeilingReason = 'PLAFOND_BEREIKT';
export type ApplicationChannel = 'ONLINE' | 'COUNTER';

function assertWholeNonNegative(name: string, value: number): void {
  // Budget figures come from the ledger, not from an applicant; a bad figure is a programming error.
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole non-negative number, got ${value}`);
}

export interface CountCapCheck {
  readonly cap: number;
  /** Registrations or grants already counted against the cap, not including this one. */
  readonly countSoFar: number;
}

/** Whether one more registration fits under a count cap (e.g. 22,000 NL Leert Door registrations). */
export function checkCountCap({ cap, countSoFar }: CountCapCheck): VerdictWith<CapReason, { remainingAfter: number }> {
  assertWholeNonNegative('cap', cap);
  assertWholeNonNegative('countSoFar', countSoFar);
  const fits = countSoFar < cap;
  return verdictWith<CapReason, { remainingAfter: number }>([!fits && 'CAP_REACHED'], {
    remainingAfter: fits ? cap - countSoFar - 1 : 0,
  });
}

export interface CeilingCheck {
  readonly ceilingCents: number;
  /** Already granted (committed) against this ceiling, not including this application. */
  readonly committedCents: number;
  readonly amountCents: number;
}

/** Whether an amount fits entirely under a budget ceiling. */
export function checkBudgetCeiling({ ceilingCents, committedCents, amountCents }: CeilingCheck): VerdictWith<CeilingReason, { remainingCents: number }> {
  assertWholeNonNegative('ceilingCents', ceilingCents);
  assertWholeNonNegative('committedCents', committedCents);
  assertWholeNonNegative('amountCents', amountCents);
  const available = Math.max(ceilingCents - committedCents, 0);
  const fits = amountCents <= available;
  return verdictWith<CeilingReason, { remainingCents: number }>([!fits && 'PLAFOND_BEREIKT'], {
    remainingCents: fits ? available - amountCents : available,
  });
}

export interface SplitCeiling {
  readonly onlineCents: number;
  /** Reserved for people who cannot apply online and apply at a UWV office. */
  readonly counterCents: number;
}

/** Splits a tijdvak ceiling into the online part and the counter reserve; rounding favours online. */
export function splitCeiling(ceilingCents: number, counterReserveBasisPoints: number): SplitCeiling {
  assertWholeNonNegative('ceilingCents', ceilingCents);
  assertWholeNonNegative('counterReserveBasisPoints', counterReserveBasisPoints);
  if (counterReserveBasisPoints > 10_000) throw new RangeError('the counter reserve cannot exceed 100%');
  const counterCents = Math.floor((ceilingCents * counterReserveBasisPoints) / 10_000);
  return { onlineCents: ceilingCents - counterCents, counterCents };
}

/** The part of a ceiling that an application through a channel may use. */
export function ceilingForChannel(split: SplitCeiling, channel: ApplicationChannel): number {
  return channel === 'ONLINE' ? split.onlineCents : split.counterCents;
}

export interface RolloverInput {
  /** The ceiling the regulation gives the tijdvak on its own. */
  readonly baseCeilingCents: number;
  /** Ceiling minus committed of the previous tijdvak (online and counter together), once it closed. */
  readonly unusedFromPreviousCents: number;
  readonly rolloverEnabled: boolean;
}

/** The ceiling of a tijdvak including what the previous one left unused, when the scheme rolls over. */
export function ceilingWithRollover({ baseCeilingCents, unusedFromPreviousCents, rolloverEnabled }: RolloverInput): number {
  assertWholeNonNegative('baseCeilingCents', baseCeilingCents);
  assertWholeNonNegative('unusedFromPreviousCents', unusedFromPreviousCents);
  return rolloverEnabled ? baseCeilingCents + unusedFromPreviousCents : baseCeilingCents;
}
