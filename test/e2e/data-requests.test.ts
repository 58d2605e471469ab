/**
 * The data-request read side over real HTTP, answering an investigator's questions through
 * GraphQL alone: every decision a department took in a month, with its outcome, officer, the
 * clause text it relied on as in force that day, and whether it complied; every decision that
 * cited a clause; and what an anonymous caller may not see. A known history (directory, an
 * ordinance with policy rules and its later amendment, requests, decisions, a disclosure beyond
 * the grant, a review, a correction) is written into a data dir and the built server started on it.
 */
import { join } from 'node:path';
import { dataPaths, loadConfig } from '@ledger/config';
import { contractGaps, unexpectedGaps } from '../support/contract';
import { FileSubjectVault } from '@ledger/subject-vault-file';
import {
  DataRequestHistory,
  LegislationHistory,
  decisionIdOf,
  fixtureUuid,
  requestIdOf,
  type ClauseFixture,
  type FixtureActor,
  type RequestFixture,
} from '@ledger/read-model-testing';
import { appendFixtureEvents } from '../support/ledger-fixtures';
import { LedgerServer, mintToken, removeDir, tempDataDir } from '../support/ledger-process';

const clerk: FixtureActor = { id: 'person:clerk-ana', name: 'Ana Clerk', role: 'clerk' };
const mayor: FixtureActor = { id: 'person:michael-hancock', name: 'Michael Hancock', role: 'mayor' };
const deputy: FixtureActor = { id: 'person:deputy-diaz', name: 'Elena Diaz', role: 'officer' };
const sergeant: FixtureActor = { id: 'person:sergeant-kim', name: 'Joon Kim', role: 'officer' };
const police: FixtureActor = { id: 'person:officer-ortiz', name: 'Luis Ortiz', role: 'officer' };
const auditor: FixtureActor = { id: 'person:auditor-moss', name: 'Rita Moss', role: 'oversight' };
const COUNCIL = 'org:denver-city-council';
const SHERIFF = 'org:denver-sheriff-department';
const POLICE = 'org:denver-police-department';
const ICE = 'org:ice-ero-denver';
const ORDINANCE = 'CB17-0766';
const AMENDING = 'CB18-0101';
const SEC_2 = `${ORDINANCE}#sec_2`;
const SEC_3 = `${ORDINANCE}#sec_3`;

const rule = (effect: 'prohibit' | 'require', action: string, dataCategories: string[], recipients: string[], unless: string[]) => ({ effect, action, dataCategories, recipients, unless });
const CLAUSES: ClauseFixture[] = [
  { eId: 'sec_2', heading: 'Release dates', text: 'No city employee shall share the release date or time of a person in custody with federal immigration enforcement.', rule: rule('prohibit', 'share', ['release-date-time'], ['federal-immigration-enforcement'], ['judicial-warrant']) },
  { eId: 'sec_3', heading: 'Interviews', text: 'No city employee shall give federal immigration enforcement access to a person in custody.', rule: rule('prohibit', 'allow-access', [], ['federal-immigration-enforcement'], ['judicial-warrant']) },
];
const SEC_2_2018 = {
  heading: 'Release dates and addresses',
  text: 'No city employee shall share the release date, time or address of a person in custody with federal immigration enforcement.',
  rule: rule('prohibit', 'share', ['release-date-time', 'address'], ['federal-immigration-enforcement'], ['judicial-warrant']),
};

const [R1, R2, R3, R4, R5, R6] = [1, 2, 3, 4, 5, 6].map(fixtureUuid);
const PERSONAL_DETAILS = JSON.stringify({ name: 'Resident One', bookingNumber: 'B-2017-0042' });

