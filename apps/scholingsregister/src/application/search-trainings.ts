// SearchTrainings: PostgreSQL Dutch full text (to_tsvector('dutch'), stemmed, so "boekhouden" finds "Boekhouding"),
// filters on the training (sector, level, delivery mode, language, provider) and on its start moments (place or
// postcode area, start-date window, price range, applyable now), sorting and paging. Public: it shows what is
// visible in the register (published or closed for applications), never incomplete, withdrawn or excluded ones.
import { createHash } from 'node:crypto';
import { invalid, type Violation } from '@stap/platform/errors';
import { Prisma, type PrismaClient } from '../infrastructure/prisma/client';
import { DELIVERY_MODES, isValidIsoDate, NLQF_LEVELS, SECTORS } from '../domain/training';

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
  totalSize: number;
  nextPageToken: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkQuery(q: SearchQuery): Violation[] {
  const v: Violation[] = [];
  const each = (values: string[] | undefined, allowed: readonly string[], field: string) =>
    values?.forEach((value) => !allowed.includes(value) && v.push({ field, description: `unknown value "${value}"` }));
  each(q.sectors, SECTORS, 'sectors');
  each(q.nlqfLevels, NLQF_LEVELS, 'nlqf_levels');
  each(q.deliveryModes, DELIVERY_MODES, 'delivery_modes');
  q.languages?.forEach((language) => !/^[a-z]{2}$/.test(language) && v.push({ field: 'languages', description: `"${language}" is not an ISO 639-1 code` }));
  if (q.providerId && !UUID.test(q.providerId)) v.push({ field: 'provider_id', description: 'must be a UUID' });
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

/** Conditions on start moments; a training matches when at least one start moment matches them all. */
function startMomentConditions(q: SearchQuery): Prisma.Sql[] {
  const c: Prisma.Sql[] = [q.applyableOnly ? Prisma.sql`s.status = 'OPEN'` : Prisma.sql`s.status <> 'CANCELLED'`];
  if (q.city) c.push(Prisma.sql`s.city_key = ${q.city.trim().toLowerCase()}`);
  if (q.postcodeArea) c.push(Prisma.sql`s.postal_code LIKE ${`${q.postcodeArea}%`}`);
  if (q.startFrom) c.push(Prisma.sql`s.start_date >= ${q.startFrom}::date`);
  if (q.startTo) c.push(Prisma.sql`s.start_date <= ${q.startTo}::date`);
  if (q.minPriceCents !== undefined) c.push(Prisma.sql`s.total_cents >= ${q.minPriceCents}`);
  if (q.maxPriceCents !== undefined) c.push(Prisma.sql`s.total_cents <= ${q.maxPriceCents}`);
  return c;
}

function trainingConditions(q: SearchQuery, text: boolean): Prisma.Sql[] {
  const c: Prisma.Sql[] = [
    q.applyableOnly
      ? Prisma.sql`t.status = 'TRAINING_STATUS_PUBLISHED' AND NOT t.not_available_for_stap AND t.provider_eligible`
      : Prisma.sql`t.status IN ('TRAINING_STATUS_PUBLISHED', 'TRAINING_STATUS_APPLICATION_CLOSED')`,
  ];
  if (text) c.push(Prisma.sql`t.search_vector @@ websearch_to_tsquery('dutch', ${q.query})`);
  if (q.sectors?.length) c.push(Prisma.sql`t.sector = ANY(${q.sectors}::text[])`);
  if (q.nlqfLevels?.length) c.push(Prisma.sql`t.nlqf_level = ANY(${q.nlqfLevels}::text[])`);
  if (q.deliveryModes?.length) c.push(Prisma.sql`t.delivery_mode = ANY(${q.deliveryModes}::text[])`);
  if (q.languages?.length) c.push(Prisma.sql`t.language = ANY(${q.languages}::text[])`);
  if (q.providerId) c.push(Prisma.sql`t.provider_id = ${q.providerId}::uuid`);
  return c;
}

function orderBy(sort: Sort, text: boolean): Prisma.Sql {
  switch (sort) {
    case 'RELEVANCE':
      return text ? Prisma.sql`relevance DESC, t.name, t.id` : Prisma.sql`t.first_start_date NULLS LAST, t.id`;
    case 'START_DATE':
      return Prisma.sql`t.first_start_date NULLS LAST, t.id`;
    case 'PRICE_ASCENDING':
      return Prisma.sql`t.min_price_cents NULLS LAST, t.id`;
    case 'PRICE_DESCENDING':
      return Prisma.sql`t.min_price_cents DESC NULLS LAST, t.id`;
    case 'NAME':
      return Prisma.sql`t.name, t.id`;
  }
}

export async function searchTrainings(prisma: PrismaClient, q: SearchQuery): Promise<SearchResult> {
  const violations = checkQuery(q);
  if (violations.length > 0) throw invalid(violations);
  const offset = decodeToken(q);
  const pageSize = Math.min(q.pageSize || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const text = Boolean(q.query?.trim());
  const sort: Sort = q.sort ?? (text ? 'RELEVANCE' : 'START_DATE');
  const sm = Prisma.join(startMomentConditions(q), ' AND ');
  const where = Prisma.join([...trainingConditions(q, text), Prisma.sql`EXISTS (SELECT 1 FROM start_moment s WHERE s.training_id = t.id AND ${sm})`], ' AND ');
  const relevance = text ? Prisma.sql`ts_rank(t.search_vector, websearch_to_tsquery('dutch', ${q.query}))` : Prisma.sql`0`;
  const rows = await prisma.$queryRaw<{ id: string; relevance: number; total: bigint }[]>`
    SELECT t.id, ${relevance}::float8 AS relevance, count(*) OVER () AS total
      FROM training t WHERE ${where}
     ORDER BY ${orderBy(sort, text)} LIMIT ${pageSize} OFFSET ${offset}`;
  const ids = rows.map((row) => row.id);
  const moments = ids.length === 0 ? [] : await prisma.$queryRaw<{ id: string; training_id: string }[]>`
    SELECT s.id, s.training_id FROM start_moment s WHERE s.training_id = ANY(${ids}::uuid[]) AND ${sm} ORDER BY s.start_date, s.provider_start_moment_code`;
  const total = rows.length > 0 ? Number(rows[0].total) : offset === 0 ? 0 : await countOnly(prisma, where);
  return {
    hits: rows.map((row) => ({ trainingId: row.id, relevance: row.relevance, startMomentIds: moments.filter((m) => m.training_id === row.id).map((m) => m.id) })),
    totalSize: total,
    nextPageToken: offset + rows.length < total ? encodeToken(q, offset + rows.length) : '',
  };
}

async function countOnly(prisma: PrismaClient, where: Prisma.Sql): Promise<number> {
  const [row] = await prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM training t WHERE ${where}`;
  return Number(row.total);
}
