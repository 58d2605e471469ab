import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { ReadModelsInUse, isBusyError, isDamageError } from './read-model-errors';

/** read-models.db -> read-models.db.owner: the lock whose holder alone writes the read models. */
export function ownerLockFile(readModelsFile: string): string {
  return `${readModelsFile}.owner`;
}

/**
 * Who writes a read-model file: one process (a server, or the CLI when no server runs), while any
 * number of others read it. The read-model file itself is in WAL mode with normal locking, so
 * readers never wait for the owner; ownership is this separate lock instead: an exclusive lock on
 * a tiny SQLite file beside it, held by one connection for as long as it stays open. The operating
 * system drops a process's locks when it dies, kill -9 included, so a crashed owner never leaves
 * the read models locked.
 */
export class ReadModelOwnerLock {
  private constructor(private lock: Database.Database | null) {}

  /**
   * Takes ownership, waiting up to waitMs for a holder that is exiting (a killed rebuild);
   * ReadModelsInUse when another connection, in this process or another, keeps it.
   */
  static acquire(readModelsFile: string, waitMs: number): ReadModelOwnerLock {
    const file = ownerLockFile(readModelsFile);
    try {
      return new ReadModelOwnerLock(lockOn(file, waitMs, readModelsFile));
    } catch (error) {
      if (!isDamageError(error)) throw error;
      // Not a database (overwritten?): it holds nothing but the lock, so it is made anew.
      rmSync(file, { force: true });
      return new ReadModelOwnerLock(lockOn(file, waitMs, readModelsFile));
    }
  }

  release(): void {
    this.lock?.close();
    this.lock = null;
  }
}

function lockOn(file: string, waitMs: number, readModelsFile: string): Database.Database {
  const lock = new Database(file, { timeout: waitMs });
  try {
    // In exclusive locking mode SQLite keeps the lock a write transaction took until the
    // connection closes; BEGIN EXCLUSIVE takes the strongest one, which no other connection can
    // share, and writes nothing.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE; COMMIT;');
    return lock;
  } catch (error) {
    lock.close();
    if (isBusyError(error)) throw new ReadModelsInUse(readModelsFile);
    throw error;
  }
}
