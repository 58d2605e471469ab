import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import type { SqliteProjection } from '../runtime/sqlite-projection';
import { statement } from '../runtime/statement-cache';

/**
 * Every event as stored, indexed for the `events(filter)` query: by stream, type and recording
 * actor. Each envelope field is kept as stored, in a column of its own (the payload as its JSON
 * text), and `envelope` puts them back together in the envelope's own field order when read, so
 * any reader can recompute the leaf hash from what it is served.
 *
 * Columns rather than the envelope's JSON text: the text repeated every field name and the fields
 * that also need columns of their own (sequence, event id, stream, type, recorder), a third of the
 * table for nothing. `envelope` is a virtual column: computed when selected, never stored, so the
 * queries read the same column they always did.
 */
export const eventLogProjection: SqliteProjection = {
  name: 'event-log',
  // v2: the envelope's fields in columns, the envelope computed from them (v1 stored its JSON text)
  // v3: commitment_salts, the salts of the payload's restricted values (the public view commits to them)
  version: 3,
  readsStoredForm: true,
  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ledger_events (
        sequence         INTEGER PRIMARY KEY,
        event_id         TEXT NOT NULL UNIQUE,
        type             TEXT NOT NULL,
        schema_version   INTEGER NOT NULL,
        stream_id        TEXT NOT NULL,
        stream_revision  INTEGER NOT NULL,
        occurred_at      TEXT NOT NULL,
        recorded_at      TEXT NOT NULL,
        recorded_by_id   TEXT NOT NULL,
        recorded_by_name TEXT NOT NULL,
        recorded_by_role TEXT NOT NULL,
        correlation_id   TEXT,
        causation_id     TEXT,
        data             TEXT NOT NULL,
        leaf_hash        TEXT NOT NULL,
        commitment_salts TEXT,
        envelope         TEXT GENERATED ALWAYS AS (json_object(
          'eventId', event_id,
          'type', type,
          'schemaVersion', schema_version,
          'streamId', stream_id,
          'streamRevision', stream_revision,
          'sequence', sequence,
          'occurredAt', occurred_at,
          'recordedAt', recorded_at,
          'recordedBy', json_object('id', recorded_by_id, 'name', recorded_by_name, 'role', recorded_by_role),
          'correlationId', correlation_id,
          'causationId', causation_id,
          'data', json(data)
        )) VIRTUAL
      );
      CREATE INDEX IF NOT EXISTS ledger_events_by_stream ON ledger_events (stream_id, sequence);
      CREATE INDEX IF NOT EXISTS ledger_events_by_type ON ledger_events (type, sequence);
      CREATE INDEX IF NOT EXISTS ledger_events_by_recorder ON ledger_events (recorded_by_id, sequence);
    `);
  },
  drop(db: Database.Database) {
    db.exec('DROP TABLE IF EXISTS ledger_events');
  },
  // The same rows as apply: the embedded store keeps the data as the JSON text apply writes
  // (JSON.stringify of what it parsed), and the recorder as {id, name, role}.
  copyFromEventsTable(db: Database.Database, eventsTable: string, after: number, through: number) {
    statement(
      db,
      `INSERT INTO ledger_events (sequence, event_id, type, schema_version, stream_id, stream_revision, occurred_at, recorded_at,
         recorded_by_id, recorded_by_name, recorded_by_role, correlation_id, causation_id, data, leaf_hash, commitment_salts)
       SELECT sequence, event_id, type, schema_version, stream_id, stream_revision, occurred_at, recorded_at,
         recorded_by ->> '$.id', recorded_by ->> '$.name', recorded_by ->> '$.role', correlation_id, causation_id, data, leaf_hash, commitment_salts
       FROM ${eventsTable} WHERE sequence > ? AND sequence <= ? ORDER BY sequence`,
    ).run(after, through);
  },
  apply(db: Database.Database, event: RecordedEvent) {
    statement(
      db,
      `INSERT INTO ledger_events (sequence, event_id, type, schema_version, stream_id, stream_revision, occurred_at, recorded_at,
         recorded_by_id, recorded_by_name, recorded_by_role, correlation_id, causation_id, data, leaf_hash, commitment_salts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      event.sequence,
      event.eventId,
      event.type,
      event.schemaVersion,
      event.streamId,
      event.streamRevision,
      event.occurredAt,
      event.recordedAt,
      event.recordedBy.id,
      event.recordedBy.name,
      event.recordedBy.role,
      event.correlationId,
      event.causationId,
      JSON.stringify(event.data),
      event.leafHash,
      event.commitmentSalts ? JSON.stringify(event.commitmentSalts) : null,
    );
  },
};
