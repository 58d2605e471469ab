/**
 * The legislation read side over real HTTP, answering a newcomer's questions about an ordinance:
 * who voted how, what a clause said on a date, what was in force, and who recorded each step. A
 * known history is written into a data dir, the built server started on it, and GraphQL asked.
 */
import { tally } from '@ledger/domain';
import { AMENDING_ORDINANCE, COMMITTEE, COUNCIL, COUNCIL_MEMBERS, MAYORS_OFFICE, ORDINANCE, PAUL_LOPEZ, ROBIN_KNIECH, mayor } from '@ledger/scenarios';
import { LegislationHistory, type Choice, type ClauseFixture, type FixtureActor } from '@ledger/read-model-testing';
import { contractGaps, unexpectedGaps } from '../support/contract';
import { appendFixtureEvents } from '../support/ledger-fixtures';
import { LedgerServer, removeDir, tempDataDir } from '../support/ledger-process';

const clerk: FixtureActor = { id: 'person:clerk-ana', name: 'Ana Clerk', role: 'clerk' };
const OFFICE = MAYORS_OFFICE;
const AMENDING = AMENDING_ORDINANCE;

// The Denver cast: the sponsors the reports name, and the council's illustrative seat holders (no
// vote is attributed to a real person); the committee's five are seats A to E.
const personOf = ({ personId, name }: { personId: string; name: string }) => ({ id: personId, name });
const [lopez, kniech] = [PAUL_LOPEZ, ROBIN_KNIECH].map(personOf);
const council = COUNCIL_MEMBERS.map(personOf);
const nameOf = new Map([...[...council, lopez, kniech].map((p) => [p.id, p.name] as const), [mayor.id, mayor.name]]);
const committee = council.slice(0, 5);
const [memberA] = council;

const rule = (effect: 'prohibit' | 'require', action: string, dataCategories: string[], recipients: string[], unless: string[]) => ({ effect, action, dataCategories, recipients, unless });
const CLAUSES: ClauseFixture[] = [
  { eId: 'sec_1', heading: 'Immigration status', text: 'No city employee shall collect information about the immigration status of any person.', rule: rule('prohibit', 'collect', ['immigration-status'], [], []) },
  { eId: 'sec_2', heading: 'Release dates', text: 'No city employee shall share the release date or time of a person in custody with federal immigration enforcement.', rule: rule('prohibit', 'share', ['release-date-time'], ['federal-immigration-enforcement'], ['judicial-warrant']) },
  { eId: 'sec_3', heading: 'Advice of rights', text: 'Persons in custody shall be advised of their legal rights before any interview by federal agents.', rule: null },
];
const SEC_2_AMENDED = { heading: 'Release dates and addresses', text: 'No city employee shall share the release date, time or address of a person in custody with federal immigration enforcement.', rule: rule('prohibit', 'share', ['release-date-time', 'address'], ['federal-immigration-enforcement'], ['judicial-warrant']) };
const SEC_1_2018 = { heading: 'Immigration status', text: 'No city employee shall collect or keep information about the immigration status of any person.', rule: rule('prohibit', 'collect', ['immigration-status'], [], []) };

const everyone = (people: Array<{ id: string }>, choice: Choice) => people.map((p) => ({ personId: p.id, choice }));
/** final passage: 10 YES, the last three seats absent */
const FINAL_PASSAGE = council.map((p, i) => ({ personId: p.id, choice: (i < 10 ? 'YES' : 'ABSENT') as Choice }));

