// Rules the provider registry applies: which recognition routes make a training provider eligible for a regeling
// on a date, and what qualifies a career adviser. Source: DOMAIN.md §1 (actors), §2.1, §2.5, §3 Provider registry.
import type { IsoDate } from '../calendar/iso-date';
import { getRegeling, parametersOn } from '../config/catalogue';
import { sourced } from '../config/sourced';
import type { RecognitionRoute, Sourced } from '../config/types';
import type { RegelingCode } from '../codes';
import { verdict, type Verdict } from '../result';

export interface AcceptedRoutes {
  /** The routes the regeling accepts on the date. */
  readonly routes: readonly RecognitionRoute[];
  /** Version of the regeling parameters the answer comes from, e.g. `STAP/2023.2`. */
  readonly rulesVersion: string;
}

/**
 * The recognition routes through which a training provider is eligible for a regeling on a date, or undefined when
 * the regeling does not finance training providers on that date (an advice or reference-only scheme, or a date
 * outside its legal period).
 * - STAP: the routes of the version in force (all six routes, from September 2023 only OCW/RIO). DOMAIN.md §2.1, §3 [pub].
 * - NL Leert Door scholing: "provider quality per STAP" [000][001] (DOMAIN.md §2.5), so the STAP routes as first set.
 */
export function acceptedRecognitionRoutes(code: RegelingCode, date: IsoDate): AcceptedRoutes | undefined {
  if (code === 'STAP') {
    const version = parametersOn('STAP', date);
    return version && { routes: version.parameters.recognitionRoutes.value, rulesVersion: version.version };
  }
  if (code === 'NLLD_SCHOLING') {
    const version = parametersOn('NLLD_SCHOLING', date);
    const stapQuality = getRegeling('STAP').versions[0].parameters.recognitionRoutes.value;
    return version && { routes: stapQuality, rulesVersion: version.version };
  }
  return undefined;
}

export type AdviserRegisterName = 'NOLOC' | 'CMI';

export interface AdviserQualification {
  /** Professional registers an adviser must be listed in. */
  readonly registers: readonly AdviserRegisterName[];
  readonly hboLevelRequired: boolean;
  readonly minimumYearsOfExperience: number;
}

/**
 * A qualified career adviser: registered with Noloc or CMI, working at HBO level, at least 3 years of experience.
 * Source: DOMAIN.md §1 (career adviser: "Noloc/CMI-registered adviser, HBO level, 3 yrs experience"); seed 000
 * ("gekwalificeerde loopbaanadviseur").
 */
export const ADVISER_QUALIFICATION: Sourced<AdviserQualification> = Object.freeze(
  sourced<AdviserQualification>(
    Object.freeze({ registers: Object.freeze(['NOLOC', 'CMI'] as const), hboLevelRequired: true, minimumYearsOfExperience: 3 }),
    { domain: '§1', seeds: ['000'], pub: 'career advisers registered with Noloc or CMI, HBO level, at least 3 years of experience' },
  ),
);

export type AdviserQualificationReason = 'REGISTER_NOT_ACCEPTED' | 'NOT_HBO_LEVEL' | 'TOO_LITTLE_EXPERIENCE';

export interface AdviserFacts {
  readonly register: string;
  readonly hboLevel: boolean;
  readonly yearsOfExperience: number;
}

/** Whether a career adviser meets the qualification; the reasons name every unmet requirement. */
export function checkAdviserQualification(
  adviser: AdviserFacts,
  qualification: AdviserQualification = ADVISER_QUALIFICATION.value,
): Verdict<AdviserQualificationReason> {
  return verdict<AdviserQualificationReason>([
    !(qualification.registers as readonly string[]).includes(adviser.register) && 'REGISTER_NOT_ACCEPTED',
    qualification.hboLevelRequired && !adviser.hboLevel && 'NOT_HBO_LEVEL',
    adviser.yearsOfExperience < qualification.minimumYearsOfExperience && 'TOO_LITTLE_EXPERIENCE',
  ]);
}
