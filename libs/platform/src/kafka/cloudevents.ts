// CloudEvents 1.0 in Kafka binary content mode (CloudEvents Kafka protocol binding §3.2), following the NL GOV
// profile for CloudEvents: `source` is a URN of the producing service, `type` is reverse-DNS
// (`nl.stap.<context>.<event>.v1`), `subject` the aggregate id, `id` a UUID, `time` RFC 3339 (DESIGN.md §3).
// The payload is the protobuf-encoded event message; the attributes travel as `ce_*` headers.
//
// Written here rather than with the `cloudevents` npm SDK: its Kafka binding is built around JSON/string data and
// validates every event with ajv, while our data is protobuf bytes on a hot path (the outbox relay).
import { randomUUID } from 'node:crypto';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

export const SPEC_VERSION = '1.0';
export const PROTOBUF_CONTENT_TYPE = 'application/protobuf';

export interface CloudEvent {
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  /** Fully qualified proto message name of the payload, e.g. `stap.providers.events.v1.ProviderRegistered`. */
  dataschema: string;
  datacontenttype: string;
  data: Buffer;
  /** W3C trace context of the change that produced the event. */
  traceparent?: string;
  tracestate?: string;
}

/** Thrown for a Kafka message that is not a valid CloudEvent: it can never succeed, so it goes to the dead letters. */
export class MalformedEventError extends Error {
  override name = 'MalformedEventError';
}

export function newEventId(): string {
  return randomUUID();
}

export function toKafkaMessage(event: CloudEvent, key: string): Message {
  const headers: IHeaders = {
    ce_specversion: SPEC_VERSION,
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    ce_subject: event.subject,
    ce_time: event.time,
    ce_dataschema: event.dataschema,
    'content-type': event.datacontenttype,
  };
  if (event.traceparent) headers.traceparent = event.traceparent;
  if (event.tracestate) headers.tracestate = event.tracestate;
  return { key, value: event.data, headers };
}

const REQUIRED = ['ce_specversion', 'ce_id', 'ce_source', 'ce_type'] as const;

export function fromKafkaMessage(message: KafkaMessage): CloudEvent {
  const header = (name: string) => headerText(message.headers, name);
  /** A header checked as present just below. */
  const required = (name: (typeof REQUIRED)[number]) => header(name) ?? '';
  const missing = REQUIRED.filter((name) => !header(name));
  if (missing.length > 0) throw new MalformedEventError(`missing CloudEvents headers: ${missing.join(', ')}`);
  if (header('ce_specversion') !== SPEC_VERSION) {
    throw new MalformedEventError(`unsupported CloudEvents specversion ${header('ce_specversion')}`);
  }
  return {
    id: required('ce_id'),
    source: required('ce_source'),
    type: required('ce_type'),
    subject: header('ce_subject') ?? '',
    time: header('ce_time') ?? '',
    dataschema: header('ce_dataschema') ?? '',
    datacontenttype: header('content-type') ?? PROTOBUF_CONTENT_TYPE,
    data: message.value ?? Buffer.alloc(0),
    traceparent: header('traceparent'),
    tracestate: header('tracestate'),
  };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Plain string view of Kafka headers, e.g. for the trace-context propagator. */
export function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const name of Object.keys(headers ?? {})) {
    const value = headerText(headers, name);
    if (value !== undefined) text[name] = value;
  }
  return text;
}
