// Test harness: the real portal assembly (src/portal.ts) on a fresh database of the real PostgreSQL and the real
// Kafka broker, with its own consumer group suffix; a gRPC client; helpers that feed the register read model through
// the consumer's own code path (handleRegisterEvent) and make persons, certificates and admissions.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { credentials, Metadata, type CallOptions, type ServiceError } from '@grpc/grpc-js';
import pino from 'pino';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import * as Register from '@stap/contracts/stap/register/events/v1/events';
import { TrainingStatus } from '@stap/contracts/stap/register/v1/register';
import { ProviderRegistered, RecognitionGranted } from '@stap/contracts/stap/providers/events/v1/events';
import { RecognitionRoute } from '@stap/contracts/stap/providers/v1/providers';
import { ApplicationChannel, StapPortalServiceClient, type Application, type QueueTicket } from '@stap/contracts/stap/portal/v1/portal';
import { callUnary, decodeRichError, withDeadline } from '@stap/platform/grpc';
import type { CloudEvent } from '@stap/platform/kafka';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, kafkaBrokers, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { toDateParts } from '../src/domain/dates';
import { syntheticPersons, type TestPerson } from '../src/infrastructure/external/test-persons';
import { sessionToken } from '../src/infrastructure/security/signed-token';
import { startPortal, type PortalConfig, type RunningPortal } from '../src/portal';
import { handleRegisterEvent } from '../src/transport/events/register-events.consumer';
import { startGroupAtEnd } from './skip-history';

export const SECRET = 'test-secret-of-at-least-32-characters!!';
export const STAFF_TOKEN = 'staff-token';
export const PARTNER_TOKEN = 'partner-token';
export const COUNTER_TOKEN = 'counter-token';
/** Random per test file: provider events on the shared broker topic from other runs must not collide with it. */
export const PROVIDER_KVK = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
export const PROVIDER_TOKEN = 'provider-token';

export const FIXTURE_PERSONS: TestPerson[] = [
  { bsn: '999990019', initials: 'J.', surname: 'Jansen', birthDate: '1985-04-12', insuredFrom: '2005-01-01' },
  { bsn: '999990044', initials: 'S.', surname: 'Visser', birthDate: '2004-03-01', insuredFrom: '2015-01-01', studentFinance: true },
  { bsn: '999990056', initials: 'P.', surname: 'Smit', birthDate: '1950-02-02', insuredFrom: '1980-01-01' },
  { bsn: '999990068', initials: 'K.', surname: 'Meijer', birthDate: '1995-07-07', insuredFrom: '2099-01-01' },
];

export interface Harness {
  db: TestDatabase;
  portal: RunningPortal;
  client: InstanceType<typeof StapPortalServiceClient>;
  persons: TestPerson[];
  stop(): Promise<void>;
}

export async function startHarness(options: { syntheticPersons?: number; admissionRate?: number; config?: Partial<PortalConfig>; db?: TestDatabase } = {}): Promise<Harness> {
  const db = options.db ?? (await createTestDatabase('stap_portal'));
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  const persons = [...FIXTURE_PERSONS, ...syntheticPersons(options.syntheticPersons ?? 20)];
  const fixture = path.join(mkdtempSync(path.join(tmpdir(), 'stap-portal-')), 'persons.json');
  writeFileSync(fixture, JSON.stringify({ persons }));
  const groupSuffix = `.test-${randomUUID().slice(0, 8)}`;
  await startGroupAtEnd(kafkaBrokers(), groupSuffix);
  const portal = await startPortal(
    {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: kafkaBrokers(),
      GRPC_PORT: 0,
      HTTP_PORT: 0,
      SHUTDOWN_TIMEOUT_MS: 5_000,
      DEV_TOKENS: [
        `${STAFF_TOKEN}=staff-1:staff:portal:tijdvak:write+portal:read`,
        `${COUNTER_TOKEN}=officer-1:staff:portal:counter`,
        `${PARTNER_TOKEN}=gemeente-1:partner:portal:status:lookup+portal:purpose:reintegration`,
        `${PROVIDER_TOKEN}=opleider-1:provider:portal:certificates:${PROVIDER_KVK}`,
      ].join(','),
      PORTAL_SECRET: SECRET,
      QUEUE_ADMISSION_RATE_PER_SECOND: options.admissionRate ?? 100_000,
      ADMISSION_VALIDITY_MS: 600_000,
      EXTERNAL_REGISTERS_ADDRESS: '',
      EXTERNAL_FIXTURE: fixture,
      DECISION_BATCH_MAX: 500,
      SCHEDULER_INTERVAL_MS: 200,
      SEED_DEMO_DATA: false,
      CONSUMER_GROUP_SUFFIX: groupSuffix,
      ...options.config,
    },
    pino({ level: (process.env['TEST_LOG_LEVEL'] ?? 'silent') as pino.Level }),
  );
  const client = new StapPortalServiceClient(`127.0.0.1:${portal.grpc.port}`, credentials.createInsecure());
  return {
    db,
    portal,
    client,
    persons,
    async stop() {
      client.close();
      await portal.stop();
      if (!options.db) await db.drop();
    },
  };
}

