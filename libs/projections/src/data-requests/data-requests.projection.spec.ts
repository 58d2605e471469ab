import Database from 'better-sqlite3';
import {
  DataRequestHistory,
  LegislationHistory,
  ReadModelHarness,
  decisionIdOf,
  fixtureSubjectRef,
  fixtureUuid,
  requestIdOf,
  type ClauseFixture,
  type FixtureActor,
} from '@ledger/read-model-testing';
import { directoryProjection } from '../directory/directory.projection';
import { eventLogProjection } from '../event-log/event-log.projection';
import { legislationProjection } from '../legislation/legislation.projection';
import type { SqliteProjection } from '../runtime/sqlite-projection';
import { SqliteReadModels } from '../runtime/sqlite-read-models';
import { dataRequestsProjection } from './data-requests.projection';
import { DataRequestQueries } from './data-requests.queries';
import type { DecisionFilter } from './data-requests.rows';

const clerk: FixtureActor = { id: 'person:clerk-one', name: 'Clerk One', role: 'clerk' };
const ana: FixtureActor = { id: 'person:officer-ana', name: 'Ana Officer', role: 'officer' };
const ben: FixtureActor = { id: 'person:officer-ben', name: 'Ben Officer', role: 'officer' };
const olga: FixtureActor = { id: 'person:olga-oversight', name: 'Olga Oversight', role: 'oversight' };
const sponsor = 'person:council-member';
const SHERIFF = 'org:denver-sheriff-department';
const POLICE = 'org:denver-police-department';
const ICE = 'org:ice';
const FBI = 'org:fbi';
const ORDINANCE = 'CB17-0766';
const SEC_1 = `${ORDINANCE}#sec_1`;
const SEC_2 = `${ORDINANCE}#sec_2`;

const CLAUSES: ClauseFixture[] = [
  { eId: 'sec_1', heading: 'Definitions', text: '"Federal immigration enforcement" means civil immigration enforcement by a federal agency.', rule: null },
  {
    eId: 'sec_2',
    heading: 'Release dates',
    text: 'No city employee shall share the release date or time of a person in custody with federal immigration enforcement.',
    rule: { effect: 'prohibit', action: 'share', dataCategories: ['release-date-time'], recipients: ['federal-immigration-enforcement'], unless: ['judicial-warrant'] },
  },
];

const [R1, R2, R3, R4, R5, R6] = [1, 2, 3, 4, 5, 6].map(fixtureUuid);
const fromIceToSheriff = () => ({ requestingOrgId: ICE, receivingOrgId: SHERIFF, dataCategories: ['release-date-time'] });
const cite = (...clauseIds: string[]) => clauseIds.map((clauseId) => ({ clauseId, version: 1 }));

