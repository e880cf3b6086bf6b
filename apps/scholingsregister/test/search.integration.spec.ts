// Search on the real database: Dutch stemming ("boekhouden" finds "Boekhouding voor zzp'ers"), every filter,
// sorting, paging with tokens bound to the query, and what public search never shows.
import { createTraining } from '../src/application/create-training';
import { Pool } from 'pg';
import { pgRunner, searchTrainings, type SearchQuery } from '../src/application/search-trainings';
import { withdrawTraining } from '../src/application/training-lifecycle';
import { getTraining, getTrainingsByIds } from '../src/application/get-training';
import { aStartMoment, aTraining, knownProvider, registerFixture, type RegisterFixture } from './register-fixture';

let f: RegisterFixture;
const ids: Record<string, string> = {};
let providerA: string;

beforeAll(async () => {
  f = await registerFixture('sr_search');
  const a = await knownProvider(f.prisma, 'Rekenhuis');
  const b = await knownProvider(f.prisma, 'Zorgacademie');
  providerA = a.providerId;
  const online = { kind: 'LOCATION_KIND_ONLINE' };
  const at = (postalCode: string, city: string) => ({ kind: 'LOCATION_KIND_NETHERLANDS_ADDRESS', address: { street: 'Markt', houseNumber: 1, houseNumberAddition: '', postalCode, city } });
  ids.boekhouding = await createTraining(f.prisma, a.actor, aTraining(a.providerId, { name: "Boekhouding voor zzp'ers", description: 'Administratie bijhouden en btw-aangifte doen.', sector: 'SECTOR_FINANCE', nlqfLevel: 'NLQF_LEVEL_4', startMoments: [aStartMoment('1', { startDate: '2026-09-01', endDate: '2026-10-01', location: at('3511 AB', 'Utrecht'), price: { courseTuitionCents: 90_000, examCents: null, literatureCents: null } })] }));
  ids.excel = await createTraining(f.prisma, a.actor, aTraining(a.providerId, { name: 'Excel voor financiële professionals', description: 'Draaitabellen en formules voor de boekhouder.', sector: 'SECTOR_FINANCE', nlqfLevel: 'NLQF_LEVEL_5', deliveryMode: 'DELIVERY_MODE_ONLINE_SELF_PACED', startMoments: [aStartMoment('1', { startDate: '2026-11-01', endDate: '2026-12-01', location: online, price: { courseTuitionCents: 45_000, examCents: null, literatureCents: null } })] }));
  ids.zorg = await createTraining(f.prisma, b.actor, aTraining(b.providerId, { name: 'Verzorgende IG', description: 'Zorg verlenen aan cliënten in de ouderenzorg.', sector: 'SECTOR_HEALTHCARE_WELFARE', nlqfLevel: 'NLQF_LEVEL_3', startMoments: [aStartMoment('1', { startDate: '2027-02-01', endDate: '2027-08-01', location: at('9711 AA', 'Groningen'), price: { courseTuitionCents: 250_000, examCents: 15_000, literatureCents: null } })] }));
  ids.incomplete = await createTraining(f.prisma, a.actor, aTraining(a.providerId, { name: 'Boekhouden voor beginners', startMoments: [] }));
  ids.withdrawn = await createTraining(f.prisma, a.actor, aTraining(a.providerId, { name: 'Boekhouden oud' }));
  await withdrawTraining(f.prisma, a.actor, ids.withdrawn, 'gestopt');
});
afterAll(() => f.close());

const found = async (q: SearchQuery) => (await searchTrainings(f.prisma, q)).hits.map((h) => Object.entries(ids).find(([, id]) => id === h.trainingId)?.[0]);

it('finds Dutch words by their stem: "boekhouden" finds "Boekhouding voor zzp\'ers" first, never incomplete or withdrawn ones', async () => {
  expect(await found({ query: 'boekhouden' })).toEqual(['boekhouding']);
  expect(await found({ query: 'administratie boekhouding' })).toEqual(['boekhouding']);
  expect(await found({ query: 'ouderenzorg' })).toEqual(['zorg']);
  expect(await found({ query: 'zorgacademie' })).toEqual(['zorg']); // provider name is searchable too
  expect(await found({ query: 'tandarts' })).toEqual([]);
});

