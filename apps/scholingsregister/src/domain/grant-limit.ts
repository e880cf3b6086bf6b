// The verleningsgrens in force on a date, from libs/regelingen's versioned STAP parameters (not a literal here):
// at most 300 grants per training per calendar year from February 2023; none before. Source: DOMAIN.md §2.1 [pub].
import { amsterdamDateOf, parametersOn } from '@stap/regelingen';

export function grantLimitPerYearOn(instant: Date): number | null {
  return parametersOn('STAP', amsterdamDateOf(instant))?.parameters.trainingGrantLimitPerYear.value ?? null;
}

/** The calendar year (Europe/Amsterdam) a grant counts in. */
export function grantYearOf(instant: Date): number {
  return Number(amsterdamDateOf(instant).slice(0, 4));
}
