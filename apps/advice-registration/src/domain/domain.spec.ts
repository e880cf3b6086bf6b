// Pure domain rules of the service, without database or broker.
import { getTijdvak, amsterdamToInstant, type Tijdvak } from '@stap/regelingen';
import { ageBandOf } from './age-band';
import { assessClaimLine, type ClaimedTrajectory } from './claim-line';
import { suppressSmallCells } from './monitor';
import { reconciliationChecks, type TrancheFigures } from './reconciliation';

const tranche = (id: string): Tijdvak => {
  const found = getTijdvak(id);
  if (!found) throw new Error(id);
  return found;
};

describe('age bands of the monitor', () => {
  it.each([
    [18, '18-26'],
    [26, '18-26'],
    [27, '27-34'],
    [44, '35-44'],
    [45, '45-54'],
    [54, '45-54'],
    [55, '55-AOW'],
    [66, '55-AOW'],
  ])('age %i is in band %s', (age, band) => expect(ageBandOf(age)).toBe(band));
});

describe('small-cell suppression', () => {
  it('suppresses a row under the threshold, keeps one at it, and a zero completed count does not suppress', () => {
    expect(
      suppressSmallCells(
        [
          { category: 'A', registered: 9, completed: 0 },
          { category: 'B', registered: 10, completed: 0 },
          { category: 'C', registered: 40, completed: 3 },
        ],
        10,
      ),
    ).toEqual([
      { category: 'A', registered: 0, completed: 0, suppressed: true },
      { category: 'B', registered: 10, completed: 0, suppressed: false },
      { category: 'C', registered: 0, completed: 0, suppressed: true },
    ]);
  });
});

describe('claim lines', () => {
  const second = tranche('NLLD_ONTWIKKELADVIES-2020-12');
  const context = { organisationId: 'org', tijdvak: second, claimedAt: amsterdamToInstant('2021-06-01T10:00') };
  const done: ClaimedTrajectory = {
    adviserOrganisationId: 'org',
    tijdvakId: second.id,
    status: 'COMPLETED',
    claimId: null,
    registeredOn: '2021-02-01',
    completedOn: '2021-03-01',
    labourMarketScanDone: true,
  };

  it('accepts a completed trajectory with the scan at the price of €700', () => {
    expect(assessClaimLine(done, context)).toEqual({ accepted: true, amountCents: 70_000 });
  });

  it.each<[string, Partial<ClaimedTrajectory> | undefined, string]>([
    ['unknown', undefined, 'UNKNOWN_TRAJECTORY'],
    ['another organisation', { adviserOrganisationId: 'other' }, 'OTHER_ORGANISATION'],
    ['another tranche', { tijdvakId: 'NLLD_ONTWIKKELADVIES-2020-08' }, 'OTHER_TRANCHE'],
    ['cancelled', { status: 'CANCELLED', completedOn: null }, 'CANCELLED'],
    ['already claimed', { claimId: 'c1', status: 'CLAIM_ACCEPTED' }, 'ALREADY_CLAIMED'],
    ['without the scan', { labourMarketScanDone: false }, 'LABOUR_MARKET_SCAN_MISSING'],
    ['not completed', { status: 'REGISTERED', completedOn: null, labourMarketScanDone: null }, 'NOT_COMPLETED'],
  ])('rejects a trajectory that is %s', (_name, change, reason) => {
    expect(assessClaimLine(change === undefined ? undefined : { ...done, ...change }, context)).toEqual({ accepted: false, reason });
  });
});

describe('reconciliation identities', () => {
  const balanced: TrancheFigures = {
    registered: 10,
    cancelled: 1,
    open: 2,
    completed: 7,
    completedUnclaimed: 2,
    claimLines: 6,
    acceptedLines: 5,
    rejectedLines: 1,
    acceptedTrajectories: 5,
    acceptedCents: 350_000n,
    acceptedTrajectoryValueCents: 350_000n,
    paidCents: 210_000n,
    paidLines: 3,
    registeredValueCents: 700_000n,
  };

  it('all hold for consistent figures', () => {
    expect(reconciliationChecks(balanced).every((check) => check.holds)).toBe(true);
  });

  it('flags a tranche that paid more than it financed, and one where a trajectory was accepted twice', () => {
    const failing = reconciliationChecks({ ...balanced, paidCents: 350_001n, acceptedLines: 6, rejectedLines: 0 }).filter((check) => !check.holds);
    expect(failing.map((check) => check.name)).toEqual(['each trajectory accepted at most once', 'paid ≤ financed']);
  });
});
