// Renders every scheme parameter with its value and source as a Markdown table for README.md, so the
// documentation is generated from the data it documents (a spec fails when the two drift apart).
import { allRegelingen, AOW_AGE_TABLE } from './catalogue';
import { formatSource } from './sourced';
import type { AnyRegeling, RegelingVersion, Source, Sourced, Tijdvak } from './types';

export interface ParameterRow {
  readonly regeling: string;
  readonly scope: string;
  readonly parameter: string;
  readonly value: string;
  readonly source: string;
}

function isSourced(value: unknown): value is Sourced<unknown> {
  return value !== null && typeof value === 'object' && 'value' in value && 'source' in value;
}

// Thousands grouped by hand: the table must render the same whatever locale data the runtime has.
function groupThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatEuros(cents: number): string {
  const euros = groupThousands(Math.floor(cents / 100));
  return `€${euros}.${String(cents % 100).padStart(2, '0')}`;
}

function formatValue(key: string, value: unknown): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return /cents$/i.test(key) ? formatEuros(value) : Number.isInteger(value) ? groupThousands(value) : String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => formatValue(key, item)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([childKey, child]) => `${childKey} ${formatValue(childKey, child)}`)
      .join('; ');
  }
  return String(value);
}

/** `formatKey` decides the formatting: a key ending in "cents" renders as euros. */
function row(regeling: string, scope: string, parameter: string, sourced: Sourced<unknown>, formatKey = parameter): ParameterRow {
  return { regeling, scope, parameter, value: formatValue(formatKey, sourced.value), source: formatSource(sourced.source) };
}

/** Leaf parameters of a version, flattening groups such as `age.minimumAgeYears`. */
function versionParameters(parameters: object, prefix = ''): [string, Sourced<unknown>][] {
  return Object.entries(parameters).flatMap(([key, value]): [string, Sourced<unknown>][] => {
    if (isSourced(value)) return [[`${prefix}${key}`, value]];
    return value !== null && typeof value === 'object' ? versionParameters(value, `${prefix}${key}.`) : [];
  });
}

function sameSourced(a: Sourced<unknown> | undefined, b: Sourced<unknown>): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function versionRows(regeling: AnyRegeling): ParameterRow[] {
  const versions: readonly RegelingVersion<typeof regeling.code>[] = regeling.versions;
  let previous = new Map<string, Sourced<unknown>>();
  return versions.flatMap((version) => {
    const scope = `${version.version} (${version.effectiveFrom} – ${version.effectiveUntil})`;
    const current = new Map(versionParameters(version.parameters));
    // A later version lists only what it changed; the rest carries over from the previous version.
    const changed = [...current].filter(([name, value]) => !sameSourced(previous.get(name), value));
    previous = current;
    return [row(regeling.code, scope, 'change', version.change), ...changed.map(([name, value]) => row(regeling.code, scope, name, value))];
  });
}

const TIJDVAK_FIELDS = ['opensAt', 'plannedOpensAt', 'closesAt', 'budgetCeilingCents', 'countCap', 'applicantTypes', 'maxAmountPerApplicationCents', 'claimDeadline'] as const;

function tijdvakRows(tijdvak: Tijdvak): ParameterRow[] {
  return TIJDVAK_FIELDS.flatMap((field) => {
    const value = tijdvak[field];
    return value === undefined ? [] : [row(tijdvak.regeling, tijdvak.id, field, value)];
  });
}

function regelingRows(regeling: AnyRegeling): ParameterRow[] {
  const general: ParameterRow[] = [
    row(regeling.code, 'regeling', 'legalPeriod', regeling.legalPeriod),
    row(regeling.code, 'regeling', 'executor', regeling.executor),
    row(regeling.code, 'regeling', 'targetGroup', regeling.targetGroup),
    row(regeling.code, 'regeling', 'applicants', regeling.applicants),
    ...(regeling.processingOrder ? [row(regeling.code, 'regeling', 'processingOrder', regeling.processingOrder)] : []),
    ...regeling.budgetLines.map((line) => row(regeling.code, line.year === undefined ? 'budget' : `budget ${line.year}`, line.label, line.cents, 'cents')),
  ];
  return [...general, ...versionRows(regeling), ...regeling.tijdvakken.flatMap(tijdvakRows)];
}

function aowRows(): ParameterRow[] {
  const source: Source = AOW_AGE_TABLE.source;
  return AOW_AGE_TABLE.value.map((entry) => ({
    regeling: 'AOW-leeftijd',
    scope: `born ${entry.bornFrom ?? '…'} – ${entry.bornUntil ?? '…'}`,
    parameter: 'aowAge',
    value: `${entry.years}y${entry.months}m${entry.established ? '' : ' (at least; not yet established)'}`,
    source: formatSource(source),
  }));
}

export function parameterRows(): ParameterRow[] {
  return [...allRegelingen().flatMap(regelingRows), ...aowRows()];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderParameterTable(rows: readonly ParameterRow[] = parameterRows()): string {
  const header = '| regeling | version / tijdvak | parameter | value | source |\n|---|---|---|---|---|';
  const body = rows.map((r) => `| ${[r.regeling, r.scope, r.parameter, r.value, r.source].map(cell).join(' | ')} |`);
  return [header, ...body].join('\n');
}

export const PARAMETER_TABLE_START = '<!-- parameter-table:start (generated by `npx nx run regelingen:docs`; do not edit) -->';
export const PARAMETER_TABLE_END = '<!-- parameter-table:end -->';

/** README text with the region between the markers replaced by the current table. */
export function withParameterTable(readme: string): string {
  const start = readme.indexOf(PARAMETER_TABLE_START);
  const end = readme.indexOf(PARAMETER_TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md lacks the parameter-table markers');
  return `${readme.slice(0, start + PARAMETER_TABLE_START.length)}\n${renderParameterTable()}\n${readme.slice(end)}`;
}
