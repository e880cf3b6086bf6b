// Euro amounts as people type them in a Dutch form, to integer cents, exactly (no floating point): "1.250,00",
// "1250", "1250,5" and "€ 95" are accepted; "12,345" (three decimals), "-5", "12.50" (a point is the thousands
// separator in Dutch) and "1.2.3" are not. Money is kept in integer cents (DESIGN.md; DOMAIN.md §3 prices).
const AMOUNT = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/** The amount in cents, null for an empty field, NaN for text that is not an amount (the domain check refuses it). */
export function parseEuroCents(text: string | undefined): number | null {
  const trimmed = (text ?? '').replace(/^€\s*/, '').trim();
  if (trimmed === '') return null;
  const match = AMOUNT.exec(trimmed);
  if (!match) return Number.NaN;
  const euros = match[1].replace(/\./g, '');
  const cents = (match[2] ?? '').padEnd(2, '0');
  if (euros.length > 13) return Number.NaN;
  return Number(euros) * 100 + Number(cents);
}

/** Cents as a Dutch amount without the euro sign, e.g. 125000 -> "1.250,00"; what the form shows back. */
export function formatEuroCents(cents: number): string {
  const euros = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${euros},${String(cents % 100).padStart(2, '0')}`;
}
