// Neighbouring schemes: modelled as codes and reference data, no full flows (DOMAIN.md §2.6).
import { tijdvakId } from '../../codes';
import { euros, sourced } from '../sourced';
import type { Regeling, Source } from '../types';

export const FISCALE_SCHOLINGSAFTREK: Regeling<'FISCALE_SCHOLINGSAFTREK'> = {
  code: 'FISCALE_SCHOLINGSAFTREK',
  name: 'Aftrek van scholingsuitgaven (inkomstenbelasting)',
  scope: 'REFERENCE',
  legalPeriod: sourced({ from: '2001-01-01', until: '2021-12-31' }, {
    domain: '§2.6',
    seeds: ['002', '004'],
    pub: 'deduction under the Wet inkomstenbelasting 2001; replaced by STAP from 2022',
  }),
  executor: sourced('BELASTINGDIENST', { domain: '§2.6', seeds: ['002'], pub: 'a tax deduction' }),
  targetGroup: sourced('Belastingplichtigen (en fiscale partners) met scholingsuitgaven voor hun beroep', { domain: '§2.6', seeds: ['002'] }),
  applicants: sourced(['BELASTINGPLICHTIGE'], { domain: '§2.6', seeds: ['002'] }),
  budgetLines: [
    { label: 'budgetary cost of the deduction, per year', cents: sourced(euros(218_000_000), { domain: '§2.6', seeds: ['002', '004'] }) },
  ],
  versions: [
    {
      version: 'FISCALE_SCHOLINGSAFTREK/2001.1',
      effectiveFrom: '2001-01-01',
      effectiveUntil: '2021-12-31',
      change: sourced('last form before abolition', { domain: '§2.6', seeds: ['002', '004'] }),
      parameters: {
        thresholdCents: sourced(euros(250), { domain: '§2.6', pub: 'threshold €250' }),
        maximumCents: sourced(euros(15_000), { domain: '§2.6', pub: 'maximum €15,000' }),
      },
    },
  ],
  tijdvakken: [],
};

const SLIM_WINDOWS: Source = { domain: '§2.6', seeds: ['004'] };