it('filters on sector, level, delivery mode, place, postcode area, price range, start window and provider', async () => {
  expect(await found({ sectors: ['SECTOR_FINANCE'] })).toEqual(['boekhouding', 'excel']);
  expect(await found({ nlqfLevels: ['NLQF_LEVEL_3', 'NLQF_LEVEL_5'] })).toEqual(['excel', 'zorg']);
  expect(await found({ deliveryModes: ['DELIVERY_MODE_ONLINE_SELF_PACED'] })).toEqual(['excel']);
  expect(await found({ city: 'groningen' })).toEqual(['zorg']);
  expect(await found({ postcodeArea: '35' })).toEqual(['boekhouding']);
  expect(await found({ minPriceCents: 50_000, maxPriceCents: 100_000 })).toEqual(['boekhouding']);
  expect(await found({ startFrom: '2026-10-15', startTo: '2026-12-31' })).toEqual(['excel']);
  expect(await found({ providerId: providerA })).toEqual(['boekhouding', 'excel']);
  expect(await found({ providerId: providerA, sectors: ['SECTOR_FINANCE'], city: 'utrecht', query: 'btw' })).toEqual(['boekhouding']);
});

it('sorts by price and name, and pages with tokens bound to their query', async () => {
  expect(await found({ sort: 'PRICE_ASCENDING' })).toEqual(['excel', 'boekhouding', 'zorg']);
  expect(await found({ sort: 'PRICE_DESCENDING' })).toEqual(['zorg', 'boekhouding', 'excel']);
  expect(await found({ sort: 'NAME' })).toEqual(['boekhouding', 'excel', 'zorg']);
  const first = await searchTrainings(f.prisma, { sort: 'NAME', pageSize: 2 });
  expect(first.totalSize).toBe(3);
  const second = await searchTrainings(f.prisma, { sort: 'NAME', pageSize: 2, pageToken: first.nextPageToken });
  expect(second.hits.map((h) => h.trainingId)).toEqual([ids.zorg]);
  expect(second.nextPageToken).toBe('');
  await expect(searchTrainings(f.prisma, { sort: 'PRICE_ASCENDING', pageToken: first.nextPageToken })).rejects.toMatchObject({ kind: 'invalid' });
  await expect(searchTrainings(f.prisma, { sectors: ['SECTOR_SPACE'], postcodeArea: '0x' })).rejects.toMatchObject({ violations: [{ field: 'sectors', description: 'unknown value "SECTOR_SPACE"' }, { field: 'postcode_area', description: 'must be the first 2 to 4 digits of a postcode' }] });
});

it('loads a page of hits as the same trainings GetTraining gives, in the order asked', async () => {
  const page = [ids.zorg, ids.boekhouding, ids.incomplete, ids.excel];
  const expected = await Promise.all(page.map((trainingId) => getTraining(f.prisma, { trainingId })));
  expect(await getTrainingsByIds(f.prisma, page)).toEqual(expected);
});

it("returns each hit's training, in the same round trip, as GetTraining gives it", async () => {
  const result = await searchTrainings(f.prisma, { sort: 'NAME', pageSize: 3 });
  expect(result.trainings.map((t) => t.id)).toEqual(result.hits.map((hit) => hit.trainingId));
  expect(result.trainings).toHaveLength(3);
  expect(result.trainings).toEqual(await Promise.all(result.hits.map(({ trainingId }) => getTraining(f.prisma, { trainingId }))));
});

it('gives the same answers through node-postgres (the HTTP hot path) as through Prisma', async () => {
  const pool = new Pool({ connectionString: f.db.url, max: 2 });
  try {
    const first = await searchTrainings(f.prisma, { sort: 'NAME', pageSize: 1 });
    const queries: SearchQuery[] = [
      { query: 'boekhouden' },
      { sectors: ['SECTOR_FINANCE'], sort: 'PRICE_ASCENDING', pageSize: 1 },
      { city: 'Utrecht', maxPriceCents: 100_000, applyableOnly: true },
      { sort: 'NAME', pageSize: 1, pageToken: first.nextPageToken },
    ];
    for (const q of queries) {
      const viaPrisma = await searchTrainings(f.prisma, q);
      expect(await searchTrainings(f.prisma, q, pgRunner(pool))).toEqual(viaPrisma);
    }
    expect((await searchTrainings(f.prisma, { query: 'boekhouden' }, pgRunner(pool))).hits.length).toBeGreaterThan(0);
  } finally {
    await pool.end();
  }
});
