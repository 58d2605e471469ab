import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Injection token for the read-model SQLite connection. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

export class ReadModelsInUse extends Error {
  constructor(file: string) {
    super(`the read models in ${file} are in use by another process (a running server?): stop it first`);
    this.name = 'ReadModelsInUse';
  }
}

/**
 * Opens the read models' own SQLite file. It is disposable (rebuilt from the events at will), so
 * synchronous=NORMAL suffices. The connection takes the file exclusively: exactly one runner owns
 * a set of read models, so a rebuild can never interleave with a running server's projections.
 */
export function openReadModelDatabase(file: string): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Taking a write lock now makes a second owner fail at start, not at its first write.
    db.exec('BEGIN IMMEDIATE; COMMIT;');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new ReadModelsInUse(file);
    throw error;
  }
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    sequence INTEGER NOT NULL
  )`);
  return db;
}
