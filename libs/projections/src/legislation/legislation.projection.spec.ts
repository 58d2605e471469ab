import type Database from 'better-sqlite3';
import { evolveMeasure, initialMeasureState, type MeasureEvent, type MeasureState } from '@ledger/domain';
import { LegislationHistory, ReadModelHarness, type Choice, type ClauseFixture, type FixtureActor } from '@ledger/read-model-testing';
import { LegislationQueries } from './legislation.queries';
import { eventLogProjection } from '../event-log/event-log.projection';
import { legislationProjection } from './legislation.projection';

const clerk: FixtureActor = { id: 'person:clerk-one', name: 'Clerk One', role: 'clerk' };
const mayor: FixtureActor = { id: 'person:mayor', name: 'Mayor Mayer', role: 'mayor' };
const COUNCIL = 'org:council';
const COMMITTEE = 'org:safety-committee';
const OFFICE = 'org:mayors-office';
const members = ['a', 'b', 'c', 'd', 'e'].map((x) => `person:member-${x}`);
const committeeMembers = members.slice(0, 3);

const rule = (effect: 'prohibit' | 'permit' | 'require', action: string, dataCategories: string[]) => ({
  effect,
  action,
  dataCategories,
  recipients: ['federal-immigration-enforcement'],
  unless: ['judicial-warrant'],
});

const ORDINANCE_CLAUSES: ClauseFixture[] = [
  { eId: 'sec_1', heading: 'Collection', text: 'No city agent shall collect immigration status.', rule: rule('prohibit', 'collect', ['immigration-status']) },
  { eId: 'sec_2', heading: 'Sharing', text: 'No city agent shall share release dates with federal agents.', rule: rule('prohibit', 'share', ['release-date-time']) },
  { eId: 'sec_3', heading: 'Rights', text: 'Inmates are advised of their legal rights before release.', rule: null },
];

/** the people, the council (5 seats, override by 4), its committee and the mayor's office */
function directory(): LegislationHistory {
  const history = new LegislationHistory(clerk);
  for (const id of [...members, mayor.id]) history.person(id, id === mayor.id ? mayor.name : `Member ${id.slice(-1).toUpperCase()}`);
  history.organization(COUNCIL, 'City Council', 'LEGISLATURE', { rules: { seats: 5, quorum: 3, passage: 'majority-of-present', overrideVotes: 4 } });
  history.organization(COMMITTEE, 'Safety Committee', 'COMMITTEE', { parentId: COUNCIL, rules: { seats: 3, quorum: 2, passage: 'majority-of-present', overrideVotes: null } });
  history.organization(OFFICE, "Mayor's Office", 'EXECUTIVE');
  for (const id of members) history.membership(COUNCIL, id, 'member', '2017-01-01');
  for (const id of committeeMembers) history.membership(COMMITTEE, id, 'member', '2017-01-01');
  history.membership(OFFICE, mayor.id, 'mayor', '2017-01-01');
  return history;
}

const roll = (people: string[], ...choices: Choice[]) => people.map((personId, i) => ({ personId, choice: choices[i] ?? choices[choices.length - 1] }));

/** Introduces, refers, reports, reads and passes an ordinance: the usual path up to PASSED. */
function passOrdinance(history: LegislationHistory, measureId: string, title: string, clauses: ClauseFixture[], day: string): LegislationHistory {
  return history
    .introduce(measureId, { title, bodyId: COUNCIL, sponsorIds: members.slice(0, 2), clauses }, `${day}T15:00:00Z`)
    .refer(measureId, COMMITTEE, `${day}T15:10:00Z`)
    .vote(measureId, { bodyId: COMMITTEE, motion: 'committee-passage', rollCall: roll(committeeMembers, 'YES') }, `${day}T16:00:00Z`)
    .vote(measureId, { bodyId: COUNCIL, motion: 'first-reading', rollCall: roll(members, 'YES') }, `${day}T17:00:00Z`)
    .vote(measureId, { bodyId: COUNCIL, motion: 'final-passage', rollCall: roll(members, 'YES', 'YES', 'YES', 'NO', 'ABSENT') }, `${day}T18:00:00Z`);
}

