import { randomUUID } from 'node:crypto';
import { InvalidEvent, leafHashOf } from '@ledger/event-store';
import { newEvent, runEventStoreConformance } from '@ledger/event-store/conformance';
import { EventStoreDbEventStore } from './eventstoredb-event-store.adapter';
import { EventStoreDbTestDouble } from './testing';

// The suite appends a 1 MB payload; EventStoreDB's default limit (1 MiB) is just below what that
// append weighs, so the double, like a real server running the suite, is configured above it.
const MAX_APPEND_SIZE = 2 * 1024 * 1024;

runEventStoreConformance('EventStoreDB adapter against the in-process gRPC test double', async () => {
  // A fresh double per test is a fresh, empty database; system events interleave with the
  // ledger's so that sequences are proven to skip them.
  const double = await EventStoreDbTestDouble.start({ maxAppendSize: MAX_APPEND_SIZE, systemEventEvery: 3 });
  const store = new EventStoreDbEventStore({ connectionString: double.connectionString });
  return {
    store,
    dispose: async () => {
      await store.close();
      await double.stop();
    },
  };
});

describe('EventStoreDB adapter, beyond the conformance suite (test double)', () => {
  let double: EventStoreDbTestDouble;
  const stores: EventStoreDbEventStore[] = [];
  const open = (streamPrefix?: string) => {
    const store = new EventStoreDbEventStore({ connectionString: double.connectionString, streamPrefix });
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    double = await EventStoreDbTestDouble.start({ maxAppendSize: MAX_APPEND_SIZE, systemEventEvery: 2 });
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await double.stop();
  });

  it('gives another node the same sequences and leaf hashes as the writer', async () => {
    const writer = open();
    const appended = [];
    for (let i = 0; i < 6; i++) appended.push(...(await writer.append(`n-${i % 2}`, [newEvent({ i })], 'any')).events);
    const reader = open();
    expect(await reader.readAll(0, 100)).toEqual(appended);
    expect(await reader.readStream('n-1')).toEqual(appended.filter((e) => e.streamId === 'n-1'));
    for (const event of appended) expect(event.leafHash).toBe(leafHashOf(event));
  });

  it('keeps ledgers with different stream prefixes apart on one server', async () => {
    const a = open('tenant-a/');
    const b = open('tenant-b/');
    await a.append('measure-1', [newEvent({ ledger: 'a' })], 'no-stream');
    await b.append('measure-1', [newEvent({ ledger: 'b' })], 'no-stream');
    await a.append('measure-2', [newEvent({ ledger: 'a' })], 'no-stream');
    expect((await a.readAll(0, 10)).map((e) => [e.streamId, e.sequence])).toEqual([['measure-1', 0], ['measure-2', 1]]);
    expect((await b.readAll(0, 10)).map((e) => [e.streamId, e.sequence])).toEqual([['measure-1', 0]]);
    expect(await b.readStream('measure-1')).toMatchObject([{ data: { ledger: 'b' } }]);
    expect(await b.lastSequence()).toBe(0);
  });

  it('refuses an append over the server limit as an invalid event, writing nothing', async () => {
    await double.stop();
    double = await EventStoreDbTestDouble.start({ maxAppendSize: 1024 });
    const store = open();
    await expect(store.append('big', [newEvent({ text: 'x'.repeat(2048) })], 'no-stream')).rejects.toBeInstanceOf(InvalidEvent);
    expect(await store.readStream('big')).toEqual([]);
    expect(await store.lastSequence()).toBe(-1);
  });
});

const realServer = process.env.EVENTSTORE_CONNECTION_STRING;

// A real database cannot be emptied between tests, so each test gets its own ledger on it: a
// fresh stream prefix, under which the suite's fixed stream names and sequences start from
// nothing. The server must accept appends of MAX_APPEND_SIZE (EVENTSTORE_MAX_APPEND_SIZE), and
// the test events stay in it: point this at a throwaway server.
(realServer ? describe : describe.skip)('against a real server (EVENTSTORE_CONNECTION_STRING)', () => {
  runEventStoreConformance('EventStoreDB adapter against a real server, one stream prefix per test', async () => {
    const store = new EventStoreDbEventStore({ connectionString: realServer as string, streamPrefix: `conformance-${randomUUID()}-` });
    return { store, dispose: () => store.close() };
  });
});
