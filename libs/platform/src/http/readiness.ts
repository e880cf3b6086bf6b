// /readyz answers "may this instance receive traffic now?": every dependency check must pass. A check that hangs
// counts as failed after a timeout, so a stuck database cannot make the probe itself hang. Failures name the check
// in the response; the error behind it (which may hold hostnames or connection details) goes to the log only.
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ProblemError } from './problem';
import { sendProblem } from './respond';

export type ReadinessCheckFn = () => Promise<void>;
/** A bare function is named after the function (`async function database()`), an object by its `name`. */
export type ReadinessCheck = ReadinessCheckFn | { name: string; check: ReadinessCheckFn };

const DEFAULT_TIMEOUT_MS = 2_000;

interface NamedCheck {
  name: string;
  check: ReadinessCheckFn;
}

export function readinessHandler(checks: readonly ReadinessCheck[], logger: Logger, timeoutMs = DEFAULT_TIMEOUT_MS): RequestHandler {
  const named = checks.map(nameOf);
  return async (request, response) => {
    const failed = await failedChecks(named, logger, timeoutMs);
    if (failed.length === 0) {
      response.json({ status: 'ready' });
      return;
    }
    const detail = `Readiness check failed: ${failed.join(', ')}.`;
    sendProblem(response, new ProblemError({ status: 503, detail, extensions: { failedChecks: failed } }), request);
  };
}

function nameOf(check: ReadinessCheck, index: number): NamedCheck {
  if (typeof check !== 'function') return check;
  return { name: check.name || `check-${index + 1}`, check };
}

async function failedChecks(checks: readonly NamedCheck[], logger: Logger, timeoutMs: number): Promise<string[]> {
  const outcomes = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check(), timeoutMs);
        return undefined;
      } catch (error) {
        logger.warn({ err: error, check: name }, 'readiness check failed');
        return name;
      }
    }),
  );
  return outcomes.filter((name): name is string => name !== undefined);
}

function withTimeout(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
