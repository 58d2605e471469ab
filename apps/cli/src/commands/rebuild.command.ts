import { parseArgs } from 'node:util';
import { createEventStore, ledgerReadModelsRunner } from '@ledger/composition';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import { openReadModelDatabase } from '@ledger/projections';
import { progressBar } from '../progress';

export const rebuildUsage = 'rebuild                                    drop every read model and replay the whole log';

/**
 * Recreates the read models from nothing, whatever state their file is in (damaged included).
 * Refused (ReadModelsInUse, exit 1) while a server owns them: it keeps them itself, and a second
 * writer would interleave with it.
 */
export async function rebuildCommand(args: string[], config: LedgerConfig): Promise<void> {
  parseArgs({ args, options: {} });
  const db = openReadModelDatabase(dataPaths(config).readModels, { fresh: true });
  try {
    const store = createEventStore(config);
    try {
      const runner = ledgerReadModelsRunner(store, db, EventSchemaRegistry.fromDirectory());
      const started = Date.now();
      const bar = progressBar('rebuild');
      await runner.catchUp(({ applied, target }) => bar.update(applied, target));
      bar.stop();
      const seconds = (Date.now() - started) / 1000;
      console.log(`rebuilt read models from ${runner.appliedThrough + 1} events in ${seconds.toFixed(1)} s`);
    } finally {
      await store.close();
    }
  } finally {
    db.close();
  }
}
