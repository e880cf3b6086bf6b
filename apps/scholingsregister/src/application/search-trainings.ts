// SearchTrainings: PostgreSQL Dutch full text (text search configuration `dutch_unaccent`: accents removed, then the
// Dutch stemmer, so "boekhouden" finds "Boekhouding" and "cafe" finds "Café"; migration 20261124004532),
// filters on the training (sector, level, delivery mode, language, provider) and on its start moments (place or
// postcode area, start-date window, price range, applyable now), sorting and paging. Public: it shows what is
// visible in the register (published or closed for applications), never incomplete, withdrawn or excluded ones.
import { createHash } from 'node:crypto';
import { invalid, type Violation } from '@stap/platform/errors';
import { Prisma, type PrismaClient } from '../infrastructure/prisma/client';
import { DELIVERY_MODES, isValidIsoDate, NLQF_LEVELS, SECTORS } from '../domain/training';
import { trainingViewOf, viewColumnsOf, type TrainingView, type TrainingViewRow } from './get-training';
import { isUuid } from '@stap/platform/ids';

export const SORTS = ['RELEVANCE', 'START_DATE', 'PRICE_ASCENDING', 'PRICE_DESCENDING', 'NAME'] as const;
export type Sort = (typeof SORTS)[number];
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface SearchQuery {
  query?: string;
  sectors?: string[];
  nlqfLevels?: string[];
  deliveryModes?: string[];
  languages?: string[];
  providerId?: string;
  /** Place name, case-insensitive. */
  city?: string;
  /** Postcode area: the first 2 to 4 digits of a Dutch postcode, e.g. "35" or "3511". */
  postcodeArea?: string;
  startFrom?: string;
  startTo?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  applyableOnly?: boolean;
  sort?: Sort;
  pageSize?: number;
  pageToken?: string;
}

export interface SearchHit {
  trainingId: string;
  relevance: number;
  startMomentIds: string[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many trainings match: exact when totalSizeIsExact, otherwise a lower bound (see COUNT_LIMIT). */
  totalSize: number;
  totalSizeIsExact: boolean;
  nextPageToken: string;
  /** The hits' trainings, as GetTraining gives them (all start moments), in the hits' order. */
  trainings: TrainingView[];
}


function checkQuery(q: SearchQuery): Violation[] {
  const v: Violation[] = [];
  const each = (values: string[] | undefined, allowed: readonly string[], field: string) =>
    values?.forEach((value) => !allowed.includes(value) && v.push({ field, description: `unknown value "${value}"` }));
  each(q.sectors, SECTORS, 'sectors');
  each(q.nlqfLevels, NLQF_LEVELS, 'nlqf_levels');
  each(q.deliveryModes, DELIVERY_MODES, 'delivery_modes');
  q.languages?.forEach((language) => !/^[a-z]{2}$/.test(language) && v.push({ field: 'languages', description: `"${language}" is not an ISO 639-1 code` }));
  if (q.providerId && !isUuid(q.providerId)) v.push({ field: 'provider_id', description: 'must be a UUID' });
  if (q.postcodeArea && !/^[1-9]\d{1,3}$/.test(q.postcodeArea)) v.push({ field: 'postcode_area', description: 'must be the first 2 to 4 digits of a postcode' });
  if (q.startFrom && !isValidIsoDate(q.startFrom)) v.push({ field: 'start_within.start', description: 'must be a valid date' });
  if (q.startTo && !isValidIsoDate(q.startTo)) v.push({ field: 'start_within.end', description: 'must be a valid date' });
  for (const [field, value] of [['min_price', q.minPriceCents], ['max_total_price', q.maxPriceCents]] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) v.push({ field, description: 'must be whole euro cents, 0 or more' });
  }
  if (q.sort && !SORTS.includes(q.sort)) v.push({ field: 'sort', description: `must be one of ${SORTS.join(', ')}` });
  if (q.pageSize !== undefined && (!Number.isInteger(q.pageSize) || q.pageSize < 0)) v.push({ field: 'page.page_size', description: 'must be 0 or more' });
  if ((q.query ?? '').length > 200) v.push({ field: 'query', description: 'is longer than 200 characters' });
  return v;
}

