import type Database from 'better-sqlite3';

/** The tokens read model: one row per token this ledger minted, with its revocation if any. */
export function createTokenTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS tokens (
      id             TEXT PRIMARY KEY,
      sequence       INTEGER NOT NULL UNIQUE,
      actor_id       TEXT NOT NULL,
      name           TEXT NOT NULL,
      role           TEXT NOT NULL,
      issued_at      TEXT NOT NULL,
      expires_at     TEXT NOT NULL,
      issued_by      TEXT NOT NULL,
      revoked_at     TEXT,
      revoked_by     TEXT,
      revoked_reason TEXT
    );
  `);
}

export function dropTokenTables(db: Database.Database): void {
  db.exec('DROP TABLE IF EXISTS tokens;');
}
