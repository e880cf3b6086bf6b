// gRPC edge for advisers' systems and executor officers: decodes requests into use-case input, and maps rows back
// to the contract. Business rules live in application/ and domain/. The per-adviser daily limit is answered with
// RESOURCE_EXHAUSTED, as the contract says; every other error goes through the platform's mapping.
import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  AdviceRegistrationServiceService,
  TrajectoryStatus,
  type AdviceTrajectory,
  type CancelTrajectoryRequest,
  type Claim,
  type CompleteTrajectoryRequest,
  type GetClaimRequest,
  type GetMonitorReportRequest,
  type GetTrajectoryRequest,
  type GetTrancheReconciliationRequest,
  type ListClaimsRequest,
  type ListClaimsResponse,
  type ListTrajectoriesRequest,
  type ListTrajectoriesResponse,
  type MonitorReport,
  type RegisterTrajectoryRequest,
  type SubmitClaimRequest,
  type TrancheReconciliation,
} from '@stap/contracts/stap/advice/v1/advice';
import { invalid } from '@stap/platform/errors';
import { GrpcError, unary, type CallContext, type HandlerKit, type UnaryHandler } from '@stap/platform/grpc';
import { getClaim, listClaims } from '../../application/claims';
import type { UseCaseContext } from '../../application/context';
import { isQuotaError } from '../../application/errors';
import { registerTrajectory } from '../../application/register-trajectory';
import { monitorReport, trancheReconciliation } from '../../application/reports';
import { submitClaim } from '../../application/submit-claim';
import { cancelTrajectory, completeTrajectory, getTrajectory, listTrajectories } from '../../application/trajectories';
import type { Actor } from '../../domain/actor';
import type { RegistrationInput } from '../../domain/registration';
import { dimensionName, isoOf, regelingOf, toClaimMessage, toMonitorMessage, toReconciliationMessage, toTrajectoryMessage } from './advice-mapper';

const actorOf = (ctx: CallContext): Actor => ctx.identity;

/** The daily limit is a quota: RESOURCE_EXHAUSTED rather than FAILED_PRECONDITION. */
function withQuotaStatus<Req, Res>(handler: UnaryHandler<Req, Res>): UnaryHandler<Req, Res> {
  return async (request, ctx) => {
    try {
      return await handler(request, ctx);
    } catch (error) {
      if (isQuotaError(error)) throw new GrpcError(GrpcStatus.RESOURCE_EXHAUSTED, error.message, [], [{ type: error.reason ?? '', subject: '', description: error.message }]);
      throw error;
    }
  };
}

export function toRegistrationInput(request: RegisterTrajectoryRequest): RegistrationInput {
  return {
    tijdvakId: request.tijdvak?.tijdvakId ?? '',
    regeling: regelingOf(request.tijdvak),
    careerAdviserId: request.careerAdviserId,
    participantBsn: request.participantBsn?.value ?? '',
    participantBirthDate: isoOf(request.participantBirthDate),
    educationLevel: request.profile?.educationLevel ?? 0,
    sector: request.profile?.sector ?? 0,
    employmentStatus: request.profile?.employmentStatus ?? 0,
    plannedStartDate: isoOf(request.plannedStartDate),
    dutchLabourMarketTie: request.dutchLabourMarketTie,
  };
}

function expectedVersion(text: string): number {
  const version = Number(text || '0');
  if (!Number.isSafeInteger(version) || version < 0) throw invalid([{ field: 'expected_version', description: 'must be a non-negative whole number' }]);
  return version;
}

function statusNames(statuses: TrajectoryStatus[]): string[] {
  return statuses.map((status) => {
    const name = TrajectoryStatus[status];
    if (typeof name !== 'string' || status === TrajectoryStatus.TRAJECTORY_STATUS_UNSPECIFIED) {
      throw invalid([{ field: 'statuses', description: 'must hold known statuses only' }]);
    }
    return name.replace(/^TRAJECTORY_STATUS_/, '');
  });
}

