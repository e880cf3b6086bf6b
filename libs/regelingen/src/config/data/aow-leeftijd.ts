// AOW-leeftijd (state pension age) by birth date, as published by SVB and Rijksoverheid
// ("Wanneer gaat mijn AOW in?"). Every scheme here runs "tot de AOW-leeftijd", so this table is
// scheme data, not code. Source: DOMAIN.md §2.1 ("AOW age is a parameter by birth date") [pub].
//
// The rows for 2019-2023 follow the Wet temporisering verhoging AOW-leeftijd (2019), which froze the
// age at 66y4m for 2019-2021 instead of the earlier schedule (66y8m in 2020, 67 in 2021). That law was
// in force before any decision of the schemes modelled here that the two schedules would decide
// differently, so one table serves them all.
import type { IsoDate } from '../../calendar/iso-date';
import { sourced } from '../sourced';
import type { Source, Sourced } from '../types';

export interface AowAgeRow {
  /** Inclusive; absent for the first row. */
  readonly bornFrom?: IsoDate;
  /** Inclusive; absent for the last row. */
  readonly bornUntil?: IsoDate;
  readonly years: number;
  readonly months: number;
  /**
   * False for the open-ended last row: the AOW age is fixed five years ahead, so for later birth
   * dates only a lower bound is known. The law only ever raises the age (art. 7a AOW), so the
   * bound is safe for "below AOW age" checks.
   */
  readonly established: boolean;
}

const SVB_TABLE: Source = {
  domain: '§2.1',
  pub: 'SVB/Rijksoverheid table "Wanneer gaat mijn AOW in?"; Wet verhoging AOW- en pensioenrichtleeftijd; Wet temporisering verhoging AOW-leeftijd (2019)',
};

export const AOW_AGE_TABLE: Sourced<readonly AowAgeRow[]> = sourced(
  [
    { bornUntil: '1947-12-31', years: 65, months: 0, established: true },
    { bornFrom: '1948-01-01', bornUntil: '1948-11-30', years: 65, months: 1, established: true }, // AOW in 2013
    { bornFrom: '1948-12-01', bornUntil: '1949-10-31', years: 65, months: 2, established: true }, // 2014
    { bornFrom: '1949-11-01', bornUntil: '1950-09-30', years: 65, months: 3, established: true }, // 2015
    { bornFrom: '1950-10-01', bornUntil: '1951-06-30', years: 65, months: 6, established: true }, // 2016
    { bornFrom: '1951-07-01', bornUntil: '1952-03-31', years: 65, months: 9, established: true }, // 2017
    { bornFrom: '1952-04-01', bornUntil: '1952-12-31', years: 66, months: 0, established: true }, // 2018
    { bornFrom: '1953-01-01', bornUntil: '1955-08-31', years: 66, months: 4, established: true }, // 2019-2021
    { bornFrom: '1955-09-01', bornUntil: '1956-05-31', years: 66, months: 7, established: true }, // 2022
    { bornFrom: '1956-06-01', bornUntil: '1957-02-28', years: 66, months: 10, established: true }, // 2023
    { bornFrom: '1957-03-01', bornUntil: '1960-12-31', years: 67, months: 0, established: true }, // 2024-2027
    { bornFrom: '1961-01-01', bornUntil: '1962-09-30', years: 67, months: 3, established: true }, // 2028-2029
    { bornFrom: '1962-10-01', years: 67, months: 3, established: false }, // 2030 and later: at least 67y3m
  ],
  SVB_TABLE,
);
