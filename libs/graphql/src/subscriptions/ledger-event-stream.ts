import type { RecordedEvent } from '@ledger/event-store';
import type { EventLogFilter } from '@ledger/projections';

export interface LedgerEventStreamSource {
  /** the sequence of the newest event every read model has applied */
  appliedThrough(): number;
  /** stored events matching the filter after a sequence, oldest first */
  eventsAfter(filter: EventLogFilter, afterSequence: number, limit: number): RecordedEvent[];
}

export interface LedgerEventStreamOptions {
  /** events pushed but not yet taken by a slow subscriber before it falls back to the log */
  maxBuffered?: number;
  /** events read from the log at a time while replaying or catching up */
  pageSize?: number;
  /** at most this many events a second are read from the log (pages are spaced out); unpaced by default */
  logEventsPerSecond?: number;
  onClose?: () => void;
}

export function matchesEventFilter(filter: EventLogFilter, event: RecordedEvent): boolean {
  return (
    (filter.streamId == null || event.streamId === filter.streamId) &&
    (filter.type == null || event.type === filter.type) &&
    (filter.recordedById == null || event.recordedBy.id === filter.recordedById) &&
    (filter.fromSequence == null || event.sequence >= filter.fromSequence) &&
    (filter.toSequence == null || event.sequence <= filter.toSequence)
  );
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * One subscriber's view of the ledger: an async iterator of stored events in sequence order, with
 * no gap and no repeat.
 *
 * Back-pressure: the runner pushes applied events synchronously and never waits for a subscriber.
 * A subscriber that keeps up is served from a small buffer; one that falls more than `maxBuffered`
 * events behind drops its buffer and reads on from the event-log read model at its own pace, then
 * goes back to the pushed events once it has caught up. Memory per subscriber stays bounded and a
 * slow or stalled client costs the appends nothing. The same path replays history when the filter
 * asks for a `fromSequence` the ledger already holds.
 *
 * Reading the log is paced (`logEventsPerSecond`): a page is at most a second's worth of events and
 * the next one is read only once the previous one's share of time has passed, so a replay of the
 * whole log costs the server a bounded amount of work per second, however fast the client reads.
 */
export class LedgerEventStream implements AsyncIterableIterator<RecordedEvent> {
  private readonly maxBuffered: number;
  private readonly pageSize: number;
  private readonly logEventsPerSecond: number;
  /** when (performance.now()) the log may be read again */
  private nextReadAt = 0;
  private readTimer?: NodeJS.Timeout;
  private buffer: RecordedEvent[] = [];
  /** every event up to here has been buffered, delivered or found not to match */
  private cursor: number;
  /** whether the next events must come from the log rather than from pushes */
  private readingLog: boolean;
  private closed = false;
  private waiting?: (result: IteratorResult<RecordedEvent, undefined>) => void;

  constructor(
    private readonly filter: EventLogFilter,
    private readonly source: LedgerEventStreamSource,
    private readonly options: LedgerEventStreamOptions = {},
  ) {
    this.maxBuffered = options.maxBuffered ?? 1000;
    this.logEventsPerSecond = options.logEventsPerSecond ?? Infinity;
    this.pageSize = Math.max(1, Math.min(options.pageSize ?? 100, Math.floor(this.logEventsPerSecond)));
    const head = source.appliedThrough();
    const from = filter.fromSequence;
    this.readingLog = from != null && from <= head;
    this.cursor = from != null ? from - 1 : head;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Called by the feed with every batch the read models have just applied. */
  push(events: readonly RecordedEvent[]): void {
    if (this.closed || this.readingLog) return;
    for (const event of events) {
      if (event.sequence <= this.cursor) continue;
      this.cursor = event.sequence;
      if (matchesEventFilter(this.filter, event)) this.buffer.push(event);
    }
    if (this.buffer.length > this.maxBuffered) {
      // Everything before the oldest undelivered event was delivered or did not match.
      this.cursor = this.buffer[0].sequence - 1;
      this.buffer = [];
      this.readingLog = true;
    }
    this.wake();
  }

  next(): Promise<IteratorResult<RecordedEvent, undefined>> {
    if (this.closed) return Promise.resolve(DONE);
    const result = this.take();
    if (result) return Promise.resolve(result);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** The subscriber left (or the server is closing): no more events, and the feed forgets it. */
  return(): Promise<IteratorResult<RecordedEvent, undefined>> {
    this.close();
    return Promise.resolve(DONE);
  }

  throw(error?: unknown): Promise<IteratorResult<RecordedEvent, undefined>> {
    this.close();
    return Promise.reject(error);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffer = [];
    clearTimeout(this.readTimer);
    this.options.onClose?.();
    this.settle(DONE);
  }

  /** The next result if there is one now: an event, or the end of a bounded (toSequence) stream. */
  private take(): IteratorResult<RecordedEvent, undefined> | undefined {
    if (this.buffer.length === 0 && this.readingLog) {
      const wait = this.nextReadAt - performance.now();
      if (wait > 0) {
        this.readTimer ??= setTimeout(() => ((this.readTimer = undefined), this.wake()), wait);
        return undefined;
      }
      this.readLog();
    }
    const event = this.buffer.shift();
    if (event) return { done: false, value: event };
    if (this.filter.toSequence != null && !this.readingLog && this.cursor >= this.filter.toSequence) {
      this.close();
      return DONE;
    }
    return undefined;
  }

  private readLog(): void {
    const page = this.source.eventsAfter(this.filter, this.cursor, this.pageSize);
    this.nextReadAt = performance.now() + (page.length * 1000) / this.logEventsPerSecond;
    this.buffer = page;
    if (page.length === this.pageSize) {
      this.cursor = page[page.length - 1].sequence;
      return;
    }
    // A short page read the log to its end. Runner and reads share one thread, so no event can be
    // applied between this read and the head read next to it: pushes take over exactly there.
    this.cursor = Math.max(this.cursor, page.at(-1)?.sequence ?? -1, this.source.appliedThrough());
    this.readingLog = false;
  }

  private wake(): void {
    if (!this.waiting) return;
    const result = this.take();
    if (result) this.settle(result);
  }

  private settle(result: IteratorResult<RecordedEvent, undefined>): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(result);
  }
}
