// Compact signed tokens (HMAC-SHA256 over a base64url JSON payload, like a JWS without a header) for the portal's
// own short-lived tokens: the individual's session after the OpenID Connect login, and waiting-room admissions.
// Verification is constant-time and checks the expiry; a token signed for one purpose never passes as another.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenPurpose = 'session' | 'admission' | 'login';

export interface TokenClaims {
  purpose: TokenPurpose;
  /** Expiry, epoch milliseconds. */
  exp: number;
  [claim: string]: unknown;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function signToken(secret: string, claims: TokenClaims): string {
  const body = b64(JSON.stringify(claims));
  return `${body}.${mac(secret, body)}`;
}

/** The claims when the signature is right, the purpose matches and the token has not expired; otherwise undefined. */
export function verifyToken(secret: string, token: string, purpose: TokenPurpose, now = Date.now()): TokenClaims | undefined {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
    if (claims.purpose !== purpose || typeof claims.exp !== 'number' || claims.exp <= now) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

/** A stable pseudonym for a BSN (logs, subjects, queue holder keys): never the BSN itself. */
export function personKey(secret: string, bsn: string): string {
  return `p-${createHmac('sha256', secret).update(`bsn:${bsn}`).digest('base64url').slice(0, 22)}`;
}

export function sessionToken(secret: string, bsn: string, validityMs = 8 * 3600_000, now = Date.now()): string {
  return signToken(secret, { purpose: 'session', bsn, exp: now + validityMs });
}
