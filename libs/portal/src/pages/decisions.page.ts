import type { PortalFormat } from '../format';
import { html } from '../html';
import { named } from '../i18n/messages';
import { hrefTo, type Page } from '../layout';
import type { PublicGraphql } from '../public-graphql';
import { decisionPath } from './links';

const DECISIONS = `query Decisions($after: String) {
  decisions(first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id outcome decidedAt decidingOrganization { name } request { requestingOrganization { name } } compliance { status } } }
  }
}`;

interface Decisions {
  decisions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; outcome: string; decidedAt: string; decidingOrganization: { name: string }; request: { requestingOrganization: { name: string } }; compliance: { status: string } } }>;
  };
}

/** The decisions register, one row a decision, each linked to its traced page. */
export async function decisionsPage(api: PublicGraphql, f: PortalFormat, after: string | undefined): Promise<Page> {
  const t = f.t;
  const { decisions } = await api.query<Decisions>(DECISIONS, { after: after || null });
  const main = html`
<h1>${t.decisions.title}</h1>
<p>${t.decisions.intro}</p>
${decisions.edges.length === 0 ? html`<p>${t.decisions.none}</p>` : html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--stacked">
  <thead><tr><th scope="col">${t.decisions.decided}</th><th scope="col">${t.decisions.department}</th><th scope="col">${t.decisions.requestedBy}</th><th scope="col">${t.decisions.outcome}</th><th scope="col">${t.decisions.compliance}</th></tr></thead>
  <tbody>${decisions.edges.map(
    ({ node }) => html`<tr>
      <th scope="row" data-label="${t.decisions.decided}"><a class="usa-link" href="${hrefTo(decisionPath(node.id), f.lang)}"><time datetime="${node.decidedAt}">${f.instant(node.decidedAt)}</time></a></th>
      <td data-label="${t.decisions.department}">${node.decidingOrganization.name}</td>
      <td data-label="${t.decisions.requestedBy}">${node.request.requestingOrganization.name}</td>
      <td data-label="${t.decisions.outcome}">${named(t.outcomeName, node.outcome)}</td>
      <td data-label="${t.decisions.compliance}">${named(t.complianceName, node.compliance.status)}</td>
    </tr>`,
  )}</tbody></table></div>`}
${decisions.pageInfo.hasNextPage && decisions.pageInfo.endCursor ? html`<p><a class="usa-button usa-button--outline" href="${hrefTo('/decisions', f.lang, { after: decisions.pageInfo.endCursor })}">${t.measures.next}</a></p>` : ''}`;
  return { title: t.decisions.title, path: '/decisions', main };
}
