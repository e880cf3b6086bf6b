// Registration against the real PostgreSQL: the tranche cap at its boundaries and under concurrency, the
// per-adviser daily limit (25th and 26th), one trajectory per person per tranche, the scheme conditions, and the
// tranche closing and reopening by itself.
import { EducationLevel } from '@stap/contracts/stap/common/v1/common';
import { registerTrajectory } from '../src/application/register-trajectory';
import { failureOf, givenAdviser, givenAdviserOrganisation, registration, startTestService, type TestAdviser, type TestService } from './fixtures';

const FIRST = 'NLLD_ONTWIKKELADVIES-2020-08';
const SECOND = 'NLLD_ONTWIKKELADVIES-2020-12';

let service: TestService;
let adviser: TestAdviser;

beforeAll(async () => {
  service = await startTestService('advice_registration', 20);
});
afterAll(() => service.close());

beforeEach(async () => {
  await service.prisma.$executeRawUnsafe('TRUNCATE trajectory, tranche_counter, adviser_day_counter, outbox_event');
  adviser = await givenAdviser(service.prisma);
  service.setAmsterdamTime('2020-08-03T10:00');
});

/** Places already taken in a tranche, as if earlier registrations had filled it. */
async function trancheAlreadyHolds(tijdvakId: string, registered: number, cap: number): Promise<void> {
  await service.prisma.trancheCounter.create({ data: { tijdvakId, registrationCap: cap, registered } });
}

const outboxTypes = async () => (await service.prisma.outboxEvent.findMany({ orderBy: { seq: 'asc' } })).map((row) => row.type);

describe('the tranche cap of 22,000', () => {
  it('accepts the registration at cap - 1 and at the cap, refuses the one over it, and publishes TrancheCapReached once', async () => {
    await trancheAlreadyHolds(FIRST, 21_998, 22_000);
    const atCapMinusOne = await registerTrajectory(service.ctx, registration(adviser), adviser.actor);
    expect(atCapMinusOne.status).toBe('REGISTERED');
    expect(await outboxTypes()).toEqual(['nl.stap.advice.trajectory_registered.v1']);

    await registerTrajectory(service.ctx, registration(adviser), adviser.actor);
    expect(await outboxTypes()).toEqual([
      'nl.stap.advice.trajectory_registered.v1',
      'nl.stap.advice.trajectory_registered.v1',
      'nl.stap.advice.tranche_cap_reached.v1',
    ]);

    const over = await failureOf(registerTrajectory(service.ctx, registration(adviser), adviser.actor));
    expect(over).toMatchObject({ kind: 'precondition', reason: 'CAP_REACHED' });
    const counter = await service.prisma.trancheCounter.findUniqueOrThrow({ where: { tijdvakId: FIRST } });
    expect(counter.registered).toBe(22_000);
    expect(counter.capReachedAt).not.toBeNull();
    expect(await service.prisma.trajectory.count()).toBe(2);
  });

  it('never passes the cap under concurrency: 60 simultaneous registrations for 25 remaining places', async () => {
    await trancheAlreadyHolds(FIRST, 21_975, 22_000);
    const advisers = await givenAdviserOrganisation(service.prisma, 60);
    const outcomes = await Promise.allSettled(advisers.map((each) => registerTrajectory(service.ctx, registration(each), each.actor)));
    const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason.reason);
    expect(accepted).toBe(25);
    expect(new Set(refused)).toEqual(new Set(['CAP_REACHED']));
    expect(await service.prisma.trajectory.count()).toBe(25);
    expect((await service.prisma.trancheCounter.findUniqueOrThrow({ where: { tijdvakId: FIRST } })).registered).toBe(22_000);
  });

  it('closes the first tranche at its end and accepts registrations again when the second tranche opens', async () => {
    service.setAmsterdamTime('2020-08-31T23:59');
    expect((await registerTrajectory(service.ctx, registration(adviser, { plannedStartDate: '2020-09-10' }), adviser.actor)).status).toBe('REGISTERED');
    service.setAmsterdamTime('2020-09-01T00:00');
    expect(await failureOf(registerTrajectory(service.ctx, registration(adviser, { plannedStartDate: '2020-09-10' }), adviser.actor))).toMatchObject({
      reason: 'TIJDVAK_CLOSED',
    });
    service.setAmsterdamTime('2020-11-30T23:59');
    expect(await failureOf(registerTrajectory(service.ctx, registration(adviser, { tijdvakId: SECOND, plannedStartDate: '2020-12-10' }), adviser.actor))).toMatchObject({
      reason: 'TIJDVAK_NOT_YET_OPEN',
    });
    service.setAmsterdamTime('2020-12-01T09:00');
    const reopened = await registerTrajectory(service.ctx, registration(adviser, { tijdvakId: SECOND, plannedStartDate: '2020-12-10' }), adviser.actor);
    expect(reopened.tijdvakId).toBe(SECOND);
    expect((await service.prisma.trancheCounter.findUniqueOrThrow({ where: { tijdvakId: SECOND } })).registrationCap).toBe(50_000);
  });
});