export const SLIM: Regeling<'SLIM'> = {
  code: 'SLIM',
  name: 'Subsidieregeling stimulering leren en ontwikkelen in mkb-ondernemingen (SLIM)',
  scope: 'REFERENCE',
  legalPeriod: sourced({ from: '2020-01-01', until: '2025-01-01' }, { domain: '§2.6', seeds: ['004'], pub: '"looptijd 1 januari 2020 t/m 1 januari 2025"' }),
  executor: sourced('UITVOERING_VAN_BELEID_SZW', { domain: '§2.6', pub: 'SLIM applications are handled by Uitvoering van Beleid SZW' }),
  targetGroup: sourced('Mkb-ondernemingen, samenwerkingsverbanden en grootbedrijven in landbouw, horeca en recreatie', { domain: '§2.6', seeds: ['004'] }),
  applicants: sourced(['MKB_ONDERNEMING', 'SAMENWERKINGSVERBAND', 'GROOTBEDRIJF_LANDBOUW_HORECA_RECREATIE'], SLIM_WINDOWS),
  budgetLines: [{ label: 'SLIM per year (structural)', cents: sourced(euros(48_000_000), { domain: '§2.6', seeds: ['000', '004'] }) }],
  versions: [
    {
      version: 'SLIM/2020.1',
      effectiveFrom: '2020-01-01',
      effectiveUntil: '2025-01-01',
      change: sourced('regulation in force 1 January 2020', SLIM_WINDOWS),
      parameters: {
        applicantGroups: sourced(['MKB_ONDERNEMING', 'SAMENWERKINGSVERBAND', 'GROOTBEDRIJF_LANDBOUW_HORECA_RECREATIE'], SLIM_WINDOWS),
      },
    },
  ],
  // Only the 2020 windows are in the sources; each has the annual budget behind it, no own ceiling.
  tijdvakken: [
    {
      id: tijdvakId('SLIM', 2020, 3),
      regeling: 'SLIM',
      label: 'SLIM individuele mkb-ondernemingen, maart 2020',
      opensAt: sourced('2020-03-02T00:00', { ...SLIM_WINDOWS, assumption: 'no time given; 00:00 assumed' }),
      closesAt: sourced('2020-04-01T00:00', { ...SLIM_WINDOWS, pub: '2 t/m 31 maart' }),
      applicantTypes: sourced(['MKB_ONDERNEMING'], SLIM_WINDOWS),
    },
    {
      id: tijdvakId('SLIM', 2020, 4),
      regeling: 'SLIM',
      label: 'SLIM samenwerkingsverbanden en grootbedrijven landbouw, horeca, recreatie, 2020',
      opensAt: sourced('2020-04-01T00:00', { ...SLIM_WINDOWS, assumption: 'no time given; 00:00 assumed' }),
      closesAt: sourced('2020-07-01T00:00', { ...SLIM_WINDOWS, pub: '1 april t/m 30 juni' }),
      applicantTypes: sourced(['SAMENWERKINGSVERBAND', 'GROOTBEDRIJF_LANDBOUW_HORECA_RECREATIE'], SLIM_WINDOWS),
    },
    {
      id: tijdvakId('SLIM', 2020, 9),
      regeling: 'SLIM',
      label: 'SLIM individuele mkb-ondernemingen, september 2020',
      opensAt: sourced('2020-09-01T00:00', { ...SLIM_WINDOWS, assumption: 'no time given; 00:00 assumed' }),
      closesAt: sourced('2020-10-01T00:00', { ...SLIM_WINDOWS, pub: '1 t/m 30 september' }),
      applicantTypes: sourced(['MKB_ONDERNEMING'], SLIM_WINDOWS),
    },
  ],
};

const IN_2021: Source = { domain: '§2.6', seeds: ['003'], assumption: 'seed 003 announces the scheme "in 2021"; calendar year 2021 assumed' };

export const MAATWERK_SECTOREN: Regeling<'MAATWERK_SECTOREN'> = {
  code: 'MAATWERK_SECTOREN',
  name: 'Maatwerkregeling voor sectoren (maatwerktrajecten)',
  scope: 'REFERENCE',
  legalPeriod: sourced({ from: '2021-01-01', until: '2021-12-31' }, IN_2021),
  executor: sourced('UITVOERING_VAN_BELEID_SZW', { domain: '§2.6', assumption: 'not in the sources; it builds on the NL Leert Door scholing regulation (seed 003), whose executor is assumed' }),
  targetGroup: sourced('Werkenden die hun baan dreigen te verliezen door de coronacrisis, via samenwerkingsverbanden van sectoren', { domain: '§2.6', seeds: ['003'] }),
  applicants: sourced(['SAMENWERKINGSVERBAND'], { domain: '§2.6', seeds: ['003'] }),
  budgetLines: [{ label: 'maatwerktrajecten 2021', year: 2021, cents: sourced(euros(72_000_000), { domain: '§2.6', seeds: ['001', '003'] }) }],
  versions: [
    {
      version: 'MAATWERK_SECTOREN/2021.1',
      effectiveFrom: '2021-01-01',
      effectiveUntil: '2021-12-31',
      change: sourced('announced scheme', IN_2021),
      parameters: {
        coFinancingRequired: sourced(true, { domain: '§2.6', seeds: ['001', '003'], pub: '"met cofinanciering"' }),
        expectedParticipants: sourced(70_000, { domain: '§2.6', seeds: ['001'], pub: '"naar verwachting kunnen ca 70.000 mensen hiervan gebruik maken"' }),
      },
    },
  ],
  tijdvakken: [],
};

