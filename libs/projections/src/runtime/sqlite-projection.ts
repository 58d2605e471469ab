import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';

/**
 * A read model in the read-model file: tables and a function of (read-model transaction, event).
 * SqliteReadModels applies it inside the transaction that also moves its checkpoint, so an event
 * is applied exactly once. It is one kind of log consumer (see LogConsumer).
 */
export interface SqliteProjection {
  /** stable name; also the checkpoint key */
  readonly name: string;
  /** bump when the tables or the meaning of apply change: the projection is then rebuilt from 0 */
  readonly version: number;
  /**
   * The projections whose tables this one reads while applying an event. Each event is applied to
   * them first, so what it reads is their state as of that very event, whatever the batch size.
   */
  readonly dependsOn?: readonly string[];
  /** create the projection's tables (idempotent) */
  setup(db: Database.Database): void;
  /** drop the projection's tables, before a rebuild */
  drop(db: Database.Database): void;
  apply(db: Database.Database, event: RecordedEvent): void;
  /**
   * Most projections want events upcast to the newest schema version. The event log serves each
   * event exactly as stored and hashed, so that anyone can recompute its leaf hash.
   */
  readonly readsStoredForm?: boolean;
  /**
   * Applies every event after `after` through `through` at once, from the embedded event store's
   * own table (`eventsTable`, the store's file attached to the read-model connection), giving the
   * rows applying each of them would: one statement inside SQLite instead of a call per event. What
   * an offline build uses when the store is SQLite (SqliteReadModels' eventsTable); only for a
   * projection that reads the stored form and whose rows depend on nothing but each event.
   */
  copyFromEventsTable?(db: Database.Database, eventsTable: string, after: number, through: number): void;
}
