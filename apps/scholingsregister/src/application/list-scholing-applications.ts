// ListScholingApplications: one page of NL Leert Door scholing applications, filtered by tijdvak, status and lead
// provider. An applicant (provider login) sees only the applications it leads; the executor's officers
// ("register:scholing:decide") and the register keeper see all (register.proto, GetScholingApplication's rule).
import { forbidden } from '@stap/platform/errors';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { SCOPES, type Actor } from './actor';
import { invalid } from './errors';

export const SCHOLING_STATUSES = ['SUBMITTED', 'GRANTED', 'REJECTED', 'WITHDRAWN'] as const;
export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;

export interface ScholingApplicationFilter {
  tijdvakId?: string;
  statuses?: string[];
  leadProviderId?: string;
  pageSize?: number;
  /** The opaque token of the previous page: the offset, as the other list calls of this service use. */
  pageToken?: string;
}

export interface ScholingApplicationPage {
  ids: string[];
  nextPageToken: string;
  totalSize: number;
}

function checkFilter(filter: ScholingApplicationFilter): { offset: number; size: number } {
  const violations = [];
  const unknown = (filter.statuses ?? []).filter((status) => !SCHOLING_STATUSES.includes(status as never));
  if (unknown.length > 0) violations.push({ field: 'statuses', description: `must be among ${SCHOLING_STATUSES.join(', ')}` });
  const size = filter.pageSize || DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) violations.push({ field: 'page.page_size', description: `must be from 1 to ${MAX_PAGE_SIZE}` });
  const offset = filter.pageToken ? Number(filter.pageToken) : 0;
  if (!Number.isSafeInteger(offset) || offset < 0) violations.push({ field: 'page.page_token', description: 'is not a token this service gave' });
  if (violations.length > 0) throw invalid(violations);
  return { offset, size };
}

/** The lead provider ids an actor may see, or undefined for "all" (officers and keeper). */
async function visibleLeadProviders(prisma: PrismaClient, actor: Actor): Promise<string[] | undefined> {
  if (actor.scopes.includes(SCOPES.decideScholing) || actor.scopes.includes(SCOPES.keeper)) return undefined;
  if (!actor.kvkNumber) throw forbidden('only applicants and executor officers list scholing applications');
  const own = await prisma.providerProjection.findMany({ where: { kvkNumber: actor.kvkNumber }, select: { providerId: true } });
  return own.map((provider) => provider.providerId);
}

export async function listScholingApplications(prisma: PrismaClient, actor: Actor, filter: ScholingApplicationFilter): Promise<ScholingApplicationPage> {
  const { offset, size } = checkFilter(filter);
  const visible = await visibleLeadProviders(prisma, actor);
  if (visible && filter.leadProviderId && !visible.includes(filter.leadProviderId)) throw forbidden('an applicant lists only its own applications');
  const leadProviders = filter.leadProviderId ? [filter.leadProviderId] : visible;
  const where = {
    ...(filter.tijdvakId ? { tijdvakId: filter.tijdvakId } : {}),
    ...(filter.statuses?.length ? { status: { in: filter.statuses } } : {}),
    ...(leadProviders ? { leadProviderId: { in: leadProviders.filter((id) => /^[0-9a-f-]{36}$/i.test(id)) } } : {}),
  };
  const [rows, totalSize] = await Promise.all([
    prisma.scholingApplication.findMany({ where, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], skip: offset, take: size, select: { id: true } }),
    prisma.scholingApplication.count({ where }),
  ]);
  return { ids: rows.map((row) => row.id), nextPageToken: offset + rows.length < totalSize ? String(offset + rows.length) : '', totalSize };
}
