// The foundation end to end, on the real broker and the real database, with both services as separate processes:
// gRPC RegisterProvider → provider row + outbox row in one transaction → relay → Kafka → scholingsregister's consumer
// applies the event exactly once: also when the same event arrives twice, and when the relay is killed between the
// broker's acknowledgement and marking the row sent. Plus: field violations for a malformed request, and a SIGTERM
// that drains and exits 0 without losing a message.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { Client } from 'pg';
import { HealthCheckResponse_ServingStatus, HealthClient } from '@stap/contracts/grpc/health/v1/health';
import { ProviderRegistryServiceClient, type Provider, type RegisterProviderRequest } from '@stap/contracts/stap/providers/v1/providers';
import { callUnary, decodeRichError } from '@stap/platform/grpc';
import { ensureTopics, headerText } from '@stap/platform/kafka';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, kafkaBrokers, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { freePort, startServiceProcess, waitFor, type ServiceProcess } from '@stap/platform/testing/service-process';

jest.setTimeout(120_000);

const APPS = path.resolve(__dirname, '../..');
const PROVIDER_TOPIC = 'stap.providers.provider.v1';
const GROUP_SUFFIX = `.e2e-${randomUUID().slice(0, 8)}`;
const TOKEN = `e2e-${randomUUID()}`;

let registryDb: TestDatabase;
let registerDb: TestDatabase;
let registryPg: Client;
let registerPg: Client;
let registry: ServiceProcess;
let register: ServiceProcess;
let registryPort: number;
const kafka = new Kafka({ clientId: 'platform-e2e', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });

function startRegistry(extraEnv: Record<string, string> = {}): ServiceProcess {
  return startServiceProcess('provider-registry', {
    DATABASE_URL: registryDb.url,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    GRPC_PORT: String(registryPort),
    HTTP_PORT: '0',
    DEV_TOKENS: `${TOKEN}=e2e-staff:staff:providers:read+providers:write`,
    ...extraEnv,
  });
}

function providerClient(): InstanceType<typeof ProviderRegistryServiceClient> {
  return new ProviderRegistryServiceClient(`127.0.0.1:${registryPort}`, credentials.createInsecure());
}

