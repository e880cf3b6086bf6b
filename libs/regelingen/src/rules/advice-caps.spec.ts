import { getTijdvak } from '../config/catalogue';
import { euros } from '../config/sourced';
import { adviceTrancheCaps, labourMarketScanRequired } from './advice-caps';

const tranche = (id: string) => {
  const found = getTijdvak(id);
  if (!found) throw new Error(`no tijdvak ${id}`);
  return found;
};

describe('adviceTrancheCaps', () => {
  it('caps the first NL Leert Door tranche at 22,000 registrations', () => {
    expect(adviceTrancheCaps(tranche('NLLD_ONTWIKKELADVIES-2020-08'), euros(700))).toEqual({ registrationCap: 22_000, approvedClaimCap: null });
  });

  it('caps the second tranche at 50,000: the €37M ceiling would allow 52,857 at €700', () => {
    expect(adviceTrancheCaps(tranche('NLLD_ONTWIKKELADVIES-2020-12'), euros(700))).toEqual({ registrationCap: 50_000, approvedClaimCap: null });
  });

  it('turns the €9M STAP ontwikkeladvies ceiling into a registration cap of whole prices', () => {
    expect(adviceTrancheCaps(tranche('STAP_ONTWIKKELADVIES-2022-04'), euros(700)).registrationCap).toBe(12_857);
  });

  it('applies the TSOV cap of 25,000 to approved claims, not to registrations', () => {
    expect(adviceTrancheCaps(tranche('TSOV_45PLUS-2018-01'), euros(600))).toEqual({ registrationCap: null, approvedClaimCap: 25_000 });
  });

  it('refuses a price that is not a positive whole number of cents', () => {
    expect(() => adviceTrancheCaps(tranche('NLLD_ONTWIKKELADVIES-2020-08'), 0)).toThrow(RangeError);
  });
});

describe('labourMarketScanRequired', () => {
  it('requires the scan for NL Leert Door and Ontwikkeladvies STAP, not for TSOV 45+', () => {
    expect(labourMarketScanRequired('NLLD_ONTWIKKELADVIES')).toBe(true);
    expect(labourMarketScanRequired('STAP_ONTWIKKELADVIES')).toBe(true);
    expect(labourMarketScanRequired('TSOV_45PLUS')).toBe(false);
  });
});
