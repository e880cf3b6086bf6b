// Provider revocation, expiry, suspension and reinstatement flowing through the real broker: the test publishes
// provider-registry's CloudEvents (proto payloads, ce_* headers) with a kafkajs producer; the register's consumer
// (its real ConsumerRunner with inbox) applies them; applyability of the provider's trainings follows.
// It also publishes the portal's ApplicationGranted, and a duplicate of it, which counts once.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import * as P from '@stap/contracts/stap/providers/events/v1/events';
import { ApplicationGranted } from '@stap/contracts/stap/portal/events/v1/events';
import { createKafka, ensureTopics, toKafkaMessage, type CloudEvent } from '@stap/platform/kafka';
import { kafkaBrokers } from '@stap/platform/testing/infrastructure';
import { waitFor } from '@stap/platform/testing/service-process';
import { providerEventsConsumer, PROVIDER_TOPIC } from '../src/transport/events/provider-events.consumer';
import { portalEventsConsumer, APPLICATION_TOPIC, APPLICATION_GRANTED } from '../src/transport/events/portal-events.consumer';
import { createTraining } from '../src/application/create-training';
import { getTraining } from '../src/application/get-training';
import { aTraining, registerFixture, type RegisterFixture } from './register-fixture';

jest.setTimeout(120_000);
const logger = pino({ level: 'silent' });
const suffix = `.test-${randomUUID().slice(0, 8)}`;
// Topics of this run only (same partitioning as the real ones), so the consumer reads just these events.
const providerTopic = { ...PROVIDER_TOPIC, name: `${PROVIDER_TOPIC.name}.test${suffix}` };
const applicationTopic = { ...APPLICATION_TOPIC, name: `${APPLICATION_TOPIC.name}.test${suffix}` };
let f: RegisterFixture;
let consumers: { runner: { start(): Promise<void>; stop(): Promise<void> } }[];
const producerKafka = new Kafka({ clientId: 'sr-test', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
const producer = producerKafka.producer();

function cloudEvent(type: string, subject: string, dataschema: string, data: Uint8Array, id = randomUUID()): CloudEvent {
  return { id, source: 'urn:nld:stap:test', type, subject, time: new Date().toISOString(), dataschema, datacontenttype: 'application/protobuf', data: Buffer.from(data) };
}

async function publish(topic: string, event: CloudEvent): Promise<void> {
  await producer.send({ topic, acks: -1, messages: [toKafkaMessage(event, event.subject)] });
}

const providerEvent = (name: string, message: string, providerId: string, data: Uint8Array) =>
  publish(providerTopic.name, cloudEvent(`nl.stap.providers.${name}.v1`, providerId, `stap.providers.events.v1.${message}`, data));

beforeAll(async () => {
  f = await registerFixture('sr_provider_events');
  const kafka = createKafka('sr-test', kafkaBrokers(), logger);
  const provider = providerEventsConsumer(kafka, f.prisma, logger, suffix, providerTopic);
  const portal = portalEventsConsumer(kafka, f.prisma, logger, suffix, applicationTopic);
  await ensureTopics(kafka, [...provider.topics, ...portal.topics]);
  await topicsReady([providerTopic, applicationTopic]);
  await producer.connect();
  consumers = [provider, portal];
  await Promise.all(consumers.map((c) => c.runner.start()));
});

/** A just-created topic takes a moment before every partition has a leader; publishing earlier fails. */
async function topicsReady(topics: { name: string; partitions: number }[]): Promise<void> {
  const admin = producerKafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      await waitFor(async () => {
        const { topics: [metadata] } = await admin.fetchTopicMetadata({ topics: [topic.name] });
        return metadata.partitions.length === topic.partitions && metadata.partitions.every((p) => p.leader >= 0);
      }, `topic ${topic.name} ready`, 30_000);
    }
  } finally {
    await admin.disconnect();
  }
}

afterAll(async () => {
  await Promise.all((consumers ?? []).map((c) => c.runner.stop()));
  await producer.disconnect();
  await f.close();
});

const applyable = async (id: string) => (await getTraining(f.prisma, { trainingId: id })).applyable;
const until = (probe: () => Promise<boolean>, what: string) => waitFor(async () => (await probe()) || undefined, what, 60_000);

