// Server-rendered Dutch pages of the public provider register, styled with NL Design System (Utrecht) CSS.
// Accessible by construction: lang="nl", one h1, a skip link, a labelled search form, a table with caption and
// header cells, and status shown as text (never colour alone). Only public organisation data is shown.
import type { Router } from 'express';
import { notFoundError } from '@stap/platform/errors';
import { loadProviderView, type ProviderView } from '../../application/provider-view';
import { facts } from '../../application/expire-recognitions';
import { todayInAmsterdam } from '../../domain/dates';
import { stateOn } from '../../domain/recognition';
import type { PrismaClient } from '../../infrastructure/prisma/client';
import { isUuid } from '@stap/platform/ids';

const STATUS_NL: Record<string, string> = { ACTIVE: 'Actief', UNDER_INVESTIGATION: 'In onderzoek', SUSPENDED: 'Geschorst', ENDED: 'Beëindigd' };
const STATE_NL: Record<string, string> = { VALID: 'Geldig', PENDING: 'Nog niet ingegaan', EXPIRED: 'Verlopen', REVOKED: 'Ingetrokken' };
const PAGE_SIZE = 25;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - Opleidersregister STAP</title>
<link rel="stylesheet" href="/assets/utrecht.css"></head>
<body class="utrecht-document utrecht-theme">
<a class="utrecht-link" href="#inhoud">Naar de inhoud</a>
<header><p class="utrecht-paragraph"><a class="utrecht-link" href="/opleiders">Opleidersregister STAP</a></p></header>
<main id="inhoud" class="utrecht-page-content">
${body}
</main>
</body></html>`;
}

function listPage(rows: { id: string; communicationName: string; city: string; status: string }[], search: string, page: number, total: number): string {
  const items = rows
    .map((row) => `<tr class="utrecht-table__row"><td class="utrecht-table__cell"><a class="utrecht-link" href="/opleiders/${row.id}">${escapeHtml(row.communicationName)}</a></td><td class="utrecht-table__cell">${escapeHtml(row.city)}</td><td class="utrecht-table__cell">${STATUS_NL[row.status] ?? escapeHtml(row.status)}</td></tr>`)
    .join('\n');
  const next = (page + 1) * PAGE_SIZE < total ? `<a class="utrecht-link" href="/opleiders?zoek=${encodeURIComponent(search)}&amp;pagina=${page + 2}">Volgende pagina</a>` : '';
  const previous = page > 0 ? `<a class="utrecht-link" href="/opleiders?zoek=${encodeURIComponent(search)}&amp;pagina=${page}">Vorige pagina</a> ` : '';
  return layout(
    'Opleiders',
    `<h1 class="utrecht-heading-1">Opleiders</h1>
<form class="utrecht-form" method="get" action="/opleiders" role="search">
<label class="utrecht-form-label" for="zoek">Zoek op naam</label>
<input class="utrecht-textbox" id="zoek" name="zoek" type="search" value="${escapeHtml(search)}">
<button class="utrecht-button utrecht-button--primary-action" type="submit">Zoeken</button>
</form>
<p class="utrecht-paragraph">${total} opleider(s) gevonden.</p>
<table class="utrecht-table"><caption class="utrecht-table__caption">Geregistreerde opleiders</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">Naam</th><th class="utrecht-table__header-cell" scope="col">Plaats</th><th class="utrecht-table__header-cell" scope="col">Status</th></tr></thead>
<tbody class="utrecht-table__body">${items}</tbody></table>
<nav aria-label="Paginering"><p class="utrecht-paragraph">${previous}${next}</p></nav>`,
  );
}

function detailPage(view: ProviderView): string {
  const p = view.provider;
  const today = todayInAmsterdam();
  const recognitions = view.recognitions
    .map((row) => {
      const f = facts(row);
      return `<tr class="utrecht-table__row"><td class="utrecht-table__cell">${escapeHtml(f.route)}</td><td class="utrecht-table__cell">${escapeHtml(f.issuingBody)}</td><td class="utrecht-table__cell">${f.validFrom} t/m ${f.validUntil ?? 'onbepaald'}</td><td class="utrecht-table__cell">${STATE_NL[stateOn(f, today)]}</td></tr>`;
    })
    .join('\n');
  return layout(
    p.communicationName,
    `<h1 class="utrecht-heading-1">${escapeHtml(p.communicationName)}</h1>
<dl>
<dt>Statutaire naam</dt><dd>${escapeHtml(p.legalName)}</dd>
<dt>KVK-nummer</dt><dd>${escapeHtml(p.kvkNumber)}</dd>
<dt>Adres</dt><dd>${escapeHtml(`${p.street} ${p.houseNumber}${p.houseNumberAddition ? ` ${p.houseNumberAddition}` : ''}, ${p.postalCode} ${p.city}`)}</dd>
<dt>E-mail</dt><dd>${escapeHtml(p.contactEmail)}</dd>
<dt>Status</dt><dd>${STATUS_NL[p.status] ?? escapeHtml(p.status)}</dd>
</dl>
<h2 class="utrecht-heading-2">Erkenningen</h2>
${view.recognitions.length === 0 ? '<p class="utrecht-paragraph">Geen erkenningen geregistreerd.</p>' : `<table class="utrecht-table"><caption class="utrecht-table__caption">Erkenningen, nieuwste eerst</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">Route</th><th class="utrecht-table__header-cell" scope="col">Erkenner</th><th class="utrecht-table__header-cell" scope="col">Geldig</th><th class="utrecht-table__header-cell" scope="col">Stand op ${today}</th></tr></thead>
<tbody class="utrecht-table__body">${recognitions}</tbody></table>`}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/opleiders">Terug naar alle opleiders</a></p>`,
  );
}

export function providerPages(prisma: PrismaClient, cssPath: string): (router: Router) => void {
  return (router) => {
    router.get('/assets/utrecht.css', (_request, response) => response.sendFile(cssPath, { maxAge: '1h' }));
    router.get('/opleiders', async (request, response) => {
      const search = typeof request.query.zoek === 'string' ? request.query.zoek.slice(0, 200) : '';
      const requested = Number(request.query.pagina);
      const page = Number.isInteger(requested) && requested > 0 ? requested - 1 : 0;
      const where = search.trim()
        ? { OR: [{ legalName: { contains: search.trim(), mode: 'insensitive' as const } }, { communicationName: { contains: search.trim(), mode: 'insensitive' as const } }] }
        : {};
      const [rows, total] = await Promise.all([
        prisma.provider.findMany({ where, orderBy: [{ legalName: 'asc' }, { id: 'asc' }], skip: page * PAGE_SIZE, take: PAGE_SIZE }),
        prisma.provider.count({ where }),
      ]);
      response.type('html').send(listPage(rows, search, page, total));
    });
    router.get('/opleiders/:id', async (request, response) => {
      const id = String(request.params.id);
      if (!isUuid(id)) throw notFoundError('Deze opleider bestaat niet.');
      response.type('html').send(detailPage(await loadProviderView(prisma, { providerId: id })));
    });
  };
}
