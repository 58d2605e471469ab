import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { ensurePrivateFile } from './private-file';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subject_keys (
  subject_ref TEXT PRIMARY KEY,
  key BLOB NOT NULL,
  created_at TEXT NOT NULL
);`;

export const SUBJECT_KEY_BYTES = 32;

export interface SubjectKeyStoreOptions {
  /** path of the SQLite file; created (mode 0600) with its directory when missing */
  file: string;
  /** how long to wait for another process (the CLI erasing while the API runs) to release a lock */
  busyTimeoutMs?: number;
  now?: () => Date;
}

/**
 * One random AES-256 key per subject, in a SQLite file of its own, outside the log and the read
 * models, so that erasing a key is a delete in a small file rather than a rewrite of history.
 * Keys are read on every use and never cached: once erased in any process, a key is gone for all.
 */
export class SubjectKeyStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly now: () => Date;

  constructor(options: SubjectKeyStoreOptions) {
    ensurePrivateFile(options.file);
    this.now = options.now ?? (() => new Date());
    // Not locking_mode=EXCLUSIVE: the CLI must be able to erase a key while the API server runs.
    this.db = new Database(options.file);
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // Without it a deleted row's bytes stay in the page until something happens to reuse the space:
    // the key would still be in the file after "erasure".
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    this.statements = {
      find: this.db.prepare<[string], { key: Buffer }>('SELECT key FROM subject_keys WHERE subject_ref = ?'),
      insert: this.db.prepare<[string, Buffer, string]>(
        'INSERT INTO subject_keys (subject_ref, key, created_at) VALUES (?, ?, ?) ON CONFLICT (subject_ref) DO NOTHING',
      ),
      remove: this.db.prepare<[string]>('DELETE FROM subject_keys WHERE subject_ref = ?'),
    };
  }

  /** a copy the caller should zero after use; null when the subject has no key (never had, or erased) */
  find(subjectRef: string): Buffer | null {
    return this.statements.find.get(subjectRef)?.key ?? null;
  }

  /** the subject's key, created on first use; two processes creating it at once agree on one */
  findOrCreate(subjectRef: string): Buffer {
    return this.db
      .transaction(() => {
        const existing = this.find(subjectRef);
        if (existing) return existing;
        const key = randomBytes(SUBJECT_KEY_BYTES);
        this.statements.insert.run(subjectRef, key, this.now().toISOString());
        return key;
      })
      .immediate();
  }

  /**
   * Deletes the key, then checkpoints and truncates the WAL: secure_delete zeroes the row in the
   * page, but until the checkpoint the pre-delete page (key included) is still a frame of the -wal
   * file, and the main file still holds it. Also checkpoints when there was nothing to delete, so
   * that repeating an erasure whose checkpoint was blocked finishes the job.
   */
  remove(subjectRef: string): boolean {
    const removed = this.statements.remove.run(subjectRef).changes > 0;
    this.truncateWal(removed);
    return removed;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private truncateWal(removed: boolean): void {
    // busy_timeout already waits for readers; a few more tries cover a server that keeps reading.
    for (let attempt = 0; attempt < 5; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result.busy === 0) return;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50 * (attempt + 1));
    }
    const what = removed ? 'the subject key was deleted' : 'there was no key to delete';
    throw new Error(`${what}, but another process kept the WAL busy, so earlier copies of erased keys may remain in it until it is checkpointed: erase again`);
  }
}