it('revoked, expired or suspended -> not applyable; reinstated or recognised again -> applyable again', async () => {
  const providerId = randomUUID();
  const kvkNumber = String(40_000_000 + Math.floor(Math.random() * 50_000_000));
  const recognitionId = randomUUID();
  await providerEvent('provider_registered', 'ProviderRegistered', providerId, P.ProviderRegistered.encode({ providerId, kvkNumber: { value: kvkNumber }, legalName: 'Leerhuis B.V.', communicationName: 'Leerhuis', registeredAt: new Date().toISOString() }).finish());
  await providerEvent('recognition_granted', 'RecognitionGranted', providerId, P.RecognitionGranted.encode({ providerId, recognitionId, route: 0, issuingBody: 'NRTO', validPeriod: undefined, grantedAt: new Date().toISOString() }).finish());
  await until(async () => (await f.prisma.providerRecognition.count({ where: { providerId, status: 'VALID' } })) === 1, 'recognition applied');

  const actor = { subject: 'p', scopes: [], kvkNumber };
  const id = await createTraining(f.prisma, actor, aTraining(providerId));
  expect(await applyable(id)).toBe(true);

  await providerEvent('recognition_revoked', 'RecognitionRevoked', providerId, P.RecognitionRevoked.encode({ providerId, recognitionId, route: 0, issuingBody: 'NRTO', effectiveDate: undefined, reason: 'kwaliteit', revokedAt: new Date().toISOString() }).finish());
  await until(async () => !(await applyable(id)), 'not applyable after revocation');

  const second = randomUUID();
  await providerEvent('recognition_granted', 'RecognitionGranted', providerId, P.RecognitionGranted.encode({ providerId, recognitionId: second, route: 0, issuingBody: 'CEDEO', validPeriod: undefined, grantedAt: new Date().toISOString() }).finish());
  await until(() => applyable(id), 'applyable with a new recognition');

  await providerEvent('provider_suspended', 'ProviderSuspended', providerId, P.ProviderSuspended.encode({ providerId, decision: { reference: 'S-1', reason: 'onderzoek', decidedOn: undefined }, effectiveDate: undefined, suspendedAt: new Date().toISOString() }).finish());
  await until(async () => !(await applyable(id)), 'not applyable while suspended');

  await providerEvent('provider_reinstated', 'ProviderReinstated', providerId, P.ProviderReinstated.encode({ providerId, decision: { reference: 'S-2', reason: 'opgeheven', decidedOn: undefined }, effectiveDate: undefined, reinstatedAt: new Date().toISOString() }).finish());
  await until(() => applyable(id), 'applyable after reinstatement');

  await providerEvent('recognition_expired', 'RecognitionExpired', providerId, P.RecognitionExpired.encode({ providerId, recognitionId: second, route: 0, expiredAfter: undefined, otherRecognitionValid: false }).finish());
  await until(async () => !(await applyable(id)), 'not applyable after expiry');

  // ApplicationGranted counts once per event id, even when delivered twice.
  const granted = ApplicationGranted.encode({ applicationId: randomUUID(), tijdvak: undefined, providerId, trainingId: id, startMomentId: '', trainingStartDate: undefined, trainingEndDate: undefined, grantedAmount: undefined, decision: undefined, receiptSequence: '1', decidedAt: '2023-05-01T10:00:00Z' }).finish();
  const event = cloudEvent(APPLICATION_GRANTED, randomUUID(), 'stap.portal.events.v1.ApplicationGranted', granted);
  await publish(applicationTopic.name, event);
  await publish(applicationTopic.name, event);
  await until(async () => (await f.prisma.trainingGrantCount.findUnique({ where: { trainingId_year: { trainingId: id, year: 2023 } } }))?.grants === 1, 'grant counted');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect((await f.prisma.trainingGrantCount.findUnique({ where: { trainingId_year: { trainingId: id, year: 2023 } } }))?.grants).toBe(1);
});

it('a suspension with a future effective_date is stored as pending, not applied on arrival', async () => {
  const providerId = randomUUID();
  const kvkNumber = String(40_000_000 + Math.floor(Math.random() * 50_000_000));
  await providerEvent('provider_registered', 'ProviderRegistered', providerId, P.ProviderRegistered.encode({ providerId, kvkNumber: { value: kvkNumber }, legalName: 'Vooruit B.V.', communicationName: 'Vooruit', registeredAt: new Date().toISOString() }).finish());
  await providerEvent('recognition_granted', 'RecognitionGranted', providerId, P.RecognitionGranted.encode({ providerId, recognitionId: randomUUID(), route: 0, issuingBody: 'NRTO', validPeriod: undefined, grantedAt: new Date().toISOString() }).finish());
  await until(async () => (await f.prisma.providerRecognition.count({ where: { providerId, status: 'VALID' } })) === 1, 'recognition applied');
  const id = await createTraining(f.prisma, { subject: 'p', scopes: [], kvkNumber }, aTraining(providerId));

  await providerEvent('provider_suspended', 'ProviderSuspended', providerId, P.ProviderSuspended.encode({ providerId, decision: { reference: 'S-9', reason: 'besluit', decidedOn: undefined }, effectiveDate: { year: 2099, month: 1, day: 1 }, suspendedAt: new Date().toISOString() }).finish());
  await until(async () => (await f.prisma.pendingProviderChange.count({ where: { providerId } })) === 1, 'suspension stored as pending');
  expect(await f.prisma.pendingProviderChange.findFirstOrThrow({ where: { providerId } })).toMatchObject({ effectiveDate: new Date('2099-01-01T00:00:00Z'), appliedAt: null });
  expect(await applyable(id)).toBe(true);
  expect((await f.prisma.providerProjection.findUniqueOrThrow({ where: { providerId } })).suspended).toBe(false);

  // An end of registration after a last day ahead takes effect the day after that last day.
  await providerEvent('provider_ended', 'ProviderEnded', providerId, P.ProviderEnded.encode({ providerId, endDate: { year: 2099, month: 6, day: 30 }, reason: 'gestopt' }).finish());
  await until(async () => (await f.prisma.pendingProviderChange.count({ where: { providerId } })) === 2, 'end stored as pending');
  expect((await f.prisma.pendingProviderChange.findMany({ where: { providerId }, orderBy: { seq: 'asc' } })).map((row) => [row.effectiveDate.toISOString().slice(0, 10), (row.fact as { kind: string }).kind]))
    .toEqual([['2099-01-01', 'suspended'], ['2099-07-01', 'ended']]);
  expect((await f.prisma.providerProjection.findUniqueOrThrow({ where: { providerId } })).ended).toBe(false);
  expect(await applyable(id)).toBe(true);
});
