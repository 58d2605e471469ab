import type Database from 'better-sqlite3';

/**
 * Prepared statements per connection, by SQL text: the one place projection handlers get their
 * statements from. Preparing costs SQLite a parse and a plan each time (it was 9% of a rebuild
 * when every handler prepared its statements for every event), while a statement prepared once
 * serves every later event on the same connection. SQLite re-prepares a cached statement by itself
 * when the schema changes under it (a projection dropped and set up again), so a cached statement
 * never runs against tables that are gone.
 *
 * Keyed weakly by the connection, so a closed and forgotten connection takes its statements with it.
 * SQL built from a bounded set of parts (the columns a correction names) is fine here; SQL built from
 * values is not (those belong in parameters).
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `sql` on `db`, prepared on first use. */
export function statement(db: Database.Database, sql: string): Database.Statement {
  return cached(db, sql, () => db.prepare(sql));
}

/**
 * The statement for `sql`, answering the first column of each row (better-sqlite3's pluck). Kept
 * apart from `statement`, since pluck changes the statement itself and the same SQL may be wanted
 * both ways.
 */
export function pluckedStatement(db: Database.Database, sql: string): Database.Statement {
  return cached(db, `pluck\u0000${sql}`, () => db.prepare(sql).pluck());
}

function cached(db: Database.Database, key: string, prepare: () => Database.Statement): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let prepared = statements.get(key);
  if (!prepared) statements.set(key, (prepared = prepare()));
  return prepared;
}
