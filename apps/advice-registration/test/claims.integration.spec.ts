// Completion and bundled claims against the real PostgreSQL: the labour-market scan, each line checked, the claim
// deadline to the second (Europe/Amsterdam), nothing paid twice (also under concurrency), TSOV's cap on approved
// claims, and the reconciliation and monitor reports over the result, with "paid" from payment's events.
import { randomUUID } from 'node:crypto';
import { PaymentExecuted } from '@stap/contracts/stap/payments/events/v1/events';
import { ClaimAssessed } from '@stap/contracts/stap/advice/events/v1/events';
import { NextStep } from '@stap/contracts/stap/advice/v1/advice';
import { registerTrajectory } from '../src/application/register-trajectory';
import { monitorReport, trancheReconciliation } from '../src/application/reports';
import { submitClaim } from '../src/application/submit-claim';
import { cancelTrajectory, completeTrajectory, getTrajectory, listTrajectories } from '../src/application/trajectories';
import type { TrajectoryRow } from '../src/infrastructure/prisma/client';
import { EVENT_TYPES, handleEvent } from '../src/transport/events/consumers';
import { cloudEvent, failureOf, givenAdviser, OFFICER, registration, startTestService, type TestAdviser, type TestService } from './fixtures';

const SECOND = 'NLLD_ONTWIKKELADVIES-2020-12';

let service: TestService;
let adviser: TestAdviser;

beforeAll(async () => {
  service = await startTestService('advice_claims');
});
afterAll(() => service.close());

beforeEach(async () => {
  await service.prisma.$executeRawUnsafe('TRUNCATE trajectory, tranche_counter, adviser_day_counter, outbox_event, claim, claim_line, claim_payment');
  adviser = await givenAdviser(service.prisma);
});

async function registered(who: TestAdviser = adviser, overrides = {}): Promise<TrajectoryRow> {
  service.setAmsterdamTime('2021-02-01T09:00');
  return registerTrajectory(service.ctx, registration(who, { tijdvakId: SECOND, plannedStartDate: '2021-02-15', ...overrides }), who.actor);
}

async function completed(who: TestAdviser = adviser, scan = true): Promise<TrajectoryRow> {
  const row = await registered(who);
  service.setAmsterdamTime('2021-04-01T09:00');
  return completeTrajectory(
    service.ctx,
    { trajectoryId: row.id, expectedVersion: row.version, completedOn: '2021-03-20', labourMarketScanDone: scan, developmentPlanDelivered: true, nextStep: NextStep.NEXT_STEP_TRAINING },
    who.actor,
  );
}

const claim = (ids: string[], who: TestAdviser = adviser) =>
  submitClaim(service.ctx, { adviserOrganisationId: who.organisationId, tijdvakId: SECOND, trajectoryIds: ids }, who.actor);

describe('completion', () => {
  it('requires the labour-market scan for NL Leert Door and refuses a completion before the start or in the future', async () => {
    const row = await registered();
    service.setAmsterdamTime('2021-04-01T09:00');
    const complete = (completedOn: string, scan: boolean) =>
      completeTrajectory(service.ctx, { trajectoryId: row.id, expectedVersion: 1, completedOn, labourMarketScanDone: scan, developmentPlanDelivered: true, nextStep: 0 }, adviser.actor);
    expect(await failureOf(complete('2021-03-20', false))).toMatchObject({ reason: 'LABOUR_MARKET_SCAN_MISSING' });
    expect(await failureOf(complete('2021-02-14', true))).toMatchObject({ kind: 'invalid', violations: [{ field: 'completion.completed_on' }] });
    expect(await failureOf(complete('2021-04-02', true))).toMatchObject({ kind: 'invalid', violations: [{ field: 'completion.completed_on' }] });
    expect((await complete('2021-03-20', true)).status).toBe('COMPLETED');
    expect(await failureOf(complete('2021-03-20', true))).toMatchObject({ reason: 'NOT_REGISTERED' });
  });

  it('cancels a registered trajectory once, with a reason of at most 500 characters, and keeps its place in the tranche', async () => {
    const row = await registered();
    expect(await failureOf(cancelTrajectory(service.ctx, row.id, 'x'.repeat(501), adviser.actor))).toMatchObject({ kind: 'invalid', violations: [{ field: 'reason' }] });
    expect((await cancelTrajectory(service.ctx, row.id, 'verhuisd', adviser.actor)).status).toBe('CANCELLED');
    expect(await failureOf(cancelTrajectory(service.ctx, row.id, 'nogmaals', adviser.actor))).toMatchObject({ reason: 'NOT_REGISTERED' });
    expect((await service.prisma.trancheCounter.findUniqueOrThrow({ where: { tijdvakId: SECOND } })).registered).toBe(1);
  });

  it('hides another organisation\'s trajectory from an adviser, not from an officer', async () => {
    const row = await registered();
    const stranger = await givenAdviser(service.prisma);
    expect(await failureOf(getTrajectory(service.ctx, row.id, stranger.actor))).toMatchObject({ kind: 'not_found' });
    expect((await getTrajectory(service.ctx, row.id, OFFICER)).id).toBe(row.id);
    expect((await listTrajectories(service.ctx, {}, stranger.actor)).rows).toEqual([]);
    expect((await listTrajectories(service.ctx, {}, adviser.actor)).rows.map((r) => r.id)).toEqual([row.id]);
  });
});

