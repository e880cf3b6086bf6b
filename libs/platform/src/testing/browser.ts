// Browser tests run the pages in Debian's Chromium (tools/stap test installs the package on a fresh machine) through
// playwright-core, which drives an installed browser and downloads none.
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** A headless Chromium for one test file; close it in afterAll. */
export function launchHeadlessChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** Fills the fields (by element id) and presses the named button, waiting for the page the form leads to. */
export async function submitForm(page: Page, button: string, fields: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(fields)) await page.locator(`#${id}`).fill(value);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()]);
}