export function bearer(token: string): Metadata {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

export const asPerson = (bsn: string) => bearer(sessionToken(SECRET, bsn));
export const stapRef = (tijdvakId: string) => ({ regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId });
export const eur = (euros: number) => ({ amountCents: String(euros * 100), currency: 'EUR' });

function cloudEvent(type: string, data: Uint8Array, subject: string): CloudEvent {
  return {
    id: randomUUID(), source: 'urn:nld:stap:test', type, subject, time: new Date().toISOString(), dataschema: '',
    datacontenttype: 'application/protobuf', data: Buffer.from(data),
  };
}

/** provider-registry's RecognitionGranted: by default an open-ended OCW/RIO recognition (the route STAP accepts now). */
export function recognitionGrantedEvent(providerId: string, options: { recognitionId?: string; route?: RecognitionRoute; from?: string; until?: string } = {}): CloudEvent {
  return cloudEvent('nl.stap.providers.recognition_granted.v1', RecognitionGranted.encode({
    providerId, recognitionId: options.recognitionId ?? `ocw-${providerId}`, route: options.route ?? RecognitionRoute.RECOGNITION_ROUTE_OCW_RIO,
    issuingBody: 'DUO/RIO', validPeriod: { start: toDateParts(options.from ?? '2000-01-01'), end: options.until ? toDateParts(options.until) : undefined },
    grantedAt: new Date().toISOString(),
  }).finish(), providerId);
}

/**
 * Register events as the scholingsregister would publish them, for the read model, preceded by the provider's OCW/RIO
 * recognition from provider-registry (without it every application would be PROVIDER_NOT_ELIGIBLE).
 */
export function registerEvents(training: { providerId: string; trainingId: string; startMomentId: string; name: string; priceEuros: number; startDate: string; endDate: string }): CloudEvent[] {
  const now = new Date().toISOString();
  return [
    recognitionGrantedEvent(training.providerId),
    cloudEvent('nl.stap.register.training_registered.v1', Register.TrainingRegistered.encode({
      trainingId: training.trainingId, providerId: training.providerId, providerProgrammeCode: 'P1', name: training.name,
      status: TrainingStatus.TRAINING_STATUS_INCOMPLETE, registeredAt: now,
    }).finish(), training.trainingId),
    cloudEvent('nl.stap.register.start_moment_scheduled.v1', Register.StartMomentScheduled.encode({
      trainingId: training.trainingId, startMomentId: training.startMomentId, startDate: toDateParts(training.startDate), endDate: toDateParts(training.endDate),
      totalPriceInclVat: eur(training.priceEuros), locationKind: 0,
    }).finish(), training.trainingId),
    cloudEvent('nl.stap.register.training_published.v1', Register.TrainingPublished.encode({
      trainingId: training.trainingId, providerId: training.providerId, notAvailableForStap: false, publishedAt: now,
    }).finish(), training.trainingId),
  ];
}

export function providerRegisteredEvent(providerId: string, kvkNumber: string): CloudEvent {
  return cloudEvent('nl.stap.providers.provider_registered.v1', ProviderRegistered.encode({
    providerId, kvkNumber: { value: kvkNumber }, legalName: 'Test Opleidingen B.V.', communicationName: 'Test Opleidingen', registeredAt: new Date().toISOString(),
  }).finish(), providerId);
}

/** Feeds events through the consumer's own handler, in one transaction each, as the ConsumerRunner does. */
export async function feed(harness: Harness, events: CloudEvent[]): Promise<void> {
  for (const event of events) await harness.portal.context.prisma.$transaction((tx) => handleRegisterEvent(event, tx));
}

type UnaryClientMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => unknown;

export function call<Req, Res>(harness: Harness, method: UnaryClientMethod<Req, Res>, request: Req, metadata = new Metadata()): Promise<Res> {
  return callUnary(harness.client, method, request, metadata, withDeadline(30_000));
}

export async function waitForAdmission(harness: Harness, ticket: QueueTicket): Promise<QueueTicket> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const current = await call(harness, harness.client.getQueueTicket, { ticketId: ticket.ticketId, ticketSecret: ticket.ticketSecret });
    if (current.admissionToken) return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('not admitted in time');
}

/** What a person applies for online: a start moment of the register at its price. */
export interface OnlineApplicationTarget {
  tijdvakId: string;
  providerId: string;
  trainingId: string;
  startMomentId: string;
  priceEuros: number;
  contactEmail?: string;
}

/**
 * A test person applies online through the public RPCs, as the real journey goes: the provider issues the enrolment
 * certificate, the person joins the waiting room, is admitted and submits. Returns the decided application.
 */
export async function applyOnline(harness: Harness, person: TestPerson, target: OnlineApplicationTarget): Promise<Application> {
  const certificate = await call(harness, harness.client.issueEnrolmentCertificate, {
    providerId: target.providerId, trainingId: target.trainingId, startMomentId: target.startMomentId,
    holder: { initials: person.initials, surname: person.surname, birthDate: toDateParts(person.birthDate) }, amount: eur(target.priceEuros),
  }, bearer(PROVIDER_TOKEN));
  const ticket = await call(harness, harness.client.joinQueue, { tijdvak: stapRef(target.tijdvakId) }, asPerson(person.bsn));
  const admitted = await waitForAdmission(harness, ticket);
  return call(harness, harness.client.submitApplication, {
    tijdvak: stapRef(target.tijdvakId), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: admitted.admissionToken,
    enrolmentCertificateNumber: certificate.number, applicantBsn: undefined, contactEmail: target.contactEmail ?? '', declaredTruthful: true,
  }, asPerson(person.bsn));
}

/** The rich error (code, field violations, reason) of a call that must fail; a call that succeeds fails the test. */
export async function grpcError(promise: Promise<unknown>): Promise<ReturnType<typeof decodeRichError>> {
  try {
    await promise;
  } catch (error) {
    return decodeRichError(error as ServiceError);
  }
  throw new Error('expected the call to fail');
}
