// Provider web pages for manual entry (issue 5; DOMAIN.md §3 "submitted by providers' systems, by bulk feed and by
// hand"): log in, list the own trainings with status and applyability (a page at a time), register a programme,
// change a programme's descriptive fields (UpdateTraining), see a training with its start moments, add a start moment (Dutch address, dates, price in euros -> integer cents), cancel a start
// moment, withdraw a training, set "niet beschikbaar voor STAP". Every change goes through the same use case as
// gRPC, so the rules are the same; bad input re-renders the form with a Dutch message per field and changes
// nothing. Server-rendered Dutch HTML with NL Design System (Utrecht) CSS.
import { createRequire } from 'node:module';
import express, { type Request, type Response, type Router } from 'express';
import { ApplicationError } from '@stap/platform/errors';
import type { Identity } from '@stap/platform/grpc';
import type { PrismaClient } from '../../infrastructure/prisma/client';
import { createTraining } from '../../application/create-training';
import { addStartMoment, cancelStartMoment, markStartMomentFull } from '../../application/manage-start-moments';
import { updateStartMoment } from '../../application/update-start-moment';
import { setStapAvailability, updateTraining, withdrawTraining, type TrainingChanges } from '../../application/training-lifecycle';
import { getTraining, type TrainingView } from '../../application/get-training';
import { listProviderTrainings, providerOfActor } from '../../application/list-provider-trainings';
import { requireProviderActor } from '../../application/actor';
import { DELIVERY_MODES, EQF_LEVELS, LOCATION_KINDS, NLQF_LEVELS, SECTORS, type StartMomentInput } from '../../domain/training';
import { formatEuroCents, parseEuroCents } from '../../domain/euro-amount';
import { isoDate } from '../../infrastructure/training-store';
import { checkboxField, errorSummary, hiddenCsrf, html, layout, selectField, textField, type FieldError, type SafeHtml } from './html';
import { sessionKit, type ProviderSession, type SessionOptions } from './provider-session';
import {
  CLOSED_REASON_NL, DELIVERY_NL, EQF_NL, fieldErrors, LOCATION_NL, NLQF_NL, PRECONDITION_NL, SECTOR_NL, START_MOMENT_STATUS_NL, TRAINING_STATUS_NL,
} from './provider-form-text';

type Form = Record<string, string>;
const choices = (values: readonly string[], labels: Record<string, string>) => values.map((value) => ({ value, label: labels[value] ?? value }));
const text = (form: Form, id: string) => form[id] ?? '';
/** A whole number as typed; anything else is NaN, which the use case's check refuses with the field's message. */
const wholeNumber = (value: string) => (/^\s*\d{1,9}\s*$/.test(value) ? Number(value) : Number.NaN);

// ---- Pages ---------------------------------------------------------------------------------------------------

function loginPage(csrf: string, error?: string): SafeHtml {
  const errors: FieldError[] = error ? [{ id: 'toegangscode', message: error }] : [];
  return html`${errorSummary(errors, 'U bent niet ingelogd.')}
<p class="utrecht-paragraph">Log in om de opleidingen van uw organisatie in te voeren en bij te houden. In productie logt u in met eHerkenning; in deze ontwikkelomgeving met de toegangscode van uw organisatie.</p>
<form method="post" action="/aanbieder/inloggen" novalidate>${hiddenCsrf(csrf)}
${textField('toegangscode', 'Toegangscode', '', errors, { type: 'password', required: true, autocomplete: 'current-password' })}
<button class="utrecht-button utrecht-button--primary-action" type="submit">Inloggen</button></form>`;
}

function trainingsPage(list: Awaited<ReturnType<typeof listProviderTrainings>>): SafeHtml {
  if (list.total === 0) return html`<p class="utrecht-paragraph">Uw organisatie heeft nog geen opleidingen in het register. <a class="utrecht-link" href="/aanbieder/opleidingen/nieuw">Voeg een opleiding toe</a>.</p>`;
  const pageText = list.pageCount > 1 ? `, pagina ${list.page} van ${list.pageCount}` : '';
  return html`<table class="utrecht-table"><caption class="utrecht-table__caption">Opleidingen van ${list.provider.communicationName} (${list.total}${pageText})</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th scope="col" class="utrecht-table__header-cell">Opleiding</th><th scope="col" class="utrecht-table__header-cell">Programmacode</th>
<th scope="col" class="utrecht-table__header-cell">Status</th><th scope="col" class="utrecht-table__header-cell">Aan te vragen met STAP</th><th scope="col" class="utrecht-table__header-cell">Open startmomenten</th></tr></thead>
<tbody class="utrecht-table__body">${list.trainings.map((t) => html`<tr class="utrecht-table__row">
<td class="utrecht-table__cell"><a class="utrecht-link" href="/aanbieder/opleidingen/${t.id}">${t.name}</a></td><td class="utrecht-table__cell">${t.providerProgrammeCode}</td>
<td class="utrecht-table__cell">${statusText(t)}</td><td class="utrecht-table__cell">${t.applyable ? 'Ja' : 'Nee'}${t.notAvailableForStap ? ' (niet beschikbaar voor STAP)' : ''}</td><td class="utrecht-table__cell">${t.openStartMoments}</td></tr>`)}</tbody></table>
${pageLinks(list.page, list.pageCount)}`;
}

