// The provider pages over real HTTP (the express app the service runs, on a free port) against the real database:
// login with a development token, session cookie attributes, CSRF refusal, a programme and a start moment entered
// by form (price in euros to exact cents), Dutch per-field errors that change nothing, another provider's training
// refused, and cancel / withdraw / "niet beschikbaar voor STAP" through the same use cases as gRPC; a programme's
// descriptive fields changed by form (UpdateTraining: history, event, version check); the own list a page at a time.
import pino from 'pino';
import { parseTokenTable } from '@stap/platform/grpc';
import { createHttpApp, startHttpServer, type RunningHttpServer } from '@stap/platform/http';
import { createTraining } from '../src/application/create-training';
import { getTraining, trainingHistory } from '../src/application/get-training';
import { PROVIDER_TRAININGS_PER_PAGE } from '../src/application/list-provider-trainings';
import { providerPages } from '../src/transport/http/provider-pages';
import { registerApi } from '../src/transport/http/register-api';
import { aStartMoment, aTraining, knownProvider, registerFixture, type RegisterFixture } from './register-fixture';

let f: RegisterFixture;
let server: RunningHttpServer;
let base: string;
let owner: Awaited<ReturnType<typeof knownProvider>>;
let other: Awaited<ReturnType<typeof knownProvider>>;
let pager: Awaited<ReturnType<typeof knownProvider>>;

beforeAll(async () => {
  f = await registerFixture('sr_pages');
  owner = await knownProvider(f.prisma, 'Leerhuis Utrecht');
  other = await knownProvider(f.prisma, 'Concurrent');
  pager = await knownProvider(f.prisma, 'Veelzijdig Opleiden');
  const tokens = parseTokenTable(`eigen-token=provider-${owner.kvkNumber}:organisation::${owner.kvkNumber},ander-token=provider-${other.kvkNumber}:organisation::${other.kvkNumber},pagina-token=provider-${pager.kvkNumber}:organisation::${pager.kvkNumber},burger=someone:individual:`);
  const logger = pino({ level: 'silent' });
  const app = createHttpApp({
    serviceName: 'scholingsregister', logger, readinessChecks: [],
    routes: (router) => {
      registerApi(f.prisma, tokens)(router);
      providerPages(f.prisma, { tokens, secret: 'a-test-secret-of-at-least-32-characters!', secureCookies: false })(router);
    },
  });
  server = await startHttpServer(app, 0);
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.close();
  await f.close();
});

/** A browser, reduced: keeps the cookies it is given, sends forms, follows nothing by itself. */
class Browser {
  cookies = new Map<string, string>();
  setCookies: string[] = [];
  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(base + path, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    this.setCookies = response.headers.getSetCookie();
    for (const header of this.setCookies) {
      const [pair] = header.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, location: response.headers.get('location'), body: await response.text(), type: response.headers.get('content-type') ?? '' };
  }
  /** The CSRF token of the first form on a page. */
  static csrf(body: string): string {
    return /name="csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
  }
  async login(token: string): Promise<void> {
    const page = await this.request('/aanbieder/inloggen');
    const result = await this.request('/aanbieder/inloggen', { form: { csrf: Browser.csrf(page.body), toegangscode: token } });
    expect(result).toMatchObject({ status: 303, location: '/aanbieder/opleidingen' });
  }
}

const START_MOMENT_FORM = {
  startmomentcode: 'UTR-2026-09', startdatum: '2026-09-07', einddatum: '2026-12-14', locatiesoort: 'LOCATION_KIND_NETHERLANDS_ADDRESS',
  straat: 'Oudegracht', huisnummer: '120', toevoeging: '', postcode: '3511 ax', plaats: 'Utrecht', locatienaam: 'Leslokaal 2', landcode: '',
  cursusprijs: '1.250,00', examenkosten: '75', lesmateriaal: '', plaatsen: '24',
};

