import type { PortalFormat } from '../format';
import { html, type Html } from '../html';
import { named } from '../i18n/messages';
import { hrefTo, type Page } from '../layout';
import type { PublicGraphql } from '../public-graphql';
import { decisionPath } from './links';

const DECISIONS = `query Decisions($filter: DecisionFilter, $after: String, $first: Int) {
  decisions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id outcome decidedAt decidingOrganization { id name } request { requestingOrganization { id name } } compliance { status } violationFound { foundAt } correctionAwaitingReview { status } } }
  }
}`;

interface DecisionRow {
  id: string;
  outcome: string;
  decidedAt: string;
  decidingOrganization: { id: string; name: string };
  request: { requestingOrganization: { id: string; name: string } };
  compliance: { status: string };
  violationFound: { foundAt: string } | null;
  correctionAwaitingReview: { status: string } | null;
}

interface Decisions {
  decisions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: DecisionRow }> };
}

export const OUTCOMES = ['GRANTED', 'PARTIALLY_GRANTED', 'DENIED'] as const;
export const COMPLIANCE = ['COMPLIANT', 'VIOLATION', 'NO_APPLICABLE_RULE'] as const;
/** The API's ClauseRelation: how a decision relates to the clause filtered on; CITED when not given, as in the API. */
export const CLAUSE_RELATIONS = ['CITED', 'JUDGED_AGAINST', 'EITHER'] as const;
export type ClauseRelation = (typeof CLAUSE_RELATIONS)[number];
const PAGE = 50;
/** The chart counts at most this many decisions of the filter (the first pages): said under it. */
const CHART_LIMIT = 1_000;

/** The register's filters as the address gives them; a value the API does not know is no filter. */
export interface DecisionSearch {
  department?: string;
  agency?: string;
  outcome?: string;
  compliance?: string;
  clause?: string;
  /** '1': only decisions ever found in violation */
  everViolation?: string;
  /** how the decisions relate to the clause (a ClauseRelation); only with a clause */
  relation?: string;
  /** YYYY-MM, in the city's time zone */
  month?: string;
  after?: string;
}

/** The register's address for the decisions related to a clause (the default relation, CITED, is left out). */
export function decisionsQuery(clauseId: string, relation: ClauseRelation): { clause: string; relation: ClauseRelation | undefined } {
  return { clause: clauseId, relation: relation === 'CITED' ? undefined : relation };
}