/** Previous / next links of the own-trainings list (page numbers in the URL, so a page can be bookmarked). */
function pageLinks(page: number, pageCount: number): SafeHtml | string {
  if (pageCount <= 1) return '';
  const link = (to: number, label: string, rel: string) => html`<li><a class="utrecht-link" rel="${rel}" href="/aanbieder/opleidingen?pagina=${to}">${label}<span class="utrecht-visually-hidden"> (pagina ${to})</span></a></li>`;
  return html`<nav aria-label="Pagina's van de opleidingen"><ul class="utrecht-unordered-list">
${page > 1 ? link(page - 1, 'Vorige pagina', 'prev') : ''}<li aria-current="page">Pagina ${page} van ${pageCount}</li>${page < pageCount ? link(page + 1, 'Volgende pagina', 'next') : ''}</ul></nav>`;
}

/** The page number of `?pagina=`: absent is 1; anything but a whole number from 1 is refused (null). */
function pageNumber(value: unknown): number | null {
  if (value === undefined || value === '') return 1;
  return typeof value === 'string' && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null;
}

const statusText = (t: { status: string; applicationClosedReason: string | null }) =>
  `${TRAINING_STATUS_NL[t.status] ?? t.status}${t.applicationClosedReason ? `: ${CLOSED_REASON_NL[t.applicationClosedReason] ?? t.applicationClosedReason}` : ''}`;

const PROGRAMME_DEFAULTS: Form = { taal: 'nl', nlqf: 'NLQF_LEVEL_NOT_CLASSIFIED', eqf: 'EQF_LEVEL_NOT_CLASSIFIED', sector: 'SECTOR_OTHER', lesvorm: 'DELIVERY_MODE_CLASSROOM' };

/**
 * Registering (no `change`) or changing a programme: the same descriptive fields; a change keeps the programme code
 * (the key of feeds and of the provider's own systems) and sends back the version read, so a change by someone
 * else in between is refused instead of overwritten.
 */
function trainingForm(csrf: string, form: Form, errors: FieldError[], change?: { trainingId: string; message?: string }): SafeHtml {
  const values = { ...PROGRAMME_DEFAULTS, ...form };
  return html`${change?.message ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${change.message}</p></div>` : ''}${errorSummary(errors)}
<form method="post" action="${change ? `/aanbieder/opleidingen/${change.trainingId}/wijzigen` : '/aanbieder/opleidingen/nieuw'}" novalidate>${hiddenCsrf(csrf)}
${change
    ? html`<input type="hidden" name="versie" value="${text(values, 'versie')}"><input type="hidden" name="programmacode" value="${text(values, 'programmacode')}"><p class="utrecht-paragraph">Programmacode: ${text(values, 'programmacode')}</p>`
    : textField('programmacode', 'Programmacode', text(values, 'programmacode'), errors, { required: true, hint: 'Uw eigen code voor deze opleiding, bijvoorbeeld BOEK-01. Letters, cijfers, punt, liggend streepje of koppelteken.' })}
${textField('naam', 'Naam van de opleiding', text(values, 'naam'), errors, { required: true })}
${textField('omschrijving', 'Omschrijving', text(values, 'omschrijving'), errors, { hint: 'Zonder omschrijving blijft de opleiding onvolledig en is zij niet aan te vragen.' })}
${textField('studielast', 'Studielast in uren', text(values, 'studielast'), errors, { required: true, inputmode: 'numeric' })}
${selectField('nlqf', 'NLQF-niveau', choices(NLQF_LEVELS, NLQF_NL), text(values, 'nlqf'), errors)}
${selectField('eqf', 'EQF-niveau', choices(EQF_LEVELS, EQF_NL), text(values, 'eqf'), errors)}
${selectField('sector', 'Sector', choices(SECTORS, SECTOR_NL), text(values, 'sector'), errors)}
${textField('taal', 'Taal (code van twee letters)', text(values, 'taal'), errors, { required: true, hint: 'Bijvoorbeeld nl voor Nederlands of en voor Engels.' })}
${selectField('lesvorm', 'Lesvorm', choices(DELIVERY_MODES, DELIVERY_NL), text(values, 'lesvorm'), errors)}
${checkboxField('certificaat', 'De opleiding leidt tot een certificaat of diploma', values.certificaat === 'ja')}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${change ? 'Wijzigingen opslaan' : 'Opleiding opslaan'}</button></form>
${change ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/aanbieder/opleidingen/${change.trainingId}">Terug naar de opleiding</a></p>` : ''}`;
}

