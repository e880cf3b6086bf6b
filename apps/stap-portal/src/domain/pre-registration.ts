// Bulk pre-registration (vooraanmelding) by a provider, as CSV or XML. It reserves NO budget and gives no priority:
// only the application in the tijdvak counts (DOMAIN.md §2.1 [pub]). Every row is checked on its own; the file is
// accepted only when every row is valid, so a provider never wonders which half was taken.
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { Violation } from '@stap/platform/errors';
import { isIsoDate } from '@stap/regelingen';
import { holderViolations } from './certificate';

export interface PreRegistrationRow {
  trainingId: string;
  startMomentId: string;
  initials: string;
  surname: string;
  birthDate: string;
}

export const MAX_ROWS = 10_000;
const COLUMNS = ['training_id', 'start_moment_id', 'initials', 'surname', 'birth_date'] as const;

type Raw = Record<string, unknown>;

function toRow(raw: Raw): PreRegistrationRow {
  const text = (key: string) => (raw[key] === undefined || raw[key] === null ? '' : String(raw[key]).trim());
  return { trainingId: text('training_id'), startMomentId: text('start_moment_id'), initials: text('initials'), surname: text('surname'), birthDate: text('birth_date') };
}

export function parsePreRegistrations(body: string, contentType: string): { rows: PreRegistrationRow[]; violations: Violation[] } {
  let raws: Raw[];
  try {
    raws = contentType.includes('xml') ? parseXml(body) : (parseCsv(body, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Raw[]);
  } catch (error) {
    return { rows: [], violations: [{ field: 'body', description: `cannot be read as ${contentType.includes('xml') ? 'XML' : 'CSV'}: ${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'}` }] };
  }
  if (raws.length === 0) return { rows: [], violations: [{ field: 'body', description: 'contains no rows' }] };
  if (raws.length > MAX_ROWS) return { rows: [], violations: [{ field: 'body', description: `has more than ${MAX_ROWS} rows` }] };
  const rows = raws.map(toRow);
  return { rows, violations: rows.flatMap(rowViolations) };
}

function parseXml(body: string): Raw[] {
  const parsed = new XMLParser({ parseTagValue: false }).parse(body) as { vooraanmeldingen?: { vooraanmelding?: Raw | Raw[] } };
  const items = parsed.vooraanmeldingen?.vooraanmelding;
  if (items === undefined) throw new Error('expected <vooraanmeldingen><vooraanmelding>…');
  return Array.isArray(items) ? items : [items];
}

function rowViolations(row: PreRegistrationRow, index: number): Violation[] {
  const prefix = `rows[${index + 1}]`;
  const violations = holderViolations({ initials: row.initials, surname: row.surname, birthDate: isIsoDate(row.birthDate) ? row.birthDate : undefined }, prefix);
  if (!row.trainingId) violations.push({ field: `${prefix}.training_id`, description: 'is required' });
  if (!row.startMomentId) violations.push({ field: `${prefix}.start_moment_id`, description: 'is required' });
  return violations;
}

export { COLUMNS as PRE_REGISTRATION_COLUMNS };
