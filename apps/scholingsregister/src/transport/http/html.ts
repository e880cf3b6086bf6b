// Server-rendered HTML for the provider pages: every interpolated value is escaped unless marked safe; one Dutch
// layout (lang="nl", a skip link, landmarks, one h1) with NL Design System (Utrecht) classes; form fields whose
// label is tied to the input and whose error is announced (aria-invalid, aria-describedby); an error summary at the
// top that links to each wrong field (WCAG 2.1 AA, NL Design System form guidance). No inline script or style, so
// helmet's Content-Security-Policy holds.
import { html, pageShell, SafeHtml } from '@stap/platform/http';

export { html, SafeHtml };

export interface LayoutOptions {
  signedIn?: { organisation: string; csrf: string };
}

export function layout(title: string, body: SafeHtml, options: LayoutOptions = {}): string {
  const signedIn = options.signedIn;
  const header = html`<p class="utrecht-paragraph"><strong>Scholingsregister – opleidingen invoeren</strong>${signedIn ? html` · ${signedIn.organisation}` : ''}</p>
${signedIn
    ? html`<nav aria-label="Hoofdmenu"><ul class="utrecht-unordered-list"><li><a class="utrecht-link" href="/aanbieder/opleidingen">Mijn opleidingen</a></li><li><a class="utrecht-link" href="/aanbieder/opleidingen/nieuw">Nieuwe opleiding</a></li></ul>
<form method="post" action="/aanbieder/uitloggen"><input type="hidden" name="csrf" value="${signedIn.csrf}"><button class="utrecht-button utrecht-button--secondary-action" type="submit">Uitloggen</button></form></nav>`
    : ''}
`;
  return pageShell({ title, siteName: 'Scholingsregister voor opleiders', stylesheet: '/aanbieder/static/utrecht.css', header, body });
}

/** A wrong field as shown: the id of its input and the Dutch message. */
export interface FieldError {
  id: string;
  message: string;
}

/** The summary at the top of a form with errors: each error links to its field. */
export function errorSummary(errors: readonly FieldError[], intro = 'Het formulier is niet verwerkt. Verbeter de volgende punten:'): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="foutsamenvatting">
<h2 class="utrecht-heading-2" id="foutsamenvatting">Er is iets niet goed ingevuld</h2>
<p class="utrecht-paragraph">${intro}</p>
<ul class="utrecht-unordered-list">${errors.map((error) => html`<li><a class="utrecht-link" href="#${error.id}">${error.message}</a></li>`)}</ul></div>`;
}

export interface FieldOptions {
  type?: string;
  hint?: string;
  required?: boolean;
  inputmode?: string;
  autocomplete?: string;
}

/** A labelled text input; with an error, the message sits between label and input and the input is aria-invalid. */
export function textField(id: string, label: string, value: string, errors: readonly FieldError[], options: FieldOptions = {}): SafeHtml {
  const error = errors.find((e) => e.id === id);
  const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-fout` : ''].filter(Boolean).join(' ');
  return html`<div class="utrecht-form-field${error ? html` utrecht-form-field--invalid` : ''}">
<label class="utrecht-form-label" for="${id}">${label}${options.required ? '' : html` <span class="utrecht-form-label__optional">(niet verplicht)</span>`}</label>
${options.hint ? html`<p class="utrecht-form-field-description" id="${id}-hint">${options.hint}</p>` : ''}
${error ? html`<p class="utrecht-form-field-error-message" id="${id}-fout">${error.message}</p>` : ''}
<input class="utrecht-textbox${error ? html` utrecht-textbox--invalid` : ''}" id="${id}" name="${id}" type="${options.type ?? 'text'}" value="${value}"${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.required ? html` required aria-required="true"` : ''}${error ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}></div>`;
}

export function selectField(id: string, label: string, choices: readonly { value: string; label: string }[], selected: string, errors: readonly FieldError[]): SafeHtml {
  const error = errors.find((e) => e.id === id);
  return html`<div class="utrecht-form-field${error ? html` utrecht-form-field--invalid` : ''}">
<label class="utrecht-form-label" for="${id}">${label}</label>
${error ? html`<p class="utrecht-form-field-error-message" id="${id}-fout">${error.message}</p>` : ''}
<select class="utrecht-select" id="${id}" name="${id}"${error ? html` aria-invalid="true" aria-describedby="${id}-fout"` : ''}>
${choices.map((choice) => html`<option value="${choice.value}"${choice.value === selected ? html` selected` : ''}>${choice.label}</option>`)}
</select></div>`;
}

export function checkboxField(id: string, label: string, checked: boolean): SafeHtml {
  return html`<div class="utrecht-form-field utrecht-form-field--checkbox"><input class="utrecht-checkbox" type="checkbox" id="${id}" name="${id}" value="ja"${checked ? html` checked` : ''}>
<label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}">${label}</label></div>`;
}

export const hiddenCsrf = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}">`;
