// What a development-advice tranche caps, and whether its completion needs the labour-market scan. The figures
// themselves are the tranche's data (config/data/ontwikkeladvies.ts); these functions only say what they apply to.
// Source: DOMAIN.md §2.2-§2.4 [pub]; seeds 000, 001, 003, 004.
import type { RegelingCode } from '../codes';
import type { Tijdvak } from '../config/types';

/**
 * Regelingen whose count cap limits APPROVED CLAIMS (in order of receipt) rather than registrations.
 * Source: DOMAIN.md §2.4 [pub] ("claims handled in order of receipt up to a cap of 25,000 approved claims").
 */
const CAP_ON_APPROVED_CLAIMS: readonly RegelingCode[] = ['TSOV_45PLUS'];

/**
 * Regelingen whose advice includes the labour-market scan (arbeidsmarktscan): NL Leert Door [000] (its €700 is the
 * TSOV €600 plus €100 for the scan), and Ontwikkeladvies STAP, which builds on it (assumption, DOMAIN.md §2.2).
 * TSOV 45+ had no scan (DOMAIN.md §2.4, €600 without it).
 */
const LABOUR_MARKET_SCAN_REQUIRED: readonly RegelingCode[] = ['NLLD_ONTWIKKELADVIES', 'STAP_ONTWIKKELADVIES'];

export interface AdviceTrancheCaps {
  /** Registrations that fit in the tranche; null when registrations are not capped. */
  readonly registrationCap: number | null;
  /** Claim lines that may be approved; null when approvals are not capped. */
  readonly approvedClaimCap: number | null;
}

/**
 * The caps of an advice tranche. A count cap applies to registrations (NL Leert Door: 22,000; 40,000 + 10,000
 * [001][003][004]) unless the regeling caps approved claims (TSOV). A budget ceiling with a fixed price per
 * trajectory is also a registration cap: a registration commits one price [003][004]; the lower cap wins.
 */
export function adviceTrancheCaps(tijdvak: Tijdvak, pricePerTrajectoryCents: number): AdviceTrancheCaps {
  if (!Number.isSafeInteger(pricePerTrajectoryCents) || pricePerTrajectoryCents <= 0) {
    throw new RangeError(`price per trajectory must be a positive whole number of cents, got ${pricePerTrajectoryCents}`);
  }
  const countCap = tijdvak.countCap?.value ?? null;
  const capsClaims = CAP_ON_APPROVED_CLAIMS.includes(tijdvak.regeling);
  const byBudget = tijdvak.budgetCeilingCents ? Math.floor(tijdvak.budgetCeilingCents.value / pricePerTrajectoryCents) : null;
  const registrationCaps = [capsClaims ? null : countCap, byBudget].filter((cap): cap is number => cap !== null);
  return {
    registrationCap: registrationCaps.length > 0 ? Math.min(...registrationCaps) : null,
    approvedClaimCap: capsClaims ? countCap : null,
  };
}

/** Whether a completed trajectory of this regeling must include the labour-market scan to be claimable. */
export function labourMarketScanRequired(regeling: RegelingCode): boolean {
  return LABOUR_MARKET_SCAN_REQUIRED.includes(regeling);
}
