import type Database from 'better-sqlite3';

/**
 * What a projection keeps in memory beside its tables, per connection: a copy of a small table it
 * reads for every event (the rules in force), so that it need not query and parse it each time.
 *
 * Such a copy is only as good as the transaction that wrote both: when a batch rolls back, its
 * tables go back to where they were and the copy would not. So SqliteReadModels forgets every memo
 * of the connection whenever a batch fails and whenever projections are dropped, and each memo is
 * loaded again from its table on next use. Keyed weakly by the connection, like the statement cache.
 */
const memos = new WeakMap<Database.Database, Map<symbol, unknown>>();

/** The memo under `key` on `db`, created (typically loaded from a table) on first use. */
export function connectionMemo<T>(db: Database.Database, key: symbol, create: () => T): T {
  let ofConnection = memos.get(db);
  if (!ofConnection) memos.set(db, (ofConnection = new Map()));
  if (!ofConnection.has(key)) ofConnection.set(key, create());
  return ofConnection.get(key) as T;
}

/** The memo under `key` only if it is in memory: a writer keeps it in step, or leaves the table to say. */
export function loadedConnectionMemo<T>(db: Database.Database, key: symbol): T | undefined {
  return memos.get(db)?.get(key) as T | undefined;
}

/** Forgets every memo of `db`: after a rollback, or once tables were dropped. */
export function forgetConnectionMemos(db: Database.Database): void {
  memos.delete(db);
}
