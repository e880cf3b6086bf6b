// Use case: list tijdvakken (public), newest opening first, filtered by regeling and by status, paged. The status
// filter is on the EFFECTIVE status a reader sees (domain/tijdvak.ts effectiveStatus: a SCHEDULED tijdvak whose opening
// instant passed is OPEN, any tijdvak past its closing instant is CLOSED), translated into one query so paging and
// the total agree with what GetTijdvak shows.
import type { TijdvakStatus } from '../domain/tijdvak';
import type { Prisma, TijdvakRow } from '../infrastructure/prisma/client';
import type { PortalContext } from './context';

export interface TijdvakFilter {
  /** Regeling code as stored (e.g. "STAP"); undefined = every regeling this portal holds. */
  regelingCode: string | undefined;
  /** Effective statuses; empty = all. */
  statuses: TijdvakStatus[];
}

/** The rows whose effective status at `now` is `status` (mirror of effectiveStatus). */
export function whereEffectiveStatus(status: TijdvakStatus, now: Date): Prisma.TijdvakWhereInput {
  const notClosed: Prisma.TijdvakWhereInput = { status: { not: 'CLOSED' }, closesAt: { gt: now } };
  switch (status) {
    case 'CLOSED':
      return { OR: [{ status: 'CLOSED' }, { closesAt: { lte: now } }] };
    case 'SCHEDULED':
      return { AND: [notClosed, { status: 'SCHEDULED', opensAt: { gt: now } }] };
    case 'OPEN':
      return { AND: [notClosed, { OR: [{ status: 'OPEN' }, { status: 'SCHEDULED', opensAt: { lte: now } }] }] };
    case 'CEILING_REACHED':
      return { AND: [notClosed, { status: 'CEILING_REACHED' }] };
  }
}

export async function listTijdvakken(ctx: PortalContext, filter: TijdvakFilter, page: { skip: number; take: number }): Promise<{ rows: TijdvakRow[]; total: number }> {
  const now = ctx.now();
  const where: Prisma.TijdvakWhereInput = {
    ...(filter.regelingCode ? { regelingCode: filter.regelingCode } : {}),
    ...(filter.statuses.length > 0 ? { OR: filter.statuses.map((status) => whereEffectiveStatus(status, now)) } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.tijdvak.findMany({ where, orderBy: [{ opensAt: 'desc' }, { id: 'asc' }], skip: page.skip, take: page.take }),
    ctx.prisma.tijdvak.count({ where }),
  ]);
  return { rows, total };
}
