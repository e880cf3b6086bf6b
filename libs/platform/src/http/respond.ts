import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, type ProblemError } from './problem';

/** The request's path without its query string. */
export const pathOf = (request: Request) => request.originalUrl.split('?')[0] ?? request.path;

/** Answers with a problem document (RFC 9457); `instance` defaults to the request's path. */
export function sendProblem(response: Response, problem: ProblemError, request?: Request): void {
  const body = problem.toDocument(request ? pathOf(request) : undefined);
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
