// Use case: a provider changes its public name, contact details or address. Only the provider itself (organisation
// login, its own KVK) or an officer with providers:write; another provider gets PERMISSION_DENIED.
import { invalid, preconditionFailed } from '@stap/platform/errors';
import { requireOwnOrganisationOrScope, SCOPES, type Actor } from '../domain/actor';
import { normalisePostcode, registrationViolations, type DutchAddress, type ProviderContact } from '../domain/provider';
import { providerDetailsChangedEvent } from '../infrastructure/messaging/provider-events';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { lockProvider, recordChange, touchProvider } from './changes';
import { assertUuid } from './ids';
import { loadProviderView, type ProviderView } from './provider-view';

export interface DetailsChange {
  providerId: string;
  expectedVersion: bigint;
  communicationName?: string;
  contact?: ProviderContact;
  address?: DutchAddress;
}

export async function updateProviderDetails(prisma: PrismaClient, change: DetailsChange, actor: Actor): Promise<ProviderView> {
  assertUuid(change.providerId, 'provider_id');
  return prisma.$transaction(async (tx) => {
    const current = await lockProvider(tx, change.providerId, change.expectedVersion);
    requireOwnOrganisationOrScope(actor, current.kvkNumber, SCOPES.write);
    if (current.status === 'ENDED') throw preconditionFailed('the provider registration has ended', 'PROVIDER_ENDED');
    const merged = {
      kvkNumber: current.kvkNumber,
      legalName: current.legalName,
      communicationName: change.communicationName ?? current.communicationName,
      contact: change.contact ?? { email: current.contactEmail, phone: current.contactPhone ?? undefined, website: current.website ?? undefined },
      address: change.address ?? {
        street: current.street,
        houseNumber: current.houseNumber,
        houseNumberAddition: current.houseNumberAddition ?? undefined,
        postalCode: current.postalCode,
        city: current.city,
      },
    };
    const violations = registrationViolations(merged);
    if (violations.length > 0) throw invalid(violations, 'the new details have invalid fields');
    const updated = await touchProvider(tx, current.id, {
      communicationName: merged.communicationName.trim(),
      contactEmail: merged.contact.email.trim(),
      contactPhone: merged.contact.phone?.trim() || null,
      website: merged.contact.website?.trim() || null,
      street: merged.address.street.trim(),
      houseNumber: merged.address.houseNumber,
      houseNumberAddition: merged.address.houseNumberAddition?.trim() || null,
      postalCode: normalisePostcode(merged.address.postalCode),
      city: merged.address.city.trim(),
    });
    const event = providerDetailsChangedEvent({
      providerId: updated.id,
      communicationName: updated.communicationName,
      contact: { email: updated.contactEmail, phone: updated.contactPhone ?? '', website: updated.website ?? '' },
      address: {
        street: updated.street,
        houseNumber: updated.houseNumber,
        houseNumberAddition: updated.houseNumberAddition ?? '',
        postalCode: updated.postalCode,
        city: updated.city,
      },
      version: updated.version.toString(),
      changedAt: updated.updatedAt.toISOString(),
    });
    await recordChange(tx, actor, { aggregateType: 'provider', aggregateId: updated.id, action: 'DETAILS_CHANGED' }, [event]);
    return loadProviderView(tx, { providerId: updated.id });
  });
}
