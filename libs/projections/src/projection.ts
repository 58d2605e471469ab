import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';

/**
 * A read model: a function of (read-model transaction, event). The runner calls apply inside the
 * transaction that also moves the projection's checkpoint, so an event is applied exactly once.
 */
export interface Projection {
  /** stable name; also the checkpoint key */
  readonly name: string;
  /** bump when the tables or the meaning of apply change: the projection is then rebuilt from 0 */
  readonly version: number;
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
}

/** Injection token for the list of projections a composition root runs. */
export const PROJECTIONS = Symbol('PROJECTIONS');
