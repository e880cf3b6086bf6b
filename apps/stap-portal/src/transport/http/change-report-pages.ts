// Web pages "Wijziging doorgeven" (the applicant, logged in): a form per own application (what changed as radio
// buttons in a fieldset with a legend, the fields of each kind beside its choice, CSRF), a POST that re-renders the
// form with a Dutch message per field (error summary, aria-invalid) and stores nothing on bad input, then a
// confirmation (POST-redirect-GET). The decision is the use case reportChange (application/change-reports.ts); these
// pages only translate. Someone else's application or report is the same 404 page as one that does not exist.
// Routes: GET/POST /aanvragen/:id/wijziging, GET /aanvragen/:id/wijzigingen/:reportId.
// The kinds and their rules are an assumption (domain/change-report.ts; DOMAIN.md §2.1 "After the grant").
import type { Request, Response, Router } from 'express';
import { ApplicationError } from '@stap/platform/errors';
import { html, type SafeHtml } from '@stap/platform/http/html';
import { isUuid } from '@stap/platform/ids';
import { ChangeReportInvalid, listChangeReports, reportChange, type ChangeReportRow } from '../../application/change-reports';
import type { PortalContext } from '../../application/context';
import {
  CHANGE_REPORT_KINDS, changeReportRefusal, isChangeReportKind, MAX_EMAIL_LENGTH, MAX_EXPLANATION_LENGTH,
  type ChangeReportField, type ChangeReportInput, type ChangeReportKind, type ChangeReportRule,
} from '../../domain/change-report';
import type { ApplicationRow } from '../../infrastructure/prisma/client';
import { dutchDate, dutchDateTime, page, type PageSession } from './html';

export const changeReportPath = (applicationId: string) => `/aanvragen/${applicationId}/wijziging`;
const receivedPath = (applicationId: string, reportId: string) => `/aanvragen/${applicationId}/wijzigingen/${reportId}`;

/** How many of the person's reports "Mijn STAP-budget" lists (newest first). */
const OVERVIEW_SIZE = 20;

export const KIND_NL: Record<ChangeReportKind, string> = {
  CONTACT_EMAIL_CHANGED: 'Mijn e-mailadres is veranderd',
  TRAINING_NOT_STARTED: 'De opleiding begint niet of is niet begonnen',
  TRAINING_STOPPED: 'Ik ben eerder met de opleiding gestopt',
  START_DATE_CHANGED: 'De opleider heeft de startdatum verschoven',
  OTHER: 'Iets anders',
};

/** Form field (input id and name) per field of the use case. */
const INPUT_OF: Record<ChangeReportField, string> = {
  kind: `soort-${CHANGE_REPORT_KINDS[0]}`, new_contact_email: 'email', stopped_on: 'stopdatum', new_start_date: 'startdatum', explanation: 'toelichting',
};

type Dutch = (application: ApplicationRow) => string;
const NOT_A_DATE = 'Vul een bestaande datum in, bijvoorbeeld 15-03-2027.';