/** The directory, an ordinance in force from 2017-09-01, and five requests decided in September 2017. */
function ledger(): { legislation: LegislationHistory; requests: DataRequestHistory } {
  const legislation = new LegislationHistory(clerk);
  for (const person of [ana, ben, olga, { id: sponsor, name: 'Council Member' }]) legislation.person(person.id, person.name);
  legislation.organization('org:council', 'City Council', 'LEGISLATURE', { rules: { seats: 5, quorum: 3, passage: 'majority-of-present', overrideVotes: 4 } });
  legislation.organization(SHERIFF, 'Denver Sheriff Department', 'DEPARTMENT');
  legislation.organization(POLICE, 'Denver Police Department', 'DEPARTMENT');
  legislation.organization(ICE, 'U.S. Immigration and Customs Enforcement', 'EXTERNAL_AGENCY');
  legislation.organization(FBI, 'Federal Bureau of Investigation', 'EXTERNAL_AGENCY');
  legislation.membership(SHERIFF, ana.id, 'officer', '2017-01-01').membership(POLICE, ben.id, 'officer', '2017-01-01');
  // The read side takes the lifecycle as recorded; introduction and enactment are all it needs.
  legislation
    .introduce(ORDINANCE, { title: 'Public Safety Enforcement Priority Act', bodyId: 'org:council', sponsorIds: [sponsor], clauses: CLAUSES }, '2017-08-07T20:00:00Z')
    .enact(ORDINANCE, '2017-09-01', '2017-08-31T16:00:00Z');

  const requests = new DataRequestHistory(legislation.events);
  const fromIce = (receivingOrgId: string, extra: object = {}) => ({ requestingOrgId: ICE, receivingOrgId, dataCategories: ['release-date-time'], ...extra });
  requests
    .receive(R1, fromIce(SHERIFF, { subject: 'inmate-1' }), ana, '2017-09-04T15:00:00Z')
    .decide(R1, { outcome: 'GRANTED', disclosedCategories: ['release-date-time'], citations: cite(SEC_2) }, ana, '2017-09-05T15:00:00Z')
    .receive(R2, fromIce(SHERIFF, { legalBasis: 'judicial-warrant' }), ana, '2017-09-09T15:00:00Z')
    // An offset instant: 15:00Z, which must sort and filter as such.
    .decide(R2, { outcome: 'GRANTED', disclosedCategories: ['release-date-time'], citations: cite(SEC_2) }, ana, '2017-09-10T09:00:00-06:00')
    .receive(R3, fromIce(POLICE, { dataCategories: ['release-date-time', 'address'] }), ben, '2017-09-19T15:00:00Z')
    .decide(R3, { outcome: 'DENIED', disclosedCategories: [], citations: cite(SEC_2) }, ben, '2017-09-20T15:00:00Z')
    .receive(R4, { requestingOrgId: FBI, receivingOrgId: SHERIFF, dataCategories: ['address'], recipientCategories: ['federal-law-enforcement'], purpose: 'criminal-investigation' }, ana, '2017-09-29T15:00:00Z')
    .decide(R4, { outcome: 'GRANTED', disclosedCategories: ['address'], citations: cite(SEC_1) }, ana, '2017-10-01T00:00:00Z')
    .receive(R5, fromIce(SHERIFF), ana, '2017-09-27T15:00:00Z')
    .decide(R5, { outcome: 'GRANTED', disclosedCategories: ['release-date-time'], citations: cite(SEC_2), rationale: 'Shared by mistake.' }, ana, '2017-09-28T15:00:00Z');
  return { legislation, requests };
}

