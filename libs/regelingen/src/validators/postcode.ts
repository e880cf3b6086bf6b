// Dutch postcode: four digits (the first not 0) and two letters; PostNL does not use the letter
// pairs SA, SD and SS. Accepts an optional space and lower case; returns the form `1234AB`.
// Source: DOMAIN.md §3 ("Dutch address checked for format") [pub: PostNL postcode format].
import { verdictWith, type VerdictWith } from '../result';

export type PostcodeReason = 'INVALID_FORMAT' | 'UNUSED_LETTER_COMBINATION';

const POSTCODE = /^([1-9]\d{3}) ?([A-Z]{2})$/;
const UNUSED_LETTERS = new Set(['SA', 'SD', 'SS']);

export function validatePostcode(input: string): VerdictWith<PostcodeReason, { postcode: string | null }> {
  const match = POSTCODE.exec(input.trim().toUpperCase());
  if (!match) return verdictWith<PostcodeReason, { postcode: string | null }>(['INVALID_FORMAT'], { postcode: null });
  const letters = match[2] as string;
  const unused = UNUSED_LETTERS.has(letters);
  return verdictWith<PostcodeReason, { postcode: string | null }>([unused && 'UNUSED_LETTER_COMBINATION'], { postcode: unused ? null : `${match[1]}${letters}` });
}

export function isValidPostcode(input: string): boolean {
  return validatePostcode(input).eligible;
}
