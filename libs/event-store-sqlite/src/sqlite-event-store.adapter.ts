import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  InvalidEvent,
  LedgerNotEmpty,
  RecordedHistoryCheck,
  StorageUnavailable,
  WrongExpectedRevision,
  assertAppendable,
  drawCommitmentSalts,
  envelopeOf,
  jsonRoundTrip,
  leafHashOf,
  leafHashOfCanonicalData,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type SubscribeOptions,
} from '@ledger/event-store';
import { EVENT_STORE_SCHEMA } from './sqlite-event-store.schema';

export interface SqliteEventStoreOptions {
  /** path of the SQLite file; created with its directory when missing */
  file: string;
  /**
   * How often an idle subscriber looks for events appended by another process (the CLI writing
   * while the API runs). Appends made through this instance wake subscribers at once.
   */
  pollIntervalMs?: number;
}

interface PendingAppend {
  streamId: string;
  events: Array<{ event: NewEvent; dataText: string; dataValue: unknown }>;
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** A row of the events table, as SQLite returns it. */
export interface EventRow {
  sequence: number;
  event_id: string;
  stream_id: string;
  stream_revision: number;
  type: string;
  schema_version: number;
  occurred_at: string;
  recorded_at: string;
  recorded_by: string;
  correlation_id: string | null;
  causation_id: string | null;
  data: string;
  leaf_hash: string;
  /** JSON of CommitmentSalts, or null */
  commitment_salts: string | null;
}

const PAGE_SIZE = 256;

/**
 * The embedded default store: one SQLite file, WAL, synchronous=FULL, so an acknowledged append
 * survives power loss. Appends that arrive while a transaction is being prepared are written
 * together in the next one (group commit): one fsync for the whole batch, with a savepoint per
 * append so one stream's conflict fails only that append.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly pollIntervalMs: number;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private wakeSubscribers = new Set<() => void>();

  constructor(options: SqliteEventStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // Another process (the CLI) may hold the write lock for a moment; wait instead of failing.
    this.db.pragma('busy_timeout = 5000');
    // A large ledger's indexes outgrow SQLite's default 2 MB page cache; reading them through a
    // memory map and a bigger cache keeps a stream lookup from costing a read() per page.
    this.db.pragma('cache_size = -65536');
    this.db.pragma('mmap_size = 1073741824');
    this.db.exec(EVENT_STORE_SCHEMA);
    addCommitmentSaltsColumn(this.db);
    this.statements = {
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      savepoint: this.db.prepare('SAVEPOINT append_one'),
      release: this.db.prepare('RELEASE append_one'),
      rollbackTo: this.db.prepare('ROLLBACK TO append_one'),
      lastSequence: this.db.prepare('SELECT COALESCE(MAX(sequence), -1) AS value FROM events').pluck(),
      streamRevision: this.db.prepare('SELECT MAX(stream_revision) FROM events WHERE stream_id = ?').pluck(),
      // Positional, not named, parameters: better-sqlite3 binds them without a lookup per column,
      // which is measurable at group-commit rates (bench/append.bench.ts).
      insert: this.db.prepare(`INSERT INTO events (sequence, event_id, stream_id, stream_revision, type, schema_version,
        occurred_at, recorded_at, recorded_by, correlation_id, causation_id, data, leaf_hash, commitment_salts)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      readStream: this.db.prepare(
        'SELECT * FROM events WHERE stream_id = ? AND stream_revision >= ? ORDER BY stream_revision',
      ),
      readAll: this.db.prepare('SELECT * FROM events WHERE sequence >= ? ORDER BY sequence LIMIT ?'),
    };
  }

  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    try {
      assertAppendable(streamId, events, expectedRevision);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      const prepared = events.map((event) => {
        const { text, value } = jsonRoundTrip(event.data);
        return { event, dataText: text, dataValue: value };
      });
      this.queue.push({ streamId, events: prepared, expected: expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate, not a microtask: appends issued in the same turn of the event loop and
        // those whose callers were woken by I/O in it all join this batch.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;

    // Savepoints keep one append's failure from undoing its neighbours; a batch of one has none,
    // and the transaction alone is its unit (two statements fewer on the single-writer path).
    const isolate = batch.length > 1;
    const outcomes: Array<{ ok: true; result: AppendResult } | { ok: false; error: unknown }> = [];
    try {
      this.statements.begin.run();
      const recordedAt = new Date().toISOString();
      let nextSequence = (this.statements.lastSequence.get() as number) + 1;
      for (const pending of batch) {
        if (isolate) this.statements.savepoint.run();
        try {
          const result = this.writeOne(pending, nextSequence, recordedAt);
          if (isolate) this.statements.release.run();
          nextSequence += pending.events.length;
          outcomes.push({ ok: true, result });
        } catch (error) {
          // The storage itself failing fails the whole batch (below), not just this append.
          if (isStorageFailure(error)) throw error;
          if (isolate) {
            this.statements.rollbackTo.run();
            this.statements.release.run();
          } else {
            this.statements.rollback.run();
          }
          outcomes.push({ ok: false, error });
        }
      }
      if (this.db.inTransaction) this.statements.commit.run();
    } catch (error) {
      // The batch's transaction itself failed (disk full, I/O error): nothing of it was written.
      this.rollbackQuietly();
      const refusal = isStorageFailure(error) ? new StorageUnavailable((error as Error).message) : error;
      for (const pending of batch) pending.reject(refusal);
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
    for (const wake of this.wakeSubscribers) wake();
  }

  /**
   * Ends a failed transaction. SQLite may already have rolled it back itself (it does for some I/O
   * errors), and a ROLLBACK that fails on a broken disk must not escape the flush callback, where
   * nothing would catch it and the process would die.
   */
  private rollbackQuietly(): void {
    try {
      if (this.db.inTransaction) this.statements.rollback.run();
    } catch {
      // Nothing was committed either way; the next BEGIN starts clean or fails with its own error.
    }
  }

