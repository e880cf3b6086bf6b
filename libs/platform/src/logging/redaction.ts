// Personal numbers never reach a log line (Source: DOMAIN.md §5: BSN is personal data, "never in logs").
// Two layers, because either alone leaks:
//  1. by key, on the structured values a caller passes (merge objects, child bindings): `bsn` and
//     `burgerservicenummer` become "[REDACTED]" whatever their type, `iban` keeps only its last four characters;
//  2. by content, on the finished JSON line: every standalone run of nine digits inside a JSON string becomes
//     "[BSN]". That catches what no key names: the message, printf-style arguments, error messages and stacks,
//     strings produced by serializers.
// Nine digits is deliberately broader than the elfproef: a mistyped or test BSN is still somebody's number.
import { stdSerializers } from 'pino';

export const REDACTED = '[REDACTED]';
export const BSN_MASK = '[BSN]';

const REDACTED_KEYS = new Set(['bsn', 'burgerservicenummer']);
const MASKED_KEYS = new Set(['iban']);
const MAX_DEPTH = 12;

/** A JSON string literal, escapes included. */
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;
// "Standalone": no digit or hexadecimal letter right before or after, so trace ids, span ids and hashes (hex
// strings that often hold nine decimal digits in a row) survive, while "bsn:123456782" or "BSN123456782" do not.
// A hex letter that is the tail of a JSON escape (\b, \f) is not a neighbour: `(?<!\\)` lets those through.
const NINE_DIGITS = /(?<!\d|(?<!\\)[A-Fa-f])\d{9}(?![\dA-Fa-f])/g;

/** Masks every standalone nine-digit run inside the string literals of a serialized JSON line. */
export function maskBsnInJsonLine(line: string): string {
  return line.replace(JSON_STRING, (literal) => literal.replace(NINE_DIGITS, BSN_MASK));
}

/** `NL91ABNA0417164300` → `****4300`: enough to tell accounts apart in a log, not enough to use one. */
export function maskIban(value: unknown): string {
  if (typeof value !== 'string') return REDACTED;
  const compact = value.replace(/\s+/g, '');
  return compact.length > 4 ? `****${compact.slice(-4)}` : REDACTED;
}

/**
 * Returns a copy of `value` with personal-number keys redacted at any depth and in any letter case.
 * Errors are turned into pino's serialized form first, so their own properties are walked too.
 */
export function redactKeys(value: unknown): unknown {
  return redactValue(value, 0, new WeakSet());
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[Depth]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) return redactValue(stdSerializers.err(value), depth, seen);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  if (hasToJson(value)) return redactValue(value.toJSON(), depth, seen);
  return redactEntries(value, depth, seen);
}

function redactEntries(value: object, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (REDACTED_KEYS.has(lower)) copy[key] = REDACTED;
    else if (MASKED_KEYS.has(lower)) copy[key] = maskIban(child);
    else copy[key] = redactValue(child, depth + 1, seen);
  }
  return copy;
}

// Dates, Buffers and the like decide their own JSON form; walk that form, as JSON.stringify would.
function hasToJson(value: object): value is { toJSON(): unknown } {
  return 'toJSON' in value && typeof value.toJSON === 'function';
}
