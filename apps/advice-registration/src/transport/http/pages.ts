// Pages for advisers, in Dutch: sign in (development token), see the organisation's own trajectories, register a
// trajectory. The same use cases as the APIs; an adviser sees only their own organisation's trajectories.
import { createRequire } from 'node:module';
import express, { type Request, type Response, type Router } from 'express';
import { ApplicationError } from '@stap/platform/errors';
import type { UseCaseContext } from '../../application/context';
import { isoDateOf } from '../../application/context';
import { registerTrajectory } from '../../application/register-trajectory';
import { completeTrajectory, getTrajectory, listTrajectories } from '../../application/trajectories';
import { submitClaim } from '../../application/submit-claim';
import { profileCodes, profileValue } from '../../domain/profile';
import { isUuid } from '../../domain/registration';
import type { TrajectoryRow } from '../../infrastructure/prisma/client';
import type { Actor } from '../../domain/actor';
import { html, layout, type SafeHtml } from './html';
import { jsonFieldName } from './errors';
import { cookieToken, SESSION_COOKIE, type IdentityTable } from './identity';

const STATUS_NL: Record<string, string> = {
  REGISTERED: 'Geregistreerd',
  COMPLETED: 'Afgerond',
  CANCELLED: 'Geannuleerd',
  CLAIM_ACCEPTED: 'Gedeclareerd en goedgekeurd',
  PAID: 'Betaald',
};

const TRANCHES = [
  { id: 'NLLD_ONTWIKKELADVIES-2020-12', label: 'NL Leert Door ontwikkeladvies, tweede tranche' },
  { id: 'NLLD_ONTWIKKELADVIES-2020-08', label: 'NL Leert Door ontwikkeladvies, eerste tranche' },
  { id: 'STAP_ONTWIKKELADVIES-2022-04', label: 'Ontwikkeladvies STAP 2022' },
];

const FIELD_LABELS: Record<string, string> = {
  tijdvakId: 'Tranche',
  careerAdviserId: 'Loopbaanadviseur (id)',
  participantBsn: 'BSN van de deelnemer',
  participantBirthDate: 'Geboortedatum',
  plannedStartDate: 'Geplande startdatum',
  'profile.educationLevel': 'Opleidingsniveau',
  'profile.sector': 'Sector',
  'profile.employmentStatus': 'Arbeidssituatie',
};

const maskBsn = (bsn: string) => `******${bsn.slice(-3)}`;
const euro = (cents: bigint | number) => `€ ${(Number(cents) / 100).toFixed(2).replace('.', ',')}`;

const REJECTION_NL: Record<string, string> = {
  UNKNOWN_TRAJECTORY: 'onbekend traject',
  OTHER_ORGANISATION: 'traject van een andere organisatie',
  OTHER_TRANCHE: 'traject hoort bij een andere tranche',
  CANCELLED: 'traject is geannuleerd',
  ALREADY_CLAIMED: 'al eerder gedeclareerd',
  NOT_COMPLETED: 'traject is niet afgerond',
  LABOUR_MARKET_SCAN_MISSING: 'arbeidsmarktscan ontbreekt',
  CAP_REACHED: 'maximum aantal goedgekeurde declaraties bereikt',
};

function trajectoryTable(rows: TrajectoryRow[]): SafeHtml {
  if (rows.length === 0) return html`<p class="utrecht-paragraph">Uw organisatie heeft nog geen trajecten geregistreerd.</p>`;
  return html`<table class="utrecht-table">
<caption class="utrecht-table__caption">Trajecten van uw organisatie, nieuwste eerst</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th scope="col" class="utrecht-table__header-cell">Tranche</th><th scope="col" class="utrecht-table__header-cell">Deelnemer</th>
<th scope="col" class="utrecht-table__header-cell">Start</th><th scope="col" class="utrecht-table__header-cell">Status</th>
<th scope="col" class="utrecht-table__header-cell">Bedrag</th><th scope="col" class="utrecht-table__header-cell">Actie</th></tr></thead>
<tbody class="utrecht-table__body">${rows.map(
    (row) => html`<tr class="utrecht-table__row"><td class="utrecht-table__cell">${row.tijdvakId}</td><td class="utrecht-table__cell">${maskBsn(row.participantBsn)}, ${row.participantAge} jaar</td>
<td class="utrecht-table__cell">${isoDateOf(row.plannedStartDate)}</td><td class="utrecht-table__cell">${STATUS_NL[row.status] ?? row.status}</td>
<td class="utrecht-table__cell">${euro(row.priceCents)}</td>
<td class="utrecht-table__cell">${row.status === 'REGISTERED' ? html`<a class="utrecht-link" href="/adviseur/trajecten/${row.id}/afronden">Afronden<span class="utrecht-visually-hidden"> (deelnemer ${maskBsn(row.participantBsn)})</span></a>` : ''}</td></tr>`,
  )}</tbody></table>`;
}

