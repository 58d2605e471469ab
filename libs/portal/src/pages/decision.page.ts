import type { PortalFormat } from '../format';
import { html, type Html } from '../html';
import { named } from '../i18n/messages';
import { hrefTo, type Page } from '../layout';
import { PortalNotFound, type PublicGraphql } from '../public-graphql';
import { inEnglish } from './derived-text';
import { anchorOf, decisionPath, measurePath, organizationPath, personPath } from './links';
import { VOTE_FRAGMENT, voteSection, type VoteView } from './measure.page';

const DECISION = `query Decision($id: ID!) {
  decision(id: $id) {
    id outcome decidedAt rationale disclosedCategories corrected
    decidedBy { id name }
    decidingOrganization { id name }
    request { id receivedAt dataCategories purpose legalBasis requestingOrganization { id name } }
    citations {
      version text validFrom validUntil
      clause { id eId heading measure { id title actions { occurredAt classification description } } }
      adoptedBy { ...VoteParts }
    }
    compliance { status notes findings { status explanation clause { version clause { id } } } }
    review { finding reasons reviewedAt reviewedBy }
    violationFound { foundAt via foundBy { id name } }
    correctionAwaitingReview { status }
  }
}
${VOTE_FRAGMENT}`;

interface DecisionView {
  id: string;
  outcome: string;
  decidedAt: string;
  rationale: string;
  disclosedCategories: string[];
  corrected: boolean;
  decidedBy: { id: string; name: string };
  decidingOrganization: { id: string; name: string };
  request: { id: string; receivedAt: string; dataCategories: string[]; purpose: string; legalBasis: string; requestingOrganization: { id: string; name: string } };
  citations: Array<{
    version: number;
    text: string;
    validFrom: string | null;
    validUntil: string | null;
    clause: { id: string; eId: string; heading: string | null; measure: { id: string; title: string; actions: Array<{ occurredAt: string; classification: string; description: string }> } };
    adoptedBy: VoteView | null;
  }>;
  compliance: { status: string; notes: string[]; findings: Array<{ status: string; explanation: string; clause: { version: number; clause: { id: string } } }> };
  review: { finding: string; reasons: string; reviewedAt: string; reviewedBy: string } | null;
  violationFound: { foundAt: string; via: 'ASSESSMENT' | 'OVERSIGHT_REVIEW'; foundBy: { id: string; name: string } | null } | null;
  correctionAwaitingReview: { status: string } | null;
}

/** The first finding of a violation, which the page keeps showing whatever corrections and reviews followed. */
function violationFound(f: PortalFormat, found: DecisionView['violationFound']): Html | string {
  if (!found) return '';
  const date = f.instant(found.foundAt);
  const text = found.via === 'OVERSIGHT_REVIEW' && found.foundBy ? f.t.decision.violationFoundByReview(found.foundBy.name, date) : f.t.decision.violationFoundByAssessment(date);
  return html`<p data-violation-found><strong>${text}</strong></p>`;
}

/** The signature that made the clause's measure law (or the order's issuance): what the chain ends on. */
const AUTHORITY = new Set(['executive-signature', 'veto-override-passage', 'became-law', 'executive-order-issued']);

/**
 * A decision laid out as a chain a newcomer reads in ten seconds: the request, who decided, the
 * clause as in force that day, the vote that adopted it, the signature, the compliance finding.
 */
