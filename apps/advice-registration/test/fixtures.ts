// Test fixtures: a freshly migrated database of this service on the real PostgreSQL, a settable clock, and
// advisers fed into the projection through the same consumer code path as provider-registry's Kafka events.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AdviserOrganisationRegistered, CareerAdviserRegistered } from '@stap/contracts/stap/providers/events/v1/events';
import { EducationLevel, Sector } from '@stap/contracts/stap/common/v1/common';
import { EmploymentStatus } from '@stap/contracts/stap/advice/v1/advice';
import type { CloudEvent } from '@stap/platform/kafka';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { amsterdamToInstant } from '@stap/regelingen';
import type { UseCaseContext } from '../src/application/context';
import type { Actor } from '../src/domain/actor';
import type { RegistrationInput } from '../src/domain/registration';
import { createPrismaClient, type PrismaClient } from '../src/infrastructure/prisma/client';
import { EVENT_TYPES, handleEvent } from '../src/transport/events/consumers';

export const MIGRATIONS = path.resolve(__dirname, '../prisma/migrations');

export interface TestService {
  db: TestDatabase;
  prisma: PrismaClient;
  ctx: UseCaseContext & { suppressionThreshold: number };
  /** Sets the service's clock to an Amsterdam wall-clock time, e.g. "2020-08-03T10:00". */
  setAmsterdamTime(local: string): void;
  close(): Promise<void>;
}

export async function startTestService(prefix: string, maxConnections = 10): Promise<TestService> {
  const db = await createTestDatabase(prefix);
  await migrateDatabase(db.url, MIGRATIONS);
  const prisma = createPrismaClient(db.url, maxConnections);
  let now = new Date();
  return {
    db,
    prisma,
    ctx: { prisma, clock: () => now, suppressionThreshold: 10 },
    // "YYYY-MM-DDTHH:mm[:ss]": the library parses minutes; seconds are added to the instant.
    setAmsterdamTime: (local) => void (now = new Date(amsterdamToInstant(local.slice(0, 16)).getTime() + Number(local.slice(17, 19) || 0) * 1000)),
    close: async () => {
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

/** A CloudEvent as the ConsumerRunner hands it to the handler. */
export function cloudEvent(type: string, data: Uint8Array, subject: string): CloudEvent {
  return {
    id: randomUUID(),
    source: 'urn:nld:stap:provider-registry',
    type,
    subject,
    time: new Date().toISOString(),
    dataschema: '',
    datacontenttype: 'application/protobuf',
    data: Buffer.from(data),
  };
}

let kvkSequence = 30_000_000 + Math.floor(Math.random() * 60_000_000);

export interface TestAdviser {
  organisationId: string;
  kvkNumber: string;
  careerAdviserId: string;
  actor: Actor;
}

export function adviserOrganisationEvent(organisationId: string, kvkNumber: string) {
  return AdviserOrganisationRegistered.encode({
    adviserOrganisationId: organisationId,
    kvkNumber: { value: kvkNumber },
    legalName: `Loopbaanadvies ${kvkNumber} B.V.`,
    communicationName: `Loopbaanadvies ${kvkNumber}`,
    registeredAt: '2020-06-01T08:00:00.000Z',
  }).finish();
}

export function careerAdviserEvent(careerAdviserId: string, organisationId: string, name = 'A. Adviseur') {
  return CareerAdviserRegistered.encode({
    careerAdviserId,
    adviserOrganisationId: organisationId,
    name,
    register: 0,
    registrationNumber: 'NOLOC-1234',
    hboLevel: true,
    yearsOfExperience: 5,
    activePeriod: { start: { year: 2018, month: 1, day: 1 }, end: undefined },
    registeredAt: '2020-06-01T08:00:00.000Z',
  }).finish();
}

/** An adviser organisation with its career advisers, applied through the consumer's handler. */
export async function givenAdviserOrganisation(prisma: PrismaClient, advisers = 1): Promise<TestAdviser[]> {
  const organisationId = randomUUID();
  const kvkNumber = String((kvkSequence += 1));
  const careerAdviserIds = Array.from({ length: advisers }, () => randomUUID());
  await prisma.$transaction(async (tx) => {
    await handleEvent(cloudEvent(EVENT_TYPES.adviserOrganisationRegistered, adviserOrganisationEvent(organisationId, kvkNumber), organisationId), tx);
    for (const id of careerAdviserIds) await handleEvent(cloudEvent(EVENT_TYPES.careerAdviserRegistered, careerAdviserEvent(id, organisationId), id), tx);
  });
  const actor: Actor = { subject: `adviser-${kvkNumber}`, kind: 'adviser', scopes: [], kvkNumber };
  return careerAdviserIds.map((careerAdviserId) => ({ organisationId, kvkNumber, careerAdviserId, actor }));
}

export async function givenAdviser(prisma: PrismaClient): Promise<TestAdviser> {
  const [adviser] = await givenAdviserOrganisation(prisma);
  if (!adviser) throw new Error('no adviser created');
  return adviser;
}

let bsnSequence = 10_000_000 + Math.floor(Math.random() * 80_000_000);

/** A fresh BSN that passes the elfproef (weights 9..2 and -1). */
export function nextBsn(): string {
  for (;;) {
    const body = String((bsnSequence += 1)).padStart(8, '0');
    const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (9 - index), 0);
    const check = sum % 11;
    if (check < 10) return body + String(check);
  }
}

export const OFFICER: Actor = { subject: 'officer-1', kind: 'staff', scopes: ['advice:read', 'advice:reports'] };

export function registration(adviser: TestAdviser, overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    tijdvakId: 'NLLD_ONTWIKKELADVIES-2020-08',
    regeling: '',
    careerAdviserId: adviser.careerAdviserId,
    participantBsn: nextBsn(),
    participantBirthDate: '1975-04-12',
    educationLevel: EducationLevel.EDUCATION_LEVEL_MBO_4,
    sector: Sector.SECTOR_HOSPITALITY_RECREATION,
    employmentStatus: EmploymentStatus.EMPLOYMENT_STATUS_EMPLOYED_FLEXIBLE,
    plannedStartDate: '2020-08-20',
    dutchLabourMarketTie: true,
    ...overrides,
  };
}

/** The reason of a rejected promise, for assertions on ApplicationError kind/reason. */
export async function failureOf(promise: Promise<unknown>): Promise<{ kind?: string; reason?: string; violations?: { field: string }[]; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { kind?: string; reason?: string; violations?: { field: string }[]; message: string };
  }
  throw new Error('expected the call to fail, it succeeded');
}