/** Adding (no `change`) or changing a start moment: the same fields; a change keeps the code and sends the version read. */
function startMomentForm(csrf: string, trainingId: string, form: Form, errors: FieldError[], change?: { startMomentId: string; message?: string }): SafeHtml {
  const values = { locatiesoort: 'LOCATION_KIND_NETHERLANDS_ADDRESS', ...form };
  const action = change ? `/aanbieder/startmomenten/${change.startMomentId}/wijzigen` : `/aanbieder/opleidingen/${trainingId}/startmomenten/nieuw`;
  return html`${change?.message ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${change.message}</p></div>` : ''}${errorSummary(errors)}
<form method="post" action="${action}" novalidate>${hiddenCsrf(csrf)}
${change
    ? html`<input type="hidden" name="versie" value="${text(values, 'versie')}"><input type="hidden" name="startmomentcode" value="${text(values, 'startmomentcode')}"><p class="utrecht-paragraph">Code van het startmoment: ${text(values, 'startmomentcode')}</p>`
    : textField('startmomentcode', 'Code van het startmoment', text(values, 'startmomentcode'), errors, { required: true, hint: 'Uw eigen code, bijvoorbeeld 2026-09-UTR.' })}
${textField('startdatum', 'Startdatum', text(values, 'startdatum'), errors, { type: 'date', required: true })}
${textField('einddatum', 'Einddatum', text(values, 'einddatum'), errors, { type: 'date', required: true })}
${selectField('locatiesoort', 'Waar wordt de opleiding gegeven?', choices(LOCATION_KINDS, LOCATION_NL), text(values, 'locatiesoort'), errors)}
<fieldset class="utrecht-form-fieldset"><legend class="utrecht-form-fieldset__legend">Adres in Nederland (alleen bij een adres in Nederland)</legend>
${textField('straat', 'Straat', text(values, 'straat'), errors, { autocomplete: 'address-line1' })}
${textField('huisnummer', 'Huisnummer', text(values, 'huisnummer'), errors, { inputmode: 'numeric' })}
${textField('toevoeging', 'Toevoeging', text(values, 'toevoeging'), errors)}
${textField('postcode', 'Postcode', text(values, 'postcode'), errors, { hint: 'Bijvoorbeeld 3511 ED.', autocomplete: 'postal-code' })}
${textField('plaats', 'Plaats', text(values, 'plaats'), errors, { autocomplete: 'address-level2' })}
${textField('locatienaam', 'Naam van de locatie', text(values, 'locatienaam'), errors)}</fieldset>
${textField('landcode', 'Land (alleen in het buitenland)', text(values, 'landcode'), errors, { hint: 'Code van twee hoofdletters, zoals BE.' })}
<fieldset class="utrecht-form-fieldset"><legend class="utrecht-form-fieldset__legend">Prijs in euro's, inclusief btw</legend>
${textField('cursusprijs', 'Cursusprijs', text(values, 'cursusprijs'), errors, { required: true, inputmode: 'decimal', hint: 'Bijvoorbeeld 1.250,00. Hoogstens twee cijfers achter de komma.' })}
${textField('examenkosten', 'Examenkosten', text(values, 'examenkosten'), errors, { inputmode: 'decimal' })}
${textField('lesmateriaal', 'Kosten van lesmateriaal', text(values, 'lesmateriaal'), errors, { inputmode: 'decimal' })}</fieldset>
${textField('plaatsen', 'Aantal plaatsen', text(values, 'plaatsen'), errors, { inputmode: 'numeric', hint: 'Een heel getal van 1 tot en met 100.000.' })}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${change ? 'Wijzigingen opslaan' : 'Startmoment toevoegen'}</button></form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/aanbieder/opleidingen/${trainingId}">Terug naar de opleiding</a></p>`;
}

function place(sm: TrainingView['startMoments'][number]): string {
  if (sm.locationKind === 'LOCATION_KIND_ONLINE') return 'Online';
  if (sm.locationKind === 'LOCATION_KIND_ABROAD') return `Buitenland (${sm.countryCode ?? ''})`;
  return `${sm.street ?? ''} ${sm.houseNumber ?? ''}${sm.houseNumberAddition ? ` ${sm.houseNumberAddition}` : ''}, ${sm.postalCode ? `${sm.postalCode.slice(0, 4)} ${sm.postalCode.slice(4)}` : ''} ${sm.city ?? ''}`;
}

interface DetailState {
  errors?: FieldError[];
  message?: string;
  form?: Form;
}

