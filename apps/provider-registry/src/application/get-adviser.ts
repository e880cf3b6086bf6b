// Queries: one adviser organisation (with its current bank account) and one career adviser.
import { notFoundError } from '@stap/platform/errors';
import { requireReadAccess, type Actor } from '../domain/actor';
import type { AdviserOrganisationRow, BankAccountRow, CareerAdviserRow, PrismaClient } from '../infrastructure/prisma/client';
import { assertKvk, assertUuid } from './ids';

export type AdviserOrganisationKey = { adviserOrganisationId: string } | { kvkNumber: string };

export async function getAdviserOrganisation(
  prisma: PrismaClient,
  key: AdviserOrganisationKey,
  actor: Actor,
): Promise<{ organisation: AdviserOrganisationRow; bankAccount: BankAccountRow | null }> {
  if ('adviserOrganisationId' in key) assertUuid(key.adviserOrganisationId, 'adviser_organisation_id');
  else assertKvk(key.kvkNumber, 'kvk_number.value');
  const where = 'adviserOrganisationId' in key ? { id: key.adviserOrganisationId } : { kvkNumber: key.kvkNumber };
  const loaded = await prisma.adviserOrganisation.findUnique({ where, include: { bankAccounts: { where: { supersededAt: null } } } });
  if (!loaded) throw notFoundError('no adviser organisation with that identifier');
  requireReadAccess(actor, loaded.kvkNumber);
  const { bankAccounts, ...organisation } = loaded;
  return { organisation, bankAccount: bankAccounts[0] ?? null };
}

export async function getCareerAdviser(prisma: PrismaClient, careerAdviserId: string, actor: Actor): Promise<CareerAdviserRow> {
  assertUuid(careerAdviserId, 'career_adviser_id');
  const adviser = await prisma.careerAdviser.findUnique({ where: { id: careerAdviserId } });
  if (!adviser) throw notFoundError('no career adviser with that id');
  const organisation = await prisma.adviserOrganisation.findUniqueOrThrow({ where: { id: adviser.adviserOrganisationId } });
  requireReadAccess(actor, organisation.kvkNumber);
  return adviser;
}
