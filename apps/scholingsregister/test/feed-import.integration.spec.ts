// Bulk feed import on the real database: a feed mixing good and bad records gives exactly the expected processing
// report rows and applies only the good items; re-importing the same feed changes nothing; the same reference
// returns the first processing; a changed item is applied as a change; FULL mode withdraws what is missing.
import { importFeed, listReportRows } from '../src/application/import-feed';
import { getTraining } from '../src/application/get-training';
import { knownProvider, registerFixture, type RegisterFixture } from './register-fixture';

let f: RegisterFixture;
beforeAll(async () => void (f = await registerFixture('sr_feed')));
afterAll(() => f.close());

const address = { street: 'Oudegracht', houseNumber: 100, postalCode: '3511 AX', city: 'Utrecht' };
const startMoment = (code: string, overrides: object = {}) => ({
  startMomentCode: code, startDate: '2026-10-01', endDate: '2026-12-01',
  location: { kind: 'LOCATION_KIND_NETHERLANDS_ADDRESS', address }, price: { courseTuitionCents: 75_000, examCents: 5_000 }, ...overrides,
});
const programme = (code: string, overrides: object = {}) => ({
  programmeCode: code, name: `Opleiding ${code}`, description: 'Beschrijving', studyLoadHours: 40, nlqfLevel: 'NLQF_LEVEL_3', eqfLevel: 'EQF_LEVEL_3',
  sector: 'SECTOR_ICT', language: 'nl', deliveryMode: 'DELIVERY_MODE_BLENDED', leadsToCertificate: true, startMoments: [startMoment(`${code}-1`)], ...overrides,
});

const rowsOf = async (feedId: string) =>
  (await listReportRows(f.prisma, feedId)).map((r) => [r.itemSequence, r.signal, r.subject, r.providerProgrammeCode, r.providerStartMomentCode, r.code, r.providerKvkNumber]);

it('a feed mixing good and bad records reports each exactly and applies only the good ones; re-import changes nothing', async () => {
  const { providerId, kvkNumber, actor } = await knownProvider(f.prisma);
  const feed = {
    feedReference: 'levering-1', mode: 'DELTA', provider: { providerId, kvkNumber },
    programmes: [
      programme('GOED-1'),
      programme('FOUT-POSTCODE', { startMoments: [startMoment('FP-1', { location: { kind: 'LOCATION_KIND_NETHERLANDS_ADDRESS', address: { ...address, postalCode: '351 AX' } } })] }),
      programme('FOUT-PRIJS', { startMoments: [startMoment('PR-1', { price: { examCents: 100 } })] }),
      programme('FOUT-STRUCTUUR', { sector: undefined }),
      programme('GOED-2', { startMoments: [startMoment('G2-1'), startMoment('G2-2', { startDate: '2027-01-05', endDate: '2027-02-05', location: { kind: 'LOCATION_KIND_ONLINE' } })] }),
      programme('GOED-1'),
    ],
  };
  const first = await importFeed(f.prisma, actor, feed);
  expect(first).toMatchObject({ status: 'PROCESSED', itemCount: 6, appliedCount: 2, failedCount: 4, errorRowCount: 4, infoRowCount: 5 });
  expect(await rowsOf(first.id)).toEqual([
    [1, 'INFO', 'PROGRAMME', 'GOED-1', '', 'CREATED', kvkNumber],
    [1, 'INFO', 'START_MOMENT', 'GOED-1', 'GOED-1-1', 'CREATED', kvkNumber],
    [2, 'FOUT', 'LOCATION', 'FOUT-POSTCODE', 'FP-1', 'POSTCODE_FORMAT', kvkNumber],
    [3, 'FOUT', 'START_MOMENT', 'FOUT-PRIJS', 'PR-1', 'PRICE_MISSING', kvkNumber],
    [4, 'FOUT', 'PROGRAMME', 'FOUT-STRUCTUUR', '', 'FIELD_INVALID', kvkNumber],
    [5, 'INFO', 'PROGRAMME', 'GOED-2', '', 'CREATED', kvkNumber],
    [5, 'INFO', 'START_MOMENT', 'GOED-2', 'G2-1', 'CREATED', kvkNumber],
    [5, 'INFO', 'START_MOMENT', 'GOED-2', 'G2-2', 'CREATED', kvkNumber],
    [6, 'FOUT', 'PROGRAMME', 'GOED-1', '', 'FIELD_INVALID', kvkNumber],
  ]);
  const trainings = await f.prisma.training.findMany({ where: { providerId }, orderBy: { providerProgrammeCode: 'asc' } });
  expect(trainings.map((t) => [t.providerProgrammeCode, t.status])).toEqual([['GOED-1', 'TRAINING_STATUS_PUBLISHED'], ['GOED-2', 'TRAINING_STATUS_PUBLISHED']]);
  const rowWithIds = (await listReportRows(f.prisma, first.id))[1];
  expect(rowWithIds.trainingId).toBe(trainings[0].id);
  expect(rowWithIds.startMomentId).toBeTruthy();

  const outboxBefore = await f.prisma.outboxEvent.count();
  const versionsBefore = trainings.map((t) => t.version);
  expect(await importFeed(f.prisma, actor, feed)).toEqual(first);

  const again = await importFeed(f.prisma, actor, { ...feed, feedReference: 'levering-2' });
  expect(again).toMatchObject({ status: 'PROCESSED', appliedCount: 0, failedCount: 4 });
  const infos = (await listReportRows(f.prisma, again.id, 'INFO')).map((r) => r.code);
  expect(new Set(infos)).toEqual(new Set(['UNCHANGED']));
  expect(await f.prisma.outboxEvent.count()).toBe(outboxBefore + 2); // FeedReceived + FeedProcessed only
  expect((await f.prisma.training.findMany({ where: { providerId }, orderBy: { providerProgrammeCode: 'asc' } })).map((t) => t.version)).toEqual(versionsBefore);
  expect(await f.prisma.startMoment.count({ where: { training: { providerId } } })).toBe(3);
});

