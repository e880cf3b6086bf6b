// The adviser pages (/adviseur) in a real headless Chromium (playwright-core, Debian's /usr/bin/chromium), served by
// the service's express app with its page routes on the real database (adviser projection fed through the consumer's
// handler, as the other tests do). Each page state gets one axe-core WCAG 2.1 AA scan: login (empty and refused),
// the trajectories (empty and with one), the registration form (empty and with field errors), the completion form
// with an error, and the claim page.
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { launchHeadlessChromium, submitForm } from '@stap/platform/testing/browser';
import { parseTokenTable } from '@stap/platform/grpc';
import { createHttpApp, startHttpServer, type RunningHttpServer } from '@stap/platform/http';
import { expectAccessible } from '@stap/platform/testing/accessibility';
import { pageRoutes } from '../src/transport/http/pages';
import { givenAdviser, nextBsn, startTestService, type TestAdviser, type TestService } from './fixtures';

jest.setTimeout(90_000);

const TOKEN = 'adviseur-browsertest';

let service: TestService;
let adviser: TestAdviser;
let server: RunningHttpServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  service = await startTestService('advice_browser');
  adviser = await givenAdviser(service.prisma);
  service.setAmsterdamTime('2020-12-07T10:00'); // the second NL Leert Door tranche is open
  const tokens = parseTokenTable(`${TOKEN}=${adviser.actor.subject}:adviser::${adviser.kvkNumber}`);
  const app = createHttpApp({ serviceName: 'advice-registration', logger: pino({ level: 'silent' }), readinessChecks: [], routes: (router) => pageRoutes(router, service.ctx, tokens) });
  server = await startHttpServer(app, 0);
  base = `http://127.0.0.1:${server.port}`;
  browser = await launchHeadlessChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await service?.close();
});

test('the adviser pages have no WCAG 2.1 AA violations that axe can find, also with field errors', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/adviseur`);
  await expectAccessible(page, 'the login page');
  await submitForm(page, 'Inloggen', { token: 'onbekend' });
  await page.getByRole('alert').waitFor();
  await expectAccessible(page, 'the login page with a refused code');
  await page.goto(`${base}/adviseur`);
  await submitForm(page, 'Inloggen', { token: TOKEN });
  await page.waitForURL(`${base}/adviseur/trajecten`);
  await expectAccessible(page, 'the empty list of trajectories');

  await page.goto(`${base}/adviseur/trajecten/nieuw`);
  await expectAccessible(page, 'the registration form');
  await submitForm(page, 'Traject registreren', { careerAdviserId: 'x', participantBsn: '111111111', participantBirthDate: '1975-04-12', plannedStartDate: '2020-12-14' });
  await page.getByRole('alert').waitFor();
  expect(await page.getByLabel('BSN van de deelnemer').getAttribute('aria-describedby')).toBe('participantBsn-hint participantBsn-fout');
  expect(await page.getByLabel('BSN van de deelnemer').getAttribute('aria-invalid')).toBe('true');
  await expectAccessible(page, 'the registration form with field errors');
  await page.locator('#dutchLabourMarketTie').check();
  await submitForm(page, 'Traject registreren', { careerAdviserId: adviser.careerAdviserId, participantBsn: nextBsn() });
  await page.waitForURL(`${base}/adviseur/trajecten?geregistreerd=1`);
  await expectAccessible(page, 'the trajectories with a confirmation');

  await page.getByRole('link', { name: /^Afronden/ }).click();
  await page.locator('#completedOn').waitFor();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Traject afronden' }).click()]);
  await page.getByRole('alert').waitFor();
  await expectAccessible(page, 'the completion form with an error');

  await page.goto(`${base}/adviseur/declaraties`);
  await expectAccessible(page, 'the claim page');
});
