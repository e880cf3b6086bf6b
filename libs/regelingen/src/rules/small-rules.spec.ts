import { getTijdvak } from '../config/catalogue';
import type { Tijdvak } from '../config/types';
import { stapAmount } from './amount';
import { checkGrantsPerCalendarYear } from './annual-limit';
import { checkNoExcludedBenefits } from './benefits';
import { checkNotYetStarted, checkStartWindow } from './start-date';
import { checkTrainingGrantLimit } from './training-limit';

function tijdvak(id: string): Tijdvak {
  const found = getTijdvak(id);
  if (!found) throw new Error(`unknown tijdvak ${id}`);
  return found;
}

const STAP_RULE = { earliestStartWeeksAfterApplication: 4, latestStartMonthsAfterTijdvakCloses: 3 };

describe('STAP amount: register price capped at €1,000 incl. VAT', () => {
  const max = 100_000;

  it('grants €1,000.00 in full', () => {
    expect(stapAmount({ registerPriceCents: 100_000, maxAmountCents: max })).toEqual({ eligible: true, reasons: [], grantedCents: 100_000, remainderCents: 0, capped: false });
  });

  it('caps €1,000.01 at €1,000.00 and leaves one cent to the person', () => {
    expect(stapAmount({ registerPriceCents: 100_001, maxAmountCents: max })).toEqual({ eligible: true, reasons: [], grantedCents: 100_000, remainderCents: 1, capped: true });
  });

  it('grants the amount on the enrolment certificate when it is below the register price', () => {
    expect(stapAmount({ registerPriceCents: 100_000, requestedCents: 80_000, maxAmountCents: max })).toMatchObject({ grantedCents: 80_000, remainderCents: 20_000 });
  });

  it('refuses an amount above the register price and prices that are not whole positive cents', () => {
    expect(stapAmount({ registerPriceCents: 80_000, requestedCents: 80_001, maxAmountCents: max })).toMatchObject({ reasons: ['EXCEEDS_REGISTER_PRICE'], grantedCents: 0, remainderCents: 80_000 });
    expect(stapAmount({ registerPriceCents: 0, maxAmountCents: max }).reasons).toEqual(['PRICE_NOT_WHOLE_POSITIVE_CENTS']);
    expect(stapAmount({ registerPriceCents: 99_999.5, maxAmountCents: max }).reasons).toEqual(['PRICE_NOT_WHOLE_POSITIVE_CENTS']);
    expect(stapAmount({ registerPriceCents: 50_000, requestedCents: -1, maxAmountCents: max }).reasons).toEqual(['REQUESTED_NOT_WHOLE_POSITIVE_CENTS']);
  });
});

describe('start-date window', () => {
  const may2022 = tijdvak('STAP-2022-05');

  it('accepts a start exactly 4 weeks after the application and refuses one day less', () => {
    expect(checkStartWindow({ startDate: '2022-05-30', applicationDate: '2022-05-02', tijdvak: may2022, rule: STAP_RULE })).toMatchObject({ eligible: true, earliestStart: '2022-05-30' });
    expect(checkStartWindow({ startDate: '2022-05-29', applicationDate: '2022-05-02', tijdvak: may2022, rule: STAP_RULE }).reasons).toEqual(['STARTS_TOO_SOON']);
  });

  it('accepts a start exactly 3 months after the tijdvak closes and refuses one day more', () => {
    expect(checkStartWindow({ startDate: '2022-09-30', applicationDate: '2022-05-02', tijdvak: may2022, rule: STAP_RULE })).toMatchObject({ eligible: true, latestStart: '2022-09-30' });
    expect(checkStartWindow({ startDate: '2022-10-01', applicationDate: '2022-05-02', tijdvak: may2022, rule: STAP_RULE }).reasons).toEqual(['STARTS_TOO_LATE']);
  });

  it('clamps "3 months after 31 August" to 30 November', () => {
    expect(checkStartWindow({ startDate: '2022-11-30', applicationDate: '2022-07-01', tijdvak: tijdvak('STAP-2022-07'), rule: STAP_RULE }).latestStart).toBe('2022-11-30');
  });

  it('counts the 4 weeks from the planned opening when the opening was postponed', () => {
    const postponed = tijdvak('STAP-2023-03');
    expect(checkStartWindow({ startDate: '2023-03-28', applicationDate: '2023-03-17', tijdvak: postponed, rule: STAP_RULE })).toMatchObject({ eligible: true, earliestStart: '2023-03-28' });
    expect(checkStartWindow({ startDate: '2023-03-27', applicationDate: '2023-03-17', tijdvak: postponed, rule: STAP_RULE }).reasons).toEqual(['STARTS_TOO_SOON']);
  });

  it('treats a training that starts on or before the application date as started', () => {
    expect(checkNotYetStarted('2022-05-03', '2022-05-02').eligible).toBe(true);
    expect(checkNotYetStarted('2022-05-02', '2022-05-02').reasons).toEqual(['TRAINING_ALREADY_STARTED']);
    expect(checkNotYetStarted('2022-04-01', '2022-05-02').reasons).toEqual(['TRAINING_ALREADY_STARTED']);
  });
});