/** Dutch text per field and rule of the use case's INVALID_ARGUMENT. */
const RULE_NL: Record<ChangeReportField, Partial<Record<ChangeReportRule, Dutch>>> = {
  kind: { REQUIRED: () => 'Kies wat er is veranderd.', UNKNOWN_KIND: () => 'Kies wat er is veranderd.' },
  new_contact_email: {
    REQUIRED: () => 'Vul uw nieuwe e-mailadres in.',
    NOT_AN_EMAIL: () => 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    TOO_LONG: () => `Het e-mailadres mag hoogstens ${MAX_EMAIL_LENGTH} tekens lang zijn.`,
  },
  stopped_on: {
    REQUIRED: () => 'Vul de datum in waarop u voor het laatst aan de opleiding deelnam.',
    NOT_A_DATE: () => NOT_A_DATE,
    BEFORE_TRAINING_START: (a) => `De datum ligt vóór de start van de opleiding (${dutchDate(a.trainingStartDate)}). Bent u niet begonnen? Kies dan "${KIND_NL.TRAINING_NOT_STARTED}".`,
    AFTER_TRAINING_END: (a) => `De datum ligt na de laatste dag van de opleiding (${dutchDate(a.trainingEndDate)}).`,
    IN_THE_FUTURE: () => 'De datum mag niet na vandaag liggen. Geef de wijziging door als u gestopt bent.',
  },
  new_start_date: {
    REQUIRED: () => 'Vul de nieuwe startdatum in.',
    NOT_A_DATE: () => NOT_A_DATE,
    SAME_AS_CURRENT: (a) => `${dutchDate(a.trainingStartDate)} is de startdatum die wij al hebben. Vul de nieuwe startdatum in.`,
  },
  explanation: {
    REQUIRED: () => 'Beschrijf wat er is veranderd.',
    TOO_LONG: () => `De toelichting mag hoogstens ${MAX_EXPLANATION_LENGTH} tekens lang zijn.`,
  },
};

const REFUSAL_NL: Record<string, string> = {
  APPLICATION_NOT_GRANTED: 'Deze aanvraag is niet (meer) toegekend. Een wijziging van de opleiding hoeft u daarom niet door te geven.',
};
const DEFAULT_REFUSAL_NL = 'Deze wijziging kunt u nu niet doorgeven. Neem contact op met het STAP-loket als u vragen hebt.';

/** What the person typed, as the form sends it (every field, whatever the choice). */
interface FormValues {
  soort: string;
  email: string;
  stopdatum: string;
  startdatum: string;
  toelichting: string;
}

interface FormState {
  csrf: string;
  values: FormValues;
  /** Dutch message per input id. */
  fieldErrors: Map<string, string>;
  /** A refusal of the whole report (FAILED_PRECONDITION). */
  refusal?: string;
}

const text = (body: Record<string, unknown> | undefined, name: string) => (typeof body?.[name] === 'string' ? body[name] : '');

/** A date as the date field sends it (2027-03-15) or as a person types it (15-03-2027, 15/3/2027); otherwise as typed. */
function isoDateOf(typed: string): string | undefined {
  const value = typed.trim();
  if (value === '') return undefined;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  return dutch ? `${dutch[3]}-${dutch[2].padStart(2, '0')}-${dutch[1].padStart(2, '0')}` : value;
}

function inputOf(values: FormValues): ChangeReportInput {
  return {
    kind: isChangeReportKind(values.soort) ? values.soort : undefined,
    newEmail: values.email, stoppedOn: isoDateOf(values.stopdatum), newStartDate: isoDateOf(values.startdatum), explanation: values.toelichting,
  };
}

/** The kinds this application can take (a change of the training only for a grant: domain/change-report.ts). */
const kindsFor = (application: ApplicationRow) => CHANGE_REPORT_KINDS.filter((kind) => changeReportRefusal(kind, application) === undefined);

/** What a report says, in Dutch, for tables and the confirmation. */
export function reportDetails(report: ChangeReportRow): string {
  const parts = [
    report.newEmail ? `Nieuw e-mailadres: ${report.newEmail}` : '',
    report.stoppedOn ? `Laatste dag: ${dutchDate(report.stoppedOn)}` : '',
    report.newStartDate ? `Nieuwe startdatum: ${dutchDate(report.newStartDate)}` : '',
    report.explanation ? `Toelichting: ${report.explanation}` : '',
  ];
  return parts.filter((part) => part !== '').join('. ');
}

const kindText = (kind: string) => (isChangeReportKind(kind) ? KIND_NL[kind] : kind);

/** What happens next, or happened: a new address is used at once; anything else an officer handles. */
function followUpText(report: ChangeReportRow): string {
  if (report.kind === 'CONTACT_EMAIL_CHANGED') return 'Wij gebruiken uw nieuwe e-mailadres vanaf nu voor deze aanvraag.';
  const handled = report.status === 'HANDLED' ? 'heeft uw wijziging afgehandeld' : 'bekijkt uw wijziging';
  return `Een medewerker van het STAP-loket ${handled}. Als dat gevolgen heeft voor uw STAP-budget, hoort u van ons.`;
}

