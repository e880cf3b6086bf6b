// The OpenAPI 3 document of the JSON API (API Design Rules API-51), served at /api/v1/openapi.json.
import type { OpenApiDocument } from '@stap/platform/http';

const problem = { description: 'application/problem+json (RFC 9457) with invalidParams for field errors' };
const bearer = [{ bearer: [] }];

export const OPENAPI_DOCUMENT: OpenApiDocument = {
  openapi: '3.0.3',
  info: { title: 'advice-registration', version: '1.0.0', description: 'Ontwikkeladvies: trajecten registreren, afronden en declareren (NL Leert Door, Ontwikkeladvies STAP, TSOV 45+).' },
  servers: [{ url: '/' }],
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  security: bearer,
  paths: {
    '/api/v1/trajectories': {
      post: { summary: 'Register a trajectory before it starts', responses: { 201: { description: 'registered' }, 400: problem, 403: problem, 409: problem, 422: problem, 429: problem } },
      get: { summary: 'List trajectories (own organisation; all for officers)', responses: { 200: { description: 'a page' } } },
    },
    '/api/v1/trajectories/{id}': { get: { summary: 'Read a trajectory', responses: { 200: { description: 'the trajectory' }, 404: problem } } },
    '/api/v1/trajectories/{id}/completion': { post: { summary: 'Complete a trajectory (labour-market scan)', responses: { 200: { description: 'completed' }, 400: problem, 422: problem } } },
    '/api/v1/trajectories/{id}/cancellation': { post: { summary: 'Cancel a registered trajectory', responses: { 200: { description: 'cancelled' }, 422: problem } } },
    '/api/v1/claims': {
      post: { summary: 'Submit a bundled claim', responses: { 201: { description: 'assessed claim' }, 400: problem, 403: problem, 422: problem } },
      get: { summary: 'List claims', responses: { 200: { description: 'a page' } } },
    },
    '/api/v1/claims/{id}': { get: { summary: 'Read a claim', responses: { 200: { description: 'the claim' }, 404: problem } } },
    '/api/v1/tranches/{id}/reconciliation': { get: { summary: 'Reconciliation of a tranche (advice:reports)', responses: { 200: { description: 'the figures and checks' } } } },
    '/api/v1/tranches/{id}/monitor': { get: { summary: 'Monitor by dimension (advice:reports), small cells suppressed', responses: { 200: { description: 'the report' } } } },
  },
};
