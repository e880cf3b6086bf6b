// STAP-budget (Stimulering ArbeidsmarktPositie), 2022-2023, executed by UWV.
// Source: DOMAIN.md §2.1; seed 004; the public record as cited per value.
import { tijdvakId } from '../../codes';
import { euros, sourced } from '../sourced';
import type { Regeling, Source, StapParameters, Tijdvak } from '../types';

const RULES: Source = { domain: '§2.1', pub: 'Subsidieregeling STAP-budget, eligibility and training conditions' };

const BASE_2022: StapParameters = {
  age: {
    minimumAgeYears: sourced(18, { ...RULES, seeds: ['004'] }),
    belowAowAge: sourced(true, RULES),
  },
  insurance: sourced(
    { minimumInsuredMonths: 6, referenceStartsMonthsBeforeOpening: 27, referenceEndsMonthsBeforeOpening: 3 },
    { ...RULES, pub: 'insured for national insurances ≥ 6 months from 2 years 3 months to 3 months before the tijdvak opens' },
  ),
  excludedBenefits: sourced(['STUDIEFINANCIERING', 'LERARENBEURS', 'TEGEMOETKOMING_SCHOOLKOSTEN'], RULES),
  maxAmountPerApplicationCents: sourced(euros(1_000), {
    domain: '§2.1',
    seeds: ['004'],
    pub: 'at most €1,000 per application, VAT included; a dearer course: the rest is invoiced to the person or employer',
  }),
  grantsPerCalendarYear: sourced(1, { ...RULES, pub: 'one application per calendar year; a granted one counts, a rejected one does not' }),
  earliestStartWeeksAfterApplication: sourced(4, { ...RULES, pub: 'training starts no earlier than 4 weeks after the application' }),
  latestStartMonthsAfterTijdvakCloses: sourced(3, { ...RULES, pub: 'training starts no later than 3 months after the tijdvak closes' }),
  trainingGrantLimitPerYear: sourced(null, { domain: '§2.1', pub: 'the verleningsgrens only applies from February 2023' }),
  counterReserveBasisPoints: sourced(100, {
    domain: '§2.1',
    pub: 'per aanvraagtijdvak a part of the budget is made available for people who cannot apply digitally (regulation amendment for 2023)',
    assumption: 'the sources give no share; 1% (100 basis points) of each tijdvak ceiling is assumed',
  }),
  counterReserveReleaseHoursBeforeClosing: sourced(24, {
    domain: '§2.1',
    pub: 'part of each tijdvak budget is reserved for people who cannot apply online; unused budget moves to the next tijdvak',
    assumption: 'the sources do not say whether an unused counter reserve returns to the online part; 24 hours before closing is assumed',
  }),
  rolloverOfUnusedBudget: sourced(true, { domain: '§2.1', pub: 'unused budget of a tijdvak moves to the next tijdvak' }),
  openingTime: sourced('10:00', { domain: '§2.1', pub: 'every STAP window opened at 10:00 (UWV news releases 2022-2023)' }),
  advanceInvoiceFromWeeksBeforeStart: sourced(3, { domain: '§2.1', pub: 'the provider may invoice the advance from 3 weeks before the start' }),
  proofOfParticipationWithinMonthsAfterEnd: sourced(3, { domain: '§2.1', pub: 'proof of participation within 3 months after the end' }),
  completion: sourced(
    { minimumAttendancePercent: 80, minimumCreditsPercent: 80 },
    { domain: '§2.1', pub: 'completed = certificate/diploma, ≥ 80% attendance, exam taken, or ≥ 80% of credits' },
  ),
  maxExclusionYears: sourced(2, { domain: '§2.1', pub: 'a person at fault can be excluded for up to 2 years' }),
  recognitionRoutes: sourced(['OCW_RIO', 'NRTO', 'NLQF', 'CPION', 'CEDEO', 'BRANCHE'], {
    domain: '§3',
    pub: 'recognition routes for STAP eligibility: OCW (RIO), NRTO, NLQF, CPION, CEDEO, branch-recognised',
  }),
  trainingAbroadAllowed: sourced(true, { domain: '§2.1', pub: 'courses given abroad were excluded only from September 2023' }),
  withdrawnGrantCountsForTheYear: sourced(true, {
    domain: '§2.1',
    pub: 'at most one application per calendar year: a granted one counts, a rejected one does not',
    assumption: 'the sources are silent on withdrawal; a withdrawn grant was granted, so it keeps counting for its calendar year',
  }),
};

const FROM_FEBRUARY_2023: StapParameters = {
  ...BASE_2022,
  trainingGrantLimitPerYear: sourced(300, {
    domain: '§2.1',
    pub: 'verleningsgrens from February 2023: at most 300 grants per training per year (ANP, March 2023)',
  }),
};

