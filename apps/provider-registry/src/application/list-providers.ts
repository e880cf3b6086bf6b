// Query: providers, filtered and paged, ordered by legal name then id (keyset paging, so a page costs the same
// wherever it is). A page token is only valid with the filters it was issued for (contract: INVALID_ARGUMENT).
import { createHash } from 'node:crypto';
import { invalid } from '@stap/platform/errors';
import { requireScope, SCOPES, type Actor } from '../domain/actor';
import { toDbDate, type IsoDate } from '../domain/dates';
import { PROVIDER_STATUSES } from '../domain/provider';
import { RECOGNITION_ROUTES } from '../domain/recognition';
import type { Prisma, PrismaClient } from '../infrastructure/prisma/client';
import { PROVIDER_VIEW_INCLUDE, toView, type ProviderView } from './provider-view';

export interface ProviderFilter {
  statuses: string[];
  routes: string[];
  /** Day for the route filter (defaults to today at the edge). */
  recognitionValidOn: IsoDate;
  nameContains: string;
}

export interface ListQuery extends ProviderFilter {
  pageSize: number;
  pageToken: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export async function listProviders(prisma: PrismaClient, query: ListQuery, actor: Actor) {
  requireScope(actor, SCOPES.read);
  const pageSize = checkQuery(query);
  const where = whereOf(query);
  const after = query.pageToken ? decodeToken(query.pageToken, query) : undefined;
  const rows = await prisma.provider.findMany({
    where: after ? { AND: [where, { OR: [{ legalName: { gt: after.legalName } }, { legalName: after.legalName, id: { gt: after.id } }] }] } : where,
    orderBy: [{ legalName: 'asc' }, { id: 'asc' }],
    take: pageSize + 1,
    include: PROVIDER_VIEW_INCLUDE,
  });
  const page: ProviderView[] = rows.slice(0, pageSize).map(toView);
  const last = page[page.length - 1];
  const nextPageToken = rows.length > pageSize && last ? encodeToken({ legalName: last.provider.legalName, id: last.provider.id }, query) : '';
  const totalSize = await prisma.provider.count({ where });
  return { providers: page, nextPageToken, totalSize };
}

function checkQuery(query: ListQuery): number {
  const violations = [];
  if (!Number.isInteger(query.pageSize) || query.pageSize < 0) violations.push({ field: 'page.page_size', description: 'must be 0 to 500' });
  for (const status of query.statuses) if (!(PROVIDER_STATUSES as readonly string[]).includes(status)) violations.push({ field: 'statuses', description: `unknown status ${status}` });
  for (const route of query.routes) if (!(RECOGNITION_ROUTES as readonly string[]).includes(route)) violations.push({ field: 'recognition_routes', description: `unknown route ${route}` });
  if (query.nameContains.length > 200) violations.push({ field: 'name_contains', description: 'must be at most 200 characters' });
  if (violations.length > 0) throw invalid(violations);
  // Contract: 0 means the default; larger values are capped.
  return query.pageSize === 0 ? DEFAULT_PAGE_SIZE : Math.min(query.pageSize, MAX_PAGE_SIZE);
}

function whereOf(filter: ProviderFilter): Prisma.ProviderWhereInput {
  const and: Prisma.ProviderWhereInput[] = [];
  if (filter.statuses.length > 0) and.push({ status: { in: filter.statuses } });
  if (filter.nameContains.trim() !== '') {
    const contains = filter.nameContains.trim();
    and.push({ OR: [{ legalName: { contains, mode: 'insensitive' } }, { communicationName: { contains, mode: 'insensitive' } }] });
  }
  if (filter.routes.length > 0) {
    const day = toDbDate(filter.recognitionValidOn);
    and.push({
      recognitions: {
        some: {
          route: { in: filter.routes },
          validFrom: { lte: day },
          AND: [{ OR: [{ validUntil: null }, { validUntil: { gte: day } }] }, { OR: [{ revokedFrom: null }, { revokedFrom: { gt: day } }] }],
        },
      },
    });
  }
  return { AND: and };
}

interface Cursor {
  legalName: string;
  id: string;
}

const filterHash = (filter: ProviderFilter) =>
  createHash('sha256')
    .update(JSON.stringify([filter.statuses, filter.routes, filter.routes.length > 0 ? filter.recognitionValidOn : '', filter.nameContains.trim()]))
    .digest('base64url')
    .slice(0, 16);

function encodeToken(cursor: Cursor, filter: ProviderFilter): string {
  return Buffer.from(JSON.stringify({ ...cursor, f: filterHash(filter) })).toString('base64url');
}

function decodeToken(token: string, filter: ProviderFilter): Cursor {
  const bad = () => invalid([{ field: 'page.page_token', description: 'was not issued for these filters' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof parsed !== 'object' || parsed === null) throw bad();
  const { legalName, id, f } = parsed as Record<string, unknown>;
  if (typeof legalName !== 'string' || typeof id !== 'string' || f !== filterHash(filter)) throw bad();
  return { legalName, id };
}
