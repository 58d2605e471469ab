import type { PortalFormat } from '../format';
import { html, type Html } from '../html';
import { named } from '../i18n/messages';
import { hrefTo, type Page } from '../layout';
import { PortalNotFound, type PublicGraphql } from '../public-graphql';
import { anchorOf, decisionPath, measurePath, organizationPath, personPath } from './links';
import { dateForm } from './date-form';

const PERSON = `query Person($id: ID!) {
  person(id: $id) {
    id name
    memberships { role startDate endDate organization { id name } }
    votes(first: 100) { totalCount edges { node { choice vote { id motion occurredAt result body { name } measure { id title } } } } }
    decisions(first: 100) { totalCount edges { node { ...DecisionRow } } }
  }
}
fragment DecisionRow on Decision { id decidedAt outcome decidingOrganization { name } compliance { status } }`;

const ORGANIZATION = `query Organization($id: ID!, $on: Date!) {
  organization(id: $id) {
    id name kind parent { id name }
    members(on: $on) { role startDate endDate person { id name } }
  }
  decisions(filter: { decidingOrganizationId: $id }, first: 100) { totalCount edges { node { ...DecisionRow } } }
}
fragment DecisionRow on Decision { id decidedAt outcome decidingOrganization { name } compliance { status } }`;

interface DecisionRow {
  id: string;
  decidedAt: string;
  outcome: string;
  decidingOrganization: { name: string };
  compliance: { status: string };
}

interface Membership {
  role: string;
  startDate: string;
  endDate: string | null;
}

interface PersonView {
  id: string;
  name: string;
  memberships: Array<Membership & { organization: { id: string; name: string } }>;
  votes: { totalCount: number; edges: Array<{ node: { choice: string; vote: { id: string; motion: string; occurredAt: string; result: string; body: { name: string }; measure: { id: string; title: string } } } }> };
  decisions: { totalCount: number; edges: Array<{ node: DecisionRow }> };
}

interface OrganizationView {
  id: string;
  name: string;
  kind: string;
  parent: { id: string; name: string } | null;
  members: Array<Membership & { person: { id: string; name: string } }>;
}

/** A person: the offices held, the voting record, the decisions taken. */
export async function personPage(api: PublicGraphql, f: PortalFormat, id: string): Promise<Page> {
  const t = f.t;
  const { person } = await api.query<{ person: PersonView | null }>(PERSON, { id });
  if (!person) throw new PortalNotFound(`person ${id}`);
  const main = html`
<h1>${person.name}</h1>
<p><a class="usa-link" href="${hrefTo('/measures', f.lang, { sponsor: person.id })}">${t.measures.sponsored}</a></p>
<h2 id="memberships">${t.directory.memberships}</h2>
${person.memberships.length === 0 ? html`<p>${t.directory.noMemberships}</p>` : html`<ul class="usa-list">${person.memberships.map(
    (m) => html`<li>${m.role}, <a class="usa-link" href="${hrefTo(organizationPath(m.organization.id), f.lang)}">${m.organization.name}</a>: ${period(f, m)}</li>`,
  )}</ul>`}
<h2 id="votes">${t.directory.votingRecord}</h2>
${person.votes.edges.length === 0 ? html`<p>${t.directory.noVotes}</p>` : html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--stacked">
  <thead><tr><th scope="col">${t.directory.date}</th><th scope="col">${t.directory.measure}</th><th scope="col">${t.vote.motion}</th><th scope="col">${t.vote.choice}</th><th scope="col">${t.vote.result}</th></tr></thead>
  <tbody>${person.votes.edges.map(({ node }) => html`<tr>
    <th scope="row" data-label="${t.directory.date}"><time datetime="${node.vote.occurredAt}">${f.instant(node.vote.occurredAt)}</time></th>
    <td data-label="${t.directory.measure}"><a class="usa-link" href="${hrefTo(measurePath(node.vote.measure.id), f.lang)}#${anchorOf(node.vote.id)}">${node.vote.measure.title}</a></td>
    <td data-label="${t.vote.motion}">${node.vote.body.name}: ${node.vote.motion}</td>
    <td data-label="${t.vote.choice}">${named(t.choiceName, node.choice)}</td>
    <td data-label="${t.vote.result}">${named(t.resultName, node.vote.result)}</td>
  </tr>`)}</tbody></table></div>`}
<h2 id="decisions">${t.directory.decisionsTaken}</h2>
${decisionList(f, person.decisions.edges.map((e) => e.node))}`;
  return { title: person.name, path: personPath(person.id), main };
}

/** An organization: its members on a date, and the decisions it took (a department's). */
export async function organizationPage(api: PublicGraphql, f: PortalFormat, id: string, options: { on?: string } = {}): Promise<Page> {
  const t = f.t;
  const on = options.on ?? f.cityDateOf(new Date());
  const { organization, decisions } = await api.query<{ organization: OrganizationView | null; decisions: { edges: Array<{ node: DecisionRow }> } }>(ORGANIZATION, { id, on });
  if (!organization) throw new PortalNotFound(`organization ${id}`);
  const path = organizationPath(organization.id);
  const main = html`
<p class="margin-bottom-0">${named(t.orgKindName, organization.kind)}${organization.parent ? html`, <a class="usa-link" href="${hrefTo(organizationPath(organization.parent.id), f.lang)}">${organization.parent.name}</a>` : ''}</p>
<h1 class="margin-top-05">${organization.name}</h1>
<h2 id="members">${t.directory.membersOn(f.day(on))}</h2>
${dateForm(f, { action: path, name: 'on', label: t.directory.membersAsOf, value: on })}
${organization.members.length === 0 ? html`<p>${t.directory.noMembers}</p>` : html`<ul class="usa-list" data-members>${organization.members.map(
    (m) => html`<li><a class="usa-link" href="${hrefTo(personPath(m.person.id), f.lang)}">${m.person.name}</a>, ${m.role}: ${period(f, m)}</li>`,
  )}</ul>`}
${decisions.edges.length ? html`<h2 id="decisions">${t.directory.decisionsTaken}</h2>${decisionList(f, decisions.edges.map((e) => e.node))}` : ''}`;
  return { title: organization.name, path, query: { on: options.on }, main };
}

function period(f: PortalFormat, m: Membership): string {
  return m.endDate ? f.t.directory.fromTo(f.day(m.startDate), f.day(m.endDate)) : f.t.directory.since(f.day(m.startDate));
}

function decisionList(f: PortalFormat, decisions: DecisionRow[]): Html {
  const t = f.t;
  if (decisions.length === 0) return html`<p>${t.decisions.none}</p>`;
  return html`<ul class="usa-list">${decisions.map(
    (d) => html`<li><a class="usa-link" href="${hrefTo(decisionPath(d.id), f.lang)}"><time datetime="${d.decidedAt}">${f.instant(d.decidedAt)}</time></a>, ${d.decidingOrganization.name}: ${named(t.outcomeName, d.outcome)}; ${named(t.complianceName, d.compliance.status)}</li>`,
  )}</ul>`;
}
