// OpenTelemetry tracing for a service: spans for incoming and outgoing HTTP, express routes, gRPC calls and pg
// queries, exported over OTLP/HTTP, to the console, or nowhere. Start it before anything it instruments is loaded:
// see register.ts.
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import type { TraceExporterKind } from '../config';

/** Paths that orchestrators poll every few seconds; a span each would drown the traces that matter. */
const PROBE_PATHS = new Set(['/livez', '/readyz']);

export interface TelemetryOptions {
  serviceName: string;
  /** `none` still runs the SDK (trace context is propagated, log lines carry trace ids) but exports nothing. */
  exporter: TraceExporterKind;
  /** Base URL of an OTLP/HTTP collector, e.g. http://127.0.0.1:4318; required for `otlp`. */
  otlpEndpoint?: string;
  /** Replaces the exporter chosen by `exporter` (tests read spans from an in-memory exporter). */
  spanExporter?: tracing.SpanExporter;
}

export interface TelemetryHandle {
  /** Exports every span that has ended so far (spans wait for async resource detection before export). */
  forceFlush(): Promise<void>;
  /** Flushes spans still buffered, then stops the SDK. Safe to call more than once. */
  shutdown(): Promise<void>;
}

export function startTelemetry(options: TelemetryOptions): TelemetryHandle {
  const spanProcessors = spanProcessorsFor(options);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    spanProcessors,
    // This kit traces; metrics and logs have their own paths (logs go to stdout as JSON). Empty lists stop the SDK
    // from defaulting to OTLP exporters for them and sending to a collector nobody configured.
    metricReaders: [],
    logRecordProcessors: [],
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    instrumentations: defaultInstrumentations(),
  });
  sdk.start();
  let stopped: Promise<void> | undefined;
  return {
    forceFlush: async () => {
      await Promise.all(spanProcessors.map((processor) => processor.forceFlush()));
    },
    shutdown: () => {
      stopped ??= sdk.shutdown();
      return stopped;
    },
  };
}

function spanProcessorsFor(options: TelemetryOptions): tracing.SpanProcessor[] {
  if (options.spanExporter) return [new tracing.SimpleSpanProcessor(options.spanExporter)];
  switch (options.exporter) {
    case 'otlp':
      return [new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint) }))];
    case 'console':
      return [new tracing.SimpleSpanProcessor(new tracing.ConsoleSpanExporter())];
    case 'none':
      // A processor that drops every span still makes the SDK register a tracer provider, so spans get real ids:
      // trace context reaches the outbox and log lines even though nothing is exported.
      return [new tracing.NoopSpanProcessor()];
  }
}

/** OTEL_EXPORTER_OTLP_ENDPOINT is the collector's base URL; the traces signal lives under /v1/traces. */
function tracesUrl(endpoint: string | undefined): string {
  if (endpoint === undefined) throw new Error('the otlp trace exporter needs an OTLP endpoint');
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

// No kafkajs instrumentation: on send it overwrites the `traceparent` header of every message with its own
// producer span, which would replace the context the outbox captured when the state change happened (the Kafka kit
// creates its consumer spans from that captured context itself; see propagation.ts).
function defaultInstrumentations() {
  return [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => PROBE_PATHS.has(pathOf(request.url)) }),
    new ExpressInstrumentation(),
    new GrpcInstrumentation(),
    // The outbox relay polls its table continuously; only queries made on behalf of a traced request get spans.
    // No `pg-pool.connect`/`pg.connect` spans: pool.query checks a client out for every statement, so each statement
    // got a second, empty span (and its CPU) beside the one that says what ran; the statement's span keeps its timing.
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
  ];
}

const pathOf = (url: string | undefined) => (url ?? '').split('?')[0] ?? '';
