// Rich gRPC errors: a status code plus google.rpc.Status in the `grpc-status-details-bin` trailer, so that a
// client (or `buf curl`) sees exactly which field was wrong. See https://google.aip.dev/193 (AIP-193 errors).
import { Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { Status } from '@stap/contracts/google/rpc/status';
import { BadRequest, PreconditionFailure } from '@stap/contracts/google/rpc/error_details';

export const STATUS_DETAILS_KEY = 'grpc-status-details-bin';
const BAD_REQUEST_TYPE = 'type.googleapis.com/google.rpc.BadRequest';
const PRECONDITION_FAILURE_TYPE = 'type.googleapis.com/google.rpc.PreconditionFailure';

/** One rejected field, named by its proto path (e.g. `kvk_number.value`). */
export interface FieldViolation {
  field: string;
  description: string;
}

/** A failed business precondition (e.g. the provider's recognition has expired). */
export interface PreconditionViolation {
  type: string;
  subject: string;
  description: string;
}

/** An error that carries its own gRPC status; thrown by application code, translated at the transport edge. */
export class GrpcError extends Error {
  constructor(
    readonly code: GrpcStatus,
    message: string,
    readonly fieldViolations: FieldViolation[] = [],
    readonly preconditionViolations: PreconditionViolation[] = [],
  ) {
    super(message);
    this.name = 'GrpcError';
  }

  /** The grpc-js ServiceError with the google.rpc.Status trailer. */
  toServiceError(): Partial<ServiceError> {
    const metadata = new Metadata();
    metadata.set(STATUS_DETAILS_KEY, Buffer.from(Status.encode(this.toRpcStatus()).finish()));
    return { code: this.code, details: this.message, metadata };
  }

  private toRpcStatus(): Status {
    const details = [];
    if (this.fieldViolations.length > 0) {
      const value = BadRequest.encode({ fieldViolations: this.fieldViolations.map(toProtoViolation) }).finish();
      details.push({ typeUrl: BAD_REQUEST_TYPE, value: Buffer.from(value) });
    }
    if (this.preconditionViolations.length > 0) {
      const value = PreconditionFailure.encode({ violations: this.preconditionViolations }).finish();
      details.push({ typeUrl: PRECONDITION_FAILURE_TYPE, value: Buffer.from(value) });
    }
    return { code: this.code, message: this.message, details };
  }
}

function toProtoViolation(violation: FieldViolation): BadRequest['fieldViolations'][number] {
  return { field: violation.field, description: violation.description, reason: '', localizedMessage: undefined };
}

export const invalidArgument = (violations: FieldViolation[], message = 'request has invalid fields') =>
  new GrpcError(GrpcStatus.INVALID_ARGUMENT, message, violations);
export const notFound = (message: string) => new GrpcError(GrpcStatus.NOT_FOUND, message);
export const alreadyExists = (message: string, violations: FieldViolation[] = []) =>
  new GrpcError(GrpcStatus.ALREADY_EXISTS, message, violations);
export const permissionDenied = (message: string) => new GrpcError(GrpcStatus.PERMISSION_DENIED, message);
export const unauthenticated = (message = 'authentication required') =>
  new GrpcError(GrpcStatus.UNAUTHENTICATED, message);
export const failedPrecondition = (message: string, violations: PreconditionViolation[] = []) =>
  new GrpcError(GrpcStatus.FAILED_PRECONDITION, message, [], violations);

/** What a client can read back from a rich error: the status and its field violations. */
export interface DecodedRichError {
  code: number;
  message: string;
  fieldViolations: FieldViolation[];
  preconditionViolations: PreconditionViolation[];
}

/** Decodes the google.rpc.Status trailer of an error received by a grpc-js client. */
export function decodeRichError(error: ServiceError): DecodedRichError {
  const decoded: DecodedRichError = {
    code: error.code,
    message: error.details,
    fieldViolations: [],
    preconditionViolations: [],
  };
  const [raw] = error.metadata?.get(STATUS_DETAILS_KEY) ?? [];
  if (!raw || typeof raw === 'string') return decoded;
  for (const detail of Status.decode(raw).details) {
    if (detail.typeUrl === BAD_REQUEST_TYPE) {
      decoded.fieldViolations.push(
        ...BadRequest.decode(detail.value).fieldViolations.map((v) => ({ field: v.field, description: v.description })),
      );
    } else if (detail.typeUrl === PRECONDITION_FAILURE_TYPE) {
      decoded.preconditionViolations.push(...PreconditionFailure.decode(detail.value).violations);
    }
  }
  return decoded;
}
