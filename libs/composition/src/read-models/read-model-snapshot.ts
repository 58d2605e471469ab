import type Database from 'better-sqlite3';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import type { EventStore } from '@ledger/event-store';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import {
  EventLogQueries,
  ReadModelsDamaged,
  ReadModelsInUse,
  ReadModelsNotReady,
  isDamageError,
  openReadModelDatabase,
  openReadModelDatabaseReadOnly,
  readConsistently,
  readModelsPosition,
  type CatchUpProgress,
} from '@ledger/projections';
import { createEventStore } from '../event-store.factory';
import { ALL_PROJECTIONS, ledgerReadModelsRunner } from './ledger-read-models';

/** The ledger's read models at one exact point, for a command that only reads them. */
export interface ReadModelSnapshot {
  db: Database.Database;
  /** the newest sequence the read models hold (-1: an empty ledger) */
  through: number;
  /** that event's leaf hash, null for an empty ledger */
  leafHash: string | null;
}

/**
 * Runs `read` over the ledger's own read models, inside one read transaction, so that every query
 * it makes sees one exact point of the ledger, which the snapshot names (`through`, its leaf hash)
 * from the read models' own checkpoint in that same transaction.
 *
 * While a server owns the read models (it keeps them current) they are opened read-only beside
 * it. Otherwise this process takes ownership for the moment and catches them up with the log
 * first (recreating a damaged file), as the server would at its start. `read` must be synchronous:
 * the transaction ends when it returns.
 */
export async function readLedgerReadModels<T>(
  config: LedgerConfig,
  read: (snapshot: ReadModelSnapshot) => T,
  onProgress?: (progress: CatchUpProgress) => void,
): Promise<T> {
  const file = dataPaths(config).readModels;
  const store = createEventStore(config);
  let db: Database.Database;
  try {
    db = (await ownAndCatchUp(store, file, onProgress)) ?? (await readBesideOwner(store, file));
  } finally {
    await store.close();
  }
  try {
    return readConsistently(db, () => {
      const through = readModelsPosition(db, ALL_PROJECTIONS);
      const leafHash = through < 0 ? null : (new EventLogQueries(db).bySequence(through)?.leafHash ?? null);
      return read({ db, through, leafHash });
    });
  } catch (error) {
    if (isDamageError(error)) throw new ReadModelsDamaged(file, (error as Error).message);
    throw error;
  } finally {
    db.close();
  }
}

/** How long a reader waits for the owner to reach the log's end as it stood when the reader started. */
const OWNER_CATCH_UP_MS = 10_000;

/** The read models, owned and caught up with the log; null while another process owns them. */
async function ownAndCatchUp(store: EventStore, file: string, onProgress?: (progress: CatchUpProgress) => void): Promise<Database.Database | null> {
  let db: Database.Database;
  try {
    // On stderr: stdout may be the very document a command writes.
    db = openReadModelDatabase(file, { waitMs: 0, onDamaged: (damage) => console.error(`${damage.message}: recreating it from the log`) });
  } catch (error) {
    if (error instanceof ReadModelsInUse) return null;
    throw error;
  }
  try {
    await ledgerReadModelsRunner(store, db, EventSchemaRegistry.fromDirectory()).catchUp(onProgress);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The read models another process owns, opened read-only once they hold every event the log held
 * when this command started (a server follows within moments), so the answer is the one the same
 * command would give with the server stopped.
 */
async function readBesideOwner(store: EventStore, file: string): Promise<Database.Database> {
  const target = await store.lastSequence();
  const db = openReadModelDatabaseReadOnly(file);
  try {
    const deadline = Date.now() + OWNER_CATCH_UP_MS;
    for (;;) {
      const position = positionOrWhyNot(db);
      if (typeof position === 'number' && position >= target) return db;
      if (position instanceof ReadModelsNotReady && !position.transient) throw position;
      if (Date.now() >= deadline) {
        throw typeof position === 'number'
          ? new ReadModelsNotReady(`the read models' owner is at sequence ${position} of the log's ${target} after ${OWNER_CATCH_UP_MS / 1000} s: try again once it has caught up`)
          : position;
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  } catch (error) {
    db.close();
    throw error;
  }
}

function positionOrWhyNot(db: Database.Database): number | ReadModelsNotReady {
  try {
    return readConsistently(db, () => readModelsPosition(db, ALL_PROJECTIONS));
  } catch (error) {
    if (error instanceof ReadModelsNotReady) return error;
    throw error;
  }
}
