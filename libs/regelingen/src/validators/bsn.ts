// Burgerservicenummer: 9 digits passing the elfproef: weights 9..2 on the first eight digits and -1
// on the last, the sum divisible by 11, and not all zeros. Source: DOMAIN.md §5.
// A BSN is personal data: the result never echoes an invalid input, and nothing here logs.
import { verdictWith, type VerdictWith } from '../result';

export type BsnReason = 'NOT_9_DIGITS' | 'ALL_ZEROS' | 'ELFPROEF_FAILED';

const NINE_DIGITS = /^\d{9}$/;
const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

export function elfproefSum(digits: string): number {
  return [...digits].reduce((sum, digit, index) => sum + Number(digit) * (WEIGHTS[index] ?? 0), 0);
}

/** Strict: exactly nine digits, no spaces or dots (the edge strips formatting before calling). */
export function validateBsn(input: string): VerdictWith<BsnReason, { bsn: string | null }> {
  if (!NINE_DIGITS.test(input)) return verdictWith<BsnReason, { bsn: string | null }>(['NOT_9_DIGITS'], { bsn: null });
  const allZeros = /^0+$/.test(input);
  const reasons: (BsnReason | false)[] = [allZeros && 'ALL_ZEROS', !allZeros && elfproefSum(input) % 11 !== 0 && 'ELFPROEF_FAILED'];
  const valid = reasons.every((reason) => reason === false);
  return verdictWith<BsnReason, { bsn: string | null }>(reasons, { bsn: valid ? input : null });
}

export function isValidBsn(input: string): boolean {
  return validateBsn(input).eligible;
}
