// Client-side helpers: every outgoing call carries a deadline (DESIGN.md §4), so a slow dependency fails fast
// instead of piling up requests during a window opening.
import type { CallOptions, Metadata, ServiceError } from '@grpc/grpc-js';

export const DEFAULT_DEADLINE_MS = 5_000;

export function withDeadline(ms: number = DEFAULT_DEADLINE_MS): CallOptions {
  return { deadline: new Date(Date.now() + ms) };
}

type UnaryClientMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => unknown;

/** Promisifies a grpc-js unary client method (ts-proto clients), keeping `this` bound to the client. */
export function callUnary<Req, Res>(
  client: object,
  method: UnaryClientMethod<Req, Res>,
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions> = withDeadline(),
): Promise<Res> {
  return new Promise((resolve, reject) =>
    method.call(client, request, metadata, options, (error, response) => (error ? reject(error) : resolve(response))),
  );
}
