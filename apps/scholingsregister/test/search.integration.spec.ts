// Search on the real database: Dutch stemming ("boekhouden" finds "Boekhouding voor zzp'ers"), accents ignored
// ("cafe" finds "Café", "creme" finds "crème" and the reverse), every filter, sorting, paging with tokens bound to
// the query, and what public search never shows; the accent migration recomputes the vectors already stored.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase } from '@stap/platform/testing/infrastructure';
import { createPrismaClient } from '../src/infrastructure/prisma/client';
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

describe('accents do not matter (dutch_unaccent)', () => {
  let g: RegisterFixture;
  let provider: string;
  const accented: Record<string, string> = {};
  const foundHere = async (query: string) =>
    (await searchTrainings(g.prisma, { query, providerId: provider })).hits.map((h) => Object.entries(accented).find(([, id]) => id === h.trainingId)?.[0]).sort();

  beforeAll(async () => {
    g = await registerFixture('sr_search_accents');
    const p = await knownProvider(g.prisma, 'Horecaschool Curaçao');
    provider = p.providerId;
    accented.cafe = await createTraining(g.prisma, p.actor, aTraining(p.providerId, { name: 'Café-ondernemer', description: 'Een eigen café of reünie-locatie beginnen.' }));
    accented.financieel = await createTraining(g.prisma, p.actor, aTraining(p.providerId, { name: 'Financiële administratie', description: 'Jaarrekening lezen.' }));
    accented.patisserie = await createTraining(g.prisma, p.actor, aTraining(p.providerId, { name: 'Crème brûlée en pâtisserie', description: 'Desserts voor de à-la-carterestaurant.' }));
    accented.plain = await createTraining(g.prisma, p.actor, aTraining(p.providerId, { name: 'Creme brulee voor thuis', description: 'Reunie van oud-cursisten, cafe-sfeer.' }));
  });
  afterAll(() => g.close());

  it('finds accented words without accents and unaccented words with them', async () => {
    expect(await foundHere('cafe')).toEqual(['cafe', 'plain']);
    expect(await foundHere('café')).toEqual(['cafe', 'plain']);
    expect(await foundHere('reunie')).toEqual(['cafe', 'plain']);
    expect(await foundHere('reünie')).toEqual(['cafe', 'plain']);
    expect(await foundHere('financiele')).toEqual(['financieel']);
    // è, û, â and ç are kept by the Dutch stemmer itself (it only folds ¨ and ´): these need unaccent.
    expect(await foundHere('creme brulee')).toEqual(['patisserie', 'plain']);
    expect(await foundHere('crème brûlée')).toEqual(['patisserie', 'plain']);
    expect(await foundHere('patisserie')).toEqual(['patisserie']);
    expect(await foundHere('curacao')).toEqual(['cafe', 'financieel', 'patisserie', 'plain']); // provider name
  });

  it('keeps Dutch stemming: "boekhouden" still finds "Boekhouding", "financiële" finds "financiele"', async () => {
    const p = await knownProvider(g.prisma, 'Rekenhuis');
    const id = await createTraining(g.prisma, p.actor, aTraining(p.providerId, { name: "Boekhouding voor zzp'ers", description: 'Financiele basis.' }));
    const hits = async (query: string) => (await searchTrainings(g.prisma, { query, providerId: p.providerId })).hits.map((h) => h.trainingId);
    expect(await hits('boekhouden')).toEqual([id]);
    expect(await hits('financiële')).toEqual([id]);
  });
});

it('the accent migration recomputes the search vectors stored before it', async () => {
  const all = path.resolve(__dirname, '../prisma/migrations');
  const names = readdirSync(all, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const accentMigration = names.findIndex((name) => name.endsWith('_search_unaccent'));
  expect(accentMigration).toBeGreaterThan(0);
  const before = mkdtempSync(path.join(tmpdir(), 'sr-migrations-'));
  for (const name of names.slice(0, accentMigration)) cpSync(path.join(all, name), path.join(before, name), { recursive: true });
  const db = await createTestDatabase('sr_search_unaccent_mig');
  try {
    await migrateDatabase(db.url, before);
    const prisma = createPrismaClient(db.url);
    try {
      // Written as the code before the migration did, in SQL: the code of now needs dutch_unaccent and the columns of
      // later migrations, which do not exist yet.
      const p = { providerId: randomUUID() };
      await prisma.$executeRaw`INSERT INTO provider_projection (provider_id, kvk_number, legal_name, communication_name, registered_at)
                               VALUES (${p.providerId}::uuid, '12345678', 'Horeca B.V.', 'Horeca', now())`;
      const id = randomUUID();
      await prisma.$executeRaw`
        INSERT INTO training (id, provider_id, provider_programme_code, name, description, study_load_hours, nlqf_level, eqf_level, sector,
                              language, delivery_mode, leads_to_certificate, lifecycle, status, provider_eligible, search_vector)
        VALUES (${id}::uuid, ${p.providerId}::uuid, 'P-1', 'Crème brûlée', 'Desserts.', 10, 'NLQF_LEVEL_2', 'EQF_LEVEL_2', 'SECTOR_FINANCE',
                'nl', 'DELIVERY_MODE_CLASSROOM', false, 'ACTIVE', 'TRAINING_STATUS_PUBLISHED', true,
                setweight(to_tsvector('dutch', 'Crème brûlée'), 'A') || setweight(to_tsvector('dutch', 'Desserts.'), 'B') || setweight(to_tsvector('dutch', 'Horeca'), 'C'))`;
      const vector = async () => (await prisma.$queryRaw<{ v: string }[]>`SELECT search_vector::text AS v FROM training WHERE id = ${id}::uuid`)[0].v;
      expect(await vector()).toContain("'crèm'"); // stored by the code of the time: 'dutch' keeps the grave accent
      await migrateDatabase(db.url, all);
      expect(await vector()).toContain("'crem'");
      expect((await searchTrainings(prisma, { query: 'creme' })).hits.map((h) => h.trainingId)).toEqual([id]);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    rmSync(before, { recursive: true, force: true });
    await db.drop();
  }
}, 60_000);
