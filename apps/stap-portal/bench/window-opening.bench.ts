// Benchmark: a window opening. 50,000 applicants, a ceiling that covers about 40,000 of them, end to end through the
// portal's public gRPC interface against the portal running as its own process on the real PostgreSQL and Kafka:
// everyone joins the waiting room before opening, places are drawn at opening, each applicant polls their ticket
// until admitted and then submits the application. Prints decisions per second, the time to decide all 50,000, p50
// and p99 latency of SubmitApplication, and euros granted over the ceiling (must be 0). Target (DESIGN.md §7):
// >= 2,000 decisions/s. Setup that is not the window opening (trainings in the read model, certificates) is written
// straight to the database. Tunables: BENCH_APPLICANTS (50000), BENCH_CONCURRENCY (400), BENCH_ADMISSION_RATE (5000), BENCH_OPENS_IN_MS (45000),
// BENCH_PORTALS (portal processes on the one database, applicants spread over them round-robin; 1),
// BENCH_PORTAL_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the portal processes),
// BENCH_PORTAL_ENV (extra variables for the portal processes, "K=V;K2=V2", e.g. "OTEL_TRACES_SAMPLER=parentbased_traceidratio;OTEL_TRACES_SAMPLER_ARG=0.01").
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { credentials, Metadata, type CallOptions, type ServiceError } from '@grpc/grpc-js';
import { Pool } from 'pg';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { ApplicationChannel, ApplicationStatus, StapPortalServiceClient, type QueueTicket } from '@stap/contracts/stap/portal/v1/portal';
import { callUnary, withDeadline } from '@stap/platform/grpc';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, kafkaBrokers } from '@stap/platform/testing/infrastructure';
import { freePort, startServiceProcess, waitFor } from '@stap/platform/testing/service-process';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { syntheticPersons } from '../src/infrastructure/external/test-persons';
import { sessionToken } from '../src/infrastructure/security/signed-token';
import { startGroupAtEnd } from '../test/skip-history';

const APPLICANTS = Number(process.env['BENCH_APPLICANTS'] ?? 50_000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 400);
const ADMISSION_RATE = Number(process.env['BENCH_ADMISSION_RATE'] ?? 5_000);
const PORTALS = Number(process.env['BENCH_PORTALS'] ?? 1);
const COVERED = Math.round(APPLICANTS * 0.8);
const SECRET = `bench-${randomUUID()}-secret-of-enough-length`;
const STAFF = `bench-staff-${randomUUID()}`;
const TIJDVAK = 'STAP-2026-05-BENCH';
const PRICES_EUROS = [650, 800, 1_450]; // the last is capped at €1,000
const AMOUNT_CENTS = PRICES_EUROS.map((price) => Math.min(price, 1_000) * 100);
// The verleningsgrens (300 grants per training per year, libs/regelingen) applies: spread over enough trainings.
const TRAININGS = Math.ceil(APPLICANTS / 250 / PRICES_EUROS.length) * PRICES_EUROS.length;

type Method<Req, Res> = (r: Req, m: Metadata, o: Partial<CallOptions>, cb: (e: ServiceError | null, res: Res) => void) => unknown;

function bearer(token: string): Metadata {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

async function pooled<T>(count: number, concurrency: number, fn: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const index = next++;
      results[index] = await fn(index);
    }
  }));
  return results;
}

/** BENCH_PORTAL_ENV as variables. */
function portalEnvironment(): Record<string, string> {
  const pairs = (process.env['BENCH_PORTAL_ENV'] ?? '').split(';').filter((pair) => pair.includes('='));
  return Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux; 100 clock ticks per second). */
