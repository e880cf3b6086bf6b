// Development-advice schemes: NL Leert Door ontwikkeladvies (2020-2021), its predecessor TSOV 45+
// (until January 2020) and Ontwikkeladvies STAP (2022). An adviser registers a trajectory before it
// starts and claims a fixed price after completion; the person files nothing.
// Source: DOMAIN.md §2.2-§2.4; seeds 000, 001, 003, 004.
import { tijdvakId } from '../../codes';
import { euros, sourced } from '../sourced';
import type { AgeLimits, OntwikkeladviesParameters, Regeling, Source } from '../types';

const ADVISER_FLOW: Source = { domain: '§2.3', seeds: ['000'], pub: 'only the adviser registers and claims; the person pays nothing and files nothing' };

const ADULT_BELOW_AOW: AgeLimits = {
  minimumAgeYears: sourced(18, { domain: '§2.3', seeds: ['000'], pub: 'everyone from 18 below AOW age with a tie to the Dutch labour market' }),
  belowAowAge: sourced(true, { domain: '§2.3', seeds: ['000'], pub: '"iedereen tot de pensioengerechtigde leeftijd"' }),
};

const NLLD_2020: OntwikkeladviesParameters = {
  age: ADULT_BELOW_AOW,
  pricePerTrajectoryCents: sourced(euros(700), { domain: '§2.3', seeds: ['000'], pub: '€700 per trajectory: TSOV €600 + €100 for the labour-market scan' }),
  trajectoriesPerPersonPerTranche: sourced(1, { domain: '§2.3', seeds: ['001', '003'], pub: 'one trajectory per person per tranche; registration establishes a real and unique participant' }),
  adviserDailyRegistrationLimit: sourced(null, { domain: '§2.3', pub: 'the per-adviser cap came with a later amendment' }),
  registrationBeforeStart: sourced(true, { domain: '§2.3', seeds: ['001', '003'], pub: 'every trajectory is registered before it starts' }),
  claimOnlyAfterCompletion: sourced(true, { domain: '§2.3', pub: 'claims only after completion' }),
  bundledSubmissionAllowed: sourced(true, { ...ADVISER_FLOW, pub: 'advisers may bundle several applications into one submission' }),
  maxEducationLevel: sourced(null, { domain: '§2.3', seeds: ['000'] }),
};

const NLLD_FROM_DECEMBER_2020: OntwikkeladviesParameters = {
  ...NLLD_2020,
  adviserDailyRegistrationLimit: sourced(25, {
    domain: '§2.3',
    pub: 'amendment: at most 25 registrations per adviser per day',
    assumption: 'the sources do not date the amendment; it is taken to apply from the reopening on 1 December 2020',
  }),
};

