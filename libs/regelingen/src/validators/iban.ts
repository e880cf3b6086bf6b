// IBAN per ISO 13616: country code, two check digits, country-specific BBAN; the whole passes
// ISO 7064 MOD 97-10. An NL IBAN has 18 characters. Source: DOMAIN.md §3 and §5; lengths per the
// SWIFT IBAN Registry [pub]. Accepts spaces and lower case (as printed on cards); returns the
// electronic form (no spaces, upper case).
import { verdictWith, type VerdictWith } from '../result';

export type IbanReason = 'INVALID_CHARACTERS' | 'UNKNOWN_COUNTRY' | 'WRONG_LENGTH' | 'INVALID_CHECK_DIGITS' | 'CHECKSUM_FAILED';

/** IBAN length per country code (SWIFT IBAN Registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
});

const SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]+$/;

/** The remainder of the rearranged IBAN (first four characters moved to the end, letters as 10..35) modulo 97. */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = Number.parseInt(character, 36);
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder;
}

export function normaliseIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function validateIban(input: string): VerdictWith<IbanReason, { iban: string | null; country: string | null }> {
  const iban = normaliseIban(input);
  const country = /^[A-Z]{2}/.test(iban) ? iban.slice(0, 2) : null;
  const fail = (reason: IbanReason) => verdictWith<IbanReason, { iban: string | null; country: string | null }>([reason], { iban: null, country });
  if (!SHAPE.test(iban)) return fail('INVALID_CHARACTERS');
  const expectedLength = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expectedLength === undefined) return fail('UNKNOWN_COUNTRY');
  if (iban.length !== expectedLength) return fail('WRONG_LENGTH');
  // MOD 97-10 check digits lie in 02..98; 00, 01 and 99 can pass the remainder test but are never issued.
  const checkDigits = Number(iban.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98) return fail('INVALID_CHECK_DIGITS');
  if (ibanMod97(iban) !== 1) return fail('CHECKSUM_FAILED');
  return verdictWith<IbanReason, { iban: string | null; country: string | null }>([], { iban, country });
}

export function isValidIban(input: string): boolean {
  return validateIban(input).eligible;
}