function options(field: 'educationLevel' | 'sector' | 'employmentStatus', selected: string | undefined): SafeHtml[] {
  return profileCodes(field).map((code) => html`<option value="${code}"${code === selected ? html` selected` : ''}>${code.replace(/_/g, ' ').toLowerCase()}</option>`);
}

function registrationForm(values: Record<string, string>, errors: { name: string; reason: string }[] = [], message = ''): SafeHtml {
  const field = (name: string, label: string, type = 'text', hint = '') => {
    const error = errors.find((e) => e.name === name);
    // The hint and the error are both read with the input (WCAG 1.3.1, 3.3.2): aria-describedby names both.
    const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-fout` : ''].filter(Boolean).join(' ');
    return html`<div class="utrecht-form-field${error ? html` utrecht-form-field--invalid` : ''}">
<label class="utrecht-form-label" for="${name}">${label}</label>${hint ? html`<p class="utrecht-form-field-description" id="${name}-hint">${hint}</p>` : ''}
${error ? html`<p class="utrecht-form-field-error-message" id="${name}-fout">${error.reason}</p>` : ''}
<input class="utrecht-textbox" id="${name}" name="${name}" type="${type}" value="${values[name] ?? ''}"${error ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}></div>`;
  };
  const select = (name: 'educationLevel' | 'sector' | 'employmentStatus', label: string) =>
    html`<div class="utrecht-form-field"><label class="utrecht-form-label" for="${name}">${label}</label>
<select class="utrecht-select" id="${name}" name="${name}">${options(name, values[name])}</select></div>`;
  return html`${message || errors.length > 0
    ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${message || 'Het formulier bevat fouten.'}</p>
<ul class="utrecht-unordered-list">${errors.map((e) => html`<li><a class="utrecht-link" href="#${e.name}">${FIELD_LABELS[e.name] ?? e.name}: ${e.reason}</a></li>`)}</ul></div>`
    : ''}
<form method="post" action="/adviseur/trajecten/nieuw" novalidate>
<div class="utrecht-form-field"><label class="utrecht-form-label" for="tijdvakId">Tranche</label>
<select class="utrecht-select" id="tijdvakId" name="tijdvakId">${TRANCHES.map((t) => html`<option value="${t.id}"${t.id === values.tijdvakId ? html` selected` : ''}>${t.label}</option>`)}</select></div>
${field('careerAdviserId', 'Loopbaanadviseur (id)', 'text', 'Het id waaronder de adviseur bij het register bekend is.')}
${field('participantBsn', 'BSN van de deelnemer', 'text', '9 cijfers.')}
${field('participantBirthDate', 'Geboortedatum', 'date')}
${field('plannedStartDate', 'Geplande startdatum', 'date', 'Registreer het traject vóór het begint.')}
${select('educationLevel', 'Opleidingsniveau')}${select('sector', 'Sector')}${select('employmentStatus', 'Arbeidssituatie')}
<div class="utrecht-form-field utrecht-form-field--checkbox"><input class="utrecht-checkbox" type="checkbox" id="dutchLabourMarketTie" name="dutchLabourMarketTie" value="ja"${values.dutchLabourMarketTie ? html` checked` : ''}>
<label class="utrecht-form-label utrecht-form-label--checkbox" for="dutchLabourMarketTie">De deelnemer werkt of zoekt werk in Nederland</label></div>
<p class="utrecht-paragraph">Opleidingsniveau, sector en arbeidssituatie gebruiken wij alleen voor geanonimiseerde rapportages (doelbinding).</p>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Traject registreren</button>
</form>`;
}


function errorSummary(message: string, errors: { name: string; reason: string }[] = []): SafeHtml {
  return html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${message}</p>
${errors.length > 0 ? html`<ul class="utrecht-unordered-list">${errors.map((e) => html`<li><a class="utrecht-link" href="#${e.name}">${e.reason}</a></li>`)}</ul>` : ''}</div>`;
}

function completionForm(row: TrajectoryRow, problem?: SafeHtml): SafeHtml {
  return html`${problem ?? ''}<p class="utrecht-paragraph">Deelnemer ${maskBsn(row.participantBsn)}, tranche ${row.tijdvakId}, gestart op ${isoDateOf(row.plannedStartDate)}.</p>
<form method="post" action="/adviseur/trajecten/${row.id}/afronden">
<input type="hidden" name="version" value="${row.version}">
<div class="utrecht-form-field"><label class="utrecht-form-label" for="completedOn">Datum laatste gesprek</label>
<input class="utrecht-textbox" id="completedOn" name="completedOn" type="date"></div>
<div class="utrecht-form-field utrecht-form-field--checkbox"><input class="utrecht-checkbox" type="checkbox" id="labourMarketScanDone" name="labourMarketScanDone" value="ja">
<label class="utrecht-form-label utrecht-form-label--checkbox" for="labourMarketScanDone">De arbeidsmarktscan is gedaan</label></div>
<div class="utrecht-form-field utrecht-form-field--checkbox"><input class="utrecht-checkbox" type="checkbox" id="developmentPlanDelivered" name="developmentPlanDelivered" value="ja">
<label class="utrecht-form-label utrecht-form-label--checkbox" for="developmentPlanDelivered">Het ontwikkelplan is aan de deelnemer gegeven</label></div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Traject afronden</button></form>`;
}

function claimForm(rows: TrajectoryRow[], tijdvakId: string): SafeHtml {
  const claimable = rows.filter((row) => row.status === 'COMPLETED' && row.claimId === null && row.tijdvakId === tijdvakId);
  if (claimable.length === 0) return html`<p class="utrecht-paragraph">Er zijn geen afgeronde trajecten in deze tranche om te declareren.</p>`;
  return html`<form method="post" action="/adviseur/declaraties"><input type="hidden" name="tijdvakId" value="${tijdvakId}">
<fieldset class="utrecht-form-fieldset"><legend class="utrecht-form-fieldset__legend">Afgeronde trajecten in ${tijdvakId}</legend>
${claimable.map((row) => html`<div class="utrecht-form-field utrecht-form-field--checkbox"><input class="utrecht-checkbox" type="checkbox" id="t-${row.id}" name="trajectoryIds" value="${row.id}" checked>
<label class="utrecht-form-label utrecht-form-label--checkbox" for="t-${row.id}">Deelnemer ${maskBsn(row.participantBsn)}, afgerond op ${row.completedOn ? isoDateOf(row.completedOn) : ''}, ${euro(row.priceCents)}</label></div>`)}
</fieldset><button class="utrecht-button utrecht-button--primary-action" type="submit">Declaratie indienen</button></form>`;
}

/** Completion and bundled claims for advisers, on the same use cases. */
function completionAndClaimRoutes(router: Router, useCases: UseCaseContext, signedIn: (request: Request) => Actor | undefined, send: Send): void {
  const form = express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 2_000 });
  const field = (request: Request, name: string) => {
    const value = (request.body as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' ? value.slice(0, 200) : '';
  };
  router.get('/adviseur/trajecten/:id/afronden', async (request, response) => {
    const actor = signedIn(request);
    if (!actor) return response.redirect(303, '/adviseur');
    if (!isUuid(String(request.params.id))) return send(response, 404, 'Traject niet gevonden', html`<p class="utrecht-paragraph">Dit traject bestaat niet.</p>`);
    const row = await getTrajectory(useCases, String(request.params.id), actor).catch(() => undefined);
    if (!row) return send(response, 404, 'Traject niet gevonden', html`<p class="utrecht-paragraph">Dit traject bestaat niet of hoort niet bij uw organisatie.</p>`);
    send(response, 200, 'Traject afronden', completionForm(row));
  });
  router.post('/adviseur/trajecten/:id/afronden', form, async (request, response) => {
    const actor = signedIn(request);
    if (!actor) return response.redirect(303, '/adviseur');
    const trajectoryId = String(request.params.id);
    try {
      await completeTrajectory(
        useCases,
        {
          trajectoryId,
          expectedVersion: Number(field(request, 'version')) || 0,
          completedOn: field(request, 'completedOn'),
          labourMarketScanDone: field(request, 'labourMarketScanDone') === 'ja',
          developmentPlanDelivered: field(request, 'developmentPlanDelivered') === 'ja',
          nextStep: 0,
        },
        actor,
      );
      response.redirect(303, '/adviseur/trajecten');
    } catch (error) {
      if (!(error instanceof ApplicationError)) throw error;
      const row = await getTrajectory(useCases, trajectoryId, actor).catch(() => undefined);
      const errors = error.violations.map((v) => ({ name: 'completedOn', reason: v.description }));
      if (!row) return send(response, 404, 'Traject niet gevonden', errorSummary(error.message));
      send(response, error.kind === 'invalid' ? 400 : 422, 'Traject afronden', completionForm(row, errorSummary(errors.length > 0 ? 'Het formulier bevat fouten.' : error.message, errors)));
    }
  });
  router.get('/adviseur/declaraties', async (request, response) => {
    const actor = signedIn(request);
    if (!actor) return response.redirect(303, '/adviseur');
    const tijdvakId = typeof request.query.tranche === 'string' ? request.query.tranche : (TRANCHES[0]?.id ?? '');
    const page = await listTrajectories(useCases, { tijdvakId, pageSize: 500, statuses: ['COMPLETED'] }, actor);
    send(response, 200, 'Declareren', html`<p class="utrecht-paragraph">Kies de afgeronde trajecten die u in één declaratie wilt indienen. Elk traject wordt apart beoordeeld.</p>
${claimForm(page.rows, tijdvakId)}`);
  });
  router.post('/adviseur/declaraties', form, async (request, response) => {
    const actor = signedIn(request);
    if (!actor) return response.redirect(303, '/adviseur');
    const raw = (request.body as Record<string, unknown> | undefined)?.trajectoryIds;
    const ids = (Array.isArray(raw) ? raw : [raw]).filter((id): id is string => typeof id === 'string').slice(0, 1_000);
    const tijdvakId = field(request, 'tijdvakId');
    const organisation = await useCases.prisma.adviserOrganisation.findFirst({ where: { kvkNumber: actor.kvkNumber ?? '' } });
    try {
      const { claim, lines } = await submitClaim(useCases, { adviserOrganisationId: organisation?.id ?? '', tijdvakId, trajectoryIds: ids }, actor);
      send(response, 201, 'Declaratie beoordeeld', html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">Goedgekeurd: ${euro(claim.acceptedCents)} van ${euro(claim.requestedCents)}.</p></div>
<ul class="utrecht-unordered-list">${lines.map((line) => html`<li>Traject ${line.trajectoryId}: ${line.accepted ? html`goedgekeurd, ${euro(line.amountCents)}` : html`afgewezen (${REJECTION_NL[line.rejectionReason ?? ''] ?? line.rejectionReason})`}</li>`)}</ul>`);
    } catch (error) {
      if (!(error instanceof ApplicationError)) throw error;
      send(response, error.kind === 'invalid' ? 400 : 422, 'Declareren', errorSummary(error.kind === 'invalid' ? 'Kies ten minste één traject.' : error.message));
    }
  });
}