const FROM_SEPTEMBER_2023: StapParameters = {
  ...FROM_FEBRUARY_2023,
  recognitionRoutes: sourced(['OCW_RIO'], {
    domain: '§2.1',
    pub: 'from the tijdvak of 18 Sep 2023 only (parts of) OCW-recognised programmes qualify (UWV, 18 Sep 2023)',
  }),
  trainingAbroadAllowed: sourced(false, { domain: '§2.1', pub: 'from September 2023 courses given abroad were excluded' }),
};

const BIMONTHLY_PERIOD: Source = {
  pub: 'six two-month tijdvakken a year: 1 Jan-28/29 Feb, 1 Mar-30 Apr, 1 May-30 Jun, 1 Jul-31 Aug, 1 Sep-31 Oct, 1 Nov-31 Dec; none in Jan 2022',
};

interface StapTijdvakFacts {
  readonly year: number;
  readonly month: number;
  readonly opensAt: string;
  readonly opensSource: Source;
  readonly closesAt: string;
  readonly closesSource?: Source;
  readonly ceilingEuros: number;
  readonly ceilingSource: Source;
  readonly plannedOpensAt?: { readonly at: string; readonly source: Source };
}

function stapTijdvak(facts: StapTijdvakFacts): Tijdvak {
  return {
    id: tijdvakId('STAP', facts.year, facts.month),
    regeling: 'STAP',
    label: `STAP-budget aanvraagtijdvak ${facts.year}-${String(facts.month).padStart(2, '0')}`,
    opensAt: sourced(facts.opensAt, facts.opensSource),
    ...(facts.plannedOpensAt ? { plannedOpensAt: sourced(facts.plannedOpensAt.at, facts.plannedOpensAt.source) } : {}),
    closesAt: sourced(facts.closesAt, facts.closesSource ?? { domain: '§2.1', ...BIMONTHLY_PERIOD }),
    budgetCeilingCents: sourced(euros(facts.ceilingEuros), facts.ceilingSource),
    applicantTypes: sourced(['PERSOON'], { domain: '§2.1' }),
  };
}

const TIJDVAKKEN: readonly Tijdvak[] = [
  stapTijdvak({
    year: 2022, month: 3, opensAt: '2022-03-01T10:00', closesAt: '2022-05-01T00:00',
    opensSource: { domain: '§2.1', pub: 'first STAP window opened Tuesday 1 March 2022 at 10:00' },
    ceilingEuros: 32_000_000,
    ceilingSource: { pub: 'nu.nl, April 2022, on the May window: "net als vorige keer, 32 miljoen euro beschikbaar"' },
  }),
  stapTijdvak({
    year: 2022, month: 5, opensAt: '2022-05-02T10:00', closesAt: '2022-07-01T00:00',
    opensSource: { pub: 'the portal opened Monday 2 May 2022 at 10:00 (1 May was a Sunday)' },
    ceilingEuros: 32_000_000,
    ceilingSource: { pub: 'nu.nl, April 2022: 32 miljoen euro for the window opening 2 May' },
  }),
  stapTijdvak({
    year: 2022, month: 7, opensAt: '2022-07-01T10:00', closesAt: '2022-09-01T00:00',
    opensSource: { pub: 'UWV 1 Jul 2022: opened Friday 1 July at 10:00' },
    ceilingEuros: 32_600_000,
    ceilingSource: { pub: 'UWV 1 Jul 2022: €32.6 million available' },
  }),
  stapTijdvak({
    year: 2022, month: 9, opensAt: '2022-09-01T10:00', closesAt: '2022-11-01T00:00',
    opensSource: { pub: 'UWV 1 Jul 2022: the next window starts 1 September' },
    ceilingEuros: 34_900_000,
    ceilingSource: {
      domain: '§2.1',
      pub: '2022 total €180 million (ANP 1 Nov 2022); the other four windows had €32M, €32M, €32.6M and €48.5M',
      assumption: 'no published figure for September 2022 was found; €34.9M is the 2022 total minus the other four windows',
    },
  }),
  stapTijdvak({
    year: 2022, month: 11, opensAt: '2022-11-01T10:00', closesAt: '2023-01-01T00:00',
    opensSource: { domain: '§2.1', pub: 'UWV 1 Nov 2022: opened at 10:00, empty by 14:30' },
    ceilingEuros: 48_500_000,
    ceilingSource: { domain: '§2.1', pub: 'UWV 1 Nov 2022: €48.5 million including extra budget from SZW' },
  }),
  stapTijdvak({
    year: 2023, month: 3, opensAt: '2023-03-17T10:00', closesAt: '2023-05-01T00:00',
    opensSource: { domain: '§2.1', pub: 'the failed opening of 28 Feb 2023 was moved to Friday 17 March 2023 at 10:00' },
    plannedOpensAt: {
      at: '2023-02-28T10:00',
      source: {
        domain: '§2.1',
        pub: 'amended regulation: January window skipped, first 2023 window from 28 Feb; after the postponement the start of training is counted from 28 Feb 2023',
      },
    },
    ceilingEuros: 34_000_000,
    ceilingSource: { domain: '§2.1', pub: 'UWV 17 Mar 2023: €34 million, 40,000 applications' },
  }),
  stapTijdvak({
    year: 2023, month: 5, opensAt: '2023-05-01T10:00', closesAt: '2023-07-01T00:00',
    opensSource: { pub: 'ANP 1 May 2023: opened Monday 1 May at 10:00' },
    ceilingEuros: 34_000_000,
    ceilingSource: { pub: 'ANP 1 May 2023: €34 million given out in three hours' },
  }),
  stapTijdvak({
    year: 2023, month: 7, opensAt: '2023-07-03T10:00', closesAt: '2023-09-01T00:00',
    opensSource: {
      pub: 'nu.nl July 2023: the window opens at 10:00 for the last time in its old form',
      assumption: 'the sources found give the month only; Monday 3 July 2023 is assumed (1 July was a Saturday)',
    },
    ceilingEuros: 20_000_000,
    ceilingSource: { domain: '§2.1', pub: 'nu.nl 18 Sep 2023: after May the amount was cut back to €20 million; September had half of it' },
  }),
  stapTijdvak({
    year: 2023, month: 9, opensAt: '2023-09-18T10:00', closesAt: '2023-11-01T00:00',
    opensSource: { pub: 'UWV 18 Sep 2023: opened Monday 18 September at 10:00' },
    closesSource: { ...BIMONTHLY_PERIOD, assumption: 'closing assumed at the end of the regular September-October period' },
    ceilingEuros: 10_000_000,
    ceilingSource: { pub: 'UWV 18 Sep 2023: €10 million' },
  }),
  stapTijdvak({
    year: 2023, month: 11, opensAt: '2023-11-15T10:00', closesAt: '2024-01-01T00:00',
    opensSource: { pub: 'ANP 15 Nov 2023: last STAP window, opened Wednesday 15 November' },
    closesSource: { pub: 'the STAP-budget ended per 2024', assumption: 'closing assumed at the end of 2023' },
    ceilingEuros: 10_000_000,
    ceilingSource: { pub: 'ANP 15 Nov 2023: €10 million given out in one hour' },
  }),
];

