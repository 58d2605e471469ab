import { UnreadableEvent, leafHashOf, leafHashOfCanonicalData, type RecordedEvent, type StoredRecordedEvent } from '@ledger/event-store';
import { LogDoesNotHold } from './log-does-not-hold';

/** An event to verify: as the port returns it, or as a file reader does, with its payload's stored text. */
export type EventToVerify = RecordedEvent | StoredRecordedEvent;

/**
 * The leaf hash of an event, recomputed from the event as stored. The only place verification
 * asks for a leaf: its definition belongs to @ledger/event-store, and verify follows it. A payload
 * without restricted values is stored as its canonical JSON, which is then hashed as stored, never
 * parsed (most of the time `verify` takes at a million events); any other stored text (a ledger
 * written before payloads were stored canonical, or an altered one) gives another hash, and the
 * event is then judged parsed, as the definition says.
 */
function recomputedLeafHash(event: EventToVerify): string {
  if ('storedData' in event && !event.commitmentSalts) {
    const leafHash = leafHashOfCanonicalData(event, event.storedData);
    if (leafHash === event.leafHash) return leafHash;
  }
  return leafHashOf(event);
}

/**
 * What each stored event must satisfy on its own and against the ones before it, checked in
 * sequence order: sequences dense from 0, the stored leaf hash the hash of the event, each stream's
 * revisions dense from 0. O(1) per event, plus one entry per stream for its next revision.
 */
export class StoredEventChecks {
  private nextSequence = 0;
  private readonly nextRevision = new Map<string, number>();

  /** how many events have been checked: the sequence the next one must carry */
  get checked(): number {
    return this.nextSequence;
  }

  /** Checks the next event and returns its recomputed leaf hash (32 bytes), for the tree. */
  check(event: EventToVerify): Uint8Array {
    const sequence = event.sequence;
    if (sequence !== this.nextSequence) throw new LogDoesNotHold(this.notDense(sequence));
    let leafHash: string;
    try {
      leafHash = recomputedLeafHash(event);
    } catch (error) {
      if (error instanceof UnreadableEvent) throw error;
      throw new LogDoesNotHold(`sequence ${sequence}: its leaf hash cannot be computed from the stored event (${(error as Error).message})`);
    }
    if (leafHash !== event.leafHash) throw new LogDoesNotHold(`sequence ${sequence}: the stored leaf hash is not the hash of the event`);
    const expected = this.nextRevision.get(event.streamId) ?? 0;
    if (event.streamRevision !== expected) {
      throw new LogDoesNotHold(`sequence ${sequence}: stream ${event.streamId} is at revision ${event.streamRevision}, where ${expected} was expected (a stream's revisions count up from 0)`);
    }
    this.nextRevision.set(event.streamId, expected + 1);
    this.nextSequence = sequence + 1;
    return Buffer.from(leafHash, 'hex');
  }

  private notDense(sequence: number): string {
    const next = this.nextSequence;
    if (sequence < next) return `sequence ${sequence} comes again after sequence ${next - 1}`;
    const missing = sequence - next === 1 ? `sequence ${next} is missing` : `sequences ${next}..${sequence - 1} are missing`;
    return next === 0 ? `${missing} (the log starts at ${sequence})` : `${missing} (the log jumps from ${next - 1} to ${sequence})`;
  }
}
