// The provider pages' session: after a login with the provider's bearer token (development: the DEV_TOKENS table;
// production: eHerkenning), a cookie holding {subject, KvK, scopes, expiry, id} signed with HMAC-SHA256 under a
// secret from config. HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Path=/aanbieder.
// CSRF: every POST carries a token derived from the session id (HMAC), checked before anything else; the login
// form itself uses a signed nonce cookie the same way (double submit), so no POST goes unchecked.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Actor } from '../../application/actor';

export const SESSION_COOKIE = 'sr_aanbieder';
export const LOGIN_COOKIE = 'sr_aanbieder_login';
const SESSION_HOURS = 8;
const PATH = '/aanbieder';

export interface ProviderSession {
  id: string;
  subject: string;
  kvkNumber: string;
  scopes: string[];
  expiresAt: number;
}

export interface SessionOptions {
  secret: string;
  /** Add `Secure` to the cookies (HTTPS only); false only on a developer's plain-HTTP machine. */
  secureCookies: boolean;
  now?: () => number;
}

const sign = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A cookie value as sent; a malformed escape (someone else's cookie, or a forged one) reads as empty, not as a 500. */
function decodeOrEmpty(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

export function readCookies(request: Request): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of (request.header('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) result[part.slice(0, at).trim()] = decodeOrEmpty(part.slice(at + 1).trim());
  }
  return result;
}

export function sessionKit(options: SessionOptions) {
  const now = options.now ?? Date.now;
  const cookie = (name: string, value: string, maxAgeSeconds: number) =>
    `${name}=${encodeURIComponent(value)}; Path=${PATH}; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${options.secureCookies ? '; Secure' : ''}`;

  const read = (request: Request): ProviderSession | undefined => {
    const value = readCookies(request)[SESSION_COOKIE];
    const [body, signature] = (value ?? '').split('.');
    if (!body || !signature || !equal(signature, sign(options.secret, `session:${body}`))) return undefined;
    const session = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ProviderSession;
    return session.expiresAt > now() ? session : undefined;
  };

  return {
    read,
    actorOf: (session: ProviderSession): Actor => ({ subject: session.subject, scopes: session.scopes, kvkNumber: session.kvkNumber }),
    start(response: Response, identity: { subject: string; kvkNumber: string; scopes: readonly string[] }): void {
      const session: ProviderSession = { id: randomBytes(16).toString('base64url'), subject: identity.subject, kvkNumber: identity.kvkNumber, scopes: [...identity.scopes], expiresAt: now() + SESSION_HOURS * 3_600_000 };
      const body = Buffer.from(JSON.stringify(session)).toString('base64url');
      response.setHeader('Set-Cookie', [cookie(SESSION_COOKIE, `${body}.${sign(options.secret, `session:${body}`)}`, SESSION_HOURS * 3600), cookie(LOGIN_COOKIE, '', 0)]);
    },
    end(response: Response): void {
      response.setHeader('Set-Cookie', cookie(SESSION_COOKIE, '', 0));
    },
    csrfOf: (session: ProviderSession) => sign(options.secret, `csrf:${session.id}`),
    csrfValid: (session: ProviderSession, token: unknown) => typeof token === 'string' && equal(token, sign(options.secret, `csrf:${session.id}`)),
    /** A fresh login nonce cookie and the form token that goes with it. */
    loginNonce(response: Response): string {
      const nonce = randomBytes(16).toString('base64url');
      response.setHeader('Set-Cookie', cookie(LOGIN_COOKIE, nonce, 600));
      return sign(options.secret, `login:${nonce}`);
    },
    loginCsrfValid: (request: Request, token: unknown) => {
      const nonce = readCookies(request)[LOGIN_COOKIE];
      return Boolean(nonce) && typeof token === 'string' && equal(token, sign(options.secret, `login:${nonce}`));
    },
  };
}

export type SessionKit = ReturnType<typeof sessionKit>;
