/**
 * The embedded event table. Events are immutable: triggers refuse UPDATE and DELETE for every
 * connection, including the sqlite3 shell, so a correction can only be a new event.
 */
export const EVENT_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  sequence        INTEGER PRIMARY KEY,
  event_id        TEXT    NOT NULL UNIQUE,
  stream_id       TEXT    NOT NULL,
  stream_revision INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  schema_version  INTEGER NOT NULL,
  occurred_at     TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  recorded_by     TEXT    NOT NULL,
  correlation_id  TEXT,
  causation_id    TEXT,
  data            TEXT    NOT NULL,
  leaf_hash       TEXT    NOT NULL,
  commitment_salts TEXT,
  UNIQUE (stream_id, stream_revision),
  CHECK (sequence >= 0 AND stream_revision >= 0)
);

CREATE TRIGGER IF NOT EXISTS events_refuse_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'ledger events are immutable: record a correction instead'); END;

CREATE TRIGGER IF NOT EXISTS events_refuse_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'ledger events are immutable: they cannot be deleted'); END;
`;
