import type Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { newEvent } from '@ledger/event-store/conformance';
import { eventLogProjection } from '../event-log/event-log.projection';
import { ProjectionRunner } from './projection-runner';
import { buildReadModelFile, openReadModelDatabase, openReadModelDatabaseReadOnly, partialFileOf, readConsistently } from './read-model-database';
import { ReadModelsDamaged, ReadModelsInUse, ReadModelsNotReady } from './read-model-errors';
import { ownerLockFile } from './read-model-owner';
import type { SqliteProjection } from './sqlite-projection';
import { SqliteReadModels, readModelsPosition } from './sqlite-read-models';

/** One row per event, in a second table: a reader that sees it disagree with the event log saw half a batch. */
const mirror: SqliteProjection = {
  name: 'mirror',
  version: 1,
  setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS mirror (sequence INTEGER PRIMARY KEY)'),
  drop: (db) => db.exec('DROP TABLE IF EXISTS mirror'),
  apply: (db, event) => void db.prepare('INSERT INTO mirror VALUES (?)').run(event.sequence),
};

describe('read-model database: one owner writes, other connections read', () => {
  let dir: string;
  let file: string;
  const opened: Database.Database[] = [];
  const track = (db: Database.Database) => (opened.push(db), db);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-read-model-db-'));
    file = join(dir, 'read-models.db');
  });
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets one connection own the file at a time, and gives ownership up when it closes', () => {
    const owner = track(openReadModelDatabase(file));
    expect(() => openReadModelDatabase(file, { waitMs: 50 })).toThrow(ReadModelsInUse);
    expect(() => openReadModelDatabase(file, { waitMs: 0 })).toThrow(`the read models in ${file} are in use by another process`);
    // Readers are not owners: they open beside it.
    const reader = track(openReadModelDatabaseReadOnly(file));
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    owner.close();
    track(openReadModelDatabase(file, { waitMs: 0 }));
    // The lock lives in a file of its own beside the read models.
    expect(existsSync(ownerLockFile(file))).toBe(true);
  });

  it('keeps the read-model file writable only by its owner', () => {
    const owner = track(openReadModelDatabase(file));
    owner.exec('CREATE TABLE t (x)');
    const reader = track(openReadModelDatabaseReadOnly(file));
    expect(() => reader.exec('INSERT INTO t VALUES (1)')).toThrow(/readonly/);
  });

  it('refuses a damaged file unless told to recreate it, and starts from nothing when asked (rebuild)', () => {
    writeFileSync(file, 'this is not a database '.repeat(500));
    expect(() => openReadModelDatabase(file)).toThrow(ReadModelsDamaged);
    // A refusal leaves ownership free.
    const heard: string[] = [];
    const recreated = track(openReadModelDatabase(file, { waitMs: 0, onDamaged: (damage) => heard.push(damage.reason) }));
    expect(heard).toHaveLength(1);
    recreated.exec('CREATE TABLE kept (x); INSERT INTO kept VALUES (1)');
    recreated.close();
    const fresh = track(openReadModelDatabase(file, { fresh: true }));
    expect(fresh.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'kept'").pluck().get()).toBe(0);
  });

  it('remakes an owner lock file that is not a database: it holds nothing but the lock', () => {
    writeFileSync(ownerLockFile(file), 'garbage '.repeat(1000));
    const owner = track(openReadModelDatabase(file));
    expect(() => openReadModelDatabase(file, { waitMs: 0 })).toThrow(ReadModelsInUse);
    owner.close();
  });

  it('tells a reader plainly when there are no read models yet', () => {
    expect(() => openReadModelDatabaseReadOnly(file)).toThrow(ReadModelsNotReady);
    expect(() => openReadModelDatabaseReadOnly(file)).toThrow(`there are no read models to read in ${file}`);
  });

  it('shows a reader one point of the ledger for a whole read transaction while the runner commits batch after batch', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    try {
      for (let i = 0; i < 40; i++) await store.append(`s-${i % 3}`, [newEvent({ i })], 'any');
      const owner = track(openReadModelDatabase(file));
      const projections = [eventLogProjection, mirror];
      const runner = new ProjectionRunner({ store, consumers: [new SqliteReadModels(owner, projections)], upcast: (e) => e, batchSize: 5 });
      const reader = track(openReadModelDatabaseReadOnly(file));
      const look = () => ({
        through: readModelsPosition(reader, projections),
        logged: reader.prepare('SELECT COUNT(*) FROM ledger_events').pluck().get(),
        mirrored: reader.prepare('SELECT COUNT(*) FROM mirror').pluck().get(),
      });

      const views: Array<ReturnType<typeof look>> = [];
      await runner.catchUp(({ applied }) => {
        // After the owner's second commit a read transaction starts; it is still open after its sixth.
        if (applied === 10) {
          reader.exec('BEGIN');
          views.push(look());
        }
        if (applied === 30) {
          views.push(look());
          reader.exec('COMMIT');
        }
      });
      expect(views).toEqual([
        { through: 9, logged: 10, mirrored: 10 },
        { through: 9, logged: 10, mirrored: 10 },
      ]);
      // A new transaction sees the newest commit, all of it.
      expect(readConsistently(reader, look)).toEqual({ through: 39, logged: 40, mirrored: 40 });
    } finally {
      await store.close();
    }
  });
});

