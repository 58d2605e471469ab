import { existsSync } from 'node:fs';
import { ConfigError, dataPaths, type LedgerConfig } from '@ledger/config';
import { SqliteEventStore } from '@ledger/event-store-sqlite';

/**
 * Importing history as recorded (same sequences, recordedAt, leaf hashes) is not on the port:
 * append assigns those. Only the embedded store has such a path (importRecorded); EventStoreDB
 * would need its own.
 */
export function openImportTarget(config: LedgerConfig): SqliteEventStore {
  if (config.store !== 'sqlite') {
    throw new ConfigError('import writes the embedded store only (LEDGER_STORE=sqlite); EventStoreDB has no import path yet');
  }
  return new SqliteEventStore({ file: dataPaths(config).events });
}

/** Events in the data dir's embedded ledger, without creating one where there is none. */
export async function importTargetEventCount(config: LedgerConfig): Promise<number> {
  if (config.store === 'sqlite' && !existsSync(dataPaths(config).events)) return 0;
  const store = openImportTarget(config);
  try {
    return (await store.lastSequence()) + 1;
  } finally {
    await store.close();
  }
}
