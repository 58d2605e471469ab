import type { PortalFormat } from '../format';
import { html, type Html } from '../html';
import { named } from '../i18n/messages';
import { hrefTo, type Page } from '../layout';
import { PortalNotFound, type PublicGraphql } from '../public-graphql';
import { inEnglish } from './derived-text';
import { anchorOf, clausePath, measurePath, organizationPath, personPath } from './links';
import { dateForm } from './date-form';

/** What voteSection shows of a vote: one fragment for every page that shows one. */
export const VOTE_FRAGMENT = `fragment VoteParts on Vote {
  id motion occurredAt result threshold present needed corrected
  reconsideredBy { id }
  body { id name }
  tally { yes no abstain absent recused }
  rollCall { person { id name } choice explanation }
}`;

const MEASURE = `query Measure($id: ID!, $asOf: Date!) {
  measure(id: $id) {
    inForceOn: clauses(on: $asOf) { version clause { id } }
    id kind title summary status introducedAt effectiveFrom effectiveUntil
    sponsors { id name }
    actions { occurredAt classification description organization { name } vote { id } }
    clauses { clause { id eId heading versions { version heading text validFrom validUntil struck adoptedBy { id motion } } } }
    votes { ...VoteParts }
  }
}
${VOTE_FRAGMENT}`;

export interface VoteView {
  id: string;
  motion: string;
  occurredAt: string;
  result: string;
  threshold: string;
  present: number;
  needed: number;
  body: { id: string; name: string };
  tally: { yes: number; no: number; abstain: number; absent: number; recused: number };
  corrected: boolean;
  reconsideredBy: { id: string } | null;
  rollCall: Array<{ person: { id: string; name: string }; choice: string; explanation: string | null }>;
}

interface ClauseVersionView {
  version: number;
  heading: string | null;
  text: string;
  validFrom: string | null;
  validUntil: string | null;
  struck: boolean;
  adoptedBy: { id: string; motion: string } | null;
}

interface MeasureView {
  inForceOn: Array<{ version: number; clause: { id: string } }>;
  id: string;
  kind: string;
  title: string;
  summary: string | null;
  status: string;
  introducedAt: string;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  sponsors: Array<{ id: string; name: string }>;
  actions: Array<{ occurredAt: string; classification: string; description: string; organization: { name: string } | null; vote: { id: string } | null }>;
  clauses: Array<{ clause: { id: string; eId: string; heading: string | null; versions: ClauseVersionView[] } }>;
  votes: VoteView[];
}