export const NLLD_ONTWIKKELADVIES: Regeling<'NLLD_ONTWIKKELADVIES'> = {
  code: 'NLLD_ONTWIKKELADVIES',
  name: 'Tijdelijke subsidieregeling NL leert door met inzet van ontwikkeladvies',
  scope: 'FULL',
  legalPeriod: sourced({ from: '2020-08-01', until: '2021-12-31' }, { domain: '§2.3', seeds: ['004'], pub: '2e pakket from 1-8-2020; 3e pakket until 1-1-2022' }),
  executor: sourced('UITVOERING_VAN_BELEID_SZW', { domain: '§1' }),
  targetGroup: sourced('Iedereen van 18 jaar tot de AOW-leeftijd met een band met de Nederlandse arbeidsmarkt: werkend, zelfstandig of zonder werk', {
    domain: '§2.3',
    seeds: ['000'],
  }),
  applicants: sourced(['LOOPBAANADVISEUR'], ADVISER_FLOW),
  processingOrder: sourced('ORDER_OF_RECEIPT_UNTIL_CAP', { domain: '§2.3', seeds: ['001', '003'], pub: 'registrations until the cap; the portal closed when it was reached' }),
  budgetLines: [
    { label: 'ontwikkeladvies 2020 (on opening basis)', year: 2020, cents: sourced(euros(14_000_000), { domain: '§2.3', seeds: ['001', '003', '004'], pub: '"ruim € 14 miljoen" for 22,000 advices; 22,000 × €700 = €15.4M, which is why the platform reconciles counts' }) },
    { label: 'ontwikkeladvies 2021 (€30M social package + €7M motion Smeulders/Tielen)', year: 2021, cents: sourced(euros(37_000_000), { domain: '§2.3', seeds: ['001', '003', '004'] }) },
  ],
  versions: [
    {
      version: 'NLLD_ONTWIKKELADVIES/2020.1',
      effectiveFrom: '2020-08-01',
      effectiveUntil: '2020-11-30',
      change: sourced('regulation in force; advices available from 1 August 2020', { domain: '§2.3', seeds: ['000', '004'] }),
      parameters: NLLD_2020,
    },
    {
      version: 'NLLD_ONTWIKKELADVIES/2020.2',
      effectiveFrom: '2020-12-01',
      effectiveUntil: '2021-12-31',
      change: sourced('reopening with 50,000 registrations; at most 25 registrations per adviser per day', { domain: '§2.3', seeds: ['003', '004'], pub: 'amendment' }),
      parameters: NLLD_FROM_DECEMBER_2020,
    },
  ],
  tijdvakken: [
    {
      id: tijdvakId('NLLD_ONTWIKKELADVIES', 2020, 8),
      regeling: 'NLLD_ONTWIKKELADVIES',
      label: 'NL Leert Door ontwikkeladvies, eerste tranche',
      opensAt: sourced('2020-08-01T00:00', { domain: '§2.3', seeds: ['001', '004'], assumption: 'the sources give 1 August 2020 without a time; 00:00 assumed' }),
      closesAt: sourced('2020-09-01T00:00', { domain: '§2.3', seeds: ['001', '003'], pub: 'the portal closed on 1 September 2020 once the cap was reached' }),
      countCap: sourced(22_000, { domain: '§2.3', seeds: ['001', '003', '004'], pub: '22,000 registrations reached within the month' }),
      applicantTypes: sourced(['LOOPBAANADVISEUR'], ADVISER_FLOW),
      claimDeadline: sourced('2021-03-01T00:00', {
        domain: '§2.3',
        seeds: ['004'],
        assumption: '"afgerond en subsidie aangevraagd tot 1 maart" read as: claims received before 1 March 2021 00:00',
      }),
    },
    {
      id: tijdvakId('NLLD_ONTWIKKELADVIES', 2020, 12),
      regeling: 'NLLD_ONTWIKKELADVIES',
      label: 'NL Leert Door ontwikkeladvies, tweede tranche',
      opensAt: sourced('2020-12-01T00:00', { domain: '§2.3', seeds: ['001', '003', '004'], assumption: 'the sources give 1 December 2020 without a time; 00:00 assumed' }),
      closesAt: sourced('2021-09-30T17:00', {
        domain: '§2.3',
        seeds: ['004'],
        pub: 'claim deadline 30 Sep 2021 17:00',
        assumption: 'seed 004 gives the period 1-12-2020 to 1-1-2022; a trajectory registered after the claim deadline could never be paid, so registration is assumed to end at that deadline (in practice the cap ended it earlier)',
      }),
      countCap: sourced(50_000, { domain: '§2.3', seeds: ['003', '004'], pub: '40,000 + 10,000 (motion) registrations' }),
      budgetCeilingCents: sourced(euros(37_000_000), { domain: '§2.3', seeds: ['003', '004'], pub: '€30M + €7M (motion)' }),
      applicantTypes: sourced(['LOOPBAANADVISEUR'], ADVISER_FLOW),
      claimDeadline: sourced('2021-09-30T17:00', { domain: '§2.3', pub: 'claim deadline 30 September 2021 17:00 for the second tranche' }),
    },
  ],
};

