import { diffWords } from 'diff';
import type { PortalFormat } from '../format';
import { html, type Html } from '../html';
import { named } from '../i18n/messages';
import { hrefTo, type Page } from '../layout';
import { PortalNotFound, type PublicGraphql } from '../public-graphql';
import { anchorOf, clausePath, decisionPath, measurePath } from './links';
import { dateForm } from './date-form';
import { decisionsQuery, type ClauseRelation } from './decisions.page';

const CLAUSE = `query Clause($id: ID!, $asOf: Date!) {
  clause(id: $id) {
    id eId heading
    inForce(on: $asOf) { version text }
    measure { id title }
    versions { version heading text validFrom validUntil struck adoptedBy { id motion occurredAt measure { id } } }
    citations(first: 100) { ...DecisionsListed }
    judgedDecisions(first: 100) { ...DecisionsListed }
  }
}
fragment DecisionsListed on DecisionConnection {
  totalCount
  edges { node { id decidedAt outcome decidingOrganization { name } compliance { status findings { status clause { version clause { id } } } } } }
}`;

interface ClauseView {
  id: string;
  eId: string;
  heading: string | null;
  inForce: { version: number; text: string } | null;
  measure: { id: string; title: string };
  versions: Array<{ version: number; heading: string | null; text: string; validFrom: string | null; validUntil: string | null; struck: boolean; adoptedBy: { id: string; motion: string; occurredAt: string; measure: { id: string } } | null }>;
  citations: DecisionsListed;
  judgedDecisions: DecisionsListed;
}

interface DecisionsListed {
  totalCount: number;
  edges: Array<{ node: DecisionListed }>;
}

interface DecisionListed {
  id: string;
  decidedAt: string;
  outcome: string;
  decidingOrganization: { name: string };
  compliance: { status: string; findings: Array<{ status: string; clause: { version: number; clause: { id: string } } }> };
}

export interface ClauseOptions {
  /** a calendar date (YYYY-MM-DD): which version was in force then */
  asOf?: string;
  /** the two versions to compare; by default the latest and the one before */
  from?: number;
  to?: number;
}

/**
 * A clause: every version with the days it was in force, a diff between any two, the version in
 * force on a date, the decisions that cited it, and those judged against it (its rule applied,
 * cited or not) with what was found on it.
 */
