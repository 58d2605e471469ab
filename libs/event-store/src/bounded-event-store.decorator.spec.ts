import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { newEvent } from './conformance/event-store.conformance';
import { BoundedEventStore, BoundedViewIsReadOnly } from './bounded-event-store.decorator';
import type { RecordedEvent } from './event-envelope';
import { instantNanos, lastSequenceRecordedBy } from './recorded-until';

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<number[]> {
  const sequences: number[] = [];
  for await (const event of iterable) sequences.push(event.sequence);
  return sequences;
}

describe('BoundedEventStore over a real SQLite file', () => {
  let dir: string;
  let inner: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-bounded-'));
    inner = new SqliteEventStore({ file: join(dir, 'events.db'), pollIntervalMs: 20 });
    // Two streams interleaved: sequences 0..9, stream a holds the even ones.
    for (let i = 0; i < 10; i++) await inner.append(i % 2 === 0 ? 'stream-a' : 'stream-b', [newEvent({ i })], 'any');
  });
  afterEach(async () => {
    await inner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the ledger through the bound, inclusive, and nothing after it', async () => {
    const bounded = new BoundedEventStore(inner, 6);
    expect(await bounded.lastSequence()).toBe(6);
    expect((await bounded.readAll(0, 100)).map((e) => e.sequence)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect((await bounded.readAll(5, 100)).map((e) => e.sequence)).toEqual([5, 6]);
    expect((await bounded.readAll(2, 3)).map((e) => e.sequence)).toEqual([2, 3, 4]);
    expect(await bounded.readAll(7, 100)).toEqual([]);
    expect((await bounded.readStream('stream-a')).map((e) => e.sequence)).toEqual([0, 2, 4, 6]);
    expect((await bounded.readStream('stream-b', 1)).map((e) => e.sequence)).toEqual([3, 5]);
  });

  it('returns the events exactly as the store holds them', async () => {
    const bounded = new BoundedEventStore(inner, 9);
    expect(await bounded.readAll(0, 100)).toEqual(await inner.readAll(0, 100));
  });

  it('reports the ledger’s own end when the bound lies beyond it', async () => {
    expect(await new BoundedEventStore(inner, 500).lastSequence()).toBe(9);
    expect(await new BoundedEventStore(inner, -1).lastSequence()).toBe(-1);
    expect(await new BoundedEventStore(inner, -1).readAll(0, 10)).toEqual([]);
  });

  it('ends a subscription at the bound instead of following the live log', async () => {
    const bounded = new BoundedEventStore(inner, 4);
    expect(await collect(bounded.subscribe(2))).toEqual([2, 3, 4]);
    expect(await collect(bounded.subscribe(5))).toEqual([]);
    // An append after the bound is never delivered, and the iterator does not wait for it.
    await inner.append('stream-a', [newEvent()], 'any');
    expect(await collect(bounded.subscribe(0))).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes no appends and writes nothing', async () => {
    const bounded = new BoundedEventStore(inner, 4);
    await expect(bounded.append('stream-a', [newEvent()], 'any')).rejects.toThrow(BoundedViewIsReadOnly);
    await expect(bounded.append('stream-a', [newEvent()], 'any')).rejects.toThrow('through sequence 4');
    expect(await inner.lastSequence()).toBe(9);
  });

  it('refuses a bound that is not a sequence', () => {
    expect(() => new BoundedEventStore(inner, -2)).toThrow(RangeError);
    expect(() => new BoundedEventStore(inner, 1.5)).toThrow(RangeError);
  });
});

describe('lastSequenceRecordedBy (as the ledger knew it at a time)', () => {
  let dir: string;
  let inner: SqliteEventStore;
  const recordedAt: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-recorded-until-'));
    inner = new SqliteEventStore({ file: join(dir, 'events.db') });
    for (let i = 0; i < 3; i++) {
      // occurredAt far in the past: the bound must look at recordedAt, never at occurredAt.
      const { events } = await inner.append(`stream-${i}`, [newEvent({ i }, { occurredAt: '2017-08-28T23:40:00Z' })], 'no-stream');
      recordedAt.push(events[0].recordedAt);
      await new Promise((done) => setTimeout(done, 5));
    }
  });
  afterAll(async () => {
    await inner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const shift = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

  it('includes every event recorded at or before the instant', async () => {
    expect(await lastSequenceRecordedBy(inner, recordedAt[1])).toBe(1);
    expect(await lastSequenceRecordedBy(inner, shift(recordedAt[1], 1))).toBe(1);
    expect(await lastSequenceRecordedBy(inner, shift(recordedAt[1], -1))).toBe(0);
    expect(await lastSequenceRecordedBy(inner, shift(recordedAt[2], 60_000))).toBe(2);
  });

  it('is -1 before the first event, whatever the events say about when they occurred', async () => {
    expect(await lastSequenceRecordedBy(inner, shift(recordedAt[0], -1))).toBe(-1);
    expect(await lastSequenceRecordedBy(inner, '2017-08-29T00:00:00Z')).toBe(-1);
  });

  it('compares instants across offsets and precisions exactly', () => {
    expect(instantNanos('2018-02-01T10:00:00-06:00')).toBe(instantNanos('2018-02-01T16:00:00Z'));
    expect(instantNanos('2018-02-01T16:00Z')).toBe(instantNanos('2018-02-01T16:00:00.000000000Z'));
    expect(instantNanos('2018-02-01T16:00:00.0000001Z') - instantNanos('2018-02-01T16:00:00Z')).toBe(100n);
    expect(() => instantNanos('2018-02-01')).toThrow(/ISO-8601/);
  });
});
