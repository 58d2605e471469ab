import Database from 'better-sqlite3';

/** What the log keeps about itself beside its tiles: the tree size, and who signs it for which origin. */
export interface LogState {
  /** the layout and leaf definition the tiles were built with (TiledLog.VERSION) */
  version: number;
  /** leaves in the tree: the sequence of the last event appended, plus one */
  size: number;
  /** the checkpoints' origin line; null until the first checkpoint */
  origin: string | null;
  /** the key ID (hex) of the key the checkpoints were signed with; null until the first checkpoint */
  keyId: string | null;
}

export interface StoredCheckpoint {
  treeSize: number;
  rootHash: Uint8Array;
  /** the signed note, as served */
  note: string;
  signedAt: string;
}

/**
 * The transparency log's own durable store (`log.db` in the data dir): hash tiles as
 * c2sp.org/tlog-tiles lays them out (each tile's hashes concatenated, the latest partial tile of a
 * level kept as the prefix it has grown to), the tree size, and every checkpoint signed. Apart from
 * the read models, so that rebuilding those never touches the log, and apart from the events, which
 * the log is built from and checked against.
 */
export class LogStore {
  private readonly db: Database.Database;

  /** Opens (and creates when missing) the log's store for the process that keeps the log. */
  constructor(file: string);
  /** A store opened by `openReadOnly`. */
  constructor(db: Database.Database);
  constructor(source: string | Database.Database) {
    if (typeof source !== 'string') {
      this.db = source;
      return;
    }
    this.db = new Database(source);
    this.db.pragma('journal_mode = WAL');
    // Tiles are the log's own record of what was proven to whom: synced with every batch.
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS log_state (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        size    INTEGER NOT NULL,
        origin  TEXT,
        key_id  TEXT
      );
      CREATE TABLE IF NOT EXISTS log_tiles (
        level  INTEGER NOT NULL,
        idx    INTEGER NOT NULL,
        hashes BLOB NOT NULL,
        PRIMARY KEY (level, idx)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS log_checkpoints (
        tree_size INTEGER PRIMARY KEY,
        root_hash BLOB NOT NULL,
        note      TEXT NOT NULL,
        signed_at TEXT NOT NULL
      );
    `);
  }

  /**
   * The store as it is, read-only (`ledger verify`, beside a running server): nothing is created,
   * migrated or started over, and a missing file is an error. Read inside `snapshot` to see one
   * consistent state of a store another process is writing.
   */
  static openReadOnly(file: string): LogStore {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return new LogStore(db);
  }

  /**
   * Runs `read` in one read transaction: every read in it sees the store as of its first read
   * (WAL snapshot), whatever a writer commits meanwhile, so the size, tiles and checkpoints agree.
   */
  snapshot<T>(read: () => T): T {
    return this.db.transaction(read)();
  }

  state(): LogState | null {
    const row = this.db.prepare('SELECT version, size, origin, key_id AS keyId FROM log_state WHERE id = 1').get() as LogState | undefined;
    return row ?? null;
  }

  /** Forgets every tile and checkpoint: a log of another version starts over (see TiledLog.open). */
  startOver(version: number): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM log_tiles; DELETE FROM log_checkpoints; DELETE FROM log_state');
      this.db.prepare('INSERT INTO log_state (id, version, size) VALUES (1, ?, 0)').run(version);
    })();
  }

  /** the stored hashes of tile (level, index), as many as it holds (a partial tile is a prefix) */
  tile(level: number, index: number): Uint8Array | null {
    const row = this.db.prepare('SELECT hashes FROM log_tiles WHERE level = ? AND idx = ?').pluck().get(level, index) as Buffer | undefined;
    return row ? new Uint8Array(row.buffer, row.byteOffset, row.byteLength) : null;
  }

  /** Writes the tiles that grew and the new size in one transaction. */
  saveGrowth(tiles: ReadonlyArray<{ level: number; index: number; hashes: Uint8Array }>, size: number): void {
    const put = this.db.prepare('INSERT OR REPLACE INTO log_tiles (level, idx, hashes) VALUES (?, ?, ?)');
    const grow = this.db.prepare('UPDATE log_state SET size = ? WHERE id = 1');
    this.db.transaction(() => {
      for (const tile of tiles) put.run(tile.level, tile.index, Buffer.from(tile.hashes.buffer, tile.hashes.byteOffset, tile.hashes.byteLength));
      grow.run(size);
    })();
  }

  /** Keeps a signed checkpoint, and the origin and key that signed it (the first time). */
  saveCheckpoint(checkpoint: StoredCheckpoint, origin: string, keyId: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT OR IGNORE INTO log_checkpoints (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)')
        .run(checkpoint.treeSize, Buffer.from(checkpoint.rootHash), checkpoint.note, checkpoint.signedAt);
      this.db.prepare('UPDATE log_state SET origin = ?, key_id = ? WHERE id = 1').run(origin, keyId);
    })();
  }

  latestCheckpoint(): StoredCheckpoint | null {
    return this.checkpointRow('SELECT tree_size, root_hash, note, signed_at FROM log_checkpoints ORDER BY tree_size DESC LIMIT 1');
  }

  /** every checkpoint signed, oldest first (ledger verify checks each and their consistency) */
  checkpoints(): StoredCheckpoint[] {
    return (this.db.prepare('SELECT tree_size, root_hash, note, signed_at FROM log_checkpoints ORDER BY tree_size').all() as CheckpointRow[]).map(toCheckpoint);
  }

  close(): void {
    this.db.close();
  }

  private checkpointRow(sql: string): StoredCheckpoint | null {
    const row = this.db.prepare(sql).get() as CheckpointRow | undefined;
    return row ? toCheckpoint(row) : null;
  }
}

interface CheckpointRow {
  tree_size: number;
  root_hash: Buffer;
  note: string;
  signed_at: string;
}

function toCheckpoint(row: CheckpointRow): StoredCheckpoint {
  return { treeSize: row.tree_size, rootHash: new Uint8Array(row.root_hash), note: row.note, signedAt: row.signed_at };
}
