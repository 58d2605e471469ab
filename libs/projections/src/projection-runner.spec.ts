import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/event-store';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { newEvent } from '../../event-store/src/conformance/event-store.conformance';
import type { Projection } from './projection';
import { ProjectionRunner, ReadModelsUnavailable } from './projection-runner';
import { ReadModelsInUse, openReadModelDatabase } from './read-model-database';
import { EventLogQueries } from './event-log.queries';
import { eventLogProjection } from './projections/event-log.projection';

/** Counts events per stream; the PRIMARY KEY on sequence makes a double apply throw. */
function tallyProjection(version = 1, failOn?: number): Projection {
  return {
    name: 'tally',
    version,
    setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS tally (sequence INTEGER PRIMARY KEY, stream_id TEXT, upcast INTEGER)'),
    drop: (db) => db.exec('DROP TABLE IF EXISTS tally'),
    apply: (db, event) => {
      if (event.sequence === failOn) throw new Error(`projection bug at ${failOn}`);
      db.prepare('INSERT INTO tally VALUES (?, ?, ?)').run(event.sequence, event.streamId, (event.data as { upcast?: boolean }).upcast ? 1 : 0);
    },
  };
}

const markUpcast = (event: RecordedEvent): RecordedEvent => ({ ...event, data: { ...(event.data as object), upcast: true } });

