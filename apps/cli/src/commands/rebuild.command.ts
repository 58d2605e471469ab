import { parseArgs } from 'node:util';
import { createEventStore, embeddedEventsFile, rebuildReadModels } from '@ledger/composition';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import { progressBar } from '../progress';

export const rebuildUsage = 'rebuild                                    drop every read model and replay the whole log';

/**
 * Recreates the read models from nothing, whatever state their file is in (damaged included): built
 * beside it and swapped in once complete (rebuildReadModels). Refused (ReadModelsInUse, exit 1)
 * while a server owns them: it keeps them itself, and a second writer would interleave with it.
 */
export async function rebuildCommand(args: string[], config: LedgerConfig): Promise<void> {
  parseArgs({ args, options: {} });
  const store = createEventStore(config);
  try {
    const started = Date.now();
    const bar = progressBar('rebuild');
    let through: number;
    try {
      through = await rebuildReadModels(
        store,
        dataPaths(config).readModels,
        EventSchemaRegistry.fromDirectory(),
        ({ applied, target }) => bar.update(applied, target),
        { eventsFile: embeddedEventsFile(config) },
      );
    } finally {
      bar.stop();
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`rebuilt read models from ${through + 1} events in ${seconds.toFixed(1)} s`);
  } finally {
    await store.close();
  }
}