  /** Inside the batch transaction: check the expected revision, then insert the append's events. */
  private writeOne(pending: PendingAppend, firstSequence: number, recordedAt: string): AppendResult {
    const current = this.statements.streamRevision.get(pending.streamId) as number | null;
    const actual = current ?? 'no-stream';
    const expected = pending.expected;
    const matches =
      expected === 'any' ||
      (expected === 'no-stream' && current === null) ||
      (expected === 'exists' && current !== null) ||
      expected === current;
    if (!matches) throw new WrongExpectedRevision(pending.streamId, expected, actual);

    const recorded: RecordedEvent[] = pending.events.map(({ event, dataText, dataValue }, i) => {
      const envelope = {
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        streamId: pending.streamId,
        streamRevision: (current ?? -1) + 1 + i,
        sequence: firstSequence + i,
        occurredAt: event.occurredAt,
        recordedAt,
        recordedBy: { id: event.recordedBy.id, name: event.recordedBy.name, role: event.recordedBy.role },
        correlationId: event.correlationId ?? null,
        causationId: event.causationId ?? null,
        data: dataValue,
      };
      const commitmentSalts = drawCommitmentSalts(dataValue, event.restrictedFields, randomSalt);
      // Without restricted values the stored text (canonical JSON) is the public data: hashed as it is.
      const leafHash = commitmentSalts ? leafHashOf({ ...envelope, commitmentSalts }) : leafHashOfCanonicalData(envelope, dataText);
      const stored: RecordedEvent = { ...envelope, leafHash, commitmentSalts };
      try {
        this.statements.insert.run(
          stored.sequence, stored.eventId, stored.streamId, stored.streamRevision, stored.type, stored.schemaVersion,
          stored.occurredAt, stored.recordedAt, JSON.stringify(stored.recordedBy), stored.correlationId,
          stored.causationId, dataText, stored.leafHash, saltsText(commitmentSalts),
        );
      } catch (error) {
        // The UNIQUE index on event_id finds a reused eventId (earlier in the ledger or in this
        // batch) without a SELECT per event; the append's savepoint undoes its earlier inserts.
        if (isDuplicateEventId(error)) throw new InvalidEvent(`eventId ${event.eventId} is already in the ledger`);
        throw error;
      }
      return stored;
    });
    return {
      revision: recorded[recorded.length - 1].streamRevision,
      sequences: recorded.map((e) => e.sequence),
      events: recorded,
    };
  }

