// Invariants of the scheme configuration, checked when the catalogue loads. The data is typed, so
// its shape is checked by the compiler; these checks cover what types cannot express: ordered and
// gap-free versions, well-formed ids and moments, ceilings that fit their caps, and a source on
// every value.
import { amsterdamToInstant, datePartOf, isAmsterdamDateTime, lastDayBefore } from '../calendar/amsterdam-time';
import { addDays, compareDates, isIsoDate, type IsoDate } from '../calendar/iso-date';
import { parseTijdvakId, REGELING_CODES } from '../codes';
import type { AowAgeRow } from './data/aow-leeftijd';
import type { AnyRegeling, RegelingVersion, Source, Tijdvak } from './types';

type Problems = string[];

function isBetween(date: IsoDate, from: IsoDate, until: IsoDate): boolean {
  return compareDates(date, from) >= 0 && compareDates(date, until) <= 0;
}

function isPositiveInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

function hasContent(source: Source): boolean {
  return Boolean(source.domain || source.seeds?.length || source.pub || source.assumption);
}

/** Walks any value and reports every `{ value, source }` whose source says nothing. */
function checkSources(value: unknown, path: string, problems: Problems): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkSources(item, `${path}[${index}]`, problems));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if ('value' in record && 'source' in record && !hasContent(record['source'] as Source)) problems.push(`${path}: empty source`);
  for (const [key, child] of Object.entries(record)) checkSources(child, `${path}.${key}`, problems);
}

function checkVersions(regeling: AnyRegeling, problems: Problems): void {
  const { from, until } = regeling.legalPeriod.value;
  const versions: readonly RegelingVersion<typeof regeling.code>[] = regeling.versions;
  if (versions.length === 0) problems.push(`${regeling.code}: no versions`);
  versions.forEach((version, index) => {
    const where = `${regeling.code} ${version.version}`;
    if (!version.version.startsWith(`${regeling.code}/`)) problems.push(`${where}: version must start with ${regeling.code}/`);
    if (!isIsoDate(version.effectiveFrom) || !isIsoDate(version.effectiveUntil)) {
      problems.push(`${where}: effective dates must be YYYY-MM-DD`);
      return;
    }
    if (compareDates(version.effectiveFrom, version.effectiveUntil) > 0) problems.push(`${where}: effectiveFrom after effectiveUntil`);
    if (!isBetween(version.effectiveFrom, from, until) || !isBetween(version.effectiveUntil, from, until)) {
      problems.push(`${where}: outside the legal period ${from}..${until}`);
    }
    const previous = versions[index - 1];
    if (previous && addDays(previous.effectiveUntil, 1) !== version.effectiveFrom) {
      problems.push(`${where}: must start the day after ${previous.version} ends (no gap, no overlap)`);
    }
  });
  const first = versions[0];
  if (first && first.effectiveFrom !== from) problems.push(`${regeling.code}: first version must start on ${from}`);
}

function versionOnDate(regeling: AnyRegeling, date: IsoDate): RegelingVersion<typeof regeling.code> | undefined {
  const versions: readonly RegelingVersion<typeof regeling.code>[] = regeling.versions;
  return versions.find((version) => isBetween(date, version.effectiveFrom, version.effectiveUntil));
}

function checkMoments(tijdvak: Tijdvak, problems: Problems): boolean {
  const moments = [tijdvak.opensAt, tijdvak.closesAt, tijdvak.plannedOpensAt, tijdvak.claimDeadline];
  const invalid = moments.filter((moment) => moment !== undefined && !isAmsterdamDateTime(moment.value));
  if (invalid.length > 0) problems.push(`${tijdvak.id}: moments must be existing Europe/Amsterdam YYYY-MM-DDTHH:mm`);
  return invalid.length === 0;
}

function instantOf(local: string): number {
  return amsterdamToInstant(local).getTime();
}

function checkTijdvakTimeline(tijdvak: Tijdvak, regeling: AnyRegeling, problems: Problems): void {
  const opens = instantOf(tijdvak.opensAt.value);
  if (opens >= instantOf(tijdvak.closesAt.value)) problems.push(`${tijdvak.id}: opensAt must be before closesAt`);
  if (tijdvak.plannedOpensAt && instantOf(tijdvak.plannedOpensAt.value) >= opens) problems.push(`${tijdvak.id}: plannedOpensAt must be before opensAt`);
  if (tijdvak.claimDeadline && instantOf(tijdvak.claimDeadline.value) <= opens) problems.push(`${tijdvak.id}: claimDeadline must be after opensAt`);
  const { from, until } = regeling.legalPeriod.value;
  const opening = datePartOf(tijdvak.opensAt.value);
  if (!isBetween(opening, from, until) || !isBetween(lastDayBefore(tijdvak.closesAt.value), from, until)) {
    problems.push(`${tijdvak.id}: outside the legal period ${from}..${until}`);
  }
  if (!versionOnDate(regeling, opening)) problems.push(`${tijdvak.id}: no version in force on its opening date`);
}

