// The double-entry ledger's rules, without I/O. Accounts are kept per regeling and tijdvak; the standard entries are
// listed in proto/stap/payments/v1/payments.proto (LedgerAccountType). Every euro granted, paid and recovered must
// reconcile per regeling and tijdvak (DOMAIN.md §4 [003]), so an entry whose debits and credits differ is a bug that
// must never reach the database: assertBalanced refuses it here, and a trigger refuses it there as well.

export const LEDGER_ACCOUNTS = ['APPROPRIATION', 'BUDGET', 'COMMITTED', 'PAYABLE', 'PAID', 'RECEIVABLE', 'RECOVERED'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];
export type PostingSide = 'DEBIT' | 'CREDIT';

export interface TijdvakKey {
  regeling: string;
  tijdvakId: string;
}

export interface Posting extends TijdvakKey {
  account: LedgerAccount;
  side: PostingSide;
  amountCents: number;
}

/** Why an entry exists: one per business fact, so reports can select by cause. */
export const CAUSES = {
  opened: 'TijdvakBudgetOpened',
  granted: 'PurchaseOrderIssued',
  released: 'CommitmentReleased',
  payable: 'PaymentBecamePayable',
  paid: 'PaymentExecuted',
  recoveryIssued: 'RecoveryOrderIssued',
  recovered: 'RecoveryCollected',
} as const;
export type Cause = (typeof CAUSES)[keyof typeof CAUSES];

export interface JournalEntryDraft {
  /** Unique key of the source (an event id or a command's object id plus the step): one source, one entry. */
  sourceKey: string;
  cause: Cause;
  /** The object the entry is about: purchase order, payment batch, recovery order. */
  causeId: string;
  /** ISO date (Europe/Amsterdam) the obligation arose or the money moved. */
  valueDate: string;
  postings: Posting[];
}

export class UnbalancedEntryError extends Error {
  override name = 'UnbalancedEntryError';
}

/** Two postings moving `amountCents` from the credit account to the debit account of one tijdvak. */
export function transfer(tijdvak: TijdvakKey, debit: LedgerAccount, credit: LedgerAccount, amountCents: number): Posting[] {
  return [
    { ...tijdvak, account: debit, side: 'DEBIT', amountCents },
    { ...tijdvak, account: credit, side: 'CREDIT', amountCents },
  ];
}

export function assertBalanced(entry: JournalEntryDraft): void {
  if (entry.postings.length < 2) throw new UnbalancedEntryError(`entry ${entry.sourceKey} needs at least two postings`);
  let debits = 0;
  let credits = 0;
  for (const posting of entry.postings) {
    if (!Number.isSafeInteger(posting.amountCents) || posting.amountCents <= 0) {
      throw new UnbalancedEntryError(`entry ${entry.sourceKey}: posting amounts must be positive whole cents`);
    }
    if (posting.side === 'DEBIT') debits += posting.amountCents;
    else credits += posting.amountCents;
  }
  if (debits !== credits) throw new UnbalancedEntryError(`entry ${entry.sourceKey}: debits ${debits} ≠ credits ${credits}`);
}

/** An entry for a single movement, or undefined when the amount is zero (nothing moves, nothing is booked). */
export function singleTransferEntry(
  base: Omit<JournalEntryDraft, 'postings'>,
  tijdvak: TijdvakKey,
  debit: LedgerAccount,
  credit: LedgerAccount,
  amountCents: number,
): JournalEntryDraft | undefined {
  if (amountCents === 0) return undefined;
  return { ...base, postings: transfer(tijdvak, debit, credit, amountCents) };
}