function buildHistory(): LegislationHistory {
  const h = new LegislationHistory(clerk);
  for (const person of [...council, lopez, kniech, { id: mayor.id, name: mayor.name }]) h.person(person.id, person.name);
  h.organization(COUNCIL, 'Denver City Council', 'LEGISLATURE', { rules: { seats: 13, quorum: 7, passage: 'majority-of-present', overrideVotes: 9 } });
  h.organization(COMMITTEE, 'Safety, Housing, Education & Homelessness Committee', 'COMMITTEE', { parentId: COUNCIL, rules: { seats: 5, quorum: 3, passage: 'majority-of-present', overrideVotes: null } });
  h.organization(OFFICE, "Mayor's Office", 'EXECUTIVE');
  for (const person of council) h.membership(COUNCIL, person.id, 'member', '2015-07-20');
  for (const person of committee) h.membership(COMMITTEE, person.id, 'member', '2015-07-20');
  h.membership(OFFICE, mayor.id, 'mayor', '2015-07-20');

  h.introduce(ORDINANCE, { title: 'Public Safety Enforcement Priority Act', summary: 'Limits what city employees collect and share for federal immigration enforcement.', bodyId: COUNCIL, sponsorIds: [lopez.id, kniech.id], clauses: CLAUSES }, '2017-08-07T20:00:00Z')
    .refer(ORDINANCE, COMMITTEE, '2017-08-07T20:05:00Z')
    .vote(ORDINANCE, { bodyId: COMMITTEE, motion: 'committee-passage', rollCall: everyone(committee, 'YES') }, '2017-08-09T18:00:00Z')
    .vote(ORDINANCE, { bodyId: COUNCIL, motion: 'first-reading', rollCall: everyone(council, 'YES') }, '2017-08-21T20:00:00Z')
    .vote(ORDINANCE, { bodyId: COUNCIL, motion: 'amendment', rollCall: council.map((p, i) => ({ personId: p.id, choice: (i < 9 ? 'YES' : 'NO') as Choice })), amendment: { change: 'amend', eId: 'sec_2', ...SEC_2_AMENDED } }, '2017-08-21T20:30:00Z')
    .vote(ORDINANCE, { bodyId: COUNCIL, motion: 'final-passage', rollCall: FINAL_PASSAGE }, '2017-08-28T20:00:00Z')
    .sign(ORDINANCE, mayor, '2017-08-30T16:00:00Z')
    .enact(ORDINANCE, '2017-09-01', '2017-08-31T16:00:00Z');

  h.introduce(AMENDING, { title: 'An ordinance amending the Public Safety Enforcement Priority Act', bodyId: COUNCIL, sponsorIds: [kniech.id], clauses: [{ eId: 'sec_1', heading: null, text: 'Section 1 of CB17-0766 is amended to also forbid keeping immigration status records.', rule: null }] }, '2018-01-08T20:00:00Z')
    .vote(AMENDING, { bodyId: COUNCIL, motion: 'first-reading', rollCall: everyone(council, 'YES') }, '2018-01-15T20:00:00Z')
    .vote(AMENDING, { bodyId: COUNCIL, motion: 'final-passage', rollCall: everyone(council, 'YES') }, '2018-01-22T20:00:00Z')
    .sign(AMENDING, mayor, '2018-01-24T16:00:00Z')
    .enact(AMENDING, '2018-02-01', '2018-01-25T16:00:00Z')
    .amendByMeasure(ORDINANCE, { change: 'amend', eId: 'sec_1', ...SEC_1_2018, byMeasureId: AMENDING, effectiveFrom: '2018-03-01' }, '2018-01-25T16:05:00Z');
  return h;
}

const history = buildHistory();
const events = history.events;

