// "Wie heeft mijn gegevens bekeken": the logged-in person's own records of partner look-ups (which organisation, for
// which purpose, which data, when), newest first, 20 per page (use case application/data-access-records.ts).
// Transparency of every read of personal data by a partner: DESIGN.md §4; DOMAIN.md §5.
// Route: GET /wie-heeft-mijn-gegevens-bekeken?pagina=N.
import type { Router } from 'express';
import { html } from '@stap/platform/http/html';
import type { PortalContext } from '../../application/context';
import { myDataAccessRecords, type DataAccessRow } from '../../application/data-access-records';
import { PURPOSE_SEES, type LookupPurpose } from '../../application/partner-lookup';
import { dutchDateTime, page, type PageSession } from './html';

export const DATA_ACCESS_PATH = '/wie-heeft-mijn-gegevens-bekeken';
const TITLE = 'Wie heeft mijn gegevens bekeken';
const PAGE_SIZE = 20;
/** Page numbers beyond this are refused as bad input (an offset of 20 million rows is no one's real page). */
const MAX_PAGE_NUMBER = 1_000_000;

const PURPOSE_NL: Record<LookupPurpose, string> = {
  REINTEGRATION: 'Re-integratie (begeleiding naar werk)',
  CO_FINANCING_CHECK: 'Controle op dubbele financiering',
  STUDENT_FINANCE_COORDINATION: 'Afstemming met studiefinanciering',
  LEERWERKLOKET_ADVICE: 'Advies van het Leerwerkloket',
  ENFORCEMENT: 'Toezicht en handhaving',
};

/** What the partner saw: the status is always part of the answer; training and amount only for some purposes. */
function dataSeen(purpose: string): string {
  const known = purpose in PURPOSE_NL ? (purpose as LookupPurpose) : undefined;
  const seen = ['of u STAP-budget hebt aangevraagd en het besluit'];
  if (known && PURPOSE_SEES.training.has(known)) seen.push('de opleiding');
  if (known && PURPOSE_SEES.amount.has(known)) seen.push('het bedrag');
  return seen.join(', ');
}

export function mountDataAccessPage(router: Router, ctx: PortalContext, session: PageSession): void {
  router.get(DATA_ACCESS_PATH, async (request, response) => {
    const login = session.requireLogin(request, response);
    if (!login) return;
    const requested = typeof request.query['pagina'] === 'string' ? request.query['pagina'] : '1';
    const pageNumber = /^\d{1,7}$/.test(requested) ? Number(requested) : NaN;
    if (!(pageNumber >= 1 && pageNumber <= MAX_PAGE_NUMBER)) {
      response.status(400).send(page(TITLE, String(html`
        <div class="status" role="alert"><p>Het paginanummer moet een geheel getal vanaf 1 zijn.</p></div>
        <p><a class="utrecht-link" href="${DATA_ACCESS_PATH}">Naar de eerste pagina</a></p>`), { loggedIn: true }));
      return;
    }
    const { rows, total } = await myDataAccessRecords(ctx, login.bsn, { skip: (pageNumber - 1) * PAGE_SIZE, take: PAGE_SIZE });
    const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
    response.send(page(TITLE, String(html`
      <p class="utrecht-paragraph">Organisaties die met u samenwerken, zoals uw gemeente of UWV, mogen voor een vast doel opzoeken of u STAP-budget hebt. Elke keer dat zij dat doen, ziet u het hier.</p>
      <table class="utrecht-table"><caption>Opzoekingen van uw gegevens, nieuwste eerst</caption>
        <thead><tr><th scope="col">Wanneer</th><th scope="col">Organisatie</th><th scope="col">Doel</th><th scope="col">Bekeken gegevens</th><th scope="col">Dossiernummer van de organisatie</th></tr></thead>
        <tbody>${rows.length > 0 ? rows.map(recordRow) : html`<tr><td colspan="5">${total > 0 ? 'Deze pagina is leeg.' : 'Niemand heeft uw gegevens opgezocht.'}</td></tr>`}</tbody></table>
      <nav aria-label="Paginering"><p class="utrecht-paragraph">Pagina ${Math.min(pageNumber, lastPage)} van ${lastPage} (${total} ${total === 1 ? 'opzoeking' : 'opzoekingen'}).
        ${pageNumber > 1 ? html`<a class="utrecht-link" href="${DATA_ACCESS_PATH}?pagina=${Math.min(pageNumber - 1, lastPage)}">Vorige pagina</a>` : ''}
        ${pageNumber < lastPage ? html`<a class="utrecht-link" href="${DATA_ACCESS_PATH}?pagina=${pageNumber + 1}">Volgende pagina</a>` : ''}</p></nav>`), { loggedIn: true }));
  });
}

const recordRow = (record: DataAccessRow) => html`
  <tr><td>${dutchDateTime(record.accessedAt)}</td><td>${record.accessorSubject}</td><td>${PURPOSE_NL[record.purpose as LookupPurpose] ?? record.purpose}</td>
    <td>${dataSeen(record.purpose)}${record.resultCount === 0 ? ' (niets gevonden)' : ''}</td><td>${record.caseReference}</td></tr>`;
