import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import { dependencyOrder } from './dependency-order';
import type { LogBatch, LogConsumer } from './log-consumer';
import { ReadModelsNotReady } from './read-model-errors';
import type { SqliteProjection } from './sqlite-projection';
import { forgetConnectionMemos } from './connection-memo';
import { statement } from './statement-cache';

const CHECKPOINTS = `CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  sequence INTEGER NOT NULL
)`;

interface StoredCheckpoint {
  name: string;
  version: number;
  sequence: number;
}

/**
 * The SQLite kind of log consumer: every projection of one read-model file, as one consumer.
 *
 * Each batch is one transaction: every event goes to every projection, in the order their
 * dependsOn gives (a projection reads the tables of those it depends on as of that very event,
 * whatever the batch size, so live following and a rebuild agree), and each projection's
 * checkpoint moves in the same transaction as its rows. So each commit leaves the file at one
 * point of the ledger, which is what lets another process read it as a snapshot
 * (readModelsPosition).
 *
 * Each projection keeps its own checkpoint and version: one whose version changed is dropped and
 * rebuilt from 0 while the others skip what they already hold (until it has caught up, no single
 * point describes the file).
 */
export class SqliteReadModels implements LogConsumer {
  readonly name = 'read-models';
  /** the layout of projection_checkpoints; each projection has a version of its own */
  readonly version = 1;
  private readonly projections: readonly SqliteProjection[];
  private readonly checkpoints = new Map<string, number>();

  /**
   * @param options.eventsTable the embedded event store's table as this connection sees it (its file
   *   attached, e.g. `event_store.events`): projections that can copy their rows from it
   *   (copyFromEventsTable) then do so once per batch instead of once per event. Offline builds only.
   */
  constructor(
    private readonly db: Database.Database,
    projections: readonly SqliteProjection[],
    private readonly options: { eventsTable?: string } = {},
  ) {
    this.projections = dependencyOrder(projections, 'projection');
  }

  /** Creates tables, and drops and resets any projection whose version changed. */
  open(): number {
    const { db } = this;
    db.exec(CHECKPOINTS);
    const read = db.prepare('SELECT name, version, sequence FROM projection_checkpoints WHERE name = ?');
    const save = db.prepare('INSERT OR REPLACE INTO projection_checkpoints (name, version, sequence) VALUES (?, ?, ?)');
    forgetConnectionMemos(db);
    db.transaction(() => {
      for (const projection of this.projections) {
        const stored = read.get(projection.name) as StoredCheckpoint | undefined;
        const current = stored?.version === projection.version;
        if (stored && !current) projection.drop(db);
        projection.setup(db);
        const sequence = current ? stored.sequence : -1;
        save.run(projection.name, projection.version, sequence);
        this.checkpoints.set(projection.name, sequence);
      }
    })();
    return this.position();
  }

  handleBatch({ events, upcast }: LogBatch): void {
    const { db } = this;
    const save = statement(db, 'UPDATE projection_checkpoints SET sequence = ? WHERE name = ?');
    const last = events[events.length - 1].sequence;
    const { eventsTable } = this.options;
    const copying = eventsTable === undefined ? [] : this.projections.filter((projection) => projection.copyFromEventsTable);
    const applying = this.projections.filter((projection) => !copying.includes(projection));
    try {
      db.transaction(() => {
        for (const projection of copying) {
          if (this.checkpointOf(projection) < last) projection.copyFromEventsTable!(db, eventsTable!, this.checkpointOf(projection), last);
        }
        for (const event of events) {
          let upcasted: RecordedEvent | undefined;
          for (const projection of applying) {
            if (event.sequence <= this.checkpointOf(projection)) continue;
            projection.apply(db, projection.readsStoredForm ? event : (upcasted ??= upcast(event)));
          }
        }
        for (const projection of this.projections) {
          if (this.checkpointOf(projection) < last) save.run(last, projection.name);
        }
      })();
    } catch (error) {
      // The tables are back where they were; what projections kept in memory beside them is not.
      forgetConnectionMemos(db);
      throw error;
    }
    // Only once committed: a rolled-back batch leaves every checkpoint where it was.
    for (const projection of this.projections) {
      if (this.checkpointOf(projection) < last) this.checkpoints.set(projection.name, last);
    }
  }

  /** Drops every projection's rows and checkpoint. */
  reset(): void {
    const { db } = this;
    forgetConnectionMemos(db);
    db.transaction(() => {
      for (const projection of this.projections) projection.drop(db);
      db.exec(`${CHECKPOINTS}; DELETE FROM projection_checkpoints`);
    })();
    this.checkpoints.clear();
  }

  private checkpointOf(projection: SqliteProjection): number {
    return this.checkpoints.get(projection.name) ?? -1;
  }

  private position(): number {
    return Math.min(...this.projections.map((projection) => this.checkpointOf(projection)));
  }
}

/**
 * The point of the ledger the read models in `db` show: the sequence every projection has applied
 * through (-1: none). For a reader in another process, inside its read transaction, so that every
 * query it then makes sees exactly that point. Refused (ReadModelsNotReady) when the file was built
 * by projections of other versions (another version of the ledger owns it) or is part-way through
 * rebuilding one projection, since no single point describes it then.
 */
export function readModelsPosition(db: Database.Database, projections: readonly SqliteProjection[]): number {
  const hasTable = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'projection_checkpoints'").pluck().get();
  if (hasTable === 0) throw new ReadModelsNotReady('the read models have not been built yet');
  const rows = db.prepare('SELECT name, version, sequence FROM projection_checkpoints').all() as StoredCheckpoint[];
  const stored = new Map(rows.map((row) => [row.name, row]));
  const sequences = new Set<number>();
  for (const projection of projections) {
    const row = stored.get(projection.name);
    if (!row || row.version !== projection.version) {
      throw new ReadModelsNotReady(
        `read model ${projection.name} is ${row ? `v${row.version}` : 'missing'}, this version of the ledger reads v${projection.version}`,
        // A file another version of the ledger built stays so until its owner is replaced.
        false,
      );
    }
    sequences.add(row.sequence);
  }
  if (sequences.size > 1) {
    throw new ReadModelsNotReady(`the read models are being rebuilt (they stand at sequences ${[...sequences].sort((a, b) => a - b).join(', ')})`);
  }
  return projections.length === 0 ? -1 : [...sequences][0];
}