function buildHistory(subjectRef: string, sealed: RequestFixture['personalDetails']) {
  const h = new LegislationHistory(clerk);
  for (const person of [mayor, deputy, sergeant, police, auditor]) h.person(person.id, person.name);
  h.organization(COUNCIL, 'Denver City Council', 'LEGISLATURE', { rules: { seats: 13, quorum: 7, passage: 'majority-of-present', overrideVotes: 9 } });
  h.organization(SHERIFF, 'Denver Sheriff Department', 'DEPARTMENT');
  h.organization(POLICE, 'Denver Police Department', 'DEPARTMENT');
  h.organization(ICE, 'ICE Enforcement and Removal Operations, Denver', 'EXTERNAL_AGENCY');
  h.membership(SHERIFF, deputy.id, 'officer', '2016-01-04').membership(SHERIFF, sergeant.id, 'officer', '2016-01-04').membership(POLICE, police.id, 'officer', '2016-01-04');
  // The read side takes the legislative lifecycle as recorded: introduction, signature and enactment suffice here.
  h.introduce(ORDINANCE, { title: 'Public Safety Enforcement Priority Act', bodyId: COUNCIL, sponsorIds: [mayor.id], clauses: CLAUSES }, '2017-08-07T20:00:00Z')
    .sign(ORDINANCE, mayor, '2017-08-30T16:00:00Z')
    .enact(ORDINANCE, '2017-09-01', '2017-08-31T16:00:00Z');

  const requests = new DataRequestHistory(h.events);
  const fromIce = (receivingOrgId: string, extra: Partial<RequestFixture> = {}): RequestFixture => ({ requestingOrgId: ICE, receivingOrgId, dataCategories: ['release-date-time'], ...extra });
  const citing = (version: number, ...more: string[]) => [{ clauseId: SEC_2, version }, ...more.map((clauseId) => ({ clauseId, version: 1 }))];
  requests
    // September 2017 at the sheriff's: a grant with no legal basis, a grant on a warrant later exceeded, a grant corrected to a denial.
    .receive(R1, fromIce(SHERIFF, { subjectRef, personalDetails: sealed }), deputy, '2017-09-04T15:00:00Z')
    .decide(R1, { outcome: 'GRANTED', disclosedCategories: ['release-date-time'], citations: citing(1), rationale: 'Detainer received.' }, deputy, '2017-09-05T15:00:00Z')
    .receive(R2, fromIce(SHERIFF, { dataCategories: ['release-date-time', 'address'], legalBasis: 'judicial-warrant' }), sergeant, '2017-09-11T15:00:00Z')
    .decide(R2, { outcome: 'PARTIALLY_GRANTED', disclosedCategories: ['release-date-time'], citations: citing(1), rationale: 'A judge signed the warrant.' }, sergeant, '2017-09-12T15:00:00Z')
    .disclose(R2, ['release-date-time', 'address'], sergeant, '2017-09-13T10:00:00Z', 'phone')
    .receive(R6, fromIce(SHERIFF), deputy, '2017-09-19T15:00:00Z')
    .decide(R6, { outcome: 'GRANTED', disclosedCategories: ['release-date-time'], citations: citing(1), rationale: 'Granted.' }, deputy, '2017-09-20T15:00:00Z')
    // The same month at the police, and the sheriff's the month after: outside the question.
    .receive(R3, fromIce(POLICE, { action: 'allow-access', dataCategories: ['interview'] }), police, '2017-09-14T15:00:00Z')
    .decide(R3, { outcome: 'DENIED', disclosedCategories: [], citations: [{ clauseId: SEC_3, version: 1 }], rationale: 'No warrant.' }, police, '2017-09-15T15:00:00Z')
    .receive(R4, fromIce(SHERIFF), deputy, '2017-10-02T15:00:00Z')
    .decide(R4, { outcome: 'DENIED', disclosedCategories: [], citations: citing(1), rationale: 'No warrant.' }, deputy, '2017-10-03T15:00:00Z')
    .correct(R6, { outcome: 'DENIED', disclosedCategories: [], rationale: 'Denied: a detainer is not a judicial warrant.' }, 'The outcome was recorded wrongly.', deputy, '2017-09-21T09:00:00Z')
    .review(R1, 'violation', 'Release dates went to ICE on a detainer alone.', auditor, '2017-11-02T16:00:00Z');

  // In 2018 section 2 is amended; a decision after that cites the new text.
  h.introduce(AMENDING, { title: 'Amending the Public Safety Enforcement Priority Act', bodyId: COUNCIL, sponsorIds: [mayor.id], clauses: [{ eId: 'sec_1', heading: null, text: 'Section 2 of CB17-0766 also covers addresses.', rule: null }] }, '2018-01-08T20:00:00Z')
    .enact(AMENDING, '2018-02-01', '2018-01-25T16:00:00Z')
    .amendByMeasure(ORDINANCE, { change: 'amend', eId: 'sec_2', ...SEC_2_2018, byMeasureId: AMENDING, effectiveFrom: '2018-03-01' }, '2018-01-25T16:05:00Z');
  requests
    .receive(R5, fromIce(SHERIFF, { dataCategories: ['address'] }), deputy, '2018-04-01T15:00:00Z')
    .decide(R5, { outcome: 'DENIED', disclosedCategories: [], citations: citing(2), rationale: 'Addresses are covered now.' }, deputy, '2018-04-02T15:00:00Z');
  return h.events;
}

