// The public read API and the feed endpoint over HTTP JSON (Dutch API Design Rules: /api/v1, camelCase, errors as
// application/problem+json through the platform's HTTP kit). Reads are public; the feed needs a bearer token.
import type { Request, Router } from 'express';
import { z } from 'zod';
import type { Identity } from '@stap/platform/grpc';
import { ApplicationError, forbidden } from '@stap/platform/errors';
import { parseRequest } from '@stap/platform/http';
import type { PrismaClient } from '../../infrastructure/prisma/client';
import { getTraining } from '../../application/get-training';
import { searchTrainings, SORTS, type SqlRunner } from '../../application/search-trainings';
import { importFeed, listReportRows } from '../../application/import-feed';
import { listCatalogue } from '../../application/scholing-applications';
import { SCOPES, type Actor } from '../../application/actor';
import { toTrainingJson } from '../grpc/mappers';
import { SearchResponseCache } from './search-response-cache';

const list = z.preprocess((value) => (value === undefined ? undefined : String(value).split(',').filter(Boolean)), z.array(z.string()).optional());
const int = z.coerce.number().int().optional();

const searchParams = z.object({
  q: z.string().max(200).optional(),
  sector: list,
  nlqfLevel: list,
  deliveryMode: list,
  language: list,
  providerId: z.string().optional(),
  city: z.string().max(100).optional(),
  postcodeArea: z.string().optional(),
  startFrom: z.string().optional(),
  startTo: z.string().optional(),
  minPriceCents: int,
  maxPriceCents: int,
  applyable: z.enum(['true', 'false']).optional(),
  sort: z.enum(SORTS).optional(),
  pageSize: z.coerce.number().int().min(0).max(100).optional(),
  pageToken: z.string().max(200).optional(),
});

/**
 * `searchCache` answers repeated public searches from memory for a few seconds (search-response-cache.ts); without
 * it every search goes to the database. `runSearch` runs the search statement (default: through Prisma).
 */
/**
 * The cache key of a search: its validated parameters in the schema's order without empty ones (which the search
 * ignores), so the same search spelt differently in the URL (parameter order, `city=`) shares an entry.
 */
const searchKey = (p: z.output<typeof searchParams>) =>
  JSON.stringify(p, (_key, value: unknown) => (value === '' || (Array.isArray(value) && value.length === 0) ? undefined : value));

