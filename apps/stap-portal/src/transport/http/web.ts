// The web pages for individuals (server-rendered, Dutch, NL Design System CSS) and the OpenID Connect login
// (openid-client, authorization code + PKCE). The session is the portal's own signed token carrying the BSN from
// the identity provider, in an HttpOnly SameSite=Lax cookie; POSTs carry a token derived from the session (CSRF).
// Pages: / (start), /inloggen, /auth/callback, /uitloggen, /wachtkamer (place, people ahead, estimated wait, progress),
// /opleidingen (find a training), /aanvragen (form, after admission), /mijn-stap-budget (applications and decisions),
// /aanvragen/:id/intrekken (withdrawal-pages.ts), /aanvragen/:id/wijziging (change-report-pages.ts) and
// /wie-heeft-mijn-gegevens-bekeken (data-access-page.ts).
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { ApplicationError } from '@stap/platform/errors';
import { isValidBsn } from '@stap/regelingen';
import type { PortalContext } from '../../application/context';
import { myBudgetOverview } from '../../application/my-budget';
import { submitApplication } from '../../application/submit-application';
import { statusOf } from '../../application/tijdvakken';
import { joinQueue } from '../../application/waiting-room';
import { REASON_TEXT_NL, type RejectionReason } from '../../domain/reasons';
import { personKey, sessionToken, signToken, verifyToken } from '../../infrastructure/security/signed-token';
import { changeReportPath, changeReportsSection, mountChangeReportPages } from './change-report-pages';
import { applicationFormErrors, fieldError, type FormError } from './application-form-errors';
import { DATA_ACCESS_PATH, mountDataAccessPage } from './data-access-page';
import { dutchDate, e, euro, page, PORTAL_CSS, REFRESH_SCRIPT, REFRESH_SCRIPT_PATH, type PageSession } from './html';
import { mountWithdrawalPages, offersWithdrawal, releaseText, withdrawPath } from './withdrawal-pages';

