// Who is calling over HTTP: the same development token table as gRPC (DEV_TOKENS), read from the Authorization
// header (API clients) or from the session cookie the adviser pages set at login. Production replaces the table with
// eHerkenning-like organisation login and OIDC for officers, without touching a route.
import type { Request } from 'express';
import type { Identity } from '@stap/platform/grpc';
import { unauthenticated } from './errors';

export const SESSION_COOKIE = 'advies_sessie';

export type IdentityTable = ReadonlyMap<string, Identity>;

export function cookieToken(request: Request): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

export function identify(tokens: IdentityTable, token: string | undefined): Identity {
  const identity = token ? tokens.get(token) : undefined;
  if (!identity) throw unauthenticated();
  return identity;
}
