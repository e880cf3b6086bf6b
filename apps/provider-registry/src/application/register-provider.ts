// Use case: register a training provider. The provider row and its ProviderRegistered event are written in one
// transaction (transactional outbox), so the rest of the platform learns of every registration exactly as stored.
import { randomUUID } from 'node:crypto';
import { conflict, invalid } from '@stap/platform/errors';
import { outboxRecord } from '@stap/platform/kafka';
import { normalisePostcode, registrationViolations, type ProviderRegistration } from '../domain/provider';
import { isUniqueViolation, type PrismaClient, type ProviderRow } from '../infrastructure/prisma/client';
import { EVENT_SOURCE, providerRegisteredEvent } from '../infrastructure/messaging/provider-events';

export interface Actor {
  subject: string;
}

export async function registerProvider(prisma: PrismaClient, registration: ProviderRegistration, actor: Actor): Promise<ProviderRow> {
  const violations = registrationViolations(registration);
  if (violations.length > 0) throw invalid(violations, 'the provider registration has invalid fields');
  try {
    return await prisma.$transaction(async (tx) => {
      const provider = await tx.provider.create({ data: toRow(registration, actor) });
      await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, providerRegisteredEvent(provider)) });
      return provider;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`a provider with KVK number ${registration.kvkNumber} is already registered`, [
        { field: 'kvk_number.value', description: 'is already registered' },
      ]);
    }
    throw error;
  }
}

function toRow(registration: ProviderRegistration, actor: Actor) {
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
