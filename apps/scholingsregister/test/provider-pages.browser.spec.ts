// The provider pages (/aanbieder) in a real headless Chromium (playwright-core, Debian's /usr/bin/chromium), served
// by the express app the service runs (as in provider-pages.integration.spec.ts) on the real database. Each page
// state gets one axe-core WCAG 2.1 AA scan: login (empty and refused), the own list (empty and with a programme),
// the programme form (empty and with field errors), a programme's page, the start-moment form with field errors.
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { launchHeadlessChromium, submitForm } from '@stap/platform/testing/browser';
import { parseTokenTable } from '@stap/platform/grpc';
import { createHttpApp, startHttpServer, type RunningHttpServer } from '@stap/platform/http';
import { expectAccessible } from '@stap/platform/testing/accessibility';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { providerPages } from '../src/transport/http/provider-pages';
import { knownProvider, registerFixture, type RegisterFixture } from './register-fixture';

jest.setTimeout(90_000);

let f: RegisterFixture;
let server: RunningHttpServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  f = await registerFixture('sr_browser');
  const owner = await knownProvider(f.prisma, 'Leerhuis Utrecht');
  const tokens = parseTokenTable(`eigen-token=provider-${owner.kvkNumber}:organisation::${owner.kvkNumber}`);
  const app = createHttpApp({
    serviceName: 'scholingsregister', logger: pino({ level: 'silent' }), readinessChecks: [],
    routes: providerPages(f.prisma, { tokens, secret: 'a-test-secret-of-at-least-32-characters!', secureCookies: false }),
  });
  server = await startHttpServer(app, 0);
  base = `http://127.0.0.1:${server.port}`;
  browser = await launchHeadlessChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await f?.close();
});

test('the provider pages have no WCAG 2.1 AA violations that axe can find, also with field errors', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/aanbieder/inloggen`);
  await expectAccessible(page, 'the login page');
  await submitForm(page, 'Inloggen', { toegangscode: 'onbekend' });
  await page.getByRole('alert').waitFor();
  await expectAccessible(page, 'the login page with a refused code');
  await submitForm(page, 'Inloggen', { toegangscode: 'eigen-token' });
  await page.waitForURL(`${base}/aanbieder/opleidingen`);
  await expectAccessible(page, 'the empty list of own programmes');

  await page.goto(`${base}/aanbieder/opleidingen/nieuw`);
  await expectAccessible(page, 'the new programme form');
  await submitForm(page, 'Opleiding opslaan', { programmacode: 'met spatie', naam: '', studielast: 'veel' });
  await page.getByRole('alert').waitFor();
  await expectAccessible(page, 'the new programme form with field errors');
  await submitForm(page, 'Opleiding opslaan', { programmacode: 'BOEK-01', naam: 'Boekhouden voor starters', omschrijving: 'Basis van de boekhouding.', studielast: '40' });
  await page.waitForURL(/\/aanbieder\/opleidingen\/[0-9a-f-]{36}$/);
  await expectAccessible(page, "a programme's page");

  const start = addDays(amsterdamDateOf(new Date()), 60);
  await page.getByRole('link', { name: 'Startmoment toevoegen' }).click();
  await page.locator('#startmomentcode').waitFor();
  await submitForm(page, 'Startmoment toevoegen', {
    startmomentcode: 'UTR-1', startdatum: start, einddatum: addDays(start, 90), straat: 'Oudegracht', huisnummer: '120',
    postcode: '1234 SS', plaats: 'Utrecht', cursusprijs: '12,345', plaatsen: 'veel',
  });
  await page.getByRole('alert').waitFor();
  await expectAccessible(page, 'the start-moment form with field errors');
  await submitForm(page, 'Startmoment toevoegen', { postcode: '3511 AX', cursusprijs: '1.250,00', plaatsen: '24' });
  await page.waitForURL(/\/aanbieder\/opleidingen\/[0-9a-f-]{36}$/);
  await page.getByRole('table').waitFor();
  await expectAccessible(page, "a programme's page with a start moment");

  await page.goto(`${base}/aanbieder/opleidingen`);
  await page.getByRole('link', { name: 'Boekhouden voor starters' }).waitFor();
  await expectAccessible(page, 'the list of own programmes');
});
