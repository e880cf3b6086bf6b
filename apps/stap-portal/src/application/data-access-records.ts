// Use case: "who looked up my data": the individual's own audit records of partner look-ups (partner, purpose, case
// reference, time), newest first, paged. Only the person's own records: the BSN comes from the login, never from the
// request. Transparency of every read of personal data by a partner: DESIGN.md §4; DOMAIN.md §5.
import type { Prisma } from '../infrastructure/prisma/client';
import type { PortalContext } from './context';

export type DataAccessRow = Prisma.DataAccessRecordModel;

export async function myDataAccessRecords(ctx: PortalContext, bsn: string, page: { skip: number; take: number }): Promise<{ rows: DataAccessRow[]; total: number }> {
  const where = { bsn };
  const [rows, total] = await Promise.all([
    ctx.prisma.dataAccessRecord.findMany({ where, orderBy: [{ accessedAt: 'desc' }, { id: 'desc' }], skip: page.skip, take: page.take }),
    ctx.prisma.dataAccessRecord.count({ where }),
  ]);
  return { rows, total };
}
