// UpdateStartMoment and ListScholingApplications on the real database: a change is checked like a new start
// moment, keeps its history (values before and after) and emits StartMomentChanged; a cancelled start moment is not
// changed; bad input changes nothing. Scholing applications are listed per applicant, or all for an officer.
import { ApplicationError } from '@stap/platform/errors';
import { createTraining } from '../src/application/create-training';
import { cancelStartMoment } from '../src/application/manage-start-moments';
import { updateStartMoment } from '../src/application/update-start-moment';
import { getTraining, trainingHistory } from '../src/application/get-training';
import { listScholingApplications } from '../src/application/list-scholing-applications';
import { decideScholingApplication, submitScholingApplication } from '../src/application/scholing-applications';
import type { Actor } from '../src/application/actor';
import { aStartMoment, aTraining, knownProvider, registerFixture, type RegisterFixture } from './register-fixture';

let f: RegisterFixture;
beforeAll(async () => void (f = await registerFixture('sr_sm_update')));
afterAll(() => f.close());

async function rejected(promise: Promise<unknown>): Promise<ApplicationError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApplicationError);
  return error as ApplicationError;
}

const eventTypes = async (trainingId: string) =>
  (await f.prisma.outboxEvent.findMany({ where: { subject: trainingId }, orderBy: { seq: 'asc' } })).map((e) => e.type.replace('nl.stap.register.', '').replace('.v1', ''));

describe('UpdateStartMoment', () => {
  it('changes dates, place and price in place, with a history row and a StartMomentChanged event', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const id = await createTraining(f.prisma, actor, aTraining(providerId));
    const [sm] = (await getTraining(f.prisma, { trainingId: id })).startMoments;
    await updateStartMoment(f.prisma, actor, sm.id, 1, {
      startDate: '2026-10-05', endDate: '2026-12-18',
      location: { kind: 'LOCATION_KIND_NETHERLANDS_ADDRESS', address: { street: 'Grote Markt', houseNumber: 3, houseNumberAddition: '', postalCode: '9711lv', city: 'Groningen' } },
      price: { courseTuitionCents: 120_000, examCents: null, literatureCents: 2_550 },
      capacity: 16,
    });
    const training = await getTraining(f.prisma, { trainingId: id });
    expect(training.startMoments).toHaveLength(1);
    expect(training.startMoments[0]).toMatchObject({ id: sm.id, city: 'Groningen', postalCode: '9711LV', courseTuitionCents: 120_000, examCents: null, literatureCents: 2_550, totalCents: 122_550, capacity: 16, version: 2, status: 'OPEN' });
    expect(training).toMatchObject({ minPriceCents: 122_550, status: 'TRAINING_STATUS_PUBLISHED' });
    expect(await eventTypes(id)).toEqual(['training_registered', 'start_moment_scheduled', 'training_published', 'start_moment_changed']);
    const history = (await trainingHistory(f.prisma, id)).find((h) => h.kind === 'START_MOMENT_CHANGED');
    expect(history?.detail).toMatchObject({ before: { startDate: '2026-09-01', price: { courseTuitionCents: 95_000 } }, after: { startDate: '2026-10-05', price: { courseTuitionCents: 120_000 } } });
    expect((history?.detail as { fields: string[] }).fields).toEqual(expect.arrayContaining(['startDate', 'endDate', 'city', 'totalCents', 'capacity']));
  });

  it('the same values again write nothing; a stale version is a conflict', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const id = await createTraining(f.prisma, actor, aTraining(providerId));
    const [sm] = (await getTraining(f.prisma, { trainingId: id })).startMoments;
    await updateStartMoment(f.prisma, actor, sm.id, null, { startDate: '2026-09-01' });
    expect((await f.prisma.startMoment.findUniqueOrThrow({ where: { id: sm.id } })).version).toBe(1);
    expect((await rejected(updateStartMoment(f.prisma, actor, sm.id, 7, { startDate: '2026-09-02' }))).kind).toBe('conflict');
  });

  it('bad input names the fields and changes nothing; a cancelled start moment or another provider is refused', async () => {
    const { providerId, actor } = await knownProvider(f.prisma);
    const other = await knownProvider(f.prisma, 'Concurrent');
    const id = await createTraining(f.prisma, actor, aTraining(providerId, { startMoments: [aStartMoment('A'), aStartMoment('B')] }));
    const [a, b] = (await getTraining(f.prisma, { trainingId: id })).startMoments;
    const error = await rejected(updateStartMoment(f.prisma, actor, a.id, null, { endDate: '2026-08-01', price: { courseTuitionCents: -5, examCents: null, literatureCents: null }, capacity: 0 }));
    expect(error.violations.map((v) => v.field)).toEqual(['end_date', 'price_components.course_tuition', 'capacity']);
    expect((await rejected(updateStartMoment(f.prisma, other.actor, a.id, null, { startDate: '2026-09-02' }))).kind).toBe('forbidden');
    await cancelStartMoment(f.prisma, actor, b.id, 'geen docent');
    const cancelled = await rejected(updateStartMoment(f.prisma, actor, b.id, null, { startDate: '2026-09-02' }));
    expect(cancelled).toMatchObject({ kind: 'precondition', reason: 'START_MOMENT_CANCELLED' });
    expect((await rejected(updateStartMoment(f.prisma, actor, '00000000-0000-0000-0000-000000000000', null, {}))).kind).toBe('not_found');
    const after = await f.prisma.startMoment.findMany({ where: { trainingId: id }, orderBy: { providerStartMomentCode: 'asc' } });
    expect(after.map((sm) => [sm.version, sm.startDate.toISOString().slice(0, 10), sm.courseTuitionCents])).toEqual([[1, '2026-09-01', 95_000], [2, '2026-09-01', 95_000]]);
    expect(await eventTypes(id)).not.toContain('start_moment_changed');
  });
});

