/**
 * trace(id) over GraphQL on the seeded Denver demo: one query takes a decision back to the clause
 * text in force when it was taken, the council vote that passed that text and the mayor's
 * signature; traces of a measure, a vote, a person, an organization and an event; ledger order,
 * no duplicates; redaction for anonymous callers; NOT_FOUND and BAD_USER_INPUT. And the other
 * half of tracing a decision to the law that applied: finding decisions by the clauses they were
 * judged against (decisions' clauseRelation, Clause.judgedDecisions).
 */
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { COUNCIL, demoClerk, mayor, SHERIFF } from '@ledger/scenarios';

const MAYOR = mayor;
const CLERK = demoClerk;

const TRACE = `query($id: ID!) { trace(id: $id) {
  subject { __typename id ... on Decision { decidedAt citations { clause { id } version } request { subjectRef } } }
  events { id sequence type streamId occurredAt recordedBy { id name role } leafHash data }
  actors { id name role }
  clauses { clause { id } version text validFrom validUntil adoptedBy { id motion } event { id sequence type } }
  votes { id motion result threshold occurredAt measure { id } body { id name } tally { yes no abstain absent recused }
          rollCall { person { id name } choice } history { id sequence } }
} }`;

/** Oldest first by sequence, each event, clause version, vote and actor once; actors = the events' recorders. */
function expectWellFormed(trace: any): void {
  const sequences = trace.events.map((e: any) => e.sequence);
  for (let i = 1; i < sequences.length; i++) expect(sequences[i]).toBeGreaterThan(sequences[i - 1]);
  expect(new Set(trace.events.map((e: any) => e.id)).size).toBe(trace.events.length);
  const versions = trace.clauses.map((c: any) => `${c.clause.id} v${c.version}`);
  expect(new Set(versions).size).toBe(versions.length);
  expect(new Set(trace.votes.map((v: any) => v.id)).size).toBe(trace.votes.length);
  const recorders = [...new Map(trace.events.map((e: any) => [e.recordedBy.id, e.recordedBy])).values()];
  expect(trace.actors).toEqual(recorders);
}

