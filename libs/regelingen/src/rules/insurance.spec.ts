import { addDays, compareDates, lastDayOfMonth } from '../calendar/iso-date';
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

  it('counts a month at its first and last day, also February in leap and common years', () => {
    const reference = { from: '2019-12-01', until: '2021-11-30' };
    expect(countInsuredMonths([{ from: '2020-02-01', until: '2020-02-29' }], reference)).toBe(1);
    expect(countInsuredMonths([{ from: '2020-02-01', until: '2020-02-28' }], reference)).toBe(0);
    expect(countInsuredMonths([{ from: '2021-02-01', until: '2021-02-28' }], reference)).toBe(1);
    expect(countInsuredMonths([{ from: '2020-04-01', until: '2020-04-30' }], reference)).toBe(1);
    expect(countInsuredMonths([{ from: '2020-05-01', until: '2020-05-30' }], reference)).toBe(0);
    expect(countInsuredMonths([{ from: '2020-05-02', until: '2020-05-31' }], reference)).toBe(0);
    // The reference period's own edges: its first and last month count when wholly inside it, not when cut.
    expect(countInsuredMonths([{ from: '2019-12-01', until: '2019-12-31' }, { from: '2021-11-01', until: null }], reference)).toBe(2);
    expect(countInsuredMonths([{ from: '2019-12-01', until: '2019-12-31' }, { from: '2021-11-01', until: null }], { from: '2019-12-02', until: '2021-11-29' })).toBe(0);
    expect(countInsuredMonths([{ from: '2021-12-01', until: '2022-01-31' }], reference)).toBe(0);
    expect(countInsuredMonths([], reference)).toBe(0);
  });

  it('gives the same count as checking every month day by day (the definition), for many period sets', () => {
    // The definition, spelled out slowly: each calendar month wholly inside the reference period, insured on every day.
    const insuredOn = (periods: { from: string; until: string | null }[], date: string) =>
      periods.some((p) => compareDates(p.from, date) <= 0 && (p.until === null || compareDates(date, p.until) <= 0));
    const byDefinition = (periods: { from: string; until: string | null }[], reference: { from: string; until: string }) => {
      let count = 0;
      for (let month = reference.from.slice(0, 8) + '01'; compareDates(month, reference.until) <= 0; month = addDays(lastDayOfMonth(month), 1)) {
        if (compareDates(month, reference.from) < 0 || compareDates(lastDayOfMonth(month), reference.until) > 0) continue;
        let every = true;
        for (let day = month; every && compareDates(day, lastDayOfMonth(month)) <= 0; day = addDays(day, 1)) every = insuredOn(periods, day);
        if (every) count += 1;
      }
      return count;
    };
    let seed = 20261123;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 8) % n);
    for (let round = 0; round < 200; round += 1) {
      const reference = { from: addDays('2019-11-20', random(20)), until: addDays('2021-11-20', random(20)) };
      const periods = Array.from({ length: random(4) }, () => {
        const from = addDays('2019-10-01', random(800));
        return { from, until: random(6) === 0 ? null : addDays(from, random(300)) };
      });
      expect(countInsuredMonths(periods, reference)).toBe(byDefinition(periods, reference));
    }
  });
});
