// Use case: list tijdvakken (public), newest opening first, filtered by regeling and by status, paged. The status
// filter is on the status a reader sees (application/tijdvakken.ts statusOf: a SCHEDULED tijdvak whose opening instant
// passed is OPEN, any tijdvak past its closing instant is CLOSED, an online part exhausted before the counter reserve's
// release is OPEN again after it), so paging and the total agree with what GetTijdvak shows.
import type { TijdvakStatus } from '../domain/tijdvak';
import type { TijdvakRow } from '../infrastructure/prisma/client';
import type { PortalContext } from './context';
import { statusOf } from './tijdvakken';

export interface TijdvakFilter {
  /** Regeling code as stored (e.g. "STAP"); undefined = every regeling this portal holds. */
  regelingCode: string | undefined;
  /** Effective statuses; empty = all. */
  statuses: TijdvakStatus[];
}

/**
 * The tijdvakken of the filter, newest opening first, one page of them. The status filter is applied to statusOf, the
 * status GetTijdvak shows (opening and closing instants, and the counter reserve's release that can reopen an
 * exhausted online part), so list, total and GetTijdvak always agree. That rule needs the regeling's parameters per
 * row, so the rows are filtered here rather than in SQL: a regeling has a handful of tijdvakken a year (six were
 * planned for STAP, DOMAIN.md §2.1), so reading them all is cheap.
 */
export async function listTijdvakken(ctx: PortalContext, filter: TijdvakFilter, page: { skip: number; take: number }): Promise<{ rows: TijdvakRow[]; total: number }> {
  const now = ctx.now();
  const all = await ctx.prisma.tijdvak.findMany({
    where: filter.regelingCode ? { regelingCode: filter.regelingCode } : {},
    orderBy: [{ opensAt: 'desc' }, { id: 'asc' }],
  });
  const matching = filter.statuses.length === 0 ? all : all.filter((row) => filter.statuses.includes(statusOf(row, now)));
  return { rows: matching.slice(page.skip, page.skip + page.take), total: matching.length };
}
