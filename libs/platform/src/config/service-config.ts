// The variables every service shares. A service adds its own with `extendServiceConfig({...})`, which keeps the
// cross-field rule below (a plain zod `.extend()` is not guaranteed to carry refinements along).
import { z } from 'zod';
import { envField } from './fields';

export const TRACE_EXPORTERS = ['otlp', 'console', 'none'] as const;
export type TraceExporterKind = (typeof TRACE_EXPORTERS)[number];

export const serviceConfigShape = {
  /** Defaults to the app's own name in its main.ts; here it may be absent. */
  SERVICE_NAME: z.string().trim().min(1).optional(),
  LOG_LEVEL: envField.logLevel().default('info'),
  GRPC_PORT: envField.port(),
  HTTP_PORT: envField.port(),
  DATABASE_URL: envField.postgresUrl(),
  KAFKA_BROKERS: envField.kafkaBrokers(),
  OTEL_TRACES_EXPORTER: envField.oneOf(TRACE_EXPORTERS).default('none'),
  OTEL_EXPORTER_OTLP_ENDPOINT: envField.url().optional(),
  SHUTDOWN_TIMEOUT_MS: envField.durationMs().default(10_000),
};

const OTLP_FIELDS: readonly PropertyKey[] = ['OTEL_TRACES_EXPORTER', 'OTEL_EXPORTER_OTLP_ENDPOINT'];

// Exporting to OTLP without saying where would silently drop every span. Typed as `object` because it checks any extension of the shared shape, whose output type TypeScript cannot
// narrow inside a generic function.
const hasOtlpEndpointWhenNeeded = (config: object) =>
  !('OTEL_TRACES_EXPORTER' in config && config.OTEL_TRACES_EXPORTER === 'otlp') ||
  ('OTEL_EXPORTER_OTLP_ENDPOINT' in config && config.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined);

const otlpEndpointRule = {
  path: ['OTEL_EXPORTER_OTLP_ENDPOINT'],
  message: 'is required when OTEL_TRACES_EXPORTER=otlp',
  // Run even when unrelated variables are wrong, so the error lists every problem in one go; skip only when the
  // two variables this rule reads are themselves invalid.
  when: (payload: { issues: ReadonlyArray<{ path?: PropertyKey[] }> }) =>
    !payload.issues.some((issue) => OTLP_FIELDS.includes(issue.path?.[0] ?? '')),
};

/** Adds the rule "OTEL_EXPORTER_OTLP_ENDPOINT is required when OTEL_TRACES_EXPORTER=otlp" to an object schema. */
export function withOtlpEndpointRule<Schema extends z.ZodObject>(schema: Schema) {
  return schema.refine(hasOtlpEndpointWhenNeeded, otlpEndpointRule);
}

/** The shared service variables plus the service's own. */
export function extendServiceConfig<Shape extends z.ZodRawShape>(shape: Shape) {
  return withOtlpEndpointRule(z.object({ ...serviceConfigShape, ...shape }));
}

export const serviceConfigSchema = extendServiceConfig({});
export type ServiceConfig = z.output<typeof serviceConfigSchema>;
