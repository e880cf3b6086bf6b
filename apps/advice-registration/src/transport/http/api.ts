// The HTTP JSON API (Dutch API Design Rules: version in the path, camelCase, problem+json errors) over the same use
// cases as gRPC. Enum values are the contract's names without their prefix ("MBO_2", "ICT", "SELF_EMPLOYED").
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { parseRequest } from '@stap/platform/http';
import { getClaim, listClaims, type ClaimView } from '../../application/claims';
import { registerTrajectory } from '../../application/register-trajectory';
import { monitorReport, trancheReconciliation, type Reconciliation } from '../../application/reports';
import { submitClaim } from '../../application/submit-claim';
import { cancelTrajectory, completeTrajectory, getTrajectory, listTrajectories } from '../../application/trajectories';
import type { UseCaseContext } from '../../application/context';
import { isoDateOf } from '../../application/context';
import { profileCodes, profileValue } from '../../domain/profile';
import { invalid } from '@stap/platform/errors';
import type { TrajectoryRow } from '../../infrastructure/prisma/client';
import { toHttpError } from './errors';
import { bearerToken, identify, type IdentityTable } from './identity';

const text = z.string().max(200);
const registrationBody = z.object({
  tijdvakId: text,
  careerAdviserId: text,
  participantBsn: text,
  participantBirthDate: text,
  plannedStartDate: text,
  dutchLabourMarketTie: z.boolean(),
  profile: z.object({ educationLevel: text, sector: text, employmentStatus: text }),
});
const completionBody = z.object({
  expectedVersion: z.number().int().min(0).default(0),
  completedOn: text,
  labourMarketScanDone: z.boolean(),
  developmentPlanDelivered: z.boolean().default(false),
  nextStep: text.optional(),
});
const claimBody = z.object({ adviserOrganisationId: text, tijdvakId: text, trajectoryIds: z.array(text).max(1_000) });
const pageQuery = z.object({ tijdvakId: text.optional(), pageSize: z.coerce.number().int().optional(), pageToken: text.optional() });

export function trajectoryJson(row: TrajectoryRow) {
  return {
    id: row.id,
    regeling: row.regeling,
    tijdvakId: row.tijdvakId,
    adviserOrganisationId: row.adviserOrganisationId,
    careerAdviserId: row.careerAdviserId,
    participantBsn: row.participantBsn,
    participantAge: row.participantAge,
    profile: { educationLevel: row.educationLevel, sector: row.sector, employmentStatus: row.employmentStatus },
    plannedStartDate: isoDateOf(row.plannedStartDate),
    status: row.status,
    priceCents: Number(row.priceCents),
    completion: row.completedOn
      ? { completedOn: isoDateOf(row.completedOn), labourMarketScanDone: row.labourMarketScanDone, developmentPlanDelivered: row.developmentPlanDelivered, nextStep: row.nextStep }
      : null,
    claimId: row.claimId,
    registeredAt: row.registeredAt.toISOString(),
    version: row.version,
  };
}

export function claimJson(view: ClaimView) {
  const { claim } = view;
  return {
    id: claim.id,
    regeling: claim.regeling,
    tijdvakId: claim.tijdvakId,
    adviserOrganisationId: claim.adviserOrganisationId,
    receiptSequence: Number(claim.receiptSequence),
    requestedCents: Number(claim.requestedCents),
    acceptedCents: Number(claim.acceptedCents),
    paidCents: Number(view.paidCents),
    submittedAt: claim.submittedAt.toISOString(),
    lines: view.lines.map((line) => ({ trajectoryId: line.trajectoryId, accepted: line.accepted, amountCents: Number(line.amountCents), rejectionReason: line.rejectionReason })),
  };
}

export function reconciliationJson(report: Reconciliation) {
  const f = report.figures;
  const cents = (value: bigint) => Number(value);
  return {
    tijdvakId: report.tijdvakId,
    regeling: report.regeling,
    registrationCap: report.registrationCap,
    budgetCents: report.budgetCents === null ? null : cents(report.budgetCents),
    priceCents: cents(report.priceCents),
    counts: {
      registered: f.registered,
      cancelled: f.cancelled,
      open: f.open,
      completed: f.completed,
      completedUnclaimed: f.completedUnclaimed,
      claimLines: f.claimLines,
      acceptedLines: f.acceptedLines,
      rejectedLines: f.rejectedLines,
      paidLines: f.paidLines,
    },
    amountsCents: {
      registeredValue: cents(f.registeredValueCents),
      financed: cents(report.financedCents),
      paid: cents(f.paidCents),
      unpaid: cents(report.unpaidCents),
    },
    paidSource: 'PaymentExecuted events of the payment service (stap.payments.purchase_order.v1) for this tranche\'s claims',
    checks: report.checks,
    computedAt: report.computedAt.toISOString(),
  };
}

