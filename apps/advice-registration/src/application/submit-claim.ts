// Use case: an adviser organisation claims payment for completed trajectories, bundled in one submission [000].
// The claim must arrive before the tranche's claim deadline (Europe/Amsterdam, exclusive) [pub]; then every line
// is assessed on its own (domain/claim-line.ts) in order of receipt. Accepted lines become one ClaimAssessed event
// that payment turns into a payment to the organisation. Nothing is paid twice: the trajectories are locked for the
// claim's transaction, an accepted trajectory is marked with its claim, and a unique key on accepted lines makes the
// database itself refuse a second acceptance. TSOV 45+ caps approved claims at 25,000 in order of receipt [pub]: a
// conditional UPDATE on the tranche counter takes one approval place per accepted line.
import { randomUUID } from 'node:crypto';
import { invalid, notFoundError, preconditionFailed, forbidden, type Violation } from '@stap/platform/errors';
import { amsterdamDateOf, checkClaimDeadline, type Tijdvak } from '@stap/regelingen';
import { requireAdviserOrganisationLogin, type Actor } from '../domain/actor';
import { assessClaimLine, type ClaimedTrajectory, type LineOutcome } from '../domain/claim-line';
import { isUuid } from '../domain/registration';
import { claimAssessed, claimSubmitted, money, publish, rejectionReasonValue, tijdvakRef } from '../infrastructure/messaging/advice-events';
import type { ClaimRow, TransactionClient, TrajectoryRow } from '../infrastructure/prisma/client';
import { isoDateOf, TRANSACTION_OPTIONS, type UseCaseContext } from './context';
import { adviceTranche, ensureTrancheCounter, trancheParameters } from './tranches';

/** The contract: 1 to 1,000 trajectories per claim. */
export const MAX_CLAIM_LINES = 1_000;

export interface ClaimInput {
  adviserOrganisationId: string;
  tijdvakId: string;
  regeling?: string;
  trajectoryIds: string[];
}

function claimViolations(input: ClaimInput): Violation[] {
  const violations: Violation[] = [];
  if (!isUuid(input.adviserOrganisationId)) violations.push({ field: 'adviser_organisation_id', description: 'must be a UUID' });
  if (!input.tijdvakId) violations.push({ field: 'tijdvak.tijdvak_id', description: 'is required' });
  const ids = input.trajectoryIds;
  if (ids.length === 0 || ids.length > MAX_CLAIM_LINES) violations.push({ field: 'trajectory_ids', description: `must hold 1 to ${MAX_CLAIM_LINES} trajectories` });
  ids.forEach((id, index) => {
    if (!isUuid(id)) violations.push({ field: `trajectory_ids[${index}]`, description: 'must be a UUID' });
    else if (ids.findIndex((other) => other.toLowerCase() === id.toLowerCase()) !== index) {
      violations.push({ field: `trajectory_ids[${index}]`, description: 'is a duplicate of an earlier line' });
    }
  });
  return violations;
}

export interface AssessedClaim {
  claim: ClaimRow;
  lines: { trajectoryId: string; accepted: boolean; amountCents: bigint; rejectionReason: string | null }[];
}

export async function submitClaim(ctx: UseCaseContext, input: ClaimInput, actor: Actor): Promise<AssessedClaim> {
  const violations = claimViolations(input);
  if (violations.length > 0) throw invalid(violations, 'the claim has invalid fields');
  const kvk = requireAdviserOrganisationLogin(actor);
  const organisationId = input.adviserOrganisationId.toLowerCase();
  const organisation = await ctx.prisma.adviserOrganisation.findUnique({ where: { id: organisationId } });
  if (!organisation) throw notFoundError(`no adviser organisation ${input.adviserOrganisationId}`);
  if (organisation.kvkNumber !== kvk) throw forbidden('you may only claim for your own organisation');
  const tijdvak = adviceTranche(input.tijdvakId, input.regeling);
  const claimedAt = ctx.clock();
  // The deadline is for the whole submission, before any line is looked at. Source: DOMAIN.md §2.3 [pub].
  if (!checkClaimDeadline(claimedAt, tijdvak).eligible) {
    throw preconditionFailed(`the claim deadline of ${tijdvak.id} (${tijdvak.claimDeadline?.value} Europe/Amsterdam) has passed`, 'CLAIM_DEADLINE_PASSED');
  }
  await ensureTrancheCounter(ctx.prisma, tijdvak);
  const ids = input.trajectoryIds.map((id) => id.toLowerCase());
  return ctx.prisma.$transaction((tx) => assessAndStore(tx, { organisationId, tijdvak, claimedAt, ids, subject: actor.subject }), TRANSACTION_OPTIONS);
}

interface ClaimRun {
  organisationId: string;
  tijdvak: Tijdvak;
  claimedAt: Date;
  ids: string[];
  subject: string;
}

