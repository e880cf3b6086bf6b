// The service as a real process on the real broker and database: provider-registry's adviser events, published to
// Kafka, feed the projection; an adviser's system registers over gRPC (field violations, RESOURCE_EXHAUSTED for the
// 26th of the day); the JSON API answers problem+json; the pages render; the outbox relay delivers the events.
import { randomUUID } from 'node:crypto';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { Kafka, logLevel } from 'kafkajs';
import { AdviceRegistrationServiceClient, type RegisterTrajectoryRequest } from '@stap/contracts/stap/advice/v1/advice';
import { EducationLevel, RegelingCode, Sector } from '@stap/contracts/stap/common/v1/common';
import { EmploymentStatus } from '@stap/contracts/stap/advice/v1/advice';
import { HealthCheckResponse_ServingStatus, HealthClient } from '@stap/contracts/grpc/health/v1/health';
import { callUnary, decodeRichError, withDeadline } from '@stap/platform/grpc';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, kafkaBrokers, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { freePort, startServiceProcess, waitFor, type ServiceProcess } from '@stap/platform/testing/service-process';
import { createPrismaClient, type PrismaClient } from '../src/infrastructure/prisma/client';
import { adviserOrganisationEvent, careerAdviserEvent, MIGRATIONS, nextBsn } from './fixtures';

jest.setTimeout(120_000);

/** Test files run in parallel on two shared cores: a call may wait on a busy database; this is not a speed test. */
const SLOW_MACHINE_DEADLINE_MS = 30_000;

const TOKEN = `adviser-${randomUUID()}`;
const KVK = String(40_000_000 + Math.floor(Math.random() * 50_000_000));
const ORGANISATION = randomUUID();
const ADVISER = randomUUID();

let db: TestDatabase;
let prisma: PrismaClient;
let service: ServiceProcess;
let grpcPort: number;
let httpPort: number;
let client: InstanceType<typeof AdviceRegistrationServiceClient>;
const kafka = new Kafka({ clientId: 'advice-e2e', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });

function metadata(): Metadata {
  const m = new Metadata();
  m.set('authorization', `Bearer ${TOKEN}`);
  return m;
}

async function publishAdviserEvents(): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  const headers = (type: string, subject: string) => ({
    ce_specversion: '1.0',
    ce_id: randomUUID(),
    ce_source: 'urn:nld:stap:provider-registry',
    ce_type: type,
    ce_subject: subject,
    ce_time: new Date().toISOString(),
    'content-type': 'application/protobuf',
  });
  await producer.send({
    topic: 'stap.providers.adviser_organisation.v1',
    messages: [{ key: ORGANISATION, value: Buffer.from(adviserOrganisationEvent(ORGANISATION, KVK)), headers: headers('nl.stap.providers.adviser_organisation_registered.v1', ORGANISATION) }],
  });
  await producer.send({
    topic: 'stap.providers.career_adviser.v1',
    messages: [{ key: ADVISER, value: Buffer.from(careerAdviserEvent(ADVISER, ORGANISATION)), headers: headers('nl.stap.providers.career_adviser_registered.v1', ADVISER) }],
  });
  await producer.disconnect();
}

function request(overrides: Partial<RegisterTrajectoryRequest> = {}): RegisterTrajectoryRequest {
  return {
    tijdvak: { regelingCode: RegelingCode.REGELING_CODE_NLLD_ONTWIKKELADVIES, tijdvakId: 'NLLD_ONTWIKKELADVIES-2020-12' },
    careerAdviserId: ADVISER,
    participantBsn: { value: nextBsn() },
    profile: { educationLevel: EducationLevel.EDUCATION_LEVEL_MBO_2, sector: Sector.SECTOR_RETAIL_WHOLESALE, employmentStatus: EmploymentStatus.EMPLOYMENT_STATUS_WITHOUT_WORK },
    plannedStartDate: { year: 2021, month: 1, day: 11 },
    participantBirthDate: { year: 1968, month: 5, day: 1 },
    dutchLabourMarketTie: true,
    ...overrides,
  };
}

