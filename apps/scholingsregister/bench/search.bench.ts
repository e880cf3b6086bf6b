// Benchmark: search latency at 200 requests per second over 100,000 trainings, through the public HTTP API of the
// real service process (src/main.ts) on the real PostgreSQL. Open loop: requests leave on a fixed schedule whether
// or not earlier ones returned, so a slow server shows as latency, not as a lower rate. Mix of Dutch full-text
// queries and filters. Target (DESIGN.md §7): p95 < 50 ms. Prints what it measured; asserts nothing about time.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
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

/**
 * The mix for the cached run: a pool of distinct searches (every sample word alone, with each place, with each
 * sector, by start date and by price, pages 1-3; the filter-only searches per sector, level pair, postcode area and
 * price ceiling), ranked in a fixed shuffled order, and each request drawn with Zipf popularity (s = 1): the k-th
 * search is asked 1/k as often as the first, a long tail of rarely repeated searches, as public search logs show.
 * It is not tuned to the cache: the pool and exponent are fixed, not chosen from measured hit ratios.
 */
const ZIPF_EXPONENT = 1;
function zipfPool(): string[] {
  const pool: string[] = [];
  const add = (entries: Record<string, string>) => pool.push(new URLSearchParams(entries).toString());
  for (const q of SAMPLE_QUERIES) {
    for (const page of ['1', '2', '3']) {
      const pageSize = String(20 * Number(page)); // deeper pages as larger page sizes: tokens differ per run
      add({ q, pageSize });
      add({ q, sort: 'START_DATE', pageSize });
      add({ q, sort: 'PRICE_ASCENDING', pageSize });
      for (const city of SAMPLE_CITIES) add({ q, city, pageSize });
      for (const sector of SECTORS) add({ q, sector, pageSize });
      add({ q, startFrom: '2026-03-01', startTo: '2026-05-31', deliveryMode: 'DELIVERY_MODE_CLASSROOM', pageSize });
      add({ q, applyable: 'true', pageSize });
    }
  }
  for (const sector of SECTORS) {
    for (const levels of ['NLQF_LEVEL_2,NLQF_LEVEL_3', 'NLQF_LEVEL_4,NLQF_LEVEL_5', 'NLQF_LEVEL_6,NLQF_LEVEL_7']) add({ sector, nlqfLevel: levels, sort: 'PRICE_ASCENDING' });
  }
  for (const area of SAMPLE_POSTCODE_AREAS) for (const max of ['50000', '100000', '200000']) add({ postcodeArea: area, maxPriceCents: max, applyable: 'true' });
  const random = prng(7);
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool;
}
const ZIPF_POOL_SIZE = zipfPool().length;
const ZIPF_DESCRIPTION = `Zipf mix (s = ${ZIPF_EXPONENT}) over ${ZIPF_POOL_SIZE} distinct searches`;

function zipfMix(): () => string {
  const pool = zipfPool();
  const weights = pool.map((_, rank) => 1 / (rank + 1) ** ZIPF_EXPONENT);
  const cumulative: number[] = [];
  weights.reduce((sum, weight) => (cumulative.push(sum + weight), sum + weight), 0);
  const totalWeight = cumulative[cumulative.length - 1];
  const random = prng(11);
  return () => {
    const target = random() * totalWeight;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return pool[low];
  };
}

/** CPU seconds a process has used (user + system), from /proc; undefined where there is no /proc. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();
function cpuMs(pid: number): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return undefined;
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU used so far by the service process and by the PostgreSQL backends serving the benchmark database. */
async function cpuSnapshot(servicePid: number, url: string, database: string): Promise<{ service: number; backends: Map<number, number> } | undefined> {
  const service = cpuMs(servicePid);
  if (service === undefined) return undefined;
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  await client.end();
  return { service, backends: new Map(rows.flatMap((row) => { const ms = cpuMs(row.pid); return ms === undefined ? [] : [[row.pid, ms] as [number, number]]; })) };
}

