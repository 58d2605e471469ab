import { envelopeOf, type RecordedEvent } from '@ledger/event-store';

/** The fields of one exported line, in the order they are written. */
export const NDJSON_EVENT_FIELDS = [
  'eventId', 'type', 'schemaVersion', 'streamId', 'streamRevision', 'sequence', 'occurredAt', 'recordedAt',
  'recordedBy', 'correlationId', 'causationId', 'data', 'leafHash',
] as const;

export const NDJSON_ACTOR_FIELDS = ['id', 'name', 'role'] as const;

/** Present only on events whose payload holds restricted values: their salts (CommitmentSalts). */
export const NDJSON_OPTIONAL_EVENT_FIELDS = ['commitmentSalts'] as const;

/**
 * One event as one line of JSON (no newline): its full envelope as stored, then its leaf hash.
 * The key order is fixed and the payload is the stored JSON, so the same ledger always exports to
 * the same bytes, and an imported copy re-exports byte-identical.
 */
export function toNdjsonLine(event: RecordedEvent): string {
  return JSON.stringify({ ...envelopeOf(event), leafHash: event.leafHash, ...(event.commitmentSalts && { commitmentSalts: event.commitmentSalts }) });
}
