// Effect of ProviderRegistered: the register now knows the provider (it accepts trainings only from known
// providers). Runs inside the consumer's transaction, next to the inbox row, so it happens once per event.
// `appliedEvents` counts applications to the row, so a double application would be visible, not silent.
import type { ProviderRegistered } from '@stap/contracts/stap/providers/events/v1/events';
import type { TransactionClient } from '../infrastructure/prisma/client';

export async function applyProviderRegistered(tx: TransactionClient, event: ProviderRegistered): Promise<void> {
  const fields = {
    kvkNumber: event.kvkNumber?.value ?? '',
    legalName: event.legalName,
    communicationName: event.communicationName,
    registeredAt: new Date(event.registeredAt ?? Date.now()),
  };
  await tx.providerProjection.upsert({
    where: { providerId: event.providerId },
    create: { providerId: event.providerId, ...fields },
    update: { ...fields, appliedEvents: { increment: 1 } },
  });
}
