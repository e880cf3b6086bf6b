// Reusable zod builders for environment variables. Every builder takes the raw string a process receives and
// yields the typed value a service wants, with a reason a person can act on when the value is wrong. The reasons
// never echo the value itself: a DATABASE_URL carries a password.
import { z } from 'zod';

/** pino's levels, plus `silent` to switch logging off (tests). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const HOST_PORT = /^(?<host>[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(?<port>\d{1,5})$/;
const DURATION = /^(?<amount>\d+)(?<unit>ms|s|m|h)?$/;
const MS_PER_UNIT: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

const isPort = (value: number) => Number.isInteger(value) && value >= 0 && value <= 65_535;

/** A TCP port, 0–65535; 0 asks the operating system for a free port (tests, ephemeral listeners). */
const port = () =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'must be a port number (0-65535)')
    .transform(Number)
    .refine(isPort, 'must be a port number (0-65535)');

/** An absolute http(s) URL. */
const url = () => z.url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' });

/** A PostgreSQL connection URL (`postgres://` or `postgresql://`). */
const postgresUrl = () =>
  z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' });

/** A comma-separated list of Kafka bootstrap brokers, each `host:port`. */
const kafkaBrokers = () =>
  z
    .string()
    .transform((raw) => raw.split(',').map((broker) => broker.trim()).filter((broker) => broker.length > 0))
    .refine((brokers) => brokers.length > 0, 'must list at least one broker as host:port')
    .refine(
      (brokers) => brokers.every(isHostPort),
      'must be a comma-separated list of host:port (e.g. 127.0.0.1:9092,kafka-2:9092)',
    );

function isHostPort(broker: string): boolean {
  const match = HOST_PORT.exec(broker);
  return match?.groups !== undefined && isPort(Number(match.groups['port']));
}

const logLevel = () => z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` });

/** A duration in milliseconds: a whole number of ms, or with a unit suffix (`500ms`, `10s`, `2m`, `1h`). */
const durationMs = () =>
  z
    .string()
    .trim()
    .regex(DURATION, 'must be a duration: whole milliseconds, or a number with ms, s, m or h (e.g. 10s)')
    .transform(toMilliseconds);

function toMilliseconds(raw: string): number {
  const groups = DURATION.exec(raw)?.groups ?? {};
  return Number(groups['amount']) * MS_PER_UNIT[groups['unit'] ?? 'ms'];
}

/** One of a fixed set of words. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** Exactly "true" or "false": anything looser ("yes", "1", "TRUE") is more likely a typo than an intention. */
const booleanFlag = () =>
  z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'sensitive', error: 'must be "true" or "false"' });

/** The builders under one name, so a schema reads `GRPC_PORT: envField.port()`. */
export const envField = { port, url, postgresUrl, kafkaBrokers, logLevel, durationMs, oneOf, booleanFlag };