type Send = (response: Response, status: number, title: string, body: SafeHtml, isSignedIn?: boolean) => void;

export function pageRoutes(router: Router, useCases: UseCaseContext, tokens: IdentityTable): void {
  const cssPath = createRequire(__filename).resolve('@utrecht/component-library-css/dist/index.css');
  const form = express.urlencoded({ extended: false, limit: '20kb' });
  const signedIn = (request: Request) => {
    const token = cookieToken(request);
    const identity = token ? tokens.get(token) : undefined;
    return identity?.kind === 'adviser' ? identity : undefined;
  };
  const send = (response: Response, status: number, title: string, body: SafeHtml, isSignedIn = true) =>
    void response.status(status).type('html').send(layout(title, body, isSignedIn));

  router.get('/static/utrecht.css', (_request, response) => response.sendFile(cssPath));
  completionAndClaimRoutes(router, useCases, signedIn, send);
  router.get('/adviseur', (request, response) => {
    if (signedIn(request)) return response.redirect(303, '/adviseur/trajecten');
    send(response, 200, 'Inloggen', html`<form method="post" action="/adviseur/inloggen">
<div class="utrecht-form-field"><label class="utrecht-form-label" for="token">Toegangscode van uw organisatie</label>
<p class="utrecht-form-field-description">In de ontwikkelomgeving een code uit DEV_TOKENS; in productie logt u in met eHerkenning.</p>
<input class="utrecht-textbox" id="token" name="token" type="password" autocomplete="off"></div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Inloggen</button></form>`, false);
  });
  router.post('/adviseur/inloggen', form, (request, response) => {
    const token = typeof request.body?.token === 'string' ? request.body.token : '';
    if (tokens.get(token)?.kind !== 'adviser') {
      return send(response, 401, 'Inloggen', html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">Deze toegangscode is niet bekend. <a class="utrecht-link" href="/adviseur">Probeer het opnieuw</a>.</p></div>`, false);
    }
    response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/adviseur' }).redirect(303, '/adviseur/trajecten');
  });
  router.post('/adviseur/uitloggen', (_request, response) => void response.clearCookie(SESSION_COOKIE, { path: '/adviseur' }).redirect(303, '/adviseur'));
  router.get('/adviseur/trajecten', async (request, response) => {
    const actor = signedIn(request);
    if (!actor) return response.redirect(303, '/adviseur');
    const page = await listTrajectories(useCases, { pageSize: 200 }, actor);
    send(response, 200, 'Mijn trajecten', html`${request.query.geregistreerd ? html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">Het traject is geregistreerd.</p></div>` : ''}${trajectoryTable(page.rows)}`);
  });
  router.get('/adviseur/trajecten/nieuw', (request, response) => {
    if (!signedIn(request)) return response.redirect(303, '/adviseur');
    send(response, 200, 'Traject registreren', registrationForm({ tijdvakId: TRANCHES[0]?.id ?? '' }));
  });
  router.post('/adviseur/trajecten/nieuw', form, async (request, response) => {
    const actor = signedIn(request);
    if (!actor) return response.redirect(303, '/adviseur');
    const values = Object.fromEntries(Object.entries((request.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 200) : '']));
    try {
      await registerTrajectory(
        useCases,
        {
          tijdvakId: values.tijdvakId ?? '',
          regeling: '',
          careerAdviserId: values.careerAdviserId ?? '',
          participantBsn: (values.participantBsn ?? '').replace(/\s/g, ''),
          participantBirthDate: values.participantBirthDate ?? '',
          plannedStartDate: values.plannedStartDate ?? '',
          dutchLabourMarketTie: values.dutchLabourMarketTie === 'ja',
          educationLevel: profileValue('educationLevel', values.educationLevel),
          sector: profileValue('sector', values.sector),
          employmentStatus: profileValue('employmentStatus', values.employmentStatus),
        },
        actor,
      );
      response.redirect(303, '/adviseur/trajecten?geregistreerd=1');
    } catch (error) {
      if (!(error instanceof ApplicationError)) throw error;
      const errors = error.violations.map((v) => ({ name: jsonFieldName(v.field), reason: v.description }));
      send(response, error.kind === 'invalid' ? 400 : 422, 'Traject registreren', registrationForm(values, errors, errors.length > 0 ? '' : error.message));
    }
  });
}