/** Where the report stands, in Dutch: received, or handled by the STAP-loket on a date (the officer's note stays internal). */
const statusText = (report: ChangeReportRow) =>
  (report.status === 'HANDLED' && report.handledAt ? `Afgehandeld op ${dutchDateTime(report.handledAt)}` : 'Ontvangen');

function reportsTable(caption: string, reports: ChangeReportRow[], trainingOf?: (report: ChangeReportRow) => string): SafeHtml {
  return html`<table class="utrecht-table"><caption>${caption}</caption>
    <thead><tr><th scope="col">Doorgegeven op</th>${trainingOf ? html`<th scope="col">Opleiding</th>` : ''}<th scope="col">Wijziging</th><th scope="col">Gegevens</th><th scope="col">Status</th></tr></thead>
    <tbody>${reports.map((r) => html`<tr><td>${dutchDateTime(r.reportedAt)}</td>${trainingOf ? html`<td>${trainingOf(r)}</td>` : ''}<td>${kindText(r.kind)}</td><td>${reportDetails(r)}</td><td>${statusText(r)}</td></tr>`)}</tbody></table>`;
}

/** The section of "Mijn STAP-budget" that lists the person's change reports with their dates (newest first). */
export async function changeReportsSection(ctx: PortalContext, bsn: string, applications: ApplicationRow[]): Promise<string> {
  const { rows, total } = await listChangeReports(ctx, { bsn }, { skip: 0, take: OVERVIEW_SIZE });
  if (rows.length === 0) return String(html`<h2 class="utrecht-heading-2">Doorgegeven wijzigingen</h2><p class="utrecht-paragraph">U hebt nog geen wijzigingen doorgegeven.</p>`);
  const training = new Map(applications.map((a) => [a.id, a.trainingName]));
  return String(html`<h2 class="utrecht-heading-2">Doorgegeven wijzigingen</h2>
    ${reportsTable('Uw doorgegeven wijzigingen', rows, (r) => training.get(r.applicationId) ?? '')}
    ${total > rows.length ? html`<p class="utrecht-paragraph">De nieuwste ${rows.length} van ${total} wijzigingen. Bij een aanvraag ziet u onder "Wijziging doorgeven" al zijn wijzigingen.</p>` : ''}`);
}

