// Effects of provider-registry's events on the local payee projection: who can be paid, into which account from
// when, and whether payments are withheld by a suspension decision (DOMAIN.md §3: "suspension must be an explicit
// decision"; an investigation alone does not withhold payment).
import { MalformedEventError } from '@stap/platform/kafka';
import type {
  AdviserOrganisationRegistered,
  BankAccountChanged,
  ProviderRegistered,
  ProviderReinstated,
  ProviderSuspended,
} from '@stap/contracts/stap/providers/events/v1/events';
import { dateOf } from '../infrastructure/ledger-book';
import { isoFromDateMessage } from '../infrastructure/messaging/proto-mapping';
import type { TransactionClient } from '../infrastructure/prisma/client';

type Kind = 'PROVIDER' | 'ADVISER_ORGANISATION';

async function ensurePayee(tx: TransactionClient, id: string, kind: Kind, fields: { kvkNumber?: string; name?: string } = {}) {
  await tx.payee.upsert({ where: { id }, create: { id, kind, ...fields }, update: fields });
}

export async function applyProviderRegistered(tx: TransactionClient, event: ProviderRegistered): Promise<void> {
  await ensurePayee(tx, event.providerId, 'PROVIDER', { kvkNumber: event.kvkNumber?.value, name: event.legalName });
}

export async function applyAdviserOrganisationRegistered(tx: TransactionClient, event: AdviserOrganisationRegistered): Promise<void> {
  await ensurePayee(tx, event.adviserOrganisationId, 'ADVISER_ORGANISATION', { kvkNumber: event.kvkNumber?.value, name: event.legalName });
}

/** A new account version, effective from the moment it changed; older versions stay for the history. */
export async function applyBankAccountChanged(tx: TransactionClient, event: BankAccountChanged): Promise<void> {
  const owner = event.owner?.owner;
  if (!owner || !owner.value) throw new MalformedEventError('BankAccountChanged has no owner');
  if (!event.accountReference) throw new MalformedEventError('BankAccountChanged has no account reference');
  const changedAt = new Date(event.changedAt ?? '');
  if (Number.isNaN(changedAt.getTime())) throw new MalformedEventError('BankAccountChanged has no valid changed_at');
  const kind: Kind = owner.$case === 'providerId' ? 'PROVIDER' : 'ADVISER_ORGANISATION';
  await ensurePayee(tx, owner.value, kind);
  await tx.bankAccountVersion.upsert({
    where: { accountReference: event.accountReference },
    create: {
      accountReference: event.accountReference,
      payeeId: owner.value,
      payeeKind: kind,
      ibanLast4: event.ibanLast4,
      effectiveFrom: changedAt,
      previousReference: event.previousAccountReference || null,
    },
    update: {},
  });
}

export async function applyProviderSuspended(tx: TransactionClient, event: ProviderSuspended): Promise<void> {
  const from = isoFromDateMessage(event.effectiveDate);
  await ensurePayee(tx, event.providerId, 'PROVIDER');
  await tx.payee.update({ where: { id: event.providerId }, data: { suspended: true, suspendedFrom: from ? dateOf(from) : null } });
}

export async function applyProviderReinstated(tx: TransactionClient, event: ProviderReinstated): Promise<void> {
  await ensurePayee(tx, event.providerId, 'PROVIDER');
  await tx.payee.update({ where: { id: event.providerId }, data: { suspended: false, suspendedFrom: null } });
}