beforeAll(async () => {
  db = await createTestDatabase('advice_e2e');
  await migrateDatabase(db.url, MIGRATIONS);
  prisma = createPrismaClient(db.url, 2);
  [grpcPort, httpPort] = [await freePort(), await freePort()];
  service = startServiceProcess('advice-registration', {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    GRPC_PORT: String(grpcPort),
    HTTP_PORT: String(httpPort),
    DEV_TOKENS: `${TOKEN}=e2e-adviser:adviser::${KVK},officer-${TOKEN}=e2e-officer:staff:advice:read+advice:reports`,
    CONSUMER_GROUP_SUFFIX: `.e2e-${randomUUID().slice(0, 8)}`,
    ADVICE_CLOCK_STARTS_AT: '2020-12-07T09:00:00+01:00',
  });
  const health = new HealthClient(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
  await waitFor(async () => (await callUnary(health, health.check, { service: '' }, new Metadata())).status === HealthCheckResponse_ServingStatus.SERVING, 'gRPC SERVING', 60_000).catch(
    (error: unknown) => {
      throw new Error(`${String(error)}\n${service.output()}`);
    },
  );
  health.close();
  client = new AdviceRegistrationServiceClient(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
  await publishAdviserEvents();
  await waitFor(async () => (await prisma.careerAdviser.count({ where: { id: ADVISER } })) === 1, 'the adviser projection from Kafka', 60_000);
});

afterAll(async () => {
  client?.close();
  const exit = await service?.stop();
  await prisma?.$disconnect();
  await db?.drop();
  expect(exit?.code).toBe(0);
});

test('registers over gRPC and delivers TrajectoryRegistered through the outbox relay', async () => {
  const trajectory = await callUnary(client, client.registerTrajectory, request(), metadata(), withDeadline(SLOW_MACHINE_DEADLINE_MS));
  expect(trajectory.status).toBe(1);
  expect(trajectory.price).toEqual({ amountCents: '70000', currency: 'EUR' });
  expect(trajectory.participantAge).toBe(52);
  await waitFor(async () => (await prisma.outboxEvent.count({ where: { sentAt: { not: null } } })) >= 1, 'the relay to publish', 30_000);
});

test('answers INVALID_ARGUMENT with every field violation, and changes nothing', async () => {
  const before = await prisma.trajectory.count();
  const error = await callUnary(client, client.registerTrajectory, request({ participantBsn: { value: '111111111' }, careerAdviserId: 'x' }), metadata(), withDeadline(SLOW_MACHINE_DEADLINE_MS)).then(
    () => undefined,
    (e: ServiceError) => decodeRichError(e),
  );
  expect(error?.code).toBe(3);
  expect(error?.fieldViolations.map((v) => v.field).sort()).toEqual(['career_adviser_id', 'participant_bsn.value']);
  expect(await prisma.trajectory.count()).toBe(before);
});

test('answers the 26th registration of the adviser that day with RESOURCE_EXHAUSTED', async () => {
  const already = await prisma.trajectory.count({ where: { careerAdviserId: ADVISER } });
  for (let n = already; n < 25; n += 1) await callUnary(client, client.registerTrajectory, request(), metadata(), withDeadline(SLOW_MACHINE_DEADLINE_MS));
  const error = await callUnary(client, client.registerTrajectory, request(), metadata(), withDeadline(SLOW_MACHINE_DEADLINE_MS)).then(
    () => undefined,
    (e: ServiceError) => e,
  );
  expect(error?.code).toBe(8);
  expect(await prisma.trajectory.count({ where: { careerAdviserId: ADVISER } })).toBe(25);
});

test('the JSON API answers problem+json; the adviser page lists only the organisation\'s trajectories', async () => {
  const response = await fetch(`http://127.0.0.1:${httpPort}/api/v1/trajectories`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tijdvakId: 'NLLD_ONTWIKKELADVIES-2020-12', careerAdviserId: ADVISER, participantBsn: '123', participantBirthDate: '1968-05-01', plannedStartDate: '2021-01-11', dutchLabourMarketTie: true, profile: { educationLevel: 'MBO_2', sector: 'ICT', employmentStatus: 'NOPE' } }),
  });
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await response.json()) as { invalidParams: { name: string }[] };
  expect(problem.invalidParams.map((p) => p.name).sort()).toEqual(['participantBsn', 'profile.employmentStatus']);

  const unauthorised = await fetch(`http://127.0.0.1:${httpPort}/api/v1/trajectories`);
  expect(unauthorised.status).toBe(401);

  const page = await fetch(`http://127.0.0.1:${httpPort}/adviseur/trajecten`, { headers: { cookie: `advies_sessie=${TOKEN}` } });
  const body = await page.text();
  expect(page.status).toBe(200);
  expect(body).toContain('<html lang="nl"');
  expect((body.match(/Geregistreerd/g) ?? []).length).toBe(25);

  const cookie = { cookie: `advies_sessie=${TOKEN}` };
  const [first] = await prisma.trajectory.findMany({ where: { careerAdviserId: ADVISER }, take: 1 });
  const completionPage = await fetch(`http://127.0.0.1:${httpPort}/adviseur/trajecten/${first?.id}/afronden`, { headers: cookie });
  expect(completionPage.status).toBe(200);
  const refused = await fetch(`http://127.0.0.1:${httpPort}/adviseur/trajecten/${first?.id}/afronden`, {
    method: 'POST',
    headers: { ...cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'version=1&completedOn=',
  });
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain('role="alert"');
  expect((await fetch(`http://127.0.0.1:${httpPort}/adviseur/declaraties`, { headers: cookie })).status).toBe(200);
  expect((await fetch(`http://127.0.0.1:${httpPort}/adviseur/declaraties`)).redirected).toBe(true);

  const report = await fetch(`http://127.0.0.1:${httpPort}/api/v1/tranches/NLLD_ONTWIKKELADVIES-2020-12/reconciliation`, { headers: { authorization: `Bearer officer-${TOKEN}` } });
  const figures = (await report.json()) as { counts: { registered: number }; checks: { holds: boolean }[] };
  expect(figures.counts.registered).toBe(25);
  expect(figures.checks.every((check) => check.holds)).toBe(true);
});
