import { context, trace, type Span } from '@opentelemetry/api';
import { Writable } from 'node:stream';
import { tracing } from '@opentelemetry/sdk-node';
import { createLogger } from '../logging';
import { extractTraceContext, injectTraceHeaders, startTelemetry, type TelemetryHandle } from './index';

const TRACEPARENT = /^00-(?<traceId>[0-9a-f]{32})-(?<spanId>[0-9a-f]{16})-01$/;

describe('trace context across a message boundary', () => {
  const exporter = new tracing.InMemorySpanExporter();
  let telemetry: TelemetryHandle;
  const tracer = () => trace.getTracer('propagation-spec');

  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: 'propagation-spec', exporter: 'none', spanExporter: exporter });
  });
  afterAll(() => telemetry.shutdown());
  beforeEach(() => exporter.reset());

  function inSpan<T>(name: string, work: (span: Span) => T): T {
    return tracer().startActiveSpan(name, (span) => {
      try {
        return work(span);
      } finally {
        span.end();
      }
    });
  }

  it('a span started in the extracted context continues the injected trace', async () => {
    const produced = inSpan('stap.portal.application publish', (span) => ({ headers: injectTraceHeaders(), span }));
    const { traceId, spanId } = produced.span.spanContext();
    expect(produced.headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);

    // As Kafka delivers them: header values are Buffers.
    const received = { traceparent: Buffer.from(produced.headers.traceparent ?? ''), tracestate: undefined };
    context.with(extractTraceContext(received), () => inSpan('stap.portal.application process', () => undefined));
    await telemetry.forceFlush();

    const consumer = exporter.getFinishedSpans().find((span) => span.name === 'stap.portal.application process');
    expect(consumer?.spanContext().traceId).toBe(traceId);
    expect(consumer?.parentSpanContext?.spanId).toBe(spanId);
    expect(consumer?.parentSpanContext?.isRemote).toBe(true);
    expect(consumer?.resource.attributes['service.name']).toBe('propagation-spec');
  });

  it('carries tracestate along', () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const headers = context.with(extractTraceContext({ traceparent, tracestate: 'stap=portal' }), () =>
      inSpan('child', () => injectTraceHeaders()),
    );
    expect(headers.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-/);
    expect(headers.tracestate).toBe('stap=portal');
  });

  it('injecting without an active span gives no traceparent', () => {
    expect(injectTraceHeaders()).toEqual({});
    expect(injectTraceHeaders(context.active())).not.toHaveProperty('traceparent');
  });

  it('headers without a valid traceparent start a new trace', async () => {
    const invalid = [{}, { traceparent: 'garbage' }, { traceparent: Buffer.from('00-00000000000000000000000000000000-b7ad6b7169203331-01') }];
    for (const headers of invalid) context.with(extractTraceContext(headers), () => inSpan('orphan', () => undefined));
    await telemetry.forceFlush();
    const orphans = exporter.getFinishedSpans();
    expect(orphans).toHaveLength(invalid.length);
    for (const span of orphans) {
      expect(span.parentSpanContext).toBeUndefined();
      expect(span.spanContext().traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
    }
  });

  it('log lines written inside a span carry its trace and span id', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = createLogger({ service: 'propagation-spec', destination });
    const span = inSpan('logged', (active) => {
      logger.info('inside');
      return active;
    });
    logger.info('outside');
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId });
    expect(outside).not.toHaveProperty('trace_id');
    expect(injectTraceHeaders(trace.setSpan(context.active(), span)).traceparent).toMatch(TRACEPARENT);
  });
});