function authorized(): Metadata {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${TOKEN}`);
  return metadata;
}

async function waitUntilServing(port: number): Promise<void> {
  const health = new HealthClient(`127.0.0.1:${port}`, credentials.createInsecure());
  try {
    await waitFor(async () => {
      const response = await callUnary(health, health.check, { service: '' }, new Metadata());
      return response.status === HealthCheckResponse_ServingStatus.SERVING;
      // A service process transpiles its TypeScript at start (tsx); on a loaded 2-core machine that takes a while.
    }, `gRPC health SERVING on ${port}`, 90_000);
  } finally {
    health.close();
  }
}

function registration(kvkNumber: string): RegisterProviderRequest {
  return {
    kvkNumber: { value: kvkNumber },
    legalName: `Opleidingen ${kvkNumber} B.V.`,
    communicationName: '',
    contact: { email: 'info@example.nl', phone: '', website: '' },
    address: { street: 'Parnassusplein', houseNumber: 5, houseNumberAddition: '', postalCode: '2511vx', city: 'Den Haag' },
  };
}

let kvkSequence = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const nextKvk = () => String((kvkSequence += 1));

async function registerProvider(kvkNumber = nextKvk()): Promise<Provider> {
  const client = providerClient();
  try {
    return await callUnary(client, client.registerProvider, registration(kvkNumber), authorized());
  } finally {
    client.close();
  }
}

async function projection(providerId: string): Promise<{ applied_events: number } | undefined> {
  const { rows } = await registerPg.query('SELECT applied_events FROM provider_projection WHERE provider_id = $1', [providerId]);
  return rows[0];
}

async function outboxRow(providerId: string): Promise<{ event_id: string; sent_at: Date | null }> {
  const { rows } = await registryPg.query('SELECT event_id, sent_at FROM outbox_event WHERE subject = $1', [providerId]);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** Every message on the provider topic for this event id (a fresh reader group, from the beginning). */
async function messagesOf(eventId: string, atLeast: number): Promise<KafkaMessage[]> {
  const reader = kafka.consumer({ groupId: `e2e-reader-${randomUUID()}` });
  const found: KafkaMessage[] = [];
  await reader.connect();
  await reader.subscribe({ topic: PROVIDER_TOPIC, fromBeginning: true });
  await reader.run({ eachMessage: async ({ message }) => void (headerText(message.headers, 'ce_id') === eventId && found.push(message)) });
  try {
    await waitFor(async () => found.length >= atLeast, `${atLeast} message(s) with ce_id ${eventId}`);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a moment for copies beyond `atLeast` to show up
    return found;
  } finally {
    await reader.disconnect();
  }
}

/** True once scholingsregister's group has committed past every message currently on the topic. */
async function consumerCaughtUp(): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(PROVIDER_TOPIC);
    const [committed] = await admin.fetchOffsets({ groupId: `scholingsregister.providers${GROUP_SUFFIX}`, topics: [PROVIDER_TOPIC] });
    return ends.every((end) => {
      const partition = committed.partitions.find((p) => p.partition === end.partition);
      return partition !== undefined && BigInt(partition.offset === '-1' ? '0' : partition.offset) >= BigInt(end.high);
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Starts scholingsregister's consumer group (new for this run) at the current end of the provider topic. In production
 * a new group reads the whole history, as it should; here the shared test broker holds thousands of events from other
 * test files, and reading them all first would only measure how long that takes.
 */
async function startConsumerGroupAtEnd(groupId: string, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // The provider registry creates its topic at start (3 partitions); on a fresh broker it may not exist yet.
    await ensureTopics(kafka, [{ name: topic, partitions: 3 }]);
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
  } finally {
    await admin.disconnect();
  }
}

beforeAll(async () => {
  await startConsumerGroupAtEnd(`scholingsregister.providers${GROUP_SUFFIX}`, PROVIDER_TOPIC);
  [registryDb, registerDb] = await Promise.all([createTestDatabase('e2e_registry'), createTestDatabase('e2e_register')]);
  await migrateDatabase(registryDb.url, path.join(APPS, 'provider-registry/prisma/migrations'));
  await migrateDatabase(registerDb.url, path.join(APPS, 'scholingsregister/prisma/migrations'));
  registryPg = new Client({ connectionString: registryDb.url });
  registerPg = new Client({ connectionString: registerDb.url });
  await Promise.all([registryPg.connect(), registerPg.connect()]);
  registryPort = await freePort();
  const registerPort = await freePort();
  registry = startRegistry();
  register = startServiceProcess('scholingsregister', {
    DATABASE_URL: registerDb.url,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    GRPC_PORT: String(registerPort),
    HTTP_PORT: '0',
    CONSUMER_GROUP_SUFFIX: GROUP_SUFFIX,
  });
  await Promise.all([waitUntilServing(registryPort), waitUntilServing(registerPort)]);
});

afterAll(async () => {
  await Promise.all([registry?.stop('SIGKILL'), register?.stop('SIGKILL')]);
  await Promise.all([registryPg?.end(), registerPg?.end()]);
  await Promise.all([registryDb?.drop(), registerDb?.drop()]);
});

afterEach(() => {
  const state = expect.getState();
  if (state.assertionCalls !== state.numPassingAsserts) {
    process.stderr.write(`provider-registry output:\n${registry.output()}\nscholingsregister output:\n${register.output()}\n`);
  }
});

test('a registration reaches the other service through the outbox, exactly once', async () => {
  const provider = await registerProvider();
  const { rows } = await registryPg.query('SELECT kvk_number FROM provider WHERE id = $1', [provider.id]);
  expect(rows).toEqual([{ kvk_number: provider.kvkNumber?.value }]);

  await waitFor(() => projection(provider.id), 'the provider projection');
  const outbox = await waitFor(async () => {
    const row = await outboxRow(provider.id);
    return row.sent_at ? row : undefined;
  }, 'the outbox row to be marked sent');
  const [message] = await messagesOf(outbox.event_id, 1);
  expect(headerText(message.headers, 'ce_type')).toBe('nl.stap.providers.provider_registered.v1');
  expect(headerText(message.headers, 'ce_source')).toBe('urn:nld:stap:provider-registry');
  expect(headerText(message.headers, 'ce_specversion')).toBe('1.0');
  expect(message.key?.toString()).toBe(provider.id);
  expect(await projection(provider.id)).toEqual({ applied_events: 1 });
});

test('the same event delivered twice is applied once', async () => {
  const provider = await registerProvider();
  await waitFor(() => projection(provider.id), 'the provider projection');
  const { event_id: eventId } = await outboxRow(provider.id);
  const [original] = await messagesOf(eventId, 1);

  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: PROVIDER_TOPIC, messages: [{ key: original.key, value: original.value, headers: original.headers }] });
  await producer.disconnect();

  expect(await messagesOf(eventId, 2)).toHaveLength(2);
  await waitFor(consumerCaughtUp, 'the consumer to process the duplicate');
  expect(await projection(provider.id)).toEqual({ applied_events: 1 });
  const { rows } = await registerPg.query('SELECT count(*)::int AS n FROM inbox_event WHERE event_id = $1', [eventId]);
  expect(rows[0].n).toBe(1);
});

test('a relay killed between send and mark re-sends after restart, and the effect still happens once', async () => {
  await registry.stop('SIGTERM');
  registry = startRegistry({ FAULT_KILL_RELAY_AFTER_SEND: 'true' });
  await waitUntilServing(registryPort);

  const provider = await registerProvider();
  expect(await registry.exited).toEqual({ code: null, signal: 'SIGKILL' });
  const beforeRestart = await outboxRow(provider.id);
  expect(beforeRestart.sent_at).toBeNull(); // the broker has it, the row does not know
  expect(await messagesOf(beforeRestart.event_id, 1)).toHaveLength(1);

  registry = startRegistry();
  await waitUntilServing(registryPort);
  await waitFor(async () => (await outboxRow(provider.id)).sent_at !== null, 'the re-sent row to be marked sent');
  expect(await messagesOf(beforeRestart.event_id, 2)).toHaveLength(2);
  await waitFor(consumerCaughtUp, 'the consumer to process both copies');
  expect(await projection(provider.id)).toEqual({ applied_events: 1 });
});

test('a malformed request gets INVALID_ARGUMENT with field violations, changes nothing, and the service keeps serving', async () => {
  const { rows: before } = await registryPg.query('SELECT count(*)::int AS n FROM provider');
  const client = providerClient();
  const bad: RegisterProviderRequest = { ...registration('1234'), contact: { email: 'not-an-address', phone: '', website: '' } };
  const error = await callUnary(client, client.registerProvider, bad, authorized()).then(
    () => undefined,
    (caught: ServiceError) => caught,
  );
  client.close();
  if (!error) throw new Error('the malformed request was accepted');
  const decoded = decodeRichError(error);
  expect(decoded.code).toBe(3); // INVALID_ARGUMENT
  expect(decoded.fieldViolations.map((violation) => violation.field).sort()).toEqual(['contact.email', 'kvk_number.value']);
  const { rows: after } = await registryPg.query('SELECT count(*)::int AS n FROM provider');
  expect(after[0].n).toBe(before[0].n);

  await waitUntilServing(registryPort);
  expect((await registerProvider()).id).toMatch(/^[0-9a-f-]{36}$/);
});

test('on SIGTERM the service drains, exits 0 within 10 seconds, and loses no message', async () => {
  const inFlight = Array.from({ length: 20 }, () => registerProvider().then((provider) => provider.id, () => undefined));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = Date.now();
  const exit = await registry.stop('SIGTERM');
  const elapsedMs = Date.now() - started;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(elapsedMs).toBeLessThan(10_000); // the requirement, not a performance claim

  const accepted = (await Promise.all(inFlight)).filter((id): id is string => id !== undefined);
  expect(accepted.length).toBeGreaterThan(0);
  const { rows } = await registryPg.query('SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL');
  expect(rows[0].n).toBe(0);
  for (const id of accepted) await waitFor(() => projection(id), `projection of ${id}`);

  registry = startRegistry();
  await waitUntilServing(registryPort);
});
