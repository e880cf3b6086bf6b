// Web pages for withdrawing a granted application (the applicant, logged in): a confirmation page that says what a
// withdrawal means, a POST with the session's CSRF token, then a result page (POST-redirect-GET). The decision is the
// use case withdrawApplication (application/withdraw-application.ts); these pages only translate its answers into Dutch.
// Someone else's application is the same 404 page as one that does not exist (no hint that it exists).
// Routes: GET/POST /aanvragen/:id/intrekken, GET /aanvragen/:id/ingetrokken.
import type { Request, Response, Router } from 'express';
import { ApplicationError } from '@stap/platform/errors';
import { html, type SafeHtml } from '@stap/platform/http/html';
import { isUuid } from '@stap/platform/ids';
import { amsterdamDateOf } from '@stap/regelingen';
import type { PortalContext } from '../../application/context';
import { MAX_WITHDRAWAL_REASON_LENGTH, withdrawApplication } from '../../application/withdraw-application';
import { rulesByVersion } from '../../domain/rules-version';
import { budgetReleaseState, WITHDRAWAL_REFUSALS, withdrawalRefusal, type WithdrawalRefusal } from '../../domain/withdrawal';
import type { ApplicationRow } from '../../infrastructure/prisma/client';
import { dutchDate, euro, page, type PageSession } from './html';

/**
 * Dutch text per refusal reason of withdrawApplication (FAILED_PRECONDITION): every WithdrawalRefusal must have one
 * (the type says so); a reason that is not one of them (e.g. from a newer use case) gets the default text.
 */
export const WITHDRAWAL_REFUSAL_NL: Record<WithdrawalRefusal, string> = {
  ALREADY_WITHDRAWN: 'Deze aanvraag is al ingetrokken.',
  APPLICATION_REJECTED: 'Deze aanvraag is afgewezen. Een afgewezen aanvraag kunt u niet intrekken.',
  NOT_DECIDED: 'Over deze aanvraag is nog niet beslist. U kunt hem intrekken zodra hij is toegekend.',
  TRAINING_STARTED: 'De opleiding is al begonnen. Na de start kunt u de aanvraag niet meer intrekken.',
  ADVANCE_INVOICED: 'De opleider heeft al een voorschot gefactureerd. U kunt de aanvraag daarom niet meer zelf intrekken. Neem contact op met het STAP-loket.',
};
const DEFAULT_REFUSAL_NL = 'Deze aanvraag kan nu niet worden ingetrokken. Neem contact op met het STAP-loket als u vragen hebt.';

/** Dutch text per field of withdrawApplication's INVALID_ARGUMENT. */
const FIELD_NL: Record<string, string> = {
  application_id: 'Het nummer van de aanvraag is ongeldig.',
  reason: `De reden mag hoogstens ${MAX_WITHDRAWAL_REASON_LENGTH} tekens lang zijn.`,
};

export const withdrawPath = (applicationId: string) => `/aanvragen/${applicationId}/intrekken`;

/** Why the application cannot be withdrawn today, by the use case's own rule (domain/withdrawal.ts); undefined: it can. */
export function refusalOf(application: ApplicationRow, now: Date): WithdrawalRefusal | undefined {
  return withdrawalRefusal({
    status: application.status, trainingStartDate: application.trainingStartDate, grantedCents: Number(application.grantedCents),
    invoiceApproved: application.invoiceApprovedAt !== null,
  }, amsterdamDateOf(now));
}

/** Whether "Mijn STAP-budget" offers the withdraw action; the use case decides again when the form is sent. */
export const offersWithdrawal = (application: ApplicationRow, now: Date) => refusalOf(application, now) === undefined;

export function mountWithdrawalPages(router: Router, ctx: PortalContext, session: PageSession): void {
  const ownApplication = async (request: Request, bsn: string) => {
    const id = String(request.params['id'] ?? '');
    if (!isUuid(id)) return undefined;
    return (await ctx.prisma.application.findFirst({ where: { id, bsn } })) ?? undefined;
  };
  const notFound = (response: Response) =>
    void response.status(404).send(page('Aanvraag niet gevonden', String(html`
      <p class="utrecht-paragraph">Deze aanvraag bestaat niet, of het is niet uw aanvraag.</p>
      <p><a class="utrecht-link" href="/mijn-stap-budget">Terug naar Mijn STAP-budget</a></p>`), { loggedIn: true }));

  router.get('/aanvragen/:id/intrekken', async (request, response) => {
    const login = session.requireLogin(request, response);
    if (!login) return;
    const application = await ownApplication(request, login.bsn);
    if (!application) return notFound(response);
    const refusal = refusalOf(application, ctx.now());
    const form = { csrf: session.csrfOf(login.token), reason: '', errors: refusal ? [refusalText(refusal)] : [], canConfirm: !refusal };
    response.status(refusal ? 409 : 200).send(confirmationPage(application, form));
  });

  router.post('/aanvragen/:id/intrekken', session.form, async (request, response) => {
    const login = session.requireLogin(request, response);
    if (!login) return;
    session.checkCsrf(request, login.token);
    const application = await ownApplication(request, login.bsn);
    if (!application) return notFound(response);
    const reason = typeof request.body?.['reden'] === 'string' ? request.body['reden'] : '';
    try {
      await withdrawApplication(ctx, { bsn: login.bsn, officer: false }, application.id, reason);
      response.redirect(303, `/aanvragen/${application.id}/ingetrokken`);
    } catch (error) {
      if (!(error instanceof ApplicationError) || !['invalid', 'precondition', 'not_found'].includes(error.kind)) throw error;
      if (error.kind === 'not_found') return notFound(response);
      const errors = error.kind === 'invalid'
        ? error.violations.map((v) => FIELD_NL[v.field] ?? `Het veld ${v.field} is ongeldig.`)
        : [refusalText(error.reason)];
      const current = (await ctx.prisma.application.findUnique({ where: { id: application.id } })) ?? application;
      // Bad input: the form again with the text typed; a refusal: the reason, without the form.
      const form = { csrf: session.csrfOf(login.token), reason: reason.slice(0, MAX_WITHDRAWAL_REASON_LENGTH), errors, canConfirm: error.kind === 'invalid' };
      response.status(error.kind === 'invalid' ? 400 : 409).send(confirmationPage(current, form));
    }
  });

  router.get('/aanvragen/:id/ingetrokken', async (request, response) => {
    const login = session.requireLogin(request, response);
    if (!login) return;
    const application = await ownApplication(request, login.bsn);
    if (!application) return notFound(response);
    if (application.status !== 'WITHDRAWN') return void response.redirect(303, withdrawPath(application.id));
    response.send(page('Aanvraag ingetrokken', String(html`
      <p class="utrecht-paragraph status" role="status">Uw aanvraag voor ${application.trainingName} is ingetrokken${application.withdrawnAt ? html` op ${dutchDate(amsterdamDateOf(application.withdrawnAt))}` : ''}.</p>
      <p class="utrecht-paragraph">${releaseText(application)} U krijgt dit bedrag niet.</p>
      ${yearSlotText(application)}
      <p><a class="utrecht-link" href="/mijn-stap-budget">Terug naar Mijn STAP-budget</a></p>`), { loggedIn: true }));
  });
}

