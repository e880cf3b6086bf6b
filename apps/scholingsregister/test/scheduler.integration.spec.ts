// The scheduler on the real database, with an injected clock (no waiting): a training closed by the verleningsgrens
// in year Y reopens on 1 January Y+1 (Europe/Amsterdam), once, also with two instances at the same moment; a
// provider's revocation or suspension with a future effective date is stored and applied on that date, once;
// with today's or an earlier date it applies on arrival; a later decision about the same thing cancels a pending
// one dated on or after its own date (the latest decision wins from its effective date: an assumption).
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createTraining } from '../src/application/create-training';
import { getTraining, trainingHistory } from '../src/application/get-training';
import { countGrant } from '../src/application/count-grant';
import { applyProviderFact } from '../src/application/apply-provider-events';
import { registerScheduler } from '../src/transport/scheduler/register-scheduler';
import { aTraining, knownProvider, registerFixture, type RegisterFixture } from './register-fixture';

let f: RegisterFixture;
beforeAll(async () => void (f = await registerFixture('sr_scheduler')));
afterAll(() => f.close());

const logger = pino({ level: 'silent' });
/** A scheduler instance whose clock the test sets. */
function instanceAt(): { at(iso: string): void; scheduler: ReturnType<typeof registerScheduler> } {
  let now = new Date(0);
  return { at: (iso) => void (now = new Date(iso)), scheduler: registerScheduler(f.prisma, logger, 60_000, () => now) };
}

const eventTypes = async (trainingId: string) =>
  (await f.prisma.outboxEvent.findMany({ where: { subject: trainingId }, orderBy: { seq: 'asc' } })).map((e) => e.type.replace('nl.stap.register.', '').replace('.v1', ''));

/** A published training that reaches the limit of 300 grants in 2023 (the verleningsgrens is in force from February 2023). */
async function closedByGrantLimitIn2023(): Promise<string> {
  const { providerId, actor } = await knownProvider(f.prisma);
  const id = await createTraining(f.prisma, actor, aTraining(providerId), new Date('2023-03-01T10:00:00Z'));
  await f.prisma.trainingGrantCount.create({ data: { trainingId: id, year: 2023, grants: 299 } });
  await f.prisma.$transaction((tx) => countGrant(tx, id, new Date('2023-11-15T10:00:00Z')));
  expect(await getTraining(f.prisma, { trainingId: id })).toMatchObject({ status: 'TRAINING_STATUS_APPLICATION_CLOSED', applicationClosedReason: 'APPLICATION_CLOSED_REASON_GRANT_LIMIT_REACHED' });
  return id;
}

describe('yearly reopening after the verleningsgrens', () => {
  it('stays closed until 31 December 23:59 in Amsterdam, reopens at 1 January 00:00, and only once', async () => {
    const id = await closedByGrantLimitIn2023();
    const one = instanceAt();
    one.at('2023-12-15T12:00:00Z');
    expect((await one.scheduler.runOnce()).trainingsReopened).toBe(0);
    one.at('2023-12-31T22:59:59Z'); // 23:59:59 on 31 December in Amsterdam (CET, UTC+1)
    expect((await one.scheduler.runOnce()).trainingsReopened).toBe(0);
    expect((await getTraining(f.prisma, { trainingId: id })).status).toBe('TRAINING_STATUS_APPLICATION_CLOSED');

    one.at('2023-12-31T23:00:00Z'); // 00:00 on 1 January 2024 in Amsterdam
    expect((await one.scheduler.runOnce()).trainingsReopened).toBe(1);
    expect(await getTraining(f.prisma, { trainingId: id })).toMatchObject({ status: 'TRAINING_STATUS_PUBLISHED', applicationClosedReason: null, applyable: true });
    expect((await one.scheduler.runOnce()).trainingsReopened).toBe(0);
    expect((await eventTypes(id)).filter((type) => type === 'training_application_reopened')).toHaveLength(1);
    expect((await trainingHistory(f.prisma, id)).filter((h) => h.kind === 'STATUS_APPLICATION_REOPENED').map((h) => h.actor)).toEqual(['scheduler']);
  });

  it('two instances at the same moment reopen each training once', async () => {
    const ids = [await closedByGrantLimitIn2023(), await closedByGrantLimitIn2023(), await closedByGrantLimitIn2023()];
    const [a, b] = [instanceAt(), instanceAt()];
    a.at('2024-01-01T08:00:00Z');
    b.at('2024-01-01T08:00:00Z');
    const [ra, rb] = await Promise.all([a.scheduler.runOnce(), b.scheduler.runOnce()]);
    expect(ra.trainingsReopened + rb.trainingsReopened).toBe(3);
    for (const id of ids) {
      expect((await getTraining(f.prisma, { trainingId: id })).status).toBe('TRAINING_STATUS_PUBLISHED');
      expect((await eventTypes(id)).filter((type) => type === 'training_application_reopened')).toHaveLength(1);
    }
  });

  it('a training at the limit of the current year stays closed', async () => {
    const id = await closedByGrantLimitIn2023();
    const before = await getTraining(f.prisma, { trainingId: id });
    const one = instanceAt();
    one.at('2023-12-20T10:00:00Z');
    expect((await one.scheduler.runOnce()).trainingsReopened).toBe(0);
    const after = await getTraining(f.prisma, { trainingId: id });
    expect(after.status).toBe('TRAINING_STATUS_APPLICATION_CLOSED');
    expect(after.updatedAt).toEqual(before.updatedAt); // not even re-derived: a run during the year writes nothing
  });
});

