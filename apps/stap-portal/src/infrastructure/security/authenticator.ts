// Who calls the portal over gRPC. Staff, providers and partners present a bearer token from the development token
// table (replaced by employee login, eHerkenning and mTLS verification in production: DESIGN.md §4); individuals
// present the portal's session token, issued after the OpenID Connect login, which carries their BSN. Some calls are
// public (GetTijdvak, ListTijdvakken): without a token the caller is anonymous and has no scopes.
// The BSN is kept beside the identity, never in it, because the subject is logged.
import type { Metadata } from '@grpc/grpc-js';
import { unauthenticated, type Authenticator, type Identity } from '@stap/platform/grpc';
import { personKey, verifyToken } from './signed-token';

const individuals = new WeakMap<Metadata, string>();

export const ANONYMOUS: Identity = { subject: 'anonymous', kind: 'individual', scopes: [] };

export function portalAuthenticator(devTokens: ReadonlyMap<string, Identity>, secret: string): Authenticator {
  return async (metadata) => {
    const [header] = metadata.get('authorization');
    if (header === undefined) return ANONYMOUS;
    const match = typeof header === 'string' ? /^Bearer (.+)$/.exec(header) : null;
    if (!match) throw unauthenticated('a valid bearer token is required');
    const known = devTokens.get(match[1]);
    if (known) return known;
    const claims = verifyToken(secret, match[1], 'session');
    if (!claims || typeof claims['bsn'] !== 'string') throw unauthenticated('a valid bearer token is required');
    individuals.set(metadata, claims['bsn']);
    return { subject: personKey(secret, claims['bsn']), kind: 'individual', scopes: ['portal:self'] };
  };
}

/** The BSN of the logged-in individual who made this call, if any. */
export function individualBsn(metadata: Metadata): string | undefined {
  return individuals.get(metadata);
}
