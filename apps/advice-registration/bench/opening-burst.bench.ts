// Benchmark: the opening burst of NL Leert Door's first tranche. 1,000 career advisers (100 organisations) send
// 30,000 registrations at once against the cap of 22,000 (DOMAIN.md §2.3: the 22,000 places went within a month;
// here they go at once). Runs the real registration use case on the real PostgreSQL with CONCURRENCY requests in
// flight; prints throughput and latency, and whether exactly 22,000 were accepted (it must be: the cap is an atomic
// conditional UPDATE). Asserts nothing about speed. Run: `tools/stap bench opening-burst`.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { EducationLevel, Sector } from '@stap/contracts/stap/common/v1/common';
import { EmploymentStatus } from '@stap/contracts/stap/advice/v1/advice';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase } from '@stap/platform/testing/infrastructure';
import { amsterdamToInstant } from '@stap/regelingen';
import { registerTrajectory } from '../src/application/register-trajectory';
import type { Actor } from '../src/domain/actor';
import { createPrismaClient } from '../src/infrastructure/prisma/client';
import path from 'node:path';

const REGISTRATIONS = Number(process.env.BURST_REGISTRATIONS ?? 30_000);
const ADVISERS = 1_000;
const ORGANISATIONS = 100;
const CONCURRENCY = Number(process.env.BURST_CONCURRENCY ?? 64);
const TRANCHE = 'NLLD_ONTWIKKELADVIES-2020-08';
const CAP = 22_000;

function bsn(n: number): string {
  for (let candidate = 100_000_000 + n * 10; ; candidate += 1) {
    const body = String(candidate).slice(1);
    const check = [...body].reduce((sum, digit, index) => sum + Number(digit) * (9 - index), 0) % 11;
    if (check < 10) return body + String(check);
  }
}

async function main(): Promise<void> {
  const db = await createTestDatabase('advice_burst');
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  const prisma = createPrismaClient(db.url, 20);
  try {
    const organisations = Array.from({ length: ORGANISATIONS }, (_, i) => ({ id: randomUUID(), kvkNumber: String(50_000_000 + i) }));
    await prisma.adviserOrganisation.createMany({
      data: organisations.map((o) => ({ ...o, legalName: `Advies ${o.kvkNumber} B.V.`, communicationName: `Advies ${o.kvkNumber}`, registeredAt: new Date('2020-06-01') })),
    });
    const advisers = Array.from({ length: ADVISERS }, (_, i) => ({ id: randomUUID(), organisation: organisations[i % ORGANISATIONS] ?? organisations[0] }));
    await prisma.careerAdviser.createMany({
      data: advisers.map((a) => ({ id: a.id, adviserOrganisationId: a.organisation?.id ?? '', name: 'Adviseur', hboLevel: true, yearsOfExperience: 5, registeredAt: new Date('2020-06-01') })),
    });
    const actors = new Map(organisations.map((o) => [o.id, { subject: `org-${o.kvkNumber}`, kind: 'adviser', scopes: [], kvkNumber: o.kvkNumber } satisfies Actor]));
    const opening = amsterdamToInstant('2020-08-01T09:00');
    const ctx = { prisma, clock: () => new Date(opening.getTime() + (Date.now() - started)) };
    const outcomes: Record<string, number> = {};
    const latencies: number[] = [];
    let next = 0;
    let started = Date.now();

    const worker = async () => {
      for (let n = next++; n < REGISTRATIONS; n = next++) {
        const adviser = advisers[n % ADVISERS];
        if (!adviser?.organisation) continue;
        const t0 = performance.now();
        try {
          await registerTrajectory(
            ctx,
            {
              tijdvakId: TRANCHE,
              regeling: 'NLLD_ONTWIKKELADVIES',
              careerAdviserId: adviser.id,
              participantBsn: bsn(n + 1),
              participantBirthDate: `${1960 + (n % 40)}-03-15`,
              educationLevel: EducationLevel.EDUCATION_LEVEL_MBO_2,
              sector: Sector.SECTOR_HOSPITALITY_RECREATION,
              employmentStatus: EmploymentStatus.EMPLOYMENT_STATUS_EMPLOYED_FLEXIBLE,
              plannedStartDate: '2020-08-20',
              dutchLabourMarketTie: true,
            },
            actors.get(adviser.organisation.id) as Actor,
          );
          outcomes.ACCEPTED = (outcomes.ACCEPTED ?? 0) + 1;
        } catch (error) {
          const reason = (error as { reason?: string; kind?: string }).reason ?? (error as { kind?: string }).kind ?? String(error);
          outcomes[reason] = (outcomes[reason] ?? 0) + 1;
        }
        latencies.push(performance.now() - t0);
      }
    };
    started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;

    const stored = await prisma.trajectory.count({ where: { tijdvakId: TRANCHE } });
    const counter = await prisma.trancheCounter.findUniqueOrThrow({ where: { tijdvakId: TRANCHE } });
    const capEvents = await prisma.outboxEvent.count({ where: { type: 'nl.stap.advice.tranche_cap_reached.v1' } });
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1);
    const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(38)} ${value}\n`);
    line('registrations sent', `${REGISTRATIONS.toLocaleString('en')} from ${ADVISERS} advisers, ${CONCURRENCY} in flight`);
    line('outcomes', JSON.stringify(outcomes));
    line('accepted (stored rows / counter)', `${stored.toLocaleString('en')} / ${counter.registered.toLocaleString('en')} against a cap of ${CAP.toLocaleString('en')} ${stored === CAP && counter.registered === CAP ? '(exact)' : '(WRONG)'}`);
    line('TrancheCapReached events', String(capEvents));
    line('wall time', `${seconds.toFixed(1)} s`);
    line('throughput, all decisions', `${Math.round(REGISTRATIONS / seconds).toLocaleString('en')} per second`);
    line('latency p50 / p95 / p99', `${pct(50)} / ${pct(95)} / ${pct(99)} ms`);
    if (stored !== CAP || counter.registered !== CAP || capEvents !== 1) process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  pino().error({ err: error }, 'opening-burst benchmark failed');
  process.exit(1);
});
