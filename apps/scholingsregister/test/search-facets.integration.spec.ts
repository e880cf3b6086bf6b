// The search facets on the training row (domain/search-facets.ts) stay true after every kind of change, on the
// real database: a feed's new programmes, cancelling a start moment, changing its price, marking it full, provider
// eligibility and exclusion. Each change is checked twice: the stored facets equal those computed from the start
// moments as stored now, and search answers as the start moments say.
import { importFeed } from '../src/application/import-feed';
import { COUNT_LIMIT, searchTrainings, type SearchQuery } from '../src/application/search-trainings';
import { cancelStartMoment, markStartMomentFull } from '../src/application/manage-start-moments';
import { updateStartMoment } from '../src/application/update-start-moment';
import { excludeTraining } from '../src/application/training-lifecycle';
import { applyProviderFact } from '../src/application/apply-provider-events';
import { searchFacets } from '../src/domain/search-facets';
import { facetColumns, isoDate } from '../src/infrastructure/training-store';
import { knownProvider, registerFixture, reviewer, type RegisterFixture } from './register-fixture';

let f: RegisterFixture;
beforeAll(async () => void (f = await registerFixture('sr_facets')));
afterAll(() => f.close());

const at = (postalCode: string, city: string) => ({ kind: 'LOCATION_KIND_NETHERLANDS_ADDRESS', address: { street: 'Markt', houseNumber: 1, postalCode, city } });
const startMoment = (code: string, startDate: string, location: object, courseTuitionCents: number) => ({
  startMomentCode: code, startDate, endDate: '2027-12-31', location, price: { courseTuitionCents },
});
const programme = (code: string, startMoments: object[]) => ({
  programmeCode: code, name: `Lassen ${code}`, description: 'MIG/MAG-lassen in de praktijk', studyLoadHours: 40, nlqfLevel: 'NLQF_LEVEL_2', eqfLevel: 'EQF_LEVEL_2',
  sector: 'SECTOR_INDUSTRY_TECHNOLOGY', language: 'nl', deliveryMode: 'DELIVERY_MODE_CLASSROOM', leadsToCertificate: true, startMoments,
});

/** The stored facets of a training, and the facets its start moments give now. */
async function facetsOf(trainingId: string) {
  const t = await f.prisma.training.findUniqueOrThrow({ where: { id: trainingId }, include: { startMoments: true } });
  const stored = {
    minPriceCents: t.minPriceCents, firstStartDate: t.firstStartDate, listedCityKeys: t.listedCityKeys, listedPostcodeAreas: t.listedPostcodeAreas,
    listedMinTotalCents: t.listedMinTotalCents, listedMaxTotalCents: t.listedMaxTotalCents, listedFirstStartDate: t.listedFirstStartDate, listedLastStartDate: t.listedLastStartDate,
  };
  const expected = facetColumns(searchFacets(t.startMoments.map((sm) => ({ ...sm, startDate: isoDate(sm.startDate) }))));
  return { stored, expected, startMoments: t.startMoments };
}

const finds = async (q: SearchQuery, trainingId: string) => (await searchTrainings(f.prisma, q)).hits.some((hit) => hit.trainingId === trainingId);

it('facets follow cancel, price change, full, provider eligibility and exclusion, and search answers accordingly', async () => {
  const { providerId, kvkNumber, actor } = await knownProvider(f.prisma);
  const feed = await importFeed(f.prisma, actor, {
    feedReference: 'f-1', mode: 'DELTA', provider: { providerId, kvkNumber },
    programmes: [programme('L-1', [startMoment('U', '2026-10-01', at('3511 AX', 'Utrecht'), 80_000), startMoment('G', '2027-02-01', at('9711 AA', 'Groningen'), 150_000)])],
  });
  const trainingId = (await f.prisma.feedReportRow.findFirstOrThrow({ where: { feedId: feed.id, code: 'CREATED', subject: 'PROGRAMME' } })).trainingId as string;
  let facets = await facetsOf(trainingId);
  expect(facets.stored).toEqual(facets.expected);
  expect(facets.stored).toMatchObject({ listedCityKeys: ['groningen', 'utrecht'], listedPostcodeAreas: ['35', '351', '3511', '97', '971', '9711'], minPriceCents: 80_000, listedMaxTotalCents: 150_000 });
  expect(await finds({ city: 'Groningen', query: 'lassen' }, trainingId)).toBe(true);
  expect(await finds({ postcodeArea: '97', maxPriceCents: 100_000 }, trainingId)).toBe(false); // no single start moment in 97 under €1,000
  expect(await finds({ postcodeArea: '35', maxPriceCents: 100_000 }, trainingId)).toBe(true);
  expect(await finds({ city: 'utrecht', postcodeArea: '97' }, trainingId)).toBe(false); // both facets match, no one start moment does
  expect(await finds({ city: 'utrecht', postcodeArea: '3511' }, trainingId)).toBe(true);

  const [groningen, utrecht] = ['G', 'U'].map((code) => {
    const found = facets.startMoments.find((sm) => sm.providerStartMomentCode === code);
    if (!found) throw new Error(`start moment ${code} was not stored`);
    return found;
  });
  await cancelStartMoment(f.prisma, actor, groningen.id, 'te weinig aanmeldingen');
  facets = await facetsOf(trainingId);
  expect(facets.stored).toEqual(facets.expected);
  expect(facets.stored).toMatchObject({ listedCityKeys: ['utrecht'], listedPostcodeAreas: ['35', '351', '3511'], listedMaxTotalCents: 80_000 });
  expect(await finds({ city: 'groningen' }, trainingId)).toBe(false);
  expect(await finds({ startFrom: '2027-01-01' }, trainingId)).toBe(false);

  await updateStartMoment(f.prisma, actor, utrecht.id, null, { price: { courseTuitionCents: 60_000, examCents: null, literatureCents: null } });
  facets = await facetsOf(trainingId);
  expect(facets.stored).toEqual(facets.expected);
  expect(facets.stored).toMatchObject({ minPriceCents: 60_000, listedMinTotalCents: 60_000, listedMaxTotalCents: 60_000 });
  expect(await finds({ minPriceCents: 70_000 }, trainingId)).toBe(false);
  expect(await finds({ maxPriceCents: 60_000, city: 'utrecht' }, trainingId)).toBe(true);

  await markStartMomentFull(f.prisma, actor, utrecht.id);
  facets = await facetsOf(trainingId);
  expect(facets.stored).toEqual(facets.expected);
  expect(facets.stored).toMatchObject({ minPriceCents: null, listedCityKeys: ['utrecht'] });
  expect(await finds({ city: 'utrecht' }, trainingId)).toBe(true); // a full start moment is still listed
  expect(await finds({ city: 'utrecht', applyableOnly: true }, trainingId)).toBe(false); // but not open
});