describe('bundled claims', () => {
  it('checks each line on its own and turns the approved ones into one ClaimAssessed payment event', async () => {
    const good = await completed();
    const open = await registered();
    const cancelled = await registered();
    await cancelTrajectory(service.ctx, cancelled.id, 'participant moved abroad', adviser.actor);
    const stranger = await givenAdviser(service.prisma);
    const theirs = await completed(stranger);
    const unknown = randomUUID();
    service.setAmsterdamTime('2021-09-30T16:00');
    const { claim: stored, lines } = await claim([good.id, open.id, cancelled.id, theirs.id, unknown]);
    expect(lines.map((line) => [line.accepted, line.rejectionReason])).toEqual([
      [true, null],
      [false, 'NOT_COMPLETED'],
      [false, 'CANCELLED'],
      [false, 'OTHER_ORGANISATION'],
      [false, 'UNKNOWN_TRAJECTORY'],
    ]);
    expect(stored.acceptedCents).toBe(70_000n);
    expect(stored.requestedCents).toBe(5n * 70_000n);
    const assessed = await service.prisma.outboxEvent.findFirstOrThrow({ where: { type: 'nl.stap.advice.claim_assessed.v1' } });
    const event = ClaimAssessed.decode(assessed.payload);
    expect(event.acceptedTrajectoryIds).toEqual([good.id]);
    expect(event.acceptedAmount).toEqual({ amountCents: '70000', currency: 'EUR' });
    expect(event.rejectedLines).toHaveLength(4);
  });

  it('accepts a claim received at 16:59:59 on 30 September 2021 and refuses one a second after the 17:00 deadline', async () => {
    const first = await completed();
    const second = await completed();
    service.setAmsterdamTime('2021-09-30T16:59:59');
    expect((await claim([first.id])).claim.acceptedCents).toBe(70_000n);
    service.setAmsterdamTime('2021-09-30T17:00:01');
    expect(await failureOf(claim([second.id]))).toMatchObject({ kind: 'precondition', reason: 'CLAIM_DEADLINE_PASSED' });
    expect(await service.prisma.claim.count()).toBe(1);
  });

  it('never pays a trajectory twice: a second claim rejects it, and of two simultaneous claims exactly one accepts it', async () => {
    const [a, b] = [await completed(), await completed()];
    service.setAmsterdamTime('2021-06-01T10:00');
    await claim([a.id]);
    expect((await claim([a.id])).lines[0]).toMatchObject({ accepted: false, rejectionReason: 'ALREADY_CLAIMED' });
    const both = await Promise.all([claim([b.id]), claim([b.id])]);
    expect(both.map((result) => result.lines[0]?.accepted).sort()).toEqual([false, true]);
    expect(await service.prisma.claimLine.count({ where: { accepted: true } })).toBe(2);
  });

  it('rejects a claim with duplicate or malformed trajectory ids and stores nothing', async () => {
    const row = await completed();
    const failure = await failureOf(claim([row.id, row.id, 'x']));
    expect(failure).toMatchObject({ kind: 'invalid' });
    expect((failure.violations ?? []).map((v) => v.field)).toEqual(['trajectory_ids[1]', 'trajectory_ids[2]']);
    expect(await failureOf(claim([]))).toMatchObject({ kind: 'invalid' });
    expect(await service.prisma.claim.count()).toBe(0);
  });

  it('lets an organisation claim only for itself', async () => {
    const row = await completed();
    const stranger = await givenAdviser(service.prisma);
    const failure = await failureOf(submitClaim(service.ctx, { adviserOrganisationId: adviser.organisationId, tijdvakId: SECOND, trajectoryIds: [row.id] }, stranger.actor));
    expect(failure).toMatchObject({ kind: 'forbidden' });
  });

  it('approves TSOV 45+ claims in order of receipt up to the cap of 25,000 approved claims', async () => {
    service.setAmsterdamTime('2019-03-01T10:00');
    const tsov = { tijdvakId: 'TSOV_45PLUS-2018-01', plannedStartDate: '2019-03-10', participantBirthDate: '1965-01-01' };
    const rows: TrajectoryRow[] = [];
    for (let n = 0; n < 2; n += 1) {
      service.setAmsterdamTime('2019-03-01T10:00');
      const row = await registerTrajectory(service.ctx, registration(adviser, tsov), adviser.actor);
      service.setAmsterdamTime('2019-03-20T10:00');
      rows.push(await completeTrajectory(service.ctx, { trajectoryId: row.id, expectedVersion: 1, completedOn: '2019-03-15', labourMarketScanDone: false, developmentPlanDelivered: true, nextStep: 0 }, adviser.actor));
    }
    await service.prisma.trancheCounter.update({ where: { tijdvakId: 'TSOV_45PLUS-2018-01' }, data: { approvedClaims: 24_999 } });
    const result = await submitClaim(service.ctx, { adviserOrganisationId: adviser.organisationId, tijdvakId: 'TSOV_45PLUS-2018-01', trajectoryIds: rows.map((r) => r.id) }, adviser.actor);
    expect(result.lines.map((line) => [line.accepted, line.amountCents, line.rejectionReason])).toEqual([
      [true, 60_000n, null],
      [false, 0n, 'CAP_REACHED'],
    ]);
  });
});

