import type { PortalFormat } from '../format';
import { html } from '../html';
import { named } from '../i18n/messages';
import { PORTAL_SCRIPTS, hrefTo, type Page } from '../layout';
import type { PublicGraphql } from '../public-graphql';
import { eventLink, measurePath } from './links';
import { dateForm } from './date-form';

const COUNTS = `query HomeCounts($today: Date!) {
  policyInForce(on: $today, first: 100) { clause { id heading measure { id title } } version text }
  measures(first: 1) { totalCount }
  decisions(first: 1) { totalCount }
  events(first: 1) { totalCount }
}`;

const RECENT = `query HomeRecent($last: Int!) {
  events(last: $last) { edges { node { id sequence type streamId occurredAt } } }
}`;

const RECENT_COUNT = 8;

interface Counts {
  policyInForce: Array<{ clause: { id: string; heading: string | null; measure: { id: string; title: string } }; version: number; text: string }>;
  measures: { totalCount: number };
  decisions: { totalCount: number };
  events: { totalCount: number };
}

interface Recent {
  events: { edges: Array<{ node: { id: string; sequence: number; type: string; streamId: string; occurredAt: string } }> };
}

/** Home: the policy in force today in the record's own words, recent activity, counts. */
export async function homePage(api: PublicGraphql, f: PortalFormat, options: { asOf?: string } = {}): Promise<Page> {
  const t = f.t;
  const today = options.asOf ?? f.cityDateOf(new Date());
  const counts = await api.query<Counts>(COUNTS, { today });
  const total = counts.events.totalCount;
  const recent = total === 0 ? [] : (await api.query<Recent>(RECENT, { last: RECENT_COUNT })).events.edges.map((e) => e.node).reverse();

  const inForce = counts.policyInForce;
  const main = html`
<h1>${t.home.title}</h1>
<p class="usa-intro">${t.siteTagline}</p>
${total === 0 ? html`<div class="usa-alert usa-alert--info"><div class="usa-alert__body"><p class="usa-alert__text">${t.home.emptyLedger}</p></div></div>` : ''}
<section aria-labelledby="counts" data-live="counts">
  <h2 id="counts">${t.home.counts}</h2>
  <ul class="usa-list usa-list--unstyled grid-row grid-gap">
    <li class="tablet:grid-col-4"><a href="${hrefTo('/measures', f.lang)}"><strong class="font-heading-xl">${f.number(counts.measures.totalCount)}</strong> ${t.home.measuresCount}</a></li>
    <li class="tablet:grid-col-4"><a href="${hrefTo('/decisions', f.lang)}"><strong class="font-heading-xl">${f.number(counts.decisions.totalCount)}</strong> ${t.home.decisionsCount}</a></li>
    <li class="tablet:grid-col-4"><strong class="font-heading-xl">${f.number(total)}</strong> ${t.home.eventsCount}</li>
  </ul>
</section>
<section aria-labelledby="in-force">
  <h2 id="in-force">${options.asOf ? t.clause.inForceOn(f.day(options.asOf)) : t.home.inForceToday}</h2>
  ${dateForm(f, { action: '/#in-force', name: 'asOf', label: t.clause.asOf, value: today })}
  ${inForce.length === 0 ? html`<p>${t.home.nothingInForce}</p>` : html`<p>${t.home.inForceTodayIntro(inForce.length)}</p>
  <ul class="usa-collection">${inForce.map(
    (version) => html`<li class="usa-collection__item"><div class="usa-collection__body">
      <h3 class="usa-collection__heading"><a class="usa-link" href="${hrefTo(measurePath(version.clause.measure.id), f.lang)}">${version.clause.measure.title}</a>${version.clause.heading ? html`: ${version.clause.heading}` : ''}</h3>
      <p class="usa-collection__description clause-text">${version.text}</p>
    </div></li>`,
  )}</ul>`}
</section>
<section aria-labelledby="follow">
  <h2 id="follow">${t.feeds.heading}</h2>
  <p>${t.feeds.intro}</p>
  <ul class="usa-list">
    <li>${t.feeds.measures}: <a class="usa-link" href="${hrefTo('/feeds/measures.atom', f.lang)}">Atom</a>, <a class="usa-link" href="${hrefTo('/feeds/measures.rss', f.lang)}">RSS</a></li>
    <li>${t.feeds.votes}: <a class="usa-link" href="${hrefTo('/feeds/votes.atom', f.lang)}">Atom</a>, <a class="usa-link" href="${hrefTo('/feeds/votes.rss', f.lang)}">RSS</a></li>
    <li>${t.feeds.decisions}: <a class="usa-link" href="${hrefTo('/feeds/decisions.atom', f.lang)}">Atom</a>, <a class="usa-link" href="${hrefTo('/feeds/decisions.rss', f.lang)}">RSS</a></li>
    <li><a class="usa-link" href="/downloads/measures.csv" download>${t.feeds.csvMeasures}</a>, <a class="usa-link" href="/downloads/votes.csv" download>${t.feeds.csvVotes}</a>, <a class="usa-link" href="/downloads/decisions.csv" download>${t.feeds.csvDecisions}</a></li>
  </ul>
</section>
<section aria-labelledby="recent">
  <h2 id="recent">${t.home.recentActivity}</h2>
  <ul class="usa-list" data-live="recent" aria-live="polite">${recent.map((event) => {
    const link = eventLink(event);
    const label = named(t.eventName, event.type);
    return html`<li>${link ? html`<a class="usa-link" href="${hrefTo(link, f.lang)}">${label}</a>` : label}, <time datetime="${event.occurredAt}">${f.instant(event.occurredAt)}</time></li>`;
  })}</ul>
</section>`;
  return { title: t.home.title, path: '/', query: { asOf: options.asOf }, main, scripts: [`${PORTAL_SCRIPTS}/live.js`] };
}
