import { Writable } from 'node:stream';
import { z } from 'zod';
import { ApplicationError, invalid, notFoundError } from '../errors';
import { createLogger } from '../logging';
import { createHttpApp, parseRequest, ProblemError, startHttpServer, type OpenApiDocument, type RunningHttpServer } from './index';

const openApiDocument: OpenApiDocument = {
  openapi: '3.0.3',
  info: { title: 'STAP portaal', version: '1.2.0' },
  paths: {},
};

const trainingInput = z.object({
  title: z.string().min(3),
  startDate: z.iso.date(),
  modules: z.array(z.object({ priceCents: z.number().int().nonnegative() })),
});

function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ service: 'http-spec', level: 'debug', destination }), lines };
}

describe('createHttpApp over real HTTP', () => {
  const { logger, lines } = capturedLogger();
  let databaseUp = true;
  let running: RunningHttpServer;
  let base: string;

  beforeAll(async () => {
    const app = createHttpApp({
      serviceName: 'http-spec',
      logger,
      openApiDocument,
      bodyLimit: '1kb',
      readinessTimeoutMs: 50,
      readinessChecks: [
        async function database() {
          if (!databaseUp) throw new Error('connect ECONNREFUSED 10.0.0.5:5432 (user stap)');
        },
        { name: 'kafka', check: () => Promise.resolve() },
      ],
      routes: (router) => {
        router.post('/api/v1/trainings', (request, response) => {
          const input = parseRequest(trainingInput, request.body);
          response.status(201).json({ title: input.title });
        });
        router.get('/api/v1/tijdvakken/:id', (request) => {
          if (request.params['id'] === 'closed') {
            throw new ApplicationError('precondition', 'The tijdvak is closed.', [], 'TIJDVAK_CLOSED');
          }
          if (request.params['id'] === 'bad') throw invalid([{ field: 'id', description: 'must be a UUID' }]);
          throw notFoundError('No such tijdvak.');
        });
        router.get('/api/v1/teapot', () => {
          throw new ProblemError({ status: 418, title: 'Teapot', detail: 'Short and stout.', type: 'https://example.org/teapot', code: 'TEAPOT' });
        });
        router.get('/api/v1/crash', () => {
          throw new Error('password=s3cret at db.internal');
        });
        router.get('/api/v1/crash-async', async () => {
          await Promise.resolve();
          throw new TypeError('cannot read properties of undefined (reading "iban")');
        });
      },
    });
    running = await startHttpServer(app, 0);
    base = `http://127.0.0.1:${running.port}`;
  });
  afterAll(() => running.close());
  beforeEach(() => {
    databaseUp = true;
  });

  const post = (path: string, body: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  async function expectProblem(response: Response, status: number): Promise<Record<string, unknown>> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    return (await response.json()) as Record<string, unknown>;
  }

  it('/livez answers 200 while the process runs', async () => {
    const response = await fetch(`${base}/livez`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'live', service: 'http-spec' });
  });

  it('/readyz answers 200 when every check passes', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('/readyz answers 503 naming the failed check, and logs the cause instead of returning it', async () => {
    databaseUp = false;
    const body = await expectProblem(await fetch(`${base}/readyz`), 503);
    expect(body).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'Readiness check failed: database.',
      instance: '/readyz',
      failedChecks: ['database'],
    });
    expect(JSON.stringify(body)).not.toContain('10.0.0.5');
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'readiness check failed', check: 'database' }));
  });

  it('/readyz counts a check that does not answer in time as failed', async () => {
    const app = createHttpApp({
      serviceName: 'hanging',
      logger,
      readinessTimeoutMs: 20,
      readinessChecks: [() => new Promise<void>(() => undefined)],
    });
    const hanging = await startHttpServer(app, 0);
    try {
      const body = await expectProblem(await fetch(`http://127.0.0.1:${hanging.port}/readyz`), 503);
      expect(body['failedChecks']).toEqual(['check-1']);
    } finally {
      await hanging.close();
    }
  });

  it('serves the OpenAPI document, readable cross-origin, and names the API version on every response', async () => {
    const response = await fetch(`${base}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(openApiDocument);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('api-version')).toBe('1.2.0');
    expect((await fetch(`${base}/nowhere`)).headers.get('api-version')).toBe('1.2.0');
  });

  it('has no OpenAPI route when no document is given', async () => {
    const app = createHttpApp({ serviceName: 'bare', logger, readinessChecks: [] });
    const bare = await startHttpServer(app, 0);
    try {
      await expectProblem(await fetch(`http://127.0.0.1:${bare.port}/api/v1/openapi.json`), 404);
      expect((await fetch(`http://127.0.0.1:${bare.port}/readyz`)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('sets security headers and hides the framework', async () => {
    const response = await fetch(`${base}/livez`);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const body = await expectProblem(await fetch(`${base}/api/v1/unknown?q=x`), 404);
    expect(body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No resource at GET /api/v1/unknown.',
      instance: '/api/v1/unknown',
    });
  });

  it('answers malformed JSON with a 400 problem that does not quote the body', async () => {
    const body = await expectProblem(await post('/api/v1/trainings', '{"title": "Zorg 111222333'), 400);
    expect(body).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request body is not valid JSON.',
      instance: '/api/v1/trainings',
    });
  });

  it('answers a body over the limit with a 413 problem', async () => {
    const body = await expectProblem(await post('/api/v1/trainings', JSON.stringify({ title: 'x'.repeat(2_000) })), 413);
    expect(body['detail']).toBe('The request body is larger than this API accepts.');
  });

  it('answers invalid input with a 400 problem listing every invalid field as invalidParams', async () => {
    const input = { title: 'Zo', startDate: '2022-13-01', modules: [{ priceCents: 100 }, { priceCents: -5 }] };
    const body = await expectProblem(await post('/api/v1/trainings', JSON.stringify(input)), 400);
    expect(body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, instance: '/api/v1/trainings' });
    expect(body['invalidParams']).toEqual([
      { name: 'title', code: 'too_small', reason: expect.any(String) },
      { name: 'startDate', code: 'invalid_format', reason: expect.any(String) },
      { name: 'modules[1].priceCents', code: 'too_small', reason: expect.any(String) },
    ]);
  });

  it('accepts valid input', async () => {
    const input = { title: 'Zorgopleiding', startDate: '2022-03-01', modules: [{ priceCents: 100 }] };
    const response = await post('/api/v1/trainings', JSON.stringify(input));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ title: 'Zorgopleiding' });
  });

  it('maps application errors to their HTTP status, with the reason as code and violations as invalidParams', async () => {
    expect(await expectProblem(await fetch(`${base}/api/v1/tijdvakken/closed`), 422)).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'The tijdvak is closed.',
      instance: '/api/v1/tijdvakken/closed',
      code: 'TIJDVAK_CLOSED',
    });
    expect((await expectProblem(await fetch(`${base}/api/v1/tijdvakken/bad`), 400))['invalidParams']).toEqual([
      { name: 'id', reason: 'must be a UUID' },
    ]);
    expect((await expectProblem(await fetch(`${base}/api/v1/tijdvakken/x`), 404))['detail']).toBe('No such tijdvak.');
  });

  it('answers a ProblemError as thrown', async () => {
    expect(await expectProblem(await fetch(`${base}/api/v1/teapot`), 418)).toEqual({
      type: 'https://example.org/teapot',
      title: 'Teapot',
      status: 418,
      detail: 'Short and stout.',
      instance: '/api/v1/teapot',
      code: 'TEAPOT',
    });
  });

  it.each(['/api/v1/crash', '/api/v1/crash-async'])(
    'answers an unexpected error in %s with a generic 500 problem: no stack, no internal message',
    async (path) => {
      const response = await fetch(`${base}${path}`);
      const text = await response.clone().text();
      expect(await expectProblem(response, 500)).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'An unexpected error occurred. It has been logged.',
        instance: path,
      });
      expect(text).not.toMatch(/s3cret|iban|db\.internal|TypeError|"stack"|\n\s+at /);
      const logged = lines.find((line) => line['msg'] === 'request failed' && line['path'] === path);
      expect(logged?.['err']).toMatchObject({ message: expect.stringMatching(/s3cret|iban/), stack: expect.stringContaining('Error') });
    },
  );

  it('logs one line per request without the body or the query string', async () => {
    await post('/api/v1/trainings?zoek=jansen', JSON.stringify({ title: 'Geheime titel', startDate: '2022-03-01', modules: [] }));
    const line = lines.filter((entry) => entry['msg'] === 'request').at(-1);
    expect(line).toMatchObject({ level: 'info', component: 'http', method: 'POST', path: '/api/v1/trainings', status: 201 });
    expect(typeof line?.['durationMs']).toBe('number');
    expect(JSON.stringify(line)).not.toMatch(/Geheime|jansen/);
  });

  it('logs probes at debug level only', async () => {
    await fetch(`${base}/livez`);
    const probe = lines.filter((entry) => entry['msg'] === 'request' && entry['path'] === '/livez').at(-1);
    expect(probe?.['level']).toBe('debug');
  });
});

