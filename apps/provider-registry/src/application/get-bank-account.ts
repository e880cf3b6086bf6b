// Queries for payment: the full account behind a reference (an old reference stays readable for payments created
// before a change), and the account in force at an instant (the account a payment created at that instant uses).
// Only the payment service has providers:bank-accounts:read; every read is audited.
import { invalid, notFoundError } from '@stap/platform/errors';
import { requireScope, SCOPES, type Actor } from '../domain/actor';
import { accountEffectiveAt } from '../domain/bank-account';
import type { BankAccountRow, PrismaClient } from '../infrastructure/prisma/client';
import { recordChange } from './changes';
import type { AccountOwnerKey } from './change-bank-account';
import { assertUuid } from './ids';

export async function getBankAccount(prisma: PrismaClient, accountReference: string, actor: Actor): Promise<BankAccountRow> {
  requireScope(actor, SCOPES.bankAccountsRead);
  assertUuid(accountReference, 'account_reference');
  const account = await prisma.bankAccount.findUnique({ where: { id: accountReference } });
  if (!account) throw notFoundError('no bank account with that reference');
  await auditRead(prisma, actor, account);
  return account;
}

export async function bankAccountAt(prisma: PrismaClient, owner: AccountOwnerKey, instant: Date, actor: Actor): Promise<BankAccountRow> {
  requireScope(actor, SCOPES.bankAccountsRead);
  if (Number.isNaN(instant.getTime())) throw invalid([{ field: 'at', description: 'must be an RFC 3339 instant' }]);
  const where = 'providerId' in owner ? { providerId: owner.providerId } : { adviserOrganisationId: owner.adviserOrganisationId };
  assertUuid('providerId' in owner ? owner.providerId : owner.adviserOrganisationId, 'owner');
  const account = accountEffectiveAt(await prisma.bankAccount.findMany({ where }), instant);
  if (!account) throw notFoundError('the owner had no bank account at that instant');
  await auditRead(prisma, actor, account);
  return account;
}

async function auditRead(prisma: PrismaClient, actor: Actor, account: BankAccountRow): Promise<void> {
  await prisma.$transaction((tx) => recordChange(tx, actor, { aggregateType: 'bank_account', aggregateId: account.id, action: 'READ' }, []));
}