it('applyable-only search follows provider eligibility, and an excluded training is never found', async () => {
  const { providerId, kvkNumber, actor } = await knownProvider(f.prisma);
  const feed = await importFeed(f.prisma, actor, { feedReference: 'f-2', mode: 'DELTA', provider: { providerId, kvkNumber }, programmes: [programme('L-2', [startMoment('A', '2026-11-01', at('1012 AB', 'Amsterdam'), 50_000)])] });
  const trainingId = (await f.prisma.feedReportRow.findFirstOrThrow({ where: { feedId: feed.id, code: 'CREATED', subject: 'PROGRAMME' } })).trainingId as string;
  const recognition = await f.prisma.providerRecognition.findFirstOrThrow({ where: { providerId } });
  const applyableInAmsterdam = { city: 'amsterdam', postcodeArea: '1012', applyableOnly: true };
  expect(await finds(applyableInAmsterdam, trainingId)).toBe(true);

  await f.prisma.$transaction((tx) => applyProviderFact(tx, { kind: 'recognition', providerId, recognitionId: recognition.recognitionId, status: 'REVOKED' }));
  expect(await finds(applyableInAmsterdam, trainingId)).toBe(false);
  expect(await finds({ city: 'amsterdam' }, trainingId)).toBe(true); // still listed, just not applyable
  await f.prisma.$transaction((tx) => applyProviderFact(tx, { kind: 'recognition', providerId, recognitionId: recognition.recognitionId, status: 'VALID' }));
  expect(await finds(applyableInAmsterdam, trainingId)).toBe(true);

  await excludeTraining(f.prisma, reviewer, trainingId, { reasonCode: 'EXCLUSION_REASON_CODE_NOT_MARKET_PRICED', explanation: 'Prijs niet marktconform', decisionReference: 'TK-1', decisionReason: 'niet marktconform' });
  const facets = await facetsOf(trainingId);
  expect(facets.stored).toEqual(facets.expected);
  expect(await finds({ city: 'amsterdam' }, trainingId)).toBe(false);
  expect(await finds({ query: 'lassen' }, trainingId)).toBe(false);
});

it('counts exactly up to the count limit, and beyond it gives the limit as a lower bound', async () => {
  const { providerId, kvkNumber, actor } = await knownProvider(f.prisma);
  const programmes = Array.from({ length: COUNT_LIMIT + 1 }, (_, i) => programme(`C-${i}`, [startMoment('1', '2026-10-01', at('8011 AB', 'Zwolle'), 40_000 + i)]));
  await importFeed(f.prisma, actor, { feedReference: 'f-3', mode: 'DELTA', provider: { providerId, kvkNumber }, programmes });
  const all = await searchTrainings(f.prisma, { providerId, pageSize: 10 });
  expect(all).toMatchObject({ totalSize: COUNT_LIMIT, totalSizeIsExact: false });
  expect(all.hits).toHaveLength(10);
  const cheap = await searchTrainings(f.prisma, { providerId, maxPriceCents: 40_000 + 24, pageSize: 10 });
  expect(cheap).toMatchObject({ totalSize: 25, totalSizeIsExact: true });
  const last = await searchTrainings(f.prisma, { providerId, maxPriceCents: 40_000 + 24, pageSize: 10, pageToken: (await searchTrainings(f.prisma, { providerId, maxPriceCents: 40_000 + 24, pageSize: 10, pageToken: cheap.nextPageToken })).nextPageToken });
  expect(last).toMatchObject({ totalSize: 25, totalSizeIsExact: true, nextPageToken: '' });
  expect(last.hits).toHaveLength(5);
  // Ranked by relevance, the count comes from the ranking pass (a window count): the same bounds and exactness.
  expect(await searchTrainings(f.prisma, { providerId, query: 'lassen', pageSize: 10 })).toMatchObject({ totalSize: COUNT_LIMIT, totalSizeIsExact: false });
  const ranked = await searchTrainings(f.prisma, { providerId, query: 'lassen', maxPriceCents: 40_000 + 24, pageSize: 10 });
  expect(ranked).toMatchObject({ totalSize: 25, totalSizeIsExact: true });
  expect(await searchTrainings(f.prisma, { providerId, query: 'lassen', maxPriceCents: 40_000 + 24, pageSize: 10, pageToken: ranked.nextPageToken })).toMatchObject({ totalSize: 25, totalSizeIsExact: true });
});