const isKnownRefusal = (reason: string | undefined): reason is WithdrawalRefusal => (WITHDRAWAL_REFUSALS as readonly string[]).includes(reason ?? '');
const refusalText = (reason: string | undefined) => (isKnownRefusal(reason) ? WITHDRAWAL_REFUSAL_NL[reason] : DEFAULT_REFUSAL_NL);

/** Where the withdrawn amount stands: it goes back to the budget once payment has cancelled the order (domain/withdrawal.ts). */
export function releaseText(application: ApplicationRow): string {
  const amount = euro(application.grantedCents);
  switch (budgetReleaseState(application)) {
    case 'RELEASED': return `${amount} is teruggegaan naar het budget van het aanvraagtijdvak.`;
    case 'WITHHELD': return `Het aanvraagtijdvak was al gesloten: ${amount} gaat niet meer naar het budget van dat tijdvak terug.`;
    default: return `${amount} gaat terug naar het budget van het aanvraagtijdvak zodra de opdracht aan de opleider is geannuleerd.`;
  }
}

/**
 * Whether the withdrawn grant keeps the person's one grant of the calendar year used: the regeling's parameter
 * withdrawnGrantCountsForTheYear (an assumption: the sources are silent on withdrawal; DOMAIN.md §2.1).
 */
function yearSlotText(application: ApplicationRow): SafeHtml {
  const keepsYear = rulesByVersion(application.rulesVersion).parameters.withdrawnGrantCountsForTheYear.value;
  return keepsYear
    ? html`<p class="utrecht-paragraph">Let op: de ingetrokken aanvraag telt wel als uw STAP-budget van dit kalenderjaar. U kunt dit kalenderjaar geen nieuw STAP-budget meer krijgen.</p>`
    : html`<p class="utrecht-paragraph">Na het intrekken kunt u dit kalenderjaar opnieuw STAP-budget aanvragen.</p>`;
}

function confirmationPage(application: ApplicationRow, form: { csrf: string; reason: string; errors: string[]; canConfirm: boolean }): string {
  const errors = form.errors.length > 0
    ? html`<div class="status" role="alert"><p>Dit lukte niet:</p><ul>${form.errors.map((m) => html`<li>${m}</li>`)}</ul></div>` : '';
  const confirm = html`
    <p class="utrecht-paragraph">Als u de aanvraag intrekt:</p>
    <ul>
      <li>gaat ${euro(application.grantedCents)} terug naar het budget van het aanvraagtijdvak (zodra de opdracht aan de opleider is geannuleerd);</li>
      <li>betalen wij de opleider niet voor deze opleiding;</li>
      <li>kunt u het intrekken niet ongedaan maken.</li>
    </ul>
    ${yearSlotText(application)}
    <form method="post" action="${withdrawPath(application.id)}">
      <input type="hidden" name="csrf" value="${form.csrf}">
      <p><label class="utrecht-form-label" for="reden">Reden (niet verplicht, hoogstens ${MAX_WITHDRAWAL_REASON_LENGTH} tekens)</label><br>
        <textarea class="utrecht-textarea" id="reden" name="reden" rows="3" maxlength="${MAX_WITHDRAWAL_REASON_LENGTH}">${form.reason}</textarea></p>
      <button class="utrecht-button utrecht-button--primary-action" type="submit">Aanvraag intrekken</button>
      <a class="utrecht-link" href="/mijn-stap-budget">Annuleren</a>
    </form>`;
  return page('Aanvraag intrekken', String(html`
    ${errors}
    <p class="utrecht-paragraph">Opleiding: <strong>${application.trainingName}</strong>, start op ${dutchDate(application.trainingStartDate)}. Toegekend bedrag: ${euro(application.grantedCents)}.</p>
    ${form.canConfirm ? confirm : html`<p><a class="utrecht-link" href="/mijn-stap-budget">Terug naar Mijn STAP-budget</a></p>`}`), { loggedIn: true });
}
