// HTTP API for providers (Dutch API Design Rules: version in the path, errors as application/problem+json):
// POST /api/v1/vooraanmeldingen?tijdvak=<id> with a CSV (text/csv: training_id,start_moment_id,initials,surname,
// birth_date) or XML (application/xml: <vooraanmeldingen><vooraanmelding>…) body. Reserves no budget.
import express, { type Router } from 'express';
import type { Identity } from '@stap/platform/grpc';
import { forbidden, invalid } from '@stap/platform/errors';
import { ApplicationError } from '@stap/platform/errors';
import type { PortalContext } from '../../application/context';
import { providerOfKvk } from '../../application/certificates';
import { uploadPreRegistrations } from '../../application/pre-registrations';

function providerIdentity(header: string | undefined, tokens: ReadonlyMap<string, Identity>): Identity {
  const match = header ? /^Bearer (.+)$/.exec(header) : null;
  const identity = match ? tokens.get(match[1]) : undefined;
  if (!identity) throw new ApplicationError('unauthenticated', 'a valid bearer token is required');
  if (identity.kind !== 'provider') throw forbidden('only a provider uploads pre-registrations');
  return identity;
}

export function providerApi(router: Router, ctx: PortalContext, tokens: ReadonlyMap<string, Identity>): void {
  const text = express.text({ type: ['text/csv', 'application/xml', 'text/xml'], limit: '5mb' });
  router.post('/api/v1/vooraanmeldingen', text, async (request, response) => {
    const identity = providerIdentity(request.header('authorization'), tokens);
    const tijdvakId = typeof request.query['tijdvak'] === 'string' ? request.query['tijdvak'] : '';
    if (!tijdvakId) throw invalid([{ field: 'tijdvak', description: 'query parameter is required' }]);
    const contentType = request.header('content-type') ?? '';
    if (typeof request.body !== 'string') throw invalid([{ field: 'body', description: 'must be text/csv or application/xml' }]);
    const providerId = await providerOfKvk(ctx, identity.kvkNumber);
    const recorded = await uploadPreRegistrations(ctx, providerId, tijdvakId, request.body, contentType);
    response.status(201).json({ recorded, budgetReserved: false });
  });
}
