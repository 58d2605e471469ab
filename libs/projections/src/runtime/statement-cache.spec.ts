import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pluckedStatement, statement } from './statement-cache';

describe('statement cache (real SQLite files)', () => {
  let dir: string;
  const opened: Database.Database[] = [];
  const open = (name: string) => {
    const db = new Database(join(dir, name));
    opened.push(db);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    return db;
  };

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-statement-cache-'))));
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prepares each SQL text once per connection, and keeps plucked statements apart', () => {
    const a = open('a.db');
    const b = open('b.db');
    const sql = 'SELECT name FROM t WHERE id = ?';
    expect(statement(a, sql)).toBe(statement(a, sql));
    expect(statement(b, sql)).not.toBe(statement(a, sql));
    statement(a, 'INSERT INTO t (id, name) VALUES (?, ?)').run(1, 'one');
    expect(pluckedStatement(a, sql).get(1)).toBe('one');
    // The same SQL unplucked still answers whole rows.
    expect(statement(a, sql).get(1)).toEqual({ name: 'one' });
  });

  it('keeps working when the table is dropped and created again (a projection rebuilt on the same connection)', () => {
    const db = open('rebuilt.db');
    const insert = 'INSERT INTO t (id, name) VALUES (?, ?)';
    statement(db, insert).run(1, 'before');
    db.exec('DROP TABLE t; CREATE TABLE t (id INTEGER PRIMARY KEY, extra TEXT, name TEXT)');
    statement(db, insert).run(2, 'after');
    expect(db.prepare('SELECT id, extra, name FROM t').all()).toEqual([{ id: 2, extra: null, name: 'after' }]);
  });
});
