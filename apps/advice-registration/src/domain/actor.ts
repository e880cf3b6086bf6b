// Who acts, and what they may see. Adviser organisations log in as an organisation (eHerkenning-like, KvK in the
// token) and see only their own trajectories and claims; executor officers read everything with a scope.
// Source: proto/stap/advice/v1/advice.proto (Authentication); DESIGN.md §4.
import { forbidden } from '@stap/platform/errors';

export interface Actor {
  subject: string;
  kind: string;
  scopes: readonly string[];
  kvkNumber?: string;
}

export const SCOPES = { read: 'advice:read', reports: 'advice:reports' } as const;

export const isOfficer = (actor: Actor, scope: string = SCOPES.read): boolean => actor.scopes.includes(scope);

/** The KvK of the adviser organisation the caller acts for; only organisation logins have one. */
export function requireAdviserOrganisationLogin(actor: Actor): string {
  if (actor.kind !== 'adviser' || !actor.kvkNumber) throw forbidden('only an adviser organisation (organisation login) may do this');
  return actor.kvkNumber;
}

/** Officers see every organisation's data; an adviser organisation only its own. */
export function requireReadAccess(actor: Actor, ownerKvk: string | undefined): void {
  if (isOfficer(actor)) return;
  if (actor.kind === 'adviser' && actor.kvkNumber !== undefined && actor.kvkNumber === ownerKvk) return;
  throw forbidden('this belongs to another adviser organisation');
}

export function requireScope(actor: Actor, scope: string): void {
  if (!actor.scopes.includes(scope)) throw forbidden(`scope ${scope} is required`);
}