function checkTijdvakId(tijdvak: Tijdvak, regeling: AnyRegeling, problems: Problems): void {
  const parsed = parseTijdvakId(tijdvak.id);
  if (!parsed || parsed.code !== regeling.code || tijdvak.regeling !== regeling.code) {
    problems.push(`${tijdvak.id}: id must be ${regeling.code}-YYYY-MM and belong to ${regeling.code}`);
    return;
  }
  const idMonth = tijdvak.id.slice(-7);
  const openingMonths = [tijdvak.opensAt, tijdvak.plannedOpensAt].filter((m) => m !== undefined).map((m) => m.value.slice(0, 7));
  if (!openingMonths.includes(idMonth)) problems.push(`${tijdvak.id}: year-month of the id must be the month it (was planned to) open`);
}

function checkLimits(tijdvak: Tijdvak, regeling: AnyRegeling, problems: Problems): void {
  const ceiling = tijdvak.budgetCeilingCents?.value;
  const cap = tijdvak.countCap?.value;
  if (regeling.scope === 'FULL' && ceiling === undefined && cap === undefined) problems.push(`${tijdvak.id}: needs a budget ceiling or a count cap`);
  if (ceiling !== undefined && !isPositiveInteger(ceiling)) problems.push(`${tijdvak.id}: ceiling must be positive whole cents`);
  if (cap !== undefined && !isPositiveInteger(cap)) problems.push(`${tijdvak.id}: cap must be a positive whole number`);
  const maxPerApplication = tijdvak.maxAmountPerApplicationCents?.value;
  if (maxPerApplication !== undefined && (!isPositiveInteger(maxPerApplication) || (ceiling !== undefined && maxPerApplication > ceiling))) {
    problems.push(`${tijdvak.id}: max per application must be positive and within the ceiling`);
  }
  const allowed = tijdvak.applicantTypes?.value ?? [];
  if (allowed.some((type) => !regeling.applicants.value.includes(type))) problems.push(`${tijdvak.id}: applicant type not among the regeling's applicants`);
  checkCapFitsCeiling(tijdvak, regeling, problems);
}

/** A count-capped advice tranche must be payable in full: cap × price within the ceiling. */
function checkCapFitsCeiling(tijdvak: Tijdvak, regeling: AnyRegeling, problems: Problems): void {
  const ceiling = tijdvak.budgetCeilingCents?.value;
  const cap = tijdvak.countCap?.value;
  if (ceiling === undefined || cap === undefined || !isAmsterdamDateTime(tijdvak.opensAt.value)) return;
  const version = versionOnDate(regeling, datePartOf(tijdvak.opensAt.value));
  const parameters = version?.parameters;
  const price = parameters && 'pricePerTrajectoryCents' in parameters ? parameters.pricePerTrajectoryCents.value : undefined;
  if (price !== undefined && cap * price > ceiling) problems.push(`${tijdvak.id}: cap × price (${cap * price}) exceeds the ceiling (${ceiling})`);
}

function checkTijdvakken(regeling: AnyRegeling, problems: Problems): void {
  for (const tijdvak of regeling.tijdvakken) {
    checkTijdvakId(tijdvak, regeling, problems);
    if (checkMoments(tijdvak, problems)) checkTijdvakTimeline(tijdvak, regeling, problems);
    checkLimits(tijdvak, regeling, problems);
  }
  const opens = regeling.tijdvakken.filter((t) => isAmsterdamDateTime(t.opensAt.value)).map((t) => instantOf(t.opensAt.value));
  if (opens.some((value, index) => index > 0 && value <= (opens[index - 1] as number))) problems.push(`${regeling.code}: tijdvakken must be in opening order`);
}

export function validateAowTable(rows: readonly AowAgeRow[]): string[] {
  const problems: Problems = [];
  rows.forEach((row, index) => {
    const isFirst = index === 0;
    const isLast = index === rows.length - 1;
    if (isFirst !== (row.bornFrom === undefined)) problems.push(`AOW row ${index}: only the first row is open at the start`);
    if (isLast !== (row.bornUntil === undefined)) problems.push(`AOW row ${index}: only the last row is open at the end`);
    if (!isLast && !row.established) problems.push(`AOW row ${index}: only the last row may be provisional`);
    const previous = rows[index - 1];
    if (previous?.bornUntil && row.bornFrom && addDays(previous.bornUntil, 1) !== row.bornFrom) problems.push(`AOW row ${index}: must follow the previous row without gap`);
    if (previous && previous.years * 12 + previous.months > row.years * 12 + row.months) problems.push(`AOW row ${index}: the AOW age never decreases`);
  });
  return problems;
}

export function validateCatalogue(regelingen: readonly AnyRegeling[]): string[] {
  const problems: Problems = [];
  const codes = regelingen.map((regeling) => regeling.code);
  for (const code of REGELING_CODES) if (codes.filter((each) => each === code).length !== 1) problems.push(`${code}: must be configured exactly once`);
  const ids = regelingen.flatMap((regeling) => regeling.tijdvakken.map((tijdvak) => tijdvak.id));
  for (const id of new Set(ids)) if (ids.filter((each) => each === id).length > 1) problems.push(`${id}: duplicate tijdvak id`);
  for (const regeling of regelingen) {
    const { from, until } = regeling.legalPeriod.value;
    if (!isIsoDate(from) || !isIsoDate(until) || compareDates(from, until) > 0) {
      problems.push(`${regeling.code}: invalid legal period`);
      continue;
    }
    checkVersions(regeling, problems);
    checkTijdvakken(regeling, problems);
    checkSources(regeling, regeling.code, problems);
  }
  return problems;
}