const TSOV: OntwikkeladviesParameters = {
  age: {
    minimumAgeYears: sourced(45, { domain: '§2.4', seeds: ['000'], pub: 'Tijdelijke subsidieregeling ontwikkeladvies voor vijfenveertigplussers' }),
    belowAowAge: sourced(true, { domain: '§2.4', assumption: 'as its successor NL Leert Door, the advice is for people below AOW age' }),
  },
  pricePerTrajectoryCents: sourced(euros(600), { domain: '§2.4', seeds: ['000'] }),
  trajectoriesPerPersonPerTranche: sourced(1, { domain: '§2.4', assumption: 'the successor copied the TSOV design (seed 000 note 10); one advice per person assumed' }),
  adviserDailyRegistrationLimit: sourced(null, { domain: '§2.4' }),
  registrationBeforeStart: sourced(true, { domain: '§2.4', seeds: ['000'], assumption: 'NL Leert Door follows the TSOV design as closely as possible (seed 000 note 10)' }),
  claimOnlyAfterCompletion: sourced(true, { domain: '§2.4', pub: 'claims handled in order of receipt' }),
  bundledSubmissionAllowed: sourced(false, { domain: '§2.4', assumption: 'bundling is named as a NL Leert Door relief (seed 000), so it is assumed absent before' }),
  maxEducationLevel: sourced(null, { domain: '§2.4' }),
};

export const TSOV_45PLUS: Regeling<'TSOV_45PLUS'> = {
  code: 'TSOV_45PLUS',
  name: 'Tijdelijke subsidieregeling ontwikkeladvies voor vijfenveertigplussers',
  scope: 'REFERENCE',
  legalPeriod: sourced({ from: '2018-01-01', until: '2020-01-31' }, {
    domain: '§2.4',
    seeds: ['000'],
    pub: 'ended in January 2020',
    assumption: 'the sources give only the end (January 2020); start 1 Jan 2018 and end 31 Jan 2020 assumed',
  }),
  executor: sourced('UITVOERING_VAN_BELEID_SZW', { domain: '§2.4', assumption: 'not in the sources; the SZW executor of its successor assumed' }),
  targetGroup: sourced('Werkenden van 45 jaar en ouder', { domain: '§2.4', seeds: ['000'] }),
  applicants: sourced(['LOOPBAANADVISEUR'], { domain: '§2.4', assumption: 'as its successor' }),
  processingOrder: sourced('ORDER_OF_RECEIPT_UNTIL_CAP', { domain: '§2.4', pub: 'claims in order of receipt up to 25,000 approved claims' }),
  budgetLines: [],
  versions: [
    {
      version: 'TSOV_45PLUS/2018.1',
      effectiveFrom: '2018-01-01',
      effectiveUntil: '2020-01-31',
      change: sourced('historic scheme, modelled so old decisions stay readable', { domain: '§2.4' }),
      parameters: TSOV,
    },
  ],
  tijdvakken: [
    {
      id: tijdvakId('TSOV_45PLUS', 2018, 1),
      regeling: 'TSOV_45PLUS',
      label: 'TSOV 45+, looptijd',
      opensAt: sourced('2018-01-01T00:00', { domain: '§2.4', assumption: 'one window over the assumed legal period' }),
      closesAt: sourced('2020-02-01T00:00', { domain: '§2.4', seeds: ['000'], assumption: 'ended in January 2020; end of that month assumed' }),
      countCap: sourced(25_000, { domain: '§2.4', pub: 'cap of 25,000 approved claims' }),
      applicantTypes: sourced(['LOOPBAANADVISEUR'], { domain: '§2.4' }),
    },
  ],
};