export interface WebOptions {
  baseUrl: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const SESSION = 'stap_sessie';
const LOGIN = 'stap_login';
const UTRECHT_CSS = path.resolve(__dirname, '../../../../../node_modules/@utrecht/component-library-css/dist/index.css');

function cookies(request: Request): Record<string, string> {
  const header = request.header('cookie') ?? '';
  return Object.fromEntries(header.split(';').map((part) => part.trim().split('=')).filter(([k, v]) => k && v).map(([k, v]) => [k, decodeURIComponent(v)]));
}

type OidcModule = typeof import('openid-client', { with: { 'resolution-mode': 'import' } });

export function mountWebPages(router: Router, ctx: PortalContext, options: WebOptions): void {
  const secure = options.baseUrl.startsWith('https:');
  const cookie = (name: string, value: string, maxAgeSeconds: number) =>
    `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
  const bsnOf = (request: Request) => {
    const token = cookies(request)[SESSION];
    const claims = token ? verifyToken(ctx.secret, token, 'session') : undefined;
    return typeof claims?.['bsn'] === 'string' ? { bsn: claims['bsn'], token } : undefined;
  };
  const csrfOf = (sessionTokenText: string) => createHmac('sha256', ctx.secret).update(`csrf:${sessionTokenText}`).digest('base64url');
  let oidc: Promise<{ module: OidcModule; config: Awaited<ReturnType<OidcModule['discovery']>> }> | undefined;
  const client = () => {
    // Discovered on first use, so the portal starts even while the identity provider is still starting.
    oidc ??= (async () => {
      const module = await import('openid-client');
      const insecure = options.issuer.startsWith('http:') ? { execute: [module.allowInsecureRequests] } : undefined;
      return { module, config: await module.discovery(new URL(options.issuer), options.clientId, options.clientSecret, undefined, insecure) };
    })().catch((error: unknown) => {
      oidc = undefined;
      throw error;
    });
    return oidc;
  };
  const redirectUri = `${options.baseUrl}/auth/callback`;

  router.use((_request, response, next) => {
    response.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    next();
  });
  router.get('/static/utrecht.css', (_request, response) => void response.type('text/css').send(readFileSync(UTRECHT_CSS)));
  router.get('/static/portal.css', (_request, response) => void response.type('text/css').send(PORTAL_CSS));
  router.get(REFRESH_SCRIPT_PATH, (_request, response) => void response.type('text/javascript').send(REFRESH_SCRIPT));

  router.get('/', (request, response) => {
    const loggedIn = bsnOf(request) !== undefined;
    response.send(page('STAP-budget aanvragen', `
      <p class="utrecht-paragraph">Met het STAP-budget krijgt u tot ${euro(100_000)} voor een opleiding of cursus. De opleider krijgt het geld, u niet.</p>
      <p class="utrecht-paragraph">Bij de opening van een aanvraagtijdvak komt iedereen in een wachtkamer. Wie er bij de opening is, krijgt een willekeurige plek; wie later komt, sluit achteraan aan.</p>
      ${loggedIn ? '<p><a class="utrecht-button-link utrecht-button-link--primary-action" href="/wachtkamer">Naar de wachtkamer</a></p>'
        : '<p><a class="utrecht-button-link utrecht-button-link--primary-action" href="/inloggen">Inloggen met DigiD</a></p>'}`, { loggedIn }));
  });

  router.get('/inloggen', async (_request, response) => {
    const { module, config } = await client();
    const verifier = module.randomPKCECodeVerifier();
    const state = module.randomState();
    const url = module.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri, scope: 'openid bsn', state,
      code_challenge: await module.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    response.setHeader('Set-Cookie', cookie(LOGIN, signToken(ctx.secret, { purpose: 'login', exp: Date.now() + 600_000, state, verifier }), 600));
    response.redirect(url.href);
  });

  router.get('/auth/callback', async (request, response) => {
    const login = verifyToken(ctx.secret, cookies(request)[LOGIN] ?? '', 'login');
    if (!login) throw new ApplicationError('unauthenticated', 'the login expired; please log in again');
    const { module, config } = await client();
    const tokens = await module.authorizationCodeGrant(config, new URL(request.originalUrl, options.baseUrl), {
      pkceCodeVerifier: String(login['verifier']), expectedState: String(login['state']),
    });
    const claims = tokens.claims();
    const bsn = String(claims?.['bsn'] ?? claims?.sub ?? '');
    if (!isValidBsn(bsn)) throw new ApplicationError('unauthenticated', 'the identity provider gave no valid BSN');
    response.setHeader('Set-Cookie', [cookie(SESSION, sessionToken(ctx.secret, bsn), 8 * 3600), cookie(LOGIN, '', 0)]);
    response.redirect('/wachtkamer');
  });

  router.get('/uitloggen', (_request, response) => {
    response.setHeader('Set-Cookie', cookie(SESSION, '', 0));
    response.redirect('/');
  });

  const requireLogin = (request: Request, response: Response) => {
    const session = bsnOf(request);
    if (!session) response.redirect('/inloggen');
    return session;
  };

  router.get('/wachtkamer', async (request, response) => {
    const session = requireLogin(request, response);
    if (!session) return;
    const tijdvak = await ctx.prisma.tijdvak.findFirst({ where: { status: { not: 'CLOSED' }, closesAt: { gt: ctx.now() } }, orderBy: { opensAt: 'asc' } });
    if (!tijdvak) {
      response.send(page('Wachtkamer', '<p class="utrecht-paragraph">Er is nu geen aanvraagtijdvak open of gepland.</p>', { loggedIn: true }));
      return;
    }
    const status = statusOf(tijdvak, ctx.now());
    if (status === 'CEILING_REACHED' || status === 'CLOSED') {
      response.send(page('Wachtkamer', `<p class="utrecht-paragraph status" role="status">Plafond bereikt: het budget van ${e(tijdvak.displayName)} is op. U kunt in een volgend tijdvak aanvragen.</p>`, { loggedIn: true }));
      return;
    }
    // The place belongs to the person: reloading this page, or opening it on another device, shows the same place.
    const ticket = await joinQueue(ctx, tijdvak.id, personKey(ctx.secret, session.bsn));
    const { view } = ticket;
    if (view.state === 'ADMITTED' && ticket.admissionToken) {
      response.send(page('U bent aan de beurt', `
        <p class="utrecht-paragraph status" role="status">U bent aan de beurt (plek ${view.position}). U kunt nu uw aanvraag doen tot ${e(ticket.admissionExpiresAt?.toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam' }))}.</p>
        <form method="post" action="/aanvragen/start"><input type="hidden" name="toegang" value="${e(ticket.admissionToken)}">
          <input type="hidden" name="tijdvak" value="${e(tijdvak.id)}"><input type="hidden" name="csrf" value="${e(csrfOf(session.token))}">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">Naar het aanvraagformulier</button></form>`, { loggedIn: true }));
      return;
    }
    const waitSeconds = view.estimatedWaitMs === undefined ? undefined : Math.ceil(view.estimatedWaitMs / 1000);
    const body = view.state === 'WAITING_FOR_OPENING'
      ? `<p class="utrecht-paragraph status" role="status" aria-live="polite">U bent in de wachtkamer. ${e(tijdvak.displayName)} opent op ${e(tijdvak.opensAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' }))}. Bij de opening krijgt u een willekeurige plek.</p>
         <p><progress aria-label="Wachten op de opening"></progress></p>`
      : `<p class="utrecht-paragraph status" role="status" aria-live="polite">Uw plek in de rij: <strong>${view.position}</strong>. Voor u: ${view.peopleAhead} ${view.peopleAhead === 1 ? 'persoon' : 'personen'}. Geschatte wachttijd: ${waitSeconds ?? '?'} seconden.</p>
         <p><label for="voortgang">Voortgang</label> <progress id="voortgang" max="${view.position}" value="${Math.max(view.position - view.peopleAhead - 1, 0)}"></progress></p>`;
    response.send(page('Wachtkamer', `${body}<p class="utrecht-paragraph">Deze pagina ververst vanzelf. Vernieuwen of een ander apparaat geeft geen betere plek.</p>`, { loggedIn: true, refreshSeconds: 2 }));
  });

