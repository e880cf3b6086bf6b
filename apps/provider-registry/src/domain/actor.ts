// Who acts on the registry, and what they may do. The transport establishes the actor from credentials; these rules
// decide. Source: issue 4 "Authorisation": a provider changes only its own data; a recognising body grants and
// revokes only its own route; partner agencies read with a read scope; every change records who made it.
import { forbidden } from '@stap/platform/errors';
import type { RecognitionRouteName } from './recognition';

export type ActorKind = 'provider' | 'recognising_body' | 'partner' | 'staff' | 'adviser' | 'service' | 'individual';

export interface Actor {
  subject: string;
  kind: ActorKind;
  scopes: readonly string[];
  /** KVK number of the organisation an organisation login acts for. */
  kvkNumber?: string;
  /** The only route a recognising body may grant and revoke. */
  recognitionRoute?: RecognitionRouteName;
}

/** Scopes of the contract (proto/stap/providers/v1/providers.proto header). */
export const SCOPES = {
  read: 'providers:read',
  write: 'providers:write',
  recognitionsWrite: 'providers:recognitions:write',
  statusWrite: 'providers:status:write',
  bankAccountsRead: 'providers:bank-accounts:read',
  bankAccountsWrite: 'providers:bank-accounts:write',
  advisersWrite: 'providers:advisers:write',
} as const;

const ORGANISATION_LOGINS: readonly ActorKind[] = ['provider', 'adviser'];

export const hasScope = (actor: Actor, scope: string) => actor.scopes.includes(scope);

export function requireScope(actor: Actor, scope: string): void {
  if (!hasScope(actor, scope)) throw forbidden(`scope ${scope} is required`);
}

/**
 * An organisation login acts only on the organisation whose KVK number its token carries; anyone else needs the
 * scope. A provider with a token for another KVK gets PERMISSION_DENIED, whatever scopes it holds.
 */
export function requireOwnOrganisationOrScope(actor: Actor, organisationKvk: string, scope: string): void {
  if (ORGANISATION_LOGINS.includes(actor.kind)) {
    if (actor.kvkNumber !== organisationKvk) throw forbidden('an organisation may only change its own data');
    return;
  }
  requireScope(actor, scope);
}

/** Reading: the organisation itself, or anyone with the read scope (partners, services, officers). */
export function requireReadAccess(actor: Actor, organisationKvk?: string): void {
  if (ORGANISATION_LOGINS.includes(actor.kind) && organisationKvk !== undefined && actor.kvkNumber === organisationKvk) return;
  requireScope(actor, SCOPES.read);
}

/** A recognising body needs the recognitions scope and may act only on its own route. */
export function requireRouteAuthority(actor: Actor, route: RecognitionRouteName): void {
  requireScope(actor, SCOPES.recognitionsWrite);
  if (actor.kind === 'recognising_body' && actor.recognitionRoute !== route) {
    throw forbidden(`this recognising body may only grant and revoke recognitions of route ${actor.recognitionRoute ?? '(none)'}`);
  }
}
