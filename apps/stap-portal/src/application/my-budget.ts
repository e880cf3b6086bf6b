// "Mijn STAP-budget": the person's own applications, decisions, amounts and dates, and whether a new application
// could still be granted this calendar year (one grant per calendar year: DOMAIN.md §2.1 [pub]).
import { amsterdamDateOf, yearOf } from '@stap/regelingen';
import type { ApplicationRow, TijdvakRow } from '../infrastructure/prisma/client';
import type { PortalContext } from './context';

export interface BudgetOverview {
  applications: ApplicationRow[];
  canApplyThisYear: boolean;
  currentOrNext: TijdvakRow | null;
}

export async function myBudgetOverview(ctx: PortalContext, bsn: string): Promise<BudgetOverview> {
  const now = ctx.now();
  const applications = await ctx.prisma.application.findMany({ where: { bsn }, orderBy: { receivedAt: 'desc' } });
  const year = yearOf(amsterdamDateOf(now));
  const currentOrNext = await ctx.prisma.tijdvak.findFirst({ where: { status: { not: 'CLOSED' }, closesAt: { gt: now } }, orderBy: { opensAt: 'asc' } });
  return { applications, canApplyThisYear: !applications.some((a) => a.grantYear === year), currentOrNext };
}
