// Reports for executor officers ("advice:reports"): the reconciliation of a tranche and the monitor.
// "Paid" is what payment reported in PaymentExecuted events for this tranche's claims (claim_payment), never an
// assumption of this service: until payment executes, a financed claim shows as unpaid.
import { invalid } from '@stap/platform/errors';
import { requireScope, SCOPES, type Actor } from '../domain/actor';
import { ageBandOf, AGE_BANDS } from '../domain/age-band';
import { suppressSmallCells, type MonitorCell, type MonitorRowView } from '../domain/monitor';
import { profileCodes } from '../domain/profile';
import { reconciliationChecks, type ReconciliationCheck, type TrancheFigures } from '../domain/reconciliation';
import type { UseCaseContext } from './context';
import { adviceTranche, trancheCaps, trancheParameters } from './tranches';

export interface Reconciliation {
  tijdvakId: string;
  regeling: string;
  registrationCap: number | null;
  budgetCents: bigint | null;
  priceCents: bigint;
  figures: TrancheFigures;
  financedCents: bigint;
  unpaidCents: bigint;
  checks: ReconciliationCheck[];
  computedAt: Date;
}

interface FigureRow {
  registered: bigint;
  cancelled: bigint;
  open: bigint;
  completed: bigint;
  completed_unclaimed: bigint;
  accepted_trajectories: bigint;
  accepted_value: bigint | null;
  registered_value: bigint | null;
}

interface ClaimFigureRow {
  claim_lines: bigint;
  accepted_lines: bigint;
  rejected_lines: bigint;
  accepted_cents: bigint | null;
  paid_cents: bigint | null;
  paid_lines: bigint | null;
}

const ZERO_FIGURES: FigureRow = {
  registered: 0n, cancelled: 0n, open: 0n, completed: 0n, completed_unclaimed: 0n, accepted_trajectories: 0n, accepted_value: null, registered_value: null,
};
const ZERO_CLAIM_FIGURES: ClaimFigureRow = { claim_lines: 0n, accepted_lines: 0n, rejected_lines: 0n, accepted_cents: null, paid_cents: null, paid_lines: null };

export async function trancheReconciliation(ctx: UseCaseContext, tijdvakId: string, actor: Actor): Promise<Reconciliation> {
  requireScope(actor, SCOPES.reports);
  const tijdvak = adviceTranche(tijdvakId);
  const [t = ZERO_FIGURES] = await ctx.prisma.$queryRaw<FigureRow[]>`
    SELECT count(*) AS registered,
           count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled,
           count(*) FILTER (WHERE status = 'REGISTERED') AS open,
           count(*) FILTER (WHERE completed_on IS NOT NULL) AS completed,
           count(*) FILTER (WHERE completed_on IS NOT NULL AND claim_id IS NULL) AS completed_unclaimed,
           count(*) FILTER (WHERE claim_id IS NOT NULL) AS accepted_trajectories,
           sum(price_cents) FILTER (WHERE claim_id IS NOT NULL) AS accepted_value,
           sum(price_cents) AS registered_value
      FROM trajectory WHERE tijdvak_id = ${tijdvakId}`;
  const [c = ZERO_CLAIM_FIGURES] = await ctx.prisma.$queryRaw<ClaimFigureRow[]>`
    WITH claims AS (
      SELECT c.id, c.accepted_cents,
             (SELECT coalesce(sum(p.amount_cents + p.offset_cents), 0) FROM claim_payment p WHERE p.claim_id = c.id) AS paid_cents,
             (SELECT count(*) FROM claim_line l WHERE l.claim_id = c.id) AS lines,
             (SELECT count(*) FROM claim_line l WHERE l.claim_id = c.id AND l.accepted) AS accepted_lines
        FROM claim c WHERE c.tijdvak_id = ${tijdvakId})
    SELECT coalesce(sum(lines), 0) AS claim_lines,
           coalesce(sum(accepted_lines), 0) AS accepted_lines,
           coalesce(sum(lines - accepted_lines), 0) AS rejected_lines,
           sum(accepted_cents) AS accepted_cents,
           sum(paid_cents) AS paid_cents,
           sum(accepted_lines) FILTER (WHERE accepted_cents > 0 AND paid_cents >= accepted_cents) AS paid_lines
      FROM claims`;
  const figures: TrancheFigures = {
    registered: Number(t.registered),
    cancelled: Number(t.cancelled),
    open: Number(t.open),
    completed: Number(t.completed),
    completedUnclaimed: Number(t.completed_unclaimed),
    acceptedTrajectories: Number(t.accepted_trajectories),
    acceptedTrajectoryValueCents: BigInt(t.accepted_value ?? 0),
    registeredValueCents: BigInt(t.registered_value ?? 0),
    claimLines: Number(c.claim_lines),
    acceptedLines: Number(c.accepted_lines),
    rejectedLines: Number(c.rejected_lines),
    acceptedCents: BigInt(c.accepted_cents ?? 0),
    paidCents: BigInt(c.paid_cents ?? 0),
    paidLines: Number(c.paid_lines ?? 0),
  };
  return {
    tijdvakId,
    regeling: tijdvak.regeling,
    registrationCap: trancheCaps(tijdvak).registrationCap ?? trancheCaps(tijdvak).approvedClaimCap,
    budgetCents: tijdvak.budgetCeilingCents ? BigInt(tijdvak.budgetCeilingCents.value) : null,
    priceCents: BigInt(trancheParameters(tijdvak).parameters.pricePerTrajectoryCents.value),
    figures,
    financedCents: figures.acceptedCents,
    unpaidCents: figures.acceptedCents - figures.paidCents,
    checks: reconciliationChecks(figures),
    computedAt: ctx.clock(),
  };
}

