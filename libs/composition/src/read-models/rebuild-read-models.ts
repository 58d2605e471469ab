import { dataPaths, type LedgerConfig } from '@ledger/config';
import type { EventStore } from '@ledger/event-store';
import type { EventSchemaRegistry } from '@ledger/event-schemas';
import { buildReadModelFile, type CatchUpProgress } from '@ledger/projections';
import { ledgerReadModelsRunner } from './ledger-read-models';

/**
 * Events per transaction when building read models from nothing. Larger than the live runner's
 * batches (which bound how long a command waits for its own events): nobody waits on a rebuild's
 * commits, and each commit costs a fixed amount whatever it holds.
 */
export const REBUILD_BATCH_SIZE = 10_000;

/**
 * Builds every read model from the log into `file`, from nothing (whatever the file held, damaged
 * included), and answers the sequence of the last event applied (-1 for an empty log). Offline: the
 * file is built beside its place and swapped in whole once complete (buildReadModelFile), so a
 * crash part-way leaves the previous file or none, never a partial one taken as complete. What
 * `ledger rebuild` and `ledger replay` run, and what bench/rebuild.bench.ts measures.
 */
export async function rebuildReadModels(
  store: EventStore,
  file: string,
  registry: EventSchemaRegistry,
  onProgress?: (progress: CatchUpProgress) => void,
  options: RebuildOptions = {},
): Promise<number> {
  let through = -1;
  await buildReadModelFile(file, async (db) => {
    const { eventsFile } = options;
    // Read only: the build's statements only ever select from it. Its own locking mode stays normal,
    // so a server appending to it meanwhile (beside a replay) is not held up.
    if (eventsFile !== undefined) db.prepare(`ATTACH DATABASE ? AS ${EVENT_STORE_SCHEMA}`).run(eventsFile);
    try {
      const eventsTable = eventsFile === undefined ? undefined : `${EVENT_STORE_SCHEMA}.events`;
      const runner = ledgerReadModelsRunner(store, db, registry, { batchSize: REBUILD_BATCH_SIZE, eventsTable });
      await runner.catchUp(onProgress);
      through = runner.appliedThrough;
    } finally {
      if (eventsFile !== undefined) db.exec(`DETACH DATABASE ${EVENT_STORE_SCHEMA}`);
    }
  });
  return through;
}

export interface RebuildOptions {
  /**
   * The embedded (SQLite) event store's file, when `store` is it: the event log's rows are then
   * copied from its table inside SQLite, a batch at a time, instead of an insert per event (a fifth
   * of a rebuild). Leave it out for any other store.
   */
  eventsFile?: string;
}

/** The name the event store's file is attached under during a build. */
const EVENT_STORE_SCHEMA = 'event_store';

/** The event store file to give rebuildReadModels for this ledger: its SQLite file, or none for EventStoreDB. */
export function embeddedEventsFile(config: LedgerConfig): string | undefined {
  return config.store === 'sqlite' ? dataPaths(config).events : undefined;
}
