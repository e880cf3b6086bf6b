// Use cases on one trajectory after its registration: complete it (with the labour-market scan), cancel it, read
// it, list them. An adviser organisation only ever sees and changes its own trajectories.
// Source: DOMAIN.md §2.3 ("Free development advice ... including a labour-market scan" [000]).
import { conflict, invalid, notFoundError, preconditionFailed, type Violation } from '@stap/platform/errors';
import { amsterdamDateOf, compareDates, isIsoDate, labourMarketScanRequired } from '@stap/regelingen';
import { isOfficer, requireAdviserOrganisationLogin, requireReadAccess, type Actor } from '../domain/actor';
import { isUuid } from '../domain/registration';
import { profileCode } from '../domain/profile';
import { dateMessage, publish, tijdvakRef, trajectoryCancelled, trajectoryCompleted } from '../infrastructure/messaging/advice-events';
import type { Prisma, TrajectoryRow } from '../infrastructure/prisma/client';
import { dateColumn, isoDateOf, type UseCaseContext } from './context';

export interface CompletionInput {
  trajectoryId: string;
  expectedVersion: number;
  completedOn: string;
  labourMarketScanDone: boolean;
  developmentPlanDelivered: boolean;
  nextStep: number;
}

async function ownTrajectory(ctx: UseCaseContext, trajectoryId: string, actor: Actor): Promise<TrajectoryRow> {
  if (!isUuid(trajectoryId)) throw invalid([{ field: 'trajectory_id', description: 'must be a UUID' }]);
  const row = await ctx.prisma.trajectory.findUnique({ where: { id: trajectoryId.toLowerCase() } });
  if (!row) throw notFoundError(`no trajectory ${trajectoryId}`);
  const organisation = await ctx.prisma.adviserOrganisation.findUnique({ where: { id: row.adviserOrganisationId } });
  try {
    requireReadAccess(actor, organisation?.kvkNumber);
  } catch {
    // Another organisation's trajectory is reported as absent: its existence is not theirs to learn.
    throw notFoundError(`no trajectory ${trajectoryId}`);
  }
  return row;
}

export async function getTrajectory(ctx: UseCaseContext, trajectoryId: string, actor: Actor): Promise<TrajectoryRow> {
  return ownTrajectory(ctx, trajectoryId, actor);
}

function completionViolations(input: CompletionInput, row: TrajectoryRow, today: string): Violation[] {
  const violations: Violation[] = [];
  if (!isIsoDate(input.completedOn)) return [{ field: 'completion.completed_on', description: 'must be a valid calendar date' }];
  if (compareDates(input.completedOn, isoDateOf(row.plannedStartDate)) < 0) {
    violations.push({ field: 'completion.completed_on', description: 'lies before the planned start of the trajectory' });
  }
  if (compareDates(input.completedOn, today) > 0) violations.push({ field: 'completion.completed_on', description: 'lies in the future' });
  if (input.nextStep !== 0 && profileCode('nextStep', input.nextStep) === undefined) {
    violations.push({ field: 'completion.next_step', description: 'must be a known next step' });
  }
  return violations;
}

export async function completeTrajectory(ctx: UseCaseContext, input: CompletionInput, actor: Actor): Promise<TrajectoryRow> {
  requireAdviserOrganisationLogin(actor);
  const row = await ownTrajectory(ctx, input.trajectoryId, actor);
  const violations = completionViolations(input, row, amsterdamDateOf(ctx.clock()));
  if (violations.length > 0) throw invalid(violations, 'the completion has invalid fields');
  if (row.status !== 'REGISTERED') throw preconditionFailed(`the trajectory is ${row.status}, not REGISTERED`, 'NOT_REGISTERED');
  if (labourMarketScanRequired(row.regeling as 'NLLD_ONTWIKKELADVIES') && !input.labourMarketScanDone) {
    throw preconditionFailed('the advice of this regeling includes the labour-market scan; it was not done', 'LABOUR_MARKET_SCAN_MISSING');
  }
  return ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.trajectory.updateMany({
      where: { id: row.id, status: 'REGISTERED', ...(input.expectedVersion > 0 ? { version: input.expectedVersion } : {}) },
      data: {
        status: 'COMPLETED',
        completedOn: dateColumn(input.completedOn),
        labourMarketScanDone: input.labourMarketScanDone,
        developmentPlanDelivered: input.developmentPlanDelivered,
        nextStep: profileCode('nextStep', input.nextStep) ?? null,
        version: { increment: 1 },
      },
    });
    if (changed.count === 0) throw conflict('the trajectory was changed by someone else; read it again');
    await publish(tx, [
      trajectoryCompleted({
        trajectoryId: row.id,
        tijdvak: tijdvakRef(row.regeling, row.tijdvakId),
        adviserOrganisationId: row.adviserOrganisationId,
        completedOn: dateMessage(input.completedOn),
        labourMarketScanDone: input.labourMarketScanDone,
      }),
    ]);
    return tx.trajectory.findUniqueOrThrow({ where: { id: row.id } });
  });
}