/** The decisions register: filters, a chart of decisions by month and outcome, one row a decision linked to its chain. */
export async function decisionsPage(api: PublicGraphql, f: PortalFormat, search: DecisionSearch): Promise<Page> {
  const t = f.t;
  const outcome = (OUTCOMES as readonly string[]).includes(search.outcome ?? '') ? search.outcome : undefined;
  const compliance = (COMPLIANCE as readonly string[]).includes(search.compliance ?? '') ? search.compliance : undefined;
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(search.month ?? '') ? search.month : undefined;
  const everViolation = search.everViolation === '1' ? '1' : undefined;
  const clause = search.clause || undefined;
  const relation = clause && (CLAUSE_RELATIONS as readonly string[]).includes(search.relation ?? '') ? (search.relation as ClauseRelation) : 'CITED';
  const query = { department: search.department || undefined, agency: search.agency || undefined, outcome, compliance, everViolation, ...(clause ? decisionsQuery(clause, relation) : {}), month };
  const filter = {
    decidingOrganizationId: query.department,
    requestingOrganizationId: query.agency,
    outcome,
    complianceStatus: compliance,
    everFoundInViolation: everViolation ? true : undefined,
    clauseId: clause,
    clauseRelation: clause ? relation : undefined,
    ...(month ? monthRange(f, month) : {}),
  };
  const { decisions } = await api.query<Decisions>(DECISIONS, { filter, after: search.after || null, first: PAGE });
  const chartRows = await chartData(api, f, filter);
  const options = (values: readonly string[], selected: string | undefined, names: Record<string, string>) =>
    html`<option value="">${t.measures.any}</option>${values.map((value) => html`<option value="${value}"${selected === value ? html` selected` : ''}>${named(names, value)}</option>`)}`;
  const filtered = (extra: Record<string, string>) => hrefTo('/decisions', f.lang, { ...query, ...extra });

  const main = html`
<h1>${t.decisions.title}</h1>
<p>${t.decisions.intro}</p>
<form class="usa-form usa-form--large maxw-none grid-row grid-gap" method="get" action="/decisions" role="search">
  ${f.lang !== 'en' ? html`<input type="hidden" name="lang" value="${f.lang}">` : ''}
  ${query.department ? html`<input type="hidden" name="department" value="${query.department}">` : ''}
  ${query.agency ? html`<input type="hidden" name="agency" value="${query.agency}">` : ''}
  ${clause ? html`<input type="hidden" name="clause" value="${clause}">
  <div class="grid-col-12"><label class="usa-label" for="relation">${t.decisions.relation(clause)}</label><select class="usa-select" id="relation" name="relation">${CLAUSE_RELATIONS.map(
    (value) => html`<option value="${value}"${relation === value ? html` selected` : ''}>${named(t.relationName, value)}</option>`,
  )}</select></div>` : ''}
  <div class="tablet:grid-col-4"><label class="usa-label" for="outcome">${t.decisions.outcome}</label><select class="usa-select" id="outcome" name="outcome">${options(OUTCOMES, outcome, t.outcomeName)}</select></div>
  <div class="tablet:grid-col-4"><label class="usa-label" for="compliance">${t.decisions.compliance}</label><select class="usa-select" id="compliance" name="compliance">${options(COMPLIANCE, compliance, t.complianceName)}</select></div>
  <div class="tablet:grid-col-4"><label class="usa-label" for="month">${t.decisions.month}</label><input class="usa-input" id="month" name="month" type="month" value="${month ?? ''}"></div>
  <div class="grid-col-12"><div class="usa-checkbox"><input class="usa-checkbox__input" id="everViolation" name="everViolation" type="checkbox" value="1"${everViolation ? html` checked` : ''}><label class="usa-checkbox__label" for="everViolation">${t.decisions.everViolation}</label></div></div>
  <div class="grid-col-12"><button class="usa-button" type="submit">${t.measures.apply}</button>
    ${Object.values(query).some(Boolean) ? html`<a class="usa-button usa-button--unstyled margin-left-2" href="${hrefTo('/decisions', f.lang)}">${t.decisions.clear}</a>` : ''}</div>
</form>
${query.department || query.agency || query.clause ? html`<p>${t.decisions.narrowedTo} ${[query.department, query.agency, query.clause].filter(Boolean).join(', ')}</p>` : ''}
<p role="status">${t.decisions.results(decisions.totalCount)}</p>
${chartRows.length ? chart(f, chartRows, decisions.totalCount) : ''}
${decisions.edges.length === 0 ? html`<p>${t.decisions.none}</p>` : html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--stacked" data-register>
  <thead><tr><th scope="col">${t.decisions.decided}</th><th scope="col">${t.decisions.department}</th><th scope="col">${t.decisions.requestedBy}</th><th scope="col">${t.decisions.outcome}</th><th scope="col">${t.decisions.compliance}</th></tr></thead>
  <tbody>${decisions.edges.map(
    ({ node }) => html`<tr>
      <th scope="row" data-label="${t.decisions.decided}"><a class="usa-link" href="${hrefTo(decisionPath(node.id), f.lang)}"><time datetime="${node.decidedAt}">${f.instant(node.decidedAt)}</time></a></th>
      <td data-label="${t.decisions.department}"><a class="usa-link" href="${filtered({ department: node.decidingOrganization.id })}">${node.decidingOrganization.name}</a></td>
      <td data-label="${t.decisions.requestedBy}"><a class="usa-link" href="${filtered({ agency: node.request.requestingOrganization.id })}">${node.request.requestingOrganization.name}</a></td>
      <td data-label="${t.decisions.outcome}">${named(t.outcomeName, node.outcome)}</td>
      <td data-label="${t.decisions.compliance}">${named(t.complianceName, node.compliance.status)}${node.violationFound && node.compliance.status !== 'VIOLATION' ? html` <span class="usa-tag bg-secondary-dark">${t.decisions.everViolationTag}</span>` : ''}${node.correctionAwaitingReview ? html` <span class="usa-tag">${t.decisions.awaitingReviewTag}</span>` : ''}</td>
    </tr>`,
  )}</tbody></table></div>`}
