// Server-rendered pages: Dutch, accessible (landmarks, labels, a skip link, status messages in aria-live regions,
// no information by colour alone), styled with the NL Design System's Utrecht component CSS.
import type { Request, RequestHandler, Response } from 'express';
import { escapeHtml } from '@stap/platform/http/html';

/** Escapes text for HTML; every value from a request or the database goes through it (libs/platform's escaping). */
export const e = escapeHtml;

/** What the page modules need from the login session of web.ts: the logged-in person, the CSRF token and the form parser. */
export interface PageSession {
  /** The session, or undefined after redirecting to the login. */
  requireLogin(request: Request, response: Response): { bsn: string; token: string } | undefined;
  csrfOf(sessionToken: string): string;
  /** Throws forbidden when the form's CSRF token is not the session's. */
  checkCsrf(request: Request, sessionToken: string): void;
  form: RequestHandler;
}

export function page(title: string, body: string, options: { loggedIn: boolean; refreshSeconds?: number }): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${options.refreshSeconds ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">` : ''}
  <title>${e(title)} - STAP-budget</title>
  <link rel="stylesheet" href="/static/utrecht.css">
  <link rel="stylesheet" href="/static/portal.css">
</head>
<body class="utrecht-theme utrecht-body">
  <a class="utrecht-link skip-link" href="#inhoud">Naar de inhoud</a>
  <header class="utrecht-page-header">
    <nav aria-label="Hoofdmenu"><ul class="menu">
      <li><a class="utrecht-link" href="/">STAP-budget</a></li>
      <li><a class="utrecht-link" href="/opleidingen">Opleidingen zoeken</a></li>
      ${options.loggedIn
        ? '<li><a class="utrecht-link" href="/wachtkamer">Wachtkamer</a></li><li><a class="utrecht-link" href="/mijn-stap-budget">Mijn STAP-budget</a></li><li><a class="utrecht-link" href="/uitloggen">Uitloggen</a></li>'
        : '<li><a class="utrecht-link" href="/inloggen">Inloggen met DigiD</a></li>'}
    </ul></nav>
  </header>
  <main id="inhoud" class="utrecht-page-content">
    <h1 class="utrecht-heading-1">${e(title)}</h1>
    ${body}
  </main>
</body>
</html>`;
}

export const euro = (cents: number | bigint) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(Number(cents) / 100);

export const dutchDate = (isoDate: string) => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
};

/** A moment as a Dutch date and time in Europe/Amsterdam, e.g. "3 maart 2027 om 14:05". */
export const dutchDateTime = (instant: Date) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(instant);

export const PORTAL_CSS = `
.skip-link { position: absolute; left: -999px; } .skip-link:focus { left: 1rem; top: 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.menu { display: flex; gap: 1.5rem; list-style: none; padding: 0; }
main { max-width: 48rem; margin: 1rem auto; padding: 0 1rem; }
body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; }
.status { border-left: 4px solid #01689b; padding: 0.5rem 1rem; background: #f3f8fb; }
.utrecht-button { font-size: 1rem; padding: 0.5rem 1rem; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 0.25rem 0.75rem; border-bottom: 1px solid #ccc; }
`;
