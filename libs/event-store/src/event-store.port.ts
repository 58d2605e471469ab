import type { NewEvent, RecordedEvent } from './event-envelope';

/** Symbol token the composition roots bind an adapter to. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * What a writer believes about the stream before appending:
 * - 'no-stream': the stream has no events yet
 * - 'exists': the stream has at least one event
 * - 'any': no check
 * - n: the stream's last event has streamRevision n
 */
export type ExpectedRevision = 'no-stream' | 'exists' | 'any' | number;

export interface AppendResult {
  /** streamRevision of the last event appended: the next append expects this. */
  revision: number;
  /** ledger sequences of the appended events, in order */
  sequences: number[];
  /** the events as stored, with their leaf hashes */
  events: RecordedEvent[];
}

export interface SubscribeOptions {
  /** cancel the subscription; the iterator ends after the current event */
  signal?: AbortSignal;
}

/**
 * The ledger's only write path and the source of every read model.
 * Appends of one call are atomic; events are never updated or deleted.
 */
export interface EventStore {
  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** every event of the stream from fromRevision (default 0), oldest first; [] for a stream with no events */
  readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]>;
  /** up to limit events of the whole ledger with sequence >= fromSequence, in sequence order */
  readAll(fromSequence: number, limit: number): Promise<RecordedEvent[]>;
  /** sequence of the newest event, -1 for an empty ledger */
  lastSequence(): Promise<number>;
  /**
   * Every event from fromSequence in order: first those already stored (catch-up), then each new
   * one as it is appended (live). Pull-based, so a slow consumer holds the store back from reading
   * further rather than buffering without bound.
   */
  subscribe(fromSequence: number, options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /** finish in-flight appends, then release the store */
  close(): Promise<void>;
}