/** A page token is the offset, bound to the filters and sort it was issued for. */
function filterHash(q: SearchQuery): string {
  const filters = { ...q, pageToken: undefined, pageSize: undefined };
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12);
}

function decodeToken(q: SearchQuery): number {
  if (!q.pageToken) return 0;
  const match = /^(\d{1,7})\.([A-Za-z0-9_-]{12})$/.exec(Buffer.from(q.pageToken, 'base64url').toString());
  if (!match || match[2] !== filterHash(q)) throw invalid([{ field: 'page.page_token', description: 'was not issued for this query' }]);
  return Number(match[1]);
}

const encodeToken = (q: SearchQuery, offset: number) => Buffer.from(`${offset}.${filterHash(q)}`).toString('base64url');

/**
 * Conditions on start moments; a training matches when at least one start moment matches them all. Null when the
 * query has none: the training conditions then suffice, because a PUBLISHED training has an OPEN start moment and
 * an APPLICATION_CLOSED one a listed (not cancelled) start moment (domain/training.ts deriveStatus, completeness).
 */
function startMomentConditions(q: SearchQuery): Prisma.Sql | null {
  const c: Prisma.Sql[] = [];
  if (q.city) c.push(Prisma.sql`s.city_key = ${cityKey(q.city)}`);
  if (q.postcodeArea) c.push(Prisma.sql`s.postal_code LIKE ${`${q.postcodeArea}%`}`);
  if (q.startFrom) c.push(Prisma.sql`s.start_date >= ${q.startFrom}::date`);
  if (q.startTo) c.push(Prisma.sql`s.start_date <= ${q.startTo}::date`);
  if (q.minPriceCents !== undefined) c.push(Prisma.sql`s.total_cents >= ${q.minPriceCents}`);
  if (q.maxPriceCents !== undefined) c.push(Prisma.sql`s.total_cents <= ${q.maxPriceCents}`);
  if (c.length === 0) return null;
  return Prisma.join([listedOrOpen(q), ...c], ' AND ');
}

const cityKey = (city: string) => city.trim().toLowerCase();
const listedOrOpen = (q: SearchQuery) => (q.applyableOnly ? Prisma.sql`s.status = 'OPEN'` : Prisma.sql`s.status <> 'CANCELLED'`);

/**
 * The same start-moment filters on the training's facets (domain/search-facets.ts): each is necessary for a start
 * moment to match, and they are answered from the training row and its GIN indexes, so the per-start-moment check
 * runs only for the trainings that pass them.
 */
function facetConditions(q: SearchQuery): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (q.city) c.push(Prisma.sql`t.listed_city_keys @> ARRAY[${cityKey(q.city)}]::text[]`);
  if (q.postcodeArea) c.push(Prisma.sql`t.listed_postcode_areas @> ARRAY[${q.postcodeArea}]::text[]`);
  if (q.startFrom) c.push(Prisma.sql`t.listed_last_start_date >= ${q.startFrom}::date`);
  if (q.startTo) c.push(Prisma.sql`t.listed_first_start_date <= ${q.startTo}::date`);
  if (q.minPriceCents !== undefined) c.push(Prisma.sql`t.listed_max_total_cents >= ${q.minPriceCents}`);
  if (q.maxPriceCents !== undefined) c.push(Prisma.sql`t.listed_min_total_cents <= ${q.maxPriceCents}`);
  return c;
}

/**
 * The facets alone decide when the only start-moment filter is one place or one postcode area on listed start
 * moments: "a listed start moment in Utrecht" is exactly `listed_city_keys @> {utrecht}`. Any other combination
 * (two filters, a range, open ones only) needs one start moment checked against all filters together.
 */
function facetsAreExact(q: SearchQuery): boolean {
  const others = [q.startFrom, q.startTo, q.minPriceCents, q.maxPriceCents].some((value) => value !== undefined && value !== '');
  return !q.applyableOnly && !others && Boolean(q.city) !== Boolean(q.postcodeArea);
}