  router.get('/opleidingen', async (request, response) => {
    const q = typeof request.query['q'] === 'string' ? request.query['q'].slice(0, 100) : '';
    const trainings = await ctx.prisma.training.findMany({
      where: { status: 'PUBLISHED', notAvailableForStap: false, excluded: false, ...(q ? { name: { contains: q, mode: 'insensitive' } } : {}) },
      orderBy: { name: 'asc' }, take: 50,
    });
    const moments = await ctx.prisma.startMoment.findMany({ where: { trainingId: { in: trainings.map((t) => t.id) }, cancelled: false } });
    const rows = trainings.map((t) => moments.filter((m) => m.trainingId === t.id).map((m) =>
      `<tr><td>${e(t.name)}</td><td>${e(dutchDate(m.startDate))}</td><td>${e(euro(m.priceCents))}</td><td>${e(euro(Math.min(Number(m.priceCents), 100_000)))}</td></tr>`).join('')).join('');
    response.send(page('Opleidingen zoeken', `
      <form method="get" action="/opleidingen" role="search"><label class="utrecht-form-label" for="q">Zoek op naam</label>
        <input class="utrecht-textbox" id="q" name="q" type="search" value="${e(q)}"> <button class="utrecht-button" type="submit">Zoeken</button></form>
      <table class="utrecht-table"><caption>Opleidingen uit het scholingsregister</caption>
        <thead><tr><th scope="col">Opleiding</th><th scope="col">Start</th><th scope="col">Prijs</th><th scope="col">STAP-budget</th></tr></thead>
        <tbody>${rows || '<tr><td colspan="4">Geen opleidingen gevonden.</td></tr>'}</tbody></table>
      <p class="utrecht-paragraph">Uw opleider geeft u een aanmeldingsbewijs met een nummer. Dat nummer vult u in bij uw aanvraag.</p>`, { loggedIn: bsnOf(request) !== undefined }));
  });

