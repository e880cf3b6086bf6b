// The web pages "Aanvraag intrekken" and "Wie heeft mijn gegevens bekeken" over real HTTP, on the real portal
// assembly with the real database and broker. The session cookie is the portal's own signed session token (what
// /auth/callback sets after the identity provider's login; browser.e2e.spec.ts goes through the real login), so
// these tests exercise the pages, CSRF, POST-redirect-GET and the Dutch messages without a browser.
import { randomUUID } from 'node:crypto';
import { ApplicationStatus, LookupPurpose } from '@stap/contracts/stap/portal/v1/portal';
import { addDays, amsterdamDateOf, amsterdamToInstant } from '@stap/regelingen';
import {
  applyOnline, bearer, call, eur, feed, PARTNER_TOKEN, PROVIDER_KVK, providerRegisteredEvent, registerEvents, SECRET,
  STAFF_TOKEN, stapRef, startHarness, type Harness,
} from './harness';
import { csrfIn, pageBrowser } from './page-browser';

jest.setTimeout(90_000);

const PROVIDER_ID = randomUUID();
const TIJDVAK = 'STAP-2027-09-WEB';
const today = amsterdamDateOf(new Date());
const EXCEL = { trainingId: 'excel', startMomentId: 'excel-1', name: 'Excel & <Word>', priceEuros: 650, startDate: addDays(today, 42), endDate: addDays(today, 90) };

let h: Harness;
let base: string;
const person = (index: number) => h.persons[index];

async function grantTo(index: number): Promise<string> {
  const application = await applyOnline(h, person(index), { tijdvakId: TIJDVAK, providerId: PROVIDER_ID, ...EXCEL });
  expect(application.status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  return application.id;
}

/** One login session per person for the whole file, as a browser keeps its cookie. */
const { asBrowserOf, csrfOfSession } = pageBrowser(SECRET, () => base);
const stored = (id: string) => h.portal.context.prisma.application.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 10 });
  base = `http://127.0.0.1:${h.portal.http.port}`;
  await feed(h, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...registerEvents({ providerId: PROVIDER_ID, ...EXCEL })]);
  const opensAt = new Date(Date.now() + 1_500);
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(TIJDVAK), displayName: 'Webpagina\'s', opensAt: opensAt.toISOString(),
    closesAt: new Date(opensAt.getTime() + 60 * 86_400_000).toISOString(), baseBudget: eur(100_000), counterReserve: eur(1_000), counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
});

afterAll(async () => {
  await h?.stop();
});

test('withdrawing through the pages: action on "Mijn STAP-budget", confirmation, CSRF, bad input changes nothing, POST-redirect-GET, result', async () => {
  const id = await grantTo(6);
  const bsn = person(6).bsn;
  const overview = await asBrowserOf(bsn, '/mijn-stap-budget');
  expect(overview.body).toContain(`href="/aanvragen/${id}/intrekken"`);
  expect(overview.body).toContain('Excel &amp; &lt;Word&gt;');

  const confirmation = await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`);
  expect(confirmation.status).toBe(200);
  expect(confirmation.body).toContain('gaat € 650,00 terug naar het budget van het aanvraagtijdvak');
  expect(confirmation.body).toContain('telt wel als uw STAP-budget van dit kalenderjaar');
  expect(confirmation.body).toContain('maxlength="500"');
  const csrf = csrfIn(confirmation.body);
  expect(csrf).not.toBe('');

  // No or a wrong CSRF token: refused, nothing changes.
  expect((await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`, { csrf: 'vervalst', reden: '' })).status).toBe(403);
  // A reason over the maximum: the form again with a Dutch message, nothing changes.
  const tooLong = await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`, { csrf, reden: 'x'.repeat(501) });
  expect(tooLong.status).toBe(400);
  expect(tooLong.body).toContain('De reden mag hoogstens 500 tekens lang zijn.');
  expect(tooLong.body).toContain('<textarea');
  expect(tooLong.body).not.toMatch(/at .*\.ts:\d+/);
  expect((await stored(id)).status).toBe('GRANTED');

  const done = await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`, { csrf, reden: 'Past toch niet <script>' });
  expect(done.status).toBe(303);
  expect(done.location).toBe(`/aanvragen/${id}/ingetrokken`);
  expect(await stored(id)).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'Past toch niet <script>' });
  const result = await asBrowserOf(bsn, done.location ?? '');
  expect(result.status).toBe(200);
  expect(result.body).toContain('is ingetrokken');
  expect(result.body).toContain('Excel &amp; &lt;Word&gt;');
  // The amount goes back once payment cancels the purchase order (not here: no payment service in this test).
  expect(result.body).toContain('€ 650,00 gaat terug naar het budget van het aanvraagtijdvak zodra de opdracht aan de opleider is geannuleerd.');

  // Sent twice (a second tab, the back button): a Dutch refusal, no second withdrawal.
  const again = await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`, { csrf, reden: '' });
  expect(again.status).toBe(409);
  expect(again.body).toContain('Deze aanvraag is al ingetrokken.');
  expect(again.body).not.toContain('<textarea');
  expect((await asBrowserOf(bsn, '/mijn-stap-budget')).body).not.toContain(`href="/aanvragen/${id}/intrekken"`);
});

test('someone else\'s application, an unknown or a malformed id is the 404 page and changes nothing; not logged in goes to the login', async () => {
  const id = await grantTo(7);
  const other = person(8).bsn;
  const seen = await asBrowserOf(other, `/aanvragen/${id}/intrekken`);
  expect(seen.status).toBe(404);
  expect(seen.body).toContain('Deze aanvraag bestaat niet, of het is niet uw aanvraag.');
  // With the other person's own valid CSRF token: still the 404 page.
  expect((await asBrowserOf(other, `/aanvragen/${id}/intrekken`, { csrf: csrfOfSession(other), reden: '' })).status).toBe(404);
  expect((await asBrowserOf(other, `/aanvragen/${id}/ingetrokken`)).status).toBe(404);
  expect((await asBrowserOf(other, `/aanvragen/${randomUUID()}/intrekken`)).status).toBe(404);
  expect((await asBrowserOf(other, '/aanvragen/niet-een-nummer/intrekken')).status).toBe(404);
  expect((await stored(id)).status).toBe('GRANTED');

  const anonymous = await fetch(`${base}/aanvragen/${id}/intrekken`, { redirect: 'manual' });
  expect(anonymous.status).toBe(302);
  expect(anonymous.headers.get('location')).toBe('/inloggen');
});

test('from the first day of the training the pages refuse in Dutch and change nothing', async () => {
  const id = await grantTo(9);
  const bsn = person(9).bsn;
  const csrf = csrfIn((await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`)).body);
  const clock = h.portal.context.now;
  h.portal.context.now = () => amsterdamToInstant(`${EXCEL.startDate}T09:00`);
  try {
    expect((await asBrowserOf(bsn, '/mijn-stap-budget')).body).not.toContain(`href="/aanvragen/${id}/intrekken"`);
    const page = await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`);
    expect(page.status).toBe(409);
    expect(page.body).toContain('De opleiding is al begonnen.');
    // The form kept open from before the start: the use case refuses, the page says why.
    const posted = await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`, { csrf, reden: '' });
    expect(posted.status).toBe(409);
    expect(posted.body).toContain('De opleiding is al begonnen.');
  } finally {
    h.portal.context.now = clock;
  }
  expect((await stored(id)).status).toBe('GRANTED');
});

