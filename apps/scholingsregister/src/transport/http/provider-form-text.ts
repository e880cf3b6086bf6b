// The Dutch words of the provider pages: labels of the enumerations (stored under their proto names), statuses, and
// per form field the message for each rule the use cases check (domain/training.ts). The rules are not repeated
// here: a use case's field violation is only translated to the field's id and a Dutch sentence.
import type { Violation } from '@stap/platform/errors';
import type { FieldError } from './html';

export const SECTOR_NL: Record<string, string> = {
  SECTOR_AGRICULTURE: 'Landbouw, natuur en voedsel', SECTOR_CONSTRUCTION: 'Bouw en infra', SECTOR_CREATIVE_CULTURE_MEDIA: 'Creatief, cultuur en media',
  SECTOR_EDUCATION: 'Onderwijs', SECTOR_ENERGY_ENVIRONMENT: 'Energie en milieu', SECTOR_FINANCE: 'Financiën', SECTOR_HEALTHCARE_WELFARE: 'Zorg en welzijn',
  SECTOR_HOSPITALITY_RECREATION: 'Horeca en recreatie', SECTOR_ICT: 'ICT', SECTOR_INDUSTRY_TECHNOLOGY: 'Industrie en techniek', SECTOR_LOGISTICS_TRANSPORT: 'Logistiek en transport',
  SECTOR_PUBLIC_ADMINISTRATION_SAFETY: 'Openbaar bestuur en veiligheid', SECTOR_RETAIL_WHOLESALE: 'Handel', SECTOR_BUSINESS_SERVICES: 'Zakelijke dienstverlening',
  SECTOR_PERSONAL_SERVICES: 'Persoonlijke dienstverlening', SECTOR_CROSS_SECTOR: 'Sectoroverstijgend', SECTOR_OTHER: 'Overig',
};
export const NLQF_NL: Record<string, string> = {
  NLQF_LEVEL_NOT_CLASSIFIED: 'Niet ingeschaald', NLQF_LEVEL_ENTRY: 'NLQF Instroom', NLQF_LEVEL_1: 'NLQF 1', NLQF_LEVEL_2: 'NLQF 2', NLQF_LEVEL_3: 'NLQF 3',
  NLQF_LEVEL_4: 'NLQF 4', NLQF_LEVEL_5: 'NLQF 5', NLQF_LEVEL_6: 'NLQF 6', NLQF_LEVEL_7: 'NLQF 7', NLQF_LEVEL_8: 'NLQF 8',
};
export const EQF_NL: Record<string, string> = {
  EQF_LEVEL_NOT_CLASSIFIED: 'Niet ingeschaald', EQF_LEVEL_1: 'EQF 1', EQF_LEVEL_2: 'EQF 2', EQF_LEVEL_3: 'EQF 3', EQF_LEVEL_4: 'EQF 4', EQF_LEVEL_5: 'EQF 5',
  EQF_LEVEL_6: 'EQF 6', EQF_LEVEL_7: 'EQF 7', EQF_LEVEL_8: 'EQF 8',
};
export const DELIVERY_NL: Record<string, string> = {
  DELIVERY_MODE_CLASSROOM: 'Klassikaal', DELIVERY_MODE_ONLINE_LIVE: 'Online, live', DELIVERY_MODE_ONLINE_SELF_PACED: 'Online, in eigen tempo',
  DELIVERY_MODE_BLENDED: 'Gemengd (klassikaal en online)', DELIVERY_MODE_WORKPLACE: 'Op de werkplek',
};
export const LOCATION_NL: Record<string, string> = {
  LOCATION_KIND_NETHERLANDS_ADDRESS: 'Op een adres in Nederland', LOCATION_KIND_ONLINE: 'Online', LOCATION_KIND_ABROAD: 'In het buitenland',
};
export const TRAINING_STATUS_NL: Record<string, string> = {
  TRAINING_STATUS_INCOMPLETE: 'Onvolledig (nog geen startmoment of omschrijving)', TRAINING_STATUS_PUBLISHED: 'Gepubliceerd',
  TRAINING_STATUS_APPLICATION_CLOSED: 'Aanmelden gesloten', TRAINING_STATUS_WITHDRAWN: 'Ingetrokken', TRAINING_STATUS_EXCLUDED: 'Uitgesloten na toetsing',
};
export const CLOSED_REASON_NL: Record<string, string> = {
  APPLICATION_CLOSED_REASON_FULL: 'alle startmomenten zijn vol of geannuleerd', APPLICATION_CLOSED_REASON_GRANT_LIMIT_REACHED: 'verleningsgrens van dit jaar bereikt',
};
export const START_MOMENT_STATUS_NL: Record<string, string> = { OPEN: 'Open', FULL: 'Vol', CANCELLED: 'Geannuleerd' };

