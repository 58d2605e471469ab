import canonicalize from 'canonicalize';
import { leafHash } from '@ledger/integrity';

/** The authenticated account behind a command. */
export interface Actor {
  id: string;
  name: string;
  role: string;
}

/**
 * The stored and hashed shape of every event, identical in every adapter (ARCHITECTURE.md, "Events").
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
  recordedBy: Actor;
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
  recordedBy: Actor;
  correlationId?: string | null;
  causationId?: string | null;
  data: Data;
}

const ENVELOPE_KEYS = [
  'eventId', 'type', 'schemaVersion', 'streamId', 'streamRevision', 'sequence',
  'occurredAt', 'recordedAt', 'recordedBy', 'correlationId', 'causationId', 'data',
] as const;

/** Exactly the envelope fields, so extra properties on a read event never leak into the hash. */
export function envelopeOf(event: EventEnvelope): EventEnvelope {
  const envelope = {} as Record<string, unknown>;
  for (const key of ENVELOPE_KEYS) envelope[key] = event[key];
  envelope.recordedBy = { id: event.recordedBy.id, name: event.recordedBy.name, role: event.recordedBy.role };
  return envelope as unknown as EventEnvelope;
}

/** RFC 8785 canonical JSON of the envelope: the Merkle leaf. */
export function canonicalEnvelope(event: EventEnvelope): string {
  const text = canonicalize(envelopeOf(event));
  if (text === undefined) throw new Error('envelope cannot be canonicalized');
  return text;
}

/** SHA-256(0x00 || canonical envelope), lowercase hex (ARCHITECTURE.md, "Integrity"). */
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