function detailPage(csrf: string, t: TrainingView, state: DetailState = {}): SafeHtml {
  const errors = state.errors ?? [];
  const form = state.form ?? {};
  const active = t.lifecycle === 'ACTIVE';
  const rows = t.startMoments.map((sm) => html`<tr class="utrecht-table__row">
<td class="utrecht-table__cell">${sm.providerStartMomentCode}</td><td class="utrecht-table__cell">${isoDate(sm.startDate)} t/m ${isoDate(sm.endDate)}</td>
<td class="utrecht-table__cell">${place(sm)}</td><td class="utrecht-table__cell">€ ${formatEuroCents(sm.totalCents)}</td><td class="utrecht-table__cell">${sm.capacity ?? 'niet opgegeven'}</td>
<td class="utrecht-table__cell">${START_MOMENT_STATUS_NL[sm.status] ?? sm.status}${sm.cancellationReason ? ` (${sm.cancellationReason})` : ''}</td>
<td class="utrecht-table__cell">${sm.status === 'CANCELLED' || !active ? '' : html`<a class="utrecht-link" href="/aanbieder/startmomenten/${sm.id}/wijzigen">Wijzigen<span class="utrecht-visually-hidden"> startmoment ${sm.providerStartMomentCode}</span></a>
${sm.status === 'OPEN' ? html`<form method="post" action="/aanbieder/startmomenten/${sm.id}/vol" novalidate>${hiddenCsrf(csrf)}<button class="utrecht-button utrecht-button--secondary-action" type="submit">Vol melden<span class="utrecht-visually-hidden"> startmoment ${sm.providerStartMomentCode}</span></button></form>` : ''}`}</td>
<td class="utrecht-table__cell">${sm.status === 'CANCELLED' ? '' : html`<form method="post" action="/aanbieder/startmomenten/${sm.id}/annuleren" novalidate>${hiddenCsrf(csrf)}
${textField(`reden-${sm.id}`, `Reden van annuleren (startmoment ${sm.providerStartMomentCode})`, form[`reden-${sm.id}`] ?? '', errors, { required: true })}
<button class="utrecht-button utrecht-button--secondary-action" type="submit">Annuleren<span class="utrecht-visually-hidden"> startmoment ${sm.providerStartMomentCode}</span></button></form>`}</td></tr>`);
  return html`${state.message ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${state.message}</p></div>` : ''}${errorSummary(errors)}
