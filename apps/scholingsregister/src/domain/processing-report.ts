// Rows of a processing report (verwerkingsverslag): signal INFO or FOUT, subject provider / programme / start moment
// / location, with the identifiers. Source: DOMAIN.md §3. Pure: it turns check results into rows.
import type { Violation } from '@stap/platform/errors';

export type Signal = 'INFO' | 'FOUT';
export type Subject = 'PROVIDER' | 'PROGRAMME' | 'START_MOMENT' | 'LOCATION';

export interface ReportRow {
  itemSequence: number;
  signal: Signal;
  subject: Subject;
  providerProgrammeCode: string;
  providerStartMomentCode: string;
  trainingId: string | null;
  startMomentId: string | null;
  code: string;
  message: string;
}

/** Machine-readable codes for the most common mistakes; everything else is FIELD_INVALID. */
const CODE_OF_FIELD: [RegExp, string][] = [
  [/postal_code$/, 'POSTCODE_FORMAT'],
  [/address\.(street|city|house_number)/, 'ADDRESS_INCOMPLETE'],
  [/course_tuition(_cents)?$/, 'PRICE_MISSING'],
  [/price/, 'PRICE_INVALID'],
  [/(start|end)_date$/, 'DATE_INVALID'],
  [/provider_start_moment_code$/, 'START_MOMENT_CODE_INVALID'],
];

function subjectOf(field: string): Subject {
  if (field.includes('location')) return 'LOCATION';
  if (field.startsWith('start_moments')) return 'START_MOMENT';
  return 'PROGRAMME';
}

/** One FOUT row per violation, about the programme, start moment or location the field belongs to. */
export function errorRows(itemSequence: number, programmeCode: string, startMomentCodes: readonly string[], violations: readonly Violation[]): ReportRow[] {
  return violations.map((violation) => {
    const index = /^start_moments\[(\d+)\]/.exec(violation.field);
    return {
      itemSequence,
      signal: 'FOUT',
      subject: subjectOf(violation.field),
      providerProgrammeCode: programmeCode,
      providerStartMomentCode: index ? (startMomentCodes[Number(index[1])] ?? '') : '',
      trainingId: null,
      startMomentId: null,
      code: CODE_OF_FIELD.find(([pattern]) => pattern.test(violation.field))?.[1] ?? 'FIELD_INVALID',
      message: `${violation.field}: ${violation.description}`,
    };
  });
}

export const INFO_MESSAGES = {
  CREATED: 'aangemaakt',
  CHANGED: 'gewijzigd',
  UNCHANGED: 'ongewijzigd',
  CANCELLED: 'geannuleerd',
  WITHDRAWN: 'ingetrokken (ontbreekt in volledige levering)',
} as const;
