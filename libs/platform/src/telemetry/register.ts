// Import this module as the very first line of a service's main.ts:
//
//   import '@stap/platform/telemetry/register';
//
// Why first: OpenTelemetry instruments http, express, @grpc/grpc-js and pg by hooking `require` and patching each
// module when it is loaded. Our services compile to CommonJS, where imports become `require` calls executed top to
// bottom, so a module imported first runs to completion before any later import is even loaded. Anything required
// before this module (directly, or through a barrel such as '@stap/platform') would be loaded unpatched and
// produce no spans. This module therefore imports nothing that pulls in express, grpc, pg or kafkajs.
//
// It reads SERVICE_NAME (or OTEL_SERVICE_NAME), OTEL_TRACES_EXPORTER and OTEL_EXPORTER_OTLP_ENDPOINT; a bad value
// stops the process with EX_CONFIG, like any other configuration error. OTEL_SDK_DISABLED=true turns tracing off
// entirely. main.ts flushes spans on shutdown with `telemetry.shutdown()` from this module.
import { z } from 'zod';
import { envField, loadConfigOrExit, serviceConfigShape, withOtlpEndpointRule } from '../config';
import { startTelemetry, type TelemetryHandle } from './telemetry';

/** Spec default for a service that does not name itself (OpenTelemetry resource semantic conventions). */
const UNKNOWN_SERVICE = 'unknown_service:node';

const telemetryConfigSchema = withOtlpEndpointRule(
  z.object({
    SERVICE_NAME: serviceConfigShape.SERVICE_NAME,
    OTEL_SERVICE_NAME: serviceConfigShape.SERVICE_NAME,
    OTEL_SDK_DISABLED: envField.booleanFlag().default(false),
    OTEL_TRACES_EXPORTER: serviceConfigShape.OTEL_TRACES_EXPORTER,
    OTEL_EXPORTER_OTLP_ENDPOINT: serviceConfigShape.OTEL_EXPORTER_OTLP_ENDPOINT,
  }),
);

function startTelemetryFromEnvironment(): TelemetryHandle {
  const config = loadConfigOrExit(telemetryConfigSchema);
  if (config.OTEL_SDK_DISABLED) return { forceFlush: () => Promise.resolve(), shutdown: () => Promise.resolve() };
  return startTelemetry({
    serviceName: config.SERVICE_NAME ?? config.OTEL_SERVICE_NAME ?? UNKNOWN_SERVICE,
    exporter: config.OTEL_TRACES_EXPORTER,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
}

export const telemetry: TelemetryHandle = startTelemetryFromEnvironment();
