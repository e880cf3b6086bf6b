import type { InsuranceRequirement } from '../config/types';
import { checkInsuredMonths, countInsuredMonths, referencePeriodFor } from './insurance';

const STAP: InsuranceRequirement = { minimumInsuredMonths: 6, referenceStartsMonthsBeforeOpening: 27, referenceEndsMonthsBeforeOpening: 3 };

describe('insured months in the reference period', () => {
  it('runs from 2 years 3 months to 3 months before the tijdvak opens', () => {
    expect(referencePeriodFor('2022-03-01', STAP)).toEqual({ from: '2019-12-01', until: '2021-11-30' });
    expect(referencePeriodFor('2023-03-17', STAP)).toEqual({ from: '2020-12-17', until: '2022-12-16' });
  });

  it('accepts exactly six insured months and refuses five', () => {
    const six = checkInsuredMonths({ insuredPeriods: [{ from: '2020-01-01', until: '2020-06-30' }], tijdvakOpeningDate: '2022-03-01', requirement: STAP });
    expect(six).toMatchObject({ eligible: true, insuredMonths: 6 });
    const five = checkInsuredMonths({ insuredPeriods: [{ from: '2020-01-01', until: '2020-05-31' }], tijdvakOpeningDate: '2022-03-01', requirement: STAP });
    expect(five).toMatchObject({ eligible: false, reasons: ['INSUFFICIENT_INSURED_MONTHS'], insuredMonths: 5 });
  });

  it('counts a month only when every day of it was insured', () => {
    expect(countInsuredMonths([{ from: '2020-01-02', until: '2020-06-30' }], { from: '2019-12-01', until: '2021-11-30' })).toBe(5);
  });

  it('joins adjacent and overlapping periods', () => {
    const reference = { from: '2019-12-01', until: '2021-11-30' };
    expect(countInsuredMonths([{ from: '2020-03-16', until: '2020-06-30' }, { from: '2020-01-01', until: '2020-03-15' }], reference)).toBe(6);
    expect(countInsuredMonths([{ from: '2020-01-01', until: '2020-04-10' }, { from: '2020-02-01', until: '2020-06-30' }], reference)).toBe(6);
    expect(countInsuredMonths([{ from: '2020-01-01', until: '2020-03-14' }, { from: '2020-03-16', until: '2020-06-30' }], reference)).toBe(5);
  });

  it('ignores insurance outside the reference period and counts an ongoing period up to its end', () => {
    const reference = referencePeriodFor('2022-03-01', STAP);
    expect(countInsuredMonths([{ from: '2021-12-01', until: null }], reference)).toBe(0);
    expect(countInsuredMonths([{ from: '2021-06-01', until: null }], reference)).toBe(6);
    expect(countInsuredMonths([{ from: '1990-01-01', until: null }], reference)).toBe(24);
  });

  it('loses the partial edge months of a mid-month opening', () => {
    expect(countInsuredMonths([{ from: '1990-01-01', until: null }], referencePeriodFor('2023-03-17', STAP))).toBe(23);
  });
});
