import {
  StorageUnavailable,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type SubscribeOptions,
} from '@ledger/event-store';

export interface AppendOutcomes {
  /** the storage could not write an append (disk full, I/O error): nothing of it was recorded */
  storageFailed(reason: string): void;
  /** an append was recorded: the storage writes again */
  appended(): void;
}

/**
 * Tells the health check how appends fare, so /healthz can say the log cannot be written while the
 * disk is full, not only while the read models cannot follow. A decorator over the port, like
 * SchemaCheckedEventStore: the adapters and the write path know nothing of it.
 */
export class StorageWatchingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly outcomes: AppendOutcomes,
  ) {}

  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    try {
      const result = await this.inner.append(streamId, events, expectedRevision);
      this.outcomes.appended();
      return result;
    } catch (error) {
      if (error instanceof StorageUnavailable) this.outcomes.storageFailed(error.reason);
      throw error;
    }
  }

  readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, fromRevision);
  }

  readAll(fromSequence: number, limit: number): Promise<RecordedEvent[]> {
    return this.inner.readAll(fromSequence, limit);
  }

  lastSequence(): Promise<number> {
    return this.inner.lastSequence();
  }

  subscribe(fromSequence: number, options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return this.inner.subscribe(fromSequence, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