export const INTERSECTORALE_OMSCHOLING: Regeling<'INTERSECTORALE_OMSCHOLING'> = {
  code: 'INTERSECTORALE_OMSCHOLING',
  name: 'Stimulering intersectorale omscholing',
  scope: 'REFERENCE',
  legalPeriod: sourced({ from: '2021-01-01', until: '2021-12-31' }, IN_2021),
  executor: sourced('RVO', { domain: '§2.6', seeds: ['003'], assumption: 'EZK has the lead (seed 003); its executor RVO is assumed' }),
  targetGroup: sourced('Werkgevers in structurele tekortsectoren (techniek, ICT) die mensen uit andere sectoren aannemen en omscholen', { domain: '§2.6', seeds: ['003'] }),
  applicants: sourced(['WERKGEVER'], { domain: '§2.6', seeds: ['003'] }),
  budgetLines: [{ label: 'intersectorale omscholing 2021', year: 2021, cents: sourced(euros(37_500_000), { domain: '§2.6', seeds: ['003'] }) }],
  versions: [
    {
      version: 'INTERSECTORALE_OMSCHOLING/2021.1',
      effectiveFrom: '2021-01-01',
      effectiveUntil: '2021-12-31',
      change: sourced('announced scheme', IN_2021),
      parameters: {
        subsidySharePercent: sourced(50, { domain: '§2.6', seeds: ['003'], pub: 'subsidy for 50% of the retraining cost; the employer funds the rest' }),
        targetPlaces: sourced(10_000, { domain: '§2.6', seeds: ['003'], pub: 'about 10,000 places' }),
      },
    },
  ],
  tijdvakken: [],
};

export const PRAKTIJKLEREN_MBO: Regeling<'PRAKTIJKLEREN_MBO'> = {
  code: 'PRAKTIJKLEREN_MBO',
  name: 'Praktijkleren in het mbo (crisismiddelen)',
  scope: 'REFERENCE',
  legalPeriod: sourced({ from: '2021-01-01', until: '2021-12-31' }, { domain: '§2.6', seeds: ['003', '004'], pub: '€63 million in 2021', assumption: 'calendar year 2021 assumed' }),
  executor: sourced('UWV', { domain: '§2.6', seeds: ['003'], pub: 'UWV acts as cashier for these funds' }),
  targetGroup: sourced('Werkzoekenden en werkenden die kortdurend bij- of omscholen via praktijkleren in het mbo', { domain: '§2.6', seeds: ['003', '004'] }),
  applicants: sourced(['WERKGEVER'], { domain: '§2.6', seeds: ['003'], pub: 'employers that are recognised learning companies receive the practice fee' }),
  budgetLines: [
    { label: 'praktijkleren mbo 2021, total', year: 2021, cents: sourced(euros(63_000_000), { domain: '§2.6', seeds: ['003', '004'] }) },
    { label: 'purchase of mbo programmes in the labour-market regions', year: 2021, cents: sourced(euros(31_500_000), { domain: '§2.6', seeds: ['003'] }) },
    { label: 'fees to employers (recognised learning companies)', year: 2021, cents: sourced(euros(27_000_000), { domain: '§2.6', seeds: ['003'] }) },
    { label: 'execution costs', year: 2021, cents: sourced(euros(4_500_000), { domain: '§2.6', seeds: ['003'] }) },
  ],
  versions: [
    {
      version: 'PRAKTIJKLEREN_MBO/2021.1',
      effectiveFrom: '2021-01-01',
      effectiveUntil: '2021-12-31',
      change: sourced('crisis funds 2021', { domain: '§2.6', seeds: ['003'] }),
      parameters: {
        maxTrainingMonths: sourced(9, { domain: '§2.6', seeds: ['003'], pub: 'mbo programmes of at most 9 months' }),
        employerMaxWeeks: sourced(30, { domain: '§2.6', seeds: ['003'], pub: 'pro rata per week of practice, at most 30 weeks' }),
        employerMaxCents: sourced(euros(2_025), { domain: '§2.6', seeds: ['003'], pub: 'at most €2,025 per employer' }),
      },
    },
  ],
  tijdvakken: [],
};