it('a changed item is applied as a change, and FULL mode withdraws what the feed no longer lists', async () => {
  const { providerId, kvkNumber, actor } = await knownProvider(f.prisma);
  await importFeed(f.prisma, actor, { feedReference: 'a', mode: 'DELTA', provider: { providerId, kvkNumber }, programmes: [programme('A'), programme('B')] });
  const changed = await importFeed(f.prisma, actor, {
    feedReference: 'b', mode: 'FULL', provider: { providerId, kvkNumber },
    programmes: [programme('A', { name: 'Nieuwe naam', startMoments: [startMoment('A-1', { price: { courseTuitionCents: 70_000 } }), startMoment('A-2')] })],
  });
  expect(changed).toMatchObject({ appliedCount: 1, failedCount: 0 });
  expect(await rowsOf(changed.id)).toEqual([
    [0, 'INFO', 'PROGRAMME', 'B', '', 'WITHDRAWN', kvkNumber],
    [1, 'INFO', 'PROGRAMME', 'A', '', 'CHANGED', kvkNumber],
    [1, 'INFO', 'START_MOMENT', 'A', 'A-1', 'CHANGED', kvkNumber],
    [1, 'INFO', 'START_MOMENT', 'A', 'A-2', 'CREATED', kvkNumber],
  ]);
  const a = await f.prisma.training.findFirstOrThrow({ where: { providerId, providerProgrammeCode: 'A' }, include: { startMoments: { orderBy: { providerStartMomentCode: 'asc' } } } });
  expect(a.name).toBe('Nieuwe naam');
  expect(a.startMoments.map((sm) => sm.totalCents)).toEqual([70_000, 80_000]);
  expect((await getTraining(f.prisma, { trainingId: a.id })).minPriceCents).toBe(70_000);
  const b = await f.prisma.training.findFirstOrThrow({ where: { providerId, providerProgrammeCode: 'B' } });
  expect(b.status).toBe('TRAINING_STATUS_WITHDRAWN');
});

it('a feed for another provider is refused and writes nothing', async () => {
  const owner = await knownProvider(f.prisma);
  const other = await knownProvider(f.prisma);
  await expect(importFeed(f.prisma, other.actor, { feedReference: 'x', mode: 'DELTA', provider: { providerId: owner.providerId, kvkNumber: owner.kvkNumber }, programmes: [programme('X')] })).rejects.toMatchObject({ kind: 'forbidden' });
  await expect(importFeed(f.prisma, owner.actor, { feedReference: '', mode: 'SOMETIMES', provider: { providerId: owner.providerId, kvkNumber: owner.kvkNumber }, programmes: [] })).rejects.toMatchObject({ kind: 'invalid' });
  expect(await f.prisma.feedSubmission.count({ where: { providerId: owner.providerId } })).toBe(0);
});