type Handler = (request: Request, response: Response) => Promise<void>;

export function apiRoutes(router: Router, useCases: UseCaseContext & { suppressionThreshold: number }, tokens: IdentityTable): void {
  const route = (handler: (request: Request, response: Response, actor: ReturnType<typeof identify>) => Promise<void>): Handler =>
    async (request, response) => {
      try {
        await handler(request, response, identify(tokens, bearerToken(request)));
      } catch (error) {
        throw toHttpError(error);
      }
    };
  const id = (request: Request) => String(request.params.id ?? '');

  router.post('/api/v1/trajectories', route(async (request, response, actor) => {
    const body = parseRequest(registrationBody, request.body);
    const row = await registerTrajectory(
      useCases,
      {
        tijdvakId: body.tijdvakId,
        regeling: '',
        careerAdviserId: body.careerAdviserId,
        participantBsn: body.participantBsn,
        participantBirthDate: body.participantBirthDate,
        plannedStartDate: body.plannedStartDate,
        dutchLabourMarketTie: body.dutchLabourMarketTie,
        educationLevel: profileValue('educationLevel', body.profile.educationLevel),
        sector: profileValue('sector', body.profile.sector),
        employmentStatus: profileValue('employmentStatus', body.profile.employmentStatus),
      },
      actor,
    );
    response.status(201).location(`/api/v1/trajectories/${row.id}`).json(trajectoryJson(row));
  }));
  router.get('/api/v1/trajectories', route(async (request, response, actor) => {
    const query = parseRequest(pageQuery, request.query);
    const page = await listTrajectories(useCases, query, actor);
    response.json({ trajectories: page.rows.map(trajectoryJson), nextPageToken: page.nextPageToken || null });
  }));
  router.get('/api/v1/trajectories/:id', route(async (request, response, actor) => {
    response.json(trajectoryJson(await getTrajectory(useCases, id(request), actor)));
  }));
  router.post('/api/v1/trajectories/:id/completion', route(async (request, response, actor) => {
    const body = parseRequest(completionBody, request.body);
    const nextStep = profileValue('nextStep', body.nextStep);
    if (body.nextStep && nextStep === 0) throw invalid([{ field: 'completion.next_step', description: `must be one of ${profileCodes('nextStep').join(', ')}` }]);
    const row = await completeTrajectory(useCases, { trajectoryId: id(request), ...body, nextStep }, actor);
    response.json(trajectoryJson(row));
  }));
  router.post('/api/v1/trajectories/:id/cancellation', route(async (request, response, actor) => {
    const body = parseRequest(z.object({ reason: z.string().max(500).default('') }), request.body ?? {});
    response.json(trajectoryJson(await cancelTrajectory(useCases, id(request), body.reason, actor)));
  }));
  router.post('/api/v1/claims', route(async (request, response, actor) => {
    const body = parseRequest(claimBody, request.body);
    const assessed = await submitClaim(useCases, body, actor);
    response.status(201).location(`/api/v1/claims/${assessed.claim.id}`).json(claimJson(await getClaim(useCases, assessed.claim.id, actor)));
  }));
  router.get('/api/v1/claims', route(async (request, response, actor) => {
    const page = await listClaims(useCases, parseRequest(pageQuery, request.query), actor);
    response.json({ claims: page.claims.map(claimJson), nextPageToken: page.nextPageToken || null });
  }));
  router.get('/api/v1/claims/:id', route(async (request, response, actor) => {
    response.json(claimJson(await getClaim(useCases, id(request), actor)));
  }));
  router.get('/api/v1/tranches/:id/reconciliation', route(async (request, response, actor) => {
    response.json(reconciliationJson(await trancheReconciliation(useCases, id(request), actor)));
  }));
  router.get('/api/v1/tranches/:id/monitor', route(async (request, response, actor) => {
    const { dimension } = parseRequest(z.object({ dimension: text }), request.query);
    response.json(await monitorReport(useCases, id(request), dimension, actor));
  }));
}
