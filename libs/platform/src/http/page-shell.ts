// The one Dutch page layout of the server-rendered pages: lang="nl", a skip link, header, main landmark with the
// page's only h1, NL Design System (Utrecht) classes, no inline script or style (helmet's Content-Security-Policy
// holds). WCAG 2.1 AA: 2.4.1 bypass blocks (skip link), 1.3.1 landmarks, 3.1.1 language of the page.
import { html, type SafeHtml } from './html';

export interface PageShellOptions {
  /** The page's own title: the h1, and the first part of <title>. */
  title: string;
  /** The service as people know it, after the title in <title>. */
  siteName: string;
  /** Where the Utrecht stylesheet is served. */
  stylesheet: string;
  /** The header's content: the service's name, who is signed in, the navigation. */
  header: SafeHtml;
  body: SafeHtml;
}

export function pageShell(options: PageShellOptions): string {
  return html`<!DOCTYPE html>
<html lang="nl" class="utrecht-html">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} – ${options.siteName}</title>
<link rel="stylesheet" href="${options.stylesheet}">
</head>
<body class="utrecht-document utrecht-theme">
<a class="utrecht-link" href="#inhoud">Direct naar de inhoud</a>
<header class="utrecht-page-header">${options.header}</header>
<main id="inhoud" class="utrecht-page-content">
<h1 class="utrecht-heading-1">${options.title}</h1>
${options.body}
</main>
</body>
</html>`.html;
}
