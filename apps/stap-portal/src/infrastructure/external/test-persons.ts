// The fixture of test persons served by the local stand-in of the external registers. Also generates synthetic test
// persons (benchmarks and load tests need tens of thousands), all with valid elfproef BSNs.
import { readFileSync } from 'node:fs';
import { isValidBsn, type IsoDate } from '@stap/regelingen';

export interface TestPerson {
  bsn: string;
  initials: string;
  surname: string;
  birthDate: IsoDate;
  /** Insured for the national insurances from this day on (open-ended). */
  insuredFrom: IsoDate;
  deceased?: boolean;
  studentFinance?: boolean;
  lerarenbeurs?: boolean;
  tegemoetkomingSchoolkosten?: boolean;
}

export function loadTestPersons(path: string): TestPerson[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { persons?: TestPerson[] };
  const persons = parsed.persons ?? [];
  const invalid = persons.filter((person) => !isValidBsn(person.bsn));
  if (invalid.length > 0) throw new Error(`test persons with an invalid BSN in ${path}: ${invalid.length}`);
  return persons;
}

/** The n-th synthetic BSN (prefix 7, then a counter, and the elfproef check digit); skips counters without one. */
export function syntheticBsns(count: number, start = 0): string[] {
  const result: string[] = [];
  for (let counter = start; result.length < count; counter += 1) {
    const body = `7${String(counter).padStart(7, '0')}`;
    const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (9 - index), 0);
    const check = sum % 11;
    if (check <= 9) result.push(`${body}${check}`);
  }
  return result;
}

export function syntheticPersons(count: number, start = 0): TestPerson[] {
  return syntheticBsns(count, start).map((bsn, index) => ({
    bsn,
    initials: 'T.',
    surname: `Testpersoon ${start + index}`,
    birthDate: `19${String(60 + (index % 40)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`,
    insuredFrom: '2000-01-01',
  }));
}
