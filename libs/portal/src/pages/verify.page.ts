import type { PortalFormat } from '../format';
import { html } from '../html';
import { PORTAL_SCRIPTS, type Page } from '../layout';


/**
 * The verify page: a form the browser script (libs/portal/browser/verify-page.ts) brings to life;
 * without scripts it says what to use instead. The result is announced to screen readers.
 */
export function verifyPage(f: PortalFormat, eventId: string | undefined): Page {
  const t = f.t.verify;
  const labels = { verified: t.verified, notVerified: t.notVerified, checked: t.checked, notChecked: t.notChecked, noEd25519: t.noEd25519, dataMatches: t.dataMatches, dataDiffers: t.dataDiffers, failed: t.failed };
  const main = html`
<h1>${t.title}</h1>
<p class="usa-intro">${t.intro}</p>
<noscript><div class="usa-alert usa-alert--warning"><div class="usa-alert__body"><p class="usa-alert__text">${t.noScript}</p></div></div></noscript>
<form class="usa-form usa-form--large" data-verify data-labels="${JSON.stringify(labels)}" hidden>
  <label class="usa-label" for="event">${t.event}</label>
  <span class="usa-hint" id="event-hint">${t.eventHint}</span>
  <input class="usa-input" id="event" name="event" aria-describedby="event-hint" value="${eventId ?? ''}" autocomplete="off">
  <label class="usa-label" for="proof">${t.proofFile}</label>
  <input class="usa-file-input" id="proof" name="proof" type="file" accept=".tlog-proof,text/plain">
  <label class="usa-label" for="vkey">${t.vkey}</label>
  <span class="usa-hint" id="vkey-hint">${t.vkeyHint}</span>
  <input class="usa-input" id="vkey" name="vkey" aria-describedby="vkey-hint" autocomplete="off" spellcheck="false">
  <button class="usa-button" type="submit">${t.check}</button>
</form>
<div id="verify-result" role="status" aria-live="polite" class="margin-top-3"></div>`;
  return { title: t.title, path: '/verify', query: { event: eventId }, main, scripts: [`${PORTAL_SCRIPTS}/verify.js`] };
}
