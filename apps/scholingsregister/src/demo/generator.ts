// A deterministic generator of realistic register data: 1,500 providers and 100,000 trainings (DOMAIN.md §3: about
// 100,000 trainings from 771-1,326 providers in 2022), as one feed per provider in the register's feed format.
// The same seed always gives the same data (a small PRNG, no Math.random), so demos and benchmarks are repeatable.
import type { Feed } from '../domain/feed-format';
import { DELIVERY_MODES, NLQF_LEVELS } from '../domain/training';

export const GENERATED_PROVIDERS = 1_500;
export const GENERATED_TRAININGS = 100_000;

/** mulberry32: a tiny, well-known 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TOPICS: [string, string, string][] = [
  ['Boekhouding', 'SECTOR_FINANCE', 'administratie, grootboek, btw-aangifte en jaarafsluiting'],
  ['Salarisadministratie', 'SECTOR_FINANCE', 'loonstroken, loonheffing en pensioenen'],
  ['Excel', 'SECTOR_BUSINESS_SERVICES', 'formules, draaitabellen en dashboards'],
  ['Projectmanagement', 'SECTOR_BUSINESS_SERVICES', 'planning, risico’s en stakeholders volgens Prince2 en Agile'],
  ['Programmeren in Python', 'SECTOR_ICT', 'programmeren, datastructuren en automatiseren'],
  ['Webontwikkeling', 'SECTOR_ICT', 'HTML, CSS, JavaScript en toegankelijkheid'],
  ['Cybersecurity', 'SECTOR_ICT', 'beveiliging van netwerken, phishing en incidentrespons'],
  ['Data-analyse', 'SECTOR_ICT', 'statistiek, SQL en visualisatie van gegevens'],
  ['Verzorgende IG', 'SECTOR_HEALTHCARE_WELFARE', 'zorg verlenen, medicatie en persoonlijke verzorging in de ouderenzorg'],
  ['Helpende zorg en welzijn', 'SECTOR_HEALTHCARE_WELFARE', 'ondersteunen van cliënten in zorg en welzijn'],
  ['Pedagogisch medewerker', 'SECTOR_EDUCATION', 'kinderopvang, ontwikkeling en begeleiding van kinderen'],
  ['Onderwijsassistent', 'SECTOR_EDUCATION', 'ondersteunen van leraren in het basisonderwijs'],
  ['Heftruckchauffeur', 'SECTOR_LOGISTICS_TRANSPORT', 'veilig werken met de heftruck en magazijnlogistiek'],
  ['Code 95 nascholing', 'SECTOR_LOGISTICS_TRANSPORT', 'vakbekwaamheid voor beroepschauffeurs'],
  ['Lassen', 'SECTOR_INDUSTRY_TECHNOLOGY', 'MIG/MAG- en TIG-lassen volgens NEN-normen'],
  ['Installatietechniek', 'SECTOR_CONSTRUCTION', 'warmtepompen, zonnepanelen en elektrotechniek'],
  ['Timmeren', 'SECTOR_CONSTRUCTION', 'houtbewerking, bouwtekeningen en veiligheid op de bouwplaats'],
  ['Zonnepanelen installeren', 'SECTOR_ENERGY_ENVIRONMENT', 'montage, aansluiten en onderhoud van pv-installaties'],
  ['Horeca-ondernemer', 'SECTOR_HOSPITALITY_RECREATION', 'sociale hygiëne, bedrijfsvoering en gastvrijheid'],
  ['Kok', 'SECTOR_HOSPITALITY_RECREATION', 'koken, hygiëne (HACCP) en menuplanning'],
  ['Verkoopmedewerker', 'SECTOR_RETAIL_WHOLESALE', 'klantgericht verkopen en kassabeheer'],
  ['Online marketing', 'SECTOR_CREATIVE_CULTURE_MEDIA', 'sociale media, zoekmachineoptimalisatie en campagnes'],
  ['Grafisch ontwerp', 'SECTOR_CREATIVE_CULTURE_MEDIA', 'vormgeving, typografie en Adobe-pakketten'],
  ['Hoveniersvakman', 'SECTOR_AGRICULTURE', 'tuinaanleg, beplanting en onderhoud van groen'],
  ['Beveiliger', 'SECTOR_PUBLIC_ADMINISTRATION_SAFETY', 'toezicht, conflicthantering en wetgeving'],
  ['Nederlands als tweede taal', 'SECTOR_CROSS_SECTOR', 'lezen, schrijven en spreken op het werk'],
  ['Leidinggeven', 'SECTOR_CROSS_SECTOR', 'coachen, feedback geven en teams aansturen'],
  ['Kapper', 'SECTOR_PERSONAL_SERVICES', 'knippen, kleuren en klantadvies'],
];
const QUALIFIERS = ['voor beginners', 'voor gevorderden', "voor zzp'ers", 'in de praktijk', 'basis', 'verdieping', 'met certificaat', 'voor herintreders', 'compact', 'intensief'];
const PROVIDER_WORDS = ['Academie', 'Opleidingen', 'Instituut', 'Leerhuis', 'Trainingscentrum', 'Vakschool', 'College', 'Kennispunt'];
const PROVIDER_PREFIXES = ['Noord', 'Zuid', 'Delta', 'Polder', 'Rijn', 'Maas', 'Veluwe', 'Kust', 'Stad', 'Vakwerk', 'Groei', 'Kompas', 'Horizon', 'Brug', 'Toekomst'];
const CITIES: [string, string, string][] = [
  ['Amsterdam', '1012', 'Damrak'], ['Rotterdam', '3011', 'Coolsingel'], ['Den Haag', '2511', 'Spui'], ['Utrecht', '3511', 'Oudegracht'],
  ['Eindhoven', '5611', 'Stratumseind'], ['Groningen', '9711', 'Vismarkt'], ['Tilburg', '5038', 'Heuvel'], ['Almere', '1315', 'Grote Markt'],
  ['Breda', '4811', 'Grote Markt'], ['Nijmegen', '6511', 'Burchtstraat'], ['Apeldoorn', '7311', 'Hoofdstraat'], ['Arnhem', '6811', 'Korenmarkt'],
  ['Zwolle', '8011', 'Diezerstraat'], ['Leeuwarden', '8911', 'Nieuwestad'], ['Maastricht', '6211', 'Vrijthof'], ['Enschede', '7511', 'Oude Markt'],
];

/** A UUID made from numbers, so generated ids are stable across runs. */
export const stableUuid = (kind: number, n: number) => `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

export interface GeneratedProvider {
  providerId: string;
  kvkNumber: string;
  name: string;
}

export function generatedProvider(index: number): GeneratedProvider {
  const name = `${PROVIDER_PREFIXES[index % PROVIDER_PREFIXES.length]} ${PROVIDER_WORDS[Math.floor(index / PROVIDER_PREFIXES.length) % PROVIDER_WORDS.length]} ${index + 1}`;
  return { providerId: stableUuid(1, index + 1), kvkNumber: String(60_000_000 + index * 17), name };
}

/** How many trainings provider `index` gets: uneven, like the real register, summing to exactly `total`. */
export function trainingsPerProvider(providers: number, total: number): number[] {
  const random = prng(7);
  const weights = Array.from({ length: providers }, () => 0.2 + random() ** 3 * 6);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % providers, rest -= 1) counts[i] += 1;
  return counts;
}

const pad = (n: number) => String(n).padStart(2, '0');
const LETTERS = [...'ABCDEFGHJKLMNPRTVWXZ'];

/** The feed of provider `index` with `count` programmes, each with one to three start moments. */
export function generatedFeed(index: number, count: number, reference = 'demo-1'): Feed {
  const provider = generatedProvider(index);
  const random = prng(1_000 + index);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const programmes = Array.from({ length: count }, (_, n) => {
    const [topic, sector, about] = pick(TOPICS);
    const level = pick(NLQF_LEVELS.slice(2, 8));
    const deliveryMode = pick(DELIVERY_MODES);
    const startMoments = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, s) => {
      const [city, postcode, street] = pick(CITIES);
      const month = 1 + Math.floor(random() * 12);
      const online = deliveryMode === 'DELIVERY_MODE_ONLINE_SELF_PACED' || deliveryMode === 'DELIVERY_MODE_ONLINE_LIVE';
      return {
        startMomentCode: `S${s + 1}`,
        startDate: `2026-${pad(month)}-${pad(1 + Math.floor(random() * 28))}`,
        endDate: `2027-${pad(month)}-${pad(1 + Math.floor(random() * 28))}`,
        location: online
          ? { kind: 'LOCATION_KIND_ONLINE' as const }
          : { kind: 'LOCATION_KIND_NETHERLANDS_ADDRESS' as const, address: { street, houseNumber: 1 + Math.floor(random() * 200), postalCode: `${postcode} ${pick(LETTERS)}${pick(LETTERS)}`, city } },
        price: { courseTuitionCents: 100 * Math.round(150 + random() * 2_850), examCents: random() < 0.5 ? 100 * Math.round(random() * 250) : undefined, literatureCents: random() < 0.4 ? 100 * Math.round(random() * 150) : undefined },
      };
    });
    return {
      programmeCode: `OPL-${n + 1}`,
      name: `${topic} ${pick(QUALIFIERS)}`,
      description: `In deze opleiding leer je ${about}. ${provider.name} begeleidt je met praktijkopdrachten.`,
      studyLoadHours: 8 * (1 + Math.floor(random() * 40)),
      nlqfLevel: level,
      eqfLevel: level.replace('NLQF', 'EQF') as Feed['programmes'][number]['eqfLevel'],
      sector: sector as Feed['programmes'][number]['sector'],
      language: random() < 0.93 ? 'nl' : 'en',
      deliveryMode,
      leadsToCertificate: random() < 0.8,
      notAvailableForStap: random() < 0.03,
      startMoments,
      cancelledStartMomentCodes: [],
    };
  });
  return { feedReference: reference, mode: 'DELTA', provider: { providerId: provider.providerId, kvkNumber: provider.kvkNumber }, programmes };
}

/** Search words the benchmark and demo use: topics and places that exist in the generated data. */
export const SAMPLE_QUERIES = ['boekhouden', 'programmeren', 'zorg', 'heftruck', 'lassen', 'marketing', 'leidinggeven', 'excel', 'kinderopvang', 'zonnepanelen', 'beveiliging', 'koken'];
export const SAMPLE_CITIES = CITIES.map(([city]) => city);
export const SAMPLE_POSTCODE_AREAS = CITIES.map(([, postcode]) => postcode.slice(0, 2));