export function mountChangeReportPages(router: Router, ctx: PortalContext, session: PageSession): void {
  const ownApplication = async (request: Request, bsn: string) => {
    const id = String(request.params['id'] ?? '');
    if (!isUuid(id)) return undefined;
    return (await ctx.prisma.application.findFirst({ where: { id, bsn } })) ?? undefined;
  };
  const notFound = (response: Response) =>
    void response.status(404).send(page('Niet gevonden', String(html`
      <p class="utrecht-paragraph">Deze aanvraag of wijziging bestaat niet, of het is niet de uwe.</p>
      <p><a class="utrecht-link" href="/mijn-stap-budget">Terug naar Mijn STAP-budget</a></p>`), { loggedIn: true }));
  const reportsOf = async (application: ApplicationRow) => (await listChangeReports(ctx, { applicationId: application.id }, { skip: 0, take: 100 })).rows;

  router.get('/aanvragen/:id/wijziging', async (request, response) => {
    const login = session.requireLogin(request, response);
    if (!login) return;
    const application = await ownApplication(request, login.bsn);
    if (!application) return notFound(response);
    const values = { soort: '', email: '', stopdatum: '', startdatum: '', toelichting: '' };
    response.send(formPage(application, { csrf: session.csrfOf(login.token), values, fieldErrors: new Map() }, await reportsOf(application)));
  });

  router.post('/aanvragen/:id/wijziging', session.form, async (request, response) => {
    const login = session.requireLogin(request, response);
    if (!login) return;
    session.checkCsrf(request, login.token);
    const application = await ownApplication(request, login.bsn);
    if (!application) return notFound(response);
    const body = request.body as Record<string, unknown> | undefined;
    const values: FormValues = { soort: text(body, 'soort'), email: text(body, 'email'), stopdatum: text(body, 'stopdatum'), startdatum: text(body, 'startdatum'), toelichting: text(body, 'toelichting') };
    try {
      const report = await reportChange(ctx, { bsn: login.bsn, officer: false }, application.id, inputOf(values));
      response.redirect(303, receivedPath(application.id, report.id));
    } catch (error) {
      if (!(error instanceof ApplicationError) || !['invalid', 'precondition', 'not_found'].includes(error.kind)) throw error;
      if (error.kind === 'not_found') return notFound(response);
      const form: FormState = { csrf: session.csrfOf(login.token), values, fieldErrors: new Map() };
      if (error instanceof ChangeReportInvalid) {
        for (const v of error.rules) form.fieldErrors.set(INPUT_OF[v.field], RULE_NL[v.field][v.rule]?.(application) ?? 'Dit veld is niet goed ingevuld.');
      } else if (error.kind === 'invalid') {
        form.refusal = 'Het formulier is niet goed ingevuld.';
      } else {
        form.refusal = REFUSAL_NL[error.reason ?? ''] ?? DEFAULT_REFUSAL_NL;
      }
      response.status(error.kind === 'invalid' ? 400 : 409).send(formPage(application, form, await reportsOf(application)));
    }
  });

  router.get('/aanvragen/:id/wijzigingen/:reportId', async (request, response) => {
    const login = session.requireLogin(request, response);
    if (!login) return;
    const application = await ownApplication(request, login.bsn);
    const reportId = String(request.params['reportId'] ?? '');
    const report = application && isUuid(reportId) ? await ctx.prisma.changeReport.findFirst({ where: { id: reportId, applicationId: application.id, bsn: login.bsn } }) : null;
    if (!application || !report) return notFound(response);
    response.send(page('Wijziging ontvangen', String(html`
      <p class="utrecht-paragraph status" role="status">Wij hebben uw wijziging over ${application.trainingName} ontvangen op ${dutchDateTime(report.reportedAt)}.</p>
      <dl>
        <dt>Wijziging</dt><dd>${kindText(report.kind)}</dd>
        ${reportDetails(report) ? html`<dt>Gegevens</dt><dd>${reportDetails(report)}</dd>` : ''}
        <dt>Status</dt><dd>${statusText(report)}</dd>
      </dl>
      <p class="utrecht-paragraph">${followUpText(report)}</p>
      <p><a class="utrecht-link" href="/mijn-stap-budget">Terug naar Mijn STAP-budget</a></p>`), { loggedIn: true }));
  });
}

/** A Dutch error message under a label, referenced by aria-describedby of its input. */
const errorOf = (form: FormState, input: string) => {
  const message = form.fieldErrors.get(input);
  return message ? html`<p class="utrecht-form-field-error-message" id="${input}-fout">${message}</p>` : '';
};
const invalidAttributes = (form: FormState, input: string) =>
  (form.fieldErrors.has(input) ? html` aria-invalid="true" aria-describedby="${input}-fout"` : '');

