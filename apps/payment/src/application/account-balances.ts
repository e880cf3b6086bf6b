// Query: the balance (debits − credits) of every ledger account of a tijdvak, optionally as at the end of a day.
import { LEDGER_ACCOUNTS, type LedgerAccount } from '../domain/ledger';
import type { PrismaClient } from '../infrastructure/prisma/client';

export interface AccountBalanceLine {
  regeling: string;
  tijdvakId: string;
  account: LedgerAccount;
  balanceCents: number;
}

export async function accountBalances(prisma: PrismaClient, tijdvakId: string, asOf?: string): Promise<AccountBalanceLine[]> {
  const rows = await prisma.$queryRaw<{ regeling: string; account: string; balance: bigint }[]>`
    SELECT p.regeling, p.account, SUM(CASE WHEN p.side = 'DEBIT' THEN p.amount_cents ELSE -p.amount_cents END)::bigint AS balance
      FROM ledger_posting p JOIN journal_entry e ON e.id = p.entry_id
     WHERE p.tijdvak_id = ${tijdvakId} AND (${asOf ?? null}::date IS NULL OR e.value_date <= ${asOf ?? null}::date)
     GROUP BY 1, 2`;
  const regeling = rows[0]?.regeling ?? tijdvakId.replace(/-\d{4}-\d{2}$/, '');
  const byAccount = new Map(rows.map((row) => [row.account, Number(row.balance)]));
  return LEDGER_ACCOUNTS.map((account) => ({ regeling, tijdvakId, account, balanceCents: byAccount.get(account) ?? 0 }));
}
