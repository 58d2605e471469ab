import canonicalize from 'canonicalize';
import { v7 as uuidv7 } from 'uuid';
import { leafHash } from '@ledger/integrity';

/**
 * The account that recorded an event, as stored: the domain's Actor at the time of the append. The
 * port knows no domain types, so the role is any text here: the log keeps the role as it was.
 */
export interface RecordedBy {
  id: string;
  name: string;
  role: string;
}

/**
 * The stored and hashed shape of every event, identical in every adapter (docs/ARCHITECTURE.md, "Events").
 * Dates are ISO-8601 strings, kept byte-identical from append to read.
 */
export interface EventEnvelope<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  schemaVersion: number;
  streamId: string;
  /** 0-based position within its stream. */
  streamRevision: number;
  /** 0-based, dense, ledger-wide; the Merkle leaf index. */
  sequence: number;
  /** When it happened in the world (a 2017 vote recorded in 2026 keeps its 2017 date). */
  occurredAt: string;
  /** When the ledger appended it. */
  recordedAt: string;
  recordedBy: RecordedBy;
  correlationId: string | null;
  causationId: string | null;
  data: Data;
}

/** An envelope as read back: the envelope plus its RFC 9162 leaf hash (not itself part of the leaf). */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends EventEnvelope<Type, Data> {
  leafHash: string;
}

/** What a writer supplies; the store assigns streamId, streamRevision, sequence and recordedAt. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  schemaVersion: number;
  occurredAt: string;
  recordedBy: RecordedBy;
  correlationId?: string | null;
  causationId?: string | null;
  data: Data;
}

/** Exactly the envelope fields, so extra properties on a read event never leak into the hash. */
export function envelopeOf(event: EventEnvelope): EventEnvelope {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    recordedBy: { id: event.recordedBy.id, name: event.recordedBy.name, role: event.recordedBy.role },
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
  };
}

function canonicalData(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('event data cannot be canonicalized');
  return text;
}

/**
 * RFC 8785 canonical JSON of the envelope: the Merkle leaf. The envelope's own keys are fixed, so
 * they are written in RFC 8785 order (sorted by UTF-16 code units) directly, and their values are
 * strings, integers or null, which RFC 8785 serializes exactly as JSON.stringify does. Only the
 * payload goes through the general canonicalizer. This runs on the append path of every event; a
 * spec checks the result against canonicalizing the whole envelope.
 */
export function canonicalEnvelope(event: EventEnvelope): string {
  const by = event.recordedBy;
  const json = JSON.stringify;
  return (
    `{"causationId":${json(event.causationId)},"correlationId":${json(event.correlationId)}` +
    `,"data":${canonicalData(event.data)},"eventId":${json(event.eventId)}` +
    `,"occurredAt":${json(event.occurredAt)},"recordedAt":${json(event.recordedAt)}` +
    `,"recordedBy":{"id":${json(by.id)},"name":${json(by.name)},"role":${json(by.role)}}` +
    `,"schemaVersion":${json(event.schemaVersion)},"sequence":${json(event.sequence)}` +
    `,"streamId":${json(event.streamId)},"streamRevision":${json(event.streamRevision)},"type":${json(event.type)}}`
  );
}

/**
 * A new event id: UUIDv7, time-ordered, so consecutive events land on the same pages of the
 * event-id index instead of a random page each (measurably cheaper group commits, bench/).
 */
export function newEventId(): string {
  return uuidv7();
}

/** SHA-256(0x00 || canonical envelope), lowercase hex (docs/ARCHITECTURE.md, "Integrity"). */
export function leafHashOf(event: EventEnvelope): string {
  return leafHash(canonicalEnvelope(event));
}

// A strict ISO-8601 instant, in UTC or with an offset.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** True for a real day of the Gregorian calendar (V8's Date.parse would accept 2017-02-30). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