describe('startHttpServer', () => {
  const { logger } = capturedLogger();

  /** An app whose one route waits until the test lets it answer. */
  function gatedApp() {
    let entered!: () => void;
    let release!: () => void;
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    const app = createHttpApp({
      serviceName: 'gated',
      logger,
      readinessChecks: [],
      routes: (router) =>
        router.get('/slow', async (_request, response) => {
          entered();
          await gate;
          response.once('finish', () => events.push('response finished'));
          response.json({ done: true });
        }),
    });
    return { app, handlerEntered, release, events };
  }

  it('binds an ephemeral port on 127.0.0.1 by default', async () => {
    const { app } = gatedApp();
    const server = await startHttpServer(app, 0);
    try {
      expect(server.port).toBeGreaterThan(0);
      expect(server.server.address()).toMatchObject({ address: '127.0.0.1', port: server.port });
    } finally {
      await server.close();
    }
  });

  it('rejects when the port is taken', async () => {
    const { app } = gatedApp();
    const first = await startHttpServer(app, 0);
    try {
      await expect(startHttpServer(app, first.port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });

  it('close() lets a request in flight finish before it resolves, then refuses new connections', async () => {
    const { app, handlerEntered, release, events } = gatedApp();
    const server = await startHttpServer(app, 0);
    const url = `http://127.0.0.1:${server.port}/slow`;
    const inFlight = fetch(url);
    await handlerEntered;
    const closed = server.close().then(() => events.push('server closed'));
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await closed;
    expect(events).toEqual(['response finished', 'server closed']);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('close() cuts a request that outlives the timeout', async () => {
    const { app, handlerEntered } = gatedApp();
    const server = await startHttpServer(app, 0, '127.0.0.1', { closeTimeoutMs: 20 });
    const inFlight = fetch(`http://127.0.0.1:${server.port}/slow`);
    await handlerEntered;
    await server.close();
    await expect(inFlight).rejects.toThrow();
  });
});
