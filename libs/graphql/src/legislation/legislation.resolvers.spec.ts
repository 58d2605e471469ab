import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { graphql, type ExecutionResult } from 'graphql';
import {
  DirectoryQueries,
  EventLogQueries,
  LegislationQueries,
  directoryProjection,
  eventLogProjection,
  legislationProjection,
} from '@ledger/projections';
import { LegislationHistory, ReadModelHarness, type Choice } from '@ledger/read-model-testing';
import type { RequestContext } from '../auth/request-context';
import { RequestLoaders } from '../dataloader/request-loaders';
import { DIRECTORY_RESOLVERS } from '../directory/directory.resolvers';
import { LEGISLATION_RESOLVERS } from './legislation.resolvers';

const COUNCIL = 'org:council';
const COMMITTEE = 'org:committee';
const members = ['a', 'b', 'c', 'd', 'e'].map((x) => `person:member-${x}`);
const roll = (choice: Choice) => members.map((personId) => ({ personId, choice }));

/** `count` ordinances, each referred, reported, amended on the floor, passed and enacted. */
function history(count: number): LegislationHistory {
  const h = new LegislationHistory();
  for (const id of members) h.person(id, `Member ${id.slice(-1).toUpperCase()}`);
  h.organization(COUNCIL, 'Council', 'LEGISLATURE', { rules: { seats: 5, quorum: 3, passage: 'majority-of-present', overrideVotes: 4 } });
  h.organization(COMMITTEE, 'Committee', 'COMMITTEE', { parentId: COUNCIL, rules: { seats: 5, quorum: 3, passage: 'majority-of-present', overrideVotes: null } });
  for (const id of members) h.membership(COUNCIL, id, 'member', '2017-01-01').membership(COMMITTEE, id, 'member', '2017-01-01');
  for (let i = 0; i < count; i++) {
    const id = `CB17-${String(i + 1).padStart(4, '0')}`;
    const clauses = [1, 2, 3].map((n) => ({ eId: `sec_${n}`, heading: `Section ${n}`, text: `Text ${n} of ${id}.`, rule: null }));
    h.introduce(id, { title: `Act ${i}`, bodyId: COUNCIL, sponsorIds: [members[i % 5], members[(i + 1) % 5]], clauses }, '2017-08-01T12:00:00Z')
      .refer(id, COMMITTEE, '2017-08-02T12:00:00Z')
      .vote(id, { bodyId: COMMITTEE, motion: 'committee-passage', rollCall: roll('YES') }, '2017-08-03T12:00:00Z')
      .vote(id, { bodyId: COUNCIL, motion: 'amendment', rollCall: roll('YES'), amendment: { change: 'amend', eId: 'sec_2', text: `Amended text of ${id}.` } }, '2017-08-04T12:00:00Z')
      .vote(id, { bodyId: COUNCIL, motion: 'first-reading', rollCall: roll('YES') }, '2017-08-05T12:00:00Z')
      .vote(id, { bodyId: COUNCIL, motion: 'final-passage', rollCall: roll('YES') }, '2017-08-06T12:00:00Z')
      .enact(id, '2017-09-01', '2017-08-07T12:00:00Z');
  }
  return h;
}

const EVERYTHING = `{
  measures(first: 100) {
    edges { node {
      id
      sponsors { name votes(first: 2) { totalCount edges { node { choice vote { motion } } } } }
      clauses { text clause { heading measure { id } versions { version } inForce(on: "2017-09-01") { version } } adoptedBy { id } event { type } }
      enacted: clauses(on: "2017-09-01") { version }
      clause(eId: "sec_1") { id }
      votes { tally { yes } body { name } rollCall { choice person { name } vote { id } } history { type } measure { id } }
      actions { classification organization { name } vote { id } event { type } actor { name } }
      history { type }
    } }
  }
  policyInForce(on: "2017-09-01") { version clause { id } }
}`;

describe('legislation resolvers batch through DataLoaders (in-process GraphQL, real read models)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  /** Runs one request (one set of loaders), counting SQL statements prepared and query methods called. */
  async function run(count: number) {
    const harness = ReadModelHarness.create([eventLogProjection, directoryProjection, legislationProjection], 'ledger-legislation-gql-');
    await harness.record(history(count).events);
    const legislation = new LegislationQueries(harness.db);
    @Module({
      imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true })],
      providers: [
        ...DIRECTORY_RESOLVERS,
        ...LEGISLATION_RESOLVERS,
        { provide: LegislationQueries, useValue: legislation },
        { provide: DirectoryQueries, useValue: new DirectoryQueries(harness.db) },
        { provide: EventLogQueries, useValue: new EventLogQueries(harness.db) },
      ],
    })
    class LegislationGraphqlTestModule {}
    const app: INestApplication = await NestFactory.create(LegislationGraphqlTestModule, { logger: false });
    await app.init();
    cleanups.push(async () => (await app.close(), await harness.close()));

    const methods = Object.getOwnPropertyNames(LegislationQueries.prototype).filter((name) => name !== 'constructor') as Array<keyof LegislationQueries>;
    const calls = Object.fromEntries(methods.map((name) => [name, jest.spyOn(legislation, name)]));
    const prepare = jest.spyOn(harness.db, 'prepare');
    const contextValue: RequestContext = { actor: null, authError: null, tokenExpiresAt: null, idempotencyKey: null, loaders: new RequestLoaders() };
    const result = (await graphql({ schema: app.get(GraphQLSchemaHost).schema, source: EVERYTHING, contextValue })) as ExecutionResult<any>;
    expect(result.errors).toBeUndefined();
    const counts = Object.fromEntries(Object.entries(calls).map(([name, spy]) => [name, spy.mock.calls.length]).filter(([, n]) => n));
    return { data: result.data, counts, statements: prepare.mock.calls.length, keys: calls };
  }

  it('prepares no more SQL statements for 7 measures than for 2', async () => {
    const small = await run(2);
    const large = await run(7);
    expect(large.data.measures.edges).toHaveLength(7);
    const node = large.data.measures.edges[6].node;
    expect(node.votes).toHaveLength(4);
    expect(node.votes[0].rollCall).toHaveLength(members.length);
    expect(node.actions.map((a: any) => a.classification)).toEqual(['introduction', 'referral-committee', 'committee-passage', 'amendment-passage', 'reading-1', 'passage', 'became-law']);
    expect(node.clauses.map((c: any) => c.clause.versions.length)).toEqual([1, 2, 1]);
    expect(large.data.policyInForce).toHaveLength(7 * 3);
    expect(large.counts).toEqual(small.counts);
    // Not more: with more measures the sponsors already cover every member, so the roll calls'
    // people come from the loader's cache and one directory statement fewer may run.
    expect(large.statements).toBeLessThanOrEqual(small.statements);
  });

  it('hands every key of a batch to one call', async () => {
    const { keys, data } = await run(4);
    const ids = data.measures.edges.map((e: any) => e.node.id);
    // Each batch method ran once, with every measure of the page at once.
    for (const name of ['sponsorsOfMeasures', 'votesOfMeasures', 'actionsOfMeasures'] as const) {
      expect(keys[name]).toHaveBeenCalledTimes(1);
      expect([...(keys[name].mock.calls[0][0] as string[])].sort()).toEqual([...ids].sort());
    }
    expect(keys.castsOfVotes).toHaveBeenCalledTimes(1);
    expect(keys.castsOfVotes.mock.calls[0][0]).toHaveLength(4 * 4);
    expect(keys.castsOfPeople).toHaveBeenCalledTimes(1);
  });
});