<dl>
<dt>Programmacode</dt><dd>${t.providerProgrammeCode}</dd>
<dt>Status</dt><dd>${statusText(t)}</dd>
<dt>Aan te vragen met STAP</dt><dd>${t.applyable ? 'Ja' : 'Nee'}</dd>
<dt>Niet beschikbaar voor STAP</dt><dd>${t.notAvailableForStap ? 'Ja' : 'Nee'}</dd>
<dt>Omschrijving</dt><dd>${t.description || '(geen)'}</dd>
<dt>Studielast</dt><dd>${t.studyLoadHours} uur</dd>
<dt>Niveau</dt><dd>${NLQF_NL[t.nlqfLevel] ?? t.nlqfLevel}, ${EQF_NL[t.eqfLevel] ?? t.eqfLevel}</dd>
<dt>Sector</dt><dd>${SECTOR_NL[t.sector] ?? t.sector}</dd>
<dt>Lesvorm</dt><dd>${DELIVERY_NL[t.deliveryMode] ?? t.deliveryMode}</dd>
</dl>
<h2 class="utrecht-heading-2">Startmomenten</h2>
${t.startMoments.length === 0 ? html`<p class="utrecht-paragraph">Nog geen startmomenten.</p>` : html`<table class="utrecht-table"><caption class="utrecht-table__caption">Startmomenten, ook geannuleerde</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th scope="col" class="utrecht-table__header-cell">Code</th><th scope="col" class="utrecht-table__header-cell">Periode</th>
<th scope="col" class="utrecht-table__header-cell">Locatie</th><th scope="col" class="utrecht-table__header-cell">Totaalprijs incl. btw</th><th scope="col" class="utrecht-table__header-cell">Plaatsen</th><th scope="col" class="utrecht-table__header-cell">Status</th><th scope="col" class="utrecht-table__header-cell">Wijzigen</th><th scope="col" class="utrecht-table__header-cell">Annuleren</th></tr></thead>
<tbody class="utrecht-table__body">${rows}</tbody></table>`}
${active ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/aanbieder/opleidingen/${t.id}/wijzigen">Gegevens van de opleiding wijzigen</a></p>` : ''}
${active ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/aanbieder/opleidingen/${t.id}/startmomenten/nieuw">Startmoment toevoegen</a></p>
<h2 class="utrecht-heading-2">Beschikbaarheid voor STAP</h2>
<form method="post" action="/aanbieder/opleidingen/${t.id}/stap-beschikbaarheid" novalidate>${hiddenCsrf(csrf)}
${checkboxField('niet-beschikbaar', 'Niet beschikbaar voor STAP (de opleiding blijft in het register maar kan niet met STAP worden aangevraagd)', t.notAvailableForStap)}
${textField('reden-stap', 'Toelichting', form['reden-stap'] ?? '', errors)}
<button class="utrecht-button utrecht-button--secondary-action" type="submit">Beschikbaarheid opslaan</button></form>` : ''}
${t.lifecycle !== 'WITHDRAWN' ? html`<h2 class="utrecht-heading-2">Opleiding intrekken</h2>
<form method="post" action="/aanbieder/opleidingen/${t.id}/intrekken" novalidate>${hiddenCsrf(csrf)}
${textField('reden-intrekken', 'Reden van intrekken', form['reden-intrekken'] ?? '', errors)}
<button class="utrecht-button utrecht-button--secondary-action" type="submit">Opleiding intrekken</button></form>` : ''}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/aanbieder/opleidingen">Terug naar mijn opleidingen</a></p>`;
}

// ---- Forms to use-case input ---------------------------------------------------------------------------------

/** A stored start moment as the form shows it for a change. */
function formOfStartMoment(sm: TrainingView['startMoments'][number]): Form {
  const amount = (cents: number | null) => (cents === null ? '' : formatEuroCents(cents));
  return {
    versie: String(sm.version), startmomentcode: sm.providerStartMomentCode, startdatum: isoDate(sm.startDate), einddatum: isoDate(sm.endDate), locatiesoort: sm.locationKind,
    straat: sm.street ?? '', huisnummer: sm.houseNumber === null ? '' : String(sm.houseNumber), toevoeging: sm.houseNumberAddition ?? '',
    postcode: sm.postalCode ? `${sm.postalCode.slice(0, 4)} ${sm.postalCode.slice(4)}` : '', plaats: sm.city ?? '', locatienaam: sm.venueName ?? '', landcode: sm.countryCode ?? '',
    cursusprijs: amount(sm.courseTuitionCents), examenkosten: amount(sm.examCents), lesmateriaal: amount(sm.literatureCents), plaatsen: sm.capacity === null ? '' : String(sm.capacity),
  };
}

/** A stored training as the programme form shows it for a change. */
function formOfTraining(t: TrainingView): Form {
  return {
    versie: String(t.version), programmacode: t.providerProgrammeCode, naam: t.name, omschrijving: t.description, studielast: String(t.studyLoadHours),
    nlqf: t.nlqfLevel, eqf: t.eqfLevel, sector: t.sector, taal: t.language, lesvorm: t.deliveryMode, certificaat: t.leadsToCertificate ? 'ja' : '',
  };
}

/** The descriptive fields of the programme form as UpdateTraining's changes (all of them: unchanged ones write nothing). */
function programmeChanges(form: Form): TrainingChanges {
  const input = programmeInput('', form);
  return {
    name: input.name, description: input.description, studyLoadHours: input.studyLoadHours, nlqfLevel: input.nlqfLevel, eqfLevel: input.eqfLevel,
    sector: input.sector, language: input.language, deliveryMode: input.deliveryMode, leadsToCertificate: input.leadsToCertificate,
  };
}

function programmeInput(providerId: string, form: Form) {
  return {
    providerId, providerProgrammeCode: text(form, 'programmacode').trim(), name: text(form, 'naam'), description: text(form, 'omschrijving'),
    studyLoadHours: wholeNumber(text(form, 'studielast')), nlqfLevel: text(form, 'nlqf'), eqfLevel: text(form, 'eqf'), sector: text(form, 'sector'),
    language: text(form, 'taal').trim(), deliveryMode: text(form, 'lesvorm'), leadsToCertificate: form.certificaat === 'ja', startMoments: [],
  };
}

function startMomentInput(form: Form): StartMomentInput {
  const kind = text(form, 'locatiesoort');
  return {
    providerStartMomentCode: text(form, 'startmomentcode').trim(),
    startDate: text(form, 'startdatum').trim(),
    endDate: text(form, 'einddatum').trim(),
    location: {
      kind,
      address: kind === 'LOCATION_KIND_NETHERLANDS_ADDRESS'
        ? { street: text(form, 'straat'), houseNumber: wholeNumber(text(form, 'huisnummer')), houseNumberAddition: text(form, 'toevoeging'), postalCode: text(form, 'postcode'), city: text(form, 'plaats') }
        : undefined,
      countryCode: kind === 'LOCATION_KIND_ABROAD' ? text(form, 'landcode').trim() : undefined,
      venueName: text(form, 'locatienaam').trim() || undefined,
    },
    price: { courseTuitionCents: parseEuroCents(form.cursusprijs), examCents: parseEuroCents(form.examenkosten), literatureCents: parseEuroCents(form.lesmateriaal) },
    capacity: text(form, 'plaatsen').trim() === '' ? null : wholeNumber(text(form, 'plaatsen')),
  };
}

// ---- Routes --------------------------------------------------------------------------------------------------

const ERROR_PAGES: Record<string, { status: number; title: string; text: string }> = {
  forbidden: { status: 403, title: 'Geen toegang', text: 'U hebt geen toegang tot deze opleiding of dit startmoment.' },
  not_found: { status: 404, title: 'Niet gevonden', text: 'Deze opleiding of dit startmoment bestaat niet, of hoort niet bij uw organisatie.' },
};

export interface ProviderPagesOptions extends SessionOptions {
  tokens: ReadonlyMap<string, Identity>;
  /** Trainings per page of the own-trainings list; default PROVIDER_TRAININGS_PER_PAGE (25). */
  trainingsPerPage?: number;
}

export function providerPages(prisma: PrismaClient, options: ProviderPagesOptions): (router: Router) => void {
  const sessions = sessionKit(options);
  const cssPath = createRequire(__filename).resolve('@utrecht/component-library-css/dist/index.css');
  const formBody = express.urlencoded({ extended: false, limit: '20kb' });
  const form = (request: Request): Form => Object.fromEntries(Object.entries((request.body ?? {}) as Record<string, unknown>).map(([key, value]) => [key, typeof value === 'string' ? value : '']));

  const send = (response: Response, status: number, title: string, body: SafeHtml, session?: ProviderSession) =>
    response.status(status).type('html').send(layout(title, body, session ? { signedIn: { organisation: `KvK ${session.kvkNumber}`, csrf: sessions.csrfOf(session) } } : {}));

  /** Runs a page for a logged-in provider; without a session a GET goes to the login page, a POST is refused. */
  const signedIn = (handler: (request: Request, response: Response, session: ProviderSession) => Promise<void>) => async (request: Request, response: Response) => {
    const session = sessions.read(request);
    if (!session) {
      if (request.method === 'GET') return response.redirect(303, '/aanbieder/inloggen');
      return send(response, 401, 'Niet ingelogd', html`<p class="utrecht-paragraph">Uw sessie is verlopen. <a class="utrecht-link" href="/aanbieder/inloggen">Log opnieuw in</a>.</p>`);
    }
    if (request.method === 'POST' && !sessions.csrfValid(session, (request.body as Form | undefined)?.csrf)) {
      return send(response, 403, 'Formulier verlopen', html`<p class="utrecht-paragraph">Dit formulier is niet meer geldig en is niet verwerkt. Open de pagina opnieuw en probeer het nog eens.</p>`, session);
    }
    try {
      await handler(request, response, session);
    } catch (error) {
      const page = error instanceof ApplicationError ? ERROR_PAGES[error.kind] : undefined;
      if (!page) throw error;
      send(response, page.status, page.title, html`<p class="utrecht-paragraph">${page.text}</p><p class="utrecht-paragraph"><a class="utrecht-link" href="/aanbieder/opleidingen">Naar mijn opleidingen</a></p>`, session);
    }
  };

  /**
   * The training, if the logged-in provider may act on it (the use cases' own rule, application/actor.ts); another
   * provider's training is "not found" on a page, so its existence is not revealed.
   */
  const ownTraining = async (session: ProviderSession, trainingId: string) => {
    const training = await getTraining(prisma, { trainingId });
    await requireProviderActor(prisma, sessions.actorOf(session), training.providerId).catch((error: unknown) => {
      throw error instanceof ApplicationError && error.kind === 'forbidden' ? new ApplicationError('not_found', 'not this provider\'s training') : error;
    });
    return training;
  };

  /** Runs a change; a refusal of the use case re-renders the training page with the Dutch errors. */
  const changeOnTraining = async (response: Response, session: ProviderSession, trainingId: string, submitted: Form, idFor: (id: string) => string, change: () => Promise<unknown>) => {
    try {
      await change();
    } catch (error) {
      if (!(error instanceof ApplicationError) || !['invalid', 'precondition', 'conflict'].includes(error.kind)) throw error;
      const training = await ownTraining(session, trainingId);
      const state: DetailState = error.kind === 'precondition'
        ? { message: PRECONDITION_NL[error.reason ?? ''] ?? 'Deze wijziging is niet mogelijk.', form: submitted }
        : { errors: fieldErrors(error.violations, idFor), form: submitted };
      return send(response, error.kind === 'invalid' ? 400 : 409, training.name, detailPage(sessions.csrfOf(session), training, state), session);
    }
    response.redirect(303, `/aanbieder/opleidingen/${trainingId}`);
  };

  return (router) => {
    router.get('/aanbieder/static/utrecht.css', (_request, response) => response.sendFile(cssPath, { maxAge: '1h' }));
    router.get('/aanbieder', (_request, response) => response.redirect(303, '/aanbieder/opleidingen'));

    router.get('/aanbieder/inloggen', (_request, response) => send(response, 200, 'Inloggen', loginPage(sessions.loginNonce(response))));
    router.post('/aanbieder/inloggen', formBody, async (request, response) => {
      const submitted = form(request);
      if (!sessions.loginCsrfValid(request, submitted.csrf)) {
        return send(response, 403, 'Formulier verlopen', html`<p class="utrecht-paragraph">Het inlogformulier is niet meer geldig. <a class="utrecht-link" href="/aanbieder/inloggen">Open het opnieuw</a>.</p>`);
      }
      const identity = options.tokens.get(submitted.toegangscode ?? '');
      const actor = identity?.kvkNumber ? { subject: identity.subject, scopes: identity.scopes, kvkNumber: identity.kvkNumber } : undefined;
      const provider = actor ? await providerOfActor(prisma, actor).catch(() => undefined) : undefined;
      if (!identity?.kvkNumber || !provider) {
        return send(response, 401, 'Inloggen', loginPage(sessions.loginNonce(response), 'Deze toegangscode is onbekend of hoort niet bij een opleider in het register.'));
      }
      sessions.start(response, { subject: identity.subject, kvkNumber: identity.kvkNumber, scopes: identity.scopes });
      response.redirect(303, '/aanbieder/opleidingen');
    });
    router.post('/aanbieder/uitloggen', formBody, signedIn(async (_request, response) => {
      sessions.end(response);
      response.redirect(303, '/aanbieder/inloggen');
    }));

    router.get('/aanbieder/opleidingen', signedIn(async (request, response, session) => {
      const newLink = html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/aanbieder/opleidingen/nieuw">Nieuwe opleiding toevoegen</a></p>`;
      const page = pageNumber(request.query.pagina);
      if (page === null) {
        send(response, 400, 'Mijn opleidingen', html`<p class="utrecht-paragraph">Dit paginanummer bestaat niet. <a class="utrecht-link" href="/aanbieder/opleidingen">Naar de eerste pagina</a>.</p>`, session);
        return;
      }
      const list = await listProviderTrainings(prisma, sessions.actorOf(session), page, options.trainingsPerPage);
      if (page > list.pageCount) {
        send(response, 404, 'Mijn opleidingen', html`<p class="utrecht-paragraph">Pagina ${page} bestaat niet; er zijn ${list.pageCount} pagina's. <a class="utrecht-link" href="/aanbieder/opleidingen?pagina=${list.pageCount}">Naar de laatste pagina</a>.</p>`, session);
        return;
      }
      send(response, 200, 'Mijn opleidingen', html`${newLink}${trainingsPage(list)}`, session);
    }));

    router.get('/aanbieder/opleidingen/nieuw', signedIn(async (_request, response, session) => {
      send(response, 200, 'Nieuwe opleiding', trainingForm(sessions.csrfOf(session), {}, []), session);
    }));
    router.post('/aanbieder/opleidingen/nieuw', formBody, signedIn(async (request, response, session) => {
      const submitted = form(request);
      const actor = sessions.actorOf(session);
      const provider = await providerOfActor(prisma, actor);
      try {
        const id = await createTraining(prisma, actor, programmeInput(provider.providerId, submitted));
        response.redirect(303, `/aanbieder/opleidingen/${id}`);
      } catch (error) {
        if (!(error instanceof ApplicationError) || !['invalid', 'conflict', 'precondition'].includes(error.kind)) throw error;
        const errors = error.kind === 'precondition' ? [{ id: 'programmacode', message: PRECONDITION_NL[error.reason ?? ''] ?? 'Deze opleiding kan niet worden toegevoegd.' }] : fieldErrors(error.violations);
        send(response, error.kind === 'invalid' ? 400 : 409, 'Nieuwe opleiding', trainingForm(sessions.csrfOf(session), submitted, errors), session);
      }
    }));

    router.get('/aanbieder/opleidingen/:id', signedIn(async (request, response, session) => {
      const training = await ownTraining(session, String(request.params.id));
      send(response, 200, training.name, detailPage(sessions.csrfOf(session), training), session);
    }));

    router.get('/aanbieder/opleidingen/:id/wijzigen', signedIn(async (request, response, session) => {
      const training = await ownTraining(session, String(request.params.id));
      send(response, 200, `Opleiding wijzigen: ${training.name}`, trainingForm(sessions.csrfOf(session), formOfTraining(training), [], { trainingId: training.id }), session);
    }));
    // Straight to the use case (as gRPC UpdateTraining): it refuses another provider's training (403) and changes
    // nothing on bad input; only then is the training read to re-render the form.
    router.post('/aanbieder/opleidingen/:id/wijzigen', formBody, signedIn(async (request, response, session) => {
      const trainingId = String(request.params.id);
      const submitted = form(request);
      try {
        await updateTraining(prisma, sessions.actorOf(session), trainingId, wholeNumber(text(submitted, 'versie')) || null, programmeChanges(submitted));
        response.redirect(303, `/aanbieder/opleidingen/${trainingId}`);
      } catch (error) {
        if (!(error instanceof ApplicationError) || !['invalid', 'conflict', 'precondition'].includes(error.kind)) throw error;
        const training = await ownTraining(session, trainingId);
        const message = error.kind === 'precondition' ? (PRECONDITION_NL[error.reason ?? ''] ?? 'Deze opleiding kan niet worden gewijzigd.')
          : error.kind === 'conflict' ? 'De opleiding is intussen door iemand anders gewijzigd. Open haar opnieuw om de nieuwste gegevens te zien.' : undefined;
        send(response, error.kind === 'invalid' ? 400 : 409, `Opleiding wijzigen: ${training.name}`, trainingForm(sessions.csrfOf(session), submitted, error.kind === 'invalid' ? fieldErrors(error.violations) : [], { trainingId, message }), session);
      }
    }));

    router.get('/aanbieder/opleidingen/:id/startmomenten/nieuw', signedIn(async (request, response, session) => {
      const training = await ownTraining(session, String(request.params.id));
      send(response, 200, `Startmoment toevoegen: ${training.name}`, startMomentForm(sessions.csrfOf(session), training.id, {}, []), session);
    }));
    router.post('/aanbieder/opleidingen/:id/startmomenten/nieuw', formBody, signedIn(async (request, response, session) => {
      const training = await ownTraining(session, String(request.params.id));
      const submitted = form(request);
      try {
        await addStartMoment(prisma, sessions.actorOf(session), training.id, startMomentInput(submitted));
        response.redirect(303, `/aanbieder/opleidingen/${training.id}`);
      } catch (error) {
        if (!(error instanceof ApplicationError) || !['invalid', 'conflict', 'precondition'].includes(error.kind)) throw error;
        const errors = error.kind === 'precondition' ? [{ id: 'startmomentcode', message: PRECONDITION_NL[error.reason ?? ''] ?? 'Dit startmoment kan niet worden toegevoegd.' }] : fieldErrors(error.violations);
        send(response, error.kind === 'invalid' ? 400 : 409, `Startmoment toevoegen: ${training.name}`, startMomentForm(sessions.csrfOf(session), training.id, submitted, errors), session);
      }
    }));

    router.get('/aanbieder/startmomenten/:id/wijzigen', signedIn(async (request, response, session) => {
      const startMomentId = String(request.params.id);
      const training = await ownTraining(session, (await getTraining(prisma, { startMomentId })).id);
      const sm = training.startMoments.find((each) => each.id === startMomentId);
      if (!sm) throw new ApplicationError('not_found', 'start moment not found');
      send(response, 200, `Startmoment wijzigen: ${training.name}`, startMomentForm(sessions.csrfOf(session), training.id, formOfStartMoment(sm), [], { startMomentId }), session);
    }));
    router.post('/aanbieder/startmomenten/:id/wijzigen', formBody, signedIn(async (request, response, session) => {
      const startMomentId = String(request.params.id);
      const training = await ownTraining(session, (await getTraining(prisma, { startMomentId })).id);
      const submitted = form(request);
      const input = startMomentInput(submitted);
      try {
        await updateStartMoment(prisma, sessions.actorOf(session), startMomentId, wholeNumber(text(submitted, 'versie')) || null, {
          startDate: input.startDate, endDate: input.endDate, location: input.location, price: input.price, capacity: input.capacity,
        });
        response.redirect(303, `/aanbieder/opleidingen/${training.id}`);
      } catch (error) {
        if (!(error instanceof ApplicationError) || !['invalid', 'conflict', 'precondition'].includes(error.kind)) throw error;
        const message = error.kind === 'precondition' ? (PRECONDITION_NL[error.reason ?? ''] ?? 'Dit startmoment kan niet worden gewijzigd.')
          : error.kind === 'conflict' ? 'Het startmoment is intussen door iemand anders gewijzigd. Open het opnieuw om de nieuwste gegevens te zien.' : undefined;
        send(response, error.kind === 'invalid' ? 400 : 409, `Startmoment wijzigen: ${training.name}`, startMomentForm(sessions.csrfOf(session), training.id, submitted, error.kind === 'invalid' ? fieldErrors(error.violations) : [], { startMomentId, message }), session);
      }
    }));
    router.post('/aanbieder/startmomenten/:id/vol', formBody, signedIn(async (request, response, session) => {
      const startMomentId = String(request.params.id);
      const training = await getTraining(prisma, { startMomentId });
      await changeOnTraining(response, session, training.id, form(request), (id) => id, () => markStartMomentFull(prisma, sessions.actorOf(session), startMomentId));
    }));
    router.post('/aanbieder/startmomenten/:id/annuleren', formBody, signedIn(async (request, response, session) => {
      const startMomentId = String(request.params.id);
      const training = await getTraining(prisma, { startMomentId });
      const submitted = form(request);
      await changeOnTraining(response, session, training.id, submitted, (id) => (id === 'reden' ? `reden-${startMomentId}` : id), () =>
        cancelStartMoment(prisma, sessions.actorOf(session), startMomentId, submitted[`reden-${startMomentId}`] ?? ''));
    }));
    router.post('/aanbieder/opleidingen/:id/intrekken', formBody, signedIn(async (request, response, session) => {
      const trainingId = String(request.params.id);
      const submitted = form(request);
      await changeOnTraining(response, session, trainingId, submitted, (id) => (id === 'reden' ? 'reden-intrekken' : id), () =>
        withdrawTraining(prisma, sessions.actorOf(session), trainingId, submitted['reden-intrekken'] ?? ''));
    }));
    router.post('/aanbieder/opleidingen/:id/stap-beschikbaarheid', formBody, signedIn(async (request, response, session) => {
      const trainingId = String(request.params.id);
      const submitted = form(request);
      await changeOnTraining(response, session, trainingId, submitted, (id) => (id === 'reden' ? 'reden-stap' : id), () =>
        setStapAvailability(prisma, sessions.actorOf(session), trainingId, submitted['niet-beschikbaar'] === 'ja', submitted['reden-stap'] ?? ''));
    }));
  };
}
