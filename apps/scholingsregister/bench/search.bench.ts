// Benchmark: search latency at 200 requests per second over 100,000 trainings, through the public HTTP API of the
// real service process (src/main.ts) on the real PostgreSQL. Open loop: requests leave on a fixed schedule whether
// or not earlier ones returned, so a slow server shows as latency, not as a lower rate. Mix of Dutch full-text
// queries and filters. Target (DESIGN.md §7): p95 < 50 ms. Prints what it measured; asserts nothing about time.
import { databaseUrlFor, kafkaBrokers } from '@stap/platform/testing/infrastructure';
import { freePort, startServiceProcess, waitFor } from '@stap/platform/testing/service-process';
import { GENERATED_TRAININGS, SAMPLE_CITIES, SAMPLE_POSTCODE_AREAS, SAMPLE_QUERIES, prng } from '../src/demo/generator';
import { createPrismaClient, dropDatabase, freshDatabase, importAll, seedProviders } from './bench-data';

const DATABASE = 'bench_sr_search';
const RATE = Number(process.env.BENCH_SEARCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 20);
const SECTORS = ['SECTOR_ICT', 'SECTOR_FINANCE', 'SECTOR_HEALTHCARE_WELFARE', 'SECTOR_CONSTRUCTION', 'SECTOR_EDUCATION'];

function queries(): string[] {
  const random = prng(99);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  return Array.from({ length: 500 }, (_, i) => {
    const p = new URLSearchParams();
    switch (i % 6) {
      case 0: p.set('q', pick(SAMPLE_QUERIES)); break;
      case 1: p.set('q', pick(SAMPLE_QUERIES)); p.set('city', pick(SAMPLE_CITIES)); break;
      case 2: p.set('sector', pick(SECTORS)); p.set('nlqfLevel', 'NLQF_LEVEL_4,NLQF_LEVEL_5'); p.set('sort', 'PRICE_ASCENDING'); break;
      case 3: p.set('postcodeArea', pick(SAMPLE_POSTCODE_AREAS)); p.set('maxPriceCents', '100000'); p.set('applyable', 'true'); break;
      case 4: p.set('q', pick(SAMPLE_QUERIES)); p.set('startFrom', '2026-03-01'); p.set('startTo', '2026-05-31'); p.set('deliveryMode', 'DELIVERY_MODE_CLASSROOM'); break;
      default: p.set('q', pick(SAMPLE_QUERIES)); p.set('sort', 'START_DATE'); p.set('pageSize', '20'); break;
    }
    return p.toString();
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** BENCH_REUSE_DATABASE names a database already loaded (e.g. left by the import benchmark): loading takes minutes. */
const REUSE = process.env.BENCH_REUSE_DATABASE;

async function loadedDatabase(): Promise<string> {
  if (REUSE) return databaseUrlFor(REUSE);
  const url = await freshDatabase(DATABASE);
  const prisma = createPrismaClient(url);
  await seedProviders(prisma);
  const load = await importAll(prisma, 3);
  await prisma.$disconnect();
  console.log(`[bench] scholingsregister search: loaded ${load.trainings} of ${GENERATED_TRAININGS} trainings in ${load.seconds.toFixed(1)} s`);
  return url;
}

async function main(): Promise<void> {
  const url = await loadedDatabase();
  const prisma = createPrismaClient(url);
  await prisma.$executeRawUnsafe('ANALYZE');
  const [{ trainings }] = await prisma.$queryRaw<{ trainings: bigint }[]>`SELECT count(*) AS trainings FROM training`;
  await prisma.$disconnect();
  console.log(`[bench] scholingsregister search over ${trainings} trainings`);

  const port = await freePort();
  const service = startServiceProcess('scholingsregister', { DATABASE_URL: url, KAFKA_BROKERS: kafkaBrokers().join(','), GRPC_PORT: '0', HTTP_PORT: String(port), LOG_LEVEL: 'warn', CONSUMER_GROUP_SUFFIX: `.bench-${Date.now()}` });
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 'service ready', 60_000);
    const mix = queries();
    for (const q of mix.slice(0, 60)) await fetch(`http://127.0.0.1:${port}/api/v1/trainings?${q}`).then((r) => r.arrayBuffer()); // warm-up
    const latencies: number[] = [];
    let errors = 0;
    let hits = 0;
    const total = RATE * SECONDS;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i += 1) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(
        fetch(`http://127.0.0.1:${port}/api/v1/trainings?${mix[i % mix.length]}`)
          .then(async (response) => {
            const body = (await response.json()) as { totalSize?: number };
            latencies.push(performance.now() - due);
            if (!response.ok) errors += 1;
            else hits += body.totalSize ?? 0;
          })
          .catch(() => void (errors += 1)),
      );
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(`[bench]   ${total} requests in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(0)} req/s offered at ${RATE}/s), ${errors} errors, mean ${Math.round(hits / Math.max(1, total - errors))} matches per query`);
    console.log(`[bench]   latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms (target p95 < 50 ms)`);
  } finally {
    await service.stop();
    if (!REUSE) await dropDatabase(DATABASE);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