export const STAP: Regeling<'STAP'> = {
  code: 'STAP',
  name: 'Subsidieregeling STAP-budget',
  scope: 'FULL',
  legalPeriod: sourced({ from: '2022-01-01', until: '2023-12-31' }, { domain: '§2.1', seeds: ['004'], pub: 'start 1 January 2022; ended per 2024' }),
  executor: sourced('UWV', { domain: '§2.1', seeds: ['004'] }),
  targetGroup: sourced('Beroepsbevolking van 18 jaar tot de AOW-leeftijd, werkend of werkzoekend, verzekerd voor de volksverzekeringen', {
    domain: '§2.1',
    seeds: ['004'],
  }),
  applicants: sourced(['PERSOON'], { domain: '§2.1', seeds: ['004'], pub: 'people apply themselves in the STAP portal' }),
  processingOrder: sourced('FIRST_COME_FIRST_SERVED', {
    domain: '§2.1',
    pub: 'first come, first served in order of complete receipt; no waiting list; "plafond bereikt" for the rest',
  }),
  budgetLines: [
    { label: 'STAP-budget incl. ontwikkeladvies STAP, per year (structural)', cents: sourced(euros(218_000_000), { domain: '§2.1', seeds: ['004', '002'] }) },
    { label: 'subsidieplafond 2022 as planned', year: 2022, cents: sourced(euros(160_000_000), { domain: '§2.1', pub: 'UWV/ANP March 2022: €160 million in five rounds' }) },
    { label: 'subsidieplafond 2022 after the extra November budget', year: 2022, cents: sourced(euros(180_000_000), { domain: '§2.1', pub: 'ANP 1 Nov 2022: €180 million in 2022' }) },
    { label: 'subsidieplafond 2023 as set', year: 2023, cents: sourced(euros(170_000_000), { domain: '§2.1', pub: 'regulation amendment for 2023: €170 million; later cut' }) },
  ],
  versions: [
    {
      version: 'STAP/2022.1',
      effectiveFrom: '2022-01-01',
      effectiveUntil: '2023-01-31',
      change: sourced('Subsidieregeling STAP-budget in force', { domain: '§2.1', seeds: ['004'] }),
      parameters: BASE_2022,
    },
    {
      version: 'STAP/2023.1',
      effectiveFrom: '2023-02-01',
      effectiveUntil: '2023-08-31',
      change: sourced('verleningsgrens: at most 300 grants per training per year', { domain: '§2.1', pub: 'amendment effective February 2023' }),
      parameters: FROM_FEBRUARY_2023,
    },
    {
      version: 'STAP/2023.2',
      effectiveFrom: '2023-09-01',
      effectiveUntil: '2023-12-31',
      change: sourced('only OCW-recognised programmes; courses abroad excluded', { domain: '§2.1', pub: 'amendment effective September 2023' }),
      parameters: FROM_SEPTEMBER_2023,
    },
  ],
  tijdvakken: TIJDVAKKEN,
};
