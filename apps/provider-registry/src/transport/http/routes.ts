// HTTP edge for providers and officers: a JSON API under /api/v1 (Dutch API Design Rules: version in the path,
// camelCase, problem+json errors from the platform kit) and server-rendered Dutch pages. The JSON bodies are the
// contract's messages in their canonical JSON form, so gRPC and HTTP callers see the same shapes.
import { createRequire } from 'node:module';
import type { Request, RequestHandler, Router } from 'express';
import { z } from 'zod';
import { ApplicationError } from '@stap/platform/errors';
import type { Identity } from '@stap/platform/grpc';
import { parseRequest, ProblemError, type OpenApiDocument } from '@stap/platform/http';
import * as Api from '@stap/contracts/stap/providers/v1/providers';
import { changeBankAccount } from '../../application/change-bank-account';
import { decideProviderStatus } from '../../application/decide-provider-status';
import { grantRecognition } from '../../application/grant-recognition';
import { registerAdviserOrganisation } from '../../application/register-adviser-organisation';
import { registerCareerAdviser } from '../../application/register-career-adviser';
import { renewRecognition } from '../../application/renew-recognition';
import { revokeRecognition } from '../../application/revoke-recognition';
import { checkProviderEligibility } from '../../application/check-eligibility';
import { bankAccountAt } from '../../application/get-bank-account';
import { getProvider } from '../../application/get-provider';
import { listProviders } from '../../application/list-providers';
import { registerProvider } from '../../application/register-provider';
import type { Actor } from '../../domain/actor';
import { todayInAmsterdam } from '../../domain/dates';
import { VersionConflict } from '../../domain/errors';
import type { RecognitionRouteName } from '../../domain/recognition';
import type { PrismaClient } from '../../infrastructure/prisma/client';
import { actorOf } from '../auth/actor';
import * as Map from '../grpc/provider-mapper';
import { providerPages } from './pages';

export interface HttpDependencies {
  prisma: PrismaClient;
  tokens: ReadonlyMap<string, Identity>;
  recognisingBodyRoutes: ReadonlyMap<string, RecognitionRouteName>;
}

export const OPENAPI_DOCUMENT: OpenApiDocument = {
  openapi: '3.0.3',
  info: { title: 'STAP provider registry', version: '1.0.0', description: 'Opleiders, erkenningen, bankrekeningen en bevoegdheid per regeling.' },
  paths: {
    '/api/v1/providers': { get: { summary: 'Opleiders zoeken (gepagineerd)' }, post: { summary: 'Opleider registreren' } },
    '/api/v1/providers/{id}': { get: { summary: 'Eén opleider' } },
    '/api/v1/providers/{id}/bank-account': { put: { summary: 'Bankrekening wijzigen' }, get: { summary: 'Bankrekening op een moment (betalingen)' } },
    '/api/v1/providers/{id}/eligibility': { get: { summary: 'Komt de opleider in aanmerking voor regeling R op datum D?' } },
    '/api/v1/providers/{id}/recognitions': { post: { summary: 'Erkenning vastleggen (erkenner, eigen route)' } },
    '/api/v1/providers/{id}/recognitions/{recognitionId}/renewal': { post: { summary: 'Erkenning verlengen' } },
    '/api/v1/providers/{id}/recognitions/{recognitionId}/revocation': { post: { summary: 'Erkenning intrekken' } },
    '/api/v1/providers/{id}/suspension': { post: { summary: 'Opleider schorsen (besluit)' } },
    '/api/v1/providers/{id}/reinstatement': { post: { summary: 'Schorsing opheffen (besluit)' } },
    '/api/v1/adviser-organisations': { post: { summary: 'Adviesorganisatie registreren' } },
    '/api/v1/adviser-organisations/{id}/career-advisers': { post: { summary: 'Loopbaanadviseur registreren' } },
  },
};

const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2022-06-01');

