import type Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/event-store';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { newEvent } from '@ledger/event-store/conformance';
import { EventLogQueries } from '../event-log/event-log.queries';
import { eventLogProjection } from '../event-log/event-log.projection';
import { DependencyError } from './dependency-order';
import type { LogBatch, LogConsumer } from './log-consumer';
import { ProjectionRunner, ReadModelsUnavailable, type RunnerLog } from './projection-runner';
import { openReadModelDatabase } from './read-model-database';
import type { SqliteProjection } from './sqlite-projection';
import { SqliteReadModels } from './sqlite-read-models';

/** Counts events per stream; the PRIMARY KEY on sequence makes a double apply throw. */
function tallyProjection(version = 1, failOn?: number): SqliteProjection {
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

/**
 * A consumer that is not a read model: a file of its own holding the sequences it has seen (as a
 * Merkle tree would hold leaves) with its checkpoint, rewritten whole and renamed into place, so
 * both are durable together.
 */
class FileConsumer implements LogConsumer {
  readonly version = 1;
  readonly calls: number[][] = [];
  failWith: string | null = null;

  constructor(
    private readonly file: string,
    readonly name = 'leaves',
    readonly gatesReadYourWrites = false,
    readonly dependsOn: string[] = [],
  ) {}

  open(): number {
    return this.state().through;
  }

  handleBatch({ events }: LogBatch): void {
    if (this.failWith) throw new Error(this.failWith);
    this.calls.push(events.map((e) => e.sequence));
    const state = this.state();
    const next = { version: this.version, through: events[events.length - 1].sequence, leaves: [...state.leaves, ...events.map((e) => e.leafHash)] };
    writeFileSync(`${this.file}.partial`, JSON.stringify(next));
    renameSync(`${this.file}.partial`, this.file);
  }

  reset(): void {
    rmSync(this.file, { force: true });
  }

  state(): { through: number; leaves: string[] } {
    if (!existsSync(this.file)) return { through: -1, leaves: [] };
    const stored = JSON.parse(readFileSync(this.file, 'utf8'));
    return stored.version === this.version ? stored : { through: -1, leaves: [] };
  }
}

const markUpcast = (event: RecordedEvent): RecordedEvent => ({ ...event, data: { ...(event.data as object), upcast: true } });
const quietLog = (messages: string[] = []): RunnerLog => ({
  error: (message) => messages.push(`error: ${message}`),
  info: (message) => messages.push(`info: ${message}`),
});

describe('ProjectionRunner (real SQLite files)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModelFile: string;
  const opened: Database.Database[] = [];

  function openDb() {
    const db = openReadModelDatabase(readModelFile);
    opened.push(db);
    return db;
  }
  function open(projections: SqliteProjection[], batchSize?: number) {
    const db = openDb();
    return { db, runner: new ProjectionRunner({ store, consumers: [new SqliteReadModels(db, projections)], upcast: markUpcast, batchSize }) };
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
    const db = openDb();
    const broken = new ProjectionRunner({ store, consumers: [new SqliteReadModels(db, [tallyProjection(1, 17)])], upcast: markUpcast, batchSize: 10, log: quietLog() });
    await expect(broken.catchUp()).rejects.toThrow('projection bug at 17');
    expect(broken.appliedThrough).toBe(9);
    expect(count(db)).toBe(10);
    close(db);
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

  it('tells onApplied listeners each batch once it is committed, in order', async () => {
    const { db, runner } = open([tallyProjection()]);
    const heard: Array<{ sequences: number[]; inReadModel: number }> = [];
    runner.onApplied((events) => heard.push({ sequences: events.map((e) => e.sequence), inReadModel: count(db) }));
    await runner.catchUp();
    runner.start();
    const { sequences } = await store.append('live', [newEvent(), newEvent()], 'no-stream');
    await runner.waitFor(sequences[1]);
    await runner.stop();
    expect(heard.flatMap((h) => h.sequences)).toEqual([...Array(25).keys(), 25, 26]);
    // Each listener call sees its events in the read model already.
    for (const { sequences: seen, inReadModel } of heard) expect(inReadModel).toBeGreaterThanOrEqual(seen[seen.length - 1] + 1);
  });

  it('rejects waiters when a projection fails while following, and says why until it recovers', async () => {
    const db = openDb();
    const runner = new ProjectionRunner({ store, consumers: [new SqliteReadModels(db, [tallyProjection(1, 25)])], upcast: markUpcast, log: quietLog() });
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
    const flaky: SqliteProjection = {
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
    const db = openDb();
    const runner = new ProjectionRunner({ store, consumers: [new SqliteReadModels(db, [flaky])], upcast: markUpcast, retryDelayMs: 10, log: quietLog(messages) });
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

  describe('a consumer that is not a SQLite read model', () => {
    const leavesFile = () => join(dir, 'leaves.json');

    it('is driven by the same runner from its own checkpoint, and resumes from it after a restart', async () => {
      const db = openDb();
      const first = new FileConsumer(leavesFile());
      const runner = new ProjectionRunner({ store, consumers: [new SqliteReadModels(db, [tallyProjection()]), first], upcast: markUpcast, batchSize: 10 });
      await runner.catchUp();
      expect(first.state().through).toBe(24);
      expect(first.state().leaves).toEqual((await store.readAll(0, 100)).map((e) => e.leafHash));
      close(db);

      // The read models are thrown away; the consumer's own store is not.
      rmSync(readModelFile);
      for (let i = 0; i < 3; i++) await store.append('later', [newEvent({ i })], 'any');
      const again = new FileConsumer(leavesFile());
      const fresh = openDb();
      const restarted = new ProjectionRunner({ store, consumers: [new SqliteReadModels(fresh, [tallyProjection()]), again], upcast: markUpcast, batchSize: 10 });
      expect(restarted.positionOf('leaves')).toBe(24);
      expect(restarted.positionOf('read-models')).toBe(-1);
      await restarted.catchUp();
      // The read models were rebuilt from 0; the consumer was fed only what it had not seen.
      expect(count(fresh)).toBe(28);
      expect(again.calls).toEqual([[25, 26, 27]]);
      expect(again.state().leaves).toHaveLength(28);
    });

    it('gets events as stored, whatever the read models are given', async () => {
      const seen: RecordedEvent[] = [];
      const spy: LogConsumer = { name: 'spy', version: 1, open: () => -1, reset: () => undefined, handleBatch: ({ events }) => void seen.push(...events) };
      await new ProjectionRunner({ store, consumers: [spy], upcast: markUpcast }).catchUp();
      expect(seen).toEqual(await store.readAll(0, 100));
    });

    it('never holds commands up when it does not gate read-your-writes: left behind on failure, fed again with the next batch', async () => {
      const messages: string[] = [];
      const db = openDb();
      const leaves = new FileConsumer(leavesFile());
      const runner = new ProjectionRunner({ store, consumers: [leaves, new SqliteReadModels(db, [tallyProjection()])], upcast: markUpcast, log: quietLog(messages) });
      await runner.catchUp();
      leaves.failWith = 'tree store unreachable';
      runner.start();
      const first = await store.append('live', [newEvent()], 'no-stream');
      await runner.waitFor(first.sequences[0]);
      expect(count(db)).toBe(26);
      expect(runner.unavailable).toBeNull();
      expect(runner.positionOf('leaves')).toBe(24);
      expect(messages).toEqual([expect.stringMatching(/^error: log consumer leaves cannot follow the log: tree store unreachable; the others go on/)]);

      leaves.failWith = null;
      const second = await store.append('live', [newEvent()], 'exists');
      await runner.waitFor(second.sequences[0]);
      for (let i = 0; i < 100 && runner.positionOf('leaves') < 26; i++) await new Promise((done) => setTimeout(done, 10));
      await runner.stop();
      // It read what it missed from its own checkpoint, then the new batch: nothing skipped or doubled.
      expect(leaves.calls.slice(-2)).toEqual([[25], [26]]);
      expect(leaves.state().leaves).toEqual((await store.readAll(0, 100)).map((e) => e.leafHash));
      expect(messages[1]).toMatch(/^info: log consumer leaves follows the log again \(through sequence 26\)/);
    });

    it('catches up a consumer left far behind one batch per round, never holding up the others', async () => {
      const db = openDb();
      const leaves = new FileConsumer(leavesFile());
      leaves.failWith = 'down';
      const runner = new ProjectionRunner({ store, consumers: [leaves, new SqliteReadModels(db, [tallyProjection()])], upcast: markUpcast, batchSize: 4, log: quietLog() });
      await runner.catchUp();
      expect([runner.appliedThrough, runner.positionOf('leaves')]).toEqual([24, -1]);

      leaves.failWith = null;
      runner.start();
      const live = await store.append('live', [newEvent()], 'no-stream');
      await runner.waitFor(live.sequences[0]);
      // The read models took the new event at once; the consumer got one batch of what it missed.
      expect([runner.appliedThrough, runner.positionOf('leaves')]).toEqual([25, 3]);
      await runner.stop();
      await runner.catchUp();
      expect(runner.positionOf('leaves')).toBe(25);
      expect(leaves.state().leaves).toEqual((await store.readAll(0, 100)).map((e) => e.leafHash));
    });

    it('keeps appliedThrough at the consumers that gate read-your-writes', async () => {
      const db = openDb();
      const leaves = new FileConsumer(leavesFile());
      leaves.failWith = 'down';
      const runner = new ProjectionRunner({ store, consumers: [new SqliteReadModels(db, [tallyProjection()]), leaves], upcast: markUpcast, log: quietLog() });
      await runner.catchUp();
      expect(runner.appliedThrough).toBe(24);
      expect(runner.positionOf('leaves')).toBe(-1);
    });
  });

  describe('consumers that read each other (dependsOn)', () => {
    it('feeds each batch to a consumer after those it depends on, whatever the list order', async () => {
      const order: string[] = [];
      const recording = (name: string, dependsOn: string[] = []): LogConsumer => ({
        name,
        version: 1,
        dependsOn,
        open: () => -1,
        reset: () => undefined,
        handleBatch: () => void order.push(name),
      });
      const runner = new ProjectionRunner({
        store,
        consumers: [recording('report', ['totals', 'index']), recording('totals', ['index']), recording('index'), recording('other')],
        upcast: markUpcast,
        batchSize: 25,
      });
      await runner.catchUp();
      expect(order).toEqual(['index', 'totals', 'report', 'other']);
    });

    it('refuses at construction a cycle, an unknown name, a duplicate, and a gating consumer that waits on one that does not gate', () => {
      const consumer = (name: string, dependsOn: string[] = [], gatesReadYourWrites = true): LogConsumer => ({
        name, version: 1, dependsOn, gatesReadYourWrites, open: () => -1, reset: () => undefined, handleBatch: () => undefined,
      });
      const runner = (consumers: LogConsumer[]) => () => new ProjectionRunner({ store, consumers, upcast: markUpcast });
      expect(runner([consumer('a', ['c']), consumer('b', ['a']), consumer('c', ['b'])])).toThrow(
        new DependencyError('consumers depend on each other in a cycle: a -> c -> b -> a'),
      );
      expect(runner([consumer('a', ['nobody'])])).toThrow('consumer a depends on nobody, which is not among them');
      expect(runner([consumer('a'), consumer('a')])).toThrow('two consumers are named a');
      expect(runner([consumer('tree', [], false), consumer('read-models', ['tree'])])).toThrow(
        'consumer read-models gates read-your-writes but depends on tree, which does not',
      );
      expect(runner([])).toThrow(DependencyError);
    });
  });
});
