import {
  assertAppendable,
  jsonValueOf,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type SubscribeOptions,
} from '@ledger/event-store';
import type { EventSchemaRegistry } from './event-schema.registry';

/**
 * Wraps any adapter so that no payload reaches storage unchecked and no reader sees an old
 * version (docs/ARCHITECTURE.md, "Events"). Adapters stay schema-agnostic; composition roots bind
 * EVENT_STORE to this decorator around the adapter they choose.
 */
export class SchemaCheckedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly registry: EventSchemaRegistry,
  ) {}

  /**
   * Every event is checked before the adapter is called, so one bad event refuses the whole
   * append with nothing written. Old versions are accepted because imports replay history as it
   * was recorded. AppendResult.events are returned as stored, as the port promises.
   */
  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    // Envelope errors first, so a malformed append reads the same with or without this decorator.
    assertAppendable(streamId, events, expectedRevision);
    for (const event of events) {
      // Checked in its stored form: undefined members vanish and Dates become strings on the way in.
      this.registry.validate(event.type, event.schemaVersion, jsonValueOf(event.data));
    }
    // The schema says which values are restricted: the store commits to those instead of hashing them into the leaf.
    const withRestricted = events.map((event) => ({ ...event, restrictedFields: this.registry.restrictedFields(event.type, event.schemaVersion) }));
    return this.inner.append(streamId, withRestricted, expectedRevision);
  }

  async readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, fromRevision)).map((event) => this.registry.upcast(event));
  }

  async readAll(fromSequence: number, limit: number): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(fromSequence, limit)).map((event) => this.registry.upcast(event));
  }

  lastSequence(): Promise<number> {
    return this.inner.lastSequence();
  }

  async *subscribe(fromSequence: number, options?: SubscribeOptions): AsyncGenerator<RecordedEvent> {
    // for-await forwards an early return() to the adapter's iterator, so cancelling still works.
    for await (const event of this.inner.subscribe(fromSequence, options)) yield this.registry.upcast(event);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
