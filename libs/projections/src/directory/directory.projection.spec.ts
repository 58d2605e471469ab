import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId } from '@ledger/event-store';
import { EventSchemaRegistry, SchemaCheckedEventStore } from '@ledger/event-schemas';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { DirectoryQueries } from './directory.queries';
import { EventLogQueries } from '../event-log/event-log.queries';
import { ProjectionRunner } from '../runtime/projection-runner';
import { openReadModelDatabase } from '../runtime/read-model-database';
import { SqliteReadModels } from '../runtime/sqlite-read-models';
import { directoryProjection } from './directory.projection';
import { eventLogProjection } from '../event-log/event-log.projection';

const COUNCIL = 'org:denver-city-council';
const COMMITTEE = 'org:safety-committee';
const MAYOR = 'org:mayors-office';
const councilRules = { seats: 13, quorum: 7, passage: 'majority-of-present', overrideVotes: 10 };

describe('directory projection (real SQLite files, schema-checked events)', () => {
  const registry = EventSchemaRegistry.fromDirectory();
  let dir: string;
  let raw: SqliteEventStore;
  let store: SchemaCheckedEventStore;
  let db: Database.Database;
  let runner: ProjectionRunner;
  let directory: DirectoryQueries;

  async function record(streamId: string, type: string, data: unknown, schemaVersion = registry.latestVersion(type)) {
    await store.append(
      streamId,
      [{ eventId: newEventId(), type, schemaVersion, occurredAt: '2017-08-28T18:00:00Z', recordedBy: { id: 'person:clerk', name: 'Clerk', role: 'clerk' }, data }],
      'any',
    );
  }
  const membersOn = (orgId: string, date: string) =>
    directory.membersOfOrganizationsOn([orgId], date).map((m) => `${m.personId}/${m.role}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-directory-'));
    raw = new SqliteEventStore({ file: join(dir, 'events.db') });
    store = new SchemaCheckedEventStore(raw, registry);

    // Stored the way an older build of the ledger wrote it: PersonRegistered v1 had no sortName.
    await record('person-paul-lopez', 'PersonRegistered', { personId: 'person:paul-lopez', name: 'Paul Lopez' }, 1);
    await record('person-robin-kniech', 'PersonRegistered', { personId: 'person:robin-kniech', name: 'Robin Kneich', sortName: 'Kneich, Robin' });
    await record('person-robin-kniech', 'PersonRecordCorrected', { personId: 'person:robin-kniech', corrections: { name: 'Robin Kniek' }, reason: 'typo' });
    await record('person-robin-kniech', 'PersonRecordCorrected', {
      personId: 'person:robin-kniech',
      corrections: { name: 'Robin Kniech', sortName: 'Kniech, Robin' },
      reason: 'the first correction was wrong too',
    });
    await record('person-albus-brooks', 'PersonRegistered', { personId: 'person:albus-brooks', name: 'Albus Brooks', sortName: 'Brooks, Albus' });
    await record('person-michael-hancock', 'PersonRegistered', { personId: 'person:michael-hancock', name: 'Michael Hancock', sortName: 'Hancock, Michael' });

    await record('org-denver-city-council', 'OrganizationRegistered', { orgId: COUNCIL, name: 'Denver City Council', kind: 'LEGISLATURE', parentId: null, rules: councilRules });
    await record('org-denver-city-council', 'OrganizationRecordCorrected', {
      orgId: COUNCIL,
      corrections: { rules: { ...councilRules, overrideVotes: 9 } },
      reason: 'the charter says 9 of 13',
    });
    await record('org-safety-committee', 'OrganizationRegistered', {
      orgId: COMMITTEE,
      name: 'Safety Committee',
      kind: 'COMMITTEE',
      parentId: COUNCIL,
      rules: { seats: 5, quorum: 3, passage: 'majority-of-present', overrideVotes: null },
    });
    await record('org-safety-committee', 'OrganizationRecordCorrected', {
      orgId: COMMITTEE,
      corrections: { name: 'Safety, Housing, Education & Homelessness Committee' },
      reason: 'full name',
    });
    await record('org-mayors-office', 'OrganizationRegistered', { orgId: MAYOR, name: "Mayor's Office", kind: 'EXECUTIVE', parentId: COUNCIL, rules: null });
    await record('org-mayors-office', 'OrganizationRecordCorrected', { orgId: MAYOR, corrections: { parentId: null }, reason: 'not part of the council' });

    // Robin's seat ends on 2017-08-28 (last day, inclusive); Paul's starts that very day.
    await record('org-denver-city-council', 'MembershipStarted', { orgId: COUNCIL, personId: 'person:robin-kniech', role: 'member', startDate: '2011-07-18' });
    await record('org-denver-city-council', 'MembershipEnded', { orgId: COUNCIL, personId: 'person:robin-kniech', role: 'member', endDate: '2017-08-28' });
    await record('org-denver-city-council', 'MembershipStarted', { orgId: COUNCIL, personId: 'person:paul-lopez', role: 'member', startDate: '2017-08-28' });
    // Albus: recorded as 2015-07-20 to 2016-12-31, then corrected twice; the second correction
    // names the membership by the start date the first one gave it.
    await record('org-denver-city-council', 'MembershipStarted', { orgId: COUNCIL, personId: 'person:albus-brooks', role: 'member', startDate: '2015-07-20' });
    await record('org-denver-city-council', 'MembershipEnded', { orgId: COUNCIL, personId: 'person:albus-brooks', role: 'member', endDate: '2016-12-31' });
    await record('org-denver-city-council', 'MembershipCorrected', {
      orgId: COUNCIL,
      personId: 'person:albus-brooks',
      role: 'member',
      startDate: '2015-07-20',
      corrections: { startDate: '2015-07-21' },
      reason: 'sworn in a day later',
    });
    await record('org-denver-city-council', 'MembershipCorrected', {
      orgId: COUNCIL,
      personId: 'person:albus-brooks',
      role: 'member',
      startDate: '2015-07-21',
      corrections: { endDate: null },
      reason: 'he never left',
    });
    // Two roles in one committee: a correction of one must leave the other alone.
    await record('org-safety-committee', 'MembershipStarted', { orgId: COMMITTEE, personId: 'person:paul-lopez', role: 'member', startDate: '2017-08-28' });
    await record('org-safety-committee', 'MembershipStarted', { orgId: COMMITTEE, personId: 'person:paul-lopez', role: 'chair', startDate: '2017-08-28' });
    await record('org-safety-committee', 'MembershipCorrected', {
      orgId: COMMITTEE,
      personId: 'person:paul-lopez',
      role: 'chair',
      startDate: '2017-08-28',
      corrections: { startDate: '2017-09-01', endDate: '2018-06-30' },
      reason: 'elected chair later, for one term',
    });
    await record('org-mayors-office', 'MembershipStarted', { orgId: MAYOR, personId: 'person:michael-hancock', role: 'mayor', startDate: '2011-07-18' });

    db = openReadModelDatabase(join(dir, 'read-models.db'));
    const consumers = [new SqliteReadModels(db, [eventLogProjection, directoryProjection])];
    runner = new ProjectionRunner({ store: raw, consumers, upcast: (e) => registry.upcast(e), batchSize: 7 });
    await runner.catchUp();
    directory = new DirectoryQueries(db);
  });

  afterAll(async () => {
    db?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a v1 PersonRegistered upcast: the sort name defaults to the name', () => {
    expect(directory.peopleByIds(['person:paul-lopez'])).toEqual([
      { id: 'person:paul-lopez', name: 'Paul Lopez', sortName: 'Paul Lopez', streamId: 'person-paul-lopez' },
    ]);
    // ...while the event log keeps the v1 bytes.
    expect(new EventLogQueries(db).byStream('person-paul-lopez')[0]).toMatchObject({ schemaVersion: 1, data: { name: 'Paul Lopez' } });
  });

  it('applies person corrections in log order: the later event wins', () => {
    expect(directory.peopleByIds(['person:robin-kniech'])).toEqual([
      { id: 'person:robin-kniech', name: 'Robin Kniech', sortName: 'Kniech, Robin', streamId: 'person-robin-kniech' },
    ]);
  });

  it('answers a batch in one call, skipping unknown ids', () => {
    const ids = ['person:robin-kniech', 'person:nobody', 'person:albus-brooks', 'person:paul-lopez'];
    expect(directory.peopleByIds(ids).map((p) => p.id).sort()).toEqual(['person:albus-brooks', 'person:paul-lopez', 'person:robin-kniech']);
    expect(directory.peopleByIds([])).toEqual([]);
  });

  it('keeps organizations with their corrected name, parent and rules', () => {
    const byId = new Map(directory.organizationsByIds([COUNCIL, COMMITTEE, MAYOR, 'org:unknown']).map((o) => [o.id, o]));
    expect(byId.size).toBe(3);
    expect(byId.get(COUNCIL)).toEqual({
      id: COUNCIL,
      name: 'Denver City Council',
      kind: 'LEGISLATURE',
      parentId: null,
      rules: { ...councilRules, overrideVotes: 9 },
      streamId: 'org-denver-city-council',
    });
    expect(byId.get(COMMITTEE)).toMatchObject({ name: 'Safety, Housing, Education & Homelessness Committee', kind: 'COMMITTEE', parentId: COUNCIL });
    // corrected *to* null: the key's presence counts, not its value
    expect(byId.get(MAYOR)).toMatchObject({ kind: 'EXECUTIVE', parentId: null, rules: null });
  });

  it('counts a membership on its first and on its last day, and not a day outside', () => {
    expect(membersOn(COUNCIL, '2017-08-27')).toEqual(['person:albus-brooks/member', 'person:robin-kniech/member']);
    expect(membersOn(COUNCIL, '2017-08-28')).toEqual(['person:albus-brooks/member', 'person:paul-lopez/member', 'person:robin-kniech/member']);
    expect(membersOn(COUNCIL, '2017-08-29')).toEqual(['person:albus-brooks/member', 'person:paul-lopez/member']);
  });

  it('applies membership corrections to the membership they name, by its current start date', () => {
    expect(membersOn(COUNCIL, '2015-07-20')).toEqual(['person:robin-kniech/member']);
    expect(membersOn(COUNCIL, '2015-07-21')).toEqual(['person:albus-brooks/member', 'person:robin-kniech/member']);
    // reopened by the second correction
    expect(membersOn(COUNCIL, '2030-01-01')).toEqual(['person:albus-brooks/member', 'person:paul-lopez/member']);
    expect(directory.membershipsOfPeople(['person:albus-brooks'])).toEqual([
      { orgId: COUNCIL, personId: 'person:albus-brooks', role: 'member', startDate: '2015-07-21', endDate: null },
    ]);
    // only the chair role moved
    expect(membersOn(COMMITTEE, '2017-08-31')).toEqual(['person:paul-lopez/member']);
    expect(membersOn(COMMITTEE, '2017-09-01')).toEqual(['person:paul-lopez/chair', 'person:paul-lopez/member']);
    expect(membersOn(COMMITTEE, '2018-07-01')).toEqual(['person:paul-lopez/member']);
  });

  it('batches memberships of several people and members of several organizations', () => {
    const memberships = directory.membershipsOfPeople(['person:paul-lopez', 'person:robin-kniech', 'person:nobody']);
    expect(memberships.map((m) => `${m.personId}@${m.orgId}/${m.role}:${m.startDate}..${m.endDate}`)).toEqual([
      'person:paul-lopez@org:denver-city-council/member:2017-08-28..null',
      'person:paul-lopez@org:safety-committee/member:2017-08-28..null',
      'person:paul-lopez@org:safety-committee/chair:2017-09-01..2018-06-30',
      'person:robin-kniech@org:denver-city-council/member:2011-07-18..2017-08-28',
    ]);
    const members = directory.membersOfOrganizationsOn([COUNCIL, MAYOR, COMMITTEE], '2017-08-28');
    expect(members.map((m) => `${m.orgId}:${m.personId}`)).toEqual([
      'org:denver-city-council:person:albus-brooks',
      'org:denver-city-council:person:paul-lopez',
      'org:denver-city-council:person:robin-kniech',
      'org:mayors-office:person:michael-hancock',
      'org:safety-committee:person:paul-lopez',
    ]);
  });

  it('rebuilds to the same rows from event 0', async () => {
    const snapshot = () => ['people', 'organizations', 'memberships'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all());
    const before = snapshot();
    runner.reset();
    expect(directory.peopleByIds(['person:paul-lopez'])).toEqual([]);
    await runner.catchUp();
    expect(snapshot()).toEqual(before);
  });
});