describe('ListScholingApplications', () => {
  const officer: Actor = { subject: 'officer-1', scopes: ['register:scholing:decide'] };
  const OCTOBER_2020 = new Date('2020-10-05T09:00:00Z');
  const application = (providerId: string, offeringName: string) => ({
    tijdvakId: 'NLLD_SCHOLING-2020-10', applicantType: 'SCHOLING_APPLICANT_TYPE_PROVIDER', leadProviderId: providerId, memberProviderIds: [], partners: [], offeringName,
    activities: [{ title: 'Module', description: '', category: 'SCHOLING_CATEGORY_C', contributionCents: 110_000, plannedParticipants: 10, nlqfLevel: 'NLQF_LEVEL_3', deliveryMode: 'DELIVERY_MODE_ONLINE_LIVE', sector: 'SECTOR_ICT', leadsToCertificate: true, guidance: '', providerId: '' }],
  });

  it('an applicant sees its own, an officer all; filters by status and pages', async () => {
    const one = await knownProvider(f.prisma, 'Een');
    const two = await knownProvider(f.prisma, 'Twee');
    const a1 = await submitScholingApplication(f.prisma, one.actor, application(one.providerId, 'A1'), OCTOBER_2020);
    const a2 = await submitScholingApplication(f.prisma, one.actor, application(one.providerId, 'A2'), new Date(OCTOBER_2020.getTime() + 1_000));
    const b1 = await submitScholingApplication(f.prisma, two.actor, application(two.providerId, 'B1'), new Date(OCTOBER_2020.getTime() + 2_000));
    await decideScholingApplication(f.prisma, officer, a2, { granted: true, grantedActivityIds: [], reasons: [], decisionReference: 'B-1' }, new Date(OCTOBER_2020.getTime() + 3_000));

    expect((await listScholingApplications(f.prisma, one.actor, {})).ids).toEqual([a1, a2]);
    expect((await listScholingApplications(f.prisma, two.actor, {})).ids).toEqual([b1]);
    expect((await rejected(listScholingApplications(f.prisma, two.actor, { leadProviderId: one.providerId }))).kind).toBe('forbidden');
    expect((await rejected(listScholingApplications(f.prisma, { subject: 'x', scopes: [] }, {}))).kind).toBe('forbidden');
    expect((await listScholingApplications(f.prisma, one.actor, { statuses: ['GRANTED'] })).ids).toEqual([a2]);

    const first = await listScholingApplications(f.prisma, officer, { tijdvakId: 'NLLD_SCHOLING-2020-10', pageSize: 2 });
    expect(first).toMatchObject({ ids: [a1, a2], totalSize: 3, nextPageToken: '2' });
    expect(await listScholingApplications(f.prisma, officer, { tijdvakId: 'NLLD_SCHOLING-2020-10', pageSize: 2, pageToken: first.nextPageToken })).toEqual({ ids: [b1], totalSize: 3, nextPageToken: '' });
    expect((await rejected(listScholingApplications(f.prisma, officer, { statuses: ['UNSPECIFIED'], pageSize: 1_000 }))).violations.map((v) => v.field)).toEqual(['statuses', 'page.page_size']);
  });
});