async function assessAndStore(tx: TransactionClient, run: ClaimRun): Promise<AssessedClaim> {
  const trajectories = await lockTrajectories(tx, run.ids);
  const price = BigInt(trancheParameters(run.tijdvak).parameters.pricePerTrajectoryCents.value);
  const claimId = randomUUID();
  const lines: AssessedClaim['lines'] = [];
  for (const trajectoryId of run.ids) {
    const row = trajectories.get(trajectoryId);
    let outcome = assessClaimLine(row && claimedFacts(row), { organisationId: run.organisationId, tijdvak: run.tijdvak, claimedAt: run.claimedAt });
    if (outcome.accepted && !(await takeApprovalPlace(tx, run.tijdvak.id))) outcome = { accepted: false, reason: 'CAP_REACHED' };
    lines.push(lineOf(trajectoryId, outcome, row));
  }
  const acceptedCents = lines.reduce((sum, line) => sum + line.amountCents, 0n);
  const claim = await tx.claim.create({
    data: {
      id: claimId,
      regeling: run.tijdvak.regeling,
      tijdvakId: run.tijdvak.id,
      adviserOrganisationId: run.organisationId,
      requestedCents: price * BigInt(lines.length),
      acceptedCents,
      submittedAt: run.claimedAt,
      submittedBy: run.subject,
      lines: {
        create: lines.map((line, position) => ({
          position,
          trajectoryId: line.trajectoryId,
          accepted: line.accepted,
          amountCents: line.amountCents,
          rejectionReason: line.rejectionReason,
          acceptedTrajectoryId: line.accepted ? line.trajectoryId : null,
        })),
      },
    },
  });
  const acceptedIds = lines.filter((line) => line.accepted).map((line) => line.trajectoryId);
  await tx.trajectory.updateMany({ where: { id: { in: acceptedIds }, claimId: null }, data: { status: 'CLAIM_ACCEPTED', claimId, version: { increment: 1 } } });
  await publish(tx, claimEvents(claim, lines, run));
  return { claim, lines };
}

/** Locks the claimed trajectories (in id order, so two claims never deadlock) until the claim is stored. */
async function lockTrajectories(tx: TransactionClient, ids: string[]): Promise<Map<string, TrajectoryRow>> {
  const known = ids.filter(isUuid);
  if (known.length === 0) return new Map();
  await tx.$queryRaw`SELECT id FROM trajectory WHERE id = ANY(${known}::uuid[]) ORDER BY id FOR UPDATE`;
  const rows = await tx.trajectory.findMany({ where: { id: { in: known } } });
  return new Map(rows.map((row) => [row.id, row]));
}

function claimedFacts(row: TrajectoryRow): ClaimedTrajectory {
  return {
    adviserOrganisationId: row.adviserOrganisationId,
    tijdvakId: row.tijdvakId,
    status: row.status,
    claimId: row.claimId,
    registeredOn: amsterdamDateOf(row.registeredAt),
    completedOn: row.completedOn ? isoDateOf(row.completedOn) : null,
    labourMarketScanDone: row.labourMarketScanDone,
  };
}

/** One approval place under a cap on approved claims (TSOV); always granted where approvals are not capped. */
async function takeApprovalPlace(tx: TransactionClient, tijdvakId: string): Promise<boolean> {
  const taken = await tx.$executeRaw`
    UPDATE tranche_counter SET approved_claims = approved_claims + 1
     WHERE tijdvak_id = ${tijdvakId} AND (approved_claim_cap IS NULL OR approved_claims < approved_claim_cap)`;
  return taken === 1;
}

function lineOf(trajectoryId: string, outcome: LineOutcome, row: TrajectoryRow | undefined): AssessedClaim['lines'][number] {
  if (outcome.accepted) {
    // The price of the trajectory is the one recorded at its registration (the version then in force).
    return { trajectoryId, accepted: true, amountCents: row ? row.priceCents : BigInt(outcome.amountCents), rejectionReason: null };
  }
  return { trajectoryId, accepted: false, amountCents: 0n, rejectionReason: outcome.reason };
}

function claimEvents(claim: ClaimRow, lines: AssessedClaim['lines'], run: ClaimRun) {
  const tijdvak = tijdvakRef(run.tijdvak.regeling, run.tijdvak.id);
  return [
    claimSubmitted({
      claimId: claim.id,
      tijdvak,
      adviserOrganisationId: claim.adviserOrganisationId,
      lineCount: lines.length,
      requestedAmount: money(claim.requestedCents),
      submittedAt: claim.submittedAt.toISOString(),
    }),
    claimAssessed({
      claimId: claim.id,
      tijdvak,
      adviserOrganisationId: claim.adviserOrganisationId,
      acceptedTrajectoryIds: lines.filter((line) => line.accepted).map((line) => line.trajectoryId),
      rejectedLines: lines
        .filter((line) => !line.accepted)
        .map((line) => ({ trajectoryId: line.trajectoryId, accepted: false, amount: money(0), rejectionReason: rejectionReasonValue(line.rejectionReason) })),
      acceptedAmount: money(claim.acceptedCents),
      assessedAt: claim.submittedAt.toISOString(),
    }),
  ];
}
