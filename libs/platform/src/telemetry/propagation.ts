// W3C Trace Context (https://www.w3.org/TR/trace-context/) for message headers. The Kafka kit captures the
// context into the outbox row when the state change happens and restores it in the consumer, so one trace runs
// from the HTTP or gRPC request through Kafka into the consuming service (DESIGN.md §3: "W3C traceparent travels
// as a header"). A dedicated propagator instance, not the global one: these headers must be W3C whatever else a
// process configures globally.
import { context, ROOT_CONTEXT, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

export type MessageHeaders = Record<string, string | Buffer | undefined>;

const w3c = new W3CTraceContextPropagator();

const setter: TextMapSetter<TraceHeaders> = {
  set(carrier, key, value) {
    if (key === 'traceparent' || key === 'tracestate') carrier[key] = value;
  },
};

// Kafka delivers header values as Buffers; the outbox stores them as text. Both read the same.
const getter: TextMapGetter<MessageHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get(carrier, key) {
    const value = carrier[key];
    return Buffer.isBuffer(value) ? value.toString('utf8') : value;
  },
};

/** The `traceparent` (and `tracestate`) of the span active in `ctx`; empty when there is no valid span. */
export function injectTraceHeaders(ctx: Context = context.active()): TraceHeaders {
  const headers: TraceHeaders = {};
  w3c.inject(ctx, headers, setter);
  return headers;
}

/** A context whose remote parent is the span named in the headers; the root context when they name none. */
export function extractTraceContext(headers: MessageHeaders): Context {
  return w3c.extract(ROOT_CONTEXT, headers, getter);
}