  /**
   * Takes in a history recorded elsewhere (an export) exactly as it was recorded: the same
   * sequences, stream revisions, recordedAt and leaf hashes, which append could not reproduce since
   * it assigns them. Only into an empty store, all in one transaction: the whole history or
   * nothing. Each event must pass RecordedHistoryCheck, its leaf hash included, so an import can
   * never store an envelope that does not hash to its leaf. The immutability triggers stay: this
   * inserts, it never updates. Not on the port: each storage needs its own way to write history.
   */
  importRecorded(events: Iterable<RecordedEvent>, onProgress?: (imported: number) => void): { count: number; lastSequence: number } {
    if (this.closed) throw new Error('event store is closed');
    // Appends already accepted land first, so the emptiness check below sees them.
    this.flush();
    const check = new RecordedHistoryCheck();
    this.statements.begin.run();
    try {
      const existing = (this.statements.lastSequence.get() as number) + 1;
      if (existing > 0) throw new LedgerNotEmpty(existing);
      for (const event of events) {
        // Hash and store the payload as it reads back, like append: the stored text parses to what was checked.
        let text: string;
        let stored: RecordedEvent;
        try {
          const json = jsonRoundTrip(event?.data);
          const candidate = { ...event, data: json.value };
          check.accept(candidate);
          // Exactly the envelope and its salts: anything else on the object would be stored nowhere and hashed nowhere.
          stored = { ...envelopeOf(candidate), leafHash: candidate.leafHash, commitmentSalts: candidate.commitmentSalts ?? null };
          text = json.text;
        } catch (error) {
          if (error instanceof InvalidEvent) throw new InvalidEvent(`import, event at sequence ${check.count}: ${error.message}`);
          throw error;
        }
        this.statements.insert.run(
          stored.sequence, stored.eventId, stored.streamId, stored.streamRevision, stored.type, stored.schemaVersion,
          stored.occurredAt, stored.recordedAt, JSON.stringify(stored.recordedBy), stored.correlationId,
          stored.causationId, text, stored.leafHash, saltsText(stored.commitmentSalts),
        );
        onProgress?.(check.count);
      }
      this.statements.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.statements.rollback.run();
      throw error;
    }
    for (const wake of this.wakeSubscribers) wake();
    return { count: check.count, lastSequence: check.count - 1 };
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return (this.statements.readStream.all(streamId, fromRevision) as EventRow[]).map(toRecordedEvent);
  }

  async readAll(fromSequence: number, limit: number): Promise<RecordedEvent[]> {
    return (this.statements.readAll.all(fromSequence, limit) as EventRow[]).map(toRecordedEvent);
  }

  async lastSequence(): Promise<number> {
    return this.statements.lastSequence.get() as number;
  }

  async *subscribe(fromSequence: number, options: SubscribeOptions = {}): AsyncGenerator<RecordedEvent> {
    const { signal } = options;
    let next = fromSequence;
    while (!this.closed && !signal?.aborted) {
      const page = await this.readAll(next, PAGE_SIZE);
      for (const event of page) {
        yield event;
        next = event.sequence + 1;
        if (this.closed || signal?.aborted) return;
      }
      if (page.length < PAGE_SIZE) await this.nextAppendOrPoll(signal);
    }
  }

  /** Resolves on this instance's next commit, after the poll interval, or when the signal aborts. */
  private nextAppendOrPoll(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSubscribers.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wakeSubscribers.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already accepted are written before the file is released.
    this.flush();
    this.closed = true;
    for (const wake of this.wakeSubscribers) wake();
    this.db.close();
  }
}

// By code, not instanceof Database.SqliteError: the native addon keeps the SqliteError class of
// the first better-sqlite3 instance loaded, so a second instance (Jest's per-file module
// registry, a duplicate install) would make instanceof miss.
function isDuplicateEventId(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.event_id');
}

/**
 * SQLite's result codes for storage that cannot take a write (extended codes start with these):
 * disk full, I/O error, read-only file system or database, no file, out of locks.
 */
const STORAGE_FAILURES = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_NOLCK'];

function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_FAILURES.some((prefix) => code === prefix || code.startsWith(`${prefix}_`));
}

/** A stored row as the port returns it (as stored, not upcast): also for readers of the file itself. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamRevision: row.stream_revision,
    sequence: row.sequence,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    recordedBy: JSON.parse(row.recorded_by),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    data: JSON.parse(row.data),
    leafHash: row.leaf_hash,
    commitmentSalts: row.commitment_salts === null || row.commitment_salts === undefined ? null : JSON.parse(row.commitment_salts),
  };
}

function randomSalt(): string {
  return randomBytes(32).toString('hex');
}

function saltsText(salts: RecordedEvent['commitmentSalts']): string | null {
  return salts ? JSON.stringify(salts) : null;
}

/** A store created before commitments has no column for their salts: added (every event so far has none). */
function addCommitmentSaltsColumn(db: Database.Database): void {
  const columns = db.prepare("SELECT name FROM pragma_table_info('events')").pluck().all() as string[];
  if (!columns.includes('commitment_salts')) db.exec('ALTER TABLE events ADD COLUMN commitment_salts TEXT');
}