const MAX_REASON_LENGTH = 500;

/** Cancels a registered trajectory; its place in the tranche is not given back (the contract says so). */
export async function cancelTrajectory(ctx: UseCaseContext, trajectoryId: string, reason: string, actor: Actor): Promise<TrajectoryRow> {
  requireAdviserOrganisationLogin(actor);
  if (reason.length > MAX_REASON_LENGTH) throw invalid([{ field: 'reason', description: `must be at most ${MAX_REASON_LENGTH} characters` }]);
  const row = await ownTrajectory(ctx, trajectoryId, actor);
  if (row.status !== 'REGISTERED') throw preconditionFailed(`the trajectory is ${row.status}; only a REGISTERED one can be cancelled`, 'NOT_REGISTERED');
  const now = ctx.clock();
  return ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.trajectory.updateMany({
      where: { id: row.id, status: 'REGISTERED' },
      data: { status: 'CANCELLED', cancelReason: reason.trim() || null, version: { increment: 1 } },
    });
    if (changed.count === 0) throw conflict('the trajectory was changed by someone else; read it again');
    await publish(tx, [trajectoryCancelled({ trajectoryId: row.id, tijdvak: tijdvakRef(row.regeling, row.tijdvakId), reason, cancelledAt: now.toISOString() })]);
    return tx.trajectory.findUniqueOrThrow({ where: { id: row.id } });
  });
}

export interface TrajectoryFilter {
  tijdvakId?: string;
  adviserOrganisationId?: string;
  careerAdviserId?: string;
  statuses?: string[];
  pageSize?: number;
  pageToken?: string;
}

export const MAX_PAGE_SIZE = 500;

export function pageOf(pageSize: number | undefined, pageToken: string | undefined): { take: number; skip: number } {
  const violations: Violation[] = [];
  if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > MAX_PAGE_SIZE)) {
    violations.push({ field: 'page.page_size', description: `must be 0 to ${MAX_PAGE_SIZE}` });
  }
  if (pageToken && !/^\d{1,9}$/.test(pageToken)) violations.push({ field: 'page.page_token', description: 'is not a token this service issued' });
  if (violations.length > 0) throw invalid(violations);
  return { take: pageSize || 50, skip: pageToken ? Number(pageToken) : 0 };
}

/** The organisation an adviser login is limited to (forced), or the filter of an officer. */
export async function organisationScope(ctx: UseCaseContext, actor: Actor, requested: string | undefined): Promise<string | undefined> {
  if (isOfficer(actor)) return requested || undefined;
  const kvk = requireAdviserOrganisationLogin(actor);
  const organisation = await ctx.prisma.adviserOrganisation.findFirst({ where: { kvkNumber: kvk } });
  // An organisation not (yet) known here has no trajectories; a UUID nobody has keeps the query honest.
  return organisation?.id ?? '00000000-0000-0000-0000-000000000000';
}

export async function listTrajectories(ctx: UseCaseContext, filter: TrajectoryFilter, actor: Actor) {
  const { take, skip } = pageOf(filter.pageSize, filter.pageToken);
  const organisationId = await organisationScope(ctx, actor, filter.adviserOrganisationId);
  if (filter.careerAdviserId && !isUuid(filter.careerAdviserId)) throw invalid([{ field: 'career_adviser_id', description: 'must be a UUID' }]);
  const where: Prisma.TrajectoryWhereInput = {
    ...(filter.tijdvakId ? { tijdvakId: filter.tijdvakId } : {}),
    ...(organisationId ? { adviserOrganisationId: organisationId } : {}),
    ...(filter.careerAdviserId ? { careerAdviserId: filter.careerAdviserId } : {}),
    ...(filter.statuses && filter.statuses.length > 0 ? { status: { in: filter.statuses } } : {}),
  };
  const rows = await ctx.prisma.trajectory.findMany({ where, orderBy: [{ registeredAt: 'desc' }, { id: 'asc' }], take: take + 1, skip });
  return { rows: rows.slice(0, take), nextPageToken: rows.length > take ? String(skip + take) : '' };
}
