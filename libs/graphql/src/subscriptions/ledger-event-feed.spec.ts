import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/event-store';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { EventLogQueries, ProjectionRunner, SqliteReadModels, eventLogProjection, openReadModelDatabase } from '@ledger/projections';
import { newEvent } from '@ledger/event-store/conformance';
import { LedgerEventFeed } from './ledger-event-feed';
import type { LedgerEventStream } from './ledger-event-stream';

/** Takes `count` events, failing instead of hanging when they do not come. */
async function take(stream: LedgerEventStream, count: number): Promise<number[]> {
  const sequences: number[] = [];
  while (sequences.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`only got ${sequences}`)), 2000)));
    const next = await Promise.race([stream.next(), timeout]).finally(() => clearTimeout(timer));
    if (next.done) break;
    sequences.push(next.value.sequence);
  }
  return sequences;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('LedgerEventFeed (projection runner observer, real SQLite files)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: Database.Database;
  let runner: ProjectionRunner;
  let feed: LedgerEventFeed;

  const append = async (count: number, streamId = 'stream-a') => {
    for (let i = 0; i < count; i++) await store.append(streamId, [newEvent({ i })], 'any');
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-feed-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), pollIntervalMs: 20 });
    db = openReadModelDatabase(join(dir, 'read-models.db'));
    runner = new ProjectionRunner({ store, consumers: [new SqliteReadModels(db, [eventLogProjection])], upcast: (e) => e, batchSize: 10 });
    feed = new LedgerEventFeed(runner, new EventLogQueries(db));
    await append(5);
    await runner.catchUp();
  });
  afterEach(async () => {
    feed.onModuleDestroy();
    await runner.stop();
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers only events applied after subscribing, once the read model holds them', async () => {
    const stream = feed.subscribe({});
    const seen: Array<{ sequence: number; inReadModel: boolean }> = [];
    const reading = (async () => {
      for await (const event of stream) {
        seen.push({ sequence: event.sequence, inReadModel: new EventLogQueries(db).byEventId(event.eventId) !== null });
        if (seen.length === 3) break;
      }
    })();
    await append(3);
    runner.start();
    await reading;
    expect(seen).toEqual(range(5, 7).map((sequence) => ({ sequence, inReadModel: true })));
    expect(feed.openStreams).toBe(0);
  });

  it('applies the filter, and replays stored events from fromSequence before live ones, without gap or repeat', async () => {
    await append(2, 'stream-b');
    await runner.catchUp();
    const onlyB = feed.subscribe({ streamId: 'stream-b', fromSequence: 0 });
    const fromThree = feed.subscribe({ fromSequence: 3 });
    expect(await take(onlyB, 2)).toEqual([5, 6]);
    expect(await take(fromThree, 4)).toEqual([3, 4, 5, 6]);
    await append(2, 'stream-a');
    await append(1, 'stream-b');
    await runner.catchUp();
    expect(await take(onlyB, 1)).toEqual([9]);
    expect(await take(fromThree, 3)).toEqual([7, 8, 9]);
  });

  it('ends a stream at toSequence', async () => {
    const bounded = feed.subscribe({ fromSequence: 4, toSequence: 6 });
    expect(await take(bounded, 1)).toEqual([4]);
    await append(4);
    await runner.catchUp();
    expect(await take(bounded, 10)).toEqual([5, 6]);
    expect(await bounded.next()).toEqual({ done: true, value: undefined });
    expect(feed.openStreams).toBe(0);
  });

  it('bounds what a stalled subscriber holds, then lets it read on from the log without losing an event', async () => {
    const stalled = feed.subscribe({}, { maxBuffered: 4, pageSize: 3 });
    const buffered = () => (stalled as unknown as { buffer: RecordedEvent[] }).buffer.length;
    for (let round = 0; round < 5; round++) {
      await append(5);
      await runner.catchUp();
      expect(buffered()).toBeLessThanOrEqual(4);
    }
    // appends went on at full speed meanwhile; the subscriber still gets every one, in order
    expect(await take(stalled, 25)).toEqual(range(5, 29));
    await append(2);
    await runner.catchUp();
    expect(await take(stalled, 2)).toEqual([30, 31]);
  });

  it('paces a replay: at most logEventsPerSecond events read from the log, a second at a time', async () => {
    await append(15);
    await runner.catchUp();
    // 20 events stored; at 8 a second: a page of 8 now, 8 more a second later, the last 4 a second after.
    const paced = feed.subscribe({ fromSequence: 0 }, { logEventsPerSecond: 8 });
    const started = performance.now();
    const arrivals: number[] = [];
    for (let i = 0; i < 20; i++) {
      const next = await paced.next();
      expect(next).toEqual({ done: false, value: expect.objectContaining({ sequence: i }) });
      arrivals.push(performance.now() - started);
    }
    expect(arrivals[7]).toBeLessThan(500);
    expect(arrivals[8]).toBeGreaterThanOrEqual(950);
    expect(arrivals[16]).toBeGreaterThanOrEqual(1950);
    // Closing while it waits for the next page leaves no timer behind.
    const waiting = feed.subscribe({ fromSequence: 0 }, { logEventsPerSecond: 1 });
    await waiting.next();
    const pending = waiting.next();
    await waiting.return();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('completes open subscriptions on shutdown and forgets those the client left', async () => {
    const left = feed.subscribe({});
    await left.return();
    expect(feed.openStreams).toBe(0);
    const open = feed.subscribe({});
    const pending = open.next();
    feed.onModuleDestroy();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('keeps the runner going when a listener throws', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    runner.onApplied(() => {
      throw new Error('bad observer');
    });
    const stream = feed.subscribe({});
    await append(2);
    await runner.catchUp();
    expect(await take(stream, 2)).toEqual([5, 6]);
    expect(runner.appliedThrough).toBe(6);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
