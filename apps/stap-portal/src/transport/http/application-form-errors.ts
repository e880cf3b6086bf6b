// What the application form shows when submitting fails: a Dutch message per wrong field, tied to its input (the
// summary links to it; the input is aria-invalid and described by its message), instead of the use case's English
// field paths and descriptions. WCAG 2.1 3.3.1 (error identification), 3.3.3 (error suggestion), 3.1.2 (language of
// parts): the page is lang="nl", so English text would also be read out with Dutch pronunciation.
import type { ApplicationError } from '@stap/platform/errors';

/** An error as the form shows it: the id of the input it belongs to (if the person can fix it there) and the text. */
export interface FormError {
  fieldId?: string;
  message: string;
}

const CERTIFICATE = 'bewijs';

/** Field violations the person can fix in the form, by the use case's field name (submit-application.ts). */
const FIELD_MESSAGES: Record<string, FormError> = {
  enrolment_certificate_number: { fieldId: CERTIFICATE, message: 'Vul het nummer van uw aanmeldingsbewijs in zoals het op het bewijs staat, bijvoorbeeld STAP-7K4M-2Q9X.' },
  contact_email: { fieldId: 'email', message: 'Vul een e-mailadres in zoals naam@voorbeeld.nl, of laat het veld leeg.' },
  declared_truthful: { fieldId: 'verklaring', message: 'Verklaar dat u alles naar waarheid hebt ingevuld.' },
};

const START_AGAIN = 'Het formulier is niet meer geldig. Ga terug naar de wachtkamer en open het aanvraagformulier opnieuw.';

/** The Dutch errors of a failed submission; one message per field, in the order of the form. */
export function applicationFormErrors(error: ApplicationError): FormError[] {
  if (error.kind === 'conflict') return [{ fieldId: CERTIFICATE, message: 'Dit aanmeldingsbewijs is al gebruikt voor een aanvraag. Vraag uw opleider om een nieuw bewijs als u zich opnieuw hebt aangemeld.' }];
  if (error.kind === 'not_found') return [{ fieldId: CERTIFICATE, message: 'Er is geen aanmeldingsbewijs met dit nummer. Controleer het nummer op uw bewijs.' }];
  // The admission from the waiting room is missing, expired or already used for an application.
  if (error.kind === 'forbidden') return [{ message: START_AGAIN }];
  if (error.kind === 'precondition') return [{ message: 'Het aanvraagtijdvak is niet open. U kunt nu geen aanvraag doen.' }];
  if (error.violations.length === 0) return [{ message: 'Uw aanvraag kon niet worden verwerkt. Probeer het later opnieuw of bel het STAP-loket.' }];
  const fixable = Object.keys(FIELD_MESSAGES).filter((field) => error.violations.some((v) => v.field === field)).map((field) => FIELD_MESSAGES[field]);
  // Violations of the hidden fields (tijdvak, admission token, channel) are not the person's to fix in this form.
  const hidden = error.violations.some((v) => !(v.field in FIELD_MESSAGES));
  return [...fixable, ...(hidden ? [{ message: START_AGAIN }] : [])];
}

/** The error message of one input, if it has one: its id is what aria-describedby points at. */
export function fieldError(errors: readonly FormError[], fieldId: string): { id: string; message: string } | undefined {
  const error = errors.find((e) => e.fieldId === fieldId);
  return error ? { id: `${fieldId}-fout`, message: error.message } : undefined;
}