export async function clausePage(api: PublicGraphql, f: PortalFormat, measureId: string, eId: string, options: ClauseOptions): Promise<Page> {
  const t = f.t;
  const id = `${measureId}#${eId}`;
  const asOf = options.asOf ?? f.cityDateOf(new Date());
  const { clause } = await api.query<{ clause: ClauseView | null }>(CLAUSE, { id, asOf });
  if (!clause) throw new PortalNotFound(`clause ${id}`);
  const inForce = clause.inForce;
  const versions = [...clause.versions].sort((a, b) => a.version - b.version);
  const byNumber = new Map(versions.map((v) => [v.version, v]));
  const to = byNumber.get(options.to ?? versions.at(-1)!.version) ?? versions.at(-1)!;
  const from = byNumber.get(options.from ?? to.version - 1) ?? null;
  const path = clausePath(clause.id);
  const title = `${clause.measure.title}: ${clause.heading ?? clause.eId}`;
  const versionOptions = (selected: number | undefined) =>
    versions.map((v) => html`<option value="${v.version}"${selected === v.version ? html` selected` : ''}>${t.measure.version(v.version)}</option>`);

  const main = html`
<p class="margin-bottom-0"><a class="usa-link" href="${hrefTo(measurePath(clause.measure.id), f.lang)}">${clause.measure.title}</a></p>
<h1 class="margin-top-05">${clause.heading ?? clause.eId}</h1>

<section aria-labelledby="as-of">
  <h2 id="as-of">${t.clause.inForceOn(f.day(asOf))}</h2>
  ${dateForm(f, { action: path, name: 'asOf', label: t.clause.asOf, value: asOf })}
  ${inForce ? html`<p class="text-bold">${t.measure.version(inForce.version)}</p><blockquote class="clause-text border-left-05 border-primary padding-left-2 margin-left-0">${inForce.text}</blockquote>` : html`<p>${t.clause.noneInForce}</p>`}
</section>

<section aria-labelledby="versions">
  <h2 id="versions">${t.clause.versions}</h2>
  <ol class="usa-list">${versions.map(
    (v) => html`<li><strong>${t.measure.version(v.version)}</strong>: ${
      v.validFrom ? html`${t.measure.inForceSince} ${f.day(v.validFrom)}${v.validUntil ? html` ${t.measure.until} ${f.day(v.validUntil)}` : ''}` : t.measure.notInForce
    }${v.adoptedBy ? html`, ${t.clause.adoptedBy} <a class="usa-link" href="${hrefTo(measurePath(v.adoptedBy.measure.id), f.lang)}#${anchorOf(v.adoptedBy.id)}">${v.adoptedBy.motion}${v.adoptedBy.measure.id !== clause.measure.id ? html` (${v.adoptedBy.measure.id})` : ''}</a>` : ''}</li>`,
  )}</ol>
</section>

${versions.length > 1 ? html`<section aria-labelledby="diff">
  <h2 id="diff">${t.clause.compare}</h2>
  <form class="usa-form maxw-none grid-row grid-gap" method="get" action="${path}#diff">
    ${f.lang !== 'en' ? html`<input type="hidden" name="lang" value="${f.lang}">` : ''}
    <div class="grid-col-6"><label class="usa-label" for="from">${t.clause.from}</label><select class="usa-select" id="from" name="from">${versionOptions(from?.version)}</select></div>
    <div class="grid-col-6"><label class="usa-label" for="to">${t.clause.to}</label><select class="usa-select" id="to" name="to">${versionOptions(to.version)}</select></div>
    <div class="grid-col-12"><button class="usa-button" type="submit">${t.clause.compareButton}</button></div>
  </form>
  ${from ? html`<p>${t.clause.changes(from.version, to.version)}</p><p class="clause-text diff" data-diff>${diffOf(f, from.text, to.text)}</p>` : ''}
</section>` : ''}

<section aria-labelledby="citations">
  <h2 id="citations">${t.clause.citedBy}</h2>
  ${clause.citations.edges.length === 0 ? html`<p>${t.clause.notCited}</p>` : html`<ul class="usa-list">${clause.citations.edges.map(
    ({ node }) => html`<li>${decisionLink(f, node)}; ${named(t.complianceName, node.compliance.status)}</li>`,
  )}</ul>${registerLink(f, clause.id, 'CITED', clause.citations)}`}
</section>

<section aria-labelledby="judged">
  <h2 id="judged">${t.clause.judgedBy}</h2>
  ${clause.judgedDecisions.edges.length === 0 ? html`<p>${t.clause.notJudged}</p>` : html`<p>${t.clause.judgedIntro}</p><ul class="usa-list" data-judged>${clause.judgedDecisions.edges.map(
    ({ node }) => html`<li>${decisionLink(f, node)}; ${node.compliance.findings
      .filter((finding) => finding.clause.clause.id === clause.id)
      .map((finding) => html`<span data-finding="${finding.status}">${t.clause.findingHere(named(t.complianceName, finding.status), finding.clause.version)}</span>`)}</li>`,
  )}</ul>${registerLink(f, clause.id, 'JUDGED_AGAINST', clause.judgedDecisions)}`}
</section>`;
  return { title, path, query: { asOf: options.asOf, from: options.from?.toString(), to: options.to?.toString() }, main };
}

/** A listed decision: who took it and when, linked to its page, and its outcome. */
function decisionLink(f: PortalFormat, node: DecisionListed): Html {
  return html`<a class="usa-link" href="${hrefTo(decisionPath(node.id), f.lang)}">${node.decidingOrganization.name}, <time datetime="${node.decidedAt}">${f.instant(node.decidedAt)}</time></a>: ${named(f.t.outcomeName, node.outcome)}`;
}

/** The same list in the decisions register (its filters and chart, and every page of it beyond the first 100 here). */
function registerLink(f: PortalFormat, clauseId: string, relation: ClauseRelation, listed: DecisionsListed): Html {
  return html`<p><a class="usa-link" href="${hrefTo('/decisions', f.lang, decisionsQuery(clauseId, relation))}">${f.t.clause.inRegister(listed.totalCount)}</a></p>`;
}

/** Word by word, what the later version removed and added; said in words too, for screen readers. */
function diffOf(f: PortalFormat, before: string, after: string): Html[] {
  return diffWords(before, after).map((part) =>
    part.removed ? html`<del><span class="usa-sr-only">${f.t.clause.removed} </span>${part.value}</del>`
    : part.added ? html`<ins><span class="usa-sr-only">${f.t.clause.added} </span>${part.value}</ins>`
    : html`${part.value}`,
  );
}
