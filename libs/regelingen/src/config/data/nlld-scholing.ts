// NL Leert Door met inzet van (online) scholing, 2020-2021. Providers, provider collectives and
// partnerships apply for a fixed contribution per activity; participants never apply themselves.
// Source: DOMAIN.md §2.5; seeds 000, 001, 003, 004.
import { tijdvakId } from '../../codes';
import { euros, sourced } from '../sourced';
import type { NlldScholingParameters, Regeling, Source } from '../types';

const CATEGORIES: Source = {
  domain: '§2.5',
  seeds: ['000'],
  pub: 'fixed contribution per activity by category: A €200-300, B €400-600, C €900-1,100 (the letter gives ranges for the fixed amount)',
};

const PARAMETERS: NlldScholingParameters = {
  participantAge: {
    minimumAgeYears: sourced(18, { domain: '§2.5', seeds: ['000'], assumption: 'same target group as the ontwikkeladvies ("conform de STAP-regeling"): 18 assumed as lower bound' }),
    belowAowAge: sourced(true, { domain: '§2.5', seeds: ['000'], pub: '"iedereen tot de pensioengerechtigde leeftijd"' }),
  },
  categoryContributions: sourced(
    {
      A: { minCents: euros(200), maxCents: euros(300) },
      B: { minCents: euros(400), maxCents: euros(600) },
      C: { minCents: euros(900), maxCents: euros(1_100) },
    },
    CATEGORIES,
  ),
  offerRequirements: sourced(
    ['provider quality as for STAP', 'offer at diverse levels', 'short modules leading to certificates', 'guidance of participants', 'labour-market relevance'],
    { domain: '§2.5', seeds: ['000', '001'] },
  ),
};

const PROVIDERS_AND_COLLECTIVES: Source = { domain: '§2.5', seeds: ['003', '004'], pub: 'opleiders en opleiderscollectieven' };

export const NLLD_SCHOLING: Regeling<'NLLD_SCHOLING'> = {
  code: 'NLLD_SCHOLING',
  name: 'Tijdelijke subsidieregeling NL leert door met inzet van scholing',
  scope: 'FULL',
  legalPeriod: sourced({ from: '2020-09-05', until: '2022-12-31' }, {
    domain: '§2.5',
    seeds: ['001', '004'],
    pub: 'in force 5 September 2020; handling runs into 2022',
    assumption: 'end of 2022 assumed as the end of the legal period (seed 004: "afhandeling loopt door in 2022")',
  }),
  executor: sourced('UITVOERING_VAN_BELEID_SZW', { domain: '§1' }),
  targetGroup: sourced('Iedereen tot de AOW-leeftijd met een band met de Nederlandse arbeidsmarkt, via een gesubsidieerde opleider', { domain: '§2.5', seeds: ['000'] }),
  applicants: sourced(['OPLEIDER', 'OPLEIDERSCOLLECTIEF', 'SAMENWERKINGSVERBAND'], { domain: '§2.5', seeds: ['000'] }),
  processingOrder: sourced('FIRST_COME_FIRST_SERVED', {
    domain: '§2.5',
    assumption: 'the sources do not state the order; processing in order of complete receipt up to the ceiling, as in the other schemes, is assumed',
  }),
  budgetLines: [
    { label: 'scholing 2020 (2e steunpakket)', year: 2020, cents: sourced(euros(34_000_000), { domain: '§2.5', seeds: ['001', '003', '004'] }) },
    { label: 'scholing 2021 (3e pakket)', year: 2021, cents: sourced(euros(30_000_000), { domain: '§2.5', seeds: ['001', '003', '004'] }) },
  ],
  versions: [
    {
      version: 'NLLD_SCHOLING/2020.1',
      effectiveFrom: '2020-09-05',
      effectiveUntil: '2022-12-31',
      change: sourced('regulation in force; the 2021 tijdvak only minimally adapted (seed 003)', { domain: '§2.5', seeds: ['001', '003', '004'] }),
      parameters: PARAMETERS,
    },
  ],
  tijdvakken: [
    {
      id: tijdvakId('NLLD_SCHOLING', 2020, 10),
      regeling: 'NLLD_SCHOLING',
      label: 'NL Leert Door scholing, opleiders en opleiderscollectieven 2020',
      opensAt: sourced('2020-10-01T00:00', { ...PROVIDERS_AND_COLLECTIVES, assumption: 'no time given; 00:00 assumed' }),
      closesAt: sourced('2020-10-16T00:00', { domain: '§2.5', seeds: ['003', '004'], pub: '1 t/m 15 oktober 2020' }),
      budgetCeilingCents: sourced(euros(17_000_000), { domain: '§2.5', seeds: ['003'] }),
      applicantTypes: sourced(['OPLEIDER', 'OPLEIDERSCOLLECTIEF'], PROVIDERS_AND_COLLECTIVES),
    },
    {
      id: tijdvakId('NLLD_SCHOLING', 2020, 11),
      regeling: 'NLLD_SCHOLING',
      label: 'NL Leert Door scholing, samenwerkingsverbanden met cofinanciering 2020',
      opensAt: sourced('2020-11-02T00:00', { domain: '§2.5', seeds: ['003', '004'], assumption: 'no time given; 00:00 assumed' }),
      closesAt: sourced('2020-11-17T00:00', {
        domain: '§2.5',
        seeds: ['003', '004'],
        assumption: 'seed 004 says t/m 16 November, seed 003 t/m 15 November; the later date is used so nothing the executor accepted is refused here',
      }),
      budgetCeilingCents: sourced(euros(17_000_000), { domain: '§2.5', seeds: ['003'] }),
      applicantTypes: sourced(['SAMENWERKINGSVERBAND'], { domain: '§2.5', seeds: ['003', '004'], pub: 'samenwerkingsverbanden met cofinanciering' }),
    },
    {
      id: tijdvakId('NLLD_SCHOLING', 2021, 9),
      regeling: 'NLLD_SCHOLING',
      label: 'NL Leert Door scholing, opleiders en opleiderscollectieven 2021',
      opensAt: sourced('2021-09-01T00:00', { domain: '§2.5', pub: '1-8 September 2021', assumption: 'no time given; 00:00 assumed' }),
      closesAt: sourced('2021-09-09T00:00', { domain: '§2.5', pub: '1-8 September 2021' }),
      budgetCeilingCents: sourced(euros(30_000_000), { domain: '§2.5', seeds: ['003', '004'] }),
      applicantTypes: sourced(['OPLEIDER', 'OPLEIDERSCOLLECTIEF'], { domain: '§2.5', seeds: ['003', '004'], pub: 'only providers and collectives in 2021' }),
      maxAmountPerApplicationCents: sourced(euros(1_750_000), { domain: '§2.5', pub: 'max €1.75 million per application' }),
    },
  ],
};