const listQuery = z.object({
  status: z.union([z.string(), z.array(z.string())]).optional(),
  route: z.union([z.string(), z.array(z.string())]).optional(),
  validOn: ISO_DATE.optional(),
  name: z.string().max(200).optional(),
  pageSize: z.coerce.number().int().min(0).max(500).optional(),
  pageToken: z.string().max(500).optional(),
});

const registration = z.object({
  kvkNumber: z.string(),
  legalName: z.string(),
  communicationName: z.string().optional(),
  contact: z.object({ email: z.string(), phone: z.string().optional(), website: z.string().optional() }),
  address: z.object({
    street: z.string(),
    houseNumber: z.number().int(),
    houseNumberAddition: z.string().optional(),
    postalCode: z.string(),
    city: z.string(),
  }),
});

const period = z.object({ start: ISO_DATE, end: ISO_DATE.optional() });
const grant = z.object({ route: z.string().max(32), issuingBody: z.string(), externalReference: z.string().optional(), validPeriod: period });
const renewal = z.object({ newEnd: ISO_DATE });
const revocation = z.object({ effectiveDate: ISO_DATE, reason: z.string() });
const decision = z.object({
  expectedVersion: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform((v) => BigInt(v)).optional(),
  reference: z.string(),
  reason: z.string(),
  decidedOn: ISO_DATE.optional(),
  effectiveDate: ISO_DATE,
});
const careerAdviser = z.object({
  name: z.string(),
  register: z.string().max(16),
  registrationNumber: z.string(),
  hboLevel: z.boolean(),
  yearsOfExperience: z.number(),
  activePeriod: period,
});

