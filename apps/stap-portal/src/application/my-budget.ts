// "Mijn STAP-budget": the person's own applications, decisions, amounts and dates, and whether a new application
// could still be granted this calendar year (one grant per calendar year, and not while excluded after being at
// fault: DOMAIN.md §2.1 [pub]).
import { amsterdamDateOf, yearOf } from '@stap/regelingen';
import { isExcludedOn } from '../domain/assessment';
import { budgetReleaseState, type BudgetReleaseState } from '../domain/withdrawal';
import type { ApplicationRow, TijdvakRow } from '../infrastructure/prisma/client';
import type { PortalContext } from './context';

/**
 * An application with where its amount stands once withdrawn ("ingetrokken"): PENDING until payment cancelled the
 * purchase order, RELEASED when the amount went back to the tijdvak, WITHHELD when that tijdvak had closed already.
 */
export type OverviewApplication = ApplicationRow & { budgetRelease: BudgetReleaseState };

export interface BudgetOverview {
  applications: OverviewApplication[];
  canApplyThisYear: boolean;
  /** Last day of an exclusion in force today; null when not excluded. */
  excludedUntil: string | null;
  currentOrNext: TijdvakRow | null;
}

export async function myBudgetOverview(ctx: PortalContext, bsn: string): Promise<BudgetOverview> {
  const now = ctx.now();
  const rows = await ctx.prisma.application.findMany({ where: { bsn }, orderBy: { receivedAt: 'desc' } });
  const applications = rows.map((row) => ({ ...row, budgetRelease: budgetReleaseState(row) }));
  const year = yearOf(amsterdamDateOf(now));
  const currentOrNext = await ctx.prisma.tijdvak.findFirst({ where: { status: { not: 'CLOSED' }, closesAt: { gt: now } }, orderBy: { opensAt: 'asc' } });
  const exclusion = await ctx.prisma.personExclusion.findUnique({ where: { bsn } });
  const excludedUntil = exclusion && isExcludedOn(exclusion.excludedUntil, amsterdamDateOf(now)) ? exclusion.excludedUntil : null;
  return { applications, canApplyThisYear: excludedUntil === null && !applications.some((a) => a.grantYear === year), excludedUntil, currentOrNext };
}