export function adviceRegistrationService(kit: HandlerKit, useCases: UseCaseContext & { suppressionThreshold: number }) {
  const handle = <Req, Res>(handler: UnaryHandler<Req, Res>) => unary<Req, Res>(kit, withQuotaStatus(handler));
  return {
    name: 'stap.advice.v1.AdviceRegistrationService',
    definition: AdviceRegistrationServiceService,
    implementation: {
      registerTrajectory: handle<RegisterTrajectoryRequest, AdviceTrajectory>(async (request, ctx) =>
        toTrajectoryMessage(await registerTrajectory(useCases, toRegistrationInput(request), actorOf(ctx))),
      ),
      completeTrajectory: handle<CompleteTrajectoryRequest, AdviceTrajectory>(async (request, ctx) => {
        const completion = request.completion;
        const input = {
          trajectoryId: request.trajectoryId,
          expectedVersion: expectedVersion(request.expectedVersion),
          completedOn: isoOf(completion?.completedOn),
          labourMarketScanDone: completion?.labourMarketScanDone ?? false,
          developmentPlanDelivered: completion?.developmentPlanDelivered ?? false,
          nextStep: completion?.nextStep ?? 0,
        };
        return toTrajectoryMessage(await completeTrajectory(useCases, input, actorOf(ctx)));
      }),
      cancelTrajectory: handle<CancelTrajectoryRequest, AdviceTrajectory>(async (request, ctx) =>
        toTrajectoryMessage(await cancelTrajectory(useCases, request.trajectoryId, request.reason, actorOf(ctx))),
      ),
      getTrajectory: handle<GetTrajectoryRequest, AdviceTrajectory>(async (request, ctx) =>
        toTrajectoryMessage(await getTrajectory(useCases, request.trajectoryId, actorOf(ctx))),
      ),
      listTrajectories: handle<ListTrajectoriesRequest, ListTrajectoriesResponse>(async (request, ctx) => {
        const page = await listTrajectories(
          useCases,
          {
            tijdvakId: request.tijdvak?.tijdvakId || undefined,
            adviserOrganisationId: request.adviserOrganisationId || undefined,
            careerAdviserId: request.careerAdviserId || undefined,
            statuses: statusNames(request.statuses),
            pageSize: request.page?.pageSize,
            pageToken: request.page?.pageToken,
          },
          actorOf(ctx),
        );
        return { trajectories: page.rows.map(toTrajectoryMessage), page: { nextPageToken: page.nextPageToken, totalSize: undefined } };
      }),
      submitClaim: handle<SubmitClaimRequest, Claim>(async (request, ctx) => {
        const input = {
          adviserOrganisationId: request.adviserOrganisationId,
          tijdvakId: request.tijdvak?.tijdvakId ?? '',
          regeling: regelingOf(request.tijdvak),
          trajectoryIds: request.trajectoryIds,
        };
        const assessed = await submitClaim(useCases, input, actorOf(ctx));
        return toClaimMessage(await getClaim(useCases, assessed.claim.id, actorOf(ctx)));
      }),
      getClaim: handle<GetClaimRequest, Claim>(async (request, ctx) => toClaimMessage(await getClaim(useCases, request.claimId, actorOf(ctx)))),
      listClaims: handle<ListClaimsRequest, ListClaimsResponse>(async (request, ctx) => {
        const page = await listClaims(
          useCases,
          {
            tijdvakId: request.tijdvak?.tijdvakId || undefined,
            adviserOrganisationId: request.adviserOrganisationId || undefined,
            pageSize: request.page?.pageSize,
            pageToken: request.page?.pageToken,
          },
          actorOf(ctx),
        );
        return { claims: page.claims.map(toClaimMessage), page: { nextPageToken: page.nextPageToken, totalSize: undefined } };
      }),
      getTrancheReconciliation: handle<GetTrancheReconciliationRequest, TrancheReconciliation>(async (request, ctx) =>
        toReconciliationMessage(await trancheReconciliation(useCases, request.tijdvak?.tijdvakId ?? '', actorOf(ctx))),
      ),
      getMonitorReport: handle<GetMonitorReportRequest, MonitorReport>(async (request, ctx) =>
        toMonitorMessage(await monitorReport(useCases, request.tijdvak?.tijdvakId ?? '', dimensionName(request.dimension), actorOf(ctx))),
      ),
    },
  };
}
