import type { ExpectedRevision } from './event-store.port';

/** Base of every error the port defines, so callers can map them to API errors in one place. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the revision the writer expected: somebody else wrote first. */
export class WrongExpectedRevision extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** the stream's current revision, or 'no-stream' when it has no events */
    readonly actual: number | 'no-stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** A payload does not match its event type's JSON Schema, or the type/version is unknown. */
export class SchemaViolation extends EventStoreError {
  readonly code = 'SCHEMA_VIOLATION';
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    /** JSON Pointer into the payload that failed, e.g. /name ("" for the whole payload) */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${eventType} v${schemaVersion}: ${path || '/'} ${reason}`);
    this.name = 'SchemaViolation';
  }
}

/** An envelope the store refuses before any schema is consulted (bad dates, ids, empty append). */
export class InvalidEvent extends EventStoreError {
  readonly code = 'INVALID_EVENT';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEvent';
  }
}

/** Recorded history is imported only into a store that holds no events, so nothing is ever merged or overwritten. */
export class LedgerNotEmpty extends EventStoreError {
  readonly code = 'LEDGER_NOT_EMPTY';
  constructor(readonly eventCount: number) {
    super(`the ledger already holds ${eventCount} events; history can only be imported into an empty one`);
    this.name = 'LedgerNotEmpty';
  }
}

/**
 * The storage under the store failed to write (disk full, I/O error, read-only file system). The
 * append was rolled back whole: nothing of it was recorded, and the caller may retry later.
 */
export class StorageUnavailable extends EventStoreError {
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor(
    /** what the storage said, e.g. "database or disk is full" */
    readonly reason: string,
  ) {
    super(`the event store could not write (${reason}); nothing was recorded`);
    this.name = 'StorageUnavailable';
  }
}

/**
 * A stored event its store cannot read back as an envelope (a payload that is no longer JSON, a
 * missing field): the file was altered or damaged. Carries the sequence, so a check can name it.
 */
export class UnreadableEvent extends EventStoreError {
  readonly code = 'UNREADABLE_EVENT';
  constructor(
    readonly sequence: number,
    readonly reason: string,
  ) {
    super(`sequence ${sequence}: the stored event cannot be read (${reason})`);
    this.name = 'UnreadableEvent';
  }
}
