import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { graphql, type ExecutionResult } from 'graphql';
import type { Actor } from '@ledger/domain';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import { PublicView } from '@ledger/investigation';
import { SUBJECT_VAULT, type EncryptedDetails, type SubjectVault } from '@ledger/privacy';
import {
  DataRequestQueries,
  DirectoryQueries,
  EventLogQueries,
  LegislationQueries,
  dataRequestsProjection,
  directoryProjection,
  eventLogProjection,
  legislationProjection,
} from '@ledger/projections';
import { DataRequestHistory, LegislationHistory, ReadModelHarness, fixtureSubjectRef, fixtureUuid, requestIdOf, type FixtureActor } from '@ledger/read-model-testing';
import type { RequestContext } from '../auth/request-context';
import { RequestLoaders } from '../dataloader/request-loaders';
import { DATA_REQUEST_RESOLVERS } from './data-requests.resolvers';
import { DIRECTORY_RESOLVERS } from '../directory/directory.resolvers';
import { LEGISLATION_RESOLVERS } from '../legislation/legislation.resolvers';

const DEPARTMENTS = ['org:sheriff', 'org:police'];
const AGENCY = 'org:ice';
const officers: FixtureActor[] = ['a', 'b', 'c'].map((x) => ({ id: `person:officer-${x}`, name: `Officer ${x.toUpperCase()}`, role: 'officer' }));
const SEC_2 = 'CB17-0001#sec_2';
const SEC_3 = 'CB17-0001#sec_3';
const details: EncryptedDetails = { algorithm: 'AES-256-GCM', keyId: fixtureSubjectRef('someone'), iv: 'aXY=', ciphertext: 'c2VjcmV0', tag: 'dGFn' };

/** `count` requests to two departments, each decided (alternately granted and denied) and one in three disclosed. */
function history(count: number) {
  const legislation = new LegislationHistory();
  for (const person of officers) legislation.person(person.id, person.name);
  legislation.organization('org:council', 'Council', 'LEGISLATURE', { rules: { seats: 5, quorum: 3, passage: 'majority-of-present', overrideVotes: 4 } });
  for (const id of DEPARTMENTS) legislation.organization(id, `Department ${id}`, 'DEPARTMENT');
  legislation.organization(AGENCY, 'ICE', 'EXTERNAL_AGENCY');
  const rule = { effect: 'prohibit' as const, action: 'share', dataCategories: ['release-date-time'], recipients: ['federal-immigration-enforcement'], unless: ['judicial-warrant'] };
  legislation
    .introduce('CB17-0001', {
      title: 'Act',
      bodyId: 'org:council',
      sponsorIds: [officers[0].id],
      clauses: [
        { eId: 'sec_2', heading: 'Release dates', text: 'Release dates are not shared.', rule },
        { eId: 'sec_3', heading: 'Rights', text: 'Rights are advised.', rule: null },
      ],
    }, '2017-08-01T12:00:00Z')
    .enact('CB17-0001', '2017-09-01', '2017-08-02T12:00:00Z');
  const requests = new DataRequestHistory(legislation.events);
  for (let i = 0; i < count; i++) {
    const uuid = fixtureUuid(i + 1);
    const officer = officers[i % officers.length];
    const granted = i % 2 === 0;
    requests
      .receive(uuid, { requestingOrgId: AGENCY, receivingOrgId: DEPARTMENTS[i % 2], dataCategories: ['release-date-time', 'address'], personalDetails: i === 0 ? details : null }, officer, '2017-09-02T12:00:00Z')
      .decide(uuid, {
        outcome: granted ? 'PARTIALLY_GRANTED' : 'DENIED',
        disclosedCategories: granted ? ['release-date-time'] : [],
        citations: [{ clauseId: SEC_2, version: 1 }, { clauseId: SEC_3, version: 1 }],
      }, officer, `2017-09-${String(3 + i).padStart(2, '0')}T12:00:00Z`);
    if (i % 3 === 0 && granted) requests.disclose(uuid, ['release-date-time'], officer, '2017-09-30T12:00:00Z');
  }
  return legislation.events;
}

const EVERYTHING = `{
  decisions(first: 100) {
    totalCount
    edges { node {
      id outcome decidedAt rationale
      decidedBy { name decisions(first: 2) { totalCount edges { node { id } } } }
      decidingOrganization { name }
      request { id subjectRef personalDetails requestingOrganization { name } receivingOrganization { name } decision { id } history { type } }
      citations { version text clause { id citations(first: 2) { totalCount edges { node { id } } } } }
      compliance { status notes findings { status explanation clause { version clause { id judgedDecisions(first: 2) { totalCount edges { node { id } } } } } } }
      disclosures { channel disclosedCategories }
      history { type }
    } }
  }
}`;

/** A vault that "decrypts" by naming the ciphertext, so the test sees whether it was asked. */
const vault: Pick<SubjectVault, 'decrypt'> = { decrypt: (encrypted) => `plaintext of ${encrypted.ciphertext}` };