function cpuMsOfPid(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function seed(pool: Pool, persons: ReturnType<typeof syntheticPersons>): Promise<string[]> {
  const providerId = randomUUID();
  const start = addDays(amsterdamDateOf(new Date()), 42);
  await pool.query(`INSERT INTO provider (id, kvk_number, communication_name) VALUES ($1, '99887766', 'Bench Opleidingen')`, [providerId]);
  await pool.query(`INSERT INTO provider_recognition (recognition_id, provider_id, route, valid_from) VALUES ($1, $2, 'OCW_RIO', '2000-01-01')`, [`ocw-${providerId}`, providerId]);
  for (let i = 0; i < TRAININGS; i += 1) {
    await pool.query(`INSERT INTO training (id, provider_id, name, status) VALUES ($1, $2, $3, 'PUBLISHED')`, [`bench-${i}`, providerId, `Bench training ${i}`]);
    await pool.query(`INSERT INTO start_moment (id, training_id, start_date, end_date, price_cents) VALUES ($1, $2, $3, $4, $5)`, [
      `bench-${i}-1`, `bench-${i}`, start, addDays(start, 60), PRICES_EUROS[i % PRICES_EUROS.length] * 100,
    ]);
  }
  const numbers = persons.map((_, i) => `STAP-${String(i).padStart(8, '0').replace(/(\d{4})(\d{4})/, '$1-$2')}`);
  await pool.query(
    `INSERT INTO enrolment_certificate (number, provider_id, training_id, start_moment_id, holder_initials, holder_surname, holder_birth_date,
                                        amount_cents, paid_by_others_cents, valid_until)
     SELECT v.number, $1, 'bench-' || (v.i % $8), 'bench-' || (v.i % $8) || '-1', v.initials, v.surname, v.birth, (ARRAY[65000, 80000, 100000])[v.i % 3 + 1],
            (ARRAY[0, 0, 45000])[v.i % 3 + 1], $2
       FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[]) AS v(number, i, initials, surname, birth)`,
    [providerId, start, numbers, persons.map((_, i) => i), persons.map((p) => p.initials), persons.map((p) => p.surname), persons.map((p) => p.birthDate), TRAININGS],
  );
  return numbers;
}

async function main(): Promise<void> {
  const db = await createTestDatabase('bench_portal');
  const pool = new Pool({ connectionString: db.url, max: 2 });
  const persons = syntheticPersons(APPLICANTS);
  const fixture = path.join(mkdtempSync(path.join(tmpdir(), 'bench-portal-')), 'persons.json');
  writeFileSync(fixture, JSON.stringify({ persons }));
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  const certificates = await seed(pool, persons);
  const groupSuffix = `.bench-${randomUUID().slice(0, 8)}`;
  await startGroupAtEnd(kafkaBrokers(), groupSuffix);
  const portals = await Promise.all(Array.from({ length: PORTALS }, async () => {
    const grpcPort = await freePort();
    const process_ = startServiceProcess('stap-portal', {
      DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), GRPC_PORT: String(grpcPort), HTTP_PORT: '0', LOG_LEVEL: 'warn',
      DEV_TOKENS: `${STAFF}=bench:staff:portal:tijdvak:write+portal:read`, PORTAL_SECRET: SECRET, EXTERNAL_FIXTURE: fixture,
      QUEUE_ADMISSION_RATE_PER_SECOND: String(ADMISSION_RATE), CONSUMER_GROUP_SUFFIX: groupSuffix, SEED_DEMO_DATA: 'false',
      NODE_OPTIONS: process.env['BENCH_PORTAL_NODE_OPTIONS'] ?? '',
      ...portalEnvironment(),
    });
    const client = new StapPortalServiceClient(`127.0.0.1:${grpcPort}`, credentials.createInsecure(), { 'grpc.max_concurrent_streams': 1_000 });
    return { process: process_, client };
  }));
  const client = portals[0].client;
  const clientOf = (i: number) => portals[i % PORTALS].client;
  const rpc = <Req, Res>(method: Method<Req, Res>, request: Req, metadata = new Metadata(), via = client) => callUnary(via, method, request, metadata, withDeadline(60_000));
  try {
    for (const portal of portals) {
      const up = () => rpc(portal.client.listTijdvakken, { regelingCode: RegelingCode.REGELING_CODE_STAP, statuses: [], page: undefined }, new Metadata(), portal.client);
      await waitFor(() => up().then(() => true), 'portal up', 60_000).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${portal.process.output()}`);
      });
    }
    const ref = { regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId: TIJDVAK };
    const averageCents = AMOUNT_CENTS.reduce((a, b) => a + b, 0) / AMOUNT_CENTS.length;
    const ceilingCents = Math.round(COVERED * averageCents);
    const opensAt = new Date(Date.now() + Number(process.env['BENCH_OPENS_IN_MS'] ?? 45_000));
    await rpc(client.scheduleTijdvak, {
      ref, displayName: 'Benchmark', opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 30 * 86_400_000).toISOString(),
      baseBudget: { amountCents: String(ceilingCents), currency: 'EUR' }, counterReserve: { amountCents: '0', currency: 'EUR' }, counterReserveReleaseAt: undefined,
    }, bearer(STAFF));
    const sessions = persons.map((p) => bearer(sessionToken(SECRET, p.bsn)));

    let started = Date.now();
    const tickets = await pooled(APPLICANTS, CONCURRENCY, (i) => rpc(client.joinQueue, { tijdvak: ref }, sessions[i], clientOf(i)));
    const joinedBefore = tickets.filter((ticket) => new Date(ticket.joinedAt ?? 0) < opensAt).length;
    process.stdout.write(`waiting room: ${APPLICANTS} joined in ${((Date.now() - started) / 1000).toFixed(1)} s, ${joinedBefore} of them before opening\n`);
    // Who came after the opening simply queues behind in order of arrival: that is the rule, not a failure.
    await new Promise((resolve) => setTimeout(resolve, Math.max(opensAt.getTime() - Date.now(), 0)));

    const cpuBefore = { portals: portals.map((portal) => cpuMsOfPid(portal.process.child.pid)), client: process.cpuUsage() };
    // The machine is shared: the load average at the opening and at the end goes with every figure.
    const loadAtOpening = loadavg();
    const latencies: number[] = [];
    let firstSubmit = 0;
    let lastDecision = 0;
    const outcomes = { granted: 0, ceiling: 0, other: 0, errors: 0 };
    let ticketPolls = 0;
    started = Date.now();
    await pooled(APPLICANTS, CONCURRENCY, async (i) => {
      let ticket: QueueTicket = tickets[i];
      for (;;) {
        ticket = await rpc(client.getQueueTicket, { ticketId: ticket.ticketId, ticketSecret: tickets[i].ticketSecret }, new Metadata(), clientOf(i));
        ticketPolls += 1;
        if (ticket.admissionToken) break;
        const waitMs = ticket.estimatedWait ? Number(ticket.estimatedWait.seconds) * 1000 : 200;
        await new Promise((resolve) => setTimeout(resolve, Math.max(50, Math.min(waitMs, 2_000))));
      }
      const sent = Date.now();
      firstSubmit ||= sent;
      try {
        const application = await rpc(client.submitApplication, {
          tijdvak: ref, channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: ticket.admissionToken,
          enrolmentCertificateNumber: certificates[i], applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
        }, sessions[i], clientOf(i));
        if (application.status === ApplicationStatus.APPLICATION_STATUS_GRANTED) outcomes.granted += 1;
        else if (application.decision?.reasons.length === 1 && application.decision.reasons[0] === 1) outcomes.ceiling += 1;
        else outcomes.other += 1;
      } catch {
        outcomes.errors += 1;
      }
      lastDecision = Date.now();
      latencies.push(lastDecision - sent);
    });
    const seconds = (lastDecision - firstSubmit) / 1000;
    const clientCpu = process.cpuUsage(cpuBefore.client);
    const cpuPerDecision = (ms: number) => (ms / latencies.length).toFixed(2);
    const portalCpuMs = portals.reduce((total, portal, i) => total + cpuMsOfPid(portal.process.child.pid) - cpuBefore.portals[i], 0);
    const totals = (await pool.query(`SELECT ceiling_cents::bigint AS ceiling, (committed_online_cents + committed_counter_cents)::bigint AS committed FROM tijdvak WHERE id = $1`, [TIJDVAK])).rows[0];
    const granted = (await pool.query(`SELECT COALESCE(SUM(granted_cents), 0)::bigint AS sum, COUNT(*) FILTER (WHERE status = 'GRANTED') AS n FROM application WHERE tijdvak_id = $1`, [TIJDVAK])).rows[0];
    const overCents = Math.max(Number(granted.sum) - Number(totals.ceiling), 0);
    // FCFS: every grant precedes every "plafond bereikt" in receipt order (no later application overtook). That receipt
    // order follows queue position is proven by test/concurrency.integration.spec.ts; this client submits in applicant
    // order as soon as each is admitted, so its receipt order is not a measure of the queue.
    const order = (await pool.query(
      `SELECT MAX(receipt_sequence) FILTER (WHERE status = 'GRANTED') AS last_grant,
              MIN(receipt_sequence) FILTER (WHERE 'CEILING_REACHED' = ANY(reasons)) AS first_ceiling
         FROM application WHERE tijdvak_id = $1`,
      [TIJDVAK],
    )).rows[0];
    const prefix = order.first_ceiling === null || Number(order.last_grant) < Number(order.first_ceiling);
    latencies.sort((a, b) => a - b);
    process.stdout.write(
      [
        `portal processes: ${PORTALS}${process.env['BENCH_PORTAL_ENV'] ? ` with ${process.env['BENCH_PORTAL_ENV']}` : ''}; load average (1/5/15 min) at the opening ${loadAtOpening.map((l) => l.toFixed(1)).join(' ')}, at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
        `applicants: ${APPLICANTS}; ceiling €${(Number(totals.ceiling) / 100).toLocaleString('nl-NL')} (covers ~${COVERED}); concurrency ${CONCURRENCY}; admission ${ADMISSION_RATE}/s`,
        `decided: ${latencies.length} (granted ${outcomes.granted}, plafond bereikt ${outcomes.ceiling}, other rejections ${outcomes.other}, errors ${outcomes.errors})`,
        `time to decide ${latencies.length}: ${seconds.toFixed(1)} s from the first to the last SubmitApplication (admission included)`,
        `decisions/s: ${(latencies.length / seconds).toFixed(0)} (target >= 2,000)`,
        `GetQueueTicket calls per applicant (polls until admitted): ${(ticketPolls / APPLICANTS).toFixed(2)}`,
        `SubmitApplication latency: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies[latencies.length - 1]} ms`,
        `CPU per decision (opening phase): portal processes ${cpuPerDecision(portalCpuMs)} ms, benchmark client ${cpuPerDecision((clientCpu.user + clientCpu.system) / 1000)} ms (PostgreSQL and the broker not counted; everything shares ${cpus().length} cores)`,
        `FCFS: grants a prefix of receipt order (no overtaking after "plafond bereikt"): ${prefix ? 'yes' : 'NO'}`,
        `granted total €${(Number(granted.sum) / 100).toLocaleString('nl-NL')} = committed €${(Number(totals.committed) / 100).toLocaleString('nl-NL')}; euros over the ceiling: ${(overCents / 100).toFixed(2)}`,
      ].join('\n') + '\n',
    );
  } finally {
    for (const portal of portals) {
      portal.client.close();
      await portal.process.stop();
    }
    await pool.end();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`window-opening benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