describe('provider decisions with an effective date', () => {
  it('a suspension dated 1 March is stored on arrival and applied on 1 March (Amsterdam), once', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const id = await createTraining(f.prisma, actor, aTraining(providerId));
    await f.prisma.$transaction((tx) => applyProviderFact(tx, { kind: 'suspended', providerId, effectiveDate: '2027-03-01' }, new Date('2027-02-15T10:00:00Z')));
    expect((await getTraining(f.prisma, { trainingId: id })).applyable).toBe(true);
    expect(await f.prisma.pendingProviderChange.findMany({ where: { providerId } })).toMatchObject([{ appliedAt: null, fact: { kind: 'suspended', effectiveDate: '2027-03-01' } }]);

    const [a, b] = [instanceAt(), instanceAt()];
    a.at('2027-02-28T22:59:59Z');
    expect((await a.scheduler.runOnce()).providerChangesApplied).toBe(0);
    expect((await getTraining(f.prisma, { trainingId: id })).applyable).toBe(true);

    a.at('2027-02-28T23:00:00Z'); // 00:00 on 1 March in Amsterdam
    b.at('2027-02-28T23:00:00Z');
    const [ra, rb] = await Promise.all([a.scheduler.runOnce(), b.scheduler.runOnce()]);
    expect(ra.providerChangesApplied + rb.providerChangesApplied).toBe(1);
    expect(await getTraining(f.prisma, { trainingId: id })).toMatchObject({ applyable: false, providerEligible: false });
    expect((await f.prisma.pendingProviderChange.findFirstOrThrow({ where: { providerId } })).appliedAt).toEqual(new Date('2027-02-28T23:00:00Z'));
    expect((await a.scheduler.runOnce()).providerChangesApplied).toBe(0);

    // A reinstatement dated today applies at once.
    await f.prisma.$transaction((tx) => applyProviderFact(tx, { kind: 'reinstated', providerId, effectiveDate: '2027-03-10' }, new Date('2027-03-10T08:00:00Z')));
    expect((await getTraining(f.prisma, { trainingId: id })).applyable).toBe(true);
    expect(await f.prisma.pendingProviderChange.count({ where: { providerId } })).toBe(1);
  });

  it('a revocation dated in the past applies on arrival; one dated ahead waits for its day', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const recognition = await f.prisma.providerRecognition.findFirstOrThrow({ where: { providerId } });
    const id = await createTraining(f.prisma, actor, aTraining(providerId));
    const second = randomUUID();
    await f.prisma.$transaction((tx) => applyProviderFact(tx, { kind: 'recognition', providerId, recognitionId: second, status: 'VALID' }));
    await f.prisma.$transaction((tx) => applyProviderFact(tx, { kind: 'recognition', providerId, recognitionId: recognition.recognitionId, status: 'REVOKED', effectiveDate: '2027-05-01' }, new Date('2027-06-01T10:00:00Z')));
    expect((await f.prisma.providerRecognition.findUniqueOrThrow({ where: { recognitionId: recognition.recognitionId } })).status).toBe('REVOKED');
    expect((await getTraining(f.prisma, { trainingId: id })).applyable).toBe(true); // the second recognition is valid

    await f.prisma.$transaction((tx) => applyProviderFact(tx, { kind: 'recognition', providerId, recognitionId: second, status: 'REVOKED', effectiveDate: '2027-07-01' }, new Date('2027-06-01T10:00:00Z')));
    expect((await getTraining(f.prisma, { trainingId: id })).applyable).toBe(true);
    const one = instanceAt();
    one.at('2027-06-30T12:00:00Z');
    await one.scheduler.runOnce();
    expect((await getTraining(f.prisma, { trainingId: id })).applyable).toBe(true);
    one.at('2027-07-01T06:00:00Z');
    expect((await one.scheduler.runOnce()).providerChangesApplied).toBe(1);
    expect((await getTraining(f.prisma, { trainingId: id })).applyable).toBe(false);
  });
});

