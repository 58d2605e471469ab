import type Database from 'better-sqlite3';
import type { EventStore } from '@ledger/event-store';
import type { EventSchemaRegistry } from '@ledger/event-schemas';
import {
  ProjectionRunner,
  SqliteReadModels,
  dataRequestsProjection,
  directoryProjection,
  eventLogProjection,
  legislationProjection,
  tokensProjection,
  type LogConsumer,
  type RunnerLog,
  type SqliteProjection,
} from '@ledger/projections';

/** Every read model the ledger maintains, in any order: each declares what it reads (dependsOn). */
export const ALL_PROJECTIONS: readonly SqliteProjection[] = [eventLogProjection, directoryProjection, legislationProjection, dataRequestsProjection, tokensProjection];

/**
 * The runner that keeps a read-model file (`db`, opened by its owner) following `store`: the one
 * place that says which consumers the ledger runs. The server, rebuild, replay and the read-only
 * commands when no server runs all build it here.
 */
export function ledgerReadModelsRunner(
  store: EventStore,
  db: Database.Database,
  registry: EventSchemaRegistry,
  options: { log?: RunnerLog; batchSize?: number; eventsTable?: string; alsoFollowing?: readonly LogConsumer[] } = {},
): ProjectionRunner {
  const { eventsTable, alsoFollowing = [], ...runnerOptions } = options;
  return new ProjectionRunner({
    store,
    consumers: [new SqliteReadModels(db, ALL_PROJECTIONS, { eventsTable }), ...alsoFollowing],
    upcast: (event) => registry.upcast(event),
    ...runnerOptions,
  });
}
