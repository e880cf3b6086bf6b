import { amsterdamToInstant } from '../calendar/amsterdam-time';
import { protoEnumName, REGELING_CODES } from '../codes';
import { allRegelingen, AOW_AGE_TABLE, getRegeling, getTijdvak, parametersOn, tijdvakkenOf, tijdvakOpenAt } from './catalogue';
import { formatSource } from './sourced';

describe('the regelingen catalogue', () => {
  it('configures every regeling code exactly once, with the proto enum names', () => {
    expect(allRegelingen().map((regeling) => regeling.code)).toEqual([...REGELING_CODES]);
    for (const code of REGELING_CODES) expect(getRegeling(code).code).toBe(code);
    expect(protoEnumName('NLLD_SCHOLING')).toBe('REGELING_CODE_NLLD_SCHOLING');
  });

  it('lists the STAP tijdvakken of 2022 and 2023 in opening order', () => {
    expect(tijdvakkenOf('STAP').map((tijdvak) => tijdvak.id)).toEqual([
      'STAP-2022-03', 'STAP-2022-05', 'STAP-2022-07', 'STAP-2022-09', 'STAP-2022-11',
      'STAP-2023-03', 'STAP-2023-05', 'STAP-2023-07', 'STAP-2023-09', 'STAP-2023-11',
    ]);
  });

  it('opens every STAP tijdvak at the configured opening time, 10:00 Amsterdam', () => {
    for (const tijdvak of tijdvakkenOf('STAP')) {
      const opening = parametersOn('STAP', tijdvak.opensAt.value.slice(0, 10))?.parameters.openingTime.value;
      expect(tijdvak.opensAt.value.slice(11)).toBe(opening);
    }
    expect(amsterdamToInstant(getTijdvak('STAP-2022-05')?.opensAt.value ?? '').toISOString()).toBe('2022-05-02T08:00:00.000Z');
  });

  it('spreads the 2022 STAP budget of €180M over its five tijdvakken', () => {
    const ceilings2022 = tijdvakkenOf('STAP').filter((t) => t.id.startsWith('STAP-2022')).map((t) => t.budgetCeilingCents?.value ?? 0);
    const line = getRegeling('STAP').budgetLines.find((each) => each.year === 2022 && each.label.includes('after'));
    expect(ceilings2022.reduce((a, b) => a + b, 0)).toBe(line?.cents.value);
    expect(line?.cents.value).toBe(18_000_000_000);
  });

  it('records the postponed first tijdvak of 2023', () => {
    const tijdvak = getTijdvak('STAP-2023-03');
    expect(tijdvak?.plannedOpensAt?.value).toBe('2023-02-28T10:00');
    expect(tijdvak?.opensAt.value).toBe('2023-03-17T10:00');
  });

  it('gives the version in force on a date, and none outside the legal period', () => {
    expect(parametersOn('STAP', '2021-12-31')).toBeUndefined();
    expect(parametersOn('STAP', '2022-01-01')?.version).toBe('STAP/2022.1');
    expect(parametersOn('STAP', '2023-01-31')?.parameters.trainingGrantLimitPerYear.value).toBeNull();
    expect(parametersOn('STAP', '2023-02-01')?.parameters.trainingGrantLimitPerYear.value).toBe(300);
    expect(parametersOn('STAP', '2023-08-31')?.parameters.recognitionRoutes.value).toContain('NRTO');
    expect(parametersOn('STAP', '2023-09-01')?.parameters.recognitionRoutes.value).toEqual(['OCW_RIO']);
    expect(parametersOn('STAP', '2024-01-01')).toBeUndefined();
    expect(parametersOn('NLLD_ONTWIKKELADVIES', '2020-11-30')?.parameters.adviserDailyRegistrationLimit.value).toBeNull();
    expect(parametersOn('NLLD_ONTWIKKELADVIES', '2020-12-01')?.parameters.adviserDailyRegistrationLimit.value).toBe(25);
  });

  it('holds the scheme figures of the sources', () => {
    const stap = parametersOn('STAP', '2022-06-01')?.parameters;
    expect(stap?.maxAmountPerApplicationCents.value).toBe(100_000);
    expect(stap?.insurance.value).toEqual({ minimumInsuredMonths: 6, referenceStartsMonthsBeforeOpening: 27, referenceEndsMonthsBeforeOpening: 3 });
    expect(parametersOn('NLLD_ONTWIKKELADVIES', '2020-08-01')?.parameters.pricePerTrajectoryCents.value).toBe(70_000);
    expect(parametersOn('TSOV_45PLUS', '2019-06-01')?.parameters.pricePerTrajectoryCents.value).toBe(60_000);
    expect(getTijdvak('NLLD_ONTWIKKELADVIES-2020-08')?.countCap?.value).toBe(22_000);
    expect(getTijdvak('NLLD_ONTWIKKELADVIES-2020-12')?.countCap?.value).toBe(50_000);
    expect(getTijdvak('NLLD_ONTWIKKELADVIES-2020-12')?.claimDeadline?.value).toBe('2021-09-30T17:00');
    expect(parametersOn('NLLD_SCHOLING', '2020-10-01')?.parameters.categoryContributions.value.C).toEqual({ minCents: 90_000, maxCents: 110_000 });
    expect(getTijdvak('NLLD_SCHOLING-2021-09')?.maxAmountPerApplicationCents?.value).toBe(175_000_000);
    expect(parametersOn('FISCALE_SCHOLINGSAFTREK', '2021-06-01')?.parameters.maximumCents.value).toBe(1_500_000);
    expect(parametersOn('PRAKTIJKLEREN_MBO', '2021-06-01')?.parameters.employerMaxCents.value).toBe(202_500);
  });

  it('finds the tijdvak open at an instant, from the opening moment (inclusive) to closing (exclusive)', () => {
    expect(tijdvakOpenAt('STAP', new Date('2022-11-01T08:59:59.999Z'))).toBeUndefined();
    expect(tijdvakOpenAt('STAP', new Date('2022-11-01T09:00:00.000Z'))?.id).toBe('STAP-2022-11');
    expect(tijdvakOpenAt('STAP', new Date('2022-12-31T22:59:59.999Z'))?.id).toBe('STAP-2022-11');
    expect(tijdvakOpenAt('STAP', new Date('2022-12-31T23:00:00.000Z'))).toBeUndefined();
    expect(getTijdvak('STAP-2024-01')).toBeUndefined();
  });

  it('is deeply frozen, so no service can change a scheme at run time', () => {
    const stap = getRegeling('STAP');
    expect(Object.isFrozen(stap.tijdvakken[0]?.opensAt)).toBe(true);
    expect(Object.isFrozen(AOW_AGE_TABLE.value[0])).toBe(true);
    expect(() => {
      (stap.versions[0]?.parameters.maxAmountPerApplicationCents as { value: number }).value = 1;
    }).toThrow(TypeError);
  });

  it('labels every assumption and cites every value', () => {
    const ceiling = getTijdvak('STAP-2022-09')?.budgetCeilingCents;
    expect(ceiling?.source.assumption).toMatch(/2022 total/);
    expect(formatSource(ceiling?.source ?? {})).toMatch(/^DOMAIN\.md §2\.1; \[pub\] .*; ASSUMPTION: /);
  });
});