export async function decisionPage(api: PublicGraphql, f: PortalFormat, id: string): Promise<Page> {
  const t = f.t;
  const { decision } = await api.query<{ decision: DecisionView | null }>(DECISION, { id });
  if (!decision) throw new PortalNotFound(`decision ${id}`);
  const decidedOn = f.day(f.cityDateOf(decision.decidedAt));
  const title = t.decision.title(decision.decidingOrganization.name, decidedOn);
  const request = decision.request;
  const step = (heading: string, body: Html | string) =>
    html`<li class="usa-process-list__item"><h2 class="usa-process-list__heading font-sans-md">${heading}</h2><div class="margin-top-05">${body}</div></li>`;

  const main = html`
<h1>${title}</h1>
<p><span class="usa-tag">${named(t.outcomeName, decision.outcome)}</span> <span class="usa-tag ${decision.compliance.status === 'VIOLATION' ? 'bg-secondary-dark' : 'bg-green'}">${named(t.complianceName, decision.compliance.status)}</span></p>
<p>${t.decision.chainIntro}</p>
<ol class="usa-process-list">
  ${step(t.decision.request, html`<p>${t.decision.requestText(request.requestingOrganization.name, request.dataCategories.join(', '), f.instant(request.receivedAt))}</p><p class="text-base-dark">${request.purpose} (${request.legalBasis})</p>`)}
  ${step(t.decision.decidedBy, html`<p>${t.decision.decidedText(decision.decidedBy.name, decision.decidingOrganization.name, named(t.outcomeName, decision.outcome), f.instant(decision.decidedAt))}</p>
    <p><a class="usa-link" href="${hrefTo(personPath(decision.decidedBy.id), f.lang)}">${decision.decidedBy.name}</a> · <a class="usa-link" href="${hrefTo(organizationPath(decision.decidingOrganization.id), f.lang)}">${decision.decidingOrganization.name}</a></p>
    <p><strong>${t.decision.rationale}:</strong> ${decision.rationale}</p>
    <p><strong>${t.decision.disclosed}:</strong> ${decision.disclosedCategories.length ? decision.disclosedCategories.join(', ') : t.decision.nothingDisclosed}</p>`)}
  ${decision.citations.length === 0 ? step(t.decision.clause, html`<p>${t.decision.noCitation}</p>`) : decision.citations.map((citation) => [
    step(t.decision.clause, html`<p><a class="usa-link" href="${hrefTo(measurePath(citation.clause.measure.id), f.lang)}#${anchorOf(citation.clause.id)}">${citation.clause.measure.title}, ${citation.clause.heading ?? citation.clause.eId}</a> (${t.measure.version(citation.version)}${citation.validFrom ? html`, ${t.measure.inForceSince} ${f.day(citation.validFrom)}` : ''})</p>
      <blockquote class="clause-text border-left-05 border-primary padding-left-2 margin-left-0">${citation.text}</blockquote>`),
    step(t.decision.adoptedBy, citation.adoptedBy ? voteSection(f, citation.adoptedBy) : html`<p>${t.decision.notAdoptedByVote}</p>`),
    ...citation.clause.measure.actions.filter((action) => AUTHORITY.has(action.classification)).slice(0, 1).map((action) =>
      step(t.decision.signature, html`<p>${inEnglish(f, action.description)}, <time datetime="${action.occurredAt}">${f.instant(action.occurredAt)}</time></p>`)),
  ])}
  ${step(t.decision.finding, html`<p><strong>${named(t.complianceName, decision.compliance.status)}</strong></p>
    <ul class="usa-list">${decision.compliance.findings.map((finding) => html`<li>${inEnglish(f, finding.explanation)}</li>`)}${decision.compliance.notes.map((note) => html`<li>${inEnglish(f, note)}</li>`)}</ul>
    ${decision.review ? html`<p>${decision.review.reviewedBy}, <time datetime="${decision.review.reviewedAt}">${f.instant(decision.review.reviewedAt)}</time>: ${decision.review.finding}. ${decision.review.reasons}</p>` : ''}
    ${violationFound(f, decision.violationFound)}
    ${decision.correctionAwaitingReview ? html`<div class="usa-alert usa-alert--info usa-alert--slim" data-awaiting-review><div class="usa-alert__body"><p class="usa-alert__text">${t.decision.awaitingReview(named(t.complianceName, decision.correctionAwaitingReview.status))}</p></div></div>` : ''}`)}
</ol>`;
  return { title, path: decisionPath(decision.id), main };
}