/**
 * Waits (at most 3 minutes) until the service uses less than 15% of a core with no search traffic: a consumer group
 * that is new to the shared broker first works through every event other test runs produced, and that is not what
 * this benchmark measures. Returns how long it waited and whether the service settled.
 */
async function settled(servicePid: number): Promise<string> {
  const started = performance.now();
  while (performance.now() - started < 180_000) {
    const before = cpuMs(servicePid);
    if (before === undefined) return 'no /proc: not waited for';
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const used = (cpuMs(servicePid) ?? before) - before;
    if (used / 2_000 < 0.15) return `settled after ${((performance.now() - started) / 1000).toFixed(0)} s`;
  }
  return 'did NOT settle within 180 s (consumers still busy)';
}

/**
 * Closed loop, one request at a time: latency without queueing, and the CPU each search costs in the service and in
 * PostgreSQL, which says how many searches per second two idle cores could carry whatever else runs on the machine.
 */
async function sequentialRun(port: number, mix: string[], servicePid: number, url: string, database: string): Promise<void> {
  const count = 300;
  // The service also polls (outbox relay, consumers, scheduler): its idle CPU is measured first and subtracted.
  const idleStart = await cpuSnapshot(servicePid, url, database);
  const idleStarted = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const idleEnd = await cpuSnapshot(servicePid, url, database);
  const idleSeconds = (performance.now() - idleStarted) / 1000;
  const before = await cpuSnapshot(servicePid, url, database);
  const started = performance.now();
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await fetch(`http://127.0.0.1:${port}/api/v1/trainings?${mix[i % mix.length]}`).then((r) => r.arrayBuffer());
    latencies.push(performance.now() - started);
  }
  const after = await cpuSnapshot(servicePid, url, database);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  let cpu = '';
  if (before && after && idleStart && idleEnd) {
    const used = (from: NonNullable<typeof before>, to: NonNullable<typeof before>) => ({
      service: to.service - from.service,
      postgres: [...to.backends].reduce((sum, [pid, ms]) => sum + ms - (from.backends.get(pid) ?? 0), 0),
    });
    const idle = used(idleStart, idleEnd);
    const busy = used(before, after);
    const service = Math.max(0, busy.service - (idle.service * seconds) / idleSeconds) / count;
    const postgres = Math.max(0, busy.postgres - (idle.postgres * seconds) / idleSeconds) / count;
    cpu = `; idle: service ${((idle.service / idleSeconds) / 10).toFixed(0)}% of a core, PostgreSQL ${((idle.postgres / idleSeconds) / 10).toFixed(0)}%` +
      `; busy: service ${((busy.service / seconds) / 10).toFixed(0)}%, PostgreSQL ${((busy.postgres / seconds) / 10).toFixed(0)}%; CPU per search beyond idle: service ${service.toFixed(1)} ms + PostgreSQL ${postgres.toFixed(1)} ms (≈ ${Math.round(2000 / (service + postgres))} searches/s on two idle cores)`;
  }
  console.log(`[bench]   sequential, ${count} searches one at a time: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms${cpu}`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** BENCH_REUSE_DATABASE names a database already loaded (e.g. left by the import benchmark): loading takes minutes. */
const REUSE = process.env.BENCH_REUSE_DATABASE;

async function loadedDatabase(): Promise<string> {
  if (REUSE) return databaseUrlFor(REUSE);
  const url = await freshDatabase(DATABASE);
  const prisma = createPrismaClient(url);
  await seedProviders(prisma);
  const load = await importAll(prisma, Number(process.env.BENCH_FEED_CONCURRENCY ?? 3));
  await prisma.$disconnect();
  console.log(`[bench] scholingsregister search: loaded ${load.applied} of ${GENERATED_TRAININGS} trainings in ${load.seconds.toFixed(1)} s`);
  return url;
}

async function main(): Promise<void> {
  const url = await loadedDatabase();
  const prisma = createPrismaClient(url);
  // A settled register: the load's ~400,000 outbox events count as relayed (otherwise the service's outbox relay
  // publishes them to Kafka during the measurement, and that, not search, takes much of the CPU), and vacuumed as
  // autovacuum would have done by then.
  const relayed = await prisma.$executeRaw`UPDATE outbox_event SET sent_at = now() WHERE sent_at IS NULL`;
  await prisma.$executeRawUnsafe('VACUUM ANALYZE');
  const [{ trainings }] = await prisma.$queryRaw<{ trainings: bigint }[]>`SELECT count(*) AS trainings FROM training`;
  await prisma.$disconnect();
  console.log(`[bench] scholingsregister search over ${trainings} trainings (${relayed} outbox events of the load marked as relayed first)`);

  // Headline: the cache switched off, so every search reaches PostgreSQL (the uniform mix above).
  await measureService(url, { SEARCH_CACHE_TTL_SECONDS: '0' }, 'WITHOUT cache (SEARCH_CACHE_TTL_SECONDS=0)', () => {
    const mix = queries();
    let i = 0;
    return () => mix[i++ % mix.length];
  }, true);
  // Separately: the cache as configured by default, under a Zipf-like popularity of many distinct searches.
  const ttl = process.env.BENCH_SEARCH_CACHE_TTL_SECONDS ?? '5';
  await measureService(url, { SEARCH_CACHE_TTL_SECONDS: ttl }, `WITH cache (TTL ${ttl} s), ${ZIPF_DESCRIPTION}`, zipfMix, false);
  if (!REUSE) await dropDatabase(DATABASE);
}

/** Starts the service with `env`, warms it up, waits until it is idle, then measures the sequential and open-loop runs. */
async function measureService(url: string, env: Record<string, string>, label: string, makeNext: () => () => string, sequential: boolean): Promise<void> {
  const port = await freePort();
  // One consumer group for every run: a new group per run would first consume the shared broker's whole history of
  // provider and portal events (every test run's) during the measurement.
  const service = startServiceProcess('scholingsregister', { DATABASE_URL: url, KAFKA_BROKERS: kafkaBrokers().join(','), GRPC_PORT: '0', HTTP_PORT: String(port), LOG_LEVEL: 'warn', CONSUMER_GROUP_SUFFIX: '.bench-search', ...env });
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 'service ready', 60_000);
    console.log(`[bench] ${label} (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    const mix = queries();
    for (const q of mix.slice(0, 60)) await fetch(`http://127.0.0.1:${port}/api/v1/trainings?${q}`).then((r) => r.arrayBuffer()); // warm-up
    console.log(`[bench]   service idle before measuring: ${await settled(service.child.pid ?? 0)}`);
    // The warm-up's answers must not be served from the cache during the measurement: wait until they expired.
    await new Promise((resolve) => setTimeout(resolve, Number(env.SEARCH_CACHE_TTL_SECONDS ?? 0) * 1000));
    if (sequential) await sequentialRun(port, mix, service.child.pid ?? 0, url, REUSE ?? DATABASE);
    const next = makeNext();
    const latencies: number[] = [];
    let errors = 0;
    let firstError = '';
    let hits = 0;
    let cacheHits = 0;
    const total = RATE * SECONDS;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i += 1) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(
        fetch(`http://127.0.0.1:${port}/api/v1/trainings?${next()}`)
          .then(async (response) => {
            const body = (await response.json()) as { totalSize?: number };
            latencies.push(performance.now() - due);
            if (response.headers.get('x-cache') === 'HIT') cacheHits += 1;
            if (!response.ok) {
              errors += 1;
              firstError ||= `HTTP ${response.status}`;
            } else hits += body.totalSize ?? 0;
          })
          .catch((error: unknown) => {
            errors += 1;
            firstError ||= String(error instanceof Error ? (error.cause ?? error.message) : error);
          }),
      );
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(`[bench]   ${total} requests in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(0)} req/s achieved, offered at ${RATE}/s), ${errors} errors${firstError ? ` (first: ${firstError})` : ''}, mean totalSize ${Math.round(hits / Math.max(1, total - errors))} (counted up to 100), cache hits ${cacheHits} (${((100 * cacheHits) / total).toFixed(1)}%)`);
    console.log(`[bench]   latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms (target p95 < 50 ms); load average after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    await service.stop();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
