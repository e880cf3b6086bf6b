// The demo data loads into an empty database once, with events in the outbox, and is consistent with the rules.
import path from 'node:path';
import { createLogger } from '@stap/platform/logging';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { checkProviderEligibility } from '../src/application/check-eligibility';
import { seedDemoDataIfEmpty } from '../src/demo/seed';
import { createPrismaClient, type PrismaClient } from '../src/infrastructure/prisma/client';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase('registry_seed');
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  prisma = createPrismaClient(db.url);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

test('1,500 providers and 300 adviser organisations, loaded once, with their events', async () => {
  const logger = createLogger({ service: 'seed-test', level: 'silent' });
  await seedDemoDataIfEmpty(prisma, logger);
  await seedDemoDataIfEmpty(prisma, logger);
  expect(await prisma.provider.count()).toBe(1_500);
  expect(await prisma.adviserOrganisation.count()).toBe(300);
  expect(await prisma.bankAccount.count()).toBe(1_800);
  expect(await prisma.outboxEvent.count({ where: { type: 'nl.stap.providers.provider_registered.v1' } })).toBe(1_500);
  expect(await prisma.outboxEvent.count({ where: { type: 'nl.stap.providers.recognition_granted.v1' } })).toBe(await prisma.recognition.count());

  const first = await prisma.provider.findUniqueOrThrow({ where: { kvkNumber: '30000000' }, include: { recognitions: true } });
  const staff = { subject: 's', kind: 'staff' as const, scopes: ['providers:read'] };
  const answer = await checkProviderEligibility(prisma, { key: { kvkNumber: '30000000' }, regeling: 'STAP', date: '2022-06-01' }, staff);
  expect(answer.providerId).toBe(first.id);
  expect(answer.reasons.length).toBeGreaterThan(0);
});
