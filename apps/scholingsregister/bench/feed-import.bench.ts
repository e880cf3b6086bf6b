// Benchmark: import of 100,000 trainings (1,500 providers, one EDU-DEX-like feed each) with the processing report,
// into a fresh database on the real PostgreSQL. Target (DESIGN.md §7): < 60 s. Prints what it measured; asserts
// nothing about time. Run: tools/stap bench (or: tsx apps/scholingsregister/bench/feed-import.bench.ts).
import { createPrismaClient, dropDatabase, freshDatabase, importAll, seedProviders } from './bench-data';

const DATABASE = 'bench_sr_feed_import';
const CONCURRENCY = Number(process.env.BENCH_FEED_CONCURRENCY ?? 3);
/** BENCH_KEEP_DATABASE=true leaves the loaded database for the search benchmark (BENCH_REUSE_DATABASE=bench_sr_feed_import). */
const KEEP = process.env.BENCH_KEEP_DATABASE === 'true';

/** What a re-import must not change: versions, start moments, history; and the outbox, which grows by 2 per feed. */
async function changeMarks(prisma: ReturnType<typeof createPrismaClient>) {
  const [row] = await prisma.$queryRaw<{ versions: bigint; start_moments: bigint; history: bigint; outbox: bigint }[]>`
    SELECT (SELECT sum(version) FROM training) AS versions, (SELECT count(*) FROM start_moment) AS start_moments,
           (SELECT count(*) FROM training_history) AS history, (SELECT count(*) FROM outbox_event) AS outbox`;
  return { versions: Number(row.versions), startMoments: Number(row.start_moments), history: Number(row.history), outbox: Number(row.outbox) };
}

async function main(): Promise<void> {
  const url = await freshDatabase(DATABASE);
  const prisma = createPrismaClient(url);
  try {
    await seedProviders(prisma);
    const first = await importAll(prisma, CONCURRENCY);
    const [counts] = await prisma.$queryRaw<{ trainings: bigint; start_moments: bigint; outbox: bigint; rows: bigint }[]>`
      SELECT (SELECT count(*) FROM training) AS trainings, (SELECT count(*) FROM start_moment) AS start_moments,
             (SELECT count(*) FROM outbox_event) AS outbox, (SELECT count(*) FROM feed_report_row) AS rows`;
    console.log(`[bench] scholingsregister feed import: ${first.applied} trainings from ${first.feeds} feeds in ${first.seconds.toFixed(1)} s ` +
      `(${Math.round(first.applied / first.seconds)} trainings/s; target < 60 s), concurrency ${CONCURRENCY}, ${first.reportRows} report rows`);
    console.log(`[bench]   stored: ${counts.trainings} trainings, ${counts.start_moments} start moments, ${counts.outbox} outbox events, ${counts.rows} processing report rows (${first.failed} items failed)`);
    const before = await changeMarks(prisma);
    const again = await importAll(prisma, CONCURRENCY, 'bench-2');
    const after = await changeMarks(prisma);
    const changes = after.versions - before.versions + (after.startMoments - before.startMoments) + (after.history - before.history);
    console.log(`[bench]   re-import of the same 1,500 feeds (new references): ${again.trainings} trainings in ${again.seconds.toFixed(1)} s, ${again.reportRows} report rows, ` +
      `${again.applied} items applied, changes ${changes} (version bumps + new start moments + new history rows; 0 expected), ` +
      `${after.outbox - before.outbox} new outbox events (2 per feed expected: received + processed)`);
  } finally {
    await prisma.$disconnect();
    if (!KEEP) await dropDatabase(DATABASE);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