describe('legislation read side end to end', () => {
  let dataDir: string;
  let server: LedgerServer;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-legislation-');
    await appendFixtureEvents(dataDir, events);
    server = await LedgerServer.start(dataDir);
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  async function ask<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await server.gql<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  it('answers who voted how on final passage, with names, tally, threshold and result', async () => {
    const data = await ask(`query($id: ID!) {
      measure(id: $id) {
        title status sponsors { name }
        votes { id motion occurredAt threshold result body { name } tally { yes no abstain absent recused } rollCall { choice person { id name } vote { id } } }
      }
    }`, { id: ORDINANCE });
    expect(data.measure.status).toBe('ENACTED');
    expect(data.measure.sponsors.map((s: { name: string }) => s.name)).toEqual([lopez.name, kniech.name]);
    expect(data.measure.votes.map((v: { motion: string }) => v.motion)).toEqual(['committee-passage', 'first-reading', 'amendment', 'final-passage']);
    const final = data.measure.votes.find((v: { motion: string }) => v.motion === 'final-passage');
    expect(final).toMatchObject({ id: `vote:${ORDINANCE}:4`, threshold: 'majority-of-present', result: 'PASSED', tally: tally(FINAL_PASSAGE), body: { name: 'Denver City Council' } });
    expect(final.tally).toMatchObject({ yes: 10, no: 0, absent: 3 });
    const byPerson = [...FINAL_PASSAGE].sort((a, b) => a.personId.localeCompare(b.personId));
    expect(final.rollCall).toEqual(byPerson.map((c) => ({ choice: c.choice, person: { id: c.personId, name: nameOf.get(c.personId) }, vote: { id: final.id } })));
  });

  it('serves one vote by id with its measure, body and events', async () => {
    const data = await ask(`{ vote(id: "vote:${ORDINANCE}:3") { id motion result measure { id } body { id } history { type streamId } } }`);
    // The amendment vote consists of its VoteRecorded and the clause version it adopted.
    expect(data.vote).toEqual({
      id: `vote:${ORDINANCE}:3`,
      motion: 'amendment',
      result: 'PASSED',
      measure: { id: ORDINANCE },
      body: { id: COUNCIL },
      history: [{ type: 'VoteRecorded', streamId: `measure-${ORDINANCE}` }, { type: 'ClauseAmended', streamId: `measure-${ORDINANCE}` }],
    });
  });

  const VERSION = 'clause { id eId } version heading text validFrom validUntil rule { effect action dataCategories recipients unless }';

  it('tells what each clause said on a date before and after an amendment', async () => {
    const data = await ask(`query($id: ID!) {
      measure(id: $id) {
        beforeEnactment: clauses(on: "2017-08-31") { version }
        enacted: clauses(on: "2017-09-01") { ${VERSION} adoptedBy { id motion } }
        amended: clauses(on: "2018-03-01") { ${VERSION} }
        latest: clauses { clause { eId } version }
        sec1: clause(eId: "sec_1") { id heading versions { version validFrom validUntil event { type } } in2017: inForce(on: "2017-12-31") { text } in2018: inForce(on: "2018-03-15") { text } before: inForce(on: "2017-01-01") { text } }
      }
    }`, { id: ORDINANCE });
    const m = data.measure;
    expect(m.beforeEnactment).toEqual([]);
    expect(m.enacted.map((v: any) => [v.clause.eId, v.version, v.validFrom])).toEqual([
      ['sec_1', 1, '2017-09-01'],
      ['sec_2', 2, '2017-09-01'],
      ['sec_3', 1, '2017-09-01'],
    ]);
    // sec_2 took effect as amended on the floor, and says by which vote.
    expect(m.enacted[1]).toMatchObject({ text: SEC_2_AMENDED.text, rule: SEC_2_AMENDED.rule, adoptedBy: { id: `vote:${ORDINANCE}:3`, motion: 'amendment' } });
    expect(m.enacted[0]).toMatchObject({ text: CLAUSES[0].text, validUntil: '2018-03-01', clause: { id: `${ORDINANCE}#sec_1` } });
    expect(m.amended[0]).toMatchObject({ version: 2, text: SEC_1_2018.text, validFrom: '2018-03-01', validUntil: null });
    expect(m.latest.map((v: any) => `${v.clause.eId} v${v.version}`)).toEqual(['sec_1 v2', 'sec_2 v2', 'sec_3 v1']);
    expect(m.sec1).toEqual({
      id: `${ORDINANCE}#sec_1`,
      heading: SEC_1_2018.heading,
      versions: [
        { version: 1, validFrom: '2017-09-01', validUntil: '2018-03-01', event: { type: 'MeasureIntroduced' } },
        { version: 2, validFrom: '2018-03-01', validUntil: null, event: { type: 'ClauseAmended' } },
      ],
      in2017: { text: CLAUSES[0].text },
      in2018: { text: SEC_1_2018.text },
      before: null,
    });
    const clause = await ask(`{ clause(id: "${ORDINANCE}#sec_2") { eId measure { id } versions { version validFrom } } }`);
    expect(clause.clause).toEqual({ eId: 'sec_2', measure: { id: ORDINANCE }, versions: [{ version: 1, validFrom: null }, { version: 2, validFrom: '2017-09-01' }] });
  });

  it('lists every clause in force on any date across measures (policyInForce)', async () => {
    const on = async (date: string) =>
      (await ask(`query($on: Date!) { policyInForce(on: $on) { clause { id measure { id } } version rule { effect action } } }`, { on: date })).policyInForce.map(
        (v: any) => `${v.clause.id} v${v.version}`,
      );
    expect(await on('2017-08-31')).toEqual([]);
    expect(await on('2017-09-01')).toEqual([`${ORDINANCE}#sec_1 v1`, `${ORDINANCE}#sec_2 v2`, `${ORDINANCE}#sec_3 v1`]);
    expect(await on('2018-02-01')).toEqual([`${ORDINANCE}#sec_1 v1`, `${ORDINANCE}#sec_2 v2`, `${ORDINANCE}#sec_3 v1`, `${AMENDING}#sec_1 v1`]);
    expect(await on('2018-03-01')).toEqual([`${ORDINANCE}#sec_1 v2`, `${ORDINANCE}#sec_2 v2`, `${ORDINANCE}#sec_3 v1`, `${AMENDING}#sec_1 v1`]);
  });

  it('pages policyInForce after the last clause received, and filters it by measure, data category and recipient', async () => {
    const page = async (args: Record<string, unknown>) =>
      (
        await ask(`query($filter: PolicyFilter, $first: Int, $after: ID) { policyInForce(on: "2018-03-01", filter: $filter, first: $first, after: $after) { clause { id } version } }`, args)
      ).policyInForce.map((v: any) => `${v.clause.id} v${v.version}`);
    const first = await page({ first: 2 });
    expect(first).toEqual([`${ORDINANCE}#sec_1 v2`, `${ORDINANCE}#sec_2 v2`]);
    expect(await page({ first: 2, after: `${ORDINANCE}#sec_2` })).toEqual([`${ORDINANCE}#sec_3 v1`, `${AMENDING}#sec_1 v1`]);
    expect(await page({ after: `${AMENDING}#sec_1` })).toEqual([]);
    expect(await page({ filter: { measureId: AMENDING } })).toEqual([`${AMENDING}#sec_1 v1`]);
    expect(await page({ filter: { dataCategory: 'address' } })).toEqual([`${ORDINANCE}#sec_2 v2`]);
    // sec_1's rule names no recipient, so it covers every one.
    expect(await page({ filter: { recipient: 'federal-immigration-enforcement' } })).toEqual([`${ORDINANCE}#sec_1 v2`, `${ORDINANCE}#sec_2 v2`]);
    expect(await page({ filter: { recipient: 'federal-immigration-enforcement', dataCategory: 'immigration-status' } })).toEqual([`${ORDINANCE}#sec_1 v2`]);
    expect(await page({ filter: { dataCategory: 'biometrics' } })).toEqual([]);
  });

  it('lists every action on a measure in order, with who recorded it, the body and the vote', async () => {
    const data = await ask(`query($id: ID!) {
      measure(id: $id) {
        actions { occurredAt classification description actor { id name role } organization { name } vote { id } event { type sequence } }
        history { id type sequence }
      }
    }`, { id: ORDINANCE });
    const actions = data.measure.actions;
    expect(actions.map((a: any) => a.classification)).toEqual([
      'introduction',
      'referral-committee',
      'committee-passage',
      'reading-1',
      'amendment-passage',
      'passage',
      'executive-signature',
      'became-law',
      'amended',
    ]);
    const sequences = actions.map((a: any) => a.event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    const fixtureOf = (type: string) => events.filter((e) => e.streamId === `measure-${ORDINANCE}` && e.type === type);
    expect(actions.map((a: any) => a.occurredAt)).toEqual(
      events.filter((e) => e.streamId === `measure-${ORDINANCE}` && !(e.data as { adoptedByVoteId?: string }).adoptedByVoteId).map((e) => e.occurredAt),
    );
    expect(actions[0]).toMatchObject({ actor: clerk, organization: { name: 'Denver City Council' }, vote: null, description: `Introduced in Denver City Council by ${lopez.name} and ${kniech.name}.` });
    expect(actions[1].organization.name).toMatch(/Committee/);
    expect(actions[5]).toMatchObject({ vote: { id: `vote:${ORDINANCE}:4` }, description: 'Passed on final reading in Denver City Council, 10-0 (3 absent).' });
    expect(actions[6]).toMatchObject({ actor: mayor, organization: null, event: { type: 'MeasureSigned' } });
    expect(actions[7].description).toBe(`Became law, in force from ${(fixtureOf('MeasureEnacted')[0].data as { effectiveFrom: string }).effectiveFrom}.`);
    // history is the whole stream: the actions plus the clause version the amendment vote adopted.
    expect(data.measure.history.map((e: any) => e.type)).toEqual(events.filter((e) => e.streamId === `measure-${ORDINANCE}`).map((e) => e.type));
  });

  it('finds measures by text and by the date they were in force', async () => {
    const ids = async (filter: Record<string, unknown>) =>
      (await ask(`query($filter: MeasureFilter) { measures(filter: $filter) { totalCount edges { node { id } } } }`, { filter })).measures;
    expect(await ids({ text: 'immigration status' })).toEqual({ totalCount: 2, edges: [{ node: { id: ORDINANCE } }, { node: { id: AMENDING } }] });
    expect((await ids({ text: 'release date' })).edges).toEqual([{ node: { id: ORDINANCE } }]);
    expect((await ids({ text: 'Enforcement Priority', kind: 'ORDINANCE', status: 'ENACTED' })).totalCount).toBe(2);
    expect((await ids({ text: 'nothing-like-this' })).totalCount).toBe(0);
    expect((await ids({ inForceOn: '2017-08-31' })).edges).toEqual([]);
    expect((await ids({ inForceOn: '2017-09-01' })).edges).toEqual([{ node: { id: ORDINANCE } }]);
    expect((await ids({ inForceOn: '2018-02-01' })).edges).toEqual([{ node: { id: ORDINANCE } }, { node: { id: AMENDING } }]);
    expect((await ids({ sponsorId: lopez.id })).edges).toEqual([{ node: { id: ORDINANCE } }]);
  });

  it('pages measures and a person\'s votes with opaque cursors', async () => {
    const page = async (after?: string) =>
      (await ask(`query($after: String) { measures(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`, { after })).measures;
    const first = await page();
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { id: ORDINANCE } }] });
    const second = await page(first.pageInfo.endCursor);
    expect(second).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, edges: [{ node: { id: AMENDING } }] });

    const votesOf = async (after?: string) =>
      (await ask(`query($id: ID!, $after: String) { person(id: $id) { votes(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { choice vote { id motion measure { id } } } } } } }`, { id: memberA.id, after })).person.votes;
    const votesOfMemberA = events.filter((e) => e.type === 'VoteRecorded' && (e.data as { rollCall: Array<{ personId: string }> }).rollCall.some((c) => c.personId === memberA.id));
    const a = await votesOf();
    const b = await votesOf(a.pageInfo.endCursor);
    expect(a).toMatchObject({ totalCount: votesOfMemberA.length, pageInfo: { hasNextPage: true } });
    expect(b.pageInfo.hasNextPage).toBe(false);
    expect([...a.edges, ...b.edges].map((e: any) => e.node.vote.id)).toEqual(votesOfMemberA.map((e) => (e.data as { voteId: string }).voteId));
  });

  it('resolves measures, votes and clauses through node(id)', async () => {
    const data = await ask(`{
      measure: node(id: "${ORDINANCE}") { __typename id ... on Measure { title } }
      vote: node(id: "vote:${ORDINANCE}:4") { __typename id ... on Vote { result } }
      clause: node(id: "${ORDINANCE}#sec_2") { __typename id ... on Clause { eId } }
      unknown: node(id: "CB99-9999") { id }
    }`);
    expect(data).toEqual({
      measure: { __typename: 'Measure', id: ORDINANCE, title: 'Public Safety Enforcement Priority Act' },
      vote: { __typename: 'Vote', id: `vote:${ORDINANCE}:4`, result: 'PASSED' },
      clause: { __typename: 'Clause', id: `${ORDINANCE}#sec_2`, eId: 'sec_2' },
      unknown: null,
    });
    expect(await ask(`{ measure(id: "CB99-9999") { id } clause(id: "${ORDINANCE}#sec_9") { id } vote(id: "vote:${ORDINANCE}:99") { id } }`)).toEqual({ measure: null, clause: null, vote: null });
  });

  it('serves the contract types of the legislation read side without gaps', async () => {
    const { output, gaps } = await contractGaps(server.url);
    expect(output).toMatch(/contract gaps/);
    const ourTypes = ['Measure', 'MeasureAction', 'MeasureEdge', 'MeasureConnection', 'Clause', 'ClauseVersion', 'PolicyRule', 'Tally', 'Vote', 'VoteCast', 'VoteCastEdge', 'VoteCastConnection', 'MeasureFilter', 'MeasureKind', 'MeasureStatus', 'VoteChoice', 'VoteResult', 'Date'];
    const ourFields = ['Query.measure', 'Query.measures', 'Query.clause', 'Query.vote', 'Query.policyInForce', 'Person.votes'];
    const ours = (s: string) => ourFields.some((f) => s === f || s.startsWith(`${f}.`)) || ourTypes.includes(s.split('.')[0]);
    expect(unexpectedGaps(gaps.filter((gap) => ours(gap.subject)))).toEqual([]);
  });

  it.each([
    ['a malformed measure id', `{ measure(id: "not a measure!") { id } }`, {}],
    ['a clause id without #', `{ clause(id: "${ORDINANCE}") { id } }`, {}],
    ['a malformed vote id', `{ vote(id: "vote:${ORDINANCE}") { id } }`, {}],
    ['a malformed eId', `{ measure(id: "${ORDINANCE}") { clause(eId: "Section 2") { id } } }`, {}],
    ['an impossible date', `query($on: Date!) { policyInForce(on: $on) { version } }`, { on: '2017-02-30' }],
    ['an impossible date in a filter', `query($on: Date) { measures(filter: { inForceOn: $on }) { totalCount } }`, { on: '2017-13-01' }],
    ['a page over 100', `{ measures(first: 101) { totalCount } }`, {}],
    ['a cursor not issued here', `{ measures(after: "bm90LWEtY3Vyc29y") { totalCount } }`, {}],
    ['a search with no word', `{ measures(filter: { text: "*** ()" }) { totalCount } }`, {}],
    ['a negative page of votes', `{ person(id: "${memberA.id}") { votes(first: -1) { totalCount } } }`, {}],
    ['a policy page over 500', `{ policyInForce(on: "2018-03-01", first: 501) { version } }`, {}],
    ['a negative policy page', `{ policyInForce(on: "2018-03-01", first: -1) { version } }`, {}],
    ['a policy cursor that is no clause id', `{ policyInForce(on: "2018-03-01", after: "bm90LWEtY3Vyc29y") { version } }`, {}],
    ['a policy cursor naming no clause', `{ policyInForce(on: "2018-03-01", after: "${ORDINANCE}#sec_9") { version } }`, {}],
    ['a malformed measure id in a policy filter', `{ policyInForce(on: "2018-03-01", filter: { measureId: "not a measure!" }) { version } }`, {}],
    ['a data category outside the rules vocabulary', `{ policyInForce(on: "2018-03-01", filter: { dataCategory: "Immigration Status" }) { version } }`, {}],
    ['an empty recipient', `{ policyInForce(on: "2018-03-01", filter: { recipient: "" }) { version } }`, {}],
  ] as Array<[string, string, Record<string, unknown>]>)('refuses %s with BAD_USER_INPUT', async (_what, query, variables) => {
    const result = await server.gql(query, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
