// Shared by the register's benchmarks: a migrated database on the real PostgreSQL, filled with the generated
// 100,000 trainings of 1,500 providers through the real feed import (one feed per provider), timed.
import path from 'node:path';
import { Client } from 'pg';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { databaseUrlFor, postgresUrl } from '@stap/platform/testing/infrastructure';
import { createPrismaClient, type PrismaClient } from '../src/infrastructure/prisma/client';
import { importFeed } from '../src/application/import-feed';
import { SYSTEM_ACTOR } from '../src/application/actor';
import { generatedFeed, generatedProvider, stableUuid, trainingsPerProvider, GENERATED_PROVIDERS, GENERATED_TRAININGS } from '../src/demo/generator';

export async function freshDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: postgresUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrlFor(name);
  await migrateDatabase(url, path.resolve(__dirname, '../prisma/migrations'));
  return url;
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: postgresUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

/** The 1,500 providers as the register knows them (projection + a valid recognition). */
export async function seedProviders(prisma: PrismaClient): Promise<void> {
  const providers = Array.from({ length: GENERATED_PROVIDERS }, (_, index) => generatedProvider(index));
  await prisma.providerProjection.createMany({ data: providers.map((p) => ({ providerId: p.providerId, kvkNumber: p.kvkNumber, legalName: `${p.name} B.V.`, communicationName: p.name, registeredAt: new Date('2026-01-01T00:00:00Z') })) });
  await prisma.providerRecognition.createMany({ data: providers.map((p, index) => ({ recognitionId: stableUuid(2, index + 1), providerId: p.providerId, status: 'VALID' })) });
}

export interface ImportFigures {
  seconds: number;
  feeds: number;
  /** Items applied (created or changed). */
  applied: number;
  /** Items in the feeds. */
  trainings: number;
  failed: number;
  reportRows: number;
}

/** Imports every provider's generated feed, `concurrency` feeds at a time. */
export async function importAll(prisma: PrismaClient, concurrency: number, reference = 'bench-1'): Promise<ImportFigures> {
  const counts = trainingsPerProvider(GENERATED_PROVIDERS, GENERATED_TRAININGS);
  let next = 0;
  const figures = { trainings: 0, applied: 0, failed: 0, reportRows: 0 };
  const started = process.hrtime.bigint();
  const worker = async () => {
    for (let index = next++; index < GENERATED_PROVIDERS; index = next++) {
      const summary = await importFeed(prisma, SYSTEM_ACTOR, generatedFeed(index, counts[index], reference));
      figures.trainings += summary.itemCount;
      figures.applied += summary.appliedCount;
      figures.failed += summary.failedCount;
      figures.reportRows += summary.infoRowCount + summary.errorRowCount;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, feeds: GENERATED_PROVIDERS, ...figures };
}

export { createPrismaClient };
