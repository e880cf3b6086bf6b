// Page requests as a logged-in person's browser sends them, for HTTP-level tests of the web pages: one session
// cookie per person (the token /auth/callback issues), the CSRF token web.ts derives from that session, no redirects
// followed so POST-redirect-GET can be asserted.
import { createHmac } from 'node:crypto';
import { sessionToken } from '../src/infrastructure/security/signed-token';

export interface PageAnswer {
  status: number;
  location: string | null;
  /** The body with non-breaking spaces as plain spaces, so amounts and dates match plain text. */
  body: string;
}

export interface PageBrowser {
  /** GET the url, or POST the form when given. */
  asBrowserOf(bsn: string, url: string, form?: Record<string, string>): Promise<PageAnswer>;
  /** The CSRF token of the person's session (for a person who never saw a form with it). */
  csrfOfSession(bsn: string): string;
}

/** The CSRF token in a rendered form. */
export const csrfIn = (body: string) => /name="csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

export function pageBrowser(secret: string, baseUrl: () => string): PageBrowser {
  const sessions = new Map<string, string>();
  const sessionOf = (bsn: string) => sessions.get(bsn) ?? sessions.set(bsn, sessionToken(secret, bsn)).get(bsn) ?? '';
  return {
    async asBrowserOf(bsn, url, form) {
      const response = await fetch(`${baseUrl()}${url}`, {
        method: form ? 'POST' : 'GET', redirect: 'manual',
        headers: { cookie: `stap_sessie=${encodeURIComponent(sessionOf(bsn))}`, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form ? new URLSearchParams(form).toString() : undefined,
      });
      return { status: response.status, location: response.headers.get('location'), body: (await response.text()).replace(/\u00a0/g, ' ') };
    },
    csrfOfSession: (bsn) => createHmac('sha256', secret).update(`csrf:${sessionOf(bsn)}`).digest('base64url'),
  };
}
