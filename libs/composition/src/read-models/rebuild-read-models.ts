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
): Promise<number> {
  let through = -1;
  await buildReadModelFile(file, async (db) => {
    const runner = ledgerReadModelsRunner(store, db, registry, { batchSize: REBUILD_BATCH_SIZE });
    await runner.catchUp(onProgress);
    through = runner.appliedThrough;
  });
  return through;
}
