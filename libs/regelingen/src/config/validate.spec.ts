import { allRegelingen, AOW_AGE_TABLE, getRegeling } from './catalogue';
import type { AnyRegeling, Tijdvak } from './types';
import { validateAowTable, validateCatalogue } from './validate';

function replace(changed: AnyRegeling): AnyRegeling[] {
  return allRegelingen().map((regeling) => (regeling.code === changed.code ? changed : regeling));
}

function withTijdvak(code: 'STAP' | 'NLLD_ONTWIKKELADVIES', index: number, change: Partial<Tijdvak>): AnyRegeling[] {
  const regeling = getRegeling(code);
  const tijdvakken = regeling.tijdvakken.map((tijdvak, i) => (i === index ? { ...tijdvak, ...change } : tijdvak));
  return replace({ ...regeling, tijdvakken } as AnyRegeling);
}

describe('configuration invariants', () => {
  it('hold for the shipped catalogue and AOW table', () => {
    expect(validateCatalogue(allRegelingen())).toEqual([]);
    expect(validateAowTable(AOW_AGE_TABLE.value)).toEqual([]);
  });

  it('require every regeling exactly once', () => {
    const missing = allRegelingen().filter((regeling) => regeling.code !== 'SLIM');
    expect(validateCatalogue(missing)).toContain('SLIM: must be configured exactly once');
  });

  it('reject a gap between versions', () => {
    const stap = getRegeling('STAP');
    const [first, second, third] = stap.versions;
    if (!first || !second || !third) throw new Error('STAP has three versions');
    const broken = replace({ ...stap, versions: [first, { ...second, effectiveFrom: '2023-02-02' }, third] });
    expect(validateCatalogue(broken)).toContain('STAP STAP/2023.1: must start the day after STAP/2022.1 ends (no gap, no overlap)');
  });

  it('reject a tijdvak id that does not match its regeling or opening month', () => {
    expect(validateCatalogue(withTijdvak('STAP', 1, { id: 'STAP-2022-06' }))).toContain(
      'STAP-2022-06: year-month of the id must be the month it (was planned to) open',
    );
    expect(validateCatalogue(withTijdvak('STAP', 1, { id: 'SLIM-2022-05' }))).toContain('SLIM-2022-05: id must be STAP-YYYY-MM and belong to STAP');
  });

  it('reject a window that closes before it opens, or a moment that does not exist', () => {
    const closesEarly = withTijdvak('STAP', 0, { closesAt: { value: '2022-02-01T00:00', source: { domain: '§2.1' } } });
    expect(validateCatalogue(closesEarly)).toContain('STAP-2022-03: opensAt must be before closesAt');
    const skippedHour = withTijdvak('STAP', 0, { closesAt: { value: '2022-03-27T02:30', source: { domain: '§2.1' } } });
    expect(validateCatalogue(skippedHour)).toContain('STAP-2022-03: moments must be existing Europe/Amsterdam YYYY-MM-DDTHH:mm');
  });

  it('require a ceiling or cap on every tijdvak of a scheme the platform runs', () => {
    const stap = getRegeling('STAP');
    const [first, ...rest] = stap.tijdvakken;
    if (!first) throw new Error('STAP has tijdvakken');
    const withoutCeiling: Tijdvak = { ...first, budgetCeilingCents: undefined };
    expect(validateCatalogue(replace({ ...stap, tijdvakken: [withoutCeiling, ...rest] }))).toContain('STAP-2022-03: needs a budget ceiling or a count cap');
  });

  it('reject a count cap that the ceiling cannot pay at the trajectory price', () => {
    const tooMany = withTijdvak('NLLD_ONTWIKKELADVIES', 1, { countCap: { value: 52_858, source: { domain: '§2.3' } } });
    expect(validateCatalogue(tooMany)).toContain('NLLD_ONTWIKKELADVIES-2020-12: cap × price (3700060000) exceeds the ceiling (3700000000)');
    const fits = withTijdvak('NLLD_ONTWIKKELADVIES', 1, { countCap: { value: 52_857, source: { domain: '§2.3' } } });
    expect(validateCatalogue(fits)).toEqual([]);
  });

  it('reject a value without a source', () => {
    const silent = withTijdvak('STAP', 2, { budgetCeilingCents: { value: 1, source: {} } });
    expect(validateCatalogue(silent)).toContain('STAP.tijdvakken[2].budgetCeilingCents: empty source');
  });

  it('reject duplicate tijdvak ids', () => {
    const stap = getRegeling('STAP');
    const duplicated = replace({ ...stap, tijdvakken: [...stap.tijdvakken, ...stap.tijdvakken.slice(-1)] });
    expect(validateCatalogue(duplicated)).toContain('STAP-2023-11: duplicate tijdvak id');
  });

  it('reject an AOW table with a gap or a decreasing age', () => {
    const rows = AOW_AGE_TABLE.value;
    const gap = rows.filter((_, index) => index !== 3);
    expect(validateAowTable(gap)).toContain('AOW row 3: must follow the previous row without gap');
    const decreasing = rows.map((row, index) => (index === 5 ? { ...row, years: 64 } : row));
    expect(validateAowTable(decreasing)).toContain('AOW row 5: the AOW age never decreases');
  });
});