function trainingConditions(q: SearchQuery, text: boolean): Prisma.Sql[] {
  const c: Prisma.Sql[] = [
    q.applyableOnly
      ? Prisma.sql`t.status = 'TRAINING_STATUS_PUBLISHED' AND NOT t.not_available_for_stap AND t.provider_eligible`
      : Prisma.sql`t.status IN ('TRAINING_STATUS_PUBLISHED', 'TRAINING_STATUS_APPLICATION_CLOSED')`,
  ];
  if (text) c.push(Prisma.sql`t.search_vector @@ websearch_to_tsquery('dutch_unaccent', ${q.query})`);
  if (q.sectors?.length) c.push(Prisma.sql`t.sector = ANY(${q.sectors}::text[])`);
  if (q.nlqfLevels?.length) c.push(Prisma.sql`t.nlqf_level = ANY(${q.nlqfLevels}::text[])`);
  if (q.deliveryModes?.length) c.push(Prisma.sql`t.delivery_mode = ANY(${q.deliveryModes}::text[])`);
  if (q.languages?.length) c.push(Prisma.sql`t.language = ANY(${q.languages}::text[])`);
  if (q.providerId) c.push(Prisma.sql`t.provider_id = ${q.providerId}::uuid`);
  return c;
}

/** ORDER BY of a sort, on the columns of `row` (the training, or the page selected from it). */
function orderBy(sort: Sort, text: boolean, row: 't' | 'h'): Prisma.Sql {
  const r = Prisma.raw(row);
  switch (sort) {
    case 'RELEVANCE':
      return text ? Prisma.sql`relevance DESC, ${r}.name, ${r}.id` : Prisma.sql`${r}.first_start_date NULLS LAST, ${r}.id`;
    case 'START_DATE':
      return Prisma.sql`${r}.first_start_date NULLS LAST, ${r}.id`;
    case 'PRICE_ASCENDING':
      return Prisma.sql`${r}.min_price_cents NULLS LAST, ${r}.id`;
    case 'PRICE_DESCENDING':
      return Prisma.sql`${r}.min_price_cents DESC NULLS LAST, ${r}.id`;
    case 'NAME':
      return Prisma.sql`${r}.name, ${r}.id`;
  }
}

/**
 * Counting every match of a broad query costs more than finding the page (each match is a heap visit, and with
 * start-moment filters a start-moment probe), so the count stops here: up to this many matches beyond the page's
 * offset totalSize is exact; above it totalSize is this lower bound and totalSizeIsExact false (the proto's
 * PageResponse.total_size is then unset: "when the service can count them cheaply"). Measured on 100,000
 * trainings: counting to 1,001 took 26 ms for a postcode-area + price query, to 101 under 3 ms (README "Measured").
 */
export const COUNT_LIMIT = 100;

/**
 * Runs a search statement and returns its rows. By default Prisma's `$queryRaw`; the service's HTTP hot path passes
 * node-postgres directly (`pgRunner`), measured at about 0.35 ms less service CPU per statement. Both return the
 * same values for these statements (count as bigint or string, both read with Number; jsonb parsed; uuid[] as
 * strings), which test/search.integration.spec.ts checks.
 */
export type SqlRunner = <Row>(statement: Prisma.Sql) => Promise<Row[]>;

export const pgRunner = (pool: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> }): SqlRunner =>
  async <Row>(statement: Prisma.Sql) => (await pool.query(statement.text, statement.values)).rows as Row[];

