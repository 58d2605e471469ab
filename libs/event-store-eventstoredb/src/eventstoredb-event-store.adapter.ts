import {
  ANY,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import {
  InvalidEvent,
  WrongExpectedRevision,
  assertAppendable,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type SubscribeOptions,
} from '@ledger/event-store';
import { comparePositions, readAllPage } from './eventstoredb-all.reader';
import { placeEnvelope, prepareEvent, toRecordedEvent } from './eventstoredb-envelope.mapper';
import { LedgerScope } from './ledger-scope';
import { LedgerSequenceIndex } from './ledger-sequence.index';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://node1:2113,node2:2113,node3:2113?tls=true` or `esdb://127.0.0.1:2113?tls=false` */
  connectionString: string;
  /**
   * Keep this ledger's streams under a prefix (`tenant-a/` stores measure-1 as `tenant-a/measure-1`);
   * its sequences then count only those streams. Lets several ledgers share one server, provided
   * no ledger's prefix starts with another's.
   */
  streamPrefix?: string;
}

const PAGE_SIZE = 256;
// Events the client holds for a subscriber that has not asked for them yet; the rest wait on the
// server, held back by gRPC flow control.
const SUBSCRIPTION_BUFFER = 32;
const ABORTED = Symbol('aborted');

/**
 * The cluster store: EventStoreDB through @eventstore/db-client, same port and envelope as the
 * SQLite adapter. EventStoreDB does not know the ledger sequence at append time, so it is derived
 * from `$all` by a LedgerSequenceIndex, and leaf hashes are computed whenever an event is placed
 * at its sequence (on append once the index reached it, and on every read) instead of being stored.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly scope: LedgerScope;
  private readonly index: LedgerSequenceIndex;
  private readonly closing = new AbortController();
  private readonly inFlight = new Set<Promise<AppendResult>>();
  // eventIds of appends under way: the index only knows them once they are committed.
  private readonly reservedEventIds = new Set<string>();

  /** From a connection string alone, or with options. */
  constructor(connection: string | EventStoreDbEventStoreOptions) {
    const options = typeof connection === 'string' ? { connectionString: connection } : connection;
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.scope = new LedgerScope(options.streamPrefix);
    this.index = new LedgerSequenceIndex(this.client, this.scope);
  }

  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    try {
      this.assertOpen();
      assertAppendable(streamId, events, expectedRevision);
    } catch (error) {
      return Promise.reject(error);
    }
    const appending = this.appendChecked(streamId, events, expectedRevision);
    this.inFlight.add(appending);
    const settled = () => this.inFlight.delete(appending);
    appending.then(settled, settled);
    return appending;
  }

  private async appendChecked(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const recordedAt = new Date().toISOString();
    const prepared = events.map((event) => prepareEvent(event, recordedAt));
    const eventIds = events.map((event) => event.eventId.toLowerCase());

    // EventStoreDB accepts a known eventId again (it deduplicates only retries into the same
    // stream), so the ledger's rule that an eventId appears once is checked here, on a fresh index
    // and against this node's appends under way. Two nodes appending the same eventId at the same
    // moment are not caught: EventStoreDB has no ledger-wide unique constraint to lean on.
    await this.index.catchUp();
    eventIds.forEach((id, i) => {
      if (this.index.sequenceOfEventId(id) !== undefined || this.reservedEventIds.has(id)) {
        throw new InvalidEvent(`event ${i} (${events[i].type}): eventId ${events[i].eventId} is already in the ledger`);
      }
    });
    eventIds.forEach((id) => this.reservedEventIds.add(id));
    try {
      const result = await this.client
        .appendToStream(
          this.scope.esdbStream(streamId),
          prepared.map((p) => p.eventData),
          { expectedRevision: toEsdbExpectedRevision(expected) },
        )
        .catch((error: unknown) => {
          throw toPortError(error, streamId, expected);
        });
      const lastRevision = Number(result.nextExpectedRevision);
      const firstRevision = lastRevision - events.length + 1;
      // The append's position says where it landed in $all, not its sequence: read $all up to it.
      await this.index.catchUpUntil(() => this.index.sequenceOf(streamId, lastRevision) !== undefined, `${streamId}@${lastRevision}`);
      const recorded = prepared.map(({ envelope }, i) =>
        placeEnvelope(envelope, streamId, firstRevision + i, this.index.sequenceOf(streamId, firstRevision + i) as number),
      );
      return { revision: lastRevision, sequences: recorded.map((e) => e.sequence), events: recorded };
    } finally {
      eventIds.forEach((id) => this.reservedEventIds.delete(id));
    }
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    this.assertOpen();
    const esdbStream = this.scope.esdbStream(streamId);
    if (!this.scope.holdsStream(esdbStream)) return [];
    const events = await this.readStreamEvents(esdbStream, Math.max(0, fromRevision));
    const unindexed = () => events.some((e) => this.index.sequenceOf(streamId, Number(e.revision)) === undefined);
    // Appended since the index last looked (by another node, or just now).
    if (unindexed()) await this.index.catchUp();
    if (unindexed()) throw new Error(`stream ${streamId} has events that $all does not show yet`);
    return events.map((e) => toRecordedEvent(e, streamId, this.index.sequenceOf(streamId, Number(e.revision)) as number));
  }

  private async readStreamEvents(esdbStream: string, fromRevision: number): Promise<EsdbRecordedEvent[]> {
    const events: EsdbRecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(esdbStream, { fromRevision: BigInt(fromRevision), direction: FORWARDS })) {
        if (resolved.event) events.push(resolved.event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(fromSequence: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    const first = Math.max(0, fromSequence);
    if (limit <= 0) return [];
    if (this.index.positionOf(first) === undefined) await this.index.catchUp();
    let from = this.index.positionOf(first);
    if (!from) return [];

    // Sequences are counted while reading $all from the first event's position, so events newer
    // than the index are numbered exactly as the index will number them.
    const events: RecordedEvent[] = [];
    let sequence = first;
    let skipFrom = false;
    while (events.length < limit) {
      const maxCount = Math.min(PAGE_SIZE, limit - events.length) + (skipFrom ? 1 : 0);
      const page = await readAllPage(this.client, from, maxCount);
      for (const event of page) {
        if (skipFrom && comparePositions(event.position, from) <= 0) continue;
        if (!this.scope.includes(event)) continue;
        events.push(toRecordedEvent(event, this.scope.ledgerStream(event.streamId), sequence++));
        if (events.length === limit) break;
      }
      if (page.length < maxCount) break;
      from = page[page.length - 1].position;
      skipFrom = true;
    }
    return events;
  }

  async lastSequence(): Promise<number> {
    this.assertOpen();
    await this.index.catchUp();
    return this.index.length - 1;
  }

  async *subscribe(fromSequence: number, options: SubscribeOptions = {}): AsyncGenerator<RecordedEvent> {
    const stop = new AbortController();
    const onStop = () => stop.abort();
    const signals = [options.signal, this.closing.signal].filter((s): s is AbortSignal => s !== undefined);
    if (signals.some((signal) => signal.aborted)) return;
    for (const signal of signals) signal.addEventListener('abort', onStop, { once: true });
    const first = Math.max(0, fromSequence);
    let subscription: ReturnType<EventStoreDBClient['subscribeToAll']> | undefined;
    try {
      if (this.index.length < first && (await abortable(this.index.catchUp(), stop.signal)) === ABORTED) return;
      // A subscription starts after its position, so it starts at the event before the first one
      // wanted; if that one is not in $all yet, it starts at the newest and counts up to `first`.
      let sequence = Math.min(first, this.index.length);
      const checkpoint = this.index.positionOf(sequence - 1);
      subscription = this.client.subscribeToAll(
        { fromPosition: checkpoint ?? START, filter: this.scope.subscriptionFilter() },
        { highWaterMark: SUBSCRIPTION_BUFFER },
      );
      // Pulled one at a time: the client stops reading from the server while the buffer is full.
      const events = subscription[Symbol.asyncIterator]();
      for (;;) {
        const next = await abortable(events.next(), stop.signal);
        if (next === ABORTED || next.done) return;
        const event = next.value.event;
        if (!event || !this.scope.includes(event)) continue;
        const current = sequence++;
        if (current < first) continue;
        yield toRecordedEvent(event, this.scope.ledgerStream(event.streamId), current);
        if (stop.signal.aborted) return;
      }
    } finally {
      for (const signal of signals) signal.removeEventListener('abort', onStop);
      if (subscription) {
        await subscription.unsubscribe().catch(() => undefined);
        subscription.destroy();
      }
    }
  }

  // dispose() only cancels the client's open calls and new ones would still go out, so a closed
  // store refuses on its own.
  private assertOpen(): void {
    if (this.closing.signal.aborted) throw new Error('event store is closed');
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await Promise.allSettled([...this.inFlight]);
    await this.client.dispose();
  }
}

function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(expected);
  }
}

function toPortError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedRevision(streamId, expected, typeof actual === 'bigint' ? Number(actual) : 'no-stream');
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidEvent(`the append is larger than the server's maximum append size (${error.maxAppendSize} bytes)`);
  }
  return error;
}

/** The promise's outcome, or ABORTED as soon as the signal fires (the promise is then abandoned). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.resolve(ABORTED);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
