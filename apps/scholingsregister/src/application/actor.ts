// Who performs a use case, and the authorisation rules of the register (proto/stap/register/v1/register.proto):
// a provider acts only on its own trainings (token KvK == provider's KvK); reviewers need "register:review";
// the register keeper ("register:keeper") may act for any provider.
import { forbidden, notFoundError } from '@stap/platform/errors';
import type { TransactionClient } from '../infrastructure/prisma/client';

export interface Actor {
  subject: string;
  scopes: readonly string[];
  /** KvK number of the organisation the caller acts for (organisation login). */
  kvkNumber?: string;
}

export const SCOPES = {
  keeper: 'register:keeper',
  review: 'register:review',
  decideScholing: 'register:scholing:decide',
} as const;

export const SYSTEM_ACTOR: Actor = { subject: 'system', scopes: [SCOPES.keeper] };

export function requireScope(actor: Actor, scope: string): void {
  if (!actor.scopes.includes(scope)) throw forbidden(`scope ${scope} is required`);
}

/** The provider as the register knows it; a provider acts only for itself, a keeper for anyone. */
export async function requireProviderActor(tx: TransactionClient, actor: Actor, providerId: string) {
  const provider = await tx.providerProjection.findUnique({ where: { providerId } });
  if (!provider) throw notFoundError(`provider ${providerId} is not known to the register`);
  if (!actor.scopes.includes(SCOPES.keeper) && actor.kvkNumber !== provider.kvkNumber) {
    throw forbidden('a provider may only act on its own trainings');
  }
  return provider;
}
