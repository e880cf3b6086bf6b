export { createHttpApp, type HttpAppOptions, type OpenApiDocument } from './app';
export {
  ABOUT_BLANK,
  parseRequest,
  PROBLEM_CONTENT_TYPE,
  ProblemError,
  problemFromApplicationError,
  problemFromZodError,
  statusPhrase,
  type InvalidParam,
  type ProblemDocument,
  type ProblemInit,
} from './problem';
export { type ReadinessCheck, type ReadinessCheckFn } from './readiness';
export { sendProblem } from './respond';
export { startHttpServer, type RunningHttpServer, type StartHttpServerOptions } from './server';
export { escapeHtml, html, SafeHtml } from './html';
export { pageShell, type PageShellOptions } from './page-shell';
