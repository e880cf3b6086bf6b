// Server-rendered HTML that is safe by construction: the `html` tagged template escapes every interpolated value
// unless it is already SafeHtml (the result of another `html` template), so a value from a request or the database
// can never become markup (OWASP XSS prevention, rule 1). Arrays render item by item, null/undefined as nothing.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element or a quoted attribute value. */
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Markup that is already safe: only `html` templates create it. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  const render = (value: unknown): string =>
    value instanceof SafeHtml ? value.html : Array.isArray(value) ? value.map(render).join('') : escapeHtml(value);
  return new SafeHtml(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]) : ''), ''));
}
