import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { EX_CONFIG } from '../config';

// register.ts hooks `require`, which jest's own module loader bypasses; so the service-shaped fixture runs as a
// real Node process (TypeScript through tsx) and exports to a real OTLP/HTTP endpoint served here.
const FIXTURE = path.join(__dirname, 'fixtures', 'traced-express-app.ts');
const REPO_ROOT = path.resolve(__dirname, '../../../..');

interface OtlpSpan {
  traceId: string;
  name: string;
  kind: number;
}
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ scope: { name: string }; spans: OtlpSpan[] }>;
  }>;
}

const SPAN_KIND_SERVER = 2;

function runFixture(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', FIXTURE],
      { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 60_000 },
      (_error, _stdout, stderr) => resolve({ code: child.exitCode ?? -1, stderr }),
    );
  });
}

describe('telemetry/register', () => {
  const exports: OtlpExport[] = [];
  let collector: Server;
  let endpoint: string;

  beforeAll(async () => {
    collector = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces') exports.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    collector.listen(0, '127.0.0.1');
    await once(collector, 'listening');
    endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => collector.close(resolve)));

  it('traces http and express when imported first, names the service, skips probes, and flushes on shutdown', async () => {
    const run = await runFixture({ SERVICE_NAME: 'fixture-service', OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    expect(run).toEqual({ code: 0, stderr: '' });

    const resources = exports.flatMap((body) => body.resourceSpans);
    const serviceNames = resources.map((r) => r.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue);
    expect(new Set(serviceNames)).toEqual(new Set(['fixture-service']));

    const spans = resources.flatMap((r) => r.scopeSpans.flatMap((scope) => scope.spans.map((span) => ({ ...span, scope: scope.scope.name }))));
    const server = spans.find((span) => span.scope === '@opentelemetry/instrumentation-http' && span.kind === SPAN_KIND_SERVER);
    const expressSpans = spans.filter((span) => span.scope === '@opentelemetry/instrumentation-express');
    // The route template in the server span's name comes from the express instrumentation: both hooks are in.
    expect(server?.name).toBe('GET /hello/:name');
    expect(expressSpans.length).toBeGreaterThan(0);
    expect(expressSpans.every((span) => span.traceId === server?.traceId)).toBe(true);
    expect(spans.filter((span) => span.name.includes('livez'))).toEqual([]);
  });

  it('traces a pg statement made for a request as one span in its trace, without a pool checkout span', async () => {
    exports.length = 0;
    const run = await runFixture({
      SERVICE_NAME: 'fixture-service', OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, POSTGRES_URL: process.env['POSTGRES_URL'] ?? '',
    });
    expect(run).toEqual({ code: 0, stderr: '' });

    const spans = exports.flatMap((body) => body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((scope) => scope.spans.map((span) => ({ ...span, scope: scope.scope.name })))));
    const server = spans.find((span) => span.scope === '@opentelemetry/instrumentation-http' && span.kind === SPAN_KIND_SERVER);
    const pgSpans = spans.filter((span) => span.scope === '@opentelemetry/instrumentation-pg');
    // pool.query checks a client out per statement; that checkout is no span of its own (telemetry.ts).
    expect(pgSpans.map((span) => span.name)).toEqual(['pg.query:SELECT postgres']);
    expect(pgSpans[0].traceId).toBe(server?.traceId);
  });

  it('stops the process with EX_CONFIG when the exporter is otlp but no endpoint is set', async () => {
    const run = await runFixture({ OTEL_TRACES_EXPORTER: 'otlp' });
    expect(run.code).toBe(EX_CONFIG);
    expect(run.stderr).toBe('invalid configuration:\n  OTEL_EXPORTER_OTLP_ENDPOINT: is required when OTEL_TRACES_EXPORTER=otlp\n');
  });
});