describe('data-request projection (real SQLite files, real runner)', () => {
  const harnesses: ReadModelHarness[] = [];
  const open = async (build: (requests: DataRequestHistory) => void = () => {}) => {
    const harness = ReadModelHarness.create([eventLogProjection, directoryProjection, legislationProjection, dataRequestsProjection], 'ledger-data-requests-');
    harnesses.push(harness);
    const { legislation, requests } = ledger();
    build(requests);
    await harness.record(legislation.events);
    return { harness, queries: new DataRequestQueries(harness.db) };
  };
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.close();
  });

  it('keeps a request with its restricted fields, and its decision with the citations', async () => {
    const { queries } = await open();
    expect(queries.request(requestIdOf(R1))).toMatchObject({
      id: requestIdOf(R1),
      requestingOrgId: ICE,
      receivingOrgId: SHERIFF,
      receivedAt: '2017-09-04T15:00:00Z',
      dataCategories: ['release-date-time'],
      action: 'share',
      recipientCategories: ['federal-immigration-enforcement'],
      legalBasis: 'none',
      subjectRef: fixtureSubjectRef('inmate-1'),
      personalDetails: null,
      streamId: `data-request-${R1}`,
    });
    expect(queries.decision(decisionIdOf(R2))).toMatchObject({
      requestId: requestIdOf(R2),
      outcome: 'GRANTED',
      disclosedCategories: ['release-date-time'],
      decidedById: ana.id,
      decidingOrgId: SHERIFF,
      decidedAt: '2017-09-10T09:00:00-06:00',
      corrected: false,
      review: null,
    });
    expect(queries.decisionsOfRequests([requestIdOf(R3), requestIdOf(R1)]).map((d) => d.id).sort()).toEqual([decisionIdOf(R1), decisionIdOf(R3)]);
    expect(queries.citationsOfDecisions([decisionIdOf(R1), decisionIdOf(R4)])).toEqual([
      { decisionId: decisionIdOf(R1), clauseId: SEC_2, version: 1 },
      { decisionId: decisionIdOf(R4), clauseId: SEC_1, version: 1 },
    ]);
    expect(queries.requestsByIds(['data-request:00000000-0000-4000-8000-999999999999'])).toEqual([]);
  });

  it('stores each decision assessed against the rules in force on its date', async () => {
    const { queries } = await open();
    const status = (uuid: string) => queries.decision(decisionIdOf(uuid))!.compliance;
    // Shared release dates with no legal basis: the prohibition applies and names its clause version.
    expect(status(R1)).toMatchObject({ status: 'VIOLATION', findings: [{ clauseId: SEC_2, version: 1, status: 'VIOLATION' }] });
    expect(status(R1).findings[0].explanation).toContain(`${SEC_2} v1`);
    // A judicial warrant lifts it; a denial respects it; a different recipient is outside it.
    expect(status(R2)).toMatchObject({ status: 'COMPLIANT', findings: [{ clauseId: SEC_2, status: 'COMPLIANT' }] });
    expect(status(R3)).toMatchObject({ status: 'COMPLIANT', findings: [{ clauseId: SEC_2, status: 'COMPLIANT' }] });
    expect(status(R4)).toEqual({ status: 'NO_APPLICABLE_RULE', findings: [], notes: [] });
  });

  it('applies a correction over the decision (the later event wins) and assesses it again', async () => {
    const { queries } = await open((requests) =>
      requests.correct(R5, { outcome: 'DENIED', disclosedCategories: [], citations: cite(SEC_2, SEC_1), rationale: 'Denied: no judicial warrant.' }, 'Recorded the wrong outcome.', ana, '2017-09-29T10:00:00Z'),
    );
    const decision = queries.decision(decisionIdOf(R5))!;
    expect(decision).toMatchObject({
      outcome: 'DENIED',
      disclosedCategories: [],
      rationale: 'Denied: no judicial warrant.',
      corrected: true,
      // The decision keeps its date and its place in lists.
      decidedAt: '2017-09-28T15:00:00Z',
      // It was found in violation when taken: the corrected assessment waits for oversight.
      compliance: { status: 'VIOLATION' },
      pendingCompliance: { status: 'COMPLIANT' },
      violationFound: { foundAt: '2017-09-28T15:00:00Z', via: 'ASSESSMENT', foundById: null },
    });
    expect(queries.citationsOfDecisions([decisionIdOf(R5)]).map((c) => c.clauseId)).toEqual([SEC_2, SEC_1]);
    expect(queries.decisionsPage({ clauseId: SEC_1 }, 10, null).decisions.map((d) => d.id)).toEqual([decisionIdOf(R5), decisionIdOf(R4)]);
  });

  it('counts a correction of a decision found in violation only once oversight reviews it, and keeps the finding', async () => {
    const correctR5 = (requests: DataRequestHistory) =>
      requests.correct(R5, { outcome: 'DENIED', disclosedCategories: [] }, 'Recorded the wrong outcome.', ana, '2017-09-29T10:00:00Z');
    const before = await open(correctR5);
    const ids = (queries: DataRequestQueries, filter: DecisionFilter) => queries.decisionsPage(filter, 100, null).decisions.map((d) => d.id);
    expect(ids(before.queries, { complianceStatus: 'VIOLATION' })).toContain(decisionIdOf(R5));
    expect(ids(before.queries, { awaitingReview: true })).toEqual([decisionIdOf(R5)]);

    const after = await open((requests) => correctR5(requests).review(R5, 'upheld', 'The correction matches the jail log.', olga, '2017-10-03T12:00:00Z'));
    const decision = after.queries.decision(decisionIdOf(R5))!;
    expect(decision).toMatchObject({ compliance: { status: 'COMPLIANT' }, pendingCompliance: null });
    // Reviewed, it leaves the violations; it stays among the decisions ever found in violation.
    expect(ids(after.queries, { complianceStatus: 'VIOLATION' })).not.toContain(decisionIdOf(R5));
    expect(ids(after.queries, { everFoundInViolation: true })).toEqual([decisionIdOf(R1), decisionIdOf(R5)]);
    expect(ids(after.queries, { everFoundInViolation: false })).not.toContain(decisionIdOf(R5));
    expect(ids(after.queries, { awaitingReview: true })).toEqual([]);
    expect(decision.violationFound).toEqual({ foundAt: '2017-09-28T15:00:00Z', via: 'ASSESSMENT', foundById: null });
  });

  it('holds a reviewed decision\'s correction for a new review, but counts a violation it brings at once', async () => {
    const { queries } = await open((requests) =>
      requests
        .review(R2, 'upheld', 'A judicial warrant was presented.', olga, '2017-10-01T12:00:00Z')
        .correct(R2, { rationale: 'Shared under the judicial warrant.' }, 'Fuller rationale.', ana, '2017-10-02T12:00:00Z')
        .review(R3, 'upheld', 'Denied as the ordinance requires.', olga, '2017-10-01T12:00:00Z')
        .correct(R3, { outcome: 'GRANTED', disclosedCategories: ['release-date-time'] }, 'It was shared after all.', ben, '2017-10-02T12:00:00Z'),
    );
    // Nothing changed in R2's assessment, but the correction still waits for oversight to look at it.
    expect(queries.decision(decisionIdOf(R2))).toMatchObject({ compliance: { status: 'COMPLIANT' }, pendingCompliance: { status: 'COMPLIANT' }, violationFound: null });
    // R3's correction makes it a violation: that counts without waiting.
    expect(queries.decision(decisionIdOf(R3))).toMatchObject({
      compliance: { status: 'VIOLATION' },
      pendingCompliance: { status: 'VIOLATION' },
      violationFound: { foundAt: '2017-10-02T12:00:00Z', via: 'ASSESSMENT', foundById: null },
    });
  });

  it('keeps the first violation an oversight review found, whatever the later reviews say', async () => {
    const { queries } = await open((requests) =>
      requests
        .review(R2, 'violation', 'The warrant was for another person.', olga, '2017-10-01T12:00:00Z')
        .review(R2, 'upheld', 'On appeal: the warrant was right.', olga, '2017-10-05T12:00:00Z'),
    );
    expect(queries.decision(decisionIdOf(R2))).toMatchObject({
      compliance: { status: 'COMPLIANT' },
      review: { finding: 'upheld' },
      violationFound: { foundAt: '2017-10-01T12:00:00Z', via: 'OVERSIGHT_REVIEW', foundById: olga.id },
    });
  });

  it('marks a disclosure beyond what was granted a violation, with a note', async () => {
    const { queries } = await open((requests) => requests.disclose(R4, ['address', 'release-date-time'], ana, '2017-10-02T12:00:00Z', 'phone'));
    const decision = queries.decision(decisionIdOf(R4))!;
    expect(decision.compliance.status).toBe('VIOLATION');
    expect(decision.compliance.notes.join(' ')).toContain('release-date-time');
    expect(queries.disclosuresOfDecisions([decisionIdOf(R4), decisionIdOf(R1)])).toMatchObject([
      { decisionId: decisionIdOf(R4), requestId: requestIdOf(R4), disclosedCategories: ['address', 'release-date-time'], channel: 'phone', disclosedAt: '2017-10-02T12:00:00Z' },
    ]);
  });

  it("keeps oversight's latest review", async () => {
    const { queries } = await open((requests) =>
      requests
        .review(R1, 'upheld', 'First look.', olga, '2017-11-01T12:00:00Z')
        .review(R1, 'violation', 'Release dates went to ICE without a warrant.', olga, '2017-11-02T12:00:00Z'),
    );
    expect(queries.decision(decisionIdOf(R1))!.review).toEqual({
      finding: 'violation',
      reasons: 'Release dates went to ICE without a warrant.',
      reviewedBy: olga.id,
      reviewedAt: '2017-11-02T12:00:00Z',
    });
  });

  it('filters decisions by every DecisionFilter field, listing them by when they were taken', async () => {
    const { queries } = await open((requests) => requests.correct(R5, { outcome: 'DENIED', disclosedCategories: [] }, 'Wrong outcome.', ana, '2017-09-29T10:00:00Z'));
    const ids = (filter: DecisionFilter) => {
      const page = queries.decisionsPage(filter, 100, null);
      expect(page.totalCount).toBe(page.decisions.length);
      return page.decisions.map((d) => d.id.replace('decision:00000000-0000-4000-8000-00000000000', 'R'));
    };
    expect(ids({})).toEqual(['R1', 'R2', 'R3', 'R5', 'R4']);
    expect(ids({ decidingOrganizationId: SHERIFF })).toEqual(['R1', 'R2', 'R5', 'R4']);
    expect(ids({ decidedById: ben.id })).toEqual(['R3']);
    expect(ids({ requestingOrganizationId: FBI })).toEqual(['R4']);
    expect(ids({ outcome: 'DENIED' })).toEqual(['R3', 'R5']);
    // R5 was corrected out of its violation, but no review has looked at the correction yet.
    expect(ids({ complianceStatus: 'VIOLATION' })).toEqual(['R1', 'R5']);
    expect(ids({ complianceStatus: 'NO_APPLICABLE_RULE' })).toEqual(['R4']);
    expect(ids({ clauseId: SEC_2 })).toEqual(['R1', 'R2', 'R3', 'R5']);
    expect(ids({ clauseId: `${ORDINANCE}#sec_9` })).toEqual([]);
    // A month: from inclusive, to exclusive (R4 was decided at the very first instant of October).
    expect(ids({ decidingOrganizationId: SHERIFF, from: '2017-09-01T00:00:00Z', to: '2017-10-01T00:00:00Z' })).toEqual(['R1', 'R2', 'R5']);
    expect(ids({ from: '2017-09-05T15:00:00Z', to: '2017-09-05T15:00:00.001Z' })).toEqual(['R1']);
    expect(ids({ from: '2017-10-01T00:00:00Z' })).toEqual(['R4']);
    // Instants compare as instants, whatever offset they were written with.
    expect(ids({ from: '2017-09-10T14:59:59Z', to: '2017-09-10T15:00:00Z' })).toEqual([]);
    expect(ids({ from: '2017-09-10T08:59:59-06:00', to: '2017-09-10T15:00:01Z' })).toEqual(['R2']);
    expect(ids({ decidingOrganizationId: SHERIFF, outcome: 'GRANTED', clauseId: SEC_2 })).toEqual(['R1', 'R2']);
  });

  it('reads the outcome and compliance-status filters through an index, never a scan of every decision', async () => {
    const { harness, queries } = await open();
    // the statements decisionsPage prepares (each once: they are cached), then their query plans
    const prepared: string[] = [];
    const prepare = harness.db.prepare.bind(harness.db);
    jest.spyOn(harness.db, 'prepare').mockImplementation((sql: string) => (prepared.push(sql), prepare(sql)));
    const plans = (filter: DecisionFilter, params: Record<string, unknown>) => {
      prepared.length = 0;
      queries.decisionsPage(filter, 20, null);
      queries.decisionsPage(filter, 20, 1);
      queries.decisionsPage(filter, 20, 1, 'backward');
      expect(prepared).toHaveLength(4); // the count, the first page, a page after a cursor, a page before one
      return prepared.map((sql) => (prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ ...params, cursor: 1, limit: 21 }) as Array<{ detail: string }>).map((row) => row.detail).join('; '));
    };
    for (const plan of plans({ outcome: 'DENIED' }, { outcome: 'DENIED' })) expect(plan).toMatch(/^SEARCH d USING (COVERING )?INDEX decisions_by_outcome \(outcome=\?/);
    for (const plan of plans({ complianceStatus: 'VIOLATION' }, { status: 'VIOLATION' })) {
      expect(plan).toMatch(/^SEARCH d USING (COVERING )?INDEX decisions_by_status \(compliance_status=\?/);
    }
  });

  it('pages decisions with a cursor, keeping the total, forward and backward', async () => {
    const { queries } = await open();
    const first = queries.decisionsPage({ decidingOrganizationId: SHERIFF }, 3, null);
    expect(first).toMatchObject({ hasNextPage: true, totalCount: 4 });
    const second = queries.decisionsPage({ decidingOrganizationId: SHERIFF }, 3, first.decisions[2].sequence);
    expect(second).toMatchObject({ hasNextPage: false, totalCount: 4 });
    // Backward from the last one: the three before it, in the same order as read forward.
    const last = second.decisions.at(-1)!;
    const before = queries.decisionsPage({ decidingOrganizationId: SHERIFF }, 3, last.sequence, 'backward');
    expect(before).toMatchObject({ hasNextPage: false, totalCount: 4 });
    expect(before.decisions.map((d) => d.id)).toEqual(first.decisions.map((d) => d.id));
    expect([...first.decisions, ...second.decisions].map((d) => d.id)).toEqual([R1, R2, R5, R4].map(decisionIdOf));
    expect(queries.decisionsPage({}, 0, null)).toEqual({ decisions: [], hasNextPage: true, totalCount: 5 });
  });

  it('pages the decisions citing each clause and taken by each person, for a batch of keys at once', async () => {
    const { queries } = await open();
    const [sec2, sec1, none] = queries.decisionsOfClauses('CITED', [SEC_2, SEC_1, `${ORDINANCE}#sec_9`], 2, null);
    expect(sec2).toMatchObject({ key: SEC_2, totalCount: 4, hasNextPage: true });
    expect(sec2.decisions.map((d) => d.id)).toEqual([R1, R2].map(decisionIdOf));
    expect(sec1).toMatchObject({ key: SEC_1, totalCount: 1, hasNextPage: false });
    expect(none).toEqual({ key: `${ORDINANCE}#sec_9`, decisions: [], hasNextPage: false, totalCount: 0 });
    const [rest] = queries.decisionsOfClauses('CITED', [SEC_2], 2, sec2.decisions[1].sequence);
    expect(rest.decisions.map((d) => d.id)).toEqual([R3, R5].map(decisionIdOf));
    expect(rest.hasNextPage).toBe(false);

    const [ofBen, ofAna] = queries.decisionsOfPeople([ben.id, ana.id], 10, null);
    expect(ofBen.decisions.map((d) => d.id)).toEqual([decisionIdOf(R3)]);
    expect(ofAna).toMatchObject({ key: ana.id, totalCount: 4, hasNextPage: false });
    expect(ofAna.decisions.map((d) => d.id)).toEqual([R1, R2, R5, R4].map(decisionIdOf));
  });

  describe('the clauses a decision was judged against, not only those it cited', () => {
    // R6 shares release dates with ICE citing only the definitions (sec_1): the law that applied
    // is sec_2's prohibition all the same.
    const citingTheWrongClause = (requests: DataRequestHistory) =>
      requests
        .receive(R6, fromIceToSheriff(), ana, '2017-09-29T16:00:00Z')
        .decide(R6, { outcome: 'GRANTED', disclosedCategories: ['release-date-time'], citations: cite(SEC_1) }, ana, '2017-09-30T15:00:00Z');
    const ids = (page: { decisions: Array<{ id: string }> }) => page.decisions.map((d) => d.id.replace('decision:00000000-0000-4000-8000-00000000000', 'R'));
    const findings = (harness: ReadModelHarness, decisionId: string) =>
      harness.db.prepare('SELECT clause_id AS clauseId, version, status FROM decision_findings WHERE decision_id = ? ORDER BY clause_id').all(decisionId);

    it('filters by either relation: cited, judged against, or both', async () => {
      const { queries } = await open(citingTheWrongClause);
      expect(queries.decision(decisionIdOf(R6))!.compliance).toMatchObject({ status: 'VIOLATION', findings: [{ clauseId: SEC_2, version: 1, status: 'VIOLATION' }] });
      const filtered = (clauseId: string, clauseRelation?: DecisionFilter['clauseRelation']) => {
        const page = queries.decisionsPage({ clauseId, clauseRelation }, 100, null);
        expect(page.totalCount).toBe(page.decisions.length);
        return ids(page);
      };
      expect(filtered(SEC_2, 'JUDGED_AGAINST')).toEqual(['R1', 'R2', 'R3', 'R5', 'R6']);
      // Cited is the default, and R6 did not cite sec_2.
      expect(filtered(SEC_2)).toEqual(['R1', 'R2', 'R3', 'R5']);
      expect(filtered(SEC_2, 'CITED')).toEqual(['R1', 'R2', 'R3', 'R5']);
      // sec_1 holds no rule: cited by R4 and R6, judged against by none.
      expect(filtered(SEC_1, 'JUDGED_AGAINST')).toEqual([]);
      expect(filtered(SEC_1, 'EITHER')).toEqual(['R6', 'R4']);
      expect(filtered(SEC_2, 'EITHER')).toEqual(['R1', 'R2', 'R3', 'R5', 'R6']);
      // With the other fields, and either way through the pages.
      expect(ids(queries.decisionsPage({ clauseId: SEC_2, clauseRelation: 'JUDGED_AGAINST', complianceStatus: 'VIOLATION' }, 10, null))).toEqual(['R1', 'R5', 'R6']);
      const firstTwo = queries.decisionsPage({ clauseId: SEC_2, clauseRelation: 'JUDGED_AGAINST' }, 2, null);
      const rest = queries.decisionsPage({ clauseId: SEC_2, clauseRelation: 'JUDGED_AGAINST' }, 10, firstTwo.decisions[1].sequence);
      expect([...ids(firstTwo), ...ids(rest)]).toEqual(['R1', 'R2', 'R3', 'R5', 'R6']);
      const lastTwo = queries.decisionsPage({ clauseId: SEC_2, clauseRelation: 'JUDGED_AGAINST' }, 2, null, 'backward');
      expect(ids(lastTwo)).toEqual(['R5', 'R6']);
    });

    it('pages the decisions judged against each clause, for a batch of clauses at once', async () => {
      const { queries } = await open(citingTheWrongClause);
      const [sec1, sec2] = queries.decisionsOfClauses('JUDGED_AGAINST', [SEC_1, SEC_2], 3, null);
      expect(sec1).toEqual({ key: SEC_1, decisions: [], hasNextPage: false, totalCount: 0 });
      expect(sec2).toMatchObject({ key: SEC_2, totalCount: 5, hasNextPage: true });
      expect(ids(sec2)).toEqual(['R1', 'R2', 'R3']);
      const [rest] = queries.decisionsOfClauses('JUDGED_AGAINST', [SEC_2], 3, sec2.decisions[2].sequence);
      expect(rest).toMatchObject({ hasNextPage: false });
      expect(ids(rest)).toEqual(['R5', 'R6']);
      const [before] = queries.decisionsOfClauses('JUDGED_AGAINST', [SEC_2], 3, rest.decisions[0].sequence, 'backward');
      expect(ids(before)).toEqual(['R1', 'R2', 'R3']);
      const [either] = queries.decisionsOfClauses('EITHER', [SEC_1], 10, null);
      expect(ids(either)).toEqual(['R6', 'R4']);
    });

    it('follows a correction that changes a finding, and a reassessment that changes nothing writes nothing', async () => {
      const { harness, queries } = await open((requests) =>
        citingTheWrongClause(requests)
          .correct(R6, { outcome: 'DENIED', disclosedCategories: [] }, 'Recorded the wrong outcome.', ana, '2017-10-02T10:00:00Z')
          // R6 was a violation: its correction counts (and its findings change) once oversight reviews it.
          .review(R6, 'upheld', 'The jail log confirms the denial.', olga, '2017-10-03T10:00:00Z'),
      );
      expect(findings(harness, decisionIdOf(R6))).toEqual([{ clauseId: SEC_2, version: 1, status: 'COMPLIANT' }]);
      expect(ids(queries.decisionsPage({ clauseId: SEC_2, clauseRelation: 'JUDGED_AGAINST', complianceStatus: 'VIOLATION' }, 10, null))).toEqual(['R1', 'R5']);

      // A disclosure within the grant changes no finding: no row of decision_findings is written
      // (counted by temporary triggers on the projection's own connection).
      harness.db.exec(`
        CREATE TEMP TABLE findings_writes (kind TEXT);
        CREATE TEMP TRIGGER findings_inserted AFTER INSERT ON main.decision_findings BEGIN INSERT INTO findings_writes VALUES ('insert'); END;
        CREATE TEMP TRIGGER findings_deleted AFTER DELETE ON main.decision_findings BEGIN INSERT INTO findings_writes VALUES ('delete'); END;`);
      await harness.record(new DataRequestHistory().disclose(R2, ['release-date-time'], ana, '2017-09-11T12:00:00Z').events);
      expect(queries.disclosuresOfDecisions([decisionIdOf(R2)])).toHaveLength(1);
      expect(harness.db.prepare('SELECT kind FROM findings_writes').all()).toEqual([]);
      // A disclosure beyond it is a new assessment (a note), stored with its findings again.
      await harness.record(new DataRequestHistory().disclose(R2, ['release-date-time', 'address'], ana, '2017-09-12T12:00:00Z').events);
      expect(harness.db.prepare('SELECT kind FROM findings_writes').all()).toEqual([{ kind: 'delete' }, { kind: 'insert' }]);
      expect(findings(harness, decisionIdOf(R2))).toEqual([{ clauseId: SEC_2, version: 1, status: 'COMPLIANT' }]);
    });

    it('reads the judged-against filter through its by-clause index', async () => {
      const { harness } = await open(citingTheWrongClause);
      const plan = (relation: DecisionFilter['clauseRelation']) => {
        const prepared: string[] = [];
        const prepare = harness.db.prepare.bind(harness.db);
        const spy = jest.spyOn(harness.db, 'prepare').mockImplementation((sql: string) => (prepared.push(sql), prepare(sql)));
        new DataRequestQueries(harness.db).decisionsPage({ clauseId: SEC_2, clauseRelation: relation }, 20, null);
        spy.mockRestore();
        expect(prepared).toHaveLength(2); // the count and the page
        return prepared.map((sql) => (prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ clause: SEC_2, limit: 21 }) as Array<{ detail: string }>).map((row) => row.detail).join('; '));
      };
      for (const sql of plan('JUDGED_AGAINST')) expect(sql).toMatch(/decision_findings USING COVERING INDEX decision_findings_by_clause \(clause_id=\?/);
      for (const sql of plan('EITHER')) {
        expect(sql).toMatch(/decision_findings USING COVERING INDEX decision_findings_by_clause \(clause_id=\?/);
        expect(sql).toMatch(/decision_citations USING COVERING INDEX decision_citations_by_clause \(clause_id=\?/);
      }
    });
  });

  it('rebuilds the same rows from the log', async () => {
    const { harness, queries } = await open((requests) =>
      requests.correct(R5, { outcome: 'DENIED', disclosedCategories: [] }, 'Wrong outcome.', ana, '2017-09-29T10:00:00Z').disclose(R4, ['address', 'release-date-time'], ana, '2017-10-02T12:00:00Z'),
    );
    const snapshot = () => ({ page: queries.decisionsPage({}, 100, null), requests: queries.requestsByIds([R1, R2, R3, R4, R5].map(requestIdOf)) });
    const before = snapshot();
    await harness.rebuild();
    expect(snapshot()).toEqual(before);
  });

  it('assesses against the rules as of each event after a batch that rolled back (the in-memory rules index is forgotten)', async () => {
    // A decision, then a repeal reaching back before it, then an event that a projection cannot
    // apply: the batch rolls back. The rules index kept in memory had taken the repeal; once the
    // batch is applied again, the decision must still be judged by the law before the repeal.
    let tripped = false;
    const tripwire: SqliteProjection = {
      name: 'tripwire',
      version: 1,
      setup: () => {},
      drop: () => {},
      apply: (_db, event) => {
        if (event.type === 'DecisionReviewed' && !tripped) {
          tripped = true;
          throw new Error('disk full (simulated)');
        }
      },
    };
    const later = (history: LegislationHistory) => {
      new DataRequestHistory(history.events)
        .receive(R6, fromIceToSheriff(), ana, '2017-10-10T15:00:00Z')
        .decide(R6, { outcome: 'GRANTED', disclosedCategories: ['release-date-time'], citations: cite(SEC_2) }, ana, '2017-10-11T15:00:00Z');
      history.repeal(ORDINANCE, 'CB17-0999', '2017-10-01', '2017-10-12T15:00:00Z');
      new DataRequestHistory(history.events).review(R6, 'upheld', 'Checked.', olga, '2017-10-13T15:00:00Z');
      return history.events;
    };
    const withFailure = ReadModelHarness.create([eventLogProjection, directoryProjection, legislationProjection, dataRequestsProjection, tripwire], 'ledger-rollback-');
    const straight = ReadModelHarness.create([eventLogProjection, directoryProjection, legislationProjection, dataRequestsProjection], 'ledger-straight-');
    harnesses.push(withFailure, straight);
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const harness of [withFailure, straight]) await harness.record(ledger().legislation.events);
      await expect(withFailure.record(later(new LegislationHistory(clerk)))).rejects.toThrow('disk full (simulated)');
      // The next catch-up applies the batch again from the checkpoint, which the rollback left where it was.
      await withFailure.record([]);
      await straight.record(later(new LegislationHistory(clerk)));
    } finally {
      quiet.mockRestore();
    }
    const compliance = (harness: ReadModelHarness) => new DataRequestQueries(harness.db).decision(decisionIdOf(R6))!.compliance;
    expect(compliance(straight)).toMatchObject({ status: 'VIOLATION', findings: [{ clauseId: SEC_2, version: 1, status: 'VIOLATION' }] });
    expect(compliance(withFailure)).toEqual(compliance(straight));
  });

  it('declares that it reads the legislation read model for the rules, and is refused without it', () => {
    expect(dataRequestsProjection.dependsOn).toEqual(['legislation']);
    const db = new Database(':memory:');
    expect(() => new SqliteReadModels(db, [eventLogProjection, dataRequestsProjection])).toThrow(
      'projection data-requests depends on legislation, which is not among them',
    );
    db.close();
  });
});
