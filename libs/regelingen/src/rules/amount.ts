// The STAP amount: the register price (VAT included) capped at the maximum per application; a dearer
// course is not refused, the provider invoices the remainder to the person or employer. The amount
// may not exceed the register price. Source: DOMAIN.md §2.1 [pub]; seed 004.
import { verdictWith, type VerdictWith } from '../result';

export type AmountReason = 'PRICE_NOT_WHOLE_POSITIVE_CENTS' | 'REQUESTED_NOT_WHOLE_POSITIVE_CENTS' | 'EXCEEDS_REGISTER_PRICE';

export interface AmountFacts {
  /** What the executor grants and pays to the provider. */
  readonly grantedCents: number;
  /** What the provider invoices to the person or employer: register price minus the grant. */
  readonly remainderCents: number;
  /** True when the maximum, not the price, set the grant. */
  readonly capped: boolean;
}

export interface AmountCheck {
  /** Price in the scholingsregister, VAT included. */
  readonly registerPriceCents: number;
  /** Amount on the enrolment certificate, when it differs from the register price. */
  readonly requestedCents?: number;
  readonly maxAmountCents: number;
}

function isWholePositive(cents: number): boolean {
  return Number.isSafeInteger(cents) && cents > 0;
}

export function stapAmount({ registerPriceCents, requestedCents, maxAmountCents }: AmountCheck): VerdictWith<AmountReason, AmountFacts> {
  const basis = requestedCents ?? registerPriceCents;
  const reasons: (AmountReason | false)[] = [
    !isWholePositive(registerPriceCents) && 'PRICE_NOT_WHOLE_POSITIVE_CENTS',
    requestedCents !== undefined && !isWholePositive(requestedCents) && 'REQUESTED_NOT_WHOLE_POSITIVE_CENTS',
    requestedCents !== undefined && requestedCents > registerPriceCents && 'EXCEEDS_REGISTER_PRICE',
  ];
  if (reasons.some(Boolean)) {
    const remainderCents = isWholePositive(registerPriceCents) ? registerPriceCents : 0;
    return verdictWith(reasons, { grantedCents: 0, remainderCents, capped: false });
  }
  const grantedCents = Math.min(basis, maxAmountCents);
  return verdictWith<AmountReason, AmountFacts>([], {
    grantedCents,
    remainderCents: registerPriceCents - grantedCents,
    capped: basis > maxAmountCents,
  });
}
