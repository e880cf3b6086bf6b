// Use case: register an adviser organisation, the organisation that registers and claims advice trajectories and is
// paid for them (DOMAIN.md §1, §2.3 "only the adviser registers and claims", §4 payee). The organisation itself
// (organisation login, its own KVK) or an officer with providers:advisers:write.
import { conflict, invalid } from '@stap/platform/errors';
import { requireOwnOrganisationOrScope, SCOPES, type Actor } from '../domain/actor';
import { registrationViolations, type ProviderRegistration } from '../domain/provider';
import { adviserOrganisationRegisteredEvent } from '../infrastructure/messaging/provider-events';
import { isUniqueViolation, type AdviserOrganisationRow, type PrismaClient } from '../infrastructure/prisma/client';
import { recordChange } from './changes';
import { toRow } from './register-provider';

export async function registerAdviserOrganisation(prisma: PrismaClient, registration: ProviderRegistration, actor: Actor): Promise<AdviserOrganisationRow> {
  const violations = registrationViolations(registration);
  if (violations.length > 0) throw invalid(violations, 'the adviser organisation has invalid fields');
  requireOwnOrganisationOrScope(actor, registration.kvkNumber, SCOPES.advisersWrite);
  try {
    return await prisma.$transaction(async (tx) => {
      const organisation = await tx.adviserOrganisation.create({ data: toRow(registration, actor) });
      const change = { aggregateType: 'adviser_organisation' as const, aggregateId: organisation.id, action: 'REGISTERED' };
      await recordChange(tx, actor, change, [adviserOrganisationRegisteredEvent(organisation)]);
      return organisation;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`an adviser organisation with KVK number ${registration.kvkNumber} is already registered`, [
        { field: 'kvk_number.value', description: 'is already registered' },
      ]);
    }
    throw error;
  }
}
