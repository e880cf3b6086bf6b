// Benchmark: import of 100,000 trainings (1,500 providers, one EDU-DEX-like feed each) with the processing report,
// into a fresh database on the real PostgreSQL. Target (DESIGN.md §7): < 60 s. Prints what it measured; asserts
// nothing about time. Run: tools/stap bench (or: tsx apps/scholingsregister/bench/feed-import.bench.ts).
import { createPrismaClient, dropDatabase, freshDatabase, importAll, seedProviders } from './bench-data';

const DATABASE = 'bench_sr_feed_import';
const CONCURRENCY = Number(process.env.BENCH_FEED_CONCURRENCY ?? 3);

async function main(): Promise<void> {
  const url = await freshDatabase(DATABASE);
  const prisma = createPrismaClient(url);
  try {
    await seedProviders(prisma);
    const first = await importAll(prisma, CONCURRENCY);
    const [counts] = await prisma.$queryRaw<{ trainings: bigint; start_moments: bigint; outbox: bigint; rows: bigint }[]>`
      SELECT (SELECT count(*) FROM training) AS trainings, (SELECT count(*) FROM start_moment) AS start_moments,
             (SELECT count(*) FROM outbox_event) AS outbox, (SELECT count(*) FROM feed_report_row) AS rows`;
    console.log(`[bench] scholingsregister feed import: ${first.trainings} trainings from ${first.feeds} feeds in ${first.seconds.toFixed(1)} s ` +
      `(${Math.round(first.trainings / first.seconds)} trainings/s; target < 60 s), concurrency ${CONCURRENCY}`);
    console.log(`[bench]   stored: ${counts.trainings} trainings, ${counts.start_moments} start moments, ${counts.outbox} outbox events, ${counts.rows} processing report rows (${first.failed} items failed)`);
    const again = await importAll(prisma, CONCURRENCY, 'bench-2');
    const [after] = await prisma.$queryRaw<{ outbox: bigint }[]>`SELECT count(*) AS outbox FROM outbox_event`;
    console.log(`[bench]   re-import of the same 1,500 feeds (new references): ${again.seconds.toFixed(1)} s, ${again.trainings} items applied, ` +
      `${Number(after.outbox) - Number(counts.outbox)} new outbox events (2 per feed expected: received + processed)`);
  } finally {
    await prisma.$disconnect();
    await dropDatabase(DATABASE);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