describe('ProjectionRunner (real SQLite files)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModelFile: string;
  const opened: Database.Database[] = [];

  function open(projections: Projection[], batchSize?: number) {
    const db = openReadModelDatabase(readModelFile);
    opened.push(db);
    return { db, runner: new ProjectionRunner({ store, db, projections, upcast: markUpcast, batchSize }) };
  }
  function close(db: Database.Database) {
    db.close();
    opened.splice(opened.indexOf(db), 1);
  }
  const count = (db: Database.Database) => db.prepare('SELECT COUNT(*) FROM tally').pluck().get() as number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-projections-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), pollIntervalMs: 20 });
    readModelFile = join(dir, 'read-models.db');
    for (let i = 0; i < 25; i++) await store.append(`s-${i % 4}`, [newEvent({ i })], 'any');
  });
  afterEach(async () => {
    for (const db of opened.splice(0)) db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up in batches, upcasting for domain projections and not for the event log', async () => {
    const { db, runner } = open([tallyProjection(), eventLogProjection], 10);
    const progress: number[] = [];
    await runner.catchUp((p) => progress.push(p.applied));
    expect(progress).toEqual([10, 20, 25]);
    expect(count(db)).toBe(25);
    expect(db.prepare('SELECT MIN(upcast) FROM tally').pluck().get()).toBe(1);
    const logged = new EventLogQueries(db).page({}, 100, null).events;
    expect(logged).toEqual(await store.readAll(0, 100));
  });

  it('resumes from its checkpoint after a restart without applying an event twice', async () => {
    const first = open([tallyProjection()]);
    await first.runner.catchUp();
    close(first.db);
    for (let i = 0; i < 5; i++) await store.append('later', [newEvent({ i })], 'any');
    const second = open([tallyProjection()]);
    expect(second.runner.appliedThrough).toBe(24);
    await second.runner.catchUp();
    expect(count(second.db)).toBe(30);
  });

  it('rolls back a failing batch with its checkpoint, so nothing is skipped', async () => {
    const broken = open([tallyProjection(1, 17)], 10);
    await expect(broken.runner.catchUp()).rejects.toThrow('projection bug at 17');
    expect(broken.runner.appliedThrough).toBe(9);
    expect(count(broken.db)).toBe(10);
    close(broken.db);
    const fixed = open([tallyProjection(1)], 10);
    await fixed.runner.catchUp();
    expect(count(fixed.db)).toBe(25);
  });

  it('rebuilds a projection from 0 when its version changes', async () => {
    const v1 = open([tallyProjection(1), eventLogProjection]);
    await v1.runner.catchUp();
    close(v1.db);
    const v2 = open([tallyProjection(2), eventLogProjection]);
    expect(count(v2.db)).toBe(0);
    expect(v2.runner.appliedThrough).toBe(-1);
    await v2.runner.catchUp();
    expect(count(v2.db)).toBe(25);
    expect(new EventLogQueries(v2.db).page({}, 100, null).totalCount).toBe(25);
  });

  it('reset replays everything into the same state', async () => {
    const { db, runner } = open([tallyProjection(), eventLogProjection]);
    await runner.catchUp();
    const before = db.prepare('SELECT * FROM tally ORDER BY sequence').all();
    runner.reset();
    expect(count(db)).toBe(0);
    await runner.catchUp();
    expect(db.prepare('SELECT * FROM tally ORDER BY sequence').all()).toEqual(before);
  });

  it('follows live appends and lets a writer wait for its own events (read-your-writes)', async () => {
    const { db, runner } = open([tallyProjection()]);
    runner.start();
    const { sequences } = await store.append('live', [newEvent(), newEvent()], 'no-stream');
    await runner.waitFor(sequences[1]);
    expect(db.prepare('SELECT COUNT(*) FROM tally WHERE stream_id = ?').pluck().get('live')).toBe(2);
    await runner.stop();
  });

  it('rejects waiters when a projection fails while following, and says why until it recovers', async () => {
    const { runner } = open([tallyProjection(1, 25)]);
    runner.start();
    const { sequences } = await store.append('live', [newEvent()], 'no-stream');
    await expect(runner.waitFor(sequences[0])).rejects.toThrow('projection bug at 25');
    expect(runner.unavailable).toEqual({ reason: 'projection bug at 25', since: expect.any(String) });
    // A new waiter learns at once, instead of waiting for its timeout.
    await expect(runner.waitFor(sequences[0])).rejects.toThrow(ReadModelsUnavailable);
    await runner.stop();
  });

  it('retries a failing batch until its cause goes, then follows the log again by itself', async () => {
    let failuresLeft = 3;
    const flaky: Projection = {
      ...tallyProjection(),
      apply: (db, event) => {
        // A full disk: the write fails a few times, then space is freed.
        if (event.streamId === 'live' && failuresLeft > 0) {
          failuresLeft--;
          throw new Error('database or disk is full');
        }
        tallyProjection().apply(db, event);
      },
    };
    const messages: string[] = [];
    const db = openReadModelDatabase(readModelFile);
    opened.push(db);
    const runner = new ProjectionRunner({
      store, db, projections: [flaky], upcast: markUpcast, retryDelayMs: 10,
      log: { error: (message) => messages.push(`error: ${message}`), info: (message) => messages.push(`info: ${message}`) },
    });
    runner.start();
    const { sequences } = await store.append('live', [newEvent(), newEvent()], 'no-stream');
    await expect(runner.waitFor(sequences[1])).rejects.toThrow('database or disk is full');
    expect(runner.unavailable?.reason).toBe('database or disk is full');
    for (let i = 0; i < 100 && runner.unavailable; i++) await new Promise((done) => setTimeout(done, 10));
    expect(runner.unavailable).toBeNull();
    await runner.waitFor(sequences[1]);
    expect(count(db)).toBe(27);
    // Nothing applied twice or skipped: the tally's primary key would have refused a double.
    expect(db.prepare('SELECT COUNT(DISTINCT sequence) FROM tally').pluck().get()).toBe(27);
    // One error line for the cause (not one per retry), one line for the recovery.
    expect(messages.filter((m) => m.startsWith('error:'))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith('info:'))).toEqual([expect.stringMatching(/^info: read models follow the log again/)]);
    await runner.stop();
  });

  it('lets only one process own a set of read models', () => {
    open([tallyProjection()]);
    expect(() => openReadModelDatabase(readModelFile, { waitMs: 50 })).toThrow(ReadModelsInUse);
  });
});