export function registerApi(prisma: PrismaClient, tokens: ReadonlyMap<string, Identity>, searchCache = new SearchResponseCache({ ttlSeconds: 0, maxEntries: 0 }), runSearch?: SqlRunner) {
  const actorOf = (request: Request): Actor => {
    const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
    const identity = match ? tokens.get(match[1]) : undefined;
    if (!identity) throw new ApplicationError('unauthenticated', 'a valid bearer token is required');
    return { subject: identity.subject, scopes: identity.scopes, kvkNumber: identity.kvkNumber };
  };

  return (router: Router) => {
    router.get('/api/v1/trainings', async (request, response) => {
      const p = parseRequest(searchParams, request.query);
      const { body, hit } = searchCache.answer(searchKey(p), async () => {
        const result = await searchTrainings(prisma, {
          query: p.q, sectors: p.sector, nlqfLevels: p.nlqfLevel, deliveryModes: p.deliveryMode, languages: p.language, providerId: p.providerId, city: p.city,
          postcodeArea: p.postcodeArea, startFrom: p.startFrom, startTo: p.startTo, minPriceCents: p.minPriceCents, maxPriceCents: p.maxPriceCents,
          applyableOnly: p.applyable === 'true', sort: p.sort, pageSize: p.pageSize, pageToken: p.pageToken,
        }, runSearch);
                return JSON.stringify({
          trainings: result.trainings.map((t, index) => {
            const matching = new Set(result.hits[index].startMomentIds);
            return { ...toTrainingJson(t, t.startMoments.filter((sm) => matching.has(sm.id))), relevance: result.hits[index].relevance };
          }),
          totalSize: result.totalSize,
          totalSizeIsExact: result.totalSizeIsExact,
          nextPageToken: result.nextPageToken || undefined,
        });
      });
      const json = await body;
      response.type('application/json').set('Cache-Control', searchCache.cacheControl).set('X-Cache', hit ? 'HIT' : 'MISS').send(json);
    });

    router.get('/api/v1/trainings/:id', async (request, response) => {
      response.json(toTrainingJson(await getTraining(prisma, { trainingId: String(request.params.id) })));
    });

    router.get('/api/v1/catalogue', async (request, response) => {
      const p = parseRequest(z.object({ q: z.string().max(200).optional(), sector: list, category: list, offset: int, limit: z.coerce.number().int().min(1).max(500).optional() }), request.query);
      const activities = await listCatalogue(prisma, { query: p.q, sectors: p.sector, categories: p.category }, p.offset ?? 0, p.limit ?? 50);
      response.json({
        activities: activities.map((a) => ({
          id: a.id, applicationId: a.applicationId, tijdvakId: a.application.tijdvakId, providerId: a.providerId, title: a.title, description: a.description,
          category: a.category, contributionCents: a.contributionCents, nlqfLevel: a.nlqfLevel, deliveryMode: a.deliveryMode, sector: a.sector,
          applicantType: a.application.applicantType, coFinancingCents: a.application.coFinancingCents, partners: a.application.partners,
        })),
      });
    });

    router.post('/api/v1/feeds', async (request, response) => {
      const summary = await importFeed(prisma, actorOf(request), request.body);
      response.status(201).location(`/api/v1/feeds/${summary.id}`).json(summary);
    });

    router.get('/api/v1/feeds/:id/report', async (request, response) => {
      const actor = actorOf(request);
      const p = parseRequest(z.object({ signal: z.enum(['INFO', 'FOUT']).optional(), offset: int, limit: z.coerce.number().int().min(1).max(5000).optional() }), request.query);
      const feed = await prisma.feedSubmission.findUnique({ where: { id: /^[0-9a-f-]{36}$/i.test(String(request.params.id)) ? String(request.params.id) : '00000000-0000-0000-0000-000000000000' } });
      const provider = feed && (await prisma.providerProjection.findUnique({ where: { providerId: feed.providerId } }));
      if (feed && !actor.scopes.includes(SCOPES.keeper) && provider?.kvkNumber !== actor.kvkNumber) throw forbidden('only the submitting provider and the register keeper read a feed');
      const rows = await listReportRows(prisma, feed?.id ?? String(request.params.id), p.signal, p.offset ?? 0, p.limit ?? 1000);
      response.json({ feed, rows });
    });
  };
}

export const OPENAPI_DOCUMENT = {
  openapi: '3.0.3',
  info: { title: 'Scholingsregister', version: '1.0.0', description: 'Register van opleidingen en startmomenten (STAP), levering (feed) met verwerkingsverslag, zoeken en de catalogus NL Leert Door.' },
  paths: {
    '/api/v1/trainings': { get: { summary: 'Zoek opleidingen (Nederlandse full-text, filters, sortering, paginering)', responses: { 200: { description: 'Een pagina met opleidingen' }, 400: { description: 'Ongeldige parameters (problem+json)' } } } },
    '/api/v1/trainings/{id}': { get: { summary: 'Eén opleiding met alle startmomenten', responses: { 200: { description: 'De opleiding' }, 404: { description: 'Niet gevonden' } } } },
    '/api/v1/catalogue': { get: { summary: 'Catalogus van toegekende NL Leert Door-activiteiten', responses: { 200: { description: 'Activiteiten' } } } },
    '/api/v1/feeds': { post: { summary: 'Lever een feed (JSON Schema: feed/edu-dex-feed.schema.json)', responses: { 201: { description: 'Verwerkt; samenvatting van het verwerkingsverslag' }, 400: { description: 'Ongeldige kop' }, 401: { description: 'Geen geldig token' }, 403: { description: 'Niet de eigen aanbieder' } } } },
    '/api/v1/feeds/{id}/report': { get: { summary: 'Regels van het verwerkingsverslag (INFO/FOUT)', responses: { 200: { description: 'De regels' } } } },
  },
};
