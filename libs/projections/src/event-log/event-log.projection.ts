import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import type { SqliteProjection } from '../runtime/sqlite-projection';
import { statement } from '../runtime/statement-cache';

/**
 * Every event as stored, indexed for the `events(filter)` query: by stream, type and recording
 * actor. The full envelope is kept verbatim so its leaf hash can be recomputed by any reader.
 */
export const eventLogProjection: SqliteProjection = {
  name: 'event-log',
  version: 1,
  readsStoredForm: true,
  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ledger_events (
        sequence       INTEGER PRIMARY KEY,
        event_id       TEXT NOT NULL UNIQUE,
        stream_id      TEXT NOT NULL,
        type           TEXT NOT NULL,
        recorded_by_id TEXT NOT NULL,
        envelope       TEXT NOT NULL,
        leaf_hash      TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ledger_events_by_stream ON ledger_events (stream_id, sequence);
      CREATE INDEX IF NOT EXISTS ledger_events_by_type ON ledger_events (type, sequence);
      CREATE INDEX IF NOT EXISTS ledger_events_by_recorder ON ledger_events (recorded_by_id, sequence);
    `);
  },
  drop(db: Database.Database) {
    db.exec('DROP TABLE IF EXISTS ledger_events');
  },
  apply(db: Database.Database, event: RecordedEvent) {
    const { leafHash, ...envelope } = event;
    statement(
      db,
      `INSERT INTO ledger_events (sequence, event_id, stream_id, type, recorded_by_id, envelope, leaf_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(event.sequence, event.eventId, event.streamId, event.type, event.recordedBy.id, JSON.stringify(envelope), leafHash);
  },
};
