// Server-rendered HTML for the adviser pages: escaped text, one layout in Dutch with NL Design System (Utrecht)
// classes, a skip link and landmarks (WCAG 2.1 AA). No inline script or style, so helmet's CSP holds.
import { html, pageShell, SafeHtml } from '@stap/platform/http';

export { html, SafeHtml };

export function layout(title: string, body: SafeHtml, signedIn = false): string {
  const header = html`<p class="utrecht-paragraph"><strong>Ontwikkeladvies – registratie voor loopbaanadviseurs</strong></p>
${signedIn ? html`<nav aria-label="Hoofdmenu"><ul class="utrecht-unordered-list"><li><a class="utrecht-link" href="/adviseur/trajecten">Mijn trajecten</a></li><li><a class="utrecht-link" href="/adviseur/trajecten/nieuw">Traject registreren</a></li><li><a class="utrecht-link" href="/adviseur/declaraties">Declareren</a></li></ul>
<form method="post" action="/adviseur/uitloggen"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Uitloggen</button></form></nav>` : ''}
`;
  return pageShell({ title, siteName: 'Ontwikkeladvies', stylesheet: '/static/utrecht.css', header, body });
}
