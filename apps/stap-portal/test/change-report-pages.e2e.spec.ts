// "Wijziging doorgeven" in a real headless Chromium (playwright-core, Debian's /usr/bin/chromium) on the real portal
// assembly (harness: real database and broker), logged in by the portal's own session cookie (browser.e2e.spec.ts
// goes through the real login): from "Mijn STAP-budget" to the form, a form sent with a wrong e-mail address, then a
// report of something else, the confirmation and the overview listing it, then the same report after an officer
// handled it (HandleChangeReport over gRPC): the overview and the report's page. Every page state gets one axe-core WCAG 2.1
// AA scan (expectAccessible); axe finds only part of the failures, the rest needs manual checks.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchHeadlessChromium } from '@stap/platform/testing/browser';
import { ApplicationChannel, ApplicationStatus } from '@stap/contracts/stap/portal/v1/portal';
import { expectAccessible } from '@stap/platform/testing/accessibility';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { toDateParts } from '../src/domain/dates';
import { sessionToken } from '../src/infrastructure/security/signed-token';
import {
  asPerson, bearer, call, COUNTER_TOKEN, eur, feed, PROVIDER_KVK, PROVIDER_TOKEN, providerRegisteredEvent, registerEvents, SECRET, STAFF_TOKEN, stapRef,
  startHarness, waitForAdmission, type Harness,
} from './harness';

jest.setTimeout(120_000);

const PROVIDER_ID = randomUUID();
const TIJDVAK = 'STAP-2027-12-WIJZ-BROWSER';
const EXCEL = { trainingId: 'excel', startMomentId: 'excel-1', name: 'Excel', priceEuros: 650, startDate: addDays(amsterdamDateOf(new Date()), 42), endDate: addDays(amsterdamDateOf(new Date()), 90) };

let h: Harness;
let browser: Browser;

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 2 });
  await feed(h, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...registerEvents({ providerId: PROVIDER_ID, ...EXCEL })]);
  const opensAt = new Date(Date.now() + 1_000);
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(TIJDVAK), displayName: 'Wijzigingen in de browser', opensAt: opensAt.toISOString(),
    closesAt: new Date(opensAt.getTime() + 30 * 86_400_000).toISOString(), baseBudget: eur(10_000), counterReserve: undefined, counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
  browser = await launchHeadlessChromium();
});

afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

async function grantedApplicationOf(bsn: string): Promise<string> {
  const p = h.persons.find((candidate) => candidate.bsn === bsn) ?? h.persons[0];
  const certificate = await call(h, h.client.issueEnrolmentCertificate, {
    providerId: PROVIDER_ID, trainingId: EXCEL.trainingId, startMomentId: EXCEL.startMomentId,
    holder: { initials: p.initials, surname: p.surname, birthDate: toDateParts(p.birthDate) }, amount: eur(EXCEL.priceEuros),
  }, bearer(PROVIDER_TOKEN));
  const admitted = await waitForAdmission(h, await call(h, h.client.joinQueue, { tijdvak: stapRef(TIJDVAK) }, asPerson(bsn)));
  const application = await call(h, h.client.submitApplication, {
    tijdvak: stapRef(TIJDVAK), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: admitted.admissionToken,
    enrolmentCertificateNumber: certificate.number, applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
  }, asPerson(bsn));
  expect(application.status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  return application.id;
}

async function loggedInPage(bsn: string): Promise<Page> {
  const context = await browser.newContext();
  const base = `http://127.0.0.1:${h.portal.http.port}`;
  await context.addCookies([{ name: 'stap_sessie', value: encodeURIComponent(sessionToken(SECRET, bsn)), url: base, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  await page.goto(`${base}/mijn-stap-budget`);
  return page;
}

test('reporting a change through the pages: form, field error, confirmation, overview; each state passes axe WCAG 2.1 AA', async () => {
  const bsn = h.persons[0].bsn;
  const id = await grantedApplicationOf(bsn);
  const page = await loggedInPage(bsn);
  await expectAccessible(page, 'Mijn STAP-budget without change reports');

  await page.getByRole('link', { name: 'Wijziging doorgeven (Excel)' }).click();
  await page.waitForURL(`**/aanvragen/${id}/wijziging`);
  await expectAccessible(page, 'the change report form');

  await page.getByRole('radio', { name: 'Mijn e-mailadres is veranderd' }).check();
  await page.getByLabel('Nieuw e-mailadres').fill('geen-adres');
  await page.getByRole('button', { name: 'Wijziging doorgeven' }).click();
  await page.getByRole('alert').waitFor();
  expect(await page.getByLabel('Nieuw e-mailadres').getAttribute('aria-invalid')).toBe('true');
  await expectAccessible(page, 'the change report form with a field error');
  expect(await h.portal.context.prisma.changeReport.count({ where: { applicationId: id } })).toBe(0);

  await page.getByRole('radio', { name: 'Iets anders' }).check();
  await page.getByLabel(/^Toelichting/).fill('Ik ben verhuisd naar Utrecht.');
  await page.getByRole('button', { name: 'Wijziging doorgeven' }).click();
  await page.waitForURL(`**/aanvragen/${id}/wijzigingen/*`);
  expect(await page.getByRole('status').textContent()).toContain('Wij hebben uw wijziging over Excel ontvangen op');
  await expectAccessible(page, 'the change report confirmation');

  await page.getByRole('link', { name: 'Terug naar Mijn STAP-budget' }).click();
  await page.getByRole('table', { name: 'Uw doorgegeven wijzigingen' }).waitFor();
  expect(await page.getByRole('table', { name: 'Uw doorgegeven wijzigingen' }).textContent()).toContain('Ik ben verhuisd naar Utrecht.');
  await expectAccessible(page, 'Mijn STAP-budget with a change report');

  const reported = await h.portal.context.prisma.changeReport.findFirstOrThrow({ where: { applicationId: id } });
  await call(h, h.client.handleChangeReport, { changeReportId: reported.id, outcomeNote: 'Adres nagekeken' }, bearer(COUNTER_TOKEN));
  await page.reload();
  expect(await page.getByRole('table', { name: 'Uw doorgegeven wijzigingen' }).textContent()).toContain('Afgehandeld op');
  await expectAccessible(page, 'Mijn STAP-budget with a handled change report');
  await page.goto(page.url().replace(/\/mijn-stap-budget$/, `/aanvragen/${id}/wijzigingen/${reported.id}`));
  expect(await page.locator('main').textContent()).toContain('heeft uw wijziging afgehandeld');
  await expectAccessible(page, 'a handled change report');
});
