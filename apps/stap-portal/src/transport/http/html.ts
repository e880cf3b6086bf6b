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

/** Where web.ts serves REFRESH_SCRIPT (same origin, so the Content-Security-Policy 'self' allows it). */
export const REFRESH_SCRIPT_PATH = '/static/verversen.js';

/**
 * A page; with refreshSeconds its content is brought up to date in place every so many seconds (REFRESH_SCRIPT).
 * Not a <meta http-equiv="refresh">: a reload every few seconds moves focus and screen readers back to the top of
 * the page and cannot be stopped (WCAG 2.1 success criterion 2.2.1, axe rule meta-refresh).
 */
export function page(title: string, body: string, options: { loggedIn: boolean; refreshSeconds?: number }): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${options.refreshSeconds ? `<script src="${REFRESH_SCRIPT_PATH}" defer></script>` : ''}
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
  <main id="inhoud" class="utrecht-page-content"${options.refreshSeconds ? ` data-ververs-seconden="${options.refreshSeconds}"` : ''}>
    <h1 class="utrecht-heading-1" tabindex="-1">${e(title)}</h1>
    ${body}
    ${options.refreshSeconds ? '<noscript><p class="utrecht-paragraph"><a class="utrecht-link" href="">Pagina verversen</a></p></noscript>' : ''}
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

/**
 * Keeps a page with data-ververs-seconden on <main> up to date without reloading it: it fetches the page again and,
 * while its structure is the same, changes only the status messages (role="status", an aria-live region, so screen
 * readers announce the change) and progress bars, leaving focus where it is. When the structure changes (e.g. the
 * person is admitted), it replaces the content of <main> and moves focus to its heading so the change is noticed.
 */
export const REFRESH_SCRIPT = `'use strict';
(function () {
  var main = document.getElementById('inhoud');
  var seconds = Number(main && main.getAttribute('data-ververs-seconden'));
  if (!main || !seconds) return;
  var live = function (root) { return Array.prototype.slice.call(root.querySelectorAll('[role="status"], progress')); };
  var skeleton = function (root) {
    var copy = root.cloneNode(true);
    live(copy).forEach(function (node) { node.textContent = ''; node.removeAttribute('value'); node.removeAttribute('max'); });
    return copy.innerHTML;
  };
  var update = function (next) {
    if (skeleton(next) === skeleton(main)) {
      var now = live(main);
      live(next).forEach(function (node, i) {
        if (node.tagName === 'PROGRESS') ['value', 'max'].forEach(function (name) {
          if (node.hasAttribute(name)) now[i].setAttribute(name, node.getAttribute(name)); else now[i].removeAttribute(name);
        });
        else if (now[i].innerHTML !== node.innerHTML) now[i].innerHTML = node.innerHTML;
      });
    } else {
      main.innerHTML = next.innerHTML;
      var heading = main.querySelector('h1');
      if (heading) heading.focus();
    }
    if (!next.hasAttribute('data-ververs-seconden')) main.removeAttribute('data-ververs-seconden');
  };
  var refresh = function () {
    fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(new Error(String(response.status))); })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, 'text/html');
        var nextMain = next.getElementById('inhoud');
        if (!nextMain) return;
        document.title = next.title;
        update(nextMain);
      })
      .catch(function () { /* the next round tries again */ })
      .then(function () { if (main.hasAttribute('data-ververs-seconden')) setTimeout(refresh, seconds * 1000); });
  };
  setTimeout(refresh, seconds * 1000);
})();
`;