describe('legislation projection (real SQLite files, real runner)', () => {
  const harnesses: ReadModelHarness[] = [];
  const open = () => {
    const harness = ReadModelHarness.create([eventLogProjection, legislationProjection], 'ledger-legislation-');
    harnesses.push(harness);
    return { harness, queries: new LegislationQueries(harness.db) };
  };
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.close();
  });

  /**
   * Records the events one at a time and reads each measure's status after each of its events,
   * checking on the way that the read model stores the very stage the domain's own fold computes
   * (one lifecycle, not two state machines).
   */
  async function statusesAlong(history: LegislationHistory, skip: number): Promise<Map<string, string[]>> {
    const { harness, queries } = open();
    await harness.record(history.events.slice(0, skip));
    const statuses = new Map<string, string[]>();
    const domain = new Map<string, MeasureState>();
    for (const event of history.events.slice(skip)) {
      await harness.record([event]);
      const measureId = event.streamId.replace(/^measure-/, '');
      const state = evolveMeasure(domain.get(measureId) ?? initialMeasureState, { type: event.type, data: event.data } as MeasureEvent);
      domain.set(measureId, state);
      const row = queries.measure(measureId)!;
      expect(state.exists && state.stage).toBe(row.stage);
      statuses.set(measureId, [...(statuses.get(measureId) ?? []), `${event.type}:${row.status}`]);
    }
    return statuses;
  }

  it('moves an ordinance through committee, readings, veto, override, enactment and repeal', async () => {
    const history = directory();
    const before = history.events.length;
    passOrdinance(history, 'CB17-0001', 'Enforcement Priority Act', ORDINANCE_CLAUSES, '2017-08-01')
      .veto('CB17-0001', mayor, 'Too broad', '2017-08-02T12:00:00Z')
      .vote('CB17-0001', { bodyId: COUNCIL, motion: 'veto-override', rollCall: roll(members, 'YES', 'YES', 'YES', 'NO', 'NO') }, '2017-08-03T12:00:00Z')
      .vote('CB17-0001', { bodyId: COUNCIL, motion: 'veto-override', rollCall: roll(members, 'YES') }, '2017-08-04T12:00:00Z')
      .enact('CB17-0001', '2017-09-01', '2017-08-05T12:00:00Z')
      .repeal('CB17-0001', 'CB18-0009', '2019-01-01', '2018-12-01T12:00:00Z');
    expect((await statusesAlong(history, before)).get('CB17-0001')).toEqual([
      'MeasureIntroduced:INTRODUCED',
      'MeasureReferred:IN_COMMITTEE',
      'VoteRecorded:INTRODUCED',
      'VoteRecorded:INTRODUCED',
      'VoteRecorded:PASSED',
      'MeasureVetoed:VETOED',
      'VoteRecorded:VETOED',
      'VoteRecorded:PASSED',
      'MeasureEnacted:ENACTED',
      'MeasureRepealed:REPEALED',
    ]);
  });

  it('records failure, withdrawal, adopted resolutions and the executive order lifecycle', async () => {
    const history = directory();
    const before = history.events.length;
    history
      .introduce('CB17-0002', { title: 'Failing Act', bodyId: COUNCIL, sponsorIds: [members[0]], clauses: ORDINANCE_CLAUSES }, '2017-08-01T12:00:00Z')
      .vote('CB17-0002', { bodyId: COUNCIL, motion: 'first-reading', rollCall: roll(members, 'NO', 'NO', 'NO', 'YES') }, '2017-08-02T12:00:00Z')
      .introduce('CB17-0003', { title: 'Withdrawn Act', bodyId: COUNCIL, sponsorIds: [members[1]], clauses: ORDINANCE_CLAUSES }, '2017-08-01T12:00:00Z')
      .withdraw('CB17-0003', 'Sponsor asked', '2017-08-02T12:00:00Z')
      .introduce('CR17-0004', { kind: 'RESOLUTION', title: 'A Resolution', bodyId: COUNCIL, sponsorIds: [members[2]], clauses: ORDINANCE_CLAUSES }, '2017-08-01T12:00:00Z')
      .vote('CR17-0004', { bodyId: COUNCIL, motion: 'adoption', rollCall: roll(members, 'YES') }, '2017-08-02T12:00:00Z')
      .enact('CR17-0004', '2017-08-02', '2017-08-02T12:00:00Z')
      .draftExecutiveOrder('EO-2017-001', { title: 'An Order', officeId: OFFICE, issuer: mayor, clauses: ORDINANCE_CLAUSES }, '2017-08-01T12:00:00Z')
      .issue('EO-2017-001', mayor, '2017-08-10', '2017-08-09T12:00:00Z')
      .revoke('EO-2017-001', mayor, '2018-01-01', 'Superseded', '2017-12-01T12:00:00Z');
    expect(Object.fromEntries(await statusesAlong(history, before))).toEqual({
      'CB17-0002': ['MeasureIntroduced:INTRODUCED', 'VoteRecorded:FAILED'],
      'CB17-0003': ['MeasureIntroduced:INTRODUCED', 'MeasureWithdrawn:WITHDRAWN'],
      // The adoption's own command also records MeasureEnacted; until that event the domain's
      // lifecycle leaves the resolution where it was.
      'CR17-0004': ['MeasureIntroduced:INTRODUCED', 'VoteRecorded:INTRODUCED', 'MeasureEnacted:ENACTED'],
      'EO-2017-001': ['ExecutiveOrderDrafted:DRAFT', 'ExecutiveOrderIssued:ISSUED', 'ExecutiveOrderRevoked:REVOKED'],
    });
    const { harness, queries } = open();
    await harness.record(history.events);
    const order = queries.measure('EO-2017-001')!;
    expect(order).toMatchObject({ kind: 'EXECUTIVE_ORDER', officeId: OFFICE, effectiveFrom: '2017-08-10', effectiveUntil: '2018-01-01' });
    expect(queries.sponsorsOfMeasures(['EO-2017-001'])).toEqual([{ measureId: 'EO-2017-001', personId: mayor.id }]);
    // Revocation ends every clause of the order on its effectiveUntil.
    expect(queries.clauseVersionsOfMeasures(['EO-2017-001']).map((v) => [v.validFrom, v.validUntil])).toEqual(
      ORDINANCE_CLAUSES.map(() => ['2017-08-10', '2018-01-01']),
    );
  });

  /**
   * CB17-0100 is amended on the floor before enactment (sec_2 v2), enacted from 2017-09-01, then
   * changed by CB18-0200: sec_1 from 2019-01-01 recorded BEFORE sec_1 from 2018-03-01, sec_3
   * struck from 2018-06-01, sec_4 added from 2018-06-01; finally repealed from 2020-01-01.
   */
  function amendedHistory(outOfOrder = true): LegislationHistory {
    const history = directory();
    history
      .introduce('CB17-0100', { title: 'Enforcement Priority Act', bodyId: COUNCIL, sponsorIds: [members[0]], clauses: ORDINANCE_CLAUSES }, '2017-08-01T12:00:00Z')
      .vote('CB17-0100', {
        bodyId: COUNCIL,
        motion: 'amendment',
        rollCall: roll(members, 'YES', 'YES', 'YES', 'YES', 'NO'),
        amendment: { change: 'amend', eId: 'sec_2', heading: 'Sharing', text: 'No city agent shall share release dates or addresses with federal agents.', rule: rule('prohibit', 'share', ['release-date-time', 'address']) },
      }, '2017-08-07T12:00:00Z')
      .vote('CB17-0100', { bodyId: COUNCIL, motion: 'first-reading', rollCall: roll(members, 'YES') }, '2017-08-14T12:00:00Z')
      .vote('CB17-0100', { bodyId: COUNCIL, motion: 'final-passage', rollCall: roll(members, 'YES') }, '2017-08-21T12:00:00Z')
      .sign('CB17-0100', mayor, '2017-08-22T12:00:00Z')
      .enact('CB17-0100', '2017-09-01', '2017-08-23T12:00:00Z');
    passOrdinance(history, 'CB18-0200', 'Amending Act', [{ eId: 'sec_1', heading: null, text: 'Amends CB17-0100.', rule: null }], '2018-01-02')
      .sign('CB18-0200', mayor, '2018-01-03T12:00:00Z')
      .enact('CB18-0200', '2018-01-15', '2018-01-04T12:00:00Z');
    const later = { change: 'amend' as const, eId: 'sec_1', heading: 'Collection', text: 'Collection allowed with a judicial warrant (2019).', rule: null, byMeasureId: 'CB18-0200', effectiveFrom: '2019-01-01' };
    const earlier = { change: 'amend' as const, eId: 'sec_1', heading: 'Collection', text: 'Collection allowed with a court order (2018).', rule: rule('prohibit', 'collect', ['immigration-status']), byMeasureId: 'CB18-0200', effectiveFrom: '2018-03-01' };
    for (const change of outOfOrder ? [later, earlier] : [earlier, later]) history.amendByMeasure('CB17-0100', change, '2018-01-05T12:00:00Z');
    history
      .amendByMeasure('CB17-0100', { change: 'strike', eId: 'sec_3', byMeasureId: 'CB18-0200', effectiveFrom: '2018-06-01' }, '2018-01-06T12:00:00Z')
      .amendByMeasure('CB17-0100', { change: 'add', eId: 'sec_4', heading: 'Reports', text: 'The sheriff reports yearly.', rule: null, byMeasureId: 'CB18-0200', effectiveFrom: '2018-06-01' }, '2018-01-06T12:00:00Z');
    return history;
  }

  const validity = (queries: LegislationQueries, clauseIds: string[]) =>
    queries.clauseVersionsOfClauses(clauseIds).map((v) => `${v.eId} v${v.version}${v.struck ? ' struck' : ''}: ${v.validFrom ?? '-'} .. ${v.validUntil ?? '-'}`);
  const CLAUSES = ['sec_1', 'sec_2', 'sec_3', 'sec_4'].map((eId) => `CB17-0100#${eId}`);

  it('dates clause versions from effective dates: pre-enactment amendment, out-of-order later amendments, a strike', async () => {
    const { harness, queries } = open();
    await harness.record(amendedHistory().events);
    expect(validity(queries, CLAUSES)).toEqual([
      'sec_1 v1: 2017-09-01 .. 2018-03-01',
      // v2 (recorded first) takes effect last: it follows v3 on its own date.
      'sec_1 v2: 2019-01-01 .. -',
      'sec_1 v3: 2018-03-01 .. 2019-01-01',
      // v1 was only ever the introduced text: the floor amendment replaced it before enactment.
      'sec_2 v1: - .. -',
      'sec_2 v2: 2017-09-01 .. -',
      'sec_3 v1: 2017-09-01 .. 2018-06-01',
      'sec_3 v2 struck: - .. -',
      'sec_4 v1: 2018-06-01 .. -',
    ]);
    const struck = queries.clauseVersionsOfClauses(['CB17-0100#sec_3'])[1];
    expect(struck).toMatchObject({ struck: true, text: ORDINANCE_CLAUSES[2].text, heading: ORDINANCE_CLAUSES[2].heading, byMeasureId: 'CB18-0200' });

    const inForce = (on?: string) => queries.clauseVersionsOfMeasures(['CB17-0100'], on).map((v) => `${v.eId} v${v.version}`);
    expect(inForce('2017-08-31')).toEqual([]);
    expect(inForce('2017-09-01')).toEqual(['sec_1 v1', 'sec_2 v2', 'sec_3 v1']);
    expect(inForce('2018-03-01')).toEqual(['sec_1 v3', 'sec_2 v2', 'sec_3 v1']);
    expect(inForce('2018-06-01')).toEqual(['sec_1 v3', 'sec_2 v2', 'sec_4 v1']);
    expect(inForce('2019-06-30')).toEqual(['sec_1 v2', 'sec_2 v2', 'sec_4 v1']);
    // Without a date: the newest version of every clause, the strike included.
    expect(inForce()).toEqual(['sec_1 v3', 'sec_2 v2', 'sec_3 v2', 'sec_4 v1']);

    const policy = queries.policyInForce('2018-04-01', {}, 100, null);
    expect(policy.map((v) => `${v.measureId}#${v.eId} v${v.version}`)).toEqual([
      'CB17-0100#sec_1 v3',
      'CB17-0100#sec_2 v2',
      'CB17-0100#sec_3 v1',
      'CB18-0200#sec_1 v1',
    ]);
    expect(policy[0].rule).toEqual(rule('prohibit', 'collect', ['immigration-status']));
  });

  it('pages policyInForce after a clause and filters it by measure, data category and recipient', async () => {
    const { harness, queries } = open();
    await harness.record(amendedHistory().events);
    const policy = (filter: Parameters<LegislationQueries['policyInForce']>[1], first = 100, after: string | null = null) => {
      const place = after === null ? null : queries.policyPlace(after);
      if (after !== null && place === null) throw new Error(`no place for ${after}`);
      return queries.policyInForce('2018-04-01', filter, first, place).map((v) => `${v.clauseId} v${v.version}`);
    };
    expect(policy({}, 2)).toEqual(['CB17-0100#sec_1 v3', 'CB17-0100#sec_2 v2']);
    // A page goes on after its last clause, across measures, and ends empty.
    expect(policy({}, 2, 'CB17-0100#sec_2')).toEqual(['CB17-0100#sec_3 v1', 'CB18-0200#sec_1 v1']);
    expect(policy({}, 2, 'CB18-0200#sec_1')).toEqual([]);
    // A struck clause still has its place, so a cursor on it goes on after it.
    expect(policy({}, 1, 'CB17-0100#sec_3')).toEqual(['CB18-0200#sec_1 v1']);
    expect(policy({ measureId: 'CB18-0200' })).toEqual(['CB18-0200#sec_1 v1']);
    expect(policy({ measureId: 'CB99-0001' })).toEqual([]);
    expect(policy({ dataCategory: 'address' })).toEqual(['CB17-0100#sec_2 v2']);
    expect(policy({ dataCategory: 'immigration-status' })).toEqual(['CB17-0100#sec_1 v3']);
    expect(policy({ recipient: 'federal-immigration-enforcement' })).toEqual(['CB17-0100#sec_1 v3', 'CB17-0100#sec_2 v2']);
    expect(policy({ recipient: 'federal-immigration-enforcement', dataCategory: 'address', measureId: 'CB17-0100' })).toEqual(['CB17-0100#sec_2 v2']);
    expect(policy({ recipient: 'press' })).toEqual([]);
    expect(queries.policyPlace('CB17-0100#sec_9')).toBeNull();
    expect(queries.policyPlace('not a clause')).toBeNull();
  });

  it('looks clauses up by id: each once, unknown and malformed ids match nothing', async () => {
    const { harness, queries } = open();
    await harness.record(amendedHistory().events);
    const ids = ['CB17-0100#sec_2', 'CB17-0100#sec_2', 'CB17-0100#sec_9', 'CB17-0100', 'nonsense#', 'CB18-0200#sec_1'];
    expect(queries.clausesByIds(ids).map((c) => c.id).sort()).toEqual(['CB17-0100#sec_2', 'CB18-0200#sec_1']);
    expect(queries.clauseVersionsOfClauses(ids).map((v) => `${v.clauseId} v${v.version}`)).toEqual(['CB17-0100#sec_2 v1', 'CB17-0100#sec_2 v2', 'CB18-0200#sec_1 v1']);
  });

  it('looks clause versions up by (clause id, version): only those asked, each once, unknown ones match nothing', async () => {
    const { harness, queries } = open();
    await harness.record(amendedHistory().events);
    const keys = [
      { clauseId: 'CB17-0100#sec_2', version: 2 },
      { clauseId: 'CB17-0100#sec_2', version: 2 },
      { clauseId: 'CB17-0100#sec_2', version: 7 },
      { clauseId: 'CB18-0200#sec_1', version: 1 },
      { clauseId: 'nonsense#', version: 1 },
    ];
    const found = queries.clauseVersionsByKeys(keys).map((v) => `${v.clauseId} v${v.version}: ${v.text}`);
    const all = queries.clauseVersionsOfClauses(['CB17-0100#sec_2', 'CB18-0200#sec_1']).map((v) => `${v.clauseId} v${v.version}: ${v.text}`);
    expect(found.sort()).toEqual(all.filter((v) => !v.startsWith('CB17-0100#sec_2 v1:')).sort());
    expect(queries.clauseVersionsByKeys([])).toEqual([]);
  });

  it('gives the same validity whatever order the later amendments were recorded in', async () => {
    const a = open();
    const b = open();
    await a.harness.record(amendedHistory(true).events);
    await b.harness.record(amendedHistory(false).events);
    const byText = (queries: LegislationQueries) =>
      queries.clauseVersionsOfClauses(CLAUSES).map((v) => [v.eId, v.text, v.validFrom, v.validUntil]).sort((x, y) => String(x).localeCompare(String(y)));
    expect(byText(a.queries)).toEqual(byText(b.queries));
  });

  it('ends every version still in force on repeal, and none that had already ended', async () => {
    const { harness, queries } = open();
    await harness.record(amendedHistory().repeal('CB17-0100', 'CB18-0200', '2020-01-01', '2019-12-01T12:00:00Z').events);
    expect(validity(queries, CLAUSES)).toEqual([
      'sec_1 v1: 2017-09-01 .. 2018-03-01',
      'sec_1 v2: 2019-01-01 .. 2020-01-01',
      'sec_1 v3: 2018-03-01 .. 2019-01-01',
      'sec_2 v1: - .. -',
      'sec_2 v2: 2017-09-01 .. 2020-01-01',
      'sec_3 v1: 2017-09-01 .. 2018-06-01',
      'sec_3 v2 struck: - .. -',
      'sec_4 v1: 2018-06-01 .. 2020-01-01',
    ]);
    expect(queries.clauseVersionsOfMeasures(['CB17-0100'], '2020-01-01')).toEqual([]);
    expect(queries.measure('CB17-0100')).toMatchObject({ status: 'REPEALED', effectiveFrom: '2017-09-01', effectiveUntil: '2020-01-01' });
  });

  it('keeps the rules-in-force index in step with the validity of every version with a rule, amendments and repeal included', async () => {
    const indexed = (db: Database.Database) =>
      db
        .prepare('SELECT DISTINCT measure_id, e_id, version, valid_from, valid_until FROM clause_rule_matches ORDER BY measure_id, e_id, version')
        .all();
    const inForce = (db: Database.Database) =>
      db
        .prepare(
          `SELECT measure_id, e_id, version, valid_from, COALESCE(valid_until, '~') AS valid_until FROM clause_versions
           WHERE rule IS NOT NULL AND valid_from IS NOT NULL ORDER BY measure_id, e_id, version`,
        )
        .all();
    const { harness } = open();
    const history = amendedHistory();
    await harness.record(history.events);
    expect(indexed(harness.db)).toEqual(inForce(harness.db));
    expect(inForce(harness.db)).toHaveLength(3);
    await harness.record(history.repeal('CB17-0100', 'CB18-0200', '2020-01-01', '2019-12-01T12:00:00Z').events.slice(history.events.length - 1));
    expect(indexed(harness.db)).toEqual(inForce(harness.db));
    expect(harness.db.prepare("SELECT COUNT(*) FROM clause_rule_matches WHERE measure_id = 'CB17-0100' AND valid_until > '2020-01-01'").pluck().get()).toBe(0);
    // One row per key the rule is found by: its action, its recipient, each of its categories.
    const keys = harness.db.prepare("SELECT action, recipient, category FROM clause_rule_matches WHERE measure_id = 'CB17-0100' AND e_id = 'sec_2' ORDER BY category");
    expect(keys.all()).toEqual([
      { action: 'share', recipient: 'federal-immigration-enforcement', category: 'address' },
      { action: 'share', recipient: 'federal-immigration-enforcement', category: 'release-date-time' },
    ]);
  });

  it('lists the actions oldest first, with organization, vote, actor and event', async () => {
    const { harness, queries } = open();
    const recorded = await harness.record(amendedHistory().events);
    const actions = queries.actionsOfMeasures(['CB17-0100']);
    expect(actions.map((a) => a.classification)).toEqual([
      'introduction',
      'amendment-passage',
      'reading-1',
      'passage',
      'executive-signature',
      'became-law',
      'amended',
      'amended',
      'amended',
      'amended',
    ]);
    // Every action points at its own event of the measure's stream, in sequence order.
    const streamEvents = recorded.filter((e) => e.streamId === 'measure-CB17-0100' && !(e.data as { adoptedByVoteId?: string }).adoptedByVoteId);
    expect(actions.map((a) => a.eventId)).toEqual(streamEvents.map((e) => e.eventId));
    expect(actions.map((a) => a.occurredAt)).toEqual(streamEvents.map((e) => e.occurredAt));
    expect(actions[0]).toMatchObject({ organizationId: COUNCIL, voteId: null, actor: clerk, description: 'Introduced in City Council by Member A.' });
    expect(actions[1]).toMatchObject({ voteId: 'vote:CB17-0100:1', organizationId: COUNCIL, description: 'Amendment amending sec_2 adopted in City Council, 4-1.' });
    expect(actions[4]).toMatchObject({ actor: mayor, description: 'Signed by Mayor Mayer.' });
    expect(actions[6].description).toBe('Clause sec_1 amended by CB18-0200, in force from 2019-01-01.');
  });

  it('keeps votes with their roll calls, and pages a person\'s votes', async () => {
    const { harness, queries } = open();
    await harness.record(amendedHistory().events);
    const votes = queries.votesOfMeasures(['CB17-0100']);
    expect(votes.map((v) => [v.id, v.motion, v.result])).toEqual([
      ['vote:CB17-0100:1', 'amendment', 'PASSED'],
      ['vote:CB17-0100:2', 'first-reading', 'PASSED'],
      ['vote:CB17-0100:3', 'final-passage', 'PASSED'],
    ]);
    expect(votes[0].tally).toEqual({ yes: 4, no: 1, abstain: 0, absent: 0, recused: 0 });
    expect(queries.castsOfVotes([votes[0].id]).map((c) => c.personId)).toEqual([...members].sort());
    // The amendment vote consists of its VoteRecorded and the clause version it adopted.
    expect(queries.eventsOfVotes([votes[0].id])).toHaveLength(2);

    const everyVote = queries.castsOfPeople([members[0]], 100, null)[0];
    expect(everyVote.totalCount).toBe(6); // 3 on CB17-0100, committee + 2 readings on CB18-0200
    const first = queries.castsOfPeople([members[0], members[4]], 5, null);
    const pageOf = (id: string) => first.find((p) => p.personId === id)!;
    expect(pageOf(members[0])).toMatchObject({ hasNextPage: true, totalCount: 6 });
    expect(pageOf(members[4])).toMatchObject({ hasNextPage: false, totalCount: 5 }); // not on the committee
    const rest = queries.castsOfPeople([members[0]], 5, pageOf(members[0]).casts[4].sequence)[0];
    expect([...pageOf(members[0]).casts, ...rest.casts]).toEqual(everyVote.casts);
    expect(rest.hasNextPage).toBe(false);
  });

  it('finds measures by words of titles and clause texts, stemmed, reading FTS syntax as words', async () => {
    const { harness, queries } = open();
    await harness.record(amendedHistory().events);
    const found = (text: string) => queries.measuresPage({ text }, 10, null).measures.map((m) => m.id);
    expect(found('enforcement priority')).toEqual(['CB17-0100']);
    expect(found('ENFORCE')).toEqual(['CB17-0100']); // porter stemming
    expect(found('amends')).toEqual(['CB18-0200']);
    expect(found('judicial warrant')).toEqual(['CB17-0100']); // a clause version added after enactment
    expect(found('release')).toEqual(['CB17-0100']);
    expect(found('amending OR')).toEqual([]); // OR is a word here, and no measure has it
    expect(found('"sheriff" * (')).toEqual(['CB17-0100']);
    expect(found('***')).toEqual([]);
  });

  it('filters measures by kind, status, sponsor and date in force, and pages them', async () => {
    const { harness, queries } = open();
    await harness.record(
      amendedHistory()
        .draftExecutiveOrder('EO-2017-001', { title: 'An Order', officeId: OFFICE, issuer: mayor, clauses: ORDINANCE_CLAUSES }, '2018-02-01T12:00:00Z')
        .events,
    );
    const ids = (filter: Parameters<LegislationQueries['measuresPage']>[0]) => queries.measuresPage(filter, 10, null).measures.map((m) => m.id);
    expect(ids({})).toEqual(['CB17-0100', 'CB18-0200', 'EO-2017-001']);
    expect(ids({ kind: 'EXECUTIVE_ORDER' })).toEqual(['EO-2017-001']);
    expect(ids({ status: 'ENACTED' })).toEqual(['CB17-0100', 'CB18-0200']);
    expect(ids({ sponsorId: members[1] })).toEqual(['CB18-0200']);
    expect(ids({ inForceOn: '2017-12-31' })).toEqual(['CB17-0100']);
    expect(ids({ inForceOn: '2018-01-15', kind: 'ORDINANCE' })).toEqual(['CB17-0100', 'CB18-0200']);

    const page1 = queries.measuresPage({}, 2, null);
    expect(page1).toMatchObject({ hasNextPage: true, totalCount: 3 });
    const page2 = queries.measuresPage({}, 2, page1.measures[1].sequence);
    expect(page2).toMatchObject({ hasNextPage: false, totalCount: 3 });
    expect([...page1.measures, ...page2.measures].map((m) => m.id)).toEqual(ids({}));
  });

  it('replays into the same rows after a rebuild', async () => {
    const { harness } = open();
    await harness.record(amendedHistory().repeal('CB17-0100', 'CB18-0200', '2020-01-01', '2019-12-01T12:00:00Z').events);
    const dump = (db: Database.Database) =>
      ['measures', 'measure_sponsors', 'clauses', 'clause_versions', 'votes', 'vote_casts', 'measure_actions', 'measure_search'].map((table) =>
        db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all(),
      );
    const before = dump(harness.db);
    await harness.rebuild();
    expect(dump(harness.db)).toEqual(before);
  });
});