describe('at most 25 registrations per adviser per day (second tranche)', () => {
  const second = () => registration(adviser, { tijdvakId: SECOND, plannedStartDate: '2021-01-15' });

  beforeEach(() => service.setAmsterdamTime('2020-12-07T09:00'));

  it('accepts the 25th and refuses the 26th with the quota reason; the next Amsterdam day the adviser may register again', async () => {
    for (let n = 1; n <= 24; n += 1) await registerTrajectory(service.ctx, second(), adviser.actor);
    const twentyFifth = await registerTrajectory(service.ctx, second(), adviser.actor);
    expect(twentyFifth.status).toBe('REGISTERED');
    service.setAmsterdamTime('2020-12-07T23:59');
    expect(await failureOf(registerTrajectory(service.ctx, second(), adviser.actor))).toMatchObject({ reason: 'ADVISER_DAILY_LIMIT_REACHED' });
    expect(await service.prisma.trajectory.count()).toBe(25);
    // 00:30 in Amsterdam is still 7 December in UTC: the day is the Amsterdam calendar day.
    service.setAmsterdamTime('2020-12-08T00:30');
    expect((await registerTrajectory(service.ctx, second(), adviser.actor)).status).toBe('REGISTERED');
  });

  it('never lets one adviser pass 25 a day under concurrency, and the refused ones take no tranche place', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, () => registerTrajectory(service.ctx, second(), adviser.actor)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(25);
    expect((await service.prisma.trancheCounter.findUniqueOrThrow({ where: { tijdvakId: SECOND } })).registered).toBe(25);
  });

  it('does not limit the first tranche, which had no daily limit yet', async () => {
    service.setAmsterdamTime('2020-08-04T09:00');
    for (let n = 1; n <= 26; n += 1) await registerTrajectory(service.ctx, registration(adviser), adviser.actor);
    expect(await service.prisma.trajectory.count()).toBe(26);
  });
});

