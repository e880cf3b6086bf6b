// Deliberately does not export register.ts: importing it starts the SDK, which only main.ts may decide.
export { extractTraceContext, injectTraceHeaders, type MessageHeaders, type TraceHeaders } from './propagation';
export { startTelemetry, type TelemetryHandle, type TelemetryOptions } from './telemetry';
