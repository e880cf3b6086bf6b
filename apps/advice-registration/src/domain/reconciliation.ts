// Reconciliation of a tranche: registered, completed, claimed, approved and paid, as counts and euro cents that
// must add up. NL Leert Door's registered, financed and paid figures did not (22,000 × €700 = €15.4M against
// "ruim €14 mln" reported) [001][003]; this report states every identity it relies on and whether it holds.
// Source: DOMAIN.md §2.3, §4 ("Every euro granted, paid and recovered must reconcile per regeling and tijdvak").

export interface TrancheFigures {
  registered: number;
  cancelled: number;
  /** Registered and neither completed nor cancelled yet. */
  open: number;
  /** Completed, whether claimed or not. */
  completed: number;
  /** Completed trajectories in no accepted claim line. */
  completedUnclaimed: number;
  /** Claim lines submitted (a trajectory rejected once and claimed again counts twice). */
  claimLines: number;
  acceptedLines: number;
  rejectedLines: number;
  /** Trajectories accepted in a claim (each at most once). */
  acceptedTrajectories: number;
  acceptedCents: bigint;
  /** Sum of the trajectory prices of accepted trajectories. */
  acceptedTrajectoryValueCents: bigint;
  paidCents: bigint;
  /** Accepted lines of claims whose payments cover their accepted amount. */
  paidLines: number;
  registeredValueCents: bigint;
}

export interface ReconciliationCheck {
  name: string;
  holds: boolean;
  detail: string;
}

export function reconciliationChecks(f: TrancheFigures): ReconciliationCheck[] {
  const check = (name: string, holds: boolean, detail: string) => ({ name, holds, detail });
  return [
    check('registered = open + completed + cancelled', f.registered === f.open + f.completed + f.cancelled, `${f.registered} = ${f.open} + ${f.completed} + ${f.cancelled}`),
    check(
      'completed = completed unclaimed + accepted',
      f.completed === f.completedUnclaimed + f.acceptedTrajectories,
      `${f.completed} = ${f.completedUnclaimed} + ${f.acceptedTrajectories}`,
    ),
    check('claim lines = accepted + rejected', f.claimLines === f.acceptedLines + f.rejectedLines, `${f.claimLines} = ${f.acceptedLines} + ${f.rejectedLines}`),
    check('each trajectory accepted at most once', f.acceptedLines === f.acceptedTrajectories, `${f.acceptedLines} lines, ${f.acceptedTrajectories} trajectories`),
    check(
      'financed = sum of the accepted trajectories\' prices',
      f.acceptedCents === f.acceptedTrajectoryValueCents,
      `${f.acceptedCents} = ${f.acceptedTrajectoryValueCents} cents`,
    ),
    check('paid ≤ financed', f.paidCents <= f.acceptedCents, `${f.paidCents} ≤ ${f.acceptedCents} cents`),
  ];
}
