// KvK-nummer: 8 digits identifying the legal entity. Source: DOMAIN.md §3 and §5 [pub].
// (The old 11-check on KvK numbers no longer holds for numbers issued since 2016, so none is applied.)
import { verdictWith, type VerdictWith } from '../result';

export type KvkReason = 'NOT_8_DIGITS';

export function validateKvk(input: string): VerdictWith<KvkReason, { kvk: string | null }> {
  const valid = /^\d{8}$/.test(input);
  return verdictWith<KvkReason, { kvk: string | null }>([!valid && 'NOT_8_DIGITS'], { kvk: valid ? input : null });
}

export function isValidKvk(input: string): boolean {
  return validateKvk(input).eligible;
}