/** Refusals of a use case (failed precondition), by reason code. */
export const PRECONDITION_NL: Record<string, string> = {
  START_MOMENT_CANCELLED: 'Dit startmoment is geannuleerd en kan niet meer worden gewijzigd of vol gemeld.',
  TRAINING_NOT_ACTIVE: 'Deze opleiding is ingetrokken of uitgesloten en kan niet meer worden gewijzigd.',
  ALREADY_WITHDRAWN: 'Deze opleiding is al ingetrokken.',
  PROVIDER_NOT_ACTIVE: 'Uw organisatie is geschorst of beëindigd en kan geen opleidingen toevoegen.',
};

const AMOUNT_RULE = "als bedrag in euro's van 0 tot 1.000.000 met hoogstens twee cijfers achter de komma, zoals 1.250,00";

/** Per field id: the message for a violation of it (the description tells required from format where that differs). */
const MESSAGES: Record<string, (description: string) => string> = {
  programmacode: (d) => (d === 'already exists' ? 'Deze programmacode gebruikt u al voor een andere opleiding.' : 'Vul een programmacode in van 1 tot 64 letters, cijfers, punten, liggende streepjes of koppeltekens.'),
  naam: (d) => (d === 'is required' ? 'Vul de naam van de opleiding in.' : 'De naam is langer dan 300 tekens.'),
  omschrijving: () => 'De omschrijving is langer dan 10.000 tekens.',
  studielast: () => 'Vul de studielast in als een heel aantal uren van 1 tot en met 10.000.',
  nlqf: () => 'Kies een NLQF-niveau uit de lijst.',
  eqf: () => 'Kies een EQF-niveau uit de lijst.',
  sector: () => 'Kies een sector uit de lijst.',
  taal: () => 'Vul de taal in als code van twee kleine letters, zoals nl of en.',
  lesvorm: () => 'Kies een lesvorm uit de lijst.',
  startmomentcode: (d) => (d === 'already exists' || d === 'is used twice' ? 'Deze code gebruikt u al voor een ander startmoment van deze opleiding.' : 'Vul een code in van 1 tot 64 letters, cijfers, punten, liggende streepjes of koppeltekens.'),
  startdatum: () => 'Vul een bestaande startdatum in.',
  einddatum: (d) => (d.includes('on or after') ? 'De einddatum moet op of na de startdatum liggen.' : 'Vul een bestaande einddatum in.'),
  locatiesoort: () => 'Kies waar de opleiding wordt gegeven.',
  straat: () => 'Vul de straat in.',
  huisnummer: () => 'Vul een huisnummer in van 1 tot en met 99999.',
  toevoeging: () => 'De toevoeging is langer dan 10 tekens.',
  postcode: () => 'Vul een Nederlandse postcode in, zoals 1234 AB.',
  plaats: () => 'Vul de plaats in.',
  landcode: () => 'Vul het land in als code van twee hoofdletters, zoals BE of DE.',
  cursusprijs: (d) => (d === 'is required' ? `Vul de cursusprijs in, ${AMOUNT_RULE}.` : `Vul de cursusprijs in ${AMOUNT_RULE}.`),
  examenkosten: () => `Vul de examenkosten in ${AMOUNT_RULE}, of laat het veld leeg.`,
  lesmateriaal: () => `Vul de kosten van lesmateriaal in ${AMOUNT_RULE}, of laat het veld leeg.`,
  plaatsen: () => 'Vul het aantal plaatsen in als heel getal van 1 tot en met 100.000, of laat het veld leeg.',
  reden: () => 'Vul een reden in.',
};

/** The use cases' field paths (proto names) to the form's field ids. */
const FIELD_IDS: Record<string, string> = {
  provider_programme_code: 'programmacode', name: 'naam', description: 'omschrijving', study_load_hours: 'studielast', nlqf_level: 'nlqf', eqf_level: 'eqf',
  sector: 'sector', language: 'taal', delivery_mode: 'lesvorm', provider_start_moment_code: 'startmomentcode', start_date: 'startdatum', end_date: 'einddatum',
  'location.kind': 'locatiesoort', 'location.address': 'straat', 'location.address.street': 'straat', 'location.address.house_number': 'huisnummer',
  'location.address.house_number_addition': 'toevoeging', 'location.address.postal_code': 'postcode', 'location.address.city': 'plaats', 'location.country_code': 'landcode',
  'price_components.course_tuition': 'cursusprijs', 'price_components.exam': 'examenkosten', 'price_components.literature_materials': 'lesmateriaal', capacity: 'plaatsen', reason: 'reden',
};

/** Field violations of a use case as the form's errors, in the form's order, one per field. */
export function fieldErrors(violations: readonly Violation[], idFor: (id: string) => string = (id) => id): FieldError[] {
  const errors: FieldError[] = [];
  for (const violation of violations) {
    const path = violation.field.replace(/^start_moments?(\[\d+\])?\./, '');
    const id = FIELD_IDS[path];
    if (!id) {
      errors.push({ id: idFor('formulier'), message: 'Het formulier bevat een fout die wij niet aan een veld kunnen koppelen. Probeer het opnieuw.' });
      continue;
    }
    if (!errors.some((error) => error.id === idFor(id))) errors.push({ id: idFor(id), message: MESSAGES[id](violation.description) });
  }
  return errors;
}