describe('reports', () => {
  it('reconciles a tranche to the cent, with "paid" taken from payment\'s PaymentExecuted events', async () => {
    const [first, second, third] = [await completed(), await completed(), await completed()];
    await completed(); // completed, never claimed
    await registered(); // still open
    const cancelled = await registered();
    await cancelTrajectory(service.ctx, cancelled.id, 'withdrew', adviser.actor);
    const notDone = await registered();
    service.setAmsterdamTime('2021-06-01T10:00');
    const { claim: paidClaim } = await claim([first.id, second.id, notDone.id]);
    await claim([third.id]);

    const payment = PaymentExecuted.encode({
      purchaseOrderId: randomUUID(),
      paymentId: randomUUID(),
      paymentBatchId: randomUUID(),
      tijdvak: undefined,
      source: { source: { $case: 'claimId', value: paidClaim.id } },
      payee: undefined,
      amount: { amountCents: '140000', currency: 'EUR' },
      offsetAmount: { amountCents: '0', currency: 'EUR' },
      executedOn: { year: 2021, month: 6, day: 15 },
    }).finish();
    const paymentEvent = cloudEvent(EVENT_TYPES.paymentExecuted, payment, paidClaim.id);
    await service.prisma.$transaction((tx) => handleEvent(paymentEvent, tx));
    // A redelivery of the same payment (same payment id) does not count twice.
    await service.prisma.$transaction((tx) => handleEvent({ ...paymentEvent, id: randomUUID() }, tx));

    const report = await trancheReconciliation(service.ctx, SECOND, OFFICER);
    expect(report.figures).toMatchObject({
      registered: 7,
      cancelled: 1,
      open: 2,
      completed: 4,
      completedUnclaimed: 1,
      claimLines: 4,
      acceptedLines: 3,
      rejectedLines: 1,
      acceptedTrajectories: 3,
      acceptedCents: 210_000n,
      paidCents: 140_000n,
      paidLines: 2,
      registeredValueCents: 7n * 70_000n,
    });
    expect(report.unpaidCents).toBe(70_000n);
    expect(report.checks.filter((check) => !check.holds)).toEqual([]);
    expect(await failureOf(trancheReconciliation(service.ctx, SECOND, adviser.actor))).toMatchObject({ kind: 'forbidden' });
  });

  it('reports the monitor by age band and sector with cells under the threshold suppressed', async () => {
    for (let n = 0; n < 10; n += 1) await registered(adviser, { participantBirthDate: '1970-01-01' });
    for (let n = 0; n < 3; n += 1) await registered(adviser, { participantBirthDate: '1995-01-01' });
    const byAge = await monitorReport(service.ctx, SECOND, 'AGE_BAND', OFFICER);
    expect(byAge.rows.find((row) => row.category === '45-54')).toEqual({ category: '45-54', registered: 10, completed: 0, suppressed: false });
    expect(byAge.rows.find((row) => row.category === '18-26')).toEqual({ category: '18-26', registered: 0, completed: 0, suppressed: true });
    const bySector = await monitorReport(service.ctx, SECOND, 'SECTOR', OFFICER);
    expect(bySector.rows.find((row) => row.category === 'HOSPITALITY_RECREATION')).toMatchObject({ registered: 13, suppressed: false });
    expect(await failureOf(monitorReport(service.ctx, SECOND, 'BSN', OFFICER))).toMatchObject({ kind: 'invalid' });
  });
});
