// Completeness gating and every status transition of a training and its start moments, on the real database:
// each change leaves a history row and an outbox event, nothing is deleted, and authorisation holds.
import { ApplicationError } from '@stap/platform/errors';
import { createTraining } from '../src/application/create-training';
import { addStartMoment, cancelStartMoment, markStartMomentFull } from '../src/application/manage-start-moments';
import { excludeTraining, liftExclusion, setStapAvailability, updateTraining, withdrawTraining } from '../src/application/training-lifecycle';
import { getTraining, trainingHistory } from '../src/application/get-training';
import { countGrant } from '../src/application/count-grant';
import { aStartMoment, aTraining, knownProvider, registerFixture, reviewer, type RegisterFixture } from './register-fixture';

let f: RegisterFixture;
beforeAll(async () => void (f = await registerFixture('sr_lifecycle')));
afterAll(() => f.close());

const eventTypes = async (trainingId: string) =>
  (await f.prisma.outboxEvent.findMany({ where: { subject: trainingId }, orderBy: { seq: 'asc' } })).map((e) => e.type.replace('nl.stap.register.', '').replace('.v1', ''));

async function rejected(promise: Promise<unknown>): Promise<ApplicationError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApplicationError);
  return error as ApplicationError;
}

describe('completeness gating', () => {
  it('a training without a start moment is INCOMPLETE and not applyable; adding one publishes it', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const id = await createTraining(f.prisma, actor, aTraining(providerId, { startMoments: [] }));
    expect(await getTraining(f.prisma, { trainingId: id })).toMatchObject({ status: 'TRAINING_STATUS_INCOMPLETE', applyable: false });
    await addStartMoment(f.prisma, actor, id, aStartMoment('SM-9'));
    const training = await getTraining(f.prisma, { trainingId: id });
    expect(training).toMatchObject({ status: 'TRAINING_STATUS_PUBLISHED', applyable: true, minPriceCents: 109_500 });
    expect(training.startMoments[0]).toMatchObject({ postalCode: '3511ED', totalCents: 109_500, status: 'OPEN' });
    expect(await eventTypes(id)).toEqual(['training_registered', 'start_moment_scheduled', 'training_published']);
  });

  it('a training without a description stays INCOMPLETE until the description is given', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const id = await createTraining(f.prisma, actor, aTraining(providerId, { description: '' }));
    expect((await getTraining(f.prisma, { trainingId: id })).status).toBe('TRAINING_STATUS_INCOMPLETE');
    await updateTraining(f.prisma, actor, id, null, { description: 'Nu compleet.' });
    expect((await getTraining(f.prisma, { trainingId: id })).status).toBe('TRAINING_STATUS_PUBLISHED');
  });

  it('bad input names every wrong field and changes nothing', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const error = await rejected(createTraining(f.prisma, actor, aTraining(providerId, { name: '', startMoments: [aStartMoment('X', { location: { kind: 'LOCATION_KIND_NETHERLANDS_ADDRESS', address: { street: 'Weg', houseNumber: 1, houseNumberAddition: '', postalCode: '1234 SS', city: 'Ede' } } })] })));
    expect(error.kind).toBe('invalid');
    expect(error.violations.map((v) => v.field)).toEqual(['name', 'start_moments[0].location.address.postal_code']);
    expect(await f.prisma.training.count({ where: { providerId } })).toBe(0);
  });
});

