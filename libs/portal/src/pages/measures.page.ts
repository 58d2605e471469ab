import type { PortalFormat } from '../format';
import { html } from '../html';
import { named } from '../i18n/messages';
import { hrefTo, type Page } from '../layout';
import type { PublicGraphql } from '../public-graphql';
import { measurePath } from './links';

const MEASURES = `query Measures($filter: MeasureFilter, $after: String) {
  measures(filter: $filter, first: 25, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind title status introducedAt } }
  }
}`;

export const MEASURE_KINDS = ['ORDINANCE', 'RESOLUTION', 'EXECUTIVE_ORDER'] as const;
export const MEASURE_STATUSES = ['DRAFT', 'INTRODUCED', 'IN_COMMITTEE', 'PASSED', 'ENACTED', 'ISSUED', 'VETOED', 'FAILED', 'WITHDRAWN', 'REPEALED', 'REVOKED'] as const;

/** The list's filters as the address gives them; a value the API does not know is no filter. */
export interface MeasureSearch {
  text?: string;
  /** a person id: measures they sponsored */
  sponsor?: string;
  /** a calendar date: measures with a clause in force that day */
  inForceOn?: string;
  kind?: string;
  status?: string;
  after?: string;
}

interface Measures {
  measures: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; kind: string; title: string; status: string; introducedAt: string } }>;
  };
}

export async function measuresPage(api: PublicGraphql, f: PortalFormat, search: MeasureSearch): Promise<Page> {
  const t = f.t;
  const kind = (MEASURE_KINDS as readonly string[]).includes(search.kind ?? '') ? search.kind : undefined;
  const status = (MEASURE_STATUSES as readonly string[]).includes(search.status ?? '') ? search.status : undefined;
  const text = search.text?.trim().slice(0, 200) || undefined;
  const sponsor = search.sponsor || undefined;
  const inForceOn = search.inForceOn;
  const filter = { kind, status, text, sponsorId: sponsor, inForceOn };
  const { measures } = await api.query<Measures>(MEASURES, { filter, after: search.after || null });
  const query = { text, kind, status, sponsor, inForceOn };
  const options = (values: readonly string[], selected: string | undefined, names: Record<string, string>) =>
    html`<option value="">${t.measures.any}</option>${values.map((value) => html`<option value="${value}"${selected === value ? html` selected` : ''}>${named(names, value)}</option>`)}`;
  const main = html`
<h1>${t.measures.title}</h1>
<p>${t.measures.intro}</p>
<form class="usa-form usa-form--large maxw-none grid-row grid-gap" method="get" action="/measures" role="search">
  ${f.lang !== 'en' ? html`<input type="hidden" name="lang" value="${f.lang}">` : ''}
  <div class="tablet:grid-col-6"><label class="usa-label" for="text">${t.measures.search}</label><input class="usa-input" id="text" name="text" type="search" value="${text ?? ''}"></div>
  <div class="tablet:grid-col-3"><label class="usa-label" for="kind">${t.measures.kind}</label><select class="usa-select" id="kind" name="kind">${options(MEASURE_KINDS, kind, t.kindName)}</select></div>
  <div class="tablet:grid-col-3"><label class="usa-label" for="status">${t.measures.status}</label><select class="usa-select" id="status" name="status">${options(MEASURE_STATUSES, status, t.statusName)}</select></div>
  <div class="tablet:grid-col-6"><label class="usa-label" for="inForceOn">${t.measures.inForceOn}</label><input class="usa-input" id="inForceOn" name="inForceOn" type="date" value="${inForceOn ?? ''}"></div>
  ${sponsor ? html`<input type="hidden" name="sponsor" value="${sponsor}">` : ''}
  <div class="grid-col-12"><button class="usa-button" type="submit">${t.measures.apply}</button></div>
</form>
${sponsor ? html`<p>${t.measures.sponsoredBy} ${sponsor} <a class="usa-link" href="${hrefTo('/measures', f.lang, { ...query, sponsor: undefined })}">${t.decisions.clear}</a></p>` : ''}
<p role="status">${t.measures.results(measures.totalCount)}</p>
${measures.edges.length === 0 ? html`<p>${t.measures.none}</p>` : html`<ul class="usa-collection">${measures.edges.map(
    ({ node }) => html`<li class="usa-collection__item"><div class="usa-collection__body">
      <h2 class="usa-collection__heading"><a class="usa-link" href="${hrefTo(measurePath(node.id), f.lang)}">${node.title}</a></h2>
      <ul class="usa-collection__meta">
        <li class="usa-collection__meta-item">${node.id}</li>
        <li class="usa-collection__meta-item">${named(t.kindName, node.kind)}</li>
        <li class="usa-collection__meta-item"><span class="usa-tag">${named(t.statusName, node.status)}</span></li>
        <li class="usa-collection__meta-item">${t.measure.introduced} <time datetime="${node.introducedAt}">${f.instant(node.introducedAt)}</time></li>
      </ul>
    </div></li>`,
  )}</ul>`}
${measures.pageInfo.hasNextPage && measures.pageInfo.endCursor ? html`<p><a class="usa-button usa-button--outline" href="${hrefTo('/measures', f.lang, { ...query, after: measures.pageInfo.endCursor })}">${t.measures.next}</a></p>` : ''}`;
  return { title: t.measures.title, path: '/measures', query, main };
}
