import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type Database from 'better-sqlite3';
import { graphql, type ExecutionResult } from 'graphql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId } from '@ledger/event-store';
import { EventSchemaRegistry, SchemaCheckedEventStore } from '@ledger/event-schemas';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import {
  DirectoryQueries,
  EventLogQueries,
  ProjectionRunner,
  SqliteReadModels,
  directoryProjection,
  eventLogProjection,
  openReadModelDatabase,
} from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import { RequestLoaders } from '../dataloader/request-loaders';
import { DIRECTORY_RESOLVERS } from './directory.resolvers';

const COUNCIL = 'org:council';

/** A council of `seats` members, each also on one of two committees; read models built by the real runner. */
async function buildLedger(dir: string, seats: number): Promise<Database.Database> {
  const registry = EventSchemaRegistry.fromDirectory();
  const raw = new SqliteEventStore({ file: join(dir, 'events.db') });
  const store = new SchemaCheckedEventStore(raw, registry);
  const record = (streamId: string, type: string, data: unknown) =>
    store.append(
      streamId,
      [{ eventId: newEventId(), type, schemaVersion: registry.latestVersion(type), occurredAt: '2017-08-28T18:00:00Z', recordedBy: { id: 'person:clerk', name: 'Clerk', role: 'clerk' }, data }],
      'any',
    );
  const rules = { seats, quorum: 1, passage: 'majority-of-present', overrideVotes: null };
  await record('org-council', 'OrganizationRegistered', { orgId: COUNCIL, name: 'Council', kind: 'LEGISLATURE', parentId: null, rules });
  for (const c of ['a', 'b']) {
    await record(`org-committee-${c}`, 'OrganizationRegistered', { orgId: `org:committee-${c}`, name: `Committee ${c}`, kind: 'COMMITTEE', parentId: COUNCIL, rules });
  }
  for (let i = 0; i < seats; i++) {
    await record(`person-p${i}`, 'PersonRegistered', { personId: `person:p${i}`, name: `Person ${i}`, sortName: `${i}, Person` });
    await record('org-council', 'MembershipStarted', { orgId: COUNCIL, personId: `person:p${i}`, role: 'member', startDate: '2017-01-01' });
    const committee = `org:committee-${i % 2 ? 'a' : 'b'}`;
    await record(committee.replace(':', '-'), 'MembershipStarted', { orgId: committee, personId: `person:p${i}`, role: 'member', startDate: '2017-01-01' });
  }
  const db = openReadModelDatabase(join(dir, 'read-models.db'));
  const consumers = [new SqliteReadModels(db, [eventLogProjection, directoryProjection])];
  await new ProjectionRunner({ store: raw, consumers, upcast: (e) => registry.upcast(e) }).catchUp();
  await store.close();
  return db;
}

async function startGraphql(directory: DirectoryQueries, eventLog: EventLogQueries): Promise<INestApplication> {
  @Module({
    imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true })],
    providers: [...DIRECTORY_RESOLVERS, { provide: DirectoryQueries, useValue: directory }, { provide: EventLogQueries, useValue: eventLog }],
  })
  class DirectoryGraphqlTestModule {}
  const app = await NestFactory.create(DirectoryGraphqlTestModule, { logger: false });
  await app.init();
  return app;
}

const MEMBERS = `{
  organization(id: "${COUNCIL}") {
    name
    members(on: "2017-08-28") {
      role
      person { name memberships { role organization { name parent { name } } } history { type } }
    }
  }
}`;

describe('directory resolvers batch through DataLoaders (in-process GraphQL, real read models)', () => {
  const dirs: string[] = [];
  const cleanups: Array<() => Promise<void>> = [];

  /** Runs one request (one set of loaders) and records every DirectoryQueries call it made. */
  async function run(seats: number, source: string) {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-directory-gql-'));
    dirs.push(dir);
    const db = await buildLedger(dir, seats);
    const directory = new DirectoryQueries(db);
    const eventLog = new EventLogQueries(db);
    const calls = {
      peopleByIds: jest.spyOn(directory, 'peopleByIds'),
      organizationsByIds: jest.spyOn(directory, 'organizationsByIds'),
      membershipsOfPeople: jest.spyOn(directory, 'membershipsOfPeople'),
      membersOfOrganizationsOn: jest.spyOn(directory, 'membersOfOrganizationsOn'),
    };
    const app = await startGraphql(directory, eventLog);
    cleanups.push(async () => {
      await app.close();
      db.close();
    });
    const contextValue: RequestContext = { actor: null, authError: null, tokenExpiresAt: null, idempotencyKey: null, loaders: new RequestLoaders() };
    const result = (await graphql({ schema: app.get(GraphQLSchemaHost).schema, source, contextValue })) as ExecutionResult<any>;
    expect(result.errors).toBeUndefined();
    const counts = Object.fromEntries(Object.entries(calls).map(([name, spy]) => [name, spy.mock.calls.length]));
    return { data: result.data, counts, calls };
  }

  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('makes the same number of DirectoryQueries calls for 3 members as for 11', async () => {
    const small = await run(3, MEMBERS);
    const large = await run(11, MEMBERS);
    expect(large.data.organization.members).toHaveLength(11);
    const person4 = large.data.organization.members.find((m: any) => m.person.name === 'Person 4');
    expect(person4.person).toEqual({
      name: 'Person 4',
      memberships: [
        { role: 'member', organization: { name: 'Committee b', parent: { name: 'Council' } } },
        { role: 'member', organization: { name: 'Council', parent: null } },
      ],
      history: [{ type: 'PersonRegistered' }],
    });
    // organization(id) + one batch for the committees the memberships name (the council is cached)
    expect(large.counts).toEqual({ peopleByIds: 1, organizationsByIds: 2, membershipsOfPeople: 1, membersOfOrganizationsOn: 1 });
    expect(small.counts).toEqual(large.counts);
    expect(large.calls.peopleByIds.mock.calls[0][0]).toHaveLength(11);
    expect(large.calls.membershipsOfPeople.mock.calls[0][0]).toHaveLength(11);
    expect([...large.calls.organizationsByIds.mock.calls[1][0]].sort()).toEqual(['org:committee-a', 'org:committee-b']);
  });

  it('batches sibling root fields too, and answers null for an unknown id', async () => {
    const { data, counts, calls } = await run(3, `{
      a: person(id: "person:p0") { name }
      b: person(id: "person:p2") { name }
      c: person(id: "person:nobody") { name }
      o: organization(id: "org:nowhere") { name }
    }`);
    expect(data).toEqual({ a: { name: 'Person 0' }, b: { name: 'Person 2' }, c: null, o: null });
    expect(counts.peopleByIds).toBe(1);
    expect(calls.peopleByIds.mock.calls[0][0]).toEqual(['person:p0', 'person:p2', 'person:nobody']);
  });
});
