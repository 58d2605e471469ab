import type Database from 'better-sqlite3';

/** Tables of the directory read model; voting rules are JSON read back whole. */
export function createDirectoryTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS people (
      id        TEXT PRIMARY KEY,
      name      TEXT NOT NULL,
      sort_name TEXT NOT NULL,
      stream_id TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS organizations (
      id        TEXT PRIMARY KEY,
      name      TEXT NOT NULL,
      kind      TEXT NOT NULL,
      parent_id TEXT,
      rules     TEXT,
      stream_id TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS memberships (
      org_id     TEXT NOT NULL,
      person_id  TEXT NOT NULL,
      role       TEXT NOT NULL,
      start_date TEXT NOT NULL,
      end_date   TEXT,
      PRIMARY KEY (org_id, person_id, role, start_date)
    );
    CREATE INDEX IF NOT EXISTS memberships_by_person ON memberships (person_id, start_date);
    CREATE INDEX IF NOT EXISTS memberships_by_org_date ON memberships (org_id, start_date, end_date);
  `);
}

export function dropDirectoryTables(db: Database.Database): void {
  db.exec('DROP TABLE IF EXISTS memberships; DROP TABLE IF EXISTS organizations; DROP TABLE IF EXISTS people;');
}
