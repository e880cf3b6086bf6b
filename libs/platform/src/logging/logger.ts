// One structured JSON logger for every service: a line per event on stdout (the platform collects stdout), ISO
// timestamps, the service name on every line, the active trace and span id when there is one (so a log line can be
// found from a trace and back), and personal numbers removed before the line is written (see redaction.ts).
import { trace } from '@opentelemetry/api';
import pino, { type Bindings, type ChildLoggerOptions, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config';
import { maskBsnInJsonLine, redactKeys } from './redaction';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level?: LogLevel;
  /** Where the lines go; stdout when absent. Tests pass a stream to read the real output. */
  destination?: DestinationStream;
}

export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => asRecord(redactKeys(object)),
    },
    // The log formatter has already walked errors into plain objects; an error passed some other way (a child
    // binding, a custom key) still goes through the same redaction.
    serializers: { err: redactKeys },
    mixin: activeTraceIds,
    hooks: { streamWrite: maskBsnInJsonLine },
  };
  return redactingChildBindings(destination ? pino(options, destination) : pino(options));
}

// pino's `formatters.bindings` only ever sees the root's base fields, never `child()` or `setBindings()` bindings,
// so those two are wrapped. Children are created with Object.create(parent): they inherit the wrappers.
function redactingChildBindings(logger: Logger): Logger {
  const createChild = logger.child;
  const setBindings = logger.setBindings;
  logger.child = function child<ChildLevels extends string = never>(
    this: Logger,
    bindings: Bindings,
    options?: ChildLoggerOptions<ChildLevels>,
  ): Logger<ChildLevels> {
    return createChild.call<Logger, [Bindings, ChildLoggerOptions<ChildLevels> | undefined], Logger<ChildLevels>>(
      this,
      asRecord(redactKeys(bindings)),
      options,
    );
  };
  logger.setBindings = function redactedSetBindings(this: Logger, bindings: Bindings) {
    setBindings.call(this, asRecord(redactKeys(bindings)));
  };
  return logger;
}

/** Trace correlation in the field names of the OpenTelemetry log data model. */
function activeTraceIds(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

// redactKeys returns an object for an object input; pino's formatters must return a plain record.
function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
}
