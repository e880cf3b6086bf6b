// Report query results → BudgetReport and AccountBalance messages.
import { LedgerAccountType, ReportBasis, type AccountBalance, type BudgetFigures, type BudgetReport } from '@stap/contracts/stap/payments/v1/payments';
import type { TijdvakRef } from '@stap/contracts/stap/common/v1/common';
import type { AccountBalanceLine } from '../../application/account-balances';
import type { BudgetLine } from '../../application/budget-report';
import { money, tijdvakRef } from '../../infrastructure/messaging/proto-mapping';

const ZERO: BudgetLine['grantedCents'] = 0;

function figures(lines: BudgetLine[]): BudgetFigures {
  const sum = (pick: (line: BudgetLine) => number) => lines.reduce((total, line) => total + pick(line), ZERO);
  return {
    granted: money(sum((l) => l.grantedCents)),
    released: money(sum((l) => l.releasedCents)),
    paid: money(sum((l) => l.paidCents)),
    recovered: money(sum((l) => l.recoveredCents)),
    netPaid: money(sum((l) => l.netPaidCents)),
  };
}

export function toBudgetReport(tijdvak: TijdvakRef | undefined, basis: ReportBasis, lines: BudgetLine[]): BudgetReport {
  const opening = basis === ReportBasis.REPORT_BASIS_OPENING;
  const ceiling = lines[0]?.ceilingCents ?? null;
  return {
    tijdvak,
    basis,
    ceiling: opening && ceiling !== null ? money(ceiling) : undefined,
    totals: figures(lines),
    available: opening && lines[0]?.availableCents != null ? money(lines[0].availableCents) : undefined,
    months: opening
      ? []
      : lines.map((line) => {
          const [year, month] = (line.month ?? '0-0').split('-').map(Number);
          return { year, month, figures: figures([line]) };
        }),
    generatedAt: new Date().toISOString(),
  };
}

export function toBalances(lines: AccountBalanceLine[]): AccountBalance[] {
  return lines.map((line) => ({
    account: {
      tijdvak: tijdvakRef(line.regeling, line.tijdvakId),
      type: LedgerAccountType[`LEDGER_ACCOUNT_TYPE_${line.account}` as keyof typeof LedgerAccountType],
    },
    balance: money(line.balanceCents),
  }));
}
