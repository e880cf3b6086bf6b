// Bank accounts of providers and adviser organisations. DOMAIN.md §3: "Payment details: IBAN (validated by ISO 13616
// mod-97) and account holder name". A change is effective for payments created after it; the account a payment
// created earlier was built with never changes (history is kept, never overwritten).
import type { Violation } from '@stap/platform/errors';
import { validateIban } from '@stap/regelingen';

export interface BankAccountInput {
  iban: string;
  holderName: string;
}

const IBAN_PROBLEMS: Record<string, string> = {
  INVALID_CHARACTERS: 'must be an IBAN: two letters, two check digits, then letters and digits',
  UNKNOWN_COUNTRY: 'has an unknown country code',
  WRONG_LENGTH: 'has the wrong length for its country (an NL IBAN has 18 characters)',
  INVALID_CHECK_DIGITS: 'has check digits that are never issued',
  CHECKSUM_FAILED: 'fails the ISO 13616 mod-97 check',
};

const MAX_HOLDER = 140;

export function bankAccountViolations(input: BankAccountInput): Violation[] {
  const violations: Violation[] = [];
  const verdict = validateIban(input.iban);
  for (const reason of verdict.reasons) violations.push({ field: 'iban.value', description: IBAN_PROBLEMS[reason] ?? reason });
  if (input.holderName.trim() === '') violations.push({ field: 'account_holder_name', description: 'is required' });
  // 140 characters: the SEPA limit for a creditor name, so the name fits a pain.001 payment.
  if (input.holderName.length > MAX_HOLDER) violations.push({ field: 'account_holder_name', description: `must be at most ${MAX_HOLDER} characters` });
  return violations;
}

export interface AccountVersion {
  id: string;
  effectiveFrom: Date;
}

/** The account in force at an instant: the last one that took effect at or before it. */
export function accountEffectiveAt<A extends AccountVersion>(versions: readonly A[], instant: Date): A | undefined {
  return [...versions]
    .filter((version) => version.effectiveFrom.getTime() <= instant.getTime())
    .sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime())
    .pop();
}

export const ibanLast4 = (iban: string) => iban.slice(-4);
