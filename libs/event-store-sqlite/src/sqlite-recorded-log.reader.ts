import Database from 'better-sqlite3';
import { UnreadableEvent, type RecordedEvent } from '@ledger/event-store';
import { toRecordedEvent, type EventRow } from './sqlite-event-store.adapter';

/**
 * The events of an embedded store's file exactly as stored, streamed in sequence order through a
 * read-only connection: for checks that judge the file (`ledger verify`), so they run beside a
 * live server and can never repair, migrate or lock out what they are judging. Unlike the port's
 * readAll, no page is ever held: one row at a time, however long the log.
 */
export class SqliteRecordedLogReader {
  private constructor(private readonly db: Database.Database) {}

  /** Opens an existing events file read-only (a missing file is an error, never created). */
  static open(file: string): SqliteRecordedLogReader {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    // A writer may hold its lock for a moment (a group commit): wait rather than fail.
    db.pragma('busy_timeout = 5000');
    return new SqliteRecordedLogReader(db);
  }

  /** The last sequence stored, or -1 for an empty log (the sequence is the key: no scan). */
  lastSequence(): number {
    return this.db.prepare('SELECT COALESCE(MAX(sequence), -1) FROM events').pluck().get() as number;
  }

  /**
   * Every event in sequence order, as the port would return it (not upcast). One statement, so one
   * consistent snapshot of the file from the first row to the last. A row that cannot be read back
   * as an envelope ends the walk with UnreadableEvent, naming its sequence.
   */
  *events(): IterableIterator<RecordedEvent> {
    for (const row of this.db.prepare('SELECT * FROM events ORDER BY sequence').iterate() as IterableIterator<EventRow>) {
      let event: RecordedEvent;
      try {
        event = toRecordedEvent(row);
      } catch (error) {
        throw new UnreadableEvent(row.sequence, (error as Error).message);
      }
      yield event;
    }
  }

  close(): void {
    this.db.close();
  }
}
