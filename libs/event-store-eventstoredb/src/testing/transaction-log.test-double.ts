/**
 * TEST DOUBLE, not a database: the in-memory storage behind EventStoreDbTestDouble.
 *
 * It keeps the EventStoreDB semantics the adapter relies on: streams numbered from revision 0,
 * expected-revision checks (any, no stream, stream exists, exact revision), one `$all` order for
 * every event, and positions that are byte offsets in a transaction log: the events of one append
 * share the commit position of the transaction and have increasing prepare positions, as on a
 * real server. Retries of an append already written are acknowledged without writing twice.
 */

export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

export interface ProposedEvent {
  eventId: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface LogRecord extends ProposedEvent {
  streamName: string;
  revision: number;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created` */
  createdTicks: bigint;
  position: LogPosition;
}

export type ExpectedState =
  | { kind: 'any' }
  | { kind: 'no-stream' }
  | { kind: 'stream-exists' }
  | { kind: 'revision'; revision: number };

export type AppendOutcome =
  /** currentRevision -1: nothing was ever written (an empty append to a new stream) */
  | { ok: true; currentRevision: number; position: LogPosition | undefined }
  /** currentRevision -1: the stream does not exist */
  | { ok: false; currentRevision: number };

// A record's header on disk, roughly; only the ordering of positions matters to clients.
const RECORD_OVERHEAD = 80n;

export class InMemoryTransactionLog {
  private readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  // Real logs start after the chunk header and the epoch records.
  private nextLogPosition = 4096n;
  private readonly appendListeners = new Set<() => void>();

  get length(): number {
    return this.records.length;
  }

  recordAt(index: number): LogRecord | undefined {
    return this.records[index];
  }

  append(streamName: string, expected: ExpectedState, events: ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const retry = this.findRetry(stream, expected, events);
    if (retry) return retry;
    const matches =
      expected.kind === 'any' ||
      (expected.kind === 'no-stream' && current === -1) ||
      (expected.kind === 'stream-exists' && current >= 0) ||
      (expected.kind === 'revision' && expected.revision === current);
    if (!matches) return { ok: false, currentRevision: current };
    if (events.length === 0) return { ok: true, currentRevision: current, position: undefined };

    const commit = this.nextLogPosition;
    const createdTicks = BigInt(Date.now()) * 10_000n;
    const written = events.map((event, i): LogRecord => {
      const prepare = this.nextLogPosition;
      this.nextLogPosition += RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length + Buffer.byteLength(event.type + streamName));
      return { ...event, streamName, revision: current + 1 + i, createdTicks, position: { commit, prepare } };
    });
    this.records.push(...written);
    this.streams.set(streamName, [...stream, ...written]);
    for (const listener of [...this.appendListeners]) listener();
    return { ok: true, currentRevision: current + written.length, position: { commit, prepare: commit } };
  }

  /** The stream's events from a revision, or undefined when the stream does not exist. */
  readStream(streamName: string, fromRevision: number, count: number): LogRecord[] | undefined {
    return this.streams.get(streamName)?.slice(fromRevision, fromRevision + count);
  }

  /** Index in `$all` of the first record at or after the position (reads include their start). */
  indexFrom(position: LogPosition): number {
    return this.search((record) => compare(record.position, position) >= 0);
  }

  /** Index in `$all` of the first record after the position (subscriptions exclude their start). */
  indexAfter(position: LogPosition): number {
    return this.search((record) => compare(record.position, position) > 0);
  }

  /** Calls the listener after each append until the returned function removes it. */
  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /**
   * EventStoreDB is idempotent on event ids: an append whose events are already the next ones
   * after the expected revision (or, without one, already in the stream in that order) is a
   * retry and succeeds without writing. Only retries into the same stream are recognised.
   */
  private findRetry(stream: LogRecord[], expected: ExpectedState, events: ProposedEvent[]): AppendOutcome | undefined {
    if (events.length === 0) return undefined;
    const start =
      expected.kind === 'revision' ? expected.revision + 1
      : expected.kind === 'no-stream' ? 0
      : stream.findIndex((record) => record.eventId === events[0].eventId);
    if (start < 0 || start + events.length > stream.length) return undefined;
    if (!events.every((event, i) => stream[start + i].eventId === event.eventId)) return undefined;
    const last = stream[start + events.length - 1];
    return { ok: true, currentRevision: last.revision, position: last.position };
  }

  /** Binary search over `$all`, which is ordered by position. */
  private search(isAtOrPast: (record: LogRecord) => boolean): number {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isAtOrPast(this.records[middle])) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

function compare(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