${decisions.pageInfo.hasNextPage && decisions.pageInfo.endCursor ? html`<p><a class="usa-button usa-button--outline" href="${filtered({ after: decisions.pageInfo.endCursor })}">${t.measures.next}</a></p>` : ''}`;
  return { title: t.decisions.title, path: '/decisions', query, main };
}

/** The first and last instant of a month in the city's time zone, as the API's from/to. */
function monthRange(f: PortalFormat, month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { from: f.cityMidnight(`${month}-01`), to: new Date(Date.parse(f.cityMidnight(`${next}-01`)) - 1).toISOString() };
}

interface ChartRow {
  month: string;
  counts: Record<string, number>;
}

/** Decisions by month (in the city) and outcome, over the filter's decisions (at most CHART_LIMIT of them). */
async function chartData(api: PublicGraphql, f: PortalFormat, filter: object): Promise<ChartRow[]> {
  const byMonth = new Map<string, Record<string, number>>();
  let read = 0;
  let cursor: string | null = null;
  do {
    const { decisions }: Decisions = await api.query<Decisions>(DECISIONS, { filter, after: cursor, first: 100 });
    for (const { node } of decisions.edges) {
      const month = f.cityDateOf(node.decidedAt).slice(0, 7);
      const counts = byMonth.get(month) ?? {};
      counts[node.outcome] = (counts[node.outcome] ?? 0) + 1;
      byMonth.set(month, counts);
    }
    read += decisions.edges.length;
    cursor = decisions.pageInfo.hasNextPage ? decisions.pageInfo.endCursor : null;
  } while (cursor && read < CHART_LIMIT);
  return [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, counts]) => ({ month, counts }));
}

const BAR_COLOURS: Record<string, string> = { GRANTED: '#00a91c', PARTIALLY_GRANTED: '#e5a000', DENIED: '#d54309' };

/** The chart as a table (readable by everyone, screen readers included), each row with its bar. */
function chart(f: PortalFormat, rows: ChartRow[], total: number): Html {
  const t = f.t;
  const most = Math.max(...rows.map((r) => Object.values(r.counts).reduce((a, b) => a + b, 0)));
  const counted = rows.reduce((n, r) => n + Object.values(r.counts).reduce((a, b) => a + b, 0), 0);
  return html`<figure class="margin-x-0" data-chart>
  <figcaption class="text-bold">${t.decisions.chartCaption}${counted < total ? html` (${t.decisions.chartOf(counted, total)})` : ''}</figcaption>
  <table class="usa-table usa-table--borderless usa-table--compact width-full">
    <thead><tr><th scope="col">${t.decisions.month}</th>${OUTCOMES.map((o) => html`<th scope="col">${named(t.outcomeName, o)}</th>`)}<th scope="col"><span class="usa-sr-only">${t.decisions.chartCaption}</span></th></tr></thead>
    <tbody>${rows.map((row) => html`<tr data-month="${row.month}">
      <th scope="row">${row.month}</th>${OUTCOMES.map((o) => html`<td>${row.counts[o] ?? 0}</td>`)}
      <td class="width-full" aria-hidden="true"><span class="display-flex">${OUTCOMES.map((o) =>
        row.counts[o] ? html`<span style="${`display:inline-block;height:1rem;width:${((row.counts[o] / most) * 100).toFixed(1)}%;background:${BAR_COLOURS[o]}`}"></span>` : '',
      )}</span></td>
    </tr>`)}</tbody>
  </table>
</figure>`;
}
