// HTTP edge errors: application errors become problem+json with camelCase field names (the JSON API's names, not
// the proto paths the use cases use), and the daily quota becomes 429.
import { ApplicationError } from '@stap/platform/errors';
import { problemFromApplicationError, ProblemError } from '@stap/platform/http';
import { isQuotaError } from '../../application/errors';

export const unauthenticated = () => new ProblemError({ status: 401, detail: 'A valid bearer token is required.' });

/** `participant_bsn.value` → `participantBsn`; `trajectory_ids[2]` → `trajectoryIds[2]`. */
export function jsonFieldName(protoPath: string): string {
  return protoPath.replace(/\.value$/, '').replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

export function toHttpError(error: unknown): unknown {
  if (isQuotaError(error)) return new ProblemError({ status: 429, detail: error.message, code: error.reason });
  if (error instanceof ApplicationError) {
    const problem = problemFromApplicationError(error);
    return new ProblemError({
      status: problem.status,
      detail: problem.detail,
      code: problem.code,
      invalidParams: problem.invalidParams.map((param) => ({ ...param, name: jsonFieldName(param.name) })),
    });
  }
  return error;
}