describe('one STAP grant per calendar year', () => {
  const rule = { applicationDate: '2022-11-01', grantsPerCalendarYear: 1 };

  it('refuses a second application in a year with a granted one', () => {
    expect(checkGrantsPerCalendarYear({ ...rule, previous: [{ submittedOn: '2022-03-01', status: 'GRANTED' }] })).toMatchObject({ reasons: ['ALREADY_GRANTED_THIS_YEAR'], grantedThisYear: 1 });
  });

  it('accepts a second application when the first was rejected or withdrawn', () => {
    const previous = [{ submittedOn: '2022-03-01', status: 'REJECTED' }, { submittedOn: '2022-05-02', status: 'WITHDRAWN' }] as const;
    expect(checkGrantsPerCalendarYear({ ...rule, previous })).toMatchObject({ eligible: true, grantedThisYear: 0 });
  });

  it('counts grants per calendar year of the application', () => {
    expect(checkGrantsPerCalendarYear({ ...rule, previous: [{ submittedOn: '2021-12-31', status: 'GRANTED' }] }).eligible).toBe(true);
    expect(checkGrantsPerCalendarYear({ applicationDate: '2023-01-01', grantsPerCalendarYear: 1, previous: [{ submittedOn: '2022-11-01', status: 'GRANTED' }] }).eligible).toBe(true);
  });

  it('refuses while an application of the same year is still being decided', () => {
    expect(checkGrantsPerCalendarYear({ ...rule, previous: [{ submittedOn: '2022-11-01', status: 'SUBMITTED' }] }).reasons).toEqual(['APPLICATION_PENDING_THIS_YEAR']);
  });
});

describe('per-training grant limit (verleningsgrens)', () => {
  it('allows the 300th grant and refuses the 301st', () => {
    expect(checkTrainingGrantLimit({ grantsThisYear: 299, limit: 300 })).toEqual({ eligible: true, reasons: [], remaining: 1 });
    expect(checkTrainingGrantLimit({ grantsThisYear: 300, limit: 300 })).toEqual({ eligible: false, reasons: ['TRAINING_GRANT_LIMIT_REACHED'], remaining: 0 });
    expect(checkTrainingGrantLimit({ grantsThisYear: 301, limit: 300 }).reasons).toEqual(['TRAINING_GRANT_LIMIT_REACHED']);
  });

  it('does not limit before February 2023', () => {
    expect(checkTrainingGrantLimit({ grantsThisYear: 5_000, limit: null })).toEqual({ eligible: true, reasons: [], remaining: null });
  });
});

describe('no student finance, lerarenbeurs or tegemoetkoming schoolkosten', () => {
  const excluded = ['STUDIEFINANCIERING', 'LERARENBEURS', 'TEGEMOETKOMING_SCHOOLKOSTEN'] as const;

  it('names each excluded benefit the person receives', () => {
    expect(checkNoExcludedBenefits({ receives: [], excluded }).eligible).toBe(true);
    expect(checkNoExcludedBenefits({ receives: ['LERARENBEURS'], excluded }).reasons).toEqual(['RECEIVES_LERARENBEURS']);
    expect(checkNoExcludedBenefits({ receives: ['TEGEMOETKOMING_SCHOOLKOSTEN', 'STUDIEFINANCIERING'], excluded }).reasons).toEqual([
      'RECEIVES_STUDIEFINANCIERING',
      'RECEIVES_TEGEMOETKOMING_SCHOOLKOSTEN',
    ]);
  });
});
