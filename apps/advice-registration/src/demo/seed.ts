// Deterministic demo data for `tools/stap up` (SEED_DEMO_DATA=true, empty database): two adviser organisations
// with their career advisers (as provider-registry's events would announce them), and a replay of the NL Leert Door
// second tranche at its own dates through the real use cases: registrations, completions, cancellations and two
// bundled claims, one with rejected lines. The reconciliation of NLLD_ONTWIKKELADVIES-2020-12 then adds up to the
// cent (no payment has been executed yet: "paid" stays 0 until payment reports PaymentExecuted).
import { EducationLevel, Sector } from '@stap/contracts/stap/common/v1/common';
import { EmploymentStatus, NextStep } from '@stap/contracts/stap/advice/v1/advice';
import { amsterdamToInstant } from '@stap/regelingen';
import type { Logger } from 'pino';
import type { UseCaseContext } from '../application/context';
import { registerTrajectory } from '../application/register-trajectory';
import { submitClaim } from '../application/submit-claim';
import { cancelTrajectory, completeTrajectory } from '../application/trajectories';
import type { Actor } from '../domain/actor';
import type { PrismaClient, TrajectoryRow } from '../infrastructure/prisma/client';

export const DEMO_TRANCHE = 'NLLD_ONTWIKKELADVIES-2020-12';

/** KvK numbers of the demo organisations; tools/run/services.ts has a dev token for each (dev-adviseur-1/-2). */
export const DEMO_ORGANISATIONS = [
  { id: '7a3f1c2e-0001-4000-8000-000000000001', kvkNumber: '90000001', name: 'Loopbaanpraktijk De Koers' },
  { id: '7a3f1c2e-0002-4000-8000-000000000002', kvkNumber: '90000002', name: 'Werkwijzer Advies' },
] as const;

const ADVISER_NAMES = ['J. de Vries', 'F. El Amrani', 'M. Jansen', 'S. Bakker', 'R. Visser', 'T. Smit'];

const SECTORS = [Sector.SECTOR_HOSPITALITY_RECREATION, Sector.SECTOR_RETAIL_WHOLESALE, Sector.SECTOR_HEALTHCARE_WELFARE, Sector.SECTOR_LOGISTICS_TRANSPORT];
const LEVELS = [EducationLevel.EDUCATION_LEVEL_VMBO, EducationLevel.EDUCATION_LEVEL_MBO_2, EducationLevel.EDUCATION_LEVEL_MBO_4, EducationLevel.EDUCATION_LEVEL_HBO];
const STATUSES = [
  EmploymentStatus.EMPLOYMENT_STATUS_EMPLOYED_FLEXIBLE,
  EmploymentStatus.EMPLOYMENT_STATUS_WITHOUT_WORK,
  EmploymentStatus.EMPLOYMENT_STATUS_SELF_EMPLOYED,
  EmploymentStatus.EMPLOYMENT_STATUS_EMPLOYED_PERMANENT,
];

const adviserId = (org: number, n: number) => `7a3f1c2e-1${org}0${n}-4000-8000-0000000000${org}${n}`;

/** The n-th demo BSN: 8 digits from a fixed start plus the elfproef check digit. */
export function demoBsn(n: number): string {
  for (let candidate = 20_000_000 + n * 11; ; candidate += 1) {
    const body = String(candidate);
    const check = [...body].reduce((sum, digit, index) => sum + Number(digit) * (9 - index), 0) % 11;
    if (check < 10) return body + String(check);
  }
}

async function seedAdvisers(prisma: PrismaClient): Promise<void> {
  for (const [o, org] of DEMO_ORGANISATIONS.entries()) {
    await prisma.adviserOrganisation.create({
      data: { id: org.id, kvkNumber: org.kvkNumber, legalName: `${org.name} B.V.`, communicationName: org.name, registeredAt: new Date('2020-06-01T08:00:00Z') },
    });
    for (let n = 1; n <= 3; n += 1) {
      await prisma.careerAdviser.create({
        data: {
          id: adviserId(o + 1, n),
          adviserOrganisationId: org.id,
          name: ADVISER_NAMES[o * 3 + n - 1] ?? 'Adviseur',
          hboLevel: true,
          yearsOfExperience: 3 + n,
          activeFrom: new Date('2018-01-01T00:00:00Z'),
          registeredAt: new Date('2020-06-01T08:00:00Z'),
        },
      });
    }
  }
}

export async function seedDemoData(prisma: PrismaClient, logger: Logger): Promise<boolean> {
  if ((await prisma.trajectory.count()) > 0 || (await prisma.adviserOrganisation.count()) > 0) return false;
  await seedAdvisers(prisma);
  let now = amsterdamToInstant('2020-12-07T09:00');
  const ctx: UseCaseContext = { prisma, clock: () => now };
  const actors: Actor[] = DEMO_ORGANISATIONS.map((org, o) => ({ subject: `demo-adviseur-${o + 1}`, kind: 'adviser', scopes: [], kvkNumber: org.kvkNumber }));
  const registered: { row: TrajectoryRow; org: number }[] = [];
  for (let n = 0; n < 60; n += 1) {
    const org = n % 2;
    const row = await registerTrajectory(
      ctx,
      {
        tijdvakId: DEMO_TRANCHE,
        regeling: 'NLLD_ONTWIKKELADVIES',
        careerAdviserId: adviserId(org + 1, (n % 3) + 1),
        participantBsn: demoBsn(n),
        participantBirthDate: `${1962 + (n % 38)}-0${(n % 9) + 1}-1${n % 10}`,
        educationLevel: LEVELS[n % LEVELS.length] ?? EducationLevel.EDUCATION_LEVEL_MBO_2,
        sector: SECTORS[n % SECTORS.length] ?? Sector.SECTOR_OTHER,
        employmentStatus: STATUSES[n % STATUSES.length] ?? EmploymentStatus.EMPLOYMENT_STATUS_WITHOUT_WORK,
        plannedStartDate: '2021-01-11',
        dutchLabourMarketTie: true,
      },
      actors[org] as Actor,
    );
    registered.push({ row, org });
  }
  now = amsterdamToInstant('2021-03-15T10:00');
  for (const [n, { row, org }] of registered.entries()) {
    const actor = actors[org] as Actor;
    if (n % 10 === 9) await cancelTrajectory(ctx, row.id, 'deelnemer ziet af van het traject', actor);
    else if (n < 44) {
      await completeTrajectory(
        ctx,
        { trajectoryId: row.id, expectedVersion: row.version, completedOn: '2021-03-01', labourMarketScanDone: true, developmentPlanDelivered: true, nextStep: (n % 6) + 1 || NextStep.NEXT_STEP_OTHER },
        actor,
      );
    }
  }
  now = amsterdamToInstant('2021-04-01T10:00');
  for (const [o, org] of DEMO_ORGANISATIONS.entries()) {
    // Each organisation claims its first completed trajectories plus one still open: that line is rejected.
    const own = registered.filter((entry) => entry.org === o);
    const ids = [...own.slice(0, 16).filter((_, i) => (i * 2 + o) % 10 !== 9).map((entry) => entry.row.id), own[25]?.row.id].filter((id): id is string => !!id);
    await submitClaim(ctx, { adviserOrganisationId: org.id, tijdvakId: DEMO_TRANCHE, trajectoryIds: ids }, actors[o] as Actor);
  }
  logger.info({ trajectories: registered.length, tranche: DEMO_TRANCHE }, 'demo data loaded');
  return true;
}
