import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReadModelsDamaged, ReadModelsInUse, ReadModelsNotReady, isBusyError, isDamageError } from './read-model-errors';
import { ReadModelOwnerLock } from './read-model-owner';

/** Injection token for the read-model SQLite connection. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

export interface OpenReadModelsOptions {
  /**
   * How long to wait for ownership another process holds (a rebuild that is still exiting) before
   * reporting the file in use; 0 answers at once.
   */
  waitMs?: number;
  /**
   * A damaged file is refused (ReadModelsDamaged) unless this is given: it hears what was found,
   * and the file is recreated empty (the runner then rebuilds it from the log).
   */
  onDamaged?: (damage: ReadModelsDamaged) => void;
  /** Start from nothing, whatever the file holds, damaged or not (ledger rebuild). */
  fresh?: boolean;
}

/**
 * Opens the read models' own SQLite file as their owner, the one process that writes them
 * (ReadModelOwnerLock; ReadModelsInUse while another holds it). Closing the connection gives
 * ownership up. The file is in WAL mode with normal locking, so other processes can read it
 * meanwhile (openReadModelDatabaseReadOnly). It is disposable (rebuilt from the events at will), so
 * synchronous=NORMAL suffices. The file is checked before use (SQLite's quick_check): a damaged one
 * is refused with ReadModelsDamaged, or recreated (onDamaged), rather than failing query after
 * query later.
 */
export function openReadModelDatabase(file: string, options: OpenReadModelsOptions = {}): Database.Database {
  const waitMs = options.waitMs ?? 5000;
  mkdirSync(dirname(file), { recursive: true });
  const owner = ReadModelOwnerLock.acquire(file, waitMs);
  try {
    if (options.fresh) removeReadModelFiles(file);
    const db = openOwned(file, waitMs, options.onDamaged);
    // Ownership lasts exactly as long as the connection, so no caller can forget to give it up.
    const closeConnection = db.close.bind(db);
    Object.assign(db, {
      close: () => {
        try {
          return closeConnection();
        } finally {
          owner.release();
        }
      },
    });
    return db;
  } catch (error) {
    owner.release();
    throw error;
  }
}

function openOwned(file: string, waitMs: number, onDamaged: OpenReadModelsOptions['onDamaged']): Database.Database {
  try {
    return openChecked(file, waitMs);
  } catch (error) {
    if (!(error instanceof ReadModelsDamaged) || !onDamaged) throw error;
    onDamaged(error);
    removeReadModelFiles(file);
    return openChecked(file, waitMs);
  }
}

function openChecked(file: string, waitMs: number): Database.Database {
  const db = new Database(file, { timeout: waitMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new ReadModelsDamaged(file, String(check));
    return db;
  } catch (error) {
    db.close();
    if (isDamageError(error)) throw new ReadModelsDamaged(file, (error as Error).message);
    // Only a process that does not take ownership (an older ledger) could hold the file itself.
    if (isBusyError(error)) throw new ReadModelsInUse(file);
    throw error;
  }
}

/**
 * Opens read models another process may own, to read them: read-only, never waiting for the owner,
 * never changing anything. Read inside readConsistently to see one point of the ledger.
 */
export function openReadModelDatabaseReadOnly(file: string, options: { waitMs?: number } = {}): Database.Database {
  try {
    return new Database(file, { readonly: true, fileMustExist: true, timeout: options.waitMs ?? 5000 });
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') {
      throw new ReadModelsNotReady(`there are no read models to read in ${file} (not built yet, or their owner was closing them): try again`);
    }
    throw error;
  }
}

/**
 * Runs `read` inside one read transaction. In WAL mode every query in it sees the file as its
 * owner had last committed it when the first query ran, whatever the owner commits meanwhile: one
 * point of the ledger, since each of the owner's batches is one transaction.
 */
export function readConsistently<T>(db: Database.Database, read: () => T): T {
  return db.transaction(read)();
}

/**
 * Builds a read-model file from nothing, offline, and puts it in place of `file` only once it is
 * complete and on disk. Holds `file`'s ownership throughout (ReadModelsInUse while a server owns
 * it), so nobody else writes it meanwhile.
 *
 * The file is built under another name (`<file>.partial`) with what only a file nobody reads can
 * afford: no rollback journal, no syncs, exclusive locking, a large page cache. A crash of the
 * process or of the machine part-way leaves at most that partial file, which nothing opens as read
 * models (the next build starts it again), while `file` keeps whatever it held. Once `build`
 * returns, the file is switched to WAL (how openReadModelDatabase opens it), flushed to disk, the
 * old file with its WAL and shared-memory files removed, and the new one renamed into place: a
 * rename is atomic, so `file` is the old read models, none, or the complete new ones. When `build`
 * throws, the partial file is removed and the old one left as it was.
 */
export async function buildReadModelFile(file: string, build: (db: Database.Database) => Promise<void>, options: { waitMs?: number } = {}): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const owner = ReadModelOwnerLock.acquire(file, options.waitMs ?? 5000);
  const partial = partialFileOf(file);
  try {
    removeReadModelFiles(partial);
    const db = new Database(partial);
    try {
      // Without a journal a failed transaction cannot be rolled back; a failed build is thrown away whole instead.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      // This file only: an event store file attached to the build (rebuildReadModels) keeps normal locking.
      db.pragma('main.locking_mode = EXCLUSIVE');
      // 256 MiB: the indexes a rebuild inserts into at random (by stream, by person, by clause) stay in memory.
      db.pragma('cache_size = -262144');
      await build(db);
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    syncToDisk(partial);
    removeReadModelFiles(file);
    renameSync(partial, file);
    syncToDisk(dirname(file));
  } catch (error) {
    removeReadModelFiles(partial);
    throw error;
  } finally {
    owner.release();
  }
}

/** Where buildReadModelFile builds `file` before it is complete. */
export function partialFileOf(file: string): string {
  return `${file}.partial`;
}

/** fsync of a file or a directory (a rename is durable once its directory is synced). */
function syncToDisk(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Deletes the read-model file with its WAL and shared-memory files; only its owner may (never the owner lock). */
function removeReadModelFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
