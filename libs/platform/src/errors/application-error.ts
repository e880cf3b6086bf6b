// Transport-neutral errors for application code. A use case says WHAT went wrong (invalid input, not found,
// conflict, forbidden, failed precondition); the gRPC kit maps that to a status with rich details and the HTTP kit
// to application/problem+json, so the same use case serves both edges with the same meaning.

export type ApplicationErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'precondition';

/** A field (proto path or JSON pointer-like name) and what is wrong with it. */
export interface Violation {
  field: string;
  description: string;
}

export class ApplicationError extends Error {
  constructor(
    readonly kind: ApplicationErrorKind,
    message: string,
    readonly violations: readonly Violation[] = [],
    /** A stable machine-readable reason, e.g. `RECOGNITION_EXPIRED`. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApplicationError';
  }
}

export const invalid = (violations: Violation[], message = 'request has invalid fields') =>
  new ApplicationError('invalid', message, violations);
export const notFoundError = (message: string) => new ApplicationError('not_found', message);
export const conflict = (message: string, violations: Violation[] = []) => new ApplicationError('conflict', message, violations);
export const forbidden = (message: string) => new ApplicationError('forbidden', message);
export const preconditionFailed = (message: string, reason: string) =>
  new ApplicationError('precondition', message, [], reason);
