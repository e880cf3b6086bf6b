// Configuration comes from the environment (twelve-factor) and is validated once, at start-up, before anything
// connects anywhere. A bad deployment then fails at once with a list of everything that is wrong, instead of one
// variable per restart, or worse, a crash on the first request.
import { z } from 'zod';

/** sysexits.h EX_CONFIG: "something was found in an unconfigured or misconfigured state". */
export const EX_CONFIG = 78;

export type Environment = Readonly<Record<string, string | undefined>>;

/** One environment variable that is missing or wrong, and why. */
export interface ConfigProblem {
  variable: string;
  reason: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(['invalid configuration:', ...problems.map(describeProblem)].join('\n'));
    this.name = 'ConfigError';
  }
}

const describeProblem = (problem: ConfigProblem) => `  ${problem.variable}: ${problem.reason}`;

/**
 * Parses the environment with `schema` and returns the typed configuration.
 * Empty variables count as unset (`FOO=` in a compose file means "no value", not "the empty string").
 * @throws ConfigError naming every missing or invalid variable.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Environment = process.env): z.output<S> {
  const result = schema.safeParse(withoutEmptyValues(env));
  if (result.success) return result.data;
  throw new ConfigError(problemsOf(result.error, env));
}

/**
 * For a service's main.ts: returns the configuration, or prints what is wrong to stderr (no stack trace: the
 * problem is the deployment, not the code) and exits with EX_CONFIG.
 */
export function loadConfigOrExit<S extends z.ZodType>(
  schema: S,
  env: Environment = process.env,
  exit: (code: number) => never = (code) => process.exit(code),
): z.output<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return exit(EX_CONFIG);
  }
}

function withoutEmptyValues(env: Environment): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') present[name] = value;
  }
  return present;
}

function problemsOf(error: z.ZodError, env: Environment): ConfigProblem[] {
  const problems = error.issues.map((issue) => {
    const variable = issue.path.map(String).join('.') || '(environment)';
    const unset = issue.path.length === 1 && (env[variable] === undefined || env[variable] === '');
    // A cross-field rule (code "custom") explains itself; for any other issue an unset variable is simply missing.
    return { variable, reason: unset && issue.code !== 'custom' ? 'is required but not set' : issue.message };
  });
  return dedupe(problems);
}

/** A variable can fail several checks at once; one line per distinct reason is enough. */
function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.variable}\u0000${problem.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
