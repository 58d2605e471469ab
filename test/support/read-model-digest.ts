/**
 * A digest of every read-model table, to tell whether two `read-models.db` files hold the same
 * read models (a server's after a crash and restart, a full `ledger rebuild`'s), naming the tables
 * that differ. Reads one consistent point of the file, read-only, so it works beside a live owner.
 */
import { createHash } from 'node:crypto';
import { dataPaths } from '@ledger/config';
import { openReadModelDatabaseReadOnly, readConsistently } from '@ledger/projections';

/** table name -> SHA-256 (hex) over its rows, ordered by every column. */
export type ReadModelDigest = Record<string, string>;

export function readModelDigest(dataDir: string): ReadModelDigest {
  const db = openReadModelDatabaseReadOnly(dataPaths({ dataDir }).readModels);
  try {
    return readConsistently(db, () => {
      const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string; sql: string }>;
      // A full-text table is digested by its rows, read through it. Its shadow tables are left
      // out: how FTS5 lays out its index segments depends on how many transactions wrote them,
      // which a rebuild (one pass) and a server (batch after batch) never share.
      const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
      const digest: ReadModelDigest = {};
      for (const { name } of tables) {
        if (virtual.some((v) => name.startsWith(`${v}_`))) continue;
        const select = db.prepare(`SELECT * FROM "${name}"`);
        const columns = select.columns().length;
        const ordered = db.prepare(`SELECT * FROM "${name}" ORDER BY ${Array.from({ length: columns }, (_, i) => i + 1).join(', ')}`).raw();
        const hash = createHash('sha256');
        for (const row of ordered.iterate() as Iterable<unknown[]>) {
          hash.update(JSON.stringify(row.map((value) => (Buffer.isBuffer(value) ? `x'${value.toString('hex')}'` : typeof value === 'bigint' ? value.toString() : value))));
          hash.update('\n');
        }
        digest[name] = hash.digest('hex');
      }
      return digest;
    });
  } finally {
    db.close();
  }
}