  const form = express.urlencoded({ extended: false, limit: '10kb' });
  // Errors in Dutch, each linked to its input, which is aria-invalid and described by its message (WCAG 3.3.1).
  const errorOf = (errors: FormError[], id: string) => {
    const error = fieldError(errors, id);
    return error ? `<span class="utrecht-form-field-error-message" id="${error.id}">${e(error.message)}</span><br>` : '';
  };
  const invalidIf = (errors: FormError[], id: string) => {
    const error = fieldError(errors, id);
    return error ? ` aria-invalid="true" aria-describedby="${error.id}"` : '';
  };
  const applicationForm = (fields: { token: string; tijdvak: string; csrf: string; bewijs?: string; email?: string }, errors: FormError[] = []) => `
    ${errors.length > 0 ? `<div class="status" role="alert"><p>Controleer uw aanvraag:</p><ul>${errors.map((m) => `<li>${m.fieldId ? `<a class="utrecht-link" href="#${m.fieldId}">${e(m.message)}</a>` : e(m.message)}</li>`).join('')}</ul></div>` : ''}
    <form method="post" action="/aanvragen">
      <input type="hidden" name="toegang" value="${e(fields.token)}"><input type="hidden" name="tijdvak" value="${e(fields.tijdvak)}">
      <input type="hidden" name="csrf" value="${e(fields.csrf)}">
      <p><label class="utrecht-form-label" for="bewijs">Nummer van uw aanmeldingsbewijs</label><br>${errorOf(errors, 'bewijs')}
        <input class="utrecht-textbox" id="bewijs" name="bewijs" required autocomplete="off" placeholder="STAP-XXXX-XXXX" value="${e(fields.bewijs ?? '')}"${invalidIf(errors, 'bewijs')}></p>
      <p><label class="utrecht-form-label" for="email">E-mailadres (niet verplicht)</label><br>${errorOf(errors, 'email')}<input class="utrecht-textbox" id="email" name="email" type="email" autocomplete="email" value="${e(fields.email ?? '')}"${invalidIf(errors, 'email')}></p>
      <p>${errorOf(errors, 'verklaring')}<input type="checkbox" id="verklaring" name="verklaring" value="ja" required${invalidIf(errors, 'verklaring')}> <label for="verklaring">Ik verklaar dat ik alles naar waarheid heb ingevuld.</label></p>
      <button class="utrecht-button utrecht-button--primary-action" type="submit">Aanvraag versturen</button>
    </form>`;
  const checkCsrf = (request: Request, token: string) => {
    if (request.body?.['csrf'] !== csrfOf(token)) throw new ApplicationError('forbidden', 'the form expired; please start again');
  };

  const session: PageSession = { requireLogin, csrfOf, checkCsrf, form };
  mountWithdrawalPages(router, ctx, session);
  mountDataAccessPage(router, ctx, session);
  mountChangeReportPages(router, ctx, session);

  router.post('/aanvragen/start', form, (request, response) => {
    const session = requireLogin(request, response);
    if (!session) return;
    checkCsrf(request, session.token);
    response.send(page('Aanvraag STAP-budget', applicationForm({ token: String(request.body['toegang'] ?? ''), tijdvak: String(request.body['tijdvak'] ?? ''), csrf: csrfOf(session.token) }), { loggedIn: true }));
  });