/** The fields of one kind, shown beside its radio button (the form works without script: every field is sent). */
function fieldsOfKind(kind: ChangeReportKind, form: FormState): SafeHtml | '' {
  const v = form.values;
  switch (kind) {
    case 'CONTACT_EMAIL_CHANGED':
      return html`<p class="keuze-velden"><label class="utrecht-form-label" for="email">Nieuw e-mailadres</label><br>${errorOf(form, 'email')}
        <input class="utrecht-textbox" id="email" name="email" type="email" autocomplete="email" maxlength="${MAX_EMAIL_LENGTH}" value="${v.email}"${invalidAttributes(form, 'email')}></p>`;
    case 'TRAINING_STOPPED':
      return html`<p class="keuze-velden"><label class="utrecht-form-label" for="stopdatum">Laatste dag dat u aan de opleiding deelnam (dd-mm-jjjj)</label><br>${errorOf(form, 'stopdatum')}
        <input class="utrecht-textbox" id="stopdatum" name="stopdatum" type="date" value="${isoDateOf(v.stopdatum) ?? ''}"${invalidAttributes(form, 'stopdatum')}></p>`;
    case 'START_DATE_CHANGED':
      return html`<p class="keuze-velden"><label class="utrecht-form-label" for="startdatum">Nieuwe startdatum (dd-mm-jjjj)</label><br>${errorOf(form, 'startdatum')}
        <input class="utrecht-textbox" id="startdatum" name="startdatum" type="date" value="${isoDateOf(v.startdatum) ?? ''}"${invalidAttributes(form, 'startdatum')}></p>`;
    default:
      return '';
  }
}

function formPage(application: ApplicationRow, form: FormState, reports: ChangeReportRow[]): string {
  const summary = form.fieldErrors.size > 0
    ? html`<div class="status" role="alert"><p>Controleer het formulier:</p><ul>${[...form.fieldErrors].map(([input, message]) => html`<li><a class="utrecht-link" href="#${input}">${message}</a></li>`)}</ul></div>`
    : form.refusal ? html`<div class="status" role="alert"><p>${form.refusal}</p></div>` : '';
  const kinds = kindsFor(application);
  const kindError = form.fieldErrors.has(INPUT_OF.kind);
  // The first choice is always CONTACT_EMAIL_CHANGED (allowed for every application), the target of INPUT_OF.kind.
  const choices = kinds.map((kind) => html`
        <div class="utrecht-form-field">
          <input class="utrecht-radio-button" type="radio" id="soort-${kind}" name="soort" value="${kind}"${form.values.soort === kind ? html` checked` : ''}${kindError ? html` aria-invalid="true"` : ''}>
          <label class="utrecht-form-label" for="soort-${kind}">${KIND_NL[kind]}</label>
          ${fieldsOfKind(kind, form)}
        </div>`);
  return page('Wijziging doorgeven', String(html`
    ${summary}
    <p class="utrecht-paragraph">Aanvraag: <strong>${application.trainingName}</strong>, start op ${dutchDate(application.trainingStartDate)}${application.decisionReference ? html`, kenmerk ${application.decisionReference}` : ''}.</p>
    <form method="post" action="${changeReportPath(application.id)}" novalidate>
      <input type="hidden" name="csrf" value="${form.csrf}">
      <fieldset class="utrecht-form-fieldset"${kindError ? html` aria-describedby="${INPUT_OF.kind}-fout"` : ''}>
        <legend class="utrecht-form-fieldset__legend">Wat is er veranderd?</legend>
        ${errorOf(form, INPUT_OF.kind)}
        ${choices}
      </fieldset>
      <p><label class="utrecht-form-label" for="toelichting">Toelichting (verplicht bij "${KIND_NL.OTHER}", hoogstens ${MAX_EXPLANATION_LENGTH} tekens)</label><br>${errorOf(form, 'toelichting')}
        <textarea class="utrecht-textarea" id="toelichting" name="toelichting" rows="4" maxlength="${MAX_EXPLANATION_LENGTH}"${invalidAttributes(form, 'toelichting')}>${form.values.toelichting.slice(0, MAX_EXPLANATION_LENGTH)}</textarea></p>
      <button class="utrecht-button utrecht-button--primary-action" type="submit">Wijziging doorgeven</button>
      <a class="utrecht-link" href="/mijn-stap-budget">Annuleren</a>
    </form>
    ${reports.length > 0 ? reportsTable('Eerder doorgegeven wijzigingen voor deze aanvraag', reports) : html`<p class="utrecht-paragraph">U hebt voor deze aanvraag nog geen wijzigingen doorgegeven.</p>`}`), { loggedIn: true });
}