describe('login and session', () => {
  it('shows an accessible Dutch login page and refuses a login without its CSRF token', async () => {
    const browser = new Browser();
    const page = await browser.request('/aanbieder/inloggen');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="nl"');
    expect(page.body).toContain('<label class="utrecht-form-label" for="toegangscode">');
    expect(page.body).toContain('href="/aanbieder/static/utrecht.css"');
    const css = await browser.request('/aanbieder/static/utrecht.css');
    expect(css.status).toBe(200);
    expect(css.body).toContain('.utrecht-textbox');
    const refused = await browser.request('/aanbieder/inloggen', { form: { csrf: 'vervalst', toegangscode: 'eigen-token' } });
    expect(refused.status).toBe(403);
    expect(browser.cookies.has('sr_aanbieder')).toBe(false);
  });

  it('a wrong token or a token that is not a provider is refused with a message linked to the field', async () => {
    const browser = new Browser();
    for (const token of ['onbekend', 'burger']) {
      const page = await browser.request('/aanbieder/inloggen');
      const refused = await browser.request('/aanbieder/inloggen', { form: { csrf: Browser.csrf(page.body), toegangscode: token } });
      expect(refused.status).toBe(401);
      expect(refused.body).toContain('href="#toegangscode"');
      expect(refused.body).toContain('aria-invalid="true"');
    }
    expect(browser.cookies.has('sr_aanbieder')).toBe(false);
  });

  it('a good login sets an HttpOnly, SameSite=Strict signed session cookie; pages need it; a forged cookie is not a session', async () => {
    expect(await new Browser().request('/aanbieder/opleidingen')).toMatchObject({ status: 303, location: '/aanbieder/inloggen' });
    const browser = new Browser();
    await browser.login('eigen-token');
    const session = browser.setCookies.find((c) => c.startsWith('sr_aanbieder='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Path=\/aanbieder/);
    expect((await browser.request('/aanbieder/opleidingen')).status).toBe(200);

    const [body] = (browser.cookies.get('sr_aanbieder') ?? '').split('.');
    const forged = new Browser();
    forged.cookies.set('sr_aanbieder', `${body}.AAAA`);
    expect((await forged.request('/aanbieder/opleidingen')).status).toBe(303);
    forged.cookies.set('sr_aanbieder', '%E0%A4%A');
    expect((await forged.request('/aanbieder/opleidingen')).status).toBe(303);
  });
});

describe('manual entry', () => {
  it('registers a programme and a start moment by form; the price in euros is stored as exact cents', async () => {
    const browser = new Browser();
    await browser.login('eigen-token');
    const form = await browser.request('/aanbieder/opleidingen/nieuw');
    expect(form.body).toContain('for="programmacode"');
    const created = await browser.request('/aanbieder/opleidingen/nieuw', {
      form: { csrf: Browser.csrf(form.body), programmacode: 'BOEK-01', naam: 'Boekhouden voor starters', omschrijving: 'Basis van de boekhouding.', studielast: '40', nlqf: 'NLQF_LEVEL_4', eqf: 'EQF_LEVEL_4', sector: 'SECTOR_FINANCE', taal: 'nl', lesvorm: 'DELIVERY_MODE_CLASSROOM', certificaat: 'ja' },
    });
    expect(created.status).toBe(303);
    const trainingId = /\/aanbieder\/opleidingen\/([0-9a-f-]{36})$/.exec(created.location ?? '')?.[1] ?? '';
    expect(await getTraining(f.prisma, { trainingId })).toMatchObject({ name: 'Boekhouden voor starters', status: 'TRAINING_STATUS_INCOMPLETE', leadsToCertificate: true, providerId: owner.providerId });

    const addForm = await browser.request(`/aanbieder/opleidingen/${trainingId}/startmomenten/nieuw`);
    const added = await browser.request(`/aanbieder/opleidingen/${trainingId}/startmomenten/nieuw`, { form: { csrf: Browser.csrf(addForm.body), ...START_MOMENT_FORM } });
    expect(added).toMatchObject({ status: 303, location: `/aanbieder/opleidingen/${trainingId}` });
    const training = await getTraining(f.prisma, { trainingId });
    expect(training).toMatchObject({ status: 'TRAINING_STATUS_PUBLISHED', applyable: true });
    expect(training.startMoments[0]).toMatchObject({ courseTuitionCents: 125_000, examCents: 7_500, literatureCents: null, totalCents: 132_500, capacity: 24, postalCode: '3511AX', city: 'Utrecht', venueName: 'Leslokaal 2' });

    const list = await browser.request('/aanbieder/opleidingen');
    expect(list.body).toContain('Boekhouden voor starters');
    expect(list.body).toContain('Gepubliceerd');
    const detail = await browser.request(`/aanbieder/opleidingen/${trainingId}`);
    expect(detail.body).toContain('€ 1.325,00');
  });

  it('a bad price ("12,345", negative) and a bad postcode re-render the form with Dutch errors per field; nothing is stored', async () => {
    const browser = new Browser();
    await browser.login('eigen-token');
    const trainingId = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId, { startMoments: [] }));
    const before = await f.prisma.outboxEvent.count();
    for (const [cursusprijs, examenkosten] of [['12,345', '-5'], ['-1.000,00', '12.50']]) {
      const addForm = await browser.request(`/aanbieder/opleidingen/${trainingId}/startmomenten/nieuw`);
      const refused = await browser.request(`/aanbieder/opleidingen/${trainingId}/startmomenten/nieuw`, { form: { csrf: Browser.csrf(addForm.body), ...START_MOMENT_FORM, cursusprijs, examenkosten, postcode: '1234 SS', plaatsen: 'veel' } });
      expect(refused.status).toBe(400);
      expect(refused.type).toContain('text/html');
      const alertAt = refused.body.indexOf('role="alert"');
      const summary = refused.body.slice(alertAt, refused.body.indexOf('</div>', alertAt));
      expect([...summary.matchAll(/href="#([a-z]+)"/g)].map((m) => m[1])).toEqual(['postcode', 'cursusprijs', 'examenkosten', 'plaatsen']);
      expect(refused.body).toContain('Vul een Nederlandse postcode in, zoals 1234 AB.');
      expect(refused.body).toContain('Vul de cursusprijs in als bedrag in euro&#39;s');
      expect(refused.body).toMatch(/id="cursusprijs" name="cursusprijs" type="text" value="[^"]*"[^>]* aria-invalid="true" aria-describedby="cursusprijs-hint cursusprijs-fout"/);
      expect(refused.body).toContain(`value="${cursusprijs}"`); // what was typed is shown back
    }
    expect(await f.prisma.startMoment.count({ where: { trainingId } })).toBe(0);
    expect(await f.prisma.outboxEvent.count()).toBe(before);
  });

  it('a bad programme re-renders with the errors and stores nothing', async () => {
    const browser = new Browser();
    await browser.login('eigen-token');
    const form = await browser.request('/aanbieder/opleidingen/nieuw');
    const refused = await browser.request('/aanbieder/opleidingen/nieuw', { form: { csrf: Browser.csrf(form.body), programmacode: 'met spatie', naam: '', studielast: 'veel', nlqf: 'NLQF_LEVEL_4', eqf: 'EQF_LEVEL_4', sector: 'SECTOR_FINANCE', taal: 'nl', lesvorm: 'DELIVERY_MODE_CLASSROOM' } });
    expect(refused.status).toBe(400);
    expect([...refused.body.matchAll(/<li><a class="utrecht-link" href="#([a-z]+)"/g)].map((m) => m[1])).toEqual(['programmacode', 'naam', 'studielast']);
    expect(await f.prisma.training.count({ where: { providerProgrammeCode: 'met spatie' } })).toBe(0);
  });

  it('a POST without the right CSRF token is refused and changes nothing', async () => {
    const browser = new Browser();
    await browser.login('eigen-token');
    const trainingId = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId));
    for (const csrf of ['', 'vervalst']) {
      const refused = await browser.request(`/aanbieder/opleidingen/${trainingId}/intrekken`, { form: { csrf, 'reden-intrekken': 'weg' } });
      expect(refused.status).toBe(403);
    }
    expect((await getTraining(f.prisma, { trainingId })).lifecycle).toBe('ACTIVE');
  });

  it('another provider\'s training is not shown (404) and cannot be changed (403)', async () => {
    const theirs = await createTraining(f.prisma, other.actor, aTraining(other.providerId));
    const [sm] = (await getTraining(f.prisma, { trainingId: theirs })).startMoments;
    const browser = new Browser();
    await browser.login('eigen-token');
    const detail = await browser.request(`/aanbieder/opleidingen/${theirs}`);
    expect(detail.status).toBe(404);
    expect(detail.body).toContain('<html lang="nl"');
    expect((await browser.request(`/aanbieder/opleidingen/${theirs}/startmomenten/nieuw`)).status).toBe(404);
    const csrf = Browser.csrf((await browser.request('/aanbieder/opleidingen')).body);
    expect((await browser.request(`/aanbieder/opleidingen/${theirs}/intrekken`, { form: { csrf, 'reden-intrekken': 'weg' } })).status).toBe(403);
    expect((await browser.request(`/aanbieder/startmomenten/${sm.id}/annuleren`, { form: { csrf, [`reden-${sm.id}`]: 'weg' } })).status).toBe(403);
    expect((await browser.request(`/aanbieder/opleidingen/${theirs}/startmomenten/nieuw`, { form: { csrf, ...START_MOMENT_FORM } })).status).toBe(404);
    const after = await getTraining(f.prisma, { trainingId: theirs });
    expect(after).toMatchObject({ lifecycle: 'ACTIVE', status: 'TRAINING_STATUS_PUBLISHED' });
    expect(after.startMoments).toHaveLength(1);
  });

  it('cancels a start moment (reason required), sets "niet beschikbaar voor STAP" and withdraws, through the use cases', async () => {
    const browser = new Browser();
    await browser.login('eigen-token');
    const trainingId = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId, { startMoments: [aStartMoment('A'), aStartMoment('B')] }));
    const [a] = (await getTraining(f.prisma, { trainingId })).startMoments;
    let csrf = Browser.csrf((await browser.request(`/aanbieder/opleidingen/${trainingId}`)).body);

    const noReason = await browser.request(`/aanbieder/startmomenten/${a.id}/annuleren`, { form: { csrf, [`reden-${a.id}`]: ' ' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toContain(`href="#reden-${a.id}"`);
    expect((await f.prisma.startMoment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('OPEN');

    expect((await browser.request(`/aanbieder/startmomenten/${a.id}/annuleren`, { form: { csrf, [`reden-${a.id}`]: 'te weinig deelnemers' } })).status).toBe(303);
    expect(await f.prisma.startMoment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: 'CANCELLED', cancellationReason: 'te weinig deelnemers' });
    const again = await browser.request(`/aanbieder/startmomenten/${a.id}/annuleren`, { form: { csrf, [`reden-${a.id}`]: 'nogmaals' } });
    expect(again.status).toBe(409);
    expect(again.body).toContain('geannuleerd en kan niet meer worden gewijzigd');

    expect((await browser.request(`/aanbieder/opleidingen/${trainingId}/stap-beschikbaarheid`, { form: { csrf, 'niet-beschikbaar': 'ja', 'reden-stap': 'alleen voor werkgevers' } })).status).toBe(303);
    expect(await getTraining(f.prisma, { trainingId })).toMatchObject({ notAvailableForStap: true, applyable: false });
    const list = await browser.request('/aanbieder/opleidingen');
    expect(list.body).toContain('(niet beschikbaar voor STAP)');

    csrf = Browser.csrf(list.body);
    expect((await browser.request(`/aanbieder/opleidingen/${trainingId}/intrekken`, { form: { csrf, 'reden-intrekken': 'aanbod gestopt' } })).status).toBe(303);
    expect(await getTraining(f.prisma, { trainingId })).toMatchObject({ lifecycle: 'WITHDRAWN', status: 'TRAINING_STATUS_WITHDRAWN', withdrawnReason: 'aanbod gestopt' });
    const types = (await f.prisma.outboxEvent.findMany({ where: { subject: trainingId }, orderBy: { seq: 'asc' } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['nl.stap.register.start_moment_cancelled.v1', 'nl.stap.register.training_stap_availability_changed.v1', 'nl.stap.register.training_withdrawn.v1']));
  });

  it('changes a start moment by form (prefilled, exact cents, stale version refused) and reports it full', async () => {
    const browser = new Browser();
    await browser.login('eigen-token');
    const trainingId = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId));
    const [sm] = (await getTraining(f.prisma, { trainingId })).startMoments;
    const page = await browser.request(`/aanbieder/startmomenten/${sm.id}/wijzigen`);
    expect(page.status).toBe(200);
    for (const shown of ['name="versie" value="1"', 'id="cursusprijs" name="cursusprijs" type="text" value="950,00"', 'value="100,00"', 'value="3511 ED"', 'value="2026-09-01"']) expect(page.body).toContain(shown);
    const fields = Object.fromEntries([...page.body.matchAll(/<input[^>]* name="([^"]+)"[^>]* value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&#39;/g, "'")]));
    const csrf = Browser.csrf(page.body);

    const bad = await browser.request(`/aanbieder/startmomenten/${sm.id}/wijzigen`, { form: { ...fields, locatiesoort: 'LOCATION_KIND_NETHERLANDS_ADDRESS', csrf, cursusprijs: '12,345' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('href="#cursusprijs"');
    expect((await f.prisma.startMoment.findUniqueOrThrow({ where: { id: sm.id } })).version).toBe(1);

    const changed = await browser.request(`/aanbieder/startmomenten/${sm.id}/wijzigen`, { form: { ...fields, locatiesoort: 'LOCATION_KIND_NETHERLANDS_ADDRESS', csrf, cursusprijs: '1.300,10', plaatsen: '30' } });
    expect(changed).toMatchObject({ status: 303, location: `/aanbieder/opleidingen/${trainingId}` });
    expect(await f.prisma.startMoment.findUniqueOrThrow({ where: { id: sm.id } })).toMatchObject({ courseTuitionCents: 130_010, examCents: 10_000, totalCents: 144_510, capacity: 30, version: 2 });

    const stale = await browser.request(`/aanbieder/startmomenten/${sm.id}/wijzigen`, { form: { ...fields, locatiesoort: 'LOCATION_KIND_NETHERLANDS_ADDRESS', csrf, cursusprijs: '1,00' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('intussen door iemand anders gewijzigd');
    expect((await f.prisma.startMoment.findUniqueOrThrow({ where: { id: sm.id } })).courseTuitionCents).toBe(130_010);

    expect((await browser.request(`/aanbieder/startmomenten/${sm.id}/vol`, { form: { csrf } })).status).toBe(303);
    expect(await getTraining(f.prisma, { trainingId })).toMatchObject({ status: 'TRAINING_STATUS_APPLICATION_CLOSED', applicationClosedReason: 'APPLICATION_CLOSED_REASON_FULL' });
    expect((await browser.request(`/aanbieder/startmomenten/${sm.id}/wijzigen`)).status).toBe(200);
    const theirs = await createTraining(f.prisma, other.actor, aTraining(other.providerId));
    const [their] = (await getTraining(f.prisma, { trainingId: theirs })).startMoments;
    expect((await browser.request(`/aanbieder/startmomenten/${their.id}/wijzigen`)).status).toBe(404);
    expect((await browser.request(`/aanbieder/startmomenten/${their.id}/vol`, { form: { csrf } })).status).toBe(403);
    expect((await f.prisma.startMoment.findUniqueOrThrow({ where: { id: their.id } })).status).toBe('OPEN');
  });

  it('logging out ends the session', async () => {
    const browser = new Browser();
    await browser.login('eigen-token');
    const csrf = Browser.csrf((await browser.request('/aanbieder/opleidingen')).body);
    expect((await browser.request('/aanbieder/uitloggen', { form: { csrf } })).status).toBe(303);
    expect((await browser.request('/aanbieder/opleidingen')).status).toBe(303);
  });
});

describe('changing a programme and paging the own list', () => {
  const PROGRAMME_FORM = { naam: 'Boekhouden voor gevorderden', omschrijving: 'Jaarrekening en btw.', studielast: '80', nlqf: 'NLQF_LEVEL_5', eqf: 'EQF_LEVEL_5', sector: 'SECTOR_FINANCE', taal: 'en', lesvorm: 'DELIVERY_MODE_BLENDED', certificaat: 'ja' };

  it('changes the descriptive fields by form through UpdateTraining: prefilled, history row, TrainingChanged event, version bump', async () => {
    const browser = new Browser();
    await browser.login('eigen-token');
    const trainingId = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId));
    const before = await getTraining(f.prisma, { trainingId });
    expect((await browser.request(`/aanbieder/opleidingen/${trainingId}`)).body).toContain(`href="/aanbieder/opleidingen/${trainingId}/wijzigen"`);
    const page = await browser.request(`/aanbieder/opleidingen/${trainingId}/wijzigen`);
    expect(page.status).toBe(200);
    for (const shown of [`name="versie" value="${before.version}"`, `name="programmacode" value="${before.providerProgrammeCode}"`, 'id="naam" name="naam" type="text" value="Boekhouding voor zzp&#39;ers"', 'value="60"', '<label class="utrecht-form-label" for="naam">']) expect(page.body).toContain(shown);
    const changed = await browser.request(`/aanbieder/opleidingen/${trainingId}/wijzigen`, { form: { csrf: Browser.csrf(page.body), versie: String(before.version), programmacode: 'ANDERS-99', ...PROGRAMME_FORM } });
    expect(changed).toMatchObject({ status: 303, location: `/aanbieder/opleidingen/${trainingId}` });
    const after = await getTraining(f.prisma, { trainingId });
    expect(after).toMatchObject({
      name: 'Boekhouden voor gevorderden', description: 'Jaarrekening en btw.', studyLoadHours: 80, nlqfLevel: 'NLQF_LEVEL_5', eqfLevel: 'EQF_LEVEL_5', language: 'en',
      deliveryMode: 'DELIVERY_MODE_BLENDED', providerProgrammeCode: before.providerProgrammeCode, version: before.version + 1,
    });
    const history = (await trainingHistory(f.prisma, trainingId)).filter((h) => h.kind === 'CHANGED');
    expect(history).toMatchObject([{ actor: `provider-${owner.kvkNumber}`, detail: { fields: ['name', 'description', 'study_load_hours', 'nlqf_level', 'eqf_level', 'language', 'delivery_mode'] } }]);
    expect(await f.prisma.outboxEvent.count({ where: { subject: trainingId, type: { contains: 'training_changed' } } })).toBe(1);
    // The search vector follows the new name (rederive after the change).
    const [{ matches }] = await f.prisma.$queryRaw<{ matches: boolean }[]>`SELECT search_vector @@ websearch_to_tsquery('dutch_unaccent', 'gevorderden') AS matches FROM training WHERE id = ${trainingId}::uuid`;
    expect(matches).toBe(true);
  });

  it('bad input re-renders with Dutch errors per field, summary and aria-invalid, and changes nothing; a stale version is refused', async () => {
    const browser = new Browser();
    await browser.login('eigen-token');
    const trainingId = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId));
    const page = await browser.request(`/aanbieder/opleidingen/${trainingId}/wijzigen`);
    const csrf = Browser.csrf(page.body);
    const bad = await browser.request(`/aanbieder/opleidingen/${trainingId}/wijzigen`, { form: { csrf, versie: '1', ...PROGRAMME_FORM, naam: '', studielast: 'veel', taal: 'nederlands' } });
    expect(bad.status).toBe(400);
    expect([...bad.body.matchAll(/<li><a class="utrecht-link" href="#([a-z]+)"/g)].map((m) => m[1])).toEqual(['naam', 'studielast', 'taal']);
    expect(bad.body).toContain('Vul de naam van de opleiding in.');
    expect(bad.body).toContain('Vul de taal in als code van twee kleine letters');
    expect(bad.body.match(/aria-invalid="true"/g)).toHaveLength(3);
    expect(bad.body).toContain('value="nederlands"'); // the typed values are kept
    const unchanged = await getTraining(f.prisma, { trainingId });
    expect(unchanged).toMatchObject({ name: "Boekhouding voor zzp'ers", version: 1 });

    expect((await browser.request(`/aanbieder/opleidingen/${trainingId}/wijzigen`, { form: { csrf, versie: '1', ...PROGRAMME_FORM } })).status).toBe(303);
    const stale = await browser.request(`/aanbieder/opleidingen/${trainingId}/wijzigen`, { form: { csrf, versie: '1', ...PROGRAMME_FORM, naam: 'Te laat' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('intussen door iemand anders gewijzigd');
    expect((await getTraining(f.prisma, { trainingId })).name).toBe('Boekhouden voor gevorderden');
  });

  it("another provider's programme: the form is not found (404), a change is refused (403); a change without CSRF is refused", async () => {
    const theirs = await createTraining(f.prisma, other.actor, aTraining(other.providerId));
    const browser = new Browser();
    await browser.login('eigen-token');
    expect((await browser.request(`/aanbieder/opleidingen/${theirs}/wijzigen`)).status).toBe(404);
    const csrf = Browser.csrf((await browser.request('/aanbieder/opleidingen')).body);
    expect((await browser.request(`/aanbieder/opleidingen/${theirs}/wijzigen`, { form: { csrf, versie: '', ...PROGRAMME_FORM } })).status).toBe(403);
    const mine = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId));
    expect((await browser.request(`/aanbieder/opleidingen/${mine}/wijzigen`, { form: { csrf: 'vervalst', versie: '', ...PROGRAMME_FORM } })).status).toBe(403);
    expect(await getTraining(f.prisma, { trainingId: theirs })).toMatchObject({ name: "Boekhouding voor zzp'ers", version: 1 });
    expect(await getTraining(f.prisma, { trainingId: mine })).toMatchObject({ name: "Boekhouding voor zzp'ers", version: 1 });
  });

  it('a withdrawn programme cannot be changed: the reason is shown (409) and nothing changes', async () => {
    const browser = new Browser();
    await browser.login('eigen-token');
    const trainingId = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId));
    const csrf = Browser.csrf((await browser.request(`/aanbieder/opleidingen/${trainingId}/wijzigen`)).body);
    expect((await browser.request(`/aanbieder/opleidingen/${trainingId}/intrekken`, { form: { csrf, 'reden-intrekken': 'gestopt' } })).status).toBe(303);
    const refused = await browser.request(`/aanbieder/opleidingen/${trainingId}/wijzigen`, { form: { csrf, versie: '', ...PROGRAMME_FORM } });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('ingetrokken of uitgesloten');
    expect((await getTraining(f.prisma, { trainingId })).name).toBe("Boekhouding voor zzp'ers");
  });

  it(`lists the own trainings ${PROVIDER_TRAININGS_PER_PAGE} a page, by name then id, with previous/next links; a bad page number is refused`, async () => {
    const count = PROVIDER_TRAININGS_PER_PAGE + 2;
    const ids: string[] = [];
    // Two trainings share a name: the id decides their order, so no training is skipped or shown twice across pages.
    for (let i = 0; i < count; i += 1) ids.push(await createTraining(f.prisma, pager.actor, aTraining(pager.providerId, { name: `Opleiding ${String(i === 1 ? 0 : i).padStart(2, '0')}`, startMoments: [] })));
    const browser = new Browser();
    await browser.login('pagina-token');
    const shown = (body: string) => [...body.matchAll(/href="\/aanbieder\/opleidingen\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    const first = await browser.request('/aanbieder/opleidingen');
    expect(first.status).toBe(200);
    expect(first.body).toContain(`(${count}, pagina 1 van 2)`);
    expect(first.body).toContain('href="/aanbieder/opleidingen?pagina=2"');
    expect(first.body).not.toContain('rel="prev"');
    const second = await browser.request('/aanbieder/opleidingen?pagina=2');
    expect(second.body).toContain('rel="prev" href="/aanbieder/opleidingen?pagina=1"');
    expect(second.body).not.toContain('rel="next"');
    const sameName = [ids[0], ids[1]].sort();
    const expected = [...sameName, ...ids.slice(2)];
    expect([...shown(first.body), ...shown(second.body)]).toEqual(expected);
    expect(shown(first.body)).toHaveLength(PROVIDER_TRAININGS_PER_PAGE);
    expect((await browser.request('/aanbieder/opleidingen?pagina=0')).status).toBe(400);
    expect((await browser.request('/aanbieder/opleidingen?pagina=abc')).status).toBe(400);
    const beyond = await browser.request('/aanbieder/opleidingen?pagina=3');
    expect(beyond.status).toBe(404);
    expect(beyond.body).toContain('href="/aanbieder/opleidingen?pagina=2"');
  });
});
