/**
 * How a ledger envelope is laid out in an EventStoreDB event, both ways.
 *
 * EventStoreDB keeps the stream name, revision, type and the JSON payload itself; every other
 * envelope field travels in the event's JSON metadata, so the envelope reads back byte-identical
 * (EventStoreDB's own `created` stamp comes from the server's clock after the append, so it cannot
 * be the recordedAt the append returns). The sequence is not stored anywhere: it is the event's
 * place in `$all` (see ledger-sequence.index.ts), so the leaf hash is computed once the sequence
 * is known, on every read.
 */
import { jsonEvent, type EventData, type JSONType, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { randomBytes } from 'node:crypto';
import {
  drawCommitmentSalts,
  jsonValueOf,
  leafHashOf,
  type CommitmentSalts,
  type RecordedBy,
  type EventEnvelope,
  type NewEvent,
  type RecordedEvent,
} from '@ledger/event-store';

/** The envelope fields EventStoreDB has no place for. */
interface EnvelopeMetadata {
  // The writer's own spelling: EventStoreDB parses ids into GUIDs and answers in lowercase.
  eventId: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  recordedBy: RecordedBy;
  correlationId: string | null;
  causationId: string | null;
  /** the salts of the payload's restricted values (absent when it has none) */
  commitmentSalts?: CommitmentSalts;
}

/** An envelope before the store has placed it: no stream position, no sequence yet. */
export type UnplacedEnvelope = Omit<EventEnvelope, 'streamId' | 'streamRevision' | 'sequence'> & { commitmentSalts: CommitmentSalts | null };

export interface PreparedEvent {
  envelope: UnplacedEnvelope;
  eventData: EventData;
}

export function prepareEvent(event: NewEvent, recordedAt: string): PreparedEvent {
  // The stored payload is the parsed copy, so what the append returns is exactly what reads return.
  const data = jsonValueOf(event.data);
  const metadata: EnvelopeMetadata = {
    eventId: event.eventId,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt,
    recordedBy: { id: event.recordedBy.id, name: event.recordedBy.name, role: event.recordedBy.role },
    correlationId: event.correlationId ?? null,
    causationId: event.causationId ?? null,
  };
  const commitmentSalts = drawCommitmentSalts(data, event.restrictedFields, () => randomBytes(32).toString('hex'));
  if (commitmentSalts) metadata.commitmentSalts = commitmentSalts;
  return {
    envelope: { ...metadata, commitmentSalts, type: event.type, data },
    // The client stringifies any JSON value; its JSONType is narrower than what the ledger allows.
    eventData: jsonEvent({ id: event.eventId, type: event.type, data: data as JSONType, metadata }),
  };
}

export function placeEnvelope(envelope: UnplacedEnvelope, streamId: string, streamRevision: number, sequence: number): RecordedEvent {
  const placed: EventEnvelope = {
    eventId: envelope.eventId,
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    streamId,
    streamRevision,
    sequence,
    occurredAt: envelope.occurredAt,
    recordedAt: envelope.recordedAt,
    recordedBy: envelope.recordedBy,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    data: envelope.data,
  };
  const { commitmentSalts } = envelope;
  return { ...placed, leafHash: leafHashOf({ ...placed, commitmentSalts }), commitmentSalts };
}

/** An event read back from EventStoreDB, placed at the ledger sequence the caller derived. */
export function toRecordedEvent(event: EsdbRecordedEvent, streamId: string, sequence: number): RecordedEvent {
  const metadata = event.metadata as Partial<EnvelopeMetadata> | undefined;
  if (!event.isJson || !isEnvelopeMetadata(metadata)) {
    // Counting it would shift every later sequence; refusing to guess keeps the proofs honest.
    throw new Error(`${event.streamId}@${event.revision} (${event.id}) has no ledger envelope metadata: it was not written by the ledger`);
  }
  const envelope: UnplacedEnvelope = {
    eventId: metadata.eventId,
    type: event.type,
    schemaVersion: metadata.schemaVersion,
    occurredAt: metadata.occurredAt,
    recordedAt: metadata.recordedAt,
    recordedBy: { id: metadata.recordedBy.id, name: metadata.recordedBy.name, role: metadata.recordedBy.role },
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    data: event.data,
    commitmentSalts: metadata.commitmentSalts ?? null,
  };
  return placeEnvelope(envelope, streamId, Number(event.revision), sequence);
}

function isEnvelopeMetadata(value: Partial<EnvelopeMetadata> | undefined): value is EnvelopeMetadata {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.eventId === 'string' &&
    typeof value.schemaVersion === 'number' &&
    typeof value.occurredAt === 'string' &&
    typeof value.recordedAt === 'string' &&
    typeof value.recordedBy === 'object' &&
    value.recordedBy !== null &&
    value.correlationId !== undefined &&
    value.causationId !== undefined
  );
}
