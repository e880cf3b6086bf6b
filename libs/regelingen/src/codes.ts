// Regeling codes and tijdvak identifiers. The codes are the contract: the proto enum RegelingCode
// uses the same names with a REGELING_CODE_ prefix. Source: DOMAIN.md §2; DESIGN.md §2.

export const REGELING_CODES = [
  'STAP',
  'STAP_ONTWIKKELADVIES',
  'NLLD_ONTWIKKELADVIES',
  'NLLD_SCHOLING',
  'TSOV_45PLUS',
  'FISCALE_SCHOLINGSAFTREK',
  'SLIM',
  'MAATWERK_SECTOREN',
  'INTERSECTORALE_OMSCHOLING',
  'PRAKTIJKLEREN_MBO',
] as const;

export type RegelingCode = (typeof REGELING_CODES)[number];

export function isRegelingCode(text: string): text is RegelingCode {
  return (REGELING_CODES as readonly string[]).includes(text);
}

/** The name used in the generated proto enum. */
export function protoEnumName(code: RegelingCode): `REGELING_CODE_${RegelingCode}` {
  return `REGELING_CODE_${code}`;
}

/** `<CODE>-<YYYY>-<MM>`, e.g. `STAP-2022-05`: the regeling and the year and month the tijdvak belongs to. */
export type TijdvakId = string;

const TIJDVAK_ID = /^([A-Z0-9_]+)-(\d{4})-(0[1-9]|1[0-2])$/;

export interface ParsedTijdvakId {
  readonly code: RegelingCode;
  readonly year: number;
  readonly month: number;
}

export function parseTijdvakId(id: string): ParsedTijdvakId | undefined {
  const match = TIJDVAK_ID.exec(id);
  if (!match || !isRegelingCode(match[1] as string)) return undefined;
  return { code: match[1] as RegelingCode, year: Number(match[2]), month: Number(match[3]) };
}

export function tijdvakId(code: RegelingCode, year: number, month: number): TijdvakId {
  return `${code}-${year}-${String(month).padStart(2, '0')}`;
}
