// Use case: set or replace the bank account of a provider or adviser organisation. A new version is added and the
// previous one closed (superseded_at); nothing is overwritten, so a payment created before the change keeps the
// account it was built with. The organisation itself or an officer with providers:bank-accounts:write may change it;
// every change is audited. Source: DOMAIN.md §3 (IBAN ISO 13616 mod-97, holder name), §4 (payee).
import { randomUUID } from 'node:crypto';
import { invalid, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { normaliseIban } from '@stap/regelingen';
import { requireOwnOrganisationOrScope, SCOPES, type Actor } from '../domain/actor';
import { bankAccountViolations, ibanLast4, type BankAccountInput } from '../domain/bank-account';
import { bankAccountChangedEvent } from '../infrastructure/messaging/provider-events';
import type { BankAccountRow, PrismaClient, Tx } from '../infrastructure/prisma/client';
import { lockProvider, recordChange, touchProvider } from './changes';
import { assertUuid } from './ids';

export type AccountOwnerKey = { providerId: string } | { adviserOrganisationId: string };

export async function changeBankAccount(prisma: PrismaClient, owner: AccountOwnerKey, input: BankAccountInput, actor: Actor): Promise<BankAccountRow> {
  if ('providerId' in owner) assertUuid(owner.providerId, 'owner.provider_id');
  else assertUuid(owner.adviserOrganisationId, 'owner.adviser_organisation_id');
  const violations = bankAccountViolations(input);
  if (violations.length > 0) throw invalid(violations, 'the bank account has invalid fields');
  return prisma.$transaction(async (tx) => {
    const ownerKvk = await lockOwner(tx, owner);
    requireOwnOrganisationOrScope(actor, ownerKvk, SCOPES.bankAccountsWrite);
    const ownerWhere = 'providerId' in owner ? { providerId: owner.providerId } : { adviserOrganisationId: owner.adviserOrganisationId };
    const previous = await tx.bankAccount.findFirst({ where: { ...ownerWhere, supersededAt: null } });
    const now = new Date();
    if (previous) await tx.bankAccount.update({ where: { id: previous.id }, data: { supersededAt: now } });
    const account = await tx.bankAccount.create({
      data: { id: randomUUID(), ...ownerWhere, iban: normaliseIban(input.iban), holderName: input.holderName.trim(), effectiveFrom: now, createdBy: actor.subject },
    });
    if ('providerId' in owner) await touchProvider(tx, owner.providerId);
    else await tx.adviserOrganisation.update({ where: { id: owner.adviserOrganisationId }, data: { version: { increment: 1 } } });
    const event = bankAccountChangedEvent({
      owner: { owner: 'providerId' in owner ? { $case: 'providerId', value: owner.providerId } : { $case: 'adviserOrganisationId', value: owner.adviserOrganisationId } },
      accountReference: account.id,
      ibanLast4: ibanLast4(account.iban),
      previousAccountReference: previous?.id ?? '',
      changedAt: now.toISOString(),
    });
    // The audit keeps the reference and last 4 characters, not the IBAN: the account row itself holds it.
    const details = { accountReference: account.id, ibanLast4: ibanLast4(account.iban), previousAccountReference: previous?.id ?? null, ...ownerWhere };
    await recordChange(tx, actor, { aggregateType: 'bank_account', aggregateId: account.id, action: 'BANK_ACCOUNT_CHANGED', details }, [event]);
    return account;
  });
}

/** Locks the owner (changes serialise per owner), refuses an ended provider, and returns the owner's KVK number. */
async function lockOwner(tx: Tx, owner: AccountOwnerKey): Promise<string> {
  if ('providerId' in owner) {
    const provider = await lockProvider(tx, owner.providerId);
    if (provider.status === 'ENDED') throw preconditionFailed('the provider registration has ended', 'PROVIDER_ENDED');
    return provider.kvkNumber;
  }
  const rows = await tx.$queryRaw<{ kvk_number: string }[]>`
    SELECT kvk_number FROM adviser_organisation WHERE id = ${owner.adviserOrganisationId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFoundError('no adviser organisation with that id');
  return rows[0].kvk_number;
}