const STAP_OA: OntwikkeladviesParameters = {
  age: {
    minimumAgeYears: sourced(18, { domain: '§2.2', seeds: ['004'] }),
    belowAowAge: sourced(true, { domain: '§2.2', assumption: 'beroepsbevolking 18+ (seed 004); the STAP upper limit (AOW age) assumed' }),
  },
  pricePerTrajectoryCents: sourced(euros(700), {
    domain: '§2.2',
    assumption: 'the sources give no price; the €700 of NL Leert Door, whose experience it builds on (seed 003), is assumed',
  }),
  trajectoriesPerPersonPerTranche: sourced(1, { domain: '§2.2', assumption: 'as NL Leert Door ontwikkeladvies' }),
  adviserDailyRegistrationLimit: sourced(null, { domain: '§2.2', assumption: 'no per-adviser cap is reported for 2022' }),
  registrationBeforeStart: sourced(true, { domain: '§2.2', assumption: 'as NL Leert Door ontwikkeladvies' }),
  claimOnlyAfterCompletion: sourced(true, { domain: '§2.2', assumption: 'as NL Leert Door ontwikkeladvies' }),
  bundledSubmissionAllowed: sourced(true, { domain: '§2.2', assumption: 'as NL Leert Door ontwikkeladvies' }),
  maxEducationLevel: sourced('MBO_2', { domain: '§2.2', seeds: ['004'], pub: 'practically educated people (at most MBO-2)' }),
};

export const STAP_ONTWIKKELADVIES: Regeling<'STAP_ONTWIKKELADVIES'> = {
  code: 'STAP_ONTWIKKELADVIES',
  name: 'Ontwikkeladvies STAP',
  scope: 'FULL',
  legalPeriod: sourced({ from: '2022-04-01', until: '2022-12-15' }, { domain: '§2.2', pub: 'ran 1 April - 15 December 2022' }),
  executor: sourced('UITVOERING_VAN_BELEID_SZW', { domain: '§2.2', assumption: 'not in the sources; the executor of NL Leert Door ontwikkeladvies assumed' }),
  targetGroup: sourced('Praktisch geschoolde beroepsbevolking van 18 jaar en ouder (ten hoogste mbo-2)', { domain: '§2.2', seeds: ['004'] }),
  applicants: sourced(['LOOPBAANADVISEUR'], { domain: '§2.2', assumption: 'as NL Leert Door; seed 004 says people request it, through an adviser' }),
  processingOrder: sourced('ORDER_OF_RECEIPT_UNTIL_CAP', { domain: '§2.2', assumption: 'as NL Leert Door ontwikkeladvies' }),
  budgetLines: [
    { label: 'ontwikkeladvies STAP per year, out of the €218M STAP budget', year: 2022, cents: sourced(euros(9_000_000), { domain: '§2.2', seeds: ['004'] }) },
  ],
  versions: [
    {
      version: 'STAP_ONTWIKKELADVIES/2022.1',
      effectiveFrom: '2022-04-01',
      effectiveUntil: '2022-12-15',
      change: sourced('regulation in force', { domain: '§2.2', pub: '1 April - 15 December 2022' }),
      parameters: STAP_OA,
    },
  ],
  tijdvakken: [
    {
      id: tijdvakId('STAP_ONTWIKKELADVIES', 2022, 4),
      regeling: 'STAP_ONTWIKKELADVIES',
      label: 'Ontwikkeladvies STAP 2022',
      opensAt: sourced('2022-04-01T00:00', { domain: '§2.2', pub: 'from 1 April 2022', assumption: 'no time given; 00:00 assumed' }),
      closesAt: sourced('2022-12-16T00:00', { domain: '§2.2', pub: 'until 15 December 2022 inclusive' }),
      budgetCeilingCents: sourced(euros(9_000_000), { domain: '§2.2', seeds: ['004'], pub: 'about €9 million a year' }),
      applicantTypes: sourced(['LOOPBAANADVISEUR'], { domain: '§2.2' }),
    },
  ],
};
