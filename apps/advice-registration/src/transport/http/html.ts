// Server-rendered HTML for the adviser pages: escaped text, one layout in Dutch with NL Design System (Utrecht)
// classes, a skip link and landmarks (WCAG 2.1 AA). No inline script or style, so helmet's CSP holds.
import { html, SafeHtml } from '@stap/platform/http';

export { html, SafeHtml };

export function layout(title: string, body: SafeHtml, signedIn = false): string {
  return html`<!DOCTYPE html>
<html lang="nl" class="utrecht-html">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Ontwikkeladvies</title>
<link rel="stylesheet" href="/static/utrecht.css">
</head>
<body class="utrecht-document utrecht-theme">
<a class="utrecht-link" href="#inhoud">Direct naar de inhoud</a>
<header class="utrecht-page-header"><p class="utrecht-paragraph"><strong>Ontwikkeladvies – registratie voor loopbaanadviseurs</strong></p>
${signedIn ? html`<nav aria-label="Hoofdmenu"><ul class="utrecht-unordered-list"><li><a class="utrecht-link" href="/adviseur/trajecten">Mijn trajecten</a></li><li><a class="utrecht-link" href="/adviseur/trajecten/nieuw">Traject registreren</a></li><li><a class="utrecht-link" href="/adviseur/declaraties">Declareren</a></li></ul>
<form method="post" action="/adviseur/uitloggen"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Uitloggen</button></form></nav>` : ''}
</header>
<main id="inhoud" class="utrecht-page-content">
<h1 class="utrecht-heading-1">${title}</h1>
${body}
</main>
</body>
</html>`.html;
}