export const MONITOR_DIMENSIONS = ['SECTOR', 'EDUCATION_LEVEL', 'EMPLOYMENT_STATUS', 'AGE_BAND', 'NEXT_STEP'] as const;
export type MonitorDimensionName = (typeof MONITOR_DIMENSIONS)[number];

const DIMENSION_COLUMN: Record<Exclude<MonitorDimensionName, 'AGE_BAND'>, { column: string; categories: () => string[] }> = {
  SECTOR: { column: 'sector', categories: () => profileCodes('sector') },
  EDUCATION_LEVEL: { column: 'education_level', categories: () => profileCodes('educationLevel') },
  EMPLOYMENT_STATUS: { column: 'employment_status', categories: () => profileCodes('employmentStatus') },
  NEXT_STEP: { column: 'next_step', categories: () => profileCodes('nextStep') },
};

export interface MonitorReportView {
  tijdvakId: string;
  regeling: string;
  dimension: MonitorDimensionName;
  rows: MonitorRowView[];
  threshold: number;
  generatedAt: Date;
}

interface CellRow {
  category: string | null;
  registered: bigint;
  completed: bigint;
}

export async function monitorReport(
  ctx: UseCaseContext & { suppressionThreshold: number },
  tijdvakId: string,
  dimension: string,
  actor: Actor,
): Promise<MonitorReportView> {
  requireScope(actor, SCOPES.reports);
  if (!(MONITOR_DIMENSIONS as readonly string[]).includes(dimension)) {
    throw invalid([{ field: 'dimension', description: `must be one of ${MONITOR_DIMENSIONS.join(', ')}` }]);
  }
  const tijdvak = adviceTranche(tijdvakId);
  const cells = dimension === 'AGE_BAND' ? await ageBandCells(ctx, tijdvakId) : await columnCells(ctx, tijdvakId, dimension as keyof typeof DIMENSION_COLUMN);
  return {
    tijdvakId,
    regeling: tijdvak.regeling,
    dimension: dimension as MonitorDimensionName,
    rows: suppressSmallCells(cells, ctx.suppressionThreshold),
    threshold: ctx.suppressionThreshold,
    generatedAt: ctx.clock(),
  };
}

async function columnCells(ctx: UseCaseContext, tijdvakId: string, dimension: keyof typeof DIMENSION_COLUMN): Promise<MonitorCell[]> {
  const { column, categories } = DIMENSION_COLUMN[dimension];
  // The column name comes from the fixed table above, never from the request.
  const rows = await ctx.prisma.$queryRawUnsafe<CellRow[]>(
    `SELECT ${column} AS category, count(*) AS registered, count(*) FILTER (WHERE completed_on IS NOT NULL) AS completed
       FROM trajectory WHERE tijdvak_id = $1 GROUP BY ${column}`,
    tijdvakId,
  );
  const byCategory = new Map(rows.map((row) => [row.category ?? 'UNKNOWN', row]));
  const known = [...categories(), ...(byCategory.has('UNKNOWN') ? ['UNKNOWN'] : [])];
  return known.map((category) => ({
    category,
    registered: Number(byCategory.get(category)?.registered ?? 0),
    completed: Number(byCategory.get(category)?.completed ?? 0),
  }));
}

async function ageBandCells(ctx: UseCaseContext, tijdvakId: string): Promise<MonitorCell[]> {
  const rows = await ctx.prisma.$queryRaw<{ age: number; registered: bigint; completed: bigint }[]>`
    SELECT participant_age AS age, count(*) AS registered, count(*) FILTER (WHERE completed_on IS NOT NULL) AS completed
      FROM trajectory WHERE tijdvak_id = ${tijdvakId} GROUP BY participant_age`;
  const cells = new Map(AGE_BANDS.map((band) => [band, { category: band, registered: 0, completed: 0 }]));
  for (const row of rows) {
    const cell = cells.get(ageBandOf(row.age));
    if (!cell) continue;
    cell.registered += Number(row.registered);
    cell.completed += Number(row.completed);
  }
  return [...cells.values()];
}
