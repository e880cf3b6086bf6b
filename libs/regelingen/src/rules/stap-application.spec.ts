import { amsterdamToInstant } from '../calendar/amsterdam-time';
import { assessStapApplication, type StapApplication } from './stap-application';

function application(change: { applicant?: Partial<StapApplication['applicant']>; training?: Partial<StapApplication['training']> } & Partial<Pick<StapApplication, 'tijdvakId' | 'receivedAt'>> = {}): StapApplication {
  return {
    tijdvakId: change.tijdvakId ?? 'STAP-2022-11',
    receivedAt: change.receivedAt ?? amsterdamToInstant('2022-11-01T10:05'),
    applicant: {
      birthDate: '1990-05-05',
      insuredPeriods: [{ from: '2010-01-01', until: null }],
      receives: [],
      previousApplications: [],
      ...change.applicant,
    },
    training: { startDate: '2023-01-09', registerPriceCents: 120_000, grantsThisYear: 12, ...change.training },
  };
}

describe('assessing a STAP application', () => {
  it('grants €1,000 of a €1,200 course and leaves €200 to the person', () => {
    expect(assessStapApplication(application())).toEqual({
      eligible: true,
      reasons: [],
      applicationDate: '2022-11-01',
      version: 'STAP/2022.1',
      grantedCents: 100_000,
      remainderCents: 20_000,
      earliestStart: '2022-11-29',
      latestStart: '2023-03-31',
      aowAgeReachedOn: '2057-08-05',
      insuredMonths: 24,
    });
  });

  it('refuses an application received before 10:00 on opening day', () => {
    expect(assessStapApplication(application({ receivedAt: amsterdamToInstant('2022-11-01T09:59') })).reasons).toEqual(['TIJDVAK_NOT_YET_OPEN']);
  });

  it('lists every ground at once', () => {
    const result = assessStapApplication(
      application({
        applicant: { birthDate: '2004-11-02', receives: ['STUDIEFINANCIERING'], previousApplications: [{ submittedOn: '2022-07-01', status: 'GRANTED' }] },
        training: { startDate: '2022-11-28' },
      }),
    );
    expect(result).toMatchObject({
      eligible: false,
      reasons: ['UNDER_MINIMUM_AGE', 'RECEIVES_STUDIEFINANCIERING', 'ALREADY_GRANTED_THIS_YEAR', 'STARTS_TOO_SOON'],
      grantedCents: 0,
      remainderCents: 0,
    });
  });

  it('accepts a second application in a year when the first was rejected', () => {
    const second = application({ applicant: { previousApplications: [{ submittedOn: '2022-07-01', status: 'REJECTED' }] } });
    expect(assessStapApplication(second).eligible).toBe(true);
  });

  it('applies the per-training limit only from February 2023', () => {
    const may2023 = { tijdvakId: 'STAP-2023-05', receivedAt: amsterdamToInstant('2023-05-01T10:00'), training: { startDate: '2023-06-12', grantsThisYear: 300 } };
    expect(assessStapApplication(application(may2023))).toMatchObject({ reasons: ['TRAINING_GRANT_LIMIT_REACHED'], version: 'STAP/2023.1' });
    expect(assessStapApplication(application({ ...may2023, training: { startDate: '2023-06-12', grantsThisYear: 299 } })).eligible).toBe(true);
    expect(assessStapApplication(application({ training: { grantsThisYear: 300 } })).eligible).toBe(true);
  });

  it('refuses a person without 6 insured months in the reference period', () => {
    const newcomer = application({ applicant: { insuredPeriods: [{ from: '2022-03-01', until: null }] } });
    expect(assessStapApplication(newcomer)).toMatchObject({ reasons: ['INSUFFICIENT_INSURED_MONTHS'], insuredMonths: 5 });
  });

  it('refuses unknown tijdvakken and tijdvakken of other schemes', () => {
    expect(assessStapApplication(application({ tijdvakId: 'STAP-2024-01' })).reasons).toEqual(['UNKNOWN_TIJDVAK']);
    expect(assessStapApplication(application({ tijdvakId: 'NLLD_ONTWIKKELADVIES-2020-12' })).reasons).toEqual(['NOT_A_STAP_TIJDVAK']);
  });
});