describe('trace (seeded demo, real server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let oversight: string;
  let decisionId: string;

  async function trace(id: string, token?: string) {
    const result = await server.gql(TRACE, { id }, token);
    expect(result.errors).toBeUndefined();
    expectWellFormed(result.data.trace);
    return result.data.trace;
  }

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-trace-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    oversight = await mintToken(dataDir, 'oversight');
    server = await LedgerServer.start(dataDir);
    // The demo's first decision: the Sheriff Department's release notification, citing sections 3 and 4.
    const decisions = await server.gql(`{ decisions(filter: { decidingOrganizationId: "${SHERIFF}" }, first: 1) { edges { node { id } } } }`);
    decisionId = decisions.data.decisions.edges[0].node.id;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('takes a decision back to every clause version it was judged against, not only those it cited', async () => {
    const { decisions } = (await server.gql(`{ decisions(filter: { complianceStatus: VIOLATION }, first: 10) { edges { node { id
      citations { clause { id } version } compliance { findings { clause { clause { id } version } } } } } } }`)).data;
    const violation = decisions.edges[0].node;
    const cited = violation.citations.map((c: any) => `${c.clause.id} v${c.version}`);
    const judged = violation.compliance.findings.map((f: any) => `${f.clause.clause.id} v${f.clause.version}`);
    // The demo's violation was judged against clauses it did not cite: the trace still shows them.
    expect(judged.filter((v: string) => !cited.includes(v)).length).toBeGreaterThan(0);
    const t = await trace(violation.id);
    const inTrace = t.clauses.map((c: any) => `${c.clause.id} v${c.version}`);
    expect(inTrace).toEqual([...new Set([...cited, ...judged])]);
    // Each of them with the vote that passed its measure.
    expect(t.votes.map((v: any) => v.motion)).toContain('final-passage');
  });

  it('finds a decision by a clause it was judged against but did not cite: the filter\'s clauseRelation and Clause.judgedDecisions', async () => {
    const { decisions } = (await server.gql(`{ decisions(filter: { complianceStatus: VIOLATION }, first: 10) { edges { node { id
      citations { clause { id } } compliance { findings { status clause { clause { id } } } } } } } }`)).data;
    const violation = decisions.edges[0].node;
    const cited = violation.citations.map((c: any) => c.clause.id);
    const finding = violation.compliance.findings.find((f: any) => !cited.includes(f.clause.clause.id));
    expect(finding).toMatchObject({ status: 'VIOLATION' });
    const clauseId = finding.clause.clause.id;
    const ids = async (clauseRelation?: string) => {
      const result = await server.gql(`query($filter: DecisionFilter) { decisions(filter: $filter, first: 100) { totalCount edges { node { id } } } }`, {
        filter: { clauseId, ...(clauseRelation && { clauseRelation }) },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.decisions.totalCount).toBe(result.data.decisions.edges.length);
      return result.data.decisions.edges.map((e: any) => e.node.id) as string[];
    };
    const [byDefault, citing, judged, either] = [await ids(), await ids('CITED'), await ids('JUDGED_AGAINST'), await ids('EITHER')];
    // The filter keeps its meaning by default: the decisions that cited the clause, which this one did not.
    expect(byDefault).toEqual(citing);
    expect(citing).not.toContain(violation.id);
    expect(judged).toContain(violation.id);
    expect(new Set(either)).toEqual(new Set([...citing, ...judged]));
    expect(either).toHaveLength(new Set(either).size);

    // The clause lists the decisions judged against it, as the filter does, and pages backward too.
    const { clause } = (await server.gql(`query($id: ID!) { clause(id: $id) {
      judgedDecisions(first: 100) { totalCount edges { node { id } } }
      last: judgedDecisions(last: 1) { totalCount pageInfo { hasPreviousPage } edges { node { id } } }
    } }`, { id: clauseId })).data;
    expect(clause.judgedDecisions.edges.map((e: any) => e.node.id)).toEqual(judged);
    expect(clause.judgedDecisions.totalCount).toBe(judged.length);
    expect(clause.last.edges.map((e: any) => e.node.id)).toEqual(judged.slice(-1));
    expect(clause.last.pageInfo.hasPreviousPage).toBe(judged.length > 1);

    // A relation GraphQL does not know is refused before anything is read.
    const refused = await server.gql(`{ decisions(filter: { clauseId: "${clauseId}", clauseRelation: SOMETIMES }) { totalCount } }`);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0].message).toContain('ClauseRelation');
  });

  it('takes a decision back, in one query, to the clause text in force, the council vote that passed it and the signature', async () => {
    const t = await trace(decisionId);
    expect(t.subject).toMatchObject({ __typename: 'Decision', id: decisionId });
    const decidedOn = t.subject.decidedAt.slice(0, 10);

    // The clause versions are exactly those cited, each as in force on the decision's date.
    expect(t.clauses.map((c: any) => ({ clause: { id: c.clause.id }, version: c.version }))).toEqual(t.subject.citations);
    expect(t.clauses.map((c: any) => `${c.clause.id} v${c.version}`)).toEqual(['CB17-0766#sec_3 v2', 'CB17-0766#sec_4 v1']);
    for (const version of t.clauses) {
      const inForce = await server.gql(`query($id: ID!, $on: Date!) { clause(id: $id) { inForce(on: $on) { version text } } }`, { id: version.clause.id, on: decidedOn });
      expect(inForce.data.clause.inForce).toEqual({ version: version.version, text: version.text });
      expect(t.events.map((e: any) => e.id)).toContain(version.event.id);
    }
    const [sec3, sec4] = t.clauses;
    expect(sec3).toMatchObject({ validFrom: '2017-09-01', validUntil: null, adoptedBy: { id: 'vote:CB17-0766:3', motion: 'amendment' }, event: { type: 'ClauseAmended' } });
    expect(sec3.text).toMatch(/after the inmate has been advised of their legal rights/);
    expect(sec4).toMatchObject({ validFrom: '2017-09-01', validUntil: '2018-03-01', adoptedBy: null, event: { type: 'MeasureIntroduced' } });

    // The council vote that passed the ordinance: final passage, 10-0, with its roll call.
    const finalPassage = t.votes.find((v: any) => v.motion === 'final-passage');
    expect(finalPassage).toMatchObject({
      id: 'vote:CB17-0766:4',
      result: 'PASSED',
      threshold: 'majority-of-present',
      measure: { id: 'CB17-0766' },
      body: { id: COUNCIL, name: 'Denver City Council' },
      tally: { yes: 10, no: 0, abstain: 0, absent: 3, recused: 0 },
    });
    expect(finalPassage.occurredAt.slice(0, 10)).toBe('2017-08-28');
    expect(finalPassage.rollCall).toHaveLength(13);
    expect(finalPassage.rollCall.filter((c: any) => c.choice === 'YES')).toHaveLength(10);
    expect(finalPassage.rollCall.filter((c: any) => c.choice === 'ABSENT').map((c: any) => c.person.id)).toEqual(
      ['k', 'l', 'm'].map((x) => `person:illustrative-council-member-${x}`),
    );
    const { data: direct } = await server.gql(`{ vote(id: "vote:CB17-0766:4") { rollCall { person { id name } choice } } }`);
    expect(finalPassage.rollCall).toEqual(direct.vote.rollCall);
    expect(t.votes.map((v: any) => v.id)).toEqual(['vote:CB17-0766:3', 'vote:CB17-0766:4']);
    const passageEvent = t.events.find((e: any) => e.id === finalPassage.history[0].id);
    expect(passageEvent).toMatchObject({ type: 'VoteRecorded', streamId: 'measure-CB17-0766', data: { voteId: 'vote:CB17-0766:4', motion: 'final-passage' } });

    // The mayor's signature, after the vote and before the decision, recorded by the clerk on his behalf.
    const signatures = t.events.filter((e: any) => e.type === 'MeasureSigned');
    expect(signatures).toHaveLength(1);
    const [signature] = signatures;
    expect(signature).toMatchObject({ streamId: 'measure-CB17-0766', recordedBy: CLERK, data: { measureId: 'CB17-0766', signedBy: MAYOR.id } });
    expect(signature.occurredAt.slice(0, 10)).toBe('2017-08-31');
    expect(signature.leafHash).toMatch(/^[0-9a-f]{64}$/);
    const decided = t.events.find((e: any) => e.type === 'DataRequestDecided');
    expect(passageEvent.sequence).toBeLessThan(signature.sequence);
    expect(signature.sequence).toBeLessThan(decided.sequence);
    expect(t.events.map((e: any) => e.type)).toContain('MeasureEnacted');
    // Only the votes that made the text law: no committee report, no first reading.
    expect(t.events.filter((e: any) => e.type === 'VoteRecorded').map((e: any) => e.data.motion)).toEqual(['amendment', 'final-passage']);

    // The request's own stream, whole, and everyone who recorded any of it: the demo's clerk, who
    // recorded the officer's acts on their behalf, as the decision's payload says.
    const { data: history } = await server.gql(`query($id: ID!) { decision(id: $id) { history { id } } }`, { id: decisionId });
    expect(t.events.map((e: any) => e.id)).toEqual(expect.arrayContaining(history.decision.history.map((e: any) => e.id)));
    expect(t.actors).toEqual([CLERK]);
    expect(decided.data.decidedBy).toBe('person:illustrative-sheriff-officer');
  });

  it('traces a request like its decision, and a measure through everything that made and changed it', async () => {
    const request = await trace(decisionId.replace(/^decision:/, 'data-request:'));
    expect(request.subject.__typename).toBe('DataRequest');
    expect(request.events.map((e: any) => e.id)).toEqual((await trace(decisionId)).events.map((e: any) => e.id));

    const measure = await trace('CB17-0766');
    expect(measure.subject).toMatchObject({ __typename: 'Measure', id: 'CB17-0766' });
    const { data } = await server.gql(`{ measure(id: "CB17-0766") { history { id } votes { id } clauses { clause { id versions { version } } } } }`);
    const ids = measure.events.map((e: any) => e.id);
    expect(ids).toEqual(expect.arrayContaining(data.measure.history.map((e: any) => e.id)));
    // The 2018 ordinance that amended section 4: its final passage, signature and enactment, nothing else of it.
    const amending = measure.events.filter((e: any) => e.streamId === 'measure-CB18-0101').map((e: any) => e.type);
    expect(amending).toEqual(['VoteRecorded', 'MeasureSigned', 'MeasureEnacted']);
    expect(ids).toHaveLength(data.measure.history.length + 3);
    expect(measure.votes.map((v: any) => v.id)).toEqual([...data.measure.votes.map((v: any) => v.id), 'vote:CB18-0101:2']);
    const versions = data.measure.clauses.flatMap((c: any) => c.clause.versions.map((v: any) => `${c.clause.id} v${v.version}`));
    expect(measure.clauses.map((c: any) => `${c.clause.id} v${c.version}`)).toEqual(versions);
    expect(versions).toEqual(expect.arrayContaining(['CB17-0766#sec_3 v1', 'CB17-0766#sec_3 v2', 'CB17-0766#sec_4 v2']));
  });

  it('traces a vote as the ledger knew it when it was taken', async () => {
    const t = await trace('vote:CB17-0766:4');
    expect(t.subject).toMatchObject({ __typename: 'Vote', id: 'vote:CB17-0766:4' });
    expect(t.votes.map((v: any) => v.id)).toEqual(['vote:CB17-0766:4']);
    const vote = t.events.find((e: any) => e.type === 'VoteRecorded' && e.data.voteId === 'vote:CB17-0766:4');
    expect(t.events[t.events.length - 1]).toEqual(vote);
    expect(t.events.filter((e: any) => e.streamId === 'org-denver-city-council' && e.type === 'MembershipStarted')).toHaveLength(13);
    expect(new Set(t.events.map((e: any) => e.streamId))).toEqual(new Set(['measure-CB17-0766', 'org-denver-city-council']));
    // The text voted on: section 3 as amended minutes before, section 4 as introduced.
    const versions = t.clauses.map((c: any) => `${c.clause.id} v${c.version}`);
    expect(versions).toContain('CB17-0766#sec_3 v2');
    expect(versions).toContain('CB17-0766#sec_4 v1');
    expect(versions).not.toContain('CB17-0766#sec_3 v1');
  });

  it('traces a person to their record, memberships and votes, and an organization to its record and decisions', async () => {
    const person = 'person:illustrative-council-member-a';
    const t = await trace(person);
    expect(t.subject).toMatchObject({ __typename: 'Person', id: person });
    const { data } = await server.gql(`query($id: ID!) { person(id: $id) { votes(first: 100) { edges { node { vote { id } } } } history { id } } }`, { id: person });
    expect(t.votes.map((v: any) => v.id)).toEqual(data.person.votes.edges.map((e: any) => e.node.vote.id));
    expect(t.votes.length).toBeGreaterThanOrEqual(6);
    expect(t.events.map((e: any) => e.id)).toEqual(expect.arrayContaining(data.person.history.map((e: any) => e.id)));
    const memberships = t.events.filter((e: any) => e.type === 'MembershipStarted');
    expect(memberships.map((e: any) => e.streamId).sort()).toEqual(['org-denver-city-council', 'org-denver-council-safety-housing-education-homelessness']);
    for (const event of memberships) expect(event.data.personId).toBe(person);
    expect(t.events.filter((e: any) => e.type === 'VoteRecorded')).toHaveLength(t.votes.length);

    const org = await trace(SHERIFF);
    expect(org.subject).toMatchObject({ __typename: 'Organization', id: SHERIFF });
    const { data: decisions } = await server.gql(`{ decisions(filter: { decidingOrganizationId: "${SHERIFF}" }) { totalCount edges { node { id } } } }`);
    const decided = org.events.filter((e: any) => e.type === 'DataRequestDecided');
    expect(decided.map((e: any) => e.data.decisionId).sort()).toEqual(decisions.decisions.edges.map((e: any) => e.node.id).sort());
    expect(decided).toHaveLength(decisions.decisions.totalCount);
    expect(org.events[0]).toMatchObject({ type: 'OrganizationRegistered', streamId: 'org-denver-sheriff-department' });
  });

  it('traces an event to itself and what its stream said before it', async () => {
    const signature = (await trace(decisionId)).events.find((e: any) => e.type === 'MeasureSigned');
    const t = await trace(signature.id);
    expect(t.subject).toEqual({ __typename: 'LedgerEvent', id: signature.id });
    expect(t.events[t.events.length - 1]).toEqual(signature);
    expect(new Set(t.events.map((e: any) => e.streamId))).toEqual(new Set(['measure-CB17-0766']));
    expect(t.events[0].type).toBe('MeasureIntroduced');
  });

  it('keeps subject references from anonymous callers, and shows oversight the same trace with them', async () => {
    const anonymous = await trace(decisionId);
    const overseen = await trace(decisionId, oversight);
    expect(overseen.subject.request.subjectRef).toMatch(/^subj_[0-9a-f]{32}$/);
    const received = overseen.events.find((e: any) => e.type === 'DataRequestReceived');
    expect(received.data.subjectRef).toBe(overseen.subject.request.subjectRef);
    expect(anonymous.subject.request.subjectRef).toBeNull();
    expect(anonymous.events.map((e: any) => e.id)).toEqual(overseen.events.map((e: any) => e.id));
    expect(anonymous.events.find((e: any) => e.type === 'DataRequestReceived').data.subjectRef).toEqual({ commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const answer = JSON.stringify(anonymous);
    expect(answer).not.toContain(overseen.subject.request.subjectRef);
    expect(answer).not.toMatch(/subj_[0-9a-f]{32}/);
    expect(answer).not.toContain('ciphertext');
  });

  it('answers NOT_FOUND for a well-formed id the ledger lacks, BAD_USER_INPUT for a malformed one', async () => {
    const unknown = ['person:nobody', 'org:nowhere', 'CB99-0001', 'CB17-0766#sec_9', 'vote:CB17-0766:99', 'decision:00000000-0000-4000-8000-000000000099', '00000000-0000-4000-8000-000000000099'];
    for (const id of unknown) {
      const result = await server.gql(TRACE, { id });
      expect({ id, code: result.errors?.[0].extensions?.code, data: result.data }).toEqual({ id, code: 'NOT_FOUND', data: null });
    }
    for (const id of ['', 'not an id', 'person:Robin Kniech', 'vote:CB17-0766:0']) {
      const result = await server.gql(TRACE, { id });
      expect({ id, code: result.errors?.[0].extensions?.code, data: result.data }).toEqual({ id, code: 'BAD_USER_INPUT', data: null });
    }
  });
});
