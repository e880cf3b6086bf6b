// The search response cache over real HTTP on the real database: a repeated search is answered from memory within
// the TTL (X-Cache: HIT, the same body) with a Cache-Control that lets a CDN do the same; a withdrawn training is
// still in the cached answer until the TTL is over and gone after it; identical searches at once are computed once;
// the size is bounded (least recently used out);
// bad input is refused as before and not cached; switched off, every search is a miss with `no-cache`.
import pino from 'pino';
import { createHttpApp, startHttpServer, type RunningHttpServer } from '@stap/platform/http';
import { createTraining } from '../src/application/create-training';
import { withdrawTraining } from '../src/application/training-lifecycle';
import { registerApi } from '../src/transport/http/register-api';
import { SearchResponseCache } from '../src/transport/http/search-response-cache';
import { aTraining, knownProvider, registerFixture, type RegisterFixture } from './register-fixture';

let f: RegisterFixture;
const servers: RunningHttpServer[] = [];
let clock = 1_000_000;

async function serve(cache: SearchResponseCache): Promise<string> {
  const app = createHttpApp({ serviceName: 'scholingsregister', logger: pino({ level: 'silent' }), readinessChecks: [], routes: (router) => registerApi(f.prisma, new Map(), cache)(router) });
  const server = await startHttpServer(app, 0);
  servers.push(server);
  return `http://127.0.0.1:${server.port}`;
}

async function search(base: string, query: string) {
  const response = await fetch(`${base}/api/v1/trainings?${query}`);
  return { status: response.status, cache: response.headers.get('x-cache'), cacheControl: response.headers.get('cache-control'), type: response.headers.get('content-type'), body: (await response.json()) as { trainings?: { id: string }[] } };
}

beforeAll(async () => {
  f = await registerFixture('sr_search_cache');
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await f.close();
});

describe('search response cache', () => {
  it('serves a repeated search from memory until the TTL is over, so a withdrawn training disappears within the TTL', async () => {
    const provider = await knownProvider(f.prisma, 'Cache Academie');
    const id = await createTraining(f.prisma, provider.actor, aTraining(provider.providerId, { name: 'Zeilmakerij voor beginners' }));
    const cache = new SearchResponseCache({ ttlSeconds: 5, maxEntries: 100, now: () => clock });
    const base = await serve(cache);

    const first = await search(base, 'q=zeilmakerij');
    expect(first).toMatchObject({ status: 200, cache: 'MISS', cacheControl: 'public, max-age=5' });
    expect(first.type).toMatch(/^application\/json/);
    expect(first.body.trainings?.map((t) => t.id)).toEqual([id]);
    // The same search spelt differently (an empty parameter) is the same entry.
    const again = await search(base, 'q=zeilmakerij&city=');
    expect(again).toMatchObject({ status: 200, cache: 'HIT', body: first.body });

    await withdrawTraining(f.prisma, provider.actor, id, 'niet meer aangeboden');
    clock += 4_999;
    expect(await search(base, 'q=zeilmakerij')).toMatchObject({ cache: 'HIT', body: first.body });
    clock += 1;
    const afterTtl = await search(base, 'q=zeilmakerij');
    expect(afterTtl).toMatchObject({ status: 200, cache: 'MISS' });
    expect(afterTtl.body.trainings).toEqual([]);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 2, misses: 2 });
  });

  it('keeps at most maxEntries searches, dropping the least recently used', async () => {
    const cache = new SearchResponseCache({ ttlSeconds: 60, maxEntries: 2, now: () => clock });
    const base = await serve(cache);
    await search(base, 'q=a1');
    await search(base, 'q=a2');
    expect((await search(base, 'q=a1')).cache).toBe('HIT'); // a1 is now the most recently used
    await search(base, 'q=a3'); // evicts a2
    expect(cache.size).toBe(2);
    expect((await search(base, 'q=a1')).cache).toBe('HIT');
    expect((await search(base, 'q=a2')).cache).toBe('MISS');
  });

  it('answers identical searches arriving together with one computation', async () => {
    const cache = new SearchResponseCache({ ttlSeconds: 5, maxEntries: 10, now: () => clock });
    const base = await serve(cache);
    const answers = await Promise.all([search(base, 'q=boekhouding&sort=NAME'), search(base, 'sort=NAME&q=boekhouding'), search(base, 'q=boekhouding&sort=NAME')]);
    expect(answers.map((a) => a.cache).sort()).toEqual(['HIT', 'HIT', 'MISS']);
    expect(answers[1].body).toEqual(answers[0].body);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 2, misses: 1 });
  });

  it('refuses bad input as problem+json and keeps nothing of it', async () => {
    const cache = new SearchResponseCache({ ttlSeconds: 60, maxEntries: 10, now: () => clock });
    const base = await serve(cache);
    const response = await fetch(`${base}/api/v1/trainings?q=x&pageToken=bm90LWEtdG9rZW4`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(cache.size).toBe(0);
  });

  it('switched off (TTL 0), answers every search from the database and says no-cache', async () => {
    const cache = new SearchResponseCache({ ttlSeconds: 0, maxEntries: 10, now: () => clock });
    const base = await serve(cache);
    expect(await search(base, 'q=zorg')).toMatchObject({ status: 200, cache: 'MISS', cacheControl: 'no-cache' });
    expect(await search(base, 'q=zorg')).toMatchObject({ status: 200, cache: 'MISS' });
    expect(cache.size).toBe(0);
  });
});
