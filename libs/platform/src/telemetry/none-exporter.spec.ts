import { trace } from '@opentelemetry/api';
import { injectTraceHeaders, startTelemetry } from './index';

// One SDK per test file: the SDK registers process-wide globals.
describe("startTelemetry with exporter 'none'", () => {
  const telemetry = startTelemetry({ serviceName: 'none-spec', exporter: 'none' });
  afterAll(() => telemetry.shutdown());

  it('exports nothing but still gives spans real ids, so trace context is propagated', () => {
    const headers = trace.getTracer('none-spec').startActiveSpan('work', (span) => {
      span.end();
      return { injected: injectTraceHeaders(), traceId: span.spanContext().traceId };
    });
    expect(headers.traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
    expect(headers.injected.traceparent).toMatch(new RegExp(`^00-${headers.traceId}-[0-9a-f]{16}-01$`));
  });

  it('can be shut down more than once', async () => {
    await telemetry.shutdown();
    await expect(telemetry.shutdown()).resolves.toBeUndefined();
  });
});
