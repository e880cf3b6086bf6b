// The authentication hook of every gRPC service. Transport code never decides who someone is: an Authenticator
// does, so the development token table can be replaced by OIDC, eHerkenning or mTLS verification without
// touching a handler (DESIGN.md §4).
import type { Metadata } from '@grpc/grpc-js';
import { unauthenticated } from './errors';

export type ActorKind = 'provider' | 'recognising_body' | 'partner' | 'staff' | 'adviser' | 'service' | 'individual';

/** Who made a call, as established by an Authenticator. */
export interface Identity {
  /** Stable subject identifier, recorded on every change ("who made it"). Never a BSN. */
  subject: string;
  kind: ActorKind;
  /** Scopes granted to the caller, e.g. `providers:read`, `providers:write`. */
  scopes: readonly string[];
  /** The KVK number of the organisation the caller acts for, when it is an organisation login. */
  kvkNumber?: string;
  /** The recognition route a recognising body may grant and revoke. */
  recognitionRoute?: string;
}

export type Authenticator = (metadata: Metadata, method: string) => Promise<Identity>;

/**
 * Development and test authenticator: `authorization: Bearer <token>` looked up in a fixed table.
 * Production wiring replaces it with a verifier of real tokens or client certificates.
 */
export function bearerTokenAuthenticator(tokens: ReadonlyMap<string, Identity>): Authenticator {
  return async (metadata) => {
    const [header] = metadata.get('authorization');
    const match = typeof header === 'string' ? /^Bearer (.+)$/.exec(header) : null;
    const identity = match ? tokens.get(match[1]) : undefined;
    if (!identity) throw unauthenticated('a valid bearer token is required');
    return identity;
  };
}

/**
 * Parses `token=subject:kind:scope1+scope2[:kvk]` entries, the format of the DEV_TOKENS setting. Scopes contain
 * colons themselves (`providers:read`), so subject and kind are the first two parts, a trailing 8-digit part is
 * the KVK number, and everything in between is the `+`-separated scope list.
 */
export function parseTokenTable(spec: string): Map<string, Identity> {
  const table = new Map<string, Identity>();
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [token, rest] = entry.split('=');
    const [subject, kind, ...tail] = (rest ?? '').split(':');
    if (!token || !subject || !kind) throw new Error(`malformed token table entry "${token ?? entry}"`);
    const kvkNumber = tail.length > 0 && /^\d{8}$/.test(tail[tail.length - 1]) ? tail.pop() : undefined;
    const scopes = tail.join(':');
    table.set(token, {
      subject,
      kind: kind as ActorKind,
      scopes: scopes ? scopes.split('+') : [],
      ...(kvkNumber ? { kvkNumber } : {}),
    });
  }
  return table;
}

export function hasScope(identity: Identity, scope: string): boolean {
  return identity.scopes.includes(scope);
}
