/**
 * The ledger sequence of every event, derived from `$all`.
 *
 * EventStoreDB orders a cluster's events in `$all` but numbers them only by log position, which
 * is sparse and not known to the writer before the commit. The ledger's sequence is the event's
 * 0-based index in `$all` among the events of the ledger's scope, so this index reads `$all`
 * forward and remembers, per sequence, the event's position (where reads and subscriptions start),
 * and per stream revision and per eventId, the sequence. It lives in memory, is built on first
 * use by reading `$all` from the start (every event once, since the gRPC API cannot read
 * positions alone), and then only reads what was appended since.
 */
import type { AllStreamRecordedEvent, EventStoreDBClient, Position } from '@eventstore/db-client';
import { comparePositions, readAllPage } from './eventstoredb-all.reader';
import type { LedgerScope } from './ledger-scope';

const PAGE_SIZE = 512;

export class LedgerSequenceIndex {
  private readonly positions: Position[] = [];
  private readonly sequencesByStream = new Map<string, number[]>();
  private readonly sequencesByEventId = new Map<string, number>();
  /** the last `$all` event read, system events included, so they are not read twice */
  private cursor: Position | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly scope: LedgerScope,
  ) {}

  /** events indexed so far: the next sequence */
  get length(): number {
    return this.positions.length;
  }

  positionOf(sequence: number): Position | undefined {
    return this.positions[sequence];
  }

  sequenceOf(streamId: string, revision: number): number | undefined {
    return this.sequencesByStream.get(streamId)?.[revision];
  }

  /** GUIDs are case-insensitive to EventStoreDB, so the ledger treats eventIds the same way. */
  sequenceOfEventId(eventId: string): number | undefined {
    return this.sequencesByEventId.get(eventId.toLowerCase());
  }

  /**
   * Reads `$all` to its end. A read already under way may have passed the caller's event before
   * it was committed, so a caller arriving during one waits for the next, which is shared by every
   * caller arriving meanwhile: concurrent appends cost one read, not one each.
   */
  catchUp(): Promise<void> {
    this.queued ??= (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        this.running = this.readToEnd().finally(() => {
          this.running = undefined;
        });
        return this.running;
      });
    return this.queued;
  }

  /** Catches up until found() holds, retrying while the node we read from lags behind the leader. */
  async catchUpUntil(found: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!found()) {
      await this.catchUp();
      if (found()) return;
      if (Date.now() > deadline) throw new Error(`${what} did not appear in $all within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private async readToEnd(): Promise<void> {
    for (;;) {
      const page = await readAllPage(this.client, this.cursor, PAGE_SIZE);
      for (const event of page) {
        if (this.cursor && comparePositions(event.position, this.cursor) <= 0) continue;
        this.cursor = event.position;
        if (this.scope.includes(event)) this.add(event);
      }
      if (page.length < PAGE_SIZE) return;
    }
  }

  private add(event: AllStreamRecordedEvent): void {
    const sequence = this.positions.length;
    this.positions.push(event.position);
    const streamId = this.scope.ledgerStream(event.streamId);
    let revisions = this.sequencesByStream.get(streamId);
    if (!revisions) this.sequencesByStream.set(streamId, (revisions = []));
    revisions[Number(event.revision)] = sequence;
    // A later copy of an eventId (two nodes racing) still takes its own sequence; the id keeps the first.
    const eventId = event.id.toLowerCase();
    if (!this.sequencesByEventId.has(eventId)) this.sequencesByEventId.set(eventId, sequence);
  }
}
