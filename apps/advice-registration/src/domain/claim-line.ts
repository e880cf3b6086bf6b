// Assessment of one line of a bundled claim. Pure: the use case loads the trajectory (locked) and the scheme
// parameters and asks this function; the first reason that applies is the line's rejection reason.
// Source: DOMAIN.md §2.3 ("Claims only after completion"; one price per trajectory; bundling [000]), §2.4 (TSOV cap).
import { assessAdviceClaim, labourMarketScanRequired, type IsoDate, type Tijdvak } from '@stap/regelingen';

export type LineRejection =
  | 'UNKNOWN_TRAJECTORY'
  | 'OTHER_ORGANISATION'
  | 'OTHER_TRANCHE'
  | 'CANCELLED'
  | 'ALREADY_CLAIMED'
  | 'NOT_COMPLETED'
  | 'LABOUR_MARKET_SCAN_MISSING'
  | 'CAP_REACHED';

export interface ClaimedTrajectory {
  adviserOrganisationId: string;
  tijdvakId: string;
  status: string;
  claimId: string | null;
  registeredOn: IsoDate;
  completedOn: IsoDate | null;
  labourMarketScanDone: boolean | null;
}

export interface LineContext {
  organisationId: string;
  tijdvak: Tijdvak;
  claimedAt: Date;
}

export type LineOutcome = { accepted: true; amountCents: number } | { accepted: false; reason: LineRejection };

export function assessClaimLine(trajectory: ClaimedTrajectory | undefined, context: LineContext): LineOutcome {
  const reject = (reason: LineRejection): LineOutcome => ({ accepted: false, reason });
  if (!trajectory) return reject('UNKNOWN_TRAJECTORY');
  if (trajectory.adviserOrganisationId !== context.organisationId) return reject('OTHER_ORGANISATION');
  if (trajectory.tijdvakId !== context.tijdvak.id) return reject('OTHER_TRANCHE');
  if (trajectory.status === 'CANCELLED') return reject('CANCELLED');
  // Nothing is paid twice: a trajectory in an accepted line is never accepted again.
  if (trajectory.claimId !== null) return reject('ALREADY_CLAIMED');
  if (labourMarketScanRequired(context.tijdvak.regeling) && trajectory.completedOn !== null && trajectory.labourMarketScanDone !== true) {
    return reject('LABOUR_MARKET_SCAN_MISSING');
  }
  const verdict = assessAdviceClaim({
    tijdvak: context.tijdvak,
    claimedAt: context.claimedAt,
    completedOn: trajectory.completedOn,
    registeredOn: trajectory.registeredOn,
  });
  if (verdict.reasons.includes('TRAJECTORY_NOT_COMPLETED')) return reject('NOT_COMPLETED');
  // The deadline is checked for the whole claim before any line; a remaining reason here is a scheme mismatch.
  if (!verdict.eligible) return reject('NOT_COMPLETED');
  return { accepted: true, amountCents: verdict.amountCents };
}
