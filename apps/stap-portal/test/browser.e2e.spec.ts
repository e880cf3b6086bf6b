// The whole path in a real headless Chromium (playwright-core, Debian's /usr/bin/chromium), with the portal and the
// DigiD-like development identity provider as real processes: log in, wait in the queue until admitted, find a
// training, apply with the provider's enrolment certificate, see the decision on "Mijn STAP-budget", and withdraw it.
// Every page state on the way gets one axe-core WCAG 2.1 AA scan (expectAccessible), including a form re-rendered
// with field errors. Not scanned: the login page of the development identity provider (oidc-provider's built-in
// interaction page, a stand-in for DigiD, which is not ours to fix).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { credentials, Metadata } from '@grpc/grpc-js';
import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { launchHeadlessChromium } from '@stap/platform/testing/browser';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { StapPortalServiceClient } from '@stap/contracts/stap/portal/v1/portal';
import { callUnary, withDeadline } from '@stap/platform/grpc';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, kafkaBrokers, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { expectAccessible } from '@stap/platform/testing/accessibility';
import { freePort, startServiceProcess, waitFor, type ServiceProcess } from '@stap/platform/testing/service-process';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { startGroupAtEnd } from './skip-history';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../..');
const SECRET = `browser-${randomUUID()}-secret-long-enough`;
const KVK = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
const PROVIDER_TOKEN = `provider-${randomUUID()}`;
const STAFF_TOKEN = `staff-${randomUUID()}`;
const PROVIDER_ID = randomUUID();
const TIJDVAK = 'STAP-2026-08-BROWSER';
const BSN = '999990019'; // J. Jansen in the stand-in's test persons

let db: TestDatabase;
let portal: ServiceProcess;
let idp: ReturnType<typeof spawn>;
let browser: Browser;
let base: string;
let grpcPort: number;

function bearer(token: string): Metadata {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

beforeAll(async () => {
  db = await createTestDatabase('stap_portal_browser');
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  const [httpPort, idpPort] = [await freePort(), await freePort()];
  grpcPort = await freePort();
  base = `http://127.0.0.1:${httpPort}`;
  idp = spawn(path.join(ROOT, 'node_modules/.bin/node'), ['--import', 'tsx', 'apps/stap-portal/src/dev-idp/main.ts'], {
    cwd: ROOT, stdio: 'ignore',
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.base.json', DEV_IDP_PORT: String(idpPort), DEV_IDP_REDIRECT_URIS: `${base}/auth/callback` },
  });
  const groupSuffix = `.browser-${randomUUID().slice(0, 8)}`;
  await startGroupAtEnd(kafkaBrokers(), groupSuffix);
  portal = startServiceProcess('stap-portal', {
    DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), GRPC_PORT: String(grpcPort), HTTP_PORT: String(httpPort),
    PORTAL_SECRET: SECRET, OIDC_ISSUER: `http://127.0.0.1:${idpPort}`, PUBLIC_BASE_URL: base, SEED_DEMO_DATA: 'false',
    QUEUE_ADMISSION_RATE_PER_SECOND: '1', CONSUMER_GROUP_SUFFIX: groupSuffix,
    DEV_TOKENS: `${STAFF_TOKEN}=staff-1:staff:portal:tijdvak:write,${PROVIDER_TOKEN}=opleider-1:provider:portal:certificates:${KVK}`,
  });
  await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 'portal ready', 60_000);
  await waitFor(async () => (await fetch(`http://127.0.0.1:${idpPort}/.well-known/openid-configuration`)).ok, 'identity provider ready', 30_000);

  // The register read model, as register events would have filled it.
  const start = addDays(amsterdamDateOf(new Date()), 42);
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  await pg.query(`INSERT INTO provider (id, kvk_number, communication_name) VALUES ($1, $2, 'Opleidingen Noord')`, [PROVIDER_ID, KVK]);
  await pg.query(`INSERT INTO provider_recognition (recognition_id, provider_id, route, valid_from) VALUES ('ocw-noord', $1, 'OCW_RIO', '2000-01-01')`, [PROVIDER_ID]);
  await pg.query(`INSERT INTO training (id, provider_id, name, status) VALUES ('excel', $1, 'Excel voor gevorderden', 'PUBLISHED')`, [PROVIDER_ID]);
  await pg.query(`INSERT INTO start_moment (id, training_id, start_date, end_date, price_cents) VALUES ('excel-1', 'excel', $1, $2, 65000)`, [start, addDays(start, 60)]);
  await pg.end();
  browser = await launchHeadlessChromium();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  idp?.kill('SIGTERM');
  await db?.drop();
});