describe('a later provider decision supersedes an earlier pending one (assumption: the latest decision wins from its date)', () => {
  const decide = (fact: Parameters<typeof applyProviderFact>[1], at: string) => f.prisma.$transaction((tx) => applyProviderFact(tx, fact, new Date(at)));
  const pending = async (providerId: string) =>
    (await f.prisma.pendingProviderChange.findMany({ where: { providerId }, orderBy: { seq: 'asc' } })).map((p) => ({ kind: (p.fact as { kind: string }).kind, applied: p.appliedAt !== null, superseded: p.supersededAt !== null }));
  const applyable = async (trainingId: string) => (await getTraining(f.prisma, { trainingId })).applyable;

  it('a reinstatement dated before a pending suspension cancels it: the suspension never applies', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const id = await createTraining(f.prisma, actor, aTraining(providerId));
    await decide({ kind: 'suspended', providerId, effectiveDate: '2027-03-10' }, '2027-02-15T10:00:00Z');
    await decide({ kind: 'reinstated', providerId, effectiveDate: '2027-03-05' }, '2027-02-20T10:00:00Z');
    expect(await pending(providerId)).toEqual([{ kind: 'suspended', applied: false, superseded: true }, { kind: 'reinstated', applied: false, superseded: false }]);
    const one = instanceAt();
    one.at('2027-03-10T08:00:00Z');
    expect((await one.scheduler.runOnce()).providerChangesApplied).toBe(1); // the reinstatement only
    expect(await applyable(id)).toBe(true);
    expect(await pending(providerId)).toEqual([{ kind: 'suspended', applied: false, superseded: true }, { kind: 'reinstated', applied: true, superseded: false }]);
  });

  it('a reinstatement taking effect at once cancels a pending suspension too', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const id = await createTraining(f.prisma, actor, aTraining(providerId));
    await decide({ kind: 'suspended', providerId, effectiveDate: '2027-03-10' }, '2027-02-15T10:00:00Z');
    await decide({ kind: 'reinstated', providerId }, '2027-02-16T10:00:00Z');
    const one = instanceAt();
    one.at('2027-03-11T08:00:00Z');
    expect((await one.scheduler.runOnce()).providerChangesApplied).toBe(0);
    expect(await applyable(id)).toBe(true);
  });

  it('a new suspension dated before a pending reinstatement cancels it; a reinstatement dated after a pending suspension leaves it', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const id = await createTraining(f.prisma, actor, aTraining(providerId));
    await decide({ kind: 'suspended', providerId, effectiveDate: '2027-03-10' }, '2027-02-15T10:00:00Z');
    await decide({ kind: 'reinstated', providerId, effectiveDate: '2027-04-01' }, '2027-02-16T10:00:00Z'); // after: both stand
    expect(await pending(providerId)).toEqual([{ kind: 'suspended', applied: false, superseded: false }, { kind: 'reinstated', applied: false, superseded: false }]);
    const one = instanceAt();
    one.at('2027-03-10T08:00:00Z');
    expect((await one.scheduler.runOnce()).providerChangesApplied).toBe(1);
    expect(await applyable(id)).toBe(false);
    await decide({ kind: 'suspended', providerId, effectiveDate: '2027-03-20' }, '2027-03-15T10:00:00Z'); // a new suspension decision
    expect((await pending(providerId)).map((p) => p.superseded)).toEqual([false, true, false]);
    one.at('2027-04-02T08:00:00Z');
    await one.scheduler.runOnce();
    expect(await applyable(id)).toBe(false); // the cancelled reinstatement did not apply
  });

  it('a revocation does not cancel a pending suspension (different subjects); it replaces a pending change of the same recognition', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const recognition = await f.prisma.providerRecognition.findFirstOrThrow({ where: { providerId } });
    const id = await createTraining(f.prisma, actor, aTraining(providerId));
    await decide({ kind: 'suspended', providerId, effectiveDate: '2027-06-10' }, '2027-05-01T10:00:00Z');
    await decide({ kind: 'recognition', providerId, recognitionId: recognition.recognitionId, status: 'REVOKED', effectiveDate: '2027-06-20' }, '2027-05-02T10:00:00Z');
    await decide({ kind: 'recognition', providerId, recognitionId: recognition.recognitionId, status: 'REVOKED', effectiveDate: '2027-06-01' }, '2027-05-03T10:00:00Z');
    expect(await pending(providerId)).toEqual([
      { kind: 'suspended', applied: false, superseded: false },
      { kind: 'recognition', applied: false, superseded: true },
      { kind: 'recognition', applied: false, superseded: false },
    ]);
    const one = instanceAt();
    one.at('2027-06-01T08:00:00Z');
    expect((await one.scheduler.runOnce()).providerChangesApplied).toBe(1);
    expect(await applyable(id)).toBe(false);
    // Recognised again from 5 June: the suspension (10 June) still stands and applies.
    await decide({ kind: 'recognition', providerId, recognitionId: randomUUID(), status: 'VALID' }, '2027-06-05T10:00:00Z');
    expect(await applyable(id)).toBe(true);
    one.at('2027-06-10T08:00:00Z');
    expect((await one.scheduler.runOnce()).providerChangesApplied).toBe(1);
    expect(await applyable(id)).toBe(false);
  });
});