describe('read-model database: a file built offline and swapped in whole', () => {
  let dir: string;
  let file: string;
  const opened: Database.Database[] = [];
  const track = (db: Database.Database) => (opened.push(db), db);
  const build = (rows: number) => async (db: Database.Database) => {
    db.exec('CREATE TABLE mirror (sequence INTEGER PRIMARY KEY)');
    const insert = db.prepare('INSERT INTO mirror VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(i);
    })();
  };
  const rowsIn = (db: Database.Database) => db.prepare('SELECT COUNT(*) FROM mirror').pluck().get();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-read-model-build-'));
    file = join(dir, 'read-models.db');
  });
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the old file and its WAL only once the new one is complete, in WAL mode as the owner opens it', async () => {
    const old = openReadModelDatabase(file);
    old.exec('CREATE TABLE mirror (sequence INTEGER PRIMARY KEY); INSERT INTO mirror VALUES (-1)');
    old.close();
    writeFileSync(`${file}-wal`, 'a stale WAL that must not be applied to the new file');
    await buildReadModelFile(file, build(3));
    expect(existsSync(partialFileOf(file))).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const owner = track(openReadModelDatabase(file));
    expect(owner.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(rowsIn(owner)).toBe(3);
  });

  it('leaves the old file as it was, and no partial file, when the build fails', async () => {
    const old = openReadModelDatabase(file);
    old.exec('CREATE TABLE mirror (sequence INTEGER PRIMARY KEY); INSERT INTO mirror VALUES (-1)');
    old.close();
    const failing = async (db: Database.Database) => {
      await build(2)(db);
      throw new Error('projection bug');
    };
    await expect(buildReadModelFile(file, failing)).rejects.toThrow('projection bug');
    expect(existsSync(partialFileOf(file))).toBe(false);
    expect(rowsIn(track(openReadModelDatabase(file)))).toBe(1);
  });

  it('starts over from a partial file an interrupted build left, which is never opened as the read models', async () => {
    writeFileSync(partialFileOf(file), 'what a build killed part-way left');
    expect(existsSync(file)).toBe(false);
    await buildReadModelFile(file, build(2));
    expect(rowsIn(track(openReadModelDatabase(file)))).toBe(2);
  });

  it('is refused while another connection owns the file', async () => {
    track(openReadModelDatabase(file));
    await expect(buildReadModelFile(file, build(1), { waitMs: 0 })).rejects.toThrow(ReadModelsInUse);
    expect(existsSync(partialFileOf(file))).toBe(false);
  });
});
