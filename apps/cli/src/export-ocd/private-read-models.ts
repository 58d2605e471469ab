import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PROJECTIONS, createEventStore } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { BoundedEventStore } from '@ledger/event-store';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import { ProjectionRunner, openReadModelDatabase, type CatchUpProgress } from '@ledger/projections';

export interface ReadModelsSnapshot {
  db: Database.Database;
  /** the newest sequence the read models hold (-1: an empty ledger) */
  through: number;
  /** that event's leaf hash, null for an empty ledger */
  leafHash: string | null;
}

/**
 * Runs `use` over read models built for it alone, in a temporary file, from the log as it stood
 * when called: the ledger's own read models belong exclusively to a running server, and an export
 * must describe one exact point of the ledger even while appends go on.
 */
export async function withPrivateReadModels<T>(
  config: LedgerConfig,
  use: (snapshot: ReadModelsSnapshot) => T,
  onProgress?: (progress: CatchUpProgress) => void,
): Promise<T> {
  const store = createEventStore(config);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-export-'));
  try {
    const through = await store.lastSequence();
    const [last] = through >= 0 ? await store.readAll(through, 1) : [];
    const registry = EventSchemaRegistry.fromDirectory();
    const db = openReadModelDatabase(join(dir, 'read-models.db'));
    try {
      const runner = new ProjectionRunner({
        store: new BoundedEventStore(store, through),
        db,
        projections: ALL_PROJECTIONS,
        upcast: (event) => registry.upcast(event),
      });
      await runner.catchUp(onProgress);
      if (runner.appliedThrough !== through) throw new Error(`read models stopped at sequence ${runner.appliedThrough}, before ${through}`);
      return use({ db, through, leafHash: last?.leafHash ?? null });
    } finally {
      db.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
