import { addDays, type IsoDate } from '../calendar/iso-date';
import { parametersOn } from '../config/catalogue';
import type { AgeLimits } from '../config/types';
import { ageInYearsOn, aowAgeFor, aowDateFor, checkAge } from './age';

function limitsOf(code: 'STAP' | 'TSOV_45PLUS', on: IsoDate): AgeLimits {
  const version = parametersOn(code, on);
  if (!version) throw new Error(`no ${code} version on ${on}`);
  return version.parameters.age;
}

const STAP_2022 = limitsOf('STAP', '2022-06-01');

describe('age: from the 18th birthday to below the AOW age', () => {
  it('is too young the day before the 18th birthday and eligible on it', () => {
    expect(checkAge({ birthDate: '2004-06-15', on: '2022-06-14', limits: STAP_2022 })).toMatchObject({ eligible: false, reasons: ['UNDER_MINIMUM_AGE'] });
    expect(checkAge({ birthDate: '2004-06-15', on: '2022-06-15', limits: STAP_2022 })).toMatchObject({ eligible: true, reasons: [] });
  });

  it('lets someone born on 29 February turn 18 on 1 March in a common year', () => {
    expect(checkAge({ birthDate: '2004-02-29', on: '2022-02-28', limits: STAP_2022 }).reasons).toEqual(['UNDER_MINIMUM_AGE']);
    expect(checkAge({ birthDate: '2004-02-29', on: '2022-03-01', limits: STAP_2022 }).eligible).toBe(true);
    expect(ageInYearsOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageInYearsOn('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('is eligible the day before the AOW date and not on it (66y7m, born 31 May 1956)', () => {
    expect(aowDateFor('1956-05-31')).toBe('2022-12-31');
    expect(checkAge({ birthDate: '1956-05-31', on: '2022-12-30', limits: STAP_2022 }).eligible).toBe(true);
    expect(checkAge({ birthDate: '1956-05-31', on: '2022-12-31', limits: STAP_2022 })).toMatchObject({
      eligible: false,
      reasons: ['AOW_AGE_REACHED'],
      aowAgeReachedOn: '2022-12-31',
    });
  });

  it('applies a different AOW age one birth day later (row boundary 31 May / 1 June 1956)', () => {
    expect(aowAgeFor('1956-06-01')).toEqual({ years: 66, months: 10, established: true });
    expect(aowDateFor('1956-06-01')).toBe('2023-04-01');
    expect(checkAge({ birthDate: '1956-06-01', on: '2023-03-31', limits: limitsOf('STAP', '2023-03-31') }).eligible).toBe(true);
    expect(checkAge({ birthDate: '1956-06-01', on: '2023-04-01', limits: limitsOf('STAP', '2023-04-01') }).reasons).toEqual(['AOW_AGE_REACHED']);
  });

  it('follows the SVB table at every row boundary', () => {
    const expected: [IsoDate, IsoDate][] = [
      ['1947-12-31', '2012-12-31'],
      ['1948-01-01', '2013-02-01'],
      ['1952-12-31', '2018-12-31'],
      ['1953-01-01', '2019-05-01'],
      ['1955-08-31', '2021-12-31'],
      ['1955-09-01', '2022-04-01'],
      ['1957-02-28', '2023-12-28'],
      ['1957-03-01', '2024-03-01'],
      ['1960-12-31', '2027-12-31'],
      ['1961-01-01', '2028-04-01'],
      ['1962-09-30', '2029-12-30'],
    ];
    for (const [born, aowDate] of expected) expect([born, aowDateFor(born)]).toEqual([born, aowDate]);
  });

  it('moves the AOW date of a 29 February birth that lands on a missing day to 1 March', () => {
    expect(aowAgeFor('1960-02-29')).toEqual({ years: 67, months: 0, established: true });
    expect(aowDateFor('1960-02-29')).toBe('2027-03-01');
  });

  it('never gives a later birth date an earlier AOW date', () => {
    let previous = aowDateFor('1940-01-01');
    for (let born: IsoDate = '1940-01-02'; born < '1975-01-01'; born = addDays(born, 1)) {
      const current = aowDateFor(born);
      expect(current >= previous).toBe(true);
      previous = current;
    }
  });

  it('uses the lower bound while the AOW age is not established, and refuses at or past it', () => {
    expect(aowAgeFor('1962-10-01')).toEqual({ years: 67, months: 3, established: false });
    expect(checkAge({ birthDate: '1970-01-01', on: '2022-06-01', limits: STAP_2022 })).toMatchObject({ eligible: true, aowAgeEstablished: false });
    expect(checkAge({ birthDate: '1970-01-01', on: '2037-04-01', limits: STAP_2022 }).reasons).toEqual(['AOW_AGE_NOT_ESTABLISHED']);
  });

  it('applies the minimum age of 45 of TSOV', () => {
    const tsov = limitsOf('TSOV_45PLUS', '2019-03-01');
    expect(checkAge({ birthDate: '1974-03-02', on: '2019-03-01', limits: tsov }).reasons).toEqual(['UNDER_MINIMUM_AGE']);
    expect(checkAge({ birthDate: '1974-03-01', on: '2019-03-01', limits: tsov }).eligible).toBe(true);
  });

  it('rejects a birth date after the reference date', () => {
    expect(checkAge({ birthDate: '2022-06-02', on: '2022-06-01', limits: STAP_2022 }).reasons).toEqual(['BIRTH_DATE_IN_FUTURE', 'UNDER_MINIMUM_AGE']);
  });

  it('has no upper limit where the scheme sets none', () => {
    const noUpper: AgeLimits = { ...STAP_2022, belowAowAge: { value: false, source: { domain: 'test' } } };
    expect(checkAge({ birthDate: '1940-01-01', on: '2022-06-01', limits: noUpper })).toMatchObject({ eligible: true, aowAgeReachedOn: null });
  });
});
