// Automated WCAG 2.1 AA scan of a page in a real browser: axe-core (Deque, MPL-2.0) runs inside the page that a
// browser test has open, on the rendered DOM and computed styles (so contrast is measured on the real CSS).
// axe finds only part of the WCAG failures (it cannot judge whether a text alternative, label or heading is
// meaningful, whether the reading and focus order make sense, or whether everything works by keyboard alone);
// manual checks remain necessary.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.0 and 2.1 level A and AA rules: the level the pages must meet. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AccessibilityViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

/** Runs axe-core with the WCAG 2.1 AA rules in the page as it is now, and returns what it found. */
export async function accessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  // Evaluated through the DevTools protocol rather than as a <script> tag, so the pages' Content-Security-Policy
  // (no inline scripts) stays as it is and is part of what is scanned.
  await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const inPage = (globalThis as unknown as { axe: typeof axe }).axe;
    const result = await inPage.run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, WCAG_21_AA_TAGS);
}

/** Fails with every violation (rule id, impact, elements) when axe finds any on the page in its current state. */
export async function expectAccessible(page: Page, pageState: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  if (violations.length === 0) return;
  const lines = violations.map((v) => `- ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n    ${v.targets.join('\n    ')}`);
  throw new Error(`WCAG 2.1 AA violations on ${pageState} (${page.url()}):\n${lines.join('\n')}`);
}
