// A deterministic, realistic population for demos and benchmarks: 1,500 training providers with recognitions and
// bank accounts, and 300 adviser organisations with their career advisers. Same seed, same population, byte for byte.
// Proportions follow DOMAIN.md: about 771-1,326 providers in the register in 2022 (§3, so 1,500 covers the peak),
// recognition routes of §3, and a few suspended or investigated providers to show those rules.
import { addDays, ibanMod97, type IsoDate } from '@stap/regelingen';
import type { RecognitionRouteName } from '../domain/recognition';

export interface DemoRecognition {
  route: RecognitionRouteName;
  issuingBody: string;
  externalReference: string;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
  revokedFrom: IsoDate | null;
}

export interface DemoOrganisation {
  kvkNumber: string;
  legalName: string;
  communicationName: string;
  email: string;
  phone: string;
  website: string;
  street: string;
  houseNumber: number;
  postalCode: string;
  city: string;
  iban: string;
  holderName: string;
}

export interface DemoProvider extends DemoOrganisation {
  status: 'ACTIVE' | 'UNDER_INVESTIGATION' | 'SUSPENDED';
  recognitions: DemoRecognition[];
}

export interface DemoAdviser {
  name: string;
  register: 'NOLOC' | 'CMI';
  registrationNumber: string;
  yearsOfExperience: number;
  activeFrom: IsoDate;
}

export interface DemoAdviserOrganisation extends DemoOrganisation {
  advisers: DemoAdviser[];
}

export interface DemoPopulation {
  providers: DemoProvider[];
  adviserOrganisations: DemoAdviserOrganisation[];
}

/** mulberry32: a small, fast, well-distributed PRNG; enough for demo data, never for security. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: [string, string][] = [
  ['Amsterdam', '10'], ['Rotterdam', '30'], ['Den Haag', '25'], ['Utrecht', '35'], ['Eindhoven', '56'], ['Groningen', '97'],
  ['Tilburg', '50'], ['Almere', '13'], ['Breda', '48'], ['Nijmegen', '65'], ['Arnhem', '68'], ['Zwolle', '80'], ['Leeuwarden', '89'],
  ['Maastricht', '62'], ['Enschede', '75'], ['Haarlem', '20'], ['Amersfoort', '38'], ['Apeldoorn', '73'], ['Den Bosch', '52'], ['Leiden', '23'],
];
const STREETS = ['Stationsplein', 'Kerkstraat', 'Marktplein', 'Industrieweg', 'Kennispark', 'Dorpsstraat', 'Havenkade', 'Spoorlaan', 'Beursplein', 'Parklaan'];
const TOPICS = ['Zorg', 'Techniek', 'ICT', 'Logistiek', 'Bouw', 'Taal', 'Management', 'Financieel', 'Horeca', 'Onderwijs', 'Data', 'Veiligheid', 'Energie', 'Agri'];
const FORMS = ['Academie', 'Opleidingen', 'Instituut', 'Trainingen', 'Leerhuis', 'College', 'School'];
const BANKS = ['ABNA', 'INGB', 'RABO', 'TRIO', 'SNSB', 'ASNB', 'KNAB', 'BUNQ'];
const FIRST = ['Anna', 'Bram', 'Carmen', 'Daan', 'Eva', 'Fatima', 'Gijs', 'Hanna', 'Ivo', 'Julia', 'Kees', 'Lotte', 'Mohamed', 'Noor', 'Pieter', 'Sanne'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Yilmaz', 'El Amrani', 'Vos', 'Peters', 'Hendriks'];
/** Route mix, heavier on NRTO and OCW/RIO as in the real register. */
const ROUTES: [RecognitionRouteName, string, number][] = [
  ['OCW_RIO', 'DUO/RIO', 0.3], ['NRTO', 'NRTO', 0.3], ['CEDEO', 'CEDEO', 0.12], ['CPION', 'CPION', 0.08], ['NLQF', 'NCP NLQF', 0.1], ['BRANCH', 'Stichting Vakopleiding', 0.1],
];

export const DEMO_SEED = 20220101;

/** A valid NL IBAN (ISO 13616 mod-97) for a bank code and a 10-digit account number. */
export function dutchIban(bank: string, account: number): string {
  const bban = `${bank}${String(account).padStart(10, '0')}`;
  const check = 98 - ibanMod97(`NL00${bban}`);
  return `NL${String(check).padStart(2, '0')}${bban}`;
}

export function generatePopulation(providers = 1_500, adviserOrganisations = 300, seed = DEMO_SEED): DemoPopulation {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const day = (from: IsoDate, spanDays: number) => addDays(from, between(0, spanDays));

  const organisation = (index: number, kvkBase: number, name: string): DemoOrganisation => {
    const [city, postcodePrefix] = pick(CITIES);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return {
      kvkNumber: String(kvkBase + index * 13),
      legalName: `${name} B.V.`,
      communicationName: name,
      email: `info@${slug}.nl`,
      phone: `+31${between(100_000_000, 799_999_999)}`,
      website: `https://www.${slug}.nl`,
      street: pick(STREETS),
      houseNumber: between(1, 250),
      postalCode: `${postcodePrefix}${between(10, 99)} ${String.fromCharCode(65 + between(0, 25))}${String.fromCharCode(65 + between(0, 25))}`,
      city,
      iban: dutchIban(pick(BANKS), between(100_000_000, 9_999_999_999)),
      holderName: `${name} B.V.`,
    };
  };

  const pickRoute = () => {
    let roll = random();
    for (const route of ROUTES) if ((roll -= route[2]) < 0) return route;
    return ROUTES[0];
  };

  const recognition = (): DemoRecognition => {
    const [route, body] = pickRoute();
    const validFrom = day('2018-01-01', 5 * 365);
    // OCW recognition of an institution has no end date; quality marks run 3-4 years.
    const validUntil = route === 'OCW_RIO' ? null : addDays(validFrom, between(3 * 365, 4 * 365));
    const revoked = random() < 0.02;
    return { route, issuingBody: body, externalReference: `${route}-${between(10_000, 99_999)}`, validFrom, validUntil, revokedFrom: revoked ? day('2022-03-01', 600) : null };
  };

  const providerList: DemoProvider[] = [];
  for (let i = 0; i < providers; i += 1) {
    const name = `${pick(TOPICS)} ${pick(FORMS)} ${pick(CITIES)[0]} ${i + 1}`;
    const roll = random();
    const status = roll < 0.01 ? 'SUSPENDED' : roll < 0.03 ? 'UNDER_INVESTIGATION' : 'ACTIVE';
    const count = random() < 0.1 ? 0 : random() < 0.75 ? 1 : 2;
    providerList.push({ ...organisation(i, 30_000_000, name), status, recognitions: Array.from({ length: count }, recognition) });
  }

  const organisations: DemoAdviserOrganisation[] = [];
  for (let i = 0; i < adviserOrganisations; i += 1) {
    const name = `Loopbaanbureau ${pick(LAST)} ${i + 1}`;
    const advisers = Array.from({ length: between(1, 5) }, (_, a): DemoAdviser => ({
      name: `${pick(FIRST)} ${pick(LAST)}`,
      register: random() < 0.7 ? 'NOLOC' : 'CMI',
      registrationNumber: `${i + 1}-${a + 1}-${between(1000, 9999)}`,
      yearsOfExperience: between(3, 25),
      activeFrom: day('2019-01-01', 3 * 365),
    }));
    organisations.push({ ...organisation(i, 50_000_000, name), advisers });
  }
  return { providers: providerList, adviserOrganisations: organisations };
}
