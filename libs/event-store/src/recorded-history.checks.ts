import { InvalidEvent } from './event-store.errors';
import { isIsoInstant, leafHashOf, type RecordedEvent } from './event-envelope';
import { assertEventFields, assertStreamId } from './new-event-checks';

const LEAF_HASH = /^[0-9a-f]{64}$/;

/**
 * What a whole recorded history must satisfy to be taken in as it was recorded (an import):
 * well-formed envelopes, sequences dense from 0, each stream's revisions dense from 0, no eventId
 * twice, and every leaf hash equal to the hash of its envelope. Events are checked one at a time
 * and in order, so a history of any length streams through with only ids and revisions in memory.
 * Payload schemas are not checked here: the port knows no schemas.
 */
export class RecordedHistoryCheck {
  private nextSequence = 0;
  private readonly nextRevision = new Map<string, number>();
  private readonly sequenceOfEventId = new Map<string, number>();

  /** Events accepted so far. */
  get count(): number {
    return this.nextSequence;
  }

  /** Throws InvalidEvent saying what is wrong; the event then does not count as seen. */
  accept(event: RecordedEvent): void {
    assertRecordedEnvelope(event);
    // The hash first: an altered record is best reported as altered, whatever else it breaks.
    if (leafHashOf(event) !== event.leafHash) throw new InvalidEvent('leaf hash does not match the envelope (altered?)');
    if (event.sequence !== this.nextSequence) {
      const why = event.sequence > this.nextSequence ? 'a record missing?' : 'a record repeated or out of order?';
      throw new InvalidEvent(`sequence ${event.sequence} where ${this.nextSequence} was expected (${why})`);
    }
    const revision = this.nextRevision.get(event.streamId) ?? 0;
    if (event.streamRevision !== revision) {
      throw new InvalidEvent(`streamRevision ${event.streamRevision} of stream ${event.streamId} where ${revision} was expected`);
    }
    const earlier = this.sequenceOfEventId.get(event.eventId);
    if (earlier !== undefined) throw new InvalidEvent(`eventId ${event.eventId} was already used at sequence ${earlier}`);

    this.sequenceOfEventId.set(event.eventId, event.sequence);
    this.nextRevision.set(event.streamId, revision + 1);
    this.nextSequence++;
  }
}

/** The fields a store assigns, on top of those a writer supplies (assertEventFields). */
export function assertRecordedEnvelope(event: RecordedEvent): void {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new InvalidEvent('an event must be a JSON object');
  assertEventFields(event, event.type === undefined ? 'event' : `${String(event.type)}`);
  assertStreamId(event.streamId);
  for (const key of ['sequence', 'streamRevision'] as const) {
    if (!Number.isSafeInteger(event[key]) || event[key] < 0) throw new InvalidEvent(`${key} must be a non-negative integer`);
  }
  if (!isIsoInstant(event.recordedAt)) throw new InvalidEvent('recordedAt must be an ISO-8601 instant');
  // Absent is not null here: the hashed envelope holds both keys, so a recorded one must say which.
  for (const key of ['correlationId', 'causationId'] as const) {
    if (event[key] === undefined) throw new InvalidEvent(`${key} must be present (a string or null)`);
  }
  if (typeof event.leafHash !== 'string' || !LEAF_HASH.test(event.leafHash)) throw new InvalidEvent('leafHash must be 64 lowercase hex characters');
}
