// Stored provider row → the Provider message of the contract. Parts that later slices add (recognitions, bank
// account, status decisions) are empty until those slices exist.
import { ProviderStatus, type Provider } from '@stap/contracts/stap/providers/v1/providers';
import type { ProviderRow } from '../../infrastructure/prisma/client';

const STATUS: Record<string, ProviderStatus> = {
  ACTIVE: ProviderStatus.PROVIDER_STATUS_ACTIVE,
  UNDER_INVESTIGATION: ProviderStatus.PROVIDER_STATUS_UNDER_INVESTIGATION,
  SUSPENDED: ProviderStatus.PROVIDER_STATUS_SUSPENDED,
  ENDED: ProviderStatus.PROVIDER_STATUS_ENDED,
};

export function toProviderMessage(row: ProviderRow): Provider {
  return {
    id: row.id,
    kvkNumber: { value: row.kvkNumber },
    legalName: row.legalName,
    communicationName: row.communicationName,
    contact: { email: row.contactEmail, phone: row.contactPhone ?? '', website: row.website ?? '' },
    address: {
      street: row.street,
      houseNumber: row.houseNumber,
      houseNumberAddition: row.houseNumberAddition ?? '',
      postalCode: row.postalCode,
      city: row.city,
    },
    status: STATUS[row.status] ?? ProviderStatus.PROVIDER_STATUS_UNSPECIFIED,
    lastStatusDecision: undefined,
    recognitions: [],
    bankAccount: undefined,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version.toString(),
  };
}
