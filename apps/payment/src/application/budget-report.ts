// Query: granted vs released vs paid vs recovered per regeling and tijdvak, from the ledger. Two bases (DOMAIN.md §4
// [003]: "Budget is tracked twice: against the ceiling at opening (openstelling) and on a cash basis (kasbasis)"):
// OPENING puts every euro in the tijdvak whose ceiling granted it, whenever it moved, next to that ceiling;
// CASH puts it in the calendar month of its value date.
import { getTijdvak } from '@stap/regelingen';
import { CAUSES } from '../domain/ledger';
import type { PrismaClient } from '../infrastructure/prisma/client';

export type ReportBasis = 'OPENING' | 'CASH';

export interface BudgetFigures {
  grantedCents: number;
  releasedCents: number;
  paidCents: number;
  recoveredCents: number;
  netPaidCents: number;
}

export interface BudgetLine extends BudgetFigures {
  regeling: string;
  tijdvakId: string;
  /** CASH basis: the month "YYYY-MM" of the value dates; OPENING basis: null. */
  month: string | null;
  /** OPENING basis: the tijdvak's ceiling from the regelingen configuration, when it has one. */
  ceilingCents: number | null;
  /** OPENING basis: ceiling − (granted − released), never negative. */
  availableCents: number | null;
}

export interface ReportFilter {
  basis: ReportBasis;
  regeling?: string;
  tijdvakId?: string;
}

interface SumRow {
  regeling: string;
  tijdvak_id: string;
  month: string | null;
  granted: bigint;
  released: bigint;
  paid: bigint;
  recovered: bigint;
}

export async function budgetReport(prisma: PrismaClient, filter: ReportFilter): Promise<BudgetLine[]> {
  const byMonth = filter.basis === 'CASH';
  const rows = await prisma.$queryRawUnsafe<SumRow[]>(
    `SELECT p.regeling, p.tijdvak_id, ${byMonth ? "to_char(e.value_date, 'YYYY-MM')" : 'NULL'} AS month,
            COALESCE(SUM(p.amount_cents) FILTER (WHERE e.cause = $1 AND p.account = 'COMMITTED' AND p.side = 'DEBIT'), 0)::bigint AS granted,
            COALESCE(SUM(p.amount_cents) FILTER (WHERE e.cause = $2 AND p.account = 'BUDGET' AND p.side = 'DEBIT'), 0)::bigint AS released,
            COALESCE(SUM(p.amount_cents) FILTER (WHERE e.cause = $3 AND p.account = 'PAID' AND p.side = 'DEBIT'), 0)::bigint AS paid,
            COALESCE(SUM(p.amount_cents) FILTER (WHERE e.cause = $4 AND p.account = 'RECOVERED' AND p.side = 'DEBIT'), 0)::bigint AS recovered
       FROM ledger_posting p JOIN journal_entry e ON e.id = p.entry_id
      WHERE e.cause IN ($1, $2, $3, $4) AND ($5::text IS NULL OR p.regeling = $5) AND ($6::text IS NULL OR p.tijdvak_id = $6)
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    CAUSES.granted,
    CAUSES.released,
    CAUSES.paid,
    CAUSES.recovered,
    filter.regeling ?? null,
    filter.tijdvakId ?? null,
  );
  return rows.map((row) => toLine(row, byMonth));
}

function toLine(row: SumRow, byMonth: boolean): BudgetLine {
  const granted = Number(row.granted);
  const released = Number(row.released);
  const paid = Number(row.paid);
  const recovered = Number(row.recovered);
  const ceiling = byMonth ? null : (getTijdvak(row.tijdvak_id)?.budgetCeilingCents?.value ?? null);
  return {
    regeling: row.regeling,
    tijdvakId: row.tijdvak_id,
    month: row.month,
    grantedCents: granted,
    releasedCents: released,
    paidCents: paid,
    recoveredCents: recovered,
    netPaidCents: paid - recovered,
    ceilingCents: ceiling,
    availableCents: ceiling === null ? null : Math.max(0, ceiling - (granted - released)),
  };
}

const CSV_COLUMNS = ['regeling', 'tijdvak_id', 'month', 'granted_cents', 'released_cents', 'paid_cents', 'recovered_cents', 'net_paid_cents', 'ceiling_cents', 'available_cents'];

export function budgetReportCsv(lines: BudgetLine[]): string {
  const cell = (value: string | number | null) => (value === null ? '' : String(value));
  const body = lines.map((line) =>
    [line.regeling, line.tijdvakId, line.month, line.grantedCents, line.releasedCents, line.paidCents, line.recoveredCents, line.netPaidCents, line.ceilingCents, line.availableCents]
      .map(cell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...body].join('\r\n') + '\r\n';
}
