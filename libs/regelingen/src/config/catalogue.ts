// The scheme catalogue: every regeling of DOMAIN.md §2 as typed, deep-frozen data, validated once
// when this module loads, and the lookups the services use.
//
// Why a TypeScript data module and not JSON validated at load: the compiler checks the shape of every
// value against the types, comments can sit next to a number (JSON has none) and the library stays
// free of I/O and of a schema dependency. What types cannot say is checked by validate.ts at load.
import { amsterdamToInstant } from '../calendar/amsterdam-time';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import type { RegelingCode, TijdvakId } from '../codes';
import { AOW_AGE_TABLE } from './data/aow-leeftijd';
import { FISCALE_SCHOLINGSAFTREK, INTERSECTORALE_OMSCHOLING, MAATWERK_SECTOREN, PRAKTIJKLEREN_MBO, SLIM } from './data/neighbours';
import { NLLD_SCHOLING } from './data/nlld-scholing';
import { NLLD_ONTWIKKELADVIES, STAP_ONTWIKKELADVIES, TSOV_45PLUS } from './data/ontwikkeladvies';
import { STAP } from './data/stap';
import type { AnyRegeling, Regeling, RegelingVersion, Tijdvak } from './types';
import { validateAowTable, validateCatalogue } from './validate';

/** Version of the catalogue as a whole; bump it with every change to the data. */
export const CATALOGUE_VERSION = '1.0.0';

type ByCode = { readonly [C in RegelingCode]: Regeling<C> };

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const BY_CODE: ByCode = deepFreeze({
  STAP,
  STAP_ONTWIKKELADVIES,
  NLLD_ONTWIKKELADVIES,
  NLLD_SCHOLING,
  TSOV_45PLUS,
  FISCALE_SCHOLINGSAFTREK,
  SLIM,
  MAATWERK_SECTOREN,
  INTERSECTORALE_OMSCHOLING,
  PRAKTIJKLEREN_MBO,
});

const ALL: readonly AnyRegeling[] = Object.freeze(Object.values(BY_CODE));

deepFreeze(AOW_AGE_TABLE);

const PROBLEMS = [...validateCatalogue(ALL), ...validateAowTable(AOW_AGE_TABLE.value)];
if (PROBLEMS.length > 0) throw new Error(`invalid regelingen configuration:\n- ${PROBLEMS.join('\n- ')}`);

const TIJDVAK_BY_ID: ReadonlyMap<TijdvakId, Tijdvak> = new Map(ALL.flatMap((regeling) => regeling.tijdvakken.map((t) => [t.id, t] as const)));

export function allRegelingen(): readonly AnyRegeling[] {
  return ALL;
}

export function getRegeling<C extends RegelingCode>(code: C): Regeling<C> {
  return BY_CODE[code];
}

export function getTijdvak(id: TijdvakId): Tijdvak | undefined {
  return TIJDVAK_BY_ID.get(id);
}

/** The tijdvakken (application windows or tranches) of a regeling, in opening order. */
export function tijdvakkenOf(code: RegelingCode): readonly Tijdvak[] {
  return BY_CODE[code].tijdvakken;
}

/** The version of a regeling in force on a calendar date, or undefined outside its legal period. */
export function parametersOn<C extends RegelingCode>(code: C, date: IsoDate): RegelingVersion<C> | undefined {
  const versions: readonly RegelingVersion<C>[] = getRegeling(code).versions;
  return versions.find((version) => compareDates(date, version.effectiveFrom) >= 0 && compareDates(date, version.effectiveUntil) <= 0);
}

/** The tijdvak of a regeling that accepts applications at an instant, if any. */
export function tijdvakOpenAt(code: RegelingCode, instant: Date): Tijdvak | undefined {
  const at = instant.getTime();
  return tijdvakkenOf(code).find(
    (tijdvak) => amsterdamToInstant(tijdvak.opensAt.value).getTime() <= at && at < amsterdamToInstant(tijdvak.closesAt.value).getTime(),
  );
}

export { AOW_AGE_TABLE };
