import { amsterdamToInstant } from '../calendar/amsterdam-time';
import { getTijdvak } from '../config/catalogue';
import type { Tijdvak } from '../config/types';
import { assessAdviceClaim, assessAdviceRegistration, checkAdviserDailyLimit, type AdviceRegistration } from './ontwikkeladvies';

function tijdvak(id: string): Tijdvak {
  const found = getTijdvak(id);
  if (!found) throw new Error(`unknown tijdvak ${id}`);
  return found;
}

const at = amsterdamToInstant;
const FIRST = tijdvak('NLLD_ONTWIKKELADVIES-2020-08');
const SECOND = tijdvak('NLLD_ONTWIKKELADVIES-2020-12');

function registration(change: Partial<AdviceRegistration> = {}): AdviceRegistration {
  return {
    tijdvak: SECOND,
    registeredAt: at('2020-12-07T09:30'),
    participant: { birthDate: '1980-04-12' },
    trajectoryStartDate: '2020-12-14',
    registrationsOfParticipantInTranche: 0,
    registrationsOfAdviserToday: 0,
    registrationsInTranche: 10_000,
    ...change,
  };
}

describe('NL Leert Door ontwikkeladvies registration', () => {
  it('accepts a valid registration at the €700 price of the version in force', () => {
    expect(assessAdviceRegistration(registration())).toEqual({
      eligible: true,
      reasons: [],
      registrationDate: '2020-12-07',
      version: 'NLLD_ONTWIKKELADVIES/2020.2',
      priceCents: 70_000,
    });
  });

  it('allows one trajectory per person per tranche', () => {
    expect(assessAdviceRegistration(registration({ registrationsOfParticipantInTranche: 1 })).reasons).toEqual(['ALREADY_REGISTERED_IN_TRANCHE']);
  });

  it('allows the 25th registration of an adviser on a day and refuses the 26th', () => {
    expect(assessAdviceRegistration(registration({ registrationsOfAdviserToday: 24 })).eligible).toBe(true);
    expect(assessAdviceRegistration(registration({ registrationsOfAdviserToday: 25 })).reasons).toEqual(['ADVISER_DAILY_LIMIT_REACHED']);
    expect(checkAdviserDailyLimit(26, 25).reasons).toEqual(['ADVISER_DAILY_LIMIT_REACHED']);
  });

  it('had no adviser limit in the first tranche', () => {
    const first = registration({ tijdvak: FIRST, registeredAt: at('2020-08-10T09:00'), trajectoryStartDate: '2020-08-17', registrationsInTranche: 0, registrationsOfAdviserToday: 80 });
    expect(assessAdviceRegistration(first)).toMatchObject({ eligible: true, version: 'NLLD_ONTWIKKELADVIES/2020.1' });
  });

  it('fills the tranche: cap minus one accepted, at cap and over cap refused', () => {
    expect(assessAdviceRegistration(registration({ registrationsInTranche: 49_999 })).eligible).toBe(true);
    expect(assessAdviceRegistration(registration({ registrationsInTranche: 50_000 })).reasons).toEqual(['CAP_REACHED']);
    expect(assessAdviceRegistration(registration({ registrationsInTranche: 50_001 })).reasons).toEqual(['CAP_REACHED']);
  });

  it('accepts registrations from the opening moment and refuses them after closing', () => {
    expect(assessAdviceRegistration(registration({ registeredAt: at('2020-11-30T23:59'), trajectoryStartDate: '2020-12-14' })).reasons).toEqual(['TIJDVAK_NOT_YET_OPEN']);
    expect(assessAdviceRegistration(registration({ registeredAt: at('2020-12-01T00:00') })).eligible).toBe(true);
    const late = registration({ tijdvak: FIRST, registeredAt: at('2020-09-01T00:00'), trajectoryStartDate: '2020-09-07', registrationsInTranche: 21_000 });
    expect(assessAdviceRegistration(late).reasons).toEqual(['TIJDVAK_CLOSED']);
  });

  it('requires registration before the trajectory starts', () => {
    expect(assessAdviceRegistration(registration({ trajectoryStartDate: '2020-12-07' })).eligible).toBe(true);
    expect(assessAdviceRegistration(registration({ trajectoryStartDate: '2020-12-06' })).reasons).toEqual(['TRAJECTORY_ALREADY_STARTED']);
  });

  it('applies the age limits to the participant', () => {
    expect(assessAdviceRegistration(registration({ participant: { birthDate: '2002-12-08' } })).reasons).toEqual(['UNDER_MINIMUM_AGE']);
    expect(assessAdviceRegistration(registration({ participant: { birthDate: '1954-08-07' } })).reasons).toEqual(['AOW_AGE_REACHED']);
  });

  it('limits Ontwikkeladvies STAP to people educated up to MBO-2', () => {
    const stapOa = (educationLevel?: 'MBO_2' | 'MBO_3') =>
      registration({
        tijdvak: tijdvak('STAP_ONTWIKKELADVIES-2022-04'),
        registeredAt: at('2022-05-02T11:00'),
        trajectoryStartDate: '2022-05-09',
        registrationsInTranche: 0,
        participant: educationLevel ? { birthDate: '1990-01-01', educationLevel } : { birthDate: '1990-01-01' },
      });
    expect(assessAdviceRegistration(stapOa('MBO_2')).eligible).toBe(true);
    expect(assessAdviceRegistration(stapOa('MBO_3')).reasons).toEqual(['EDUCATION_ABOVE_TARGET_GROUP']);
    expect(assessAdviceRegistration(stapOa()).reasons).toEqual(['EDUCATION_LEVEL_UNKNOWN']);
  });

  it('refuses a tijdvak of another scheme', () => {
    expect(assessAdviceRegistration(registration({ tijdvak: tijdvak('STAP-2022-03') })).reasons).toEqual(['NOT_AN_ADVICE_SCHEME']);
  });
});

describe('NL Leert Door ontwikkeladvies claim', () => {
  const claim = { tijdvak: SECOND, completedOn: '2021-03-01', registeredOn: '2020-12-07' };

  it('pays €700 for a completed trajectory claimed before 30 Sep 2021 17:00', () => {
    expect(assessAdviceClaim({ ...claim, claimedAt: at('2021-09-30T16:59') })).toEqual({ eligible: true, reasons: [], amountCents: 70_000 });
  });

  it('refuses a claim at or after the deadline', () => {
    expect(assessAdviceClaim({ ...claim, claimedAt: at('2021-09-30T17:00') })).toEqual({ eligible: false, reasons: ['CLAIM_DEADLINE_PASSED'], amountCents: 0 });
    expect(at('2021-09-30T17:00').toISOString()).toBe('2021-09-30T15:00:00.000Z');
  });

  it('pays only after completion', () => {
    expect(assessAdviceClaim({ ...claim, completedOn: null, claimedAt: at('2021-03-01T12:00') }).reasons).toEqual(['TRAJECTORY_NOT_COMPLETED']);
    expect(assessAdviceClaim({ ...claim, completedOn: '2021-03-02', claimedAt: at('2021-03-01T12:00') }).reasons).toEqual(['TRAJECTORY_NOT_COMPLETED']);
  });

  it('paid €600 under TSOV 45+', () => {
    const tsov = { tijdvak: tijdvak('TSOV_45PLUS-2018-01'), completedOn: '2019-05-01', registeredOn: '2019-04-01', claimedAt: at('2019-05-02T10:00') };
    expect(assessAdviceClaim(tsov).amountCents).toBe(60_000);
  });
});
