// Test fixture: a fresh, migrated database on the real PostgreSQL server, its Prisma client, and helpers to make a
// provider known to the register the way production does (through the effects of provider events).
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { createPrismaClient, type PrismaClient } from '../src/infrastructure/prisma/client';
import { applyProviderRegistered } from '../src/application/apply-provider-registered';
import { applyProviderFact } from '../src/application/apply-provider-events';
import type { Actor } from '../src/application/actor';
import type { CreateTrainingInput } from '../src/application/create-training';
import type { StartMomentInput } from '../src/domain/training';

export interface RegisterFixture {
  db: TestDatabase;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export async function registerFixture(prefix: string): Promise<RegisterFixture> {
  const db = await createTestDatabase(prefix);
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  const prisma = createPrismaClient(db.url);
  return { db, prisma, close: async () => { await prisma.$disconnect(); await db.drop(); } };
}

let kvk = 30_000_000 + Math.floor(Math.random() * 60_000_000);

/** A registered, recognised provider and an actor that logs in as it. */
export async function knownProvider(prisma: PrismaClient, name = 'Opleidingen Noord'): Promise<{ providerId: string; kvkNumber: string; actor: Actor }> {
  const providerId = randomUUID();
  const kvkNumber = String((kvk += 1));
  await prisma.$transaction(async (tx) => {
    await applyProviderRegistered(tx, { providerId, kvkNumber: { value: kvkNumber }, legalName: `${name} B.V.`, communicationName: name, registeredAt: new Date().toISOString() });
    await applyProviderFact(tx, { kind: 'recognition', providerId, recognitionId: randomUUID(), status: 'VALID' });
  });
  return { providerId, kvkNumber, actor: { subject: `provider-${kvkNumber}`, scopes: [], kvkNumber } };
}

export const reviewer: Actor = { subject: 'reviewer-1', scopes: ['register:review'] };

export function aStartMoment(code = 'SM-1', overrides: Partial<StartMomentInput> = {}): StartMomentInput {
  return {
    providerStartMomentCode: code,
    startDate: '2026-09-01',
    endDate: '2026-11-30',
    location: { kind: 'LOCATION_KIND_NETHERLANDS_ADDRESS', address: { street: 'Stationsplein', houseNumber: 12, houseNumberAddition: 'A', postalCode: '3511 ed', city: 'Utrecht' } },
    price: { courseTuitionCents: 95_000, examCents: 10_000, literatureCents: 4_500 },
    ...overrides,
  };
}

export function aTraining(providerId: string, overrides: Partial<CreateTrainingInput> = {}): CreateTrainingInput {
  return {
    providerId,
    providerProgrammeCode: `P-${randomUUID().slice(0, 8)}`,
    name: "Boekhouding voor zzp'ers",
    description: 'Praktische cursus administratie en belastingaangifte voor zelfstandigen.',
    studyLoadHours: 60,
    nlqfLevel: 'NLQF_LEVEL_4',
    eqfLevel: 'EQF_LEVEL_4',
    sector: 'SECTOR_FINANCE',
    language: 'nl',
    deliveryMode: 'DELIVERY_MODE_CLASSROOM',
    leadsToCertificate: true,
    startMoments: [aStartMoment()],
    ...overrides,
  };
}
