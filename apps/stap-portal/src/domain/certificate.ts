// The STAP-aanmeldingsbewijs: the provider's statement that a named person enrolled for a training and start
// moment, for an amount at most the register price; the STAP part is capped at the maximum per application and the
// rest is paid by the person or employer. Source: DOMAIN.md §2.1 [pub]; libs/regelingen stapAmount.
import type { Violation } from '@stap/platform/errors';
import { stapAmount, type IsoDate } from '@stap/regelingen';

export interface Holder {
  initials: string;
  surname: string;
  birthDate: IsoDate | undefined;
}

export function holderViolations(holder: Holder, prefix = 'holder'): Violation[] {
  const violations: Violation[] = [];
  if (!/^([A-Za-z]\.?){1,8}$/.test(holder.initials.replace(/\s/g, ''))) violations.push({ field: `${prefix}.initials`, description: 'must be initials like "J.M."' });
  if (holder.surname.trim().length === 0 || holder.surname.length > 200) violations.push({ field: `${prefix}.surname`, description: 'is required (at most 200 characters)' });
  if (!holder.birthDate) violations.push({ field: `${prefix}.birth_date`, description: 'must be a valid date' });
  return violations;
}

export interface CertificateAmounts {
  stapCents: number;
  paidByOthersCents: number;
}

export function certificateAmounts(amountCents: number, registerPriceCents: number, maxAmountCents: number): CertificateAmounts | 'ABOVE_REGISTER_PRICE' {
  const amount = stapAmount({ registerPriceCents, requestedCents: amountCents, maxAmountCents });
  if (amount.reasons.includes('EXCEEDS_REGISTER_PRICE')) return 'ABOVE_REGISTER_PRICE';
  return { stapCents: amount.grantedCents, paidByOthersCents: registerPriceCents - amount.grantedCents };
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** "STAP-7K4M-2Q9X": no 0/O or 1/I, so it can be read over the phone. */
export function certificateNumber(randomInt: (max: number) => number): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `STAP-${group()}-${group()}`;
}
