import type { Source, Sourced } from './types';

export function sourced<T>(value: T, source: Source): Sourced<T> {
  return { value, source };
}

/** Whole euros to integer cents, so configuration reads like the letters (`euros(32_600_000)`). */
export function euros(amount: number): number {
  const cents = amount * 100;
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: €${amount}`);
  return cents;
}

/** One line of text: "DOMAIN.md §2.1; seeds 004; [pub] …; ASSUMPTION: …". */
export function formatSource(source: Source): string {
  const parts: string[] = [];
  if (source.domain) parts.push(`DOMAIN.md ${source.domain}`);
  if (source.seeds?.length) parts.push(`seed ${source.seeds.join(', ')}`);
  if (source.pub) parts.push(`[pub] ${source.pub}`);
  if (source.assumption) parts.push(`ASSUMPTION: ${source.assumption}`);
  return parts.join('; ');
}
