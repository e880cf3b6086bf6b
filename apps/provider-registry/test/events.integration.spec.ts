// Every change's event travels the real path: outbox row → OutboxRelay → the real Kafka broker, as a CloudEvent whose
// payload decodes with the message the contract names (the consumer side other services rely on).
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import * as Events from '@stap/contracts/stap/providers/events/v1/events';
import { RecognitionRoute } from '@stap/contracts/stap/providers/v1/providers';
import { createKafka, createReliableProducer, ensureTopics, fromKafkaMessage, OutboxRelay, type CloudEvent } from '@stap/platform/kafka';
import { createLogger } from '@stap/platform/logging';
import { kafkaBrokers } from '@stap/platform/testing/infrastructure';
import { waitFor } from '@stap/platform/testing/service-process';
import { expireRecognitions } from '../src/application/expire-recognitions';
import { ALL_TOPICS } from '../src/infrastructure/messaging/provider-events';
import { call, date, registration, startHarness, type Harness } from './harness';

jest.setTimeout(90_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness('registry_events');
});
afterAll(() => h?.close());

async function publishOutbox(): Promise<void> {
  const logger = createLogger({ service: 'registry-events-test', level: 'silent' });
  const kafka = createKafka('registry-events-test', kafkaBrokers(), logger);
  await ensureTopics(kafka, ALL_TOPICS);
  const producer = createReliableProducer(kafka);
  await producer.connect();
  const pool = new Pool({ connectionString: h.db.url, max: 1 });
  const relay = new OutboxRelay({ pool, producer, logger });
  relay.start();
  try {
    await waitFor(async () => (await h.prisma.outboxEvent.count({ where: { sentAt: null } })) === 0, 'the outbox to be published');
  } finally {
    await relay.stop();
    await producer.disconnect();
    await pool.end();
  }
}

/**
 * A reader positioned at the end of the shared topics as they are before this test publishes (a fresh group reading
 * from the beginning would replay every earlier run's events), collecting the events of the given keys.
 */
async function startReader(keys: ReadonlySet<string>) {
  const kafka = new Kafka({ clientId: 'registry-events-reader', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  const reader = kafka.consumer({ groupId: `registry-events-${randomUUID()}` });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await Promise.all(ALL_TOPICS.map(async (t) => ({ topic: t.name, partitions: await admin.fetchTopicOffsets(t.name) })));
  await admin.disconnect();
  const found: CloudEvent[] = [];
  await reader.connect();
  await reader.subscribe({ topics: ALL_TOPICS.map((t) => t.name), fromBeginning: true });
  await reader.run({ eachMessage: async ({ message }) => void (keys.has(message.key?.toString() ?? '') && found.push(fromKafkaMessage(message))) });
  // Everything published from here on lies at or after these offsets.
  for (const { topic, partitions } of ends) for (const p of partitions) reader.seek({ topic, partition: p.partition, offset: p.high });
  return {
    async collect(expected: number): Promise<CloudEvent[]> {
      await waitFor(async () => found.length >= expected, `${expected} events on the broker`, 60_000);
      return found;
    },
    stop: () => reader.disconnect(),
  };
}

test('each kind of change arrives on the broker as a CloudEvent with the proto payload', async () => {
  const kvk = String(70_000_000 + Math.floor(Math.random() * 9_000_000));
  const provider = await call(h, h.client.registerProvider, registration(kvk), 'staff');
  const granted = await call(h, h.client.grantRecognition, {
    providerId: provider.id, route: RecognitionRoute.RECOGNITION_ROUTE_NRTO, issuingBody: 'NRTO', externalReference: 'K-1',
    validPeriod: { start: date('2021-01-01'), end: date('2021-12-31') },
  }, 'nrto');
  const recognitionId = granted.recognitions[0].id;
  await call(h, h.client.renewRecognition, { providerId: provider.id, recognitionId, newEnd: date('2022-06-30') }, 'nrto');
  await expireRecognitions(h.prisma, '2022-07-01');
  await call(h, h.client.suspendProvider, {
    providerId: provider.id, expectedVersion: '0', decision: { reference: 'UWV-9', reason: 'Fraude vastgesteld', decidedOn: date('2022-07-01') }, effectiveDate: date('2022-07-02'),
  }, 'staff');
  const account = await call(h, h.client.changeBankAccount, {
    owner: { owner: { $case: 'providerId', value: provider.id } }, iban: { value: 'NL91ABNA0417164300' }, accountHolderName: 'Opleider B.V.',
  }, 'staff');
  const organisation = await call(h, h.client.registerAdviserOrganisation, registration(String(Number(kvk) + 1)), 'staff');

  const reader = await startReader(new Set([provider.id, organisation.id]));
  let events: CloudEvent[];
  try {
    await publishOutbox();
    events = await reader.collect(7);
  } finally {
    await reader.stop();
  }
  const byType = new Map(events.map((event) => [event.type, event]));

  const decode = <M>(type: string, codec: { decode(bytes: Uint8Array): M }): M => {
    const event = byType.get(`nl.stap.providers.${type}.v1`);
    if (!event) throw new Error(`no ${type} event on the broker`);
    expect(event.source).toBe('urn:nld:stap:provider-registry');
    return codec.decode(event.data);
  };
  expect(decode('provider_registered', Events.ProviderRegistered)).toMatchObject({ providerId: provider.id, kvkNumber: { value: kvk } });
  expect(decode('recognition_granted', Events.RecognitionGranted)).toMatchObject({ recognitionId, route: RecognitionRoute.RECOGNITION_ROUTE_NRTO });
  expect(decode('recognition_renewed', Events.RecognitionRenewed).validPeriod?.end).toEqual(date('2022-06-30'));
  expect(decode('recognition_expired', Events.RecognitionExpired)).toMatchObject({ recognitionId, expiredAfter: date('2022-06-30'), otherRecognitionValid: false });
  expect(decode('provider_suspended', Events.ProviderSuspended)).toMatchObject({ decision: { reference: 'UWV-9', reason: 'Fraude vastgesteld' }, effectiveDate: date('2022-07-02') });
  const changed = decode('bank_account_changed', Events.BankAccountChanged);
  expect(changed).toMatchObject({ accountReference: account.accountReference, ibanLast4: '4300', previousAccountReference: '' });
  expect(JSON.stringify(Events.BankAccountChanged.toJSON(changed))).not.toContain('0417164300');
  expect(decode('adviser_organisation_registered', Events.AdviserOrganisationRegistered).adviserOrganisationId).toBe(organisation.id);
  expect(events.find((e) => e.type.endsWith('adviser_organisation_registered.v1'))?.subject).toBe(organisation.id);
});
