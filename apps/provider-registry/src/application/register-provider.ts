// Use case: register a training provider. The provider row, its audit record and its ProviderRegistered event are
// written in one transaction (transactional outbox), so the rest of the platform learns of every registration exactly
// as stored. The provider itself (organisation login, its own KVK) or an officer with providers:write may register.
import { randomUUID } from 'node:crypto';
import { conflict, invalid } from '@stap/platform/errors';
import { requireOwnOrganisationOrScope, SCOPES, type Actor } from '../domain/actor';
import { normalisePostcode, registrationViolations, type ProviderRegistration } from '../domain/provider';
import { isUniqueViolation, type PrismaClient } from '../infrastructure/prisma/client';
import { providerRegisteredEvent } from '../infrastructure/messaging/provider-events';
import { recordChange } from './changes';
import type { ProviderView } from './provider-view';

export async function registerProvider(prisma: PrismaClient, registration: ProviderRegistration, actor: Actor): Promise<ProviderView> {
  const violations = registrationViolations(registration);
  if (violations.length > 0) throw invalid(violations, 'the provider registration has invalid fields');
  requireOwnOrganisationOrScope(actor, registration.kvkNumber, SCOPES.write);
  try {
    return await prisma.$transaction(async (tx) => {
      const provider = await tx.provider.create({ data: toRow(registration, actor) });
      await recordChange(tx, actor, { aggregateType: 'provider', aggregateId: provider.id, action: 'REGISTERED' }, [providerRegisteredEvent(provider)]);
      return { provider, recognitions: [], bankAccount: null, lastDecision: null };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // The contract: "the detail names its id", so the caller can continue with the existing provider.
      const existing = await prisma.provider.findUnique({ where: { kvkNumber: registration.kvkNumber }, select: { id: true } });
      throw conflict(`a provider with KVK number ${registration.kvkNumber} is already registered as ${existing?.id ?? 'unknown'}`, [
        { field: 'kvk_number.value', description: 'is already registered' },
      ]);
    }
    throw error;
  }
}

export function toRow(registration: ProviderRegistration, actor: Actor) {
  const { contact, address } = registration;
  return {
    id: randomUUID(),
    kvkNumber: registration.kvkNumber,
    legalName: registration.legalName.trim(),
    communicationName: registration.communicationName.trim(),
    contactEmail: contact.email.trim(),
    contactPhone: contact.phone?.trim() || null,
    website: contact.website?.trim() || null,
    street: address.street.trim(),
    houseNumber: address.houseNumber,
    houseNumberAddition: address.houseNumberAddition?.trim() || null,
    postalCode: normalisePostcode(address.postalCode),
    city: address.city.trim(),
    createdBy: actor.subject,
  };
}