describe('one trajectory per person per tranche', () => {
  it('refuses the same person twice in a tranche with ALREADY_EXISTS and takes no place, but accepts them in the next tranche', async () => {
    const first = registration(adviser);
    await registerTrajectory(service.ctx, first, adviser.actor);
    const otherAdviser = await givenAdviser(service.prisma);
    const duplicate = await failureOf(registerTrajectory(service.ctx, registration(otherAdviser, { participantBsn: first.participantBsn }), otherAdviser.actor));
    expect(duplicate).toMatchObject({ kind: 'conflict', violations: [{ field: 'participant_bsn.value' }] });
    expect((await service.prisma.trancheCounter.findUniqueOrThrow({ where: { tijdvakId: FIRST } })).registered).toBe(1);

    service.setAmsterdamTime('2020-12-02T09:00');
    const next = await registerTrajectory(service.ctx, { ...first, tijdvakId: SECOND, plannedStartDate: '2020-12-20' }, adviser.actor);
    expect(next.tijdvakId).toBe(SECOND);
  });

  it('accepts exactly one of two simultaneous registrations of the same person', async () => {
    const same = registration(adviser);
    const outcomes = await Promise.allSettled([registerTrajectory(service.ctx, same, adviser.actor), registerTrajectory(service.ctx, same, adviser.actor)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect((await service.prisma.trancheCounter.findUniqueOrThrow({ where: { tijdvakId: FIRST } })).registered).toBe(1);
  });
});

describe('scheme conditions', () => {
  it('names every invalid field at once and stores nothing', async () => {
    const bad = registration(adviser, { participantBsn: '123456789', participantBirthDate: '1975-02-30', careerAdviserId: 'nope', sector: 0 });
    const failure = await failureOf(registerTrajectory(service.ctx, bad, adviser.actor));
    expect(failure.kind).toBe('invalid');
    expect((failure.violations ?? []).map((v) => v.field).sort()).toEqual(['career_adviser_id', 'participant_birth_date', 'participant_bsn.value', 'profile.sector']);
    expect(await service.prisma.trajectory.count()).toBe(0);
  });

  it('registers only before the trajectory starts', async () => {
    const started = await failureOf(registerTrajectory(service.ctx, registration(adviser, { plannedStartDate: '2020-08-02' }), adviser.actor));
    expect(started).toMatchObject({ kind: 'invalid', violations: [{ field: 'planned_start_date' }] });
    expect((await registerTrajectory(service.ctx, registration(adviser, { plannedStartDate: '2020-08-03' }), adviser.actor)).status).toBe('REGISTERED');
  });

  it('accepts from the 18th birthday and refuses the day before', async () => {
    const seventeen = await failureOf(registerTrajectory(service.ctx, registration(adviser, { participantBirthDate: '2002-08-04' }), adviser.actor));
    expect(seventeen).toMatchObject({ reason: 'UNDER_MINIMUM_AGE' });
    const eighteen = await registerTrajectory(service.ctx, registration(adviser, { participantBirthDate: '2002-08-03' }), adviser.actor);
    expect(eighteen.participantAge).toBe(18);
  });

  it('refuses a participant who reached the AOW age (66y4m in 2020) and accepts one a day short of it', async () => {
    // Born 1954-04-03: AOW age 66y4m, reached 2020-08-03.
    expect(await failureOf(registerTrajectory(service.ctx, registration(adviser, { participantBirthDate: '1954-04-03' }), adviser.actor))).toMatchObject({
      reason: 'AOW_AGE_REACHED',
    });
    expect((await registerTrajectory(service.ctx, registration(adviser, { participantBirthDate: '1954-04-04' }), adviser.actor)).status).toBe('REGISTERED');
  });

  it('requires a tie to the Dutch labour market', async () => {
    expect(await failureOf(registerTrajectory(service.ctx, registration(adviser, { dutchLabourMarketTie: false }), adviser.actor))).toMatchObject({
      reason: 'NO_DUTCH_LABOUR_MARKET_TIE',
    });
  });

  it('admits only people educated up to MBO-2 to Ontwikkeladvies STAP', async () => {
    service.setAmsterdamTime('2022-05-02T10:00');
    const stap = (educationLevel: EducationLevel) =>
      registration(adviser, { tijdvakId: 'STAP_ONTWIKKELADVIES-2022-04', plannedStartDate: '2022-05-20', educationLevel });
    expect(await failureOf(registerTrajectory(service.ctx, stap(EducationLevel.EDUCATION_LEVEL_MBO_3), adviser.actor))).toMatchObject({
      reason: 'EDUCATION_ABOVE_TARGET_GROUP',
    });
    const mbo2 = await registerTrajectory(service.ctx, stap(EducationLevel.EDUCATION_LEVEL_MBO_2), adviser.actor);
    expect(mbo2.priceCents).toBe(70_000n);
  });

  it('lets an organisation register only with its own career advisers', async () => {
    const stranger = await givenAdviser(service.prisma);
    expect(await failureOf(registerTrajectory(service.ctx, registration(adviser), stranger.actor))).toMatchObject({ kind: 'forbidden' });
    expect(await failureOf(registerTrajectory(service.ctx, registration(adviser), { subject: 'x', kind: 'staff', scopes: ['advice:read'] }))).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('refuses an unknown tranche and a career adviser provider-registry never announced', async () => {
    expect(await failureOf(registerTrajectory(service.ctx, registration(adviser, { tijdvakId: 'STAP-2022-05' }), adviser.actor))).toMatchObject({ kind: 'not_found' });
    expect(
      await failureOf(registerTrajectory(service.ctx, registration(adviser, { careerAdviserId: '0b7c1a52-6d0e-4a43-9d43-5d1d8f7c0a11' }), adviser.actor)),
    ).toMatchObject({ kind: 'not_found' });
  });
});