describe('data-request read side end to end', () => {
  let dataDir: string;
  let server: LedgerServer;
  let oversight: string;
  let officer: string;
  let subjectRef: string;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-data-requests-');
    const paths = dataPaths(loadConfig({ LEDGER_DATA_DIR: dataDir }));
    const vault = new FileSubjectVault({ keysFile: paths.subjectKeys, refKeyFile: paths.subjectRefKey });
    try {
      subjectRef = vault.subjectRefOf('DL 1234567');
      // R1's resident is known to the server's own vault, so oversight can read the details back.
      await appendFixtureEvents(dataDir, buildHistory(subjectRef, vault.encrypt(subjectRef, PERSONAL_DETAILS)));
    } finally {
      vault.close();
    }
    [oversight, officer] = await Promise.all([mintToken(dataDir, 'oversight', auditor.id, auditor.name), mintToken(dataDir, 'officer', deputy.id, deputy.name)]);
    server = await LedgerServer.start(dataDir);
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  async function ask<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const result = await server.gql<T>(query, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  it("lists every decision of a department in a month with outcome, officer, the clause text in force that day and compliance", async () => {
    const data = await ask(`query($filter: DecisionFilter) {
      decisions(filter: $filter) {
        totalCount pageInfo { hasNextPage }
        edges { node {
          id outcome decidedAt disclosedCategories rationale corrected
          decidedBy { name }
          decidingOrganization { name }
          request { id requestingOrganization { name } legalBasis }
          citations { version text validFrom clause { id } }
          compliance { status notes findings { status explanation clause { version clause { id } } } }
          correctionAwaitingReview { status } violationFound { via }
        } }
      }
    }`, { filter: { decidingOrganizationId: SHERIFF, from: '2017-09-01T00:00:00Z', to: '2017-10-01T00:00:00Z' } });
    const { totalCount, edges } = data.decisions;
    expect(totalCount).toBe(3);
    const [r1, r2, r6] = edges.map((e: any) => e.node);
    expect(edges.map((e: any) => e.node.id)).toEqual([R1, R2, R6].map(decisionIdOf));
    expect(r1).toMatchObject({
      outcome: 'GRANTED',
      decidedAt: '2017-09-05T15:00:00Z',
      decidedBy: { name: deputy.name },
      decidingOrganization: { name: 'Denver Sheriff Department' },
      request: { id: requestIdOf(R1), requestingOrganization: { name: 'ICE Enforcement and Removal Operations, Denver' }, legalBasis: 'none' },
      // The text as in force that day: version 1, before the 2018 amendment.
      citations: [{ version: 1, text: CLAUSES[0].text, validFrom: '2017-09-01', clause: { id: SEC_2 } }],
      compliance: { status: 'VIOLATION', notes: [], findings: [{ status: 'VIOLATION', clause: { version: 1, clause: { id: SEC_2 } } }] },
    });
    expect(r1.compliance.findings[0].explanation).toContain(`${SEC_2} v1`);
    // The warrant lifts the prohibition, but more was disclosed than granted.
    expect(r2).toMatchObject({ outcome: 'PARTIALLY_GRANTED', decidedBy: { name: sergeant.name }, compliance: { status: 'VIOLATION' } });
    expect(r2.compliance.notes.join(' ')).toContain('address');
    expect(r2.compliance.findings.every((f: any) => f.clause.clause.id === SEC_2)).toBe(true);
    // Corrected in place: the later event wins. It was found in violation when taken, so the
    // corrected decision's assessment waits for oversight's review before it counts.
    expect(r6).toMatchObject({
      outcome: 'DENIED', disclosedCategories: [], corrected: true, rationale: 'Denied: a detainer is not a judicial warrant.',
      compliance: { status: 'VIOLATION' }, correctionAwaitingReview: { status: 'COMPLIANT' }, violationFound: { via: 'ASSESSMENT' },
    });
  });

  it('finds every decision that cited a clause, from the clause and through the filter', async () => {
    const data = await ask(`query($clause: ID!) {
      clause(id: $clause) { citations { totalCount edges { node { id citations { version text } } } } }
      decisions(filter: { clauseId: $clause }) { totalCount edges { node { id } } }
    }`, { clause: SEC_2 });
    const expected = [R1, R2, R6, R4, R5].map(decisionIdOf);
    expect(data.clause.citations.totalCount).toBe(5);
    expect(data.clause.citations.edges.map((e: any) => e.node.id)).toEqual(expected);
    expect(data.decisions).toEqual({ totalCount: 5, edges: expected.map((id) => ({ node: { id } })) });
    // The 2018 decision cites the version in force on its own day.
    expect(data.clause.citations.edges[4].node.citations).toEqual([{ version: 2, text: SEC_2_2018.text }]);

    const sec3 = await ask(`{ clause(id: "${SEC_3}") { citations(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id outcome compliance { status } } } } } }`);
    expect(sec3.clause.citations).toEqual({ totalCount: 1, pageInfo: { hasNextPage: false }, edges: [{ node: { id: decisionIdOf(R3), outcome: 'DENIED', compliance: { status: 'COMPLIANT' } } }] });
  });

  it('filters by officer, requester, outcome and compliance status, and pages with cursors', async () => {
    const ids = async (filter: Record<string, unknown>) =>
      (await ask(`query($filter: DecisionFilter) { decisions(filter: $filter) { totalCount edges { node { id } } } }`, { filter })).decisions.edges.map((e: any) => e.node.id);
    expect(await ids({ decidedById: sergeant.id })).toEqual([decisionIdOf(R2)]);
    expect(await ids({ requestingOrganizationId: ICE, outcome: 'DENIED' })).toEqual([R3, R6, R4, R5].map(decisionIdOf));
    // R6 was corrected out of its violation; no review has looked at the correction yet.
    expect(await ids({ complianceStatus: 'VIOLATION' })).toEqual([R1, R2, R6].map(decisionIdOf));
    expect(await ids({ decidingOrganizationId: POLICE, to: '2017-09-15T15:00:00Z' })).toEqual([]);

    const page = async (after?: string) =>
      (await ask(`query($after: String) { decisions(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after })).decisions;
    const first = await page();
    const second = await page(first.pageInfo.endCursor);
    expect(first).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
    expect(second).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: false } });
    expect([...first.edges, ...second.edges].map((e: any) => e.node.id)).toEqual([R1, R2, R3, R6, R4, R5].map(decisionIdOf));

    const person = await ask(`{ person(id: "${deputy.id}") { decisions(first: 10) { totalCount edges { node { id } } } } }`);
    expect(person.person.decisions).toEqual({ totalCount: 4, edges: [R1, R6, R4, R5].map((uuid) => ({ node: { id: decisionIdOf(uuid) } })) });
  });

  it("serves a request with its decision, review and history, and the subject only to oversight", async () => {
    const query = `query($id: ID!) {
      dataRequest(id: $id) {
        id receivedAt dataCategories purpose legalBasis subjectRef personalDetails
        receivingOrganization { id } history { type }
        decision { id review { finding reasons reviewedBy } disclosures { disclosedCategories } history { type } request { id } }
      }
    }`;
    const anonymous = (await ask(query, { id: requestIdOf(R1) })).dataRequest;
    expect(anonymous).toMatchObject({
      id: requestIdOf(R1),
      receivedAt: '2017-09-04T15:00:00Z',
      dataCategories: ['release-date-time'],
      purpose: 'civil-immigration-enforcement',
      legalBasis: 'none',
      subjectRef: null,
      personalDetails: null,
      receivingOrganization: { id: SHERIFF },
      history: [{ type: 'DataRequestReceived' }, { type: 'DataRequestDecided' }, { type: 'DecisionReviewed' }],
      decision: { id: decisionIdOf(R1), review: { finding: 'violation', reviewedBy: auditor.id }, disclosures: [], request: { id: requestIdOf(R1) } },
    });
    expect(anonymous.decision.history).toEqual(anonymous.history);
    expect((await ask(query, { id: requestIdOf(R1) }, officer)).dataRequest).toMatchObject({ subjectRef: null, personalDetails: null });
    expect((await ask(query, { id: requestIdOf(R1) }, oversight)).dataRequest).toMatchObject({ subjectRef, personalDetails: PERSONAL_DETAILS });

    const r2 = await ask(`{ decision(id: "${decisionIdOf(R2)}") { disclosures { disclosedCategories } history { type } } }`);
    expect(r2.decision).toEqual({
      disclosures: [{ disclosedCategories: ['release-date-time', 'address'] }],
      history: [{ type: 'DataRequestReceived' }, { type: 'DataRequestDecided' }, { type: 'DisclosureRecorded' }],
    });
  });

  it('resolves requests and decisions through node(id)', async () => {
    const data = await ask(`{
      request: node(id: "${requestIdOf(R3)}") { __typename id ... on DataRequest { purpose subjectRef } }
      decision: node(id: "${decisionIdOf(R3)}") { __typename id ... on Decision { outcome } }
      unknown: node(id: "${decisionIdOf(fixtureUuid(99))}") { id }
    }`);
    expect(data).toEqual({
      request: { __typename: 'DataRequest', id: requestIdOf(R3), purpose: 'civil-immigration-enforcement', subjectRef: null },
      decision: { __typename: 'Decision', id: decisionIdOf(R3), outcome: 'DENIED' },
      unknown: null,
    });
    expect(await ask(`{ dataRequest(id: "${requestIdOf(fixtureUuid(99))}") { id } decision(id: "${decisionIdOf(fixtureUuid(99))}") { id } }`)).toEqual({ dataRequest: null, decision: null });
  });

  it('serves the contract types of the data-request read side without gaps', async () => {
    const { output, gaps } = await contractGaps(server.url);
    expect(output).toMatch(/contract gaps|no gaps|compatible/i);
    const ourTypes = ['DataRequest', 'Decision', 'DecisionEdge', 'DecisionConnection', 'ComplianceAssessment', 'ComplianceFinding', 'DecisionOutcome', 'ComplianceStatus', 'DecisionFilter'];
    const ourFields = ['Query.dataRequest', 'Query.decision', 'Query.decisions', 'Clause.citations', 'Person.decisions'];
    const ours = (s: string) => ourFields.some((f) => s === f || s.startsWith(`${f}.`)) || ourTypes.includes(s.split('.')[0]);
    expect(unexpectedGaps(gaps.filter((gap) => ours(gap.subject)))).toEqual([]);
  });

  it.each([
    ['a malformed request id', `{ dataRequest(id: "request-1") { id } }`, {}],
    ['a malformed decision id', `{ decision(id: "${requestIdOf(R1)}") { id } }`, {}],
    ['an organization filter that is no organization id', `{ decisions(filter: { decidingOrganizationId: "sheriff" }) { totalCount } }`, {}],
    ['a person filter that is no person id', `{ decisions(filter: { decidedById: "org:denver-sheriff-department" }) { totalCount } }`, {}],
    ['a clause filter without #', `{ decisions(filter: { clauseId: "${ORDINANCE}" }) { totalCount } }`, {}],
    ['an impossible instant', `query($from: DateTime) { decisions(filter: { from: $from }) { totalCount } }`, { from: '2017-09-31T00:00:00Z' }],
    ['a date where an instant is due', `query($filter: DecisionFilter) { decisions(filter: $filter) { totalCount } }`, { filter: { to: '2017-10-01' } }],
    ['a window that ends before it starts', `{ decisions(filter: { from: "2017-10-01T00:00:00Z", to: "2017-09-01T00:00:00Z" }) { totalCount } }`, {}],
    ['an unknown outcome', `query($filter: DecisionFilter) { decisions(filter: $filter) { totalCount } }`, { filter: { outcome: 'MAYBE' } }],
    ['an unknown compliance status', `query($filter: DecisionFilter) { decisions(filter: $filter) { totalCount } }`, { filter: { complianceStatus: 'FINE' } }],
    ['a page over 100', `{ decisions(first: 101) { totalCount } }`, {}],
    ['a cursor not issued here', `{ decisions(after: "bm90LWEtY3Vyc29y") { totalCount } }`, {}],
    ['a negative page of citations', `{ clause(id: "${SEC_2}") { citations(first: -1) { totalCount } } }`, {}],
  ] as Array<[string, string, Record<string, unknown>]>)('refuses %s with BAD_USER_INPUT', async (_what, query, variables) => {
    const result = await server.gql(query, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
