import type { IHeaders, KafkaMessage } from 'kafkajs';
import { fromKafkaMessage, MalformedEventError, toKafkaMessage, type CloudEvent } from './cloudevents';

const event: CloudEvent = {
  id: '4f6c1f2e-8d2a-4a5e-9a43-0f3f7d1d2b11',
  source: 'urn:nld:stap:provider-registry',
  type: 'nl.stap.providers.provider_registered.v1',
  subject: 'b3f1c3c2-1111-4c4c-8888-123456789abc',
  time: '2022-11-01T09:00:00.000Z',
  dataschema: 'stap.providers.events.v1.ProviderRegistered',
  datacontenttype: 'application/protobuf',
  data: Buffer.from([8, 1, 18, 3, 97, 98, 99]),
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
};

function received(message: ReturnType<typeof toKafkaMessage>): KafkaMessage & { headers: IHeaders } {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = Buffer.from(String(value));
  return { key: Buffer.from(String(message.key)), value: message.value as Buffer, headers, timestamp: '0', attributes: 0, offset: '0' };
}

describe('CloudEvents binary mode on Kafka', () => {
  it('puts every attribute in a ce_ header and the payload in the value', () => {
    const message = toKafkaMessage(event, event.subject);
    expect(message.key).toBe(event.subject);
    expect(message.value).toEqual(event.data);
    expect(message.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: event.source,
      ce_type: event.type,
      ce_subject: event.subject,
      ce_time: event.time,
      ce_dataschema: event.dataschema,
      'content-type': 'application/protobuf',
      traceparent: event.traceparent,
    });
  });

  it('reads back the same event from the received message', () => {
    expect(fromKafkaMessage(received(toKafkaMessage(event, event.subject)))).toEqual({ ...event, tracestate: undefined });
  });

  it('rejects a message without the required attributes as malformed', () => {
    const message = received(toKafkaMessage(event, event.subject));
    delete message.headers.ce_id;
    delete message.headers.ce_type;
    expect(() => fromKafkaMessage(message)).toThrow(new MalformedEventError('missing CloudEvents headers: ce_id, ce_type'));
  });

  it('rejects another spec version', () => {
    const message = received(toKafkaMessage(event, event.subject));
    message.headers.ce_specversion = Buffer.from('0.3');
    expect(() => fromKafkaMessage(message)).toThrow(MalformedEventError);
  });
});