/** A measure: its status explained, its history as a timeline, its clauses with every version, every vote with its roll call. */
export async function measurePage(api: PublicGraphql, f: PortalFormat, id: string, options: { asOf?: string } = {}): Promise<Page> {
  const t = f.t;
  const asOf = options.asOf ?? f.cityDateOf(new Date());
  const { measure } = await api.query<{ measure: MeasureView | null }>(MEASURE, { id, asOf });
  if (!measure) throw new PortalNotFound(`measure ${id}`);
  // The API's own rule of what was in force on a day (one place for it), as version keys.
  const inForce = new Set(measure.inForceOn.map((v) => `${v.clause.id} ${v.version}`));
  const main = html`
<p class="margin-bottom-0">${named(t.kindName, measure.kind)} ${measure.id}</p>
<h1 class="margin-top-05">${measure.title}</h1>
${measure.summary ? html`<p class="usa-intro">${measure.summary}</p>` : ''}
<div class="usa-summary-box" role="region" aria-labelledby="status-heading">
  <div class="usa-summary-box__body">
    <h2 class="usa-summary-box__heading" id="status-heading">${t.measure.statusLabel}: ${named(t.statusName, measure.status)}</h2>
    <div class="usa-summary-box__text">
      <p><strong>${t.measure.whatItMeans}:</strong> ${named(t.statusMeaning, measure.status)}</p>
      <p>${t.measure.introduced}: <time datetime="${measure.introducedAt}">${f.instant(measure.introducedAt)}</time>${measure.effectiveFrom ? html`. ${t.measure.effective} ${f.day(measure.effectiveFrom)}${measure.effectiveUntil ? html` ${t.measure.until} ${f.day(measure.effectiveUntil)}` : ''}` : ''}.</p>
      <p><a class="usa-link" href="${hrefTo(`/feeds/measures/${encodeURIComponent(measure.id)}.atom`, f.lang)}">${t.feeds.measureFeed}</a></p>
      ${measure.sponsors.length ? html`<p>${t.measure.sponsors}: ${measure.sponsors.map((p, i) => html`${i > 0 ? ', ' : ''}<a class="usa-link" href="${hrefTo(personPath(p.id), f.lang)}">${p.name}</a>`)}</p>` : ''}
    </div>
  </div>
</div>

<h2 id="votes">${t.measure.votes}</h2>
${measure.votes.length === 0 ? html`<p>${t.measure.noVotes}</p>` : measure.votes.map((vote) => voteSection(f, vote))}

<h2 id="history">${t.measure.history}</h2>
<ol class="usa-process-list">${measure.actions.map(
    (action) => html`<li class="usa-process-list__item">
      <h3 class="usa-process-list__heading font-sans-sm"><time datetime="${action.occurredAt}">${f.instant(action.occurredAt)}</time></h3>
      <p class="margin-top-05"><strong>${named(t.actionName, action.classification)}.</strong> ${inEnglish(f, action.description)}${action.organization ? html` (${action.organization.name})` : ''}${action.vote ? html` <a class="usa-link" href="#${anchorOf(action.vote.id)}">${t.vote.rollCall}</a>` : ''}</p>
    </li>`,
  )}</ol>

<h2 id="clauses">${t.measure.clauses}</h2>
${dateForm(f, { action: `${measurePath(measure.id)}#clauses`, name: 'asOf', label: t.clause.asOf, value: asOf })}
${measure.clauses.length === 0 ? html`<p>${t.measure.noClauses}</p>` : measure.clauses.map(({ clause }) => clauseSection(f, clause, (version) => inForce.has(`${clause.id} ${version}`) ? t.clause.inForceOn(f.day(asOf)) : null))}`;
  return { title: measure.title, path: measurePath(measure.id), query: { asOf: options.asOf }, main };
}

function clauseSection(f: PortalFormat, clause: MeasureView['clauses'][number]['clause'], inForceTag: (version: number) => string | null): Html {
  const t = f.t;
  const versions = [...clause.versions].sort((a, b) => b.version - a.version);
  return html`<section class="margin-bottom-4" aria-labelledby="${anchorOf(clause.id)}">
  <h3 id="${anchorOf(clause.id)}">${clause.heading ?? clause.eId}</h3>
  <p><a class="usa-link" href="${hrefTo(clausePath(clause.id), f.lang)}">${t.clause.open}</a></p>
  ${versions.map(
    (version) => html`<div class="border-left-05 border-base-lighter padding-left-2 margin-bottom-2">
      <p class="text-bold margin-bottom-05">${inForceTag(version.version) ? html`<span class="usa-tag bg-green" data-in-force>${inForceTag(version.version)}</span> ` : ''}${t.measure.version(version.version)}: ${
        version.validFrom ? html`${t.measure.inForceSince} ${f.day(version.validFrom)}${version.validUntil ? html` ${t.measure.until} ${f.day(version.validUntil)}` : ''}` : t.measure.notInForce
      }</p>
      <p class="clause-text margin-top-0">${version.text}</p>
    </div>`,
  )}
</section>`;
}

/** One vote: its result under its rule, who was present, and the roll call as a picture of who voted how. */
export function voteSection(f: PortalFormat, vote: VoteView): Html {
  const t = f.t;
  const tally = vote.tally;
  return html`<section class="margin-bottom-4" id="${anchorOf(vote.id)}" aria-labelledby="${anchorOf(vote.id)}-heading">
  <h3 id="${anchorOf(vote.id)}-heading"><a class="usa-link" href="${hrefTo(organizationPath(vote.body.id), f.lang)}">${vote.body.name}</a>: ${vote.motion}, <time datetime="${vote.occurredAt}">${f.instant(vote.occurredAt)}</time></h3>
  <p><span class="usa-tag ${vote.result === 'PASSED' ? 'bg-green' : 'bg-secondary-dark'}">${named(t.resultName, vote.result)}</span>
    <strong>${tally.yes}-${tally.no}</strong>
    (${named(t.choiceName, 'YES')} ${tally.yes}, ${named(t.choiceName, 'NO')} ${tally.no}, ${named(t.choiceName, 'ABSTAIN')} ${tally.abstain}, ${named(t.choiceName, 'ABSENT')} ${tally.absent}, ${named(t.choiceName, 'RECUSED')} ${tally.recused}).
    ${t.vote.present(vote.present, vote.rollCall.length)}; ${t.vote.needed(vote.needed)}. ${t.vote.rule}: ${vote.threshold}.</p>
  ${vote.corrected ? html`<p data-vote-corrected><em>${t.vote.corrected}</em></p>` : ''}
  ${vote.reconsideredBy ? html`<p data-vote-reconsidered><em>${t.vote.reconsidered}</em> <a class="usa-link" href="#${anchorOf(vote.reconsideredBy.id)}">${t.vote.rollCall}</a></p>` : ''}
  <h4 class="margin-bottom-1">${t.vote.rollCall}</h4>
  <ul class="roll-call">${vote.rollCall.map(
    (cast) => html`<li class="${cast.choice}"><a class="display-block usa-link" href="${hrefTo(personPath(cast.person.id), f.lang)}">${cast.person.name}</a><strong>${named(t.choiceName, cast.choice)}</strong></li>`,
  )}</ul>
  ${explanations(f, vote)}
</section>`;
}

/** Members' explanations of their votes, in their own words (not translated: marked as English). */
function explanations(f: PortalFormat, vote: VoteView): Html | string {
  const explained = vote.rollCall.filter((cast) => cast.explanation !== null);
  if (explained.length === 0) return '';
  return html`<h4 class="margin-bottom-1">${f.t.vote.explanation}</h4>
  <ul class="usa-list" data-vote-explanations>${explained.map((cast) => html`<li><strong>${cast.person.name}</strong> (${named(f.t.choiceName, cast.choice)}): ${inEnglish(f, cast.explanation!)}</li>`)}</ul>`;
}

