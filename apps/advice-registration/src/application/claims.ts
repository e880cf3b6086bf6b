// Reading claims: the claiming organisation sees its own; executor officers ("advice:read") see every claim.
import { invalid, notFoundError } from '@stap/platform/errors';
import { requireReadAccess, type Actor } from '../domain/actor';
import { isUuid } from '../domain/registration';
import type { ClaimLineRow, ClaimRow } from '../infrastructure/prisma/client';
import type { UseCaseContext } from './context';
import { organisationScope, pageOf } from './trajectories';

export interface ClaimView {
  claim: ClaimRow;
  lines: ClaimLineRow[];
  paidCents: bigint;
}

async function withLinesAndPayments(ctx: UseCaseContext, claim: ClaimRow): Promise<ClaimView> {
  const [lines, paid] = await Promise.all([
    ctx.prisma.claimLine.findMany({ where: { claimId: claim.id }, orderBy: { position: 'asc' } }),
    ctx.prisma.claimPayment.aggregate({ where: { claimId: claim.id }, _sum: { amountCents: true, offsetCents: true } }),
  ]);
  return { claim, lines, paidCents: (paid._sum.amountCents ?? 0n) + (paid._sum.offsetCents ?? 0n) };
}

export async function getClaim(ctx: UseCaseContext, claimId: string, actor: Actor): Promise<ClaimView> {
  if (!isUuid(claimId)) throw invalid([{ field: 'claim_id', description: 'must be a UUID' }]);
  const claim = await ctx.prisma.claim.findUnique({ where: { id: claimId.toLowerCase() } });
  if (!claim) throw notFoundError(`no claim ${claimId}`);
  const organisation = await ctx.prisma.adviserOrganisation.findUnique({ where: { id: claim.adviserOrganisationId } });
  try {
    requireReadAccess(actor, organisation?.kvkNumber);
  } catch {
    throw notFoundError(`no claim ${claimId}`);
  }
  return withLinesAndPayments(ctx, claim);
}

export async function listClaims(
  ctx: UseCaseContext,
  filter: { tijdvakId?: string; adviserOrganisationId?: string; pageSize?: number; pageToken?: string },
  actor: Actor,
): Promise<{ claims: ClaimView[]; nextPageToken: string }> {
  const { take, skip } = pageOf(filter.pageSize, filter.pageToken);
  const organisationId = await organisationScope(ctx, actor, filter.adviserOrganisationId);
  const rows = await ctx.prisma.claim.findMany({
    where: { ...(filter.tijdvakId ? { tijdvakId: filter.tijdvakId } : {}), ...(organisationId ? { adviserOrganisationId: organisationId } : {}) },
    orderBy: { receiptSequence: 'desc' },
    take: take + 1,
    skip,
  });
  const claims = await Promise.all(rows.slice(0, take).map((claim) => withLinesAndPayments(ctx, claim)));
  return { claims, nextPageToken: rows.length > take ? String(skip + take) : '' };
}
