import { EventStoreError } from './event-store.errors';
import type { NewEvent, RecordedEvent } from './event-envelope';
import type { AppendResult, EventStore, ExpectedRevision, SubscribeOptions } from './event-store.port';

/** A bounded view shows the past: writing through it would add to a history it cannot see the end of. */
export class BoundedViewIsReadOnly extends EventStoreError {
  readonly code = 'READ_ONLY';
  constructor(readonly lastSequence: number) {
    super(`this is a view of the ledger through sequence ${lastSequence}: it takes no appends`);
    this.name = 'BoundedViewIsReadOnly';
  }
}

/**
 * The ledger as it stood after one sequence: every read stops at `lastSequence` (inclusive), as if
 * nothing had been appended since. Whatever consumes the port (the projection runner, a replayed
 * server's queries) needs no notion of time travel of its own.
 */
export class BoundedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    /** the newest sequence visible; -1 shows an empty ledger */
    readonly lastVisible: number,
  ) {
    if (!Number.isInteger(lastVisible) || lastVisible < -1) throw new RangeError(`bound must be an integer >= -1, got ${lastVisible}`);
  }

  append(_streamId: string, _events: NewEvent[], _expected: ExpectedRevision): Promise<AppendResult> {
    return Promise.reject(new BoundedViewIsReadOnly(this.lastVisible));
  }

  async readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]> {
    // A stream's events are in sequence order too, so the visible ones are a prefix.
    const events = await this.inner.readStream(streamId, fromRevision);
    const end = events.findIndex((event) => event.sequence > this.lastVisible);
    return end === -1 ? events : events.slice(0, end);
  }

  async readAll(fromSequence: number, limit: number): Promise<RecordedEvent[]> {
    if (fromSequence > this.lastVisible || limit <= 0) return [];
    return this.inner.readAll(fromSequence, Math.min(limit, this.lastVisible - fromSequence + 1));
  }

  async lastSequence(): Promise<number> {
    return Math.min(await this.inner.lastSequence(), this.lastVisible);
  }

  /** Ends once the bound is delivered: nothing after it ever becomes visible, so there is nothing to wait for. */
  async *subscribe(fromSequence: number, options?: SubscribeOptions): AsyncGenerator<RecordedEvent> {
    if (fromSequence > this.lastVisible) return;
    for await (const event of this.inner.subscribe(fromSequence, options)) {
      if (event.sequence > this.lastVisible) return;
      yield event;
      if (event.sequence === this.lastVisible) return;
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