export async function searchTrainings(prisma: PrismaClient, q: SearchQuery, run: SqlRunner = (statement) => prisma.$queryRaw(statement)): Promise<SearchResult> {
  const violations = checkQuery(q);
  if (violations.length > 0) throw invalid(violations);
  const offset = decodeToken(q);
  const pageSize = Math.min(q.pageSize || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const text = Boolean(q.query?.trim());
  const sort: Sort = q.sort ?? (text ? 'RELEVANCE' : 'START_DATE');
  const sm = startMomentConditions(q);
  // The start-moment check is a scalar subquery, not EXISTS: PostgreSQL would turn EXISTS into a join over every
  // start moment matching one filter (53,000 under a price limit), where probing the few candidates left by the
  // training conditions and facets, through the (training_id, code) index, costs microseconds each.
  const where = Prisma.join(
    [...trainingConditions(q, text), ...facetConditions(q), ...(sm && !facetsAreExact(q) ? [Prisma.sql`(SELECT true FROM start_moment s WHERE s.training_id = t.id AND ${sm} LIMIT 1)`] : [])],
    ' AND ',
  );
  const relevance = text ? Prisma.sql`ts_rank(t.search_vector, websearch_to_tsquery('dutch_unaccent', ${q.query}))` : Prisma.sql`0`;
  const listed = sm ?? listedOrOpen(q);
  const countTo = offset + COUNT_LIMIT + 1;
  // Ranked by relevance, the page query visits every match anyway (each is ranked before the top ones are taken),
  // so it counts them in the same pass (a window count) instead of scanning the matches a second time for the
  // capped count: measured on 100,000 trainings, "lassen" + start window + classroom visited 925 more heap blocks
  // for that count (README "Measured"). Other sorts walk an index and stop after the page, so they count apart.
  const ranked = text && sort === 'RELEVANCE';
  const matched = ranked ? Prisma.sql`, count(*) OVER () AS matched` : Prisma.empty;
  const cappedCount = ranked
    ? Prisma.sql`least(h.matched, ${countTo})`
    : Prisma.sql`CASE WHEN (SELECT count(*) FROM h) > ${pageSize}
                THEN (SELECT count(*) FROM (SELECT 1 FROM training t WHERE ${where} LIMIT ${countTo}) AS capped) END`;
  const columns = await viewColumnsOf(prisma);
  // One round trip: the page (one row more than asked, to know whether there is a next page), the matching start
  // moments of each hit, the hit's training as GetTraining gives it (one JSON value per row, no model hydration),
  // and the capped count (taken from the ranking pass when ranked, otherwise only run when the page does not already tell the total).
  const rows = await run<{ id: string; relevance: number; start_moment_ids: string[]; counted: bigint | string | null } & TrainingViewRow>(Prisma.sql`
    WITH h AS (
      SELECT t.id, t.name, t.first_start_date, t.min_price_cents, ${relevance}::float8 AS relevance${matched}
        FROM training t WHERE ${where}
       ORDER BY ${orderBy(sort, text, 't')} LIMIT ${pageSize + 1} OFFSET ${offset}
    )
    SELECT h.id, h.relevance,
           ARRAY(SELECT s.id FROM start_moment s WHERE s.training_id = h.id AND ${listed} ORDER BY s.start_date, s.provider_start_moment_code) AS start_moment_ids,
           ${cappedCount} AS counted,
           ${columns.select}
      FROM h JOIN training t ON t.id = h.id LEFT JOIN provider_projection p ON p.provider_id = t.provider_id
     ORDER BY ${orderBy(sort, text, 'h')}`);
  const page = rows.slice(0, pageSize);
  const more = rows.length > pageSize;
  const counted = more ? Number(rows[0].counted) : offset + page.length;
  const total = rows.length > 0 || offset === 0 ? counted : await countOnly(run, where, countTo);
  return {
    hits: page.map((row) => ({ trainingId: row.id, relevance: row.relevance, startMomentIds: row.start_moment_ids })),
    totalSize: Math.min(total, offset + COUNT_LIMIT),
    totalSizeIsExact: total < countTo,
    nextPageToken: more ? encodeToken(q, offset + page.length) : '',
    trainings: page.map((row) => trainingViewOf(row, columns)),
  };
}

/** A page past the end (an old token): how many there are, capped like the count above. */
async function countOnly(run: SqlRunner, where: Prisma.Sql, countTo: number): Promise<number> {
  const [row] = await run<{ total: bigint | string }>(Prisma.sql`SELECT count(*) AS total FROM (SELECT 1 FROM training t WHERE ${where} LIMIT ${countTo}) AS capped`);
  return Number(row.total);
}