  router.post('/aanvragen', form, async (request, response) => {
    const session = requireLogin(request, response);
    if (!session) return;
    checkCsrf(request, session.token);
    const fields = { token: String(request.body['toegang'] ?? ''), tijdvak: String(request.body['tijdvak'] ?? ''), csrf: csrfOf(session.token) };
    try {
      await submitApplication(ctx, {
        tijdvakId: fields.tijdvak, channel: 'ONLINE', admissionToken: fields.token, certificateNumber: String(request.body['bewijs'] ?? ''),
        applicantBsn: '', contactEmail: String(request.body['email'] ?? ''), declaredTruthful: request.body['verklaring'] === 'ja',
      }, { bsn: session.bsn, counterOfficer: false });
      response.redirect(303, '/mijn-stap-budget');
    } catch (error) {
      if (!(error instanceof ApplicationError) || error.kind === 'unauthenticated') throw error;
      const typed = { bewijs: String(request.body['bewijs'] ?? '').slice(0, 100), email: String(request.body['email'] ?? '').slice(0, 254) };
      response.status(error.kind === 'invalid' ? 400 : 409).send(page('Aanvraag STAP-budget', applicationForm({ ...fields, ...typed }, applicationFormErrors(error)), { loggedIn: true }));
    }
  });

  router.get('/mijn-stap-budget', async (request, response) => {
    const session = requireLogin(request, response);
    if (!session) return;
    const overview = await myBudgetOverview(ctx, session.bsn);
    const rows = overview.applications.map((a) => `
      <tr><td>${e(a.trainingName)}</td><td>${e(dutchDate(a.receivedAt.toISOString().slice(0, 10)))}</td>
        <td><strong>${a.status === 'GRANTED' ? 'Toegekend' : a.status === 'REJECTED' ? 'Afgewezen' : a.status === 'WITHDRAWN' ? 'Ingetrokken' : e(a.status)}</strong>${a.status === 'WITHDRAWN' ? `<br>${e(releaseText(a))}` : ''}${a.reasons.length > 0 ? `<ul>${a.reasons.map((r) => `<li>${e(REASON_TEXT_NL[r as RejectionReason] ?? r)}</li>`).join('')}</ul>` : ''}</td>
        <td>${e(euro(a.grantedCents))}</td><td>${e(a.decisionReference ?? '')}</td>
        <td>${offersWithdrawal(a, ctx.now()) ? `<a class="utrecht-link" href="${e(withdrawPath(a.id))}">Aanvraag intrekken<span class="visually-hidden"> (${e(a.trainingName)})</span></a><br>` : ''}<a class="utrecht-link" href="${e(changeReportPath(a.id))}">Wijziging doorgeven<span class="visually-hidden"> (${e(a.trainingName)})</span></a></td></tr>`).join('');
    response.send(page('Mijn STAP-budget', `
      <p class="utrecht-paragraph">${overview.excludedUntil ? `U bent uitgesloten van STAP-budget tot en met ${e(dutchDate(overview.excludedUntil))}.` : overview.canApplyThisYear ? 'U kunt dit kalenderjaar nog een STAP-budget krijgen.' : 'U hebt dit kalenderjaar al een STAP-budget gekregen.'}</p>
      <table class="utrecht-table"><caption>Uw aanvragen</caption>
        <thead><tr><th scope="col">Opleiding</th><th scope="col">Aangevraagd op</th><th scope="col">Besluit</th><th scope="col">Bedrag</th><th scope="col">Kenmerk</th><th scope="col">Actie</th></tr></thead>
        <tbody>${rows || '<tr><td colspan="6">U hebt nog geen aanvragen gedaan.</td></tr>'}</tbody></table>
      <p class="utrecht-paragraph">Een toegekende aanvraag kunt u intrekken tot de opleiding begint. <a class="utrecht-link" href="${DATA_ACCESS_PATH}">Wie heeft mijn gegevens bekeken?</a></p>
      <p class="utrecht-paragraph">Is er iets veranderd, bijvoorbeeld uw e-mailadres, of begint de opleiding niet of later, of bent u eerder gestopt? Kies dan bij de aanvraag "Wijziging doorgeven".</p>
      ${await changeReportsSection(ctx, session.bsn, overview.applications)}`, { loggedIn: true }));
  });
}
