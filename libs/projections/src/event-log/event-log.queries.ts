import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import { pluckedStatement, statement } from '../runtime/statement-cache';

export interface EventLogFilter {
  streamId?: string | null;
  type?: string | null;
  recordedById?: string | null;
  fromSequence?: number | null;
  toSequence?: number | null;
}

export interface EventLogPage {
  events: RecordedEvent[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Reads of the event-log read model; the GraphQL layer pages over it. */
export class EventLogQueries {
  constructor(private readonly db: Database.Database) {}

  /** Prepared once per connection and SQL text (runtime/statement-cache), as the handlers' are. */
  private prepare(sql: string): Database.Statement {
    return statement(this.db, sql);
  }

  /**
   * A page of the filter's events in sequence order: the `first` after `cursor`, or, reading
   * backward, the last `first` before it (still in sequence order). `hasNextPage`: more events lie
   * beyond the page in the direction it was read.
   */
  page(filter: EventLogFilter, first: number, cursor: number | null, direction: 'forward' | 'backward' = 'forward'): EventLogPage {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.streamId != null) (where.push('stream_id = ?'), params.push(filter.streamId));
    if (filter.type != null) (where.push('type = ?'), params.push(filter.type));
    if (filter.recordedById != null) (where.push('recorded_by_id = ?'), params.push(filter.recordedById));
    if (filter.fromSequence != null) (where.push('sequence >= ?'), params.push(filter.fromSequence));
    if (filter.toSequence != null) (where.push('sequence <= ?'), params.push(filter.toSequence));
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const totalCount = bySequenceOnly(filter) ? this.countInRange(filter) : (pluckedStatement(this.db, `SELECT COUNT(*) FROM ledger_events ${condition}`).get(...params) as number);
    const forward = direction === 'forward';
    const pageCondition = cursor === null ? condition : `${condition ? `${condition} AND` : 'WHERE'} sequence ${forward ? '>' : '<'} ?`;
    const pageParams = cursor === null ? params : [...params, cursor];
    const rows = this
      .prepare(`SELECT envelope, leaf_hash, commitment_salts FROM ledger_events ${pageCondition} ORDER BY sequence ${forward ? 'ASC' : 'DESC'} LIMIT ?`)
      .all(...pageParams, first + 1) as Array<EventRow>;
    const kept = rows.slice(0, first);
    const events = (forward ? kept : kept.reverse()).map(toEvent);
    return { events, hasNextPage: rows.length > first, totalCount };
  }

  /**
   * How many events lie in the filter's sequence range, from the ends of the range alone: sequences
   * are dense from 0 (docs/ARCHITECTURE.md, "Events") and this read model holds every event, so the
   * count is last - first + 1. COUNT(*) visits every row: ~1 ms per 100k events, on every page.
   */
  private countInRange(filter: EventLogFilter): number {
    const { first, last } = this
      .prepare('SELECT (SELECT MIN(sequence) FROM ledger_events WHERE sequence >= @from) AS first, (SELECT MAX(sequence) FROM ledger_events WHERE sequence <= @to) AS last')
      .get({ from: filter.fromSequence ?? 0, to: filter.toSequence ?? Number.MAX_SAFE_INTEGER }) as { first: number | null; last: number | null };
    return first === null || last === null || last < first ? 0 : last - first + 1;
  }

  /**
   * Up to `limit` events matching the filter after `afterSequence`, without page counts: for a
   * reader that walks the log forward (a live subscriber catching up) and only needs the next few.
   */
  eventsAfter(filter: EventLogFilter, afterSequence: number, limit: number): RecordedEvent[] {
    const where = ['sequence > ?'];
    const params: unknown[] = [afterSequence];
    if (filter.streamId != null) (where.push('stream_id = ?'), params.push(filter.streamId));
    if (filter.type != null) (where.push('type = ?'), params.push(filter.type));
    if (filter.recordedById != null) (where.push('recorded_by_id = ?'), params.push(filter.recordedById));
    if (filter.fromSequence != null) (where.push('sequence >= ?'), params.push(filter.fromSequence));
    if (filter.toSequence != null) (where.push('sequence <= ?'), params.push(filter.toSequence));
    return (
      this
        .prepare(`SELECT envelope, leaf_hash, commitment_salts FROM ledger_events WHERE ${where.join(' AND ')} ORDER BY sequence LIMIT ?`)
        .all(...params, limit) as Array<EventRow>
    ).map(toEvent);
  }

  /** the event at this sequence, null when the read model does not hold it */
  bySequence(sequence: number): RecordedEvent | null {
    const row = this.prepare('SELECT envelope, leaf_hash, commitment_salts FROM ledger_events WHERE sequence = ?').get(sequence) as
      | EventRow
      | undefined;
    return row ? toEvent(row) : null;
  }

  byEventId(eventId: string): RecordedEvent | null {
    const row = this.prepare('SELECT envelope, leaf_hash, commitment_salts FROM ledger_events WHERE event_id = ?').get(eventId) as
      | EventRow
      | undefined;
    return row ? toEvent(row) : null;
  }

  /** these events, in sequence order (unknown ids are left out): one statement for a batch */
  byEventIds(eventIds: readonly string[]): RecordedEvent[] {
    if (eventIds.length === 0) return [];
    return (
      this
        .prepare('SELECT envelope, leaf_hash, commitment_salts FROM ledger_events WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY sequence')
        .all(JSON.stringify(eventIds)) as Array<EventRow>
    ).map(toEvent);
  }

  /** every event of these streams, oldest first (by sequence): one statement for a batch of histories */
  byStreams(streamIds: readonly string[]): RecordedEvent[] {
    if (streamIds.length === 0) return [];
    return (
      this
        .prepare('SELECT envelope, leaf_hash, commitment_salts FROM ledger_events WHERE stream_id IN (SELECT value FROM json_each(?)) ORDER BY sequence')
        .all(JSON.stringify(streamIds)) as Array<EventRow>
    ).map(toEvent);
  }

  /** every event of one stream, oldest first: a node's history */
  byStream(streamId: string): RecordedEvent[] {
    return (
      this.prepare('SELECT envelope, leaf_hash, commitment_salts FROM ledger_events WHERE stream_id = ? ORDER BY sequence').all(streamId) as Array<{
        envelope: string;
        leaf_hash: string;
        commitment_salts: string | null;
      }>
    ).map(toEvent);
  }
}

/** a filter of the sequence range only (or none), whose count the range's ends give */
function bySequenceOnly(filter: EventLogFilter): boolean {
  return filter.streamId == null && filter.type == null && filter.recordedById == null;
}

interface EventRow {
  envelope: string;
  leaf_hash: string;
  commitment_salts: string | null;
}

function toEvent(row: EventRow): RecordedEvent {
  return { ...JSON.parse(row.envelope), leafHash: row.leaf_hash, commitmentSalts: row.commitment_salts === null ? null : JSON.parse(row.commitment_salts) };
}
