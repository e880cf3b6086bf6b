// Age: eligible from the day the minimum age is reached (inclusive) up to the day before the AOW age
// that applies to the birth date. Source: DOMAIN.md §2.1 and §2.3 [pub]; seed 000; AOW table [pub].
import { anniversary, compareDates, isAfter, toDayNumber, type IsoDate } from '../calendar/iso-date';
import { AOW_AGE_TABLE, type AowAgeRow } from '../config/data/aow-leeftijd';
import type { AgeLimits } from '../config/types';
import { verdictWith, type VerdictWith } from '../result';

export type AgeReason =
  | 'BIRTH_DATE_IN_FUTURE'
  | 'UNDER_MINIMUM_AGE'
  | 'AOW_AGE_REACHED'
  /** The AOW age for this birth date is not fixed yet and the person is at or past its lower bound. */
  | 'AOW_AGE_NOT_ESTABLISHED';

export interface AowAge {
  readonly years: number;
  readonly months: number;
  /** False when only a lower bound is known (the age is fixed five years ahead). */
  readonly established: boolean;
}

/**
 * The table's bounds as day numbers, computed once: the lookup runs for every application (twice per age check), and
 * comparing ISO strings by parsing both sides per row made it the largest cost of the assessment at a window opening.
 */
let boundsInDays: { row: AowAgeRow; from: number; until: number }[] | undefined;

function tableInDays(): { row: AowAgeRow; from: number; until: number }[] {
  boundsInDays ??= AOW_AGE_TABLE.value.map((row) => ({
    row,
    from: row.bornFrom === undefined ? -Infinity : toDayNumber(row.bornFrom),
    until: row.bornUntil === undefined ? Infinity : toDayNumber(row.bornUntil),
  }));
  return boundsInDays;
}

function rowFor(birthDate: IsoDate): AowAgeRow {
  const born = toDayNumber(birthDate);
  const found = tableInDays().find((candidate) => born >= candidate.from && born <= candidate.until);
  // The table is validated at load to cover every date without gaps, so a miss is a programming error.
  if (!found) throw new Error(`AOW table does not cover ${birthDate}`);
  return found.row;
}

/** The AOW age for a birth date per the SVB table [pub]. */
export function aowAgeFor(birthDate: IsoDate): AowAge {
  const { years, months, established } = rowFor(birthDate);
  return { years, months, established };
}

/** The day a person reaches the AOW age (its lower bound when not yet established). */
export function aowDateFor(birthDate: IsoDate): IsoDate {
  const { years, months } = aowAgeFor(birthDate);
  return anniversary(birthDate, years, months);
}

/** Completed years of age on a date; birthdays on 29 February count from 1 March in common years. */
export function ageInYearsOn(birthDate: IsoDate, on: IsoDate): number {
  let years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  while (years > 0 && isAfter(anniversary(birthDate, years), on)) years -= 1;
  return Math.max(years, 0);
}

export interface AgeFacts {
  readonly minimumAgeReachedOn: IsoDate;
  /** First day on which the person is no longer eligible because of the AOW age; null if no upper limit. */
  readonly aowAgeReachedOn: IsoDate | null;
  readonly aowAgeEstablished: boolean;
}

export interface AgeCheck {
  readonly birthDate: IsoDate;
  /** The reference date, e.g. the Amsterdam date on which the application was received. */
  readonly on: IsoDate;
  readonly limits: AgeLimits;
}

export function checkAge({ birthDate, on, limits }: AgeCheck): VerdictWith<AgeReason, AgeFacts> {
  const minimumAgeReachedOn = anniversary(birthDate, limits.minimumAgeYears.value);
  const hasUpperLimit = limits.belowAowAge.value;
  const aow = aowAgeFor(birthDate);
  const aowAgeReachedOn = hasUpperLimit ? aowDateFor(birthDate) : null;
  const pastAowDate = aowAgeReachedOn !== null && compareDates(on, aowAgeReachedOn) >= 0;
  return verdictWith<AgeReason, AgeFacts>(
    [
      isAfter(birthDate, on) && 'BIRTH_DATE_IN_FUTURE',
      compareDates(on, minimumAgeReachedOn) < 0 && 'UNDER_MINIMUM_AGE',
      pastAowDate && (aow.established ? 'AOW_AGE_REACHED' : 'AOW_AGE_NOT_ESTABLISHED'),
    ],
    { minimumAgeReachedOn, aowAgeReachedOn, aowAgeEstablished: aow.established },
  );
}
