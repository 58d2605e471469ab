import type { PortalFormat } from '../format';
import { html, type Html } from '../html';

/**
 * Text the read models word in English (an action's description, a compliance finding's
 * sentence): neither the record's own words nor an interface string of the catalogue. On a page
 * in another language it is marked as English, so a screen reader pronounces it right.
 */
export function inEnglish(f: PortalFormat, text: string): Html {
  return f.lang === 'en' ? html`${text}` : html`<span lang="en">${text}</span>`;
}
