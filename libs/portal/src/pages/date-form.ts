import type { PortalFormat } from '../format';
import { html, type Html } from '../html';

/**
 * The as-of date control: a plain GET form (no script needed) that reloads `action` with
 * `name=YYYY-MM-DD`, keeping the page's language. Home, measure, clause and organization pages use it.
 */
export function dateForm(f: PortalFormat, options: { action: string; name: string; label: string; value: string }): Html {
  return html`<form class="usa-form maxw-none" method="get" action="${options.action}">
  ${f.lang !== 'en' ? html`<input type="hidden" name="lang" value="${f.lang}">` : ''}
  <label class="usa-label" for="${options.name}">${options.label}</label>
  <input class="usa-input maxw-card-lg" id="${options.name}" name="${options.name}" type="date" value="${options.value}">
  <button class="usa-button margin-top-1" type="submit">${f.t.clause.show}</button>
</form>`;
}
