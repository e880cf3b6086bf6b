// Errors as application/problem+json (RFC 9457), as the Dutch API Design Rules require for JSON APIs (DESIGN.md §4).
// Validation errors carry `invalidParams: [{ name, reason, code? }]`, the extension member used by the NL GOV
// problem-details profile (and by the Haal Centraal / ZGW APIs that follow it), so a client can point at the field.
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { ApplicationError, type ApplicationErrorKind } from '../errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
/** RFC 9457 §4.2.1: the problem has no meaning beyond its HTTP status; the title is then the status phrase. */
export const ABOUT_BLANK = 'about:blank';

export interface InvalidParam {
  /** The field, as the client named it: `startDate`, `items[0].price`. */
  name: string;
  reason: string;
  code?: string;
}

export interface ProblemDocument {
  [extension: string]: unknown;
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** A stable machine-readable reason, e.g. `RECOGNITION_EXPIRED`. */
  code?: string;
  invalidParams?: InvalidParam[];
}

export interface ProblemInit {
  status: number;
  title?: string;
  detail?: string;
  type?: string;
  instance?: string;
  code?: string;
  invalidParams?: InvalidParam[];
  /** Further members (RFC 9457 §3.2); they never replace the standard ones. */
  extensions?: Readonly<Record<string, unknown>>;
}

/** Throw it from a route; the HTTP kit's error handler answers with its problem document. */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly code?: string;
  readonly invalidParams: readonly InvalidParam[];
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: ProblemInit) {
    const title = init.title ?? statusPhrase(init.status);
    super(init.detail ?? title);
    this.name = 'ProblemError';
    this.status = init.status;
    this.title = title;
    this.type = init.type ?? ABOUT_BLANK;
    this.detail = init.detail;
    this.instance = init.instance;
    this.code = init.code;
    this.invalidParams = init.invalidParams ?? [];
    this.extensions = init.extensions ?? {};
  }

  /** The response body; `instance` defaults to the request's path. */
  toDocument(instance?: string): ProblemDocument {
    const document: ProblemDocument = { ...this.extensions, type: this.type, title: this.title, status: this.status };
    if (this.detail !== undefined) document.detail = this.detail;
    const occurrence = this.instance ?? instance;
    if (occurrence !== undefined) document.instance = occurrence;
    if (this.code !== undefined) document.code = this.code;
    if (this.invalidParams.length > 0) document.invalidParams = [...this.invalidParams];
    return document;
  }
}

export const statusPhrase = (status: number) => STATUS_CODES[status] ?? 'Error';

/** A 400 naming every invalid field of a zod validation failure. */
export function problemFromZodError(error: z.ZodError, detail = 'The request has invalid fields.'): ProblemError {
  const invalidParams = error.issues.map((issue) => ({ name: paramName(issue.path), reason: issue.message, code: issue.code }));
  return new ProblemError({ status: 400, detail, invalidParams });
}

/** Validates request input (body, query, params); throws a 400 ProblemError naming every invalid field. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw problemFromZodError(result.error);
}

/** `['items', 0, 'price']` → `items[0].price`; an issue about the whole input is named `(root)`. */
function paramName(path: readonly PropertyKey[]): string {
  const name = path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`))
    .join('')
    .replace(/^\./, '');
  return name === '' ? '(root)' : name;
}

// The same use case answers over gRPC and HTTP; this is the HTTP half of the mapping grpc/handlers.ts makes.
// A failed business precondition is 422: the request was well-formed and understood, but the rules refuse it
// (412 is reserved for HTTP conditional requests such as If-Match).
const STATUS_OF_KIND: Record<ApplicationErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition: 422,
};

export function problemFromApplicationError(error: ApplicationError): ProblemError {
  return new ProblemError({
    status: STATUS_OF_KIND[error.kind],
    detail: error.message,
    code: error.reason,
    invalidParams: error.violations.map((violation) => ({ name: violation.field, reason: violation.description })),
  });
}
