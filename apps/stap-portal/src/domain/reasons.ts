// Rejection reasons as the contract names them (stap.portal.v1.RejectionReason), and the mapping from the reason
// codes of libs/regelingen's rule functions. A failed rule is a decision, never an error.
export const REJECTION_REASONS = [
  'CEILING_REACHED',
  'AGE_OUT_OF_RANGE',
  'INSUFFICIENT_INSURANCE',
  'RECEIVES_STUDENT_FINANCE',
  'RECEIVES_LERARENBEURS',
  'RECEIVES_TEGEMOETKOMING_SCHOOLKOSTEN',
  'ALREADY_GRANTED_THIS_YEAR',
  'PERSON_EXCLUDED',
  'TRAINING_NOT_IN_REGISTER',
  'TRAINING_NOT_AVAILABLE',
  'TRAINING_GRANT_LIMIT_REACHED',
  'START_TOO_SOON',
  'START_TOO_LATE',
  'TRAINING_ALREADY_STARTED',
  'CERTIFICATE_MISMATCH',
  'CERTIFICATE_INVALID',
  'AMOUNT_ABOVE_REGISTER_PRICE',
  'PROVIDER_NOT_ELIGIBLE',
  'PERSON_NOT_ELIGIBLE',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

const FROM_RULE_CODE: Record<string, RejectionReason> = {
  BIRTH_DATE_IN_FUTURE: 'AGE_OUT_OF_RANGE',
  UNDER_MINIMUM_AGE: 'AGE_OUT_OF_RANGE',
  AOW_AGE_REACHED: 'AGE_OUT_OF_RANGE',
  AOW_AGE_NOT_ESTABLISHED: 'AGE_OUT_OF_RANGE',
  INSUFFICIENT_INSURED_MONTHS: 'INSUFFICIENT_INSURANCE',
  RECEIVES_STUDIEFINANCIERING: 'RECEIVES_STUDENT_FINANCE',
  RECEIVES_LERARENBEURS: 'RECEIVES_LERARENBEURS',
  RECEIVES_TEGEMOETKOMING_SCHOOLKOSTEN: 'RECEIVES_TEGEMOETKOMING_SCHOOLKOSTEN',
  ALREADY_GRANTED_THIS_YEAR: 'ALREADY_GRANTED_THIS_YEAR',
  TRAINING_GRANT_LIMIT_REACHED: 'TRAINING_GRANT_LIMIT_REACHED',
  STARTS_TOO_SOON: 'START_TOO_SOON',
  STARTS_TOO_LATE: 'START_TOO_LATE',
  TRAINING_ALREADY_STARTED: 'TRAINING_ALREADY_STARTED',
  EXCEEDS_REGISTER_PRICE: 'AMOUNT_ABOVE_REGISTER_PRICE',
  PRICE_NOT_WHOLE_POSITIVE_CENTS: 'TRAINING_NOT_AVAILABLE',
  REQUESTED_NOT_WHOLE_POSITIVE_CENTS: 'CERTIFICATE_INVALID',
};

export function fromRuleCodes(codes: readonly string[]): RejectionReason[] {
  return codes.map((code) => {
    const reason = FROM_RULE_CODE[code];
    if (!reason) throw new Error(`no rejection reason for rule code ${code}`);
    return reason;
  });
}

/** Dutch wording for letters and pages. */
export const REASON_TEXT_NL: Record<RejectionReason, string> = {
  CEILING_REACHED: 'Plafond bereikt: het budget van dit aanvraagtijdvak is op. U kunt in een volgend tijdvak opnieuw aanvragen.',
  AGE_OUT_OF_RANGE: 'U bent jonger dan 18 jaar of hebt de AOW-leeftijd bereikt.',
  INSUFFICIENT_INSURANCE: 'U was in de referteperiode korter dan 6 maanden verzekerd voor de volksverzekeringen.',
  RECEIVES_STUDENT_FINANCE: 'U ontvangt studiefinanciering.',
  RECEIVES_LERARENBEURS: 'U ontvangt een lerarenbeurs.',
  RECEIVES_TEGEMOETKOMING_SCHOOLKOSTEN: 'U ontvangt een tegemoetkoming schoolkosten.',
  ALREADY_GRANTED_THIS_YEAR: 'U hebt dit kalenderjaar al een STAP-budget gekregen.',
  PERSON_EXCLUDED: 'U bent tijdelijk uitgesloten van STAP-budget.',
  TRAINING_NOT_IN_REGISTER: 'De opleiding staat niet in het scholingsregister.',
  TRAINING_NOT_AVAILABLE: 'De opleiding is niet beschikbaar voor STAP-budget.',
  TRAINING_GRANT_LIMIT_REACHED: 'De opleiding heeft het maximum aantal toekenningen voor dit jaar bereikt.',
  START_TOO_SOON: 'De opleiding begint eerder dan 4 weken na uw aanvraag.',
  START_TOO_LATE: 'De opleiding begint later dan 3 maanden na het einde van het aanvraagtijdvak.',
  TRAINING_ALREADY_STARTED: 'De opleiding is al begonnen.',
  CERTIFICATE_MISMATCH: 'Het aanmeldingsbewijs past niet bij u, de opleider of de opleiding.',
  CERTIFICATE_INVALID: 'Het aanmeldingsbewijs is ingetrokken, verlopen of al gebruikt.',
  AMOUNT_ABOVE_REGISTER_PRICE: 'Het bedrag is hoger dan de prijs in het scholingsregister.',
  PROVIDER_NOT_ELIGIBLE: 'De opleider komt niet in aanmerking.',
  PERSON_NOT_ELIGIBLE: 'Uw gegevens zijn niet gevonden in de basisregistratie personen.',
};
