import type { EventStore } from '@ledger/event-store';
import { EventStoreDbEventStore } from '@ledger/event-store-eventstoredb';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { dataPaths, type LedgerConfig } from '@ledger/config';

/** The one place that chooses a storage adapter, from LEDGER_STORE. */
export function createEventStore(config: LedgerConfig): EventStore {
  if (config.store === 'eventstoredb') return new EventStoreDbEventStore(config.eventStoreConnectionString!);
  return new SqliteEventStore({ file: dataPaths(config).events });
}