describe('data-request resolvers batch through DataLoaders (in-process GraphQL, real read models)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  async function start(count: number) {
    const harness = ReadModelHarness.create([eventLogProjection, directoryProjection, legislationProjection, dataRequestsProjection], 'ledger-data-requests-gql-');
    await harness.record(history(count));
    const dataRequests = new DataRequestQueries(harness.db);
    @Module({
      imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true })],
      providers: [
        ...DIRECTORY_RESOLVERS,
        ...LEGISLATION_RESOLVERS,
        ...DATA_REQUEST_RESOLVERS,
        { provide: DataRequestQueries, useValue: dataRequests },
        { provide: LegislationQueries, useValue: new LegislationQueries(harness.db) },
        { provide: DirectoryQueries, useValue: new DirectoryQueries(harness.db) },
        { provide: EventLogQueries, useValue: new EventLogQueries(harness.db) },
        { provide: SUBJECT_VAULT, useValue: vault },
        { provide: PublicView, useValue: new PublicView(EventSchemaRegistry.fromDirectory()) },
      ],
    })
    class DataRequestGraphqlTestModule {}
    const app: INestApplication = await NestFactory.create(DataRequestGraphqlTestModule, { logger: false });
    await app.init();
    cleanups.push(async () => (await app.close(), await harness.close()));
    const ask = async (source: string, actor: Actor | null = null) => {
      const contextValue: RequestContext = { actor, authError: null, tokenExpiresAt: actor && Date.now() + 3_600_000, idempotencyKey: null, loaders: new RequestLoaders() };
      const result = (await graphql({ schema: app.get(GraphQLSchemaHost).schema, source, contextValue })) as ExecutionResult<any>;
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    return { harness, dataRequests, ask };
  }

  /** Runs one request (one set of loaders), counting SQL statements prepared and query methods called. */
  async function run(count: number) {
    const { harness, dataRequests, ask } = await start(count);
    const methods = Object.getOwnPropertyNames(DataRequestQueries.prototype).filter((name) => name !== 'constructor') as Array<keyof DataRequestQueries>;
    const calls = Object.fromEntries(methods.map((name) => [name, jest.spyOn(dataRequests, name)]));
    const prepare = jest.spyOn(harness.db, 'prepare');
    const data = await ask(EVERYTHING);
    const counts = Object.fromEntries(Object.entries(calls).map(([name, spy]) => [name, spy.mock.calls.length]).filter(([, n]) => n));
    return { data, counts, statements: prepare.mock.calls.length, keys: calls };
  }

  it('prepares no more SQL statements for 7 decisions than for 2', async () => {
    const small = await run(2);
    const large = await run(7);
    const edges = large.data.decisions.edges;
    expect(edges).toHaveLength(7);
    const first = edges[0].node;
    expect(first).toMatchObject({
      outcome: 'PARTIALLY_GRANTED',
      decidedBy: { name: 'Officer A', decisions: { totalCount: 3 } },
      decidingOrganization: { name: 'Department org:sheriff' },
      request: { requestingOrganization: { name: 'ICE' }, decision: { id: first.id }, history: [{ type: 'DataRequestReceived' }, { type: 'DataRequestDecided' }, { type: 'DisclosureRecorded' }] },
      citations: [{ version: 1, text: 'Release dates are not shared.', clause: { id: SEC_2, citations: { totalCount: 7 } } }, { version: 1, clause: { id: SEC_3 } }],
      // Every decision was judged against sec_2 (the rule in force), none against sec_3 (no rule).
      compliance: { status: 'VIOLATION', findings: [{ status: 'VIOLATION', clause: { version: 1, clause: { id: SEC_2, judgedDecisions: { totalCount: 7 } } } }] },
      disclosures: [{ channel: 'email', disclosedCategories: ['release-date-time'] }],
    });
    expect(edges[1].node.compliance).toMatchObject({ status: 'COMPLIANT' });
    expect(large.counts).toEqual(small.counts);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
  });

  it('hands every key of a batch to one call', async () => {
    const { keys, data } = await run(5);
    const ids = data.decisions.edges.map((e: any) => e.node.id);
    const requestIds = ids.map((id: string) => id.replace('decision:', 'data-request:'));
    const sorted = (call: unknown) => [...(call as string[])].sort();
    expect(keys.decisionsPage).toHaveBeenCalledTimes(1);
    for (const name of ['citationsOfDecisions', 'disclosuresOfDecisions'] as const) {
      expect(keys[name]).toHaveBeenCalledTimes(1);
      expect(sorted(keys[name].mock.calls[0][0])).toEqual([...ids].sort());
    }
    expect(keys.requestsByIds).toHaveBeenCalledTimes(1);
    expect(sorted(keys.requestsByIds.mock.calls[0][0])).toEqual([...requestIds].sort());
    expect(keys.decisionsOfRequests).toHaveBeenCalledTimes(1);
    expect(keys.decisionsOfPeople).toHaveBeenCalledTimes(1);
    expect(sorted(keys.decisionsOfPeople.mock.calls[0][0])).toEqual(officers.map((o) => o.id));
    // One call per relation: the clauses the decisions cited, and those they were judged against.
    expect(keys.decisionsOfClauses).toHaveBeenCalledTimes(2);
    const byRelation = Object.fromEntries(keys.decisionsOfClauses.mock.calls.map((call: unknown[]) => [call[0], sorted(call[1])]));
    expect(byRelation).toEqual({ CITED: [SEC_2, SEC_3], JUDGED_AGAINST: [SEC_2] });
  });

  it('serves restricted fields to the oversight role only', async () => {
    const { ask } = await start(1);
    const query = `{ dataRequest(id: "${requestIdOf(fixtureUuid(1))}") { subjectRef personalDetails } }`;
    const restricted = { subjectRef: fixtureSubjectRef(fixtureUuid(1)), personalDetails: 'plaintext of c2VjcmV0' };
    expect((await ask(query)).dataRequest).toEqual({ subjectRef: null, personalDetails: null });
    for (const role of ['officer', 'clerk', 'admin']) {
      expect((await ask(query, { id: 'person:someone', name: 'Someone', role } as Actor)).dataRequest).toEqual({ subjectRef: null, personalDetails: null });
    }
    expect((await ask(query, { id: 'person:olga', name: 'Olga', role: 'oversight' } as Actor)).dataRequest).toEqual(restricted);
  });
});
