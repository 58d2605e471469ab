/**
 * A v1 event stored before PersonRegistered v2 existed is read as v2 by the domain (upcast), while
 * the event log still serves it exactly as stored and hashed.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { leafHashOf } from '@ledger/event-store';
import { LedgerServer, mintToken, removeDir, tempDataDir } from '../support/ledger-process';

const CORRECT = `mutation($input: CorrectPersonInput!) { correctPerson(input: $input) { revision events { data } } }`;

describe('upcasting a stored v1 event end to end', () => {
  let dataDir: string;
  let server: LedgerServer;
  let clerk: string;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-upcast-');
    // Written the way a 2025 build of the ledger would have: PersonRegistered v1 had no sortName.
    const store = new SqliteEventStore({ file: join(dataDir, 'events.db') });
    await store.append(
      'person-paul-lopez',
      [{
        eventId: randomUUID(),
        type: 'PersonRegistered',
        schemaVersion: 1,
        occurredAt: '2017-08-01T00:00:00Z',
        recordedBy: { id: 'person:old-clerk', name: 'Old Clerk', role: 'clerk' },
        data: { personId: 'person:paul-lopez', name: 'Paul Lopez' },
      }],
      'no-stream',
    );
    await store.close();
    clerk = await mintToken(dataDir, 'clerk');
    server = await LedgerServer.start(dataDir);
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('serves the stored v1 bytes and their leaf hash in the event log', async () => {
    const result = await server.gql(`{ events { edges { node { id type schemaVersion streamId streamRevision sequence occurredAt recordedAt recordedBy { id name role } correlationId causationId leafHash data } } } }`);
    const node = result.data.events.edges[0].node;
    expect(node).toMatchObject({ schemaVersion: 1, data: { personId: 'person:paul-lopez', name: 'Paul Lopez' } });
    const { id, leafHash, ...rest } = node;
    expect(leafHashOf({ ...rest, eventId: id })).toBe(leafHash);
  });

  it('decides on the upcast v2 state: sortName defaults to the v1 name', async () => {
    const unchanged = await server.gql(CORRECT, { input: { id: 'person:paul-lopez', sortName: 'Paul Lopez', reason: 'no-op' } }, clerk);
    expect(unchanged.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/changes nothing/) });
    const corrected = await server.gql(CORRECT, { input: { id: 'person:paul-lopez', sortName: 'Lopez, Paul', reason: 'sort by family name', expectedRevision: 0 } }, clerk);
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data.correctPerson).toEqual({
      revision: 1,
      events: [{ data: { personId: 'person:paul-lopez', corrections: { sortName: 'Lopez, Paul' }, reason: 'sort by family name' } }],
    });
  });
});
