// Wraps each unary handler with the cross-cutting concerns of the transport edge: authentication, call logging,
// deadline checks and error mapping. A plain function wrapper instead of grpc-js server interceptors, because it
// hands the authenticated Identity to the handler in a typed way.
import { status as GrpcStatus, type Metadata, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { ApplicationError, type ApplicationErrorKind } from '../errors';
import { GrpcError } from './errors';
import type { Authenticator, Identity } from './auth';

export interface CallContext {
  identity: Identity;
  metadata: Metadata;
  /** The method path, e.g. `/stap.providers.v1.ProviderRegistryService/RegisterProvider`. */
  method: string;
  logger: Logger;
}

export type UnaryHandler<Req, Res> = (request: Req, ctx: CallContext) => Promise<Res>;

export interface HandlerKit {
  logger: Logger;
  authenticate: Authenticator;
}

/** Turns a typed async handler into a grpc-js unary handler. */
export function unary<Req, Res>(kit: HandlerKit, handler: UnaryHandler<Req, Res>) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    const method = call.getPath();
    const started = process.hrtime.bigint();
    const finish = (code: GrpcStatus) =>
      kit.logger.info({ method, code: GrpcStatus[code], ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'grpc call');
    run(kit, handler, call, method)
      .then((response) => {
        finish(GrpcStatus.OK);
        callback(null, response);
      })
      .catch((error: unknown) => {
        const serviceError = toServiceError(error, kit.logger, method);
        finish(serviceError.code ?? GrpcStatus.UNKNOWN);
        callback(serviceError);
      });
  };
}

async function run<Req, Res>(kit: HandlerKit, handler: UnaryHandler<Req, Res>, call: ServerUnaryCall<Req, Res>, method: string) {
  if (call.cancelled) throw new GrpcError(GrpcStatus.CANCELLED, 'call cancelled by the client');
  const identity = await kit.authenticate(call.metadata, method);
  const logger = kit.logger.child({ method, subject: identity.subject });
  return handler(call.request, { identity, metadata: call.metadata, method, logger });
}

/** Known errors keep their status; anything else is INTERNAL with a generic message (details go to the log only). */
function toServiceError(error: unknown, logger: Logger, method: string) {
  if (error instanceof GrpcError) return error.toServiceError();
  if (error instanceof ApplicationError) return fromApplicationError(error).toServiceError();
  logger.error({ err: error, method }, 'unexpected error in gRPC handler');
  return new GrpcError(GrpcStatus.INTERNAL, 'internal error').toServiceError();
}

const STATUS_OF_KIND: Record<ApplicationErrorKind, GrpcStatus> = {
  invalid: GrpcStatus.INVALID_ARGUMENT,
  not_found: GrpcStatus.NOT_FOUND,
  conflict: GrpcStatus.ALREADY_EXISTS,
  forbidden: GrpcStatus.PERMISSION_DENIED,
  unauthenticated: GrpcStatus.UNAUTHENTICATED,
  precondition: GrpcStatus.FAILED_PRECONDITION,
};

export function fromApplicationError(error: ApplicationError): GrpcError {
  const preconditions = error.reason ? [{ type: error.reason, subject: '', description: error.message }] : [];
  return new GrpcError(STATUS_OF_KIND[error.kind], error.message, [...error.violations], preconditions);
}
