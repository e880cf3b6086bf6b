// The express 5 application every service starts from: security headers, a JSON body parser with a size limit,
// request logging (never bodies: they hold personal data), liveness and readiness probes, the OpenAPI document,
// and errors as application/problem+json. The service adds its routes through `routes`, which run before the 404
// and error handlers (express needs those last).
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ApplicationError } from '../errors';
import { ProblemError, problemFromApplicationError, problemFromZodError } from './problem';
import { readinessHandler, type ReadinessCheck } from './readiness';
import { pathOf, sendProblem } from './respond';

/** Enough for any form or command this platform takes; bulk feeds have their own streaming import. */
const DEFAULT_BODY_LIMIT = '1mb';
const OPENAPI_PATH = '/api/v1/openapi.json';
const PROBE_PATHS = new Set(['/livez', '/readyz']);
const GENERIC_500_DETAIL = 'An unexpected error occurred. It has been logged.';

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface HttpAppOptions {
  serviceName: string;
  logger: Logger;
  /** The service is ready when every check resolves (database reachable, consumers joined, …). */
  readinessChecks: readonly ReadinessCheck[];
  openApiDocument?: OpenApiDocument;
  /** Registers the service's routes. */
  routes?: (router: Router) => void;
  /** Largest accepted JSON body, in the `bytes` package's notation. */
  bodyLimit?: string;
  /** A readiness check that has not answered within this time counts as failed. */
  readinessTimeoutMs?: number;
}

export function createHttpApp(options: HttpAppOptions): Express {
  const logger = options.logger.child({ component: 'http' });
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(requestLogging(logger));
  if (options.openApiDocument) app.use(apiVersionHeader(options.openApiDocument.info.version));

  app.get('/livez', (_request, response) => void response.json({ status: 'live', service: options.serviceName }));
  app.get('/readyz', readinessHandler(options.readinessChecks, logger, options.readinessTimeoutMs));
  if (options.openApiDocument) app.get(OPENAPI_PATH, openApiHandler(options.openApiDocument));

  app.use(express.json({ limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  const router = express.Router();
  options.routes?.(router);
  app.use(router);

  app.use(unknownRoute);
  app.use(problemResponder(logger));
  return app;
}

/** One line per request: method, path without query (queries can hold search terms about people), status, time. */
function requestLogging(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { method: request.method, path: pathOf(request), status: response.statusCode, durationMs };
      if (PROBE_PATHS.has(request.path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

/** API-57 of the API Design Rules: every response names the full API version. */
function apiVersionHeader(version: string): RequestHandler {
  return (_request, response, next) => {
    response.setHeader('API-Version', version);
    next();
  };
}

/** API-51: the OpenAPI document at a standard location, readable cross-origin so tools can load it. */
function openApiHandler(document: OpenApiDocument): RequestHandler {
  const body = JSON.stringify(document);
  return (_request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.type('application/json').send(body);
  };
}

const unknownRoute: RequestHandler = (request, response) => {
  sendProblem(response, new ProblemError({ status: 404, detail: `No resource at ${request.method} ${request.path}.` }), request);
};

function problemResponder(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    // Once the status line is out, a problem document cannot follow; express then ends the connection.
    if (response.headersSent) return next(error);
    const problem = toProblem(error);
    if (problem.status >= 500) logger.error({ err: error, method: request.method, path: request.path }, 'request failed');
    sendProblem(response, problem, request);
  };
}

function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof ApplicationError) return problemFromApplicationError(error);
  if (error instanceof z.ZodError) return problemFromZodError(error);
  return bodyParserProblem(error) ?? new ProblemError({ status: 500, detail: GENERIC_500_DETAIL });
}

// body-parser marks its own client errors with `expose: true` and a `type`. Their messages can quote the body
// (a JSON syntax error shows the text around it), so the detail is ours, never theirs.
const BODY_PARSER_DETAILS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is larger than this API accepts.',
  'encoding.unsupported': 'The request body has an unsupported content encoding.',
  'charset.unsupported': 'The request body has an unsupported charset.',
  'request.aborted': 'The request was aborted before its body was received.',
};

function bodyParserProblem(error: unknown): ProblemError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if (!('expose' in error) || error.expose !== true || !('status' in error) || typeof error.status !== 'number') return undefined;
  if (error.status < 400 || error.status > 499) return undefined;
  const type = 'type' in error && typeof error.type === 'string' ? error.type : '';
  return new ProblemError({ status: error.status, detail: BODY_PARSER_DETAILS[type] });
}