const bankAccount = z.object({ iban: z.string().max(64), accountHolderName: z.string() });
const eligibilityQuery = z.object({ regeling: z.string().max(64), date: ISO_DATE });
const accountAtQuery = z.object({ at: z.iso.datetime({ offset: true }) });

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function providerRoutes(deps: HttpDependencies): (router: Router) => void {
  const { prisma } = deps;
  const actorFrom = (request: Request): Actor => {
    const match = /^Bearer (.+)$/.exec(request.get('authorization') ?? '');
    const identity = match ? deps.tokens.get(match[1]) : undefined;
    if (!identity) throw new ApplicationError('unauthenticated', 'a valid bearer token is required');
    return actorOf(identity, deps.recognisingBodyRoutes);
  };
  const json = (fn: (request: Request, actor: Actor) => Promise<unknown>): RequestHandler =>
    async (request, response) => {
      try {
        response.json(await fn(request, actorFrom(request)));
      } catch (error) {
        if (error instanceof VersionConflict) throw new ProblemError({ status: 409, detail: error.message });
        throw error;
      }
    };

  return (router) => {
    router.get('/api/v1/providers', json(async (request, actor) => {
      const query = parseRequest(listQuery, request.query);
      const result = await listProviders(prisma, {
        statuses: asList(query.status),
        routes: asList(query.route),
        recognitionValidOn: query.validOn ?? todayInAmsterdam(),
        nameContains: query.name ?? '',
        pageSize: query.pageSize ?? 0,
        pageToken: query.pageToken ?? '',
      }, actor);
      return { providers: result.providers.map((view) => Api.Provider.toJSON(Map.toProviderMessage(view))), nextPageToken: result.nextPageToken, totalSize: result.totalSize };
    }));
    router.post('/api/v1/providers', json(async (request, actor) => {
      const body = parseRequest(registration, request.body);
      const view = await registerProvider(prisma, { ...body, communicationName: body.communicationName || body.legalName }, actor);
      return Api.Provider.toJSON(Map.toProviderMessage(view));
    }));
    router.get('/api/v1/providers/:id', json(async (request, actor) =>
      Api.Provider.toJSON(Map.toProviderMessage(await getProvider(prisma, { providerId: String(request.params.id) }, actor))),
    ));
    router.put('/api/v1/providers/:id/bank-account', json(async (request, actor) => {
      const body = parseRequest(bankAccount, request.body);
      const account = await changeBankAccount(prisma, { providerId: String(request.params.id) }, { iban: body.iban, holderName: body.accountHolderName }, actor);
      return Api.BankAccountSummary.toJSON(Map.toBankAccountSummary(account));
    }));
    router.get('/api/v1/providers/:id/bank-account', json(async (request, actor) => {
      const query = parseRequest(accountAtQuery, request.query);
      const account = await bankAccountAt(prisma, { providerId: String(request.params.id) }, new Date(query.at), actor);
      return Api.BankAccount.toJSON(Map.toBankAccountMessage(account));
    }));
    router.get('/api/v1/providers/:id/eligibility', json(async (request, actor) => {
      const query = parseRequest(eligibilityQuery, request.query);
      const answer = await checkProviderEligibility(prisma, { key: { providerId: String(request.params.id) }, regeling: query.regeling, date: query.date }, actor);
      // Canonical proto JSON leaves out `false`; an answer to "eligible?" states it either way.
      return { ...(Api.CheckProviderEligibilityResponse.toJSON(Map.toEligibilityResponse(answer)) as object), eligible: answer.eligible };
    }));
    const providerMessage = (view: Awaited<ReturnType<typeof getProvider>>) => Api.Provider.toJSON(Map.toProviderMessage(view));
    router.post('/api/v1/providers/:id/recognitions', json(async (request, actor) => {
      const body = parseRequest(grant, request.body);
      const input = {
        route: body.route,
        issuingBody: body.issuingBody,
        externalReference: body.externalReference ?? '',
        validFrom: body.validPeriod.start,
        validUntil: body.validPeriod.end,
        validUntilMalformed: false,
      };
      return providerMessage(await grantRecognition(prisma, String(request.params.id), input, actor));
    }));
    router.post('/api/v1/providers/:id/recognitions/:recognitionId/renewal', json(async (request, actor) => {
      const body = parseRequest(renewal, request.body);
      const ids = { providerId: String(request.params.id), recognitionId: String(request.params.recognitionId) };
      return providerMessage(await renewRecognition(prisma, ids, body.newEnd, actor));
    }));
    router.post('/api/v1/providers/:id/recognitions/:recognitionId/revocation', json(async (request, actor) => {
      const body = parseRequest(revocation, request.body);
      const ids = { providerId: String(request.params.id), recognitionId: String(request.params.recognitionId) };
      return providerMessage(await revokeRecognition(prisma, ids, body, actor));
    }));
    const statusRoute = (suffix: string, kind: 'SUSPENDED' | 'REINSTATED') =>
      router.post(`/api/v1/providers/:id/${suffix}`, json(async (request, actor) => {
        const body = parseRequest(decision, request.body);
        const input = { ...body, providerId: String(request.params.id), expectedVersion: body.expectedVersion ?? 0n, kind };
        return providerMessage(await decideProviderStatus(prisma, input, actor, todayInAmsterdam()));
      }));
    statusRoute('suspension', 'SUSPENDED');
    statusRoute('reinstatement', 'REINSTATED');
    router.post('/api/v1/adviser-organisations', json(async (request, actor) => {
      const body = parseRequest(registration, request.body);
      const organisation = await registerAdviserOrganisation(prisma, { ...body, communicationName: body.communicationName || body.legalName }, actor);
      return Api.AdviserOrganisation.toJSON(Map.toAdviserOrganisationMessage(organisation, null));
    }));
    router.post('/api/v1/adviser-organisations/:id/career-advisers', json(async (request, actor) => {
      const body = parseRequest(careerAdviser, request.body);
      const input = {
        ...body,
        activeFrom: body.activePeriod.start,
        activeUntil: body.activePeriod.end,
        activeUntilMalformed: false,
      };
      return Api.CareerAdviser.toJSON(Map.toCareerAdviserMessage(await registerCareerAdviser(prisma, String(request.params.id), input, actor)));
    }));
    providerPages(prisma, createRequire(__filename).resolve('@utrecht/component-library-css/dist/index.css'))(router);
  };
}
