// Writes journal entries. The balance is checked in code (assertBalanced) before anything is written, and the
// postings of an entry go in ONE insert statement so the database trigger (migration ledger_balance_trigger) sees
// the whole entry. A source key already booked is skipped: the same source is never booked twice.
import { randomUUID } from 'node:crypto';
import { assertBalanced, type JournalEntryDraft } from '../domain/ledger';
import type { TransactionClient } from './prisma/client';

export function dateOf(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Books the entries that are not undefined; returns how many were new. */
export async function book(tx: TransactionClient, ...entries: (JournalEntryDraft | undefined)[]): Promise<number> {
  let booked = 0;
  for (const entry of entries) {
    if (!entry) continue;
    assertBalanced(entry);
    const id = randomUUID();
    const inserted = await tx.$executeRaw`INSERT INTO journal_entry (id, source_key, cause, cause_id, value_date)
      VALUES (${id}::uuid, ${entry.sourceKey}, ${entry.cause}, ${entry.causeId}, ${entry.valueDate}::date)
      ON CONFLICT (source_key) DO NOTHING`;
    if (inserted === 0) continue;
    await tx.ledgerPosting.createMany({
      data: entry.postings.map((posting) => ({
        entryId: id,
        regeling: posting.regeling,
        tijdvakId: posting.tijdvakId,
        account: posting.account,
        side: posting.side,
        amountCents: BigInt(posting.amountCents),
      })),
    });
    booked += 1;
  }
  return booked;
}
