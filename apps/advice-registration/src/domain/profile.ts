// The participant's profile as recorded for the monitor (purpose limitation: aggregated reports only), and the
// mapping between the contract's enums and the stored codes. Source: DOMAIN.md §2.3 (lesson [001][003]: record
// sector and education level so the monitor needs no separate survey).
import { EducationLevel, Sector } from '@stap/contracts/stap/common/v1/common';
import { EmploymentStatus, NextStep } from '@stap/contracts/stap/advice/v1/advice';
import type { EducationLevel as SchemeEducationLevel } from '@stap/regelingen';

type EnumObject = Record<string, string | number>;

/** Stored code = the enum value name without its prefix, e.g. SECTOR_ICT → "ICT". Unspecified/unknown → undefined. */
function codeOf(enumObject: EnumObject, prefix: string, value: number | undefined): string | undefined {
  const name = value === undefined ? undefined : enumObject[value];
  if (typeof name !== 'string' || name.endsWith('_UNSPECIFIED') || name === 'UNRECOGNIZED') return undefined;
  return name.slice(prefix.length);
}

function valueOf(enumObject: EnumObject, prefix: string, code: string | null | undefined): number {
  const value = code ? enumObject[prefix + code] : undefined;
  return typeof value === 'number' ? value : 0;
}

function codesOf(enumObject: EnumObject, prefix: string): string[] {
  return Object.keys(enumObject)
    .filter((key) => key.startsWith(prefix) && !key.endsWith('_UNSPECIFIED'))
    .map((key) => key.slice(prefix.length));
}

export const PROFILE_ENUMS = {
  educationLevel: { enumObject: EducationLevel as unknown as EnumObject, prefix: 'EDUCATION_LEVEL_' },
  sector: { enumObject: Sector as unknown as EnumObject, prefix: 'SECTOR_' },
  employmentStatus: { enumObject: EmploymentStatus as unknown as EnumObject, prefix: 'EMPLOYMENT_STATUS_' },
  nextStep: { enumObject: NextStep as unknown as EnumObject, prefix: 'NEXT_STEP_' },
} as const;

export type ProfileField = keyof typeof PROFILE_ENUMS;

export const profileCode = (field: ProfileField, value: number | undefined) =>
  codeOf(PROFILE_ENUMS[field].enumObject, PROFILE_ENUMS[field].prefix, value);
export const profileValue = (field: ProfileField, code: string | null | undefined) =>
  valueOf(PROFILE_ENUMS[field].enumObject, PROFILE_ENUMS[field].prefix, code);
export const profileCodes = (field: ProfileField) => codesOf(PROFILE_ENUMS[field].enumObject, PROFILE_ENUMS[field].prefix);

/** The contract's education levels in the terms of the scheme rules (libs/regelingen); foreign unvalued is unknown. */
const SCHEME_EDUCATION_LEVEL: Record<string, SchemeEducationLevel | undefined> = {
  PRIMARY_OR_NONE: 'BASISONDERWIJS',
  VMBO: 'VMBO',
  MBO_1: 'MBO_1',
  MBO_2: 'MBO_2',
  HAVO_VWO: 'HAVO',
  MBO_3: 'MBO_3',
  MBO_4: 'MBO_4',
  HBO: 'HBO',
  WO: 'WO',
  FOREIGN_UNVALUED: undefined,
};

export const schemeEducationLevel = (code: string): SchemeEducationLevel | undefined => SCHEME_EDUCATION_LEVEL[code];
