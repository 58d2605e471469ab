import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId, type EventStore, type NewEvent, type RecordedEvent } from '@ledger/event-store';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { StreamFolds, type StreamFolder } from './stream-folds';

const newEvent = (n: number): NewEvent => ({
  eventId: newEventId(),
  type: 'Counted',
  schemaVersion: 1,
  occurredAt: '2020-01-01T00:00:00Z',
  recordedBy: { id: 'person:tester', name: 'Tester', role: 'clerk' },
  correlationId: null,
  causationId: null,
  data: { n },
});

/** Sums the events' n, and counts how many events it was handed (to see what was read again). */
const sum: StreamFolder<number> = { initial: 0, evolve: (total, event) => total + (event.data as { n: number }).n };

/** The store, counting the events each readStream hands back. */
function counting(store: EventStore) {
  const read = { events: 0 };
  const wrapped = Object.create(store) as EventStore;
  wrapped.readStream = async (streamId: string, fromRevision?: number): Promise<RecordedEvent[]> => {
    const events = await store.readStream(streamId, fromRevision);
    read.events += events.length;
    return events;
  };
  return { store: wrapped, read };
}

describe('StreamFolds (a real SQLite event store)', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stream-folds-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds a stream once, then reads only the events appended since', async () => {
    await store.append('counter-a', [newEvent(1), newEvent(2)], 'no-stream');
    const { store: observed, read } = counting(store);
    const folds = new StreamFolds(observed);

    expect(await folds.fold('counter-a', sum)).toEqual({ state: 3, revision: 1 });
    expect(read.events).toBe(2);
    expect(await folds.fold('counter-a', sum)).toEqual({ state: 3, revision: 1 });
    expect(read.events).toBe(2);

    await store.append('counter-a', [newEvent(10)], 1);
    expect(await folds.fold('counter-a', sum)).toEqual({ state: 13, revision: 2 });
    expect(read.events).toBe(3);
  });

  it('sees what another writer appended to the same file (the CLI beside the server)', async () => {
    const folds = new StreamFolds(store);
    await store.append('counter-b', [newEvent(5)], 'no-stream');
    expect((await folds.fold('counter-b', sum)).state).toBe(5);

    const other = new SqliteEventStore({ file: join(dir, 'events.db') });
    try {
      await other.append('counter-b', [newEvent(7)], 0);
    } finally {
      await other.close();
    }
    expect(await folds.fold('counter-b', sum)).toEqual({ state: 12, revision: 1 });
  });

  it('answers the initial state and revision -1 for a stream with no events', async () => {
    expect(await new StreamFolds(store).fold('nothing-here', sum)).toEqual({ state: 0, revision: -1 });
  });

  it('keeps each folder apart on the same stream', async () => {
    await store.append('counter-c', [newEvent(2), newEvent(3)], 'no-stream');
    const count: StreamFolder<number> = { initial: 0, evolve: (n) => n + 1 };
    const folds = new StreamFolds(store);
    expect((await folds.fold('counter-c', sum)).state).toBe(5);
    expect((await folds.fold('counter-c', count)).state).toBe(2);
  });

  it('drops the least recently used folds beyond its capacity, and folds them whole again when asked', async () => {
    const { store: observed, read } = counting(store);
    const folds = new StreamFolds(observed, 2);
    for (const id of ['s1', 's2', 's3']) await store.append(id, [newEvent(1)], 'no-stream');
    await folds.fold('s1', sum);
    await folds.fold('s2', sum);
    await folds.fold('s3', sum); // s1 is dropped
    expect(read.events).toBe(3);
    await folds.fold('s3', sum);
    expect(read.events).toBe(3);
    expect(await folds.fold('s1', sum)).toEqual({ state: 1, revision: 0 });
    expect(read.events).toBe(4);
  });
});
