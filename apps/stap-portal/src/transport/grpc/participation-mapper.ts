// Proof of participation: contract ↔ domain.
import { Status } from '@stap/contracts/google/rpc/status';
import { CompletionBasis, NonCompletionReason, type ParticipationProof, type SubmitParticipationProofRequest } from '@stap/contracts/stap/portal/v1/portal';
import { ApplicationError } from '@stap/platform/errors';
import { fromApplicationError, STATUS_DETAILS_KEY } from '@stap/platform/grpc';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { toDateParts, toIsoDate } from '../../domain/dates';
import type { CompletionBasis as Basis, NonCompletionReason as Reason, ProofOutcome } from '../../domain/participation';
import type { ProofRow } from '../../infrastructure/prisma/client';

const name = (text: string | undefined, prefix: string) => {
  const value = text?.replace(prefix, '');
  return value && value !== 'UNSPECIFIED' && value !== 'UNRECOGNIZED' ? value : undefined;
};

export function proofOutcome(request: SubmitParticipationProofRequest): ProofOutcome | undefined {
  const outcome = request.outcome;
  if (outcome?.$case === 'completed') {
    const c = outcome.value;
    return {
      completed: true, basis: name(CompletionBasis[c.basis], 'COMPLETION_BASIS_') as Basis | undefined,
      attendancePercent: c.attendancePercentage, creditsPercent: c.creditsPercentage, completedOn: toIsoDate(c.completedOn),
    };
  }
  if (outcome?.$case === 'notCompleted') {
    const n = outcome.value;
    return {
      completed: false, reason: name(NonCompletionReason[n.reason], 'NON_COMPLETION_REASON_') as Reason | undefined,
      attendancePercent: n.attendancePercentage, illnessClaimed: n.illnessClaimed, explanation: n.explanation,
    };
  }
  return undefined;
}

export function toProofMessage(row: ProofRow): ParticipationProof {
  const base = { id: row.id, applicationId: row.applicationId, providerId: row.providerId, late: row.late, submittedAt: row.submittedAt.toISOString() };
  if (row.completed) {
    return {
      ...base,
      outcome: { $case: 'completed', value: {
        basis: CompletionBasis[`COMPLETION_BASIS_${row.completionBasis}` as keyof typeof CompletionBasis],
        attendancePercentage: row.attendancePercent ?? undefined, creditsPercentage: row.creditsPercent ?? undefined,
        completedOn: row.completedOn ? toDateParts(row.completedOn) : undefined,
      } },
    };
  }
  return {
    ...base,
    outcome: { $case: 'notCompleted', value: {
      reason: NonCompletionReason[`NON_COMPLETION_REASON_${row.nonCompletionReason}` as keyof typeof NonCompletionReason],
      attendancePercentage: row.attendancePercent ?? undefined, illnessClaimed: row.illnessClaimed, explanation: row.explanation ?? '',
    } },
  };
}

/** The google.rpc.Status a single call would have returned, for one failed item of a bulk submission. */
export function toRpcStatus(error: unknown): Status {
  if (!(error instanceof ApplicationError)) return { code: GrpcStatus.INTERNAL, message: 'internal error', details: [] };
  const [raw] = fromApplicationError(error).toServiceError().metadata?.get(STATUS_DETAILS_KEY) ?? [];
  return raw instanceof Buffer ? Status.decode(raw) : { code: GrpcStatus.UNKNOWN, message: error.message, details: [] };
}
