// Benchmark: the provider registry on the real database, over real gRPC, on a throwaway database seeded with the demo
// population (1,500 providers, 300 adviser organisations). Prints its figures; asserts nothing about speed.
//   1. seeding: the demo population in bulk (rows + audit + outbox events).
//   2. registration throughput: RegisterProvider calls (validation, row, audit record and outbox event per call).
//   3. eligibility look-ups: CheckProviderEligibility for random demo providers on random dates in 2022-2023.
// Sizes: REGISTRY_BENCH_REGISTRATIONS (default 2,000), REGISTRY_BENCH_SECONDS (default 15), REGISTRY_BENCH_CONCURRENCY (32).
import path from 'node:path';
import { credentials, Metadata } from '@grpc/grpc-js';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { ProviderRegistryServiceClient } from '@stap/contracts/stap/providers/v1/providers';
import { bearerTokenAuthenticator, callUnary, parseTokenTable, startGrpcServer } from '@stap/platform/grpc';
import { createLogger } from '@stap/platform/logging';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase } from '@stap/platform/testing/infrastructure';
import { addDays } from '@stap/regelingen';
import { generatePopulation, prng } from '../src/demo/generator';
import { seedPopulation } from '../src/demo/seed';
import { createPrismaClient } from '../src/infrastructure/prisma/client';
import { parseRouteTable } from '../src/transport/auth/actor';
import { providerRegistryService } from '../src/transport/grpc/provider-registry.grpc';

const REGISTRATIONS = Number(process.env.REGISTRY_BENCH_REGISTRATIONS ?? 2_000);
const SECONDS = Number(process.env.REGISTRY_BENCH_SECONDS ?? 15);
const CONCURRENCY = Number(process.env.REGISTRY_BENCH_CONCURRENCY ?? 32);
const TOKEN = 'bench-staff';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function pool<T>(count: number, worker: (index: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) await worker(next++);
  }));
}

async function main(): Promise<void> {
  const db = await createTestDatabase('bench_registry');
  const prisma = createPrismaClient(db.url);
  const logger = createLogger({ service: 'registry-bench', level: 'silent' });
  try {
    await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
    const population = generatePopulation();
    let started = performance.now();
    await seedPopulation(prisma, population);
    const seedMs = performance.now() - started;
    const outboxRows = await prisma.outboxEvent.count();
    console.log(`seed: ${population.providers.length} providers + ${population.adviserOrganisations.length} adviser organisations, ${outboxRows} events, in ${(seedMs / 1000).toFixed(2)} s`);

    const kit = { logger, authenticate: bearerTokenAuthenticator(parseTokenTable(`${TOKEN}=bench:staff:providers:read+providers:write`)) };
    const server = await startGrpcServer({ services: [providerRegistryService(kit, { prisma, recognisingBodyRoutes: parseRouteTable('') })] }, 0);
    const client = new ProviderRegistryServiceClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${TOKEN}`);

    started = performance.now();
    await pool(REGISTRATIONS, (i) =>
      callUnary(client, client.registerProvider, {
        kvkNumber: { value: String(80_000_000 + i) },
        legalName: `Benchmark Opleidingen ${i} B.V.`,
        communicationName: '',
        contact: { email: `info${i}@bench.example`, phone: '', website: '' },
        address: { street: 'Kerkstraat', houseNumber: 1 + (i % 200), houseNumberAddition: '', postalCode: '3511 AB', city: 'Utrecht' },
      }, metadata),
    );
    const registerSeconds = (performance.now() - started) / 1000;
    console.log(`registration: ${REGISTRATIONS} RegisterProvider calls (concurrency ${CONCURRENCY}) in ${registerSeconds.toFixed(2)} s = ${(REGISTRATIONS / registerSeconds).toFixed(0)} registrations/s`);

    const kvks = population.providers.map((p) => p.kvkNumber);
    const random = prng(7);
    const latencies: number[] = [];
    let eligible = 0;
    const until = performance.now() + SECONDS * 1000;
    started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const [year, month, day] = addDays('2022-01-01', Math.floor(random() * 730)).split('-').map(Number);
        const t0 = performance.now();
        const answer = await callUnary(client, client.checkProviderEligibility, {
          identifier: { $case: 'kvkNumber', value: { value: kvks[Math.floor(random() * kvks.length)] } },
          regelingCode: RegelingCode.REGELING_CODE_STAP,
          onDate: { year, month, day },
        }, metadata);
        latencies.push(performance.now() - t0);
        if (answer.eligible) eligible += 1;
      }
    }));
    const lookupSeconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `eligibility: ${latencies.length} CheckProviderEligibility calls in ${lookupSeconds.toFixed(1)} s = ${(latencies.length / lookupSeconds).toFixed(0)} look-ups/s; ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms; ${((100 * eligible) / latencies.length).toFixed(0)}% eligible`,
    );
    client.close();
    await server.shutdown(2_000);
  } finally {
    await prisma.$disconnect();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