describe('status transitions', () => {
  it('full, reopened by a new start moment, cancelled, flagged, excluded, lifted, withdrawn: all kept in history', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const id = await createTraining(f.prisma, actor, aTraining(providerId));
    const [first] = (await getTraining(f.prisma, { trainingId: id })).startMoments;

    await markStartMomentFull(f.prisma, actor, first.id);
    expect(await getTraining(f.prisma, { trainingId: id })).toMatchObject({ status: 'TRAINING_STATUS_APPLICATION_CLOSED', applicationClosedReason: 'APPLICATION_CLOSED_REASON_FULL', applyable: false });

    const second = await addStartMoment(f.prisma, actor, id, aStartMoment('SM-2', { startDate: '2027-01-10', endDate: '2027-02-10' }));
    expect((await getTraining(f.prisma, { trainingId: id })).status).toBe('TRAINING_STATUS_PUBLISHED');

    await cancelStartMoment(f.prisma, actor, second, 'te weinig aanmeldingen');
    const afterCancel = await getTraining(f.prisma, { trainingId: id });
    expect(afterCancel.status).toBe('TRAINING_STATUS_APPLICATION_CLOSED');
    expect(afterCancel.startMoments.map((sm) => sm.status)).toEqual(['FULL', 'CANCELLED']);
    expect((await rejected(cancelStartMoment(f.prisma, actor, second, 'nogmaals'))).kind).toBe('precondition');

    const third = await addStartMoment(f.prisma, actor, id, aStartMoment('SM-3', { startDate: '2027-03-01', endDate: '2027-04-01' }));
    expect(third).toBeTruthy();
    await setStapAvailability(f.prisma, actor, id, true, 'alleen voor werkgevers');
    expect(await getTraining(f.prisma, { trainingId: id })).toMatchObject({ status: 'TRAINING_STATUS_PUBLISHED', applyable: false });
    await setStapAvailability(f.prisma, actor, id, false, '');

    expect((await rejected(excludeTraining(f.prisma, actor, id, { reasonCode: 'EXCLUSION_REASON_CODE_NOT_MARKET_PRICED', explanation: 'x', decisionReference: 'R-1', decisionReason: 'x' }))).kind).toBe('forbidden');
    expect((await rejected(excludeTraining(f.prisma, reviewer, id, { reasonCode: 'WRONG', explanation: '', decisionReference: '', decisionReason: '' }))).violations.map((v) => v.field)).toEqual(['reason_code', 'decision.reference', 'explanation']);
    await excludeTraining(f.prisma, reviewer, id, { reasonCode: 'EXCLUSION_REASON_CODE_NOT_MARKET_PRICED', explanation: 'Prijs niet marktconform', decisionReference: 'TK-2026-001', decisionReason: 'niet marktconform' });
    expect(await getTraining(f.prisma, { trainingId: id })).toMatchObject({ status: 'TRAINING_STATUS_EXCLUDED', exclusionReasonCode: 'EXCLUSION_REASON_CODE_NOT_MARKET_PRICED', applyable: false });
    expect((await rejected(updateTraining(f.prisma, actor, id, null, { name: 'Andere naam' }))).kind).toBe('precondition');

    await liftExclusion(f.prisma, reviewer, id, { reference: 'TK-2026-002', reason: 'bezwaar gegrond' });
    expect(await getTraining(f.prisma, { trainingId: id })).toMatchObject({ status: 'TRAINING_STATUS_PUBLISHED', excludedBy: 'reviewer-1', exclusionLiftedBy: 'reviewer-1' });

    await withdrawTraining(f.prisma, actor, id, 'aanbod gestopt');
    const withdrawn = await getTraining(f.prisma, { trainingId: id });
    expect(withdrawn).toMatchObject({ status: 'TRAINING_STATUS_WITHDRAWN', applyable: false });
    expect(withdrawn.startMoments).toHaveLength(3);
    expect((await rejected(withdrawTraining(f.prisma, actor, id, ''))).kind).toBe('precondition');

    expect(await eventTypes(id)).toEqual([
      'training_registered', 'start_moment_scheduled', 'training_published',
      'start_moment_full', 'training_application_closed',
      'start_moment_scheduled', 'training_application_reopened',
      'start_moment_cancelled', 'training_application_closed',
      'start_moment_scheduled', 'training_application_reopened',
      'training_stap_availability_changed', 'training_stap_availability_changed',
      'training_excluded', 'training_exclusion_lifted', 'training_published',
      'training_withdrawn',
    ]);
    const kinds = (await trainingHistory(f.prisma, id)).map((h) => h.kind);
    expect(kinds).toEqual(expect.arrayContaining(['REGISTERED', 'START_MOMENT_FULL', 'START_MOMENT_CANCELLED', 'EXCLUDED', 'EXCLUSION_LIFTED', 'WITHDRAWN', 'STATUS_APPLICATION_CLOSED', 'STATUS_APPLICATION_REOPENED']));
  });

  it('closes applications when the per-training grant limit of the year is reached, and counts per year', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const when = new Date('2023-06-01T10:00:00Z'); // verleningsgrens in force (300 from February 2023)
    const id = await createTraining(f.prisma, actor, aTraining(providerId), when);
    await f.prisma.trainingGrantCount.create({ data: { trainingId: id, year: 2023, grants: 299 } });
    await f.prisma.$transaction((tx) => countGrant(tx, id, new Date('2022-12-01T10:00:00Z')));
    expect((await getTraining(f.prisma, { trainingId: id })).status).toBe('TRAINING_STATUS_PUBLISHED');
    await f.prisma.$transaction((tx) => countGrant(tx, id, when));
    expect(await getTraining(f.prisma, { trainingId: id })).toMatchObject({ status: 'TRAINING_STATUS_APPLICATION_CLOSED', applicationClosedReason: 'APPLICATION_CLOSED_REASON_GRANT_LIMIT_REACHED' });
    expect(await f.prisma.trainingGrantCount.findMany({ where: { trainingId: id }, orderBy: { year: 'asc' } })).toEqual([{ trainingId: id, year: 2022, grants: 1 }, { trainingId: id, year: 2023, grants: 300 }]);
  });
});

describe('authorisation', () => {
  it('a provider acts only on its own trainings', async () => {
    const owner = await knownProvider(f.prisma);
    const other = await knownProvider(f.prisma, 'Concurrent');
    const id = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId));
    expect((await rejected(withdrawTraining(f.prisma, other.actor, id, 'x'))).kind).toBe('forbidden');
    expect((await rejected(createTraining(f.prisma, other.actor, aTraining(owner.providerId)))).kind).toBe('forbidden');
    expect((await getTraining(f.prisma, { trainingId: id })).lifecycle).toBe('ACTIVE');
  });
});
