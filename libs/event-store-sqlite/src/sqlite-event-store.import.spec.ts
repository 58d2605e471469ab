import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidEvent, LedgerNotEmpty, leafHashOf, type RecordedEvent } from '@ledger/event-store';
import { newEvent } from '@ledger/event-store/conformance';
import { SqliteEventStore } from './sqlite-event-store.adapter';

/** A consistent record with other envelope values: its leaf hash recomputed, as a forger would. */
function rehashed(event: RecordedEvent, changes: Partial<RecordedEvent>): RecordedEvent {
  const changed = { ...event, ...changes };
  return { ...changed, leafHash: leafHashOf(changed) };
}

describe('SqliteEventStore.importRecorded (history as it was recorded)', () => {
  let dir: string;
  let source: SqliteEventStore;
  let history: RecordedEvent[];
  const open: SqliteEventStore[] = [];
  const target = (name: string) => {
    const store = new SqliteEventStore({ file: join(dir, name, 'events.db') });
    open.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-import-'));
    source = target('source');
    await source.append('stream-a', [newEvent({ n: 1 }), newEvent({ text: 'é😀', nested: { z: 1, a: [1.5] } })], 'no-stream');
    await new Promise((done) => setTimeout(done, 5));
    await source.append('stream-b', [newEvent({ n: 3 }, { correlationId: 'c-1', causationId: 'c-0' })], 'no-stream');
    await source.append('stream-a', [newEvent({ n: 4 })], 1);
    history = await source.readAll(0, 100);
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reproduces sequences, revisions, recordedAt and leaf hashes exactly', async () => {
    const store = target('copy');
    expect(store.importRecorded(history)).toEqual({ count: 4, lastSequence: 3 });
    expect(await store.readAll(0, 100)).toEqual(history);
    expect(await store.readStream('stream-a')).toEqual(await source.readStream('stream-a'));
    for (const event of await store.readAll(0, 100)) expect(leafHashOf(event)).toBe(event.leafHash);
  });

  it('leaves an ordinary ledger behind: appends continue after the imported history', async () => {
    const store = target('copy');
    store.importRecorded(history);
    const next = await store.append('stream-a', [newEvent()], 2);
    expect(next.events[0]).toMatchObject({ sequence: 4, streamRevision: 3 });
  });

  it('keeps the immutability triggers', async () => {
    const store = target('copy');
    store.importRecorded(history);
    await store.close();
    const db = new Database(join(dir, 'copy', 'events.db'));
    try {
      expect(() => db.prepare("UPDATE events SET data = '{}' WHERE sequence = 0").run()).toThrow(/immutable/);
      expect(() => db.prepare('DELETE FROM events').run()).toThrow(/immutable/);
    } finally {
      db.close();
    }
  });

  it('refuses a store that is not empty, and adds nothing to it', async () => {
    await expect(async () => source.importRecorded(history)).rejects.toThrow(LedgerNotEmpty);
    expect(await source.lastSequence()).toBe(3);
  });

  it.each<[string, (events: RecordedEvent[]) => RecordedEvent[], RegExp]>([
    ['an altered payload', (e) => e.map((x, i) => (i === 2 ? { ...x, data: { n: 30 } } : x)), /sequence 2: leaf hash does not match the envelope \(altered\?\)/],
    ['a missing event', (e) => e.filter((_, i) => i !== 1), /sequence 2 where 1 was expected/],
    ['a history not starting at 0', (e) => e.slice(1), /sequence 1 where 0 was expected/],
    ['a reused eventId', (e) => [...e, rehashed(e[0], { sequence: 4, streamRevision: 3 })], /eventId .* already used at sequence 0/],
    ['a gap in a stream', (e) => [...e, rehashed(e[2], { eventId: newEvent().eventId, sequence: 4, streamRevision: 5 })], /streamRevision 5 of stream stream-b where 1 was expected/],
    ['a malformed envelope', (e) => [rehashed(e[0], { recordedAt: '2026-13-01T00:00:00Z' }), ...e.slice(1)], /sequence 0: recordedAt must be an ISO-8601 instant/],
  ])('refuses %s and writes nothing', async (_, corrupt, message) => {
    const store = target('copy');
    const attempt = () => store.importRecorded(corrupt(history));
    expect(attempt).toThrow(InvalidEvent);
    expect(attempt).toThrow(message);
    expect(await store.lastSequence()).toBe(-1);
  });

  it('writes nothing when the events run out in error halfway', async () => {
    const store = target('copy');
    function* failing() {
      yield history[0];
      yield history[1];
      throw new Error('the file changed underneath');
    }
    expect(() => store.importRecorded(failing())).toThrow('the file changed underneath');
    expect(await store.lastSequence()).toBe(-1);
    expect(store.importRecorded(history).count).toBe(4);
  });
});
