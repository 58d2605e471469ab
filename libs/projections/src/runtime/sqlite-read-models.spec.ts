import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { newEvent } from '@ledger/event-store/conformance';
import { DependencyError } from './dependency-order';
import { ProjectionRunner } from './projection-runner';
import { openReadModelDatabase } from './read-model-database';
import { ReadModelsNotReady } from './read-model-errors';
import type { SqliteProjection } from './sqlite-projection';
import { SqliteReadModels, readModelsPosition } from './sqlite-read-models';

/** Counts events. */
const counter: SqliteProjection = {
  name: 'counter',
  version: 1,
  setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS counter (n INTEGER NOT NULL); INSERT INTO counter SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM counter)'),
  drop: (db) => db.exec('DROP TABLE IF EXISTS counter'),
  apply: (db) => void db.exec('UPDATE counter SET n = n + 1'),
};

/** Reads the counter's table at each event, as the data-request read model reads the legislation's. */
const reader: SqliteProjection = {
  name: 'reader',
  version: 1,
  dependsOn: ['counter'],
  setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS seen (sequence INTEGER PRIMARY KEY, counted INTEGER NOT NULL)'),
  drop: (db) => db.exec('DROP TABLE IF EXISTS seen'),
  apply: (db, event) => void db.prepare('INSERT INTO seen SELECT ?, n FROM counter').run(event.sequence),
};

describe('SqliteReadModels (real SQLite files)', () => {
  let dir: string;
  let store: SqliteEventStore;
  const opened: Database.Database[] = [];
  const openDb = (name: string) => {
    const db = openReadModelDatabase(join(dir, name));
    opened.push(db);
    return db;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-read-models-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
    for (let i = 0; i < 23; i++) await store.append('s', [newEvent({ i })], 'any');
  });
  afterAll(async () => {
    for (const db of opened) db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies each event to a projection after those it depends on, so what it reads is as of that event, whatever the batch size', async () => {
    const seenWith = async (batchSize: number, file: string) => {
      const db = openDb(file);
      // Listed in the "wrong" order on purpose: the declared dependency decides.
      await new ProjectionRunner({ store, consumers: [new SqliteReadModels(db, [reader, counter])], upcast: (e) => e, batchSize }).catchUp();
      return db.prepare('SELECT sequence, counted FROM seen ORDER BY sequence').all();
    };
    const oneByOne = await seenWith(1, 'one.db');
    expect(oneByOne).toEqual(Array.from({ length: 23 }, (_, sequence) => ({ sequence, counted: sequence + 1 })));
    expect(await seenWith(10, 'ten.db')).toEqual(oneByOne);
    expect(await seenWith(500, 'all.db')).toEqual(oneByOne);
  });

  it('refuses at construction a projection that depends on one not in the file, or on each other in a cycle', () => {
    const db = openDb('refused.db');
    expect(() => new SqliteReadModels(db, [reader])).toThrow(new DependencyError('projection reader depends on counter, which is not among them'));
    const loop = { ...counter, dependsOn: ['reader'] };
    expect(() => new SqliteReadModels(db, [loop, reader])).toThrow('projections depend on each other in a cycle: counter -> reader -> counter');
  });

  it('says which point of the ledger a file shows, and refuses one that no single point describes', async () => {
    const db = openDb('position.db');
    expect(() => readModelsPosition(db, [counter])).toThrow(new ReadModelsNotReady('the read models have not been built yet'));
    const consumer = new SqliteReadModels(db, [counter, reader]);
    const runner = new ProjectionRunner({ store, consumers: [consumer], upcast: (e) => e });
    await runner.catchUp();
    expect(readModelsPosition(db, [counter, reader])).toBe(22);
    // Built by another version of the ledger:
    expect(() => readModelsPosition(db, [{ ...counter, version: 2 }])).toThrow('read model counter is v1, this version of the ledger reads v2');
    expect(() => readModelsPosition(db, [{ ...counter, name: 'other' }])).toThrow('read model other is missing');
    // Part-way through rebuilding one projection:
    db.prepare("UPDATE projection_checkpoints SET sequence = 5 WHERE name = 'reader'").run();
    expect(() => readModelsPosition(db, [counter, reader])).toThrow('the read models are being rebuilt (they stand at sequences 5, 22)');
  });
});