test('an application whose advance invoice payment approved offers no withdrawal, and the page says why in Dutch', async () => {
  const id = await grantTo(5);
  const bsn = person(5).bsn;
  const csrf = csrfIn((await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`)).body);
  // As the purchase-order consumer records payment's InvoiceApproved (withdrawal-payment.integration feeds the real event).
  await h.portal.context.prisma.application.update({ where: { id }, data: { invoiceApprovedAt: new Date() } });
  expect((await asBrowserOf(bsn, '/mijn-stap-budget')).body).not.toContain(`href="/aanvragen/${id}/intrekken"`);
  const page = await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`);
  expect(page.status).toBe(409);
  expect(page.body).toContain('De opleider heeft al een voorschot gefactureerd.');
  const posted = await asBrowserOf(bsn, `/aanvragen/${id}/intrekken`, { csrf, reden: '' });
  expect(posted.status).toBe(409);
  expect(posted.body).toContain('De opleider heeft al een voorschot gefactureerd.');
  expect((await stored(id)).status).toBe('GRANTED');
});

test('"Wie heeft mijn gegevens bekeken": own partner look-ups only, newest first, Dutch dates, 20 per page', async () => {
  const looked = person(10);
  const partner = bearer(PARTNER_TOKEN);
  for (let i = 1; i <= 21; i += 1) {
    await call(h, h.client.lookUpApplicantStatus, { bsn: { value: looked.bsn }, purpose: LookupPurpose.LOOKUP_PURPOSE_REINTEGRATION, caseReference: `ZAAK-${i}` }, partner);
  }
  await call(h, h.client.lookUpApplicantStatus, { bsn: { value: person(11).bsn }, purpose: LookupPurpose.LOOKUP_PURPOSE_REINTEGRATION, caseReference: 'VAN-EEN-ANDER' }, partner);

  const first = await asBrowserOf(looked.bsn, '/wie-heeft-mijn-gegevens-bekeken');
  expect(first.status).toBe(200);
  const caseReferences = (body: string) => [...body.matchAll(/<td>(ZAAK-\d+|VAN-EEN-ANDER)<\/td>/g)].map((m) => m[1]);
  expect(caseReferences(first.body)).toEqual(Array.from({ length: 20 }, (_, i) => `ZAAK-${21 - i}`));
  expect(first.body).toContain('gemeente-1');
  expect(first.body).toContain('Re-integratie (begeleiding naar werk)');
  expect(first.body).toContain('de opleiding');
  const record = await h.portal.context.prisma.dataAccessRecord.findFirstOrThrow({ where: { bsn: looked.bsn, caseReference: 'ZAAK-21' } });
  const dutch = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(record.accessedAt);
  expect(first.body).toContain(dutch.replace(/\u00a0/g, ' '));
  expect(first.body).toContain('Pagina 1 van 2 (21 opzoekingen)');
  expect(first.body).toContain('href="/wie-heeft-mijn-gegevens-bekeken?pagina=2"');

  const second = await asBrowserOf(looked.bsn, '/wie-heeft-mijn-gegevens-bekeken?pagina=2');
  expect(caseReferences(second.body)).toEqual(['ZAAK-1']);

  const bad = await asBrowserOf(looked.bsn, '/wie-heeft-mijn-gegevens-bekeken?pagina=-1');
  expect(bad.status).toBe(400);
  expect(bad.body).toContain('Het paginanummer moet een geheel getal vanaf 1 zijn.');
  expect((await asBrowserOf(person(12).bsn, '/wie-heeft-mijn-gegevens-bekeken')).body).toContain('Niemand heeft uw gegevens opgezocht.');
});