test('log in, wait in the queue, find a training, apply with a certificate, see the decision, withdraw it', async () => {
  const client = new StapPortalServiceClient(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
  const ref = { regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId: TIJDVAK };
  const opensAt = new Date(Date.now() + 12_000);
  await callUnary(client, client.scheduleTijdvak, {
    ref, displayName: 'Aanvraagtijdvak browsertest', opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 20 * 86_400_000).toISOString(),
    baseBudget: { amountCents: '10000000', currency: 'EUR' }, counterReserve: undefined, counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN), withDeadline(10_000));
  const certificate = await callUnary(client, client.issueEnrolmentCertificate, {
    providerId: PROVIDER_ID, trainingId: 'excel', startMomentId: 'excel-1',
    holder: { initials: 'J.', surname: 'Jansen', birthDate: { year: 1985, month: 4, day: 12 } }, amount: { amountCents: '65000', currency: 'EUR' },
  }, bearer(PROVIDER_TOKEN), withDeadline(10_000));
  client.close();

  const page = await browser.newPage();
  await page.goto(base);
  await expectAccessible(page, 'the start page');
  await page.getByRole('link', { name: 'Inloggen met DigiD' }).first().click();
  await page.locator('input[name="login"]').fill(BSN);
  await page.locator('input[name="password"]').fill('digid-test');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${base}/wachtkamer`);
  await expect(page.getByRole('status')).toContainText('U bent in de wachtkamer');
  await expectAccessible(page, 'the waiting room before the opening');

  await page.goto(`${base}/opleidingen?q=excel`);
  await expect(page.getByRole('table')).toContainText('Excel voor gevorderden');
  await expect(page.getByRole('table')).toContainText('€ 650,00');
  await expectAccessible(page, 'the training search with a result');

  await page.goto(`${base}/wachtkamer`);
  // The waiting room brings itself up to date in place (no reload, which would reset focus): a mark set on this
  // document is still there once the admission shows.
  await page.evaluate(() => Object.assign(globalThis, { stillTheSameDocument: true }));
  await page.getByRole('button', { name: 'Naar het aanvraagformulier' }).waitFor({ timeout: 45_000 });
  await expect(page.getByRole('status')).toContainText('U bent aan de beurt');
  await expect({ textContent: async () => String(await page.evaluate(() => 'stillTheSameDocument' in globalThis)) }).toContainText('true');
  await expectAccessible(page, 'the waiting room once admitted');
  await page.getByRole('button', { name: 'Naar het aanvraagformulier' }).click();
  await page.getByLabel('Nummer van uw aanmeldingsbewijs').waitFor();
  await expectAccessible(page, 'the application form');

  // A number in the wrong format: the form comes back with its field errors (nothing is spent), scanned as well.
  await page.getByLabel('Nummer van uw aanmeldingsbewijs').fill('ONGELDIG');
  await page.getByLabel('Ik verklaar dat ik alles naar waarheid heb ingevuld.').check();
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await expect(page.getByRole('alert')).toContainText('Vul het nummer van uw aanmeldingsbewijs in zoals het op het bewijs staat');
  await expect({ textContent: () => page.getByLabel('Nummer van uw aanmeldingsbewijs').getAttribute('aria-invalid') }).toContainText('true');
  await expectAccessible(page, 'the application form with field errors');
  await page.getByLabel('Nummer van uw aanmeldingsbewijs').fill(certificate.number);
  await page.getByLabel('Ik verklaar dat ik alles naar waarheid heb ingevuld.').check();
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await page.waitForURL(`${base}/mijn-stap-budget`);
  const table = page.getByRole('table', { name: 'Uw aanvragen' });
  await expect(table).toContainText('Excel voor gevorderden');
  await expect(table).toContainText('Toegekend');
  await expect(table).toContainText('€ 650,00');
  await expect(page.locator('main')).toContainText('U hebt dit kalenderjaar al een STAP-budget gekregen.');
  await expectAccessible(page, 'Mijn STAP-budget with a granted application');

  // Withdraw it before the training starts: confirmation page, optional reason, result page, back on the overview.
  await page.getByRole('link', { name: 'Aanvraag intrekken' }).click();
  await expect(page.locator('main')).toContainText('gaat € 650,00 terug naar het budget van het aanvraagtijdvak');
  await expectAccessible(page, 'the withdrawal confirmation');
  await page.getByLabel('Reden (niet verplicht, hoogstens 500 tekens)').fill('Ik kan toch niet op die dagen.');
  await page.getByRole('button', { name: 'Aanvraag intrekken' }).click();
  await page.waitForURL(/\/aanvragen\/[0-9a-f-]+\/ingetrokken$/);
  await expect(page.getByRole('status')).toContainText('Uw aanvraag voor Excel voor gevorderden is ingetrokken');
  await expectAccessible(page, 'the withdrawal result');
  await page.getByRole('link', { name: 'Terug naar Mijn STAP-budget' }).click();
  await expect(page.getByRole('table', { name: 'Uw aanvragen' })).toContainText('Ingetrokken');

  await page.getByRole('link', { name: 'Wie heeft mijn gegevens bekeken?' }).click();
  await page.waitForURL(`${base}/wie-heeft-mijn-gegevens-bekeken`);
  await expectAccessible(page, 'the data-access list');
});

/** Minimal async text assertions on locators (playwright-core has no test runner's expect). */
function expect(locator: { textContent(): Promise<string | null> }) {
  return {
    async toContainText(text: string) {
      await waitFor(async () => ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ').includes(text), `text "${text}"`, 10_000);
    },
  };
}
