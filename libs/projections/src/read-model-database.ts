import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** Injection token for the read-model SQLite connection. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

export class ReadModelsInUse extends Error {
  constructor(file: string) {
    super(`the read models in ${file} are in use by another process (a running server?): stop it first`);
    this.name = 'ReadModelsInUse';
  }
}

/** The read-model file cannot be read as a database (truncated, overwritten, a bad disk block). */
export class ReadModelsDamaged extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} is damaged (${reason}); the read models are built from the log, so it is safe to delete: ledger rebuild recreates it`);
    this.name = 'ReadModelsDamaged';
  }
}

export interface OpenReadModelsOptions {
  /**
   * How long to wait for a lock another process holds (a rebuild that is still exiting) before
   * reporting the file in use.
   */
  waitMs?: number;
}

// SQLite's result codes for a file that is not (or no longer) a sound database.
const DAMAGE = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE.has(code);
}

/**
 * Opens the read models' own SQLite file. It is disposable (rebuilt from the events at will), so
 * synchronous=NORMAL suffices. The connection takes the file exclusively: exactly one runner owns
 * a set of read models, so a rebuild can never interleave with a running server's projections.
 * The file is checked before use (SQLite's quick_check): a damaged one is refused with
 * ReadModelsDamaged rather than failing query after query later.
 */
export function openReadModelDatabase(file: string, options: OpenReadModelsOptions = {}): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: options.waitMs ?? 5000 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Taking a write lock now makes a second owner fail at start, not at its first write.
    db.exec('BEGIN IMMEDIATE; COMMIT;');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new ReadModelsDamaged(file, String(check));
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      sequence INTEGER NOT NULL
    )`);
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new ReadModelsInUse(file);
    if (isDamageError(error)) throw new ReadModelsDamaged(file, (error as Error).message);
    throw error;
  }
  return db;
}

/** Deletes the read-model file with its WAL and shared-memory files. Only for a file nobody has open. */
export function removeReadModelFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Opens the read models, and recreates them empty when the file is damaged: they are disposable,
 * and the runner then rebuilds them from the log. `onDamaged` hears what was found first.
 */
export function openOrRecreateReadModelDatabase(file: string, onDamaged: (damage: ReadModelsDamaged) => void): Database.Database {
  try {
    return openReadModelDatabase(file);
  } catch (error) {
    if (!(error instanceof ReadModelsDamaged)) throw error;
    onDamaged(error);
    removeReadModelFiles(file);
    return openReadModelDatabase(file);
  }
}

/**
 * Clears the way for a rebuild, whatever state the file is in: refused (ReadModelsInUse) while a
 * server owns it; otherwise the file is deleted, damaged or not, so the rebuild starts from nothing.
 */
export function discardReadModels(file: string): void {
  try {
    openReadModelDatabase(file).close();
  } catch (error) {
    if (!(error instanceof ReadModelsDamaged)) throw error;
  }
  removeReadModelFiles(file);
}
