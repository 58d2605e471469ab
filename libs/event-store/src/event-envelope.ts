import canonicalize from 'canonicalize';
import { createHash, hash } from 'node:crypto';
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

/**
 * The salt of each restricted value of an event's payload, by field (lowercase hex, 32 random bytes
 * drawn when the event was appended): in the log entry a commitment stands for each such value
 * (commitmentOf), so the leaf never depends on a value the public cannot see, and nobody can guess
 * the value from its commitment. Restricted like the values themselves.
 */
export type CommitmentSalts = Readonly<Record<string, string>>;

/** An envelope as read back: the envelope plus its RFC 9162 leaf hash (not itself part of the leaf). */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends EventEnvelope<Type, Data> {
  leafHash: string;
  /** null (or absent) when the payload holds no restricted value */
  commitmentSalts?: CommitmentSalts | null;
}

/**
 * A recorded event read from a store's file with its payload's text as stored: for an event
 * without restricted values, the canonical JSON its dataHash hashes (what append stores).
 */
export interface StoredRecordedEvent extends RecordedEvent {
  readonly storedData: string;
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
  /**
   * The payload's restricted fields (its schema says which): the store draws a salt for each one
   * present, and commits to its value instead of hashing it into the leaf (CommitmentSalts).
   */
  restrictedFields?: readonly string[];
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

/** RFC 8785 canonical JSON of a JSON value (what the store keeps as an event's payload text, and what dataHash hashes). */
export function canonicalJsonOf(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('event data cannot be canonicalized');
  return text;
}

/**
 * The log entry of an event (docs/ARCHITECTURE.md, "Integrity"): the RFC 8785 canonical JSON of its
 * envelope with, instead of the payload, `dataHash`, the SHA-256 of the canonical JSON of its public
 * data (publicDataOf). An entry stays small whatever the payload (tlog-tiles allows 65,535 bytes),
 * and anyone can recompute it from what an anonymous caller is served. The envelope's keys are fixed,
 * so they are written in RFC 8785 order (sorted by UTF-16 code units) directly; their values are
 * strings, integers or null, which RFC 8785 serializes exactly as JSON.stringify does. This runs on
 * the append path of every event; a spec checks it against canonicalizing the whole entry.
 */
export function logEntryOf(event: Omit<EventEnvelope, 'data'>, dataHash: string): string {
  const by = event.recordedBy;
  const json = JSON.stringify;
  return (
    `{"causationId":${json(event.causationId)},"correlationId":${json(event.correlationId)}` +
    `,"dataHash":${json(dataHash)},"eventId":${json(event.eventId)}` +
    `,"occurredAt":${json(event.occurredAt)},"recordedAt":${json(event.recordedAt)}` +
    `,"recordedBy":{"id":${json(by.id)},"name":${json(by.name)},"role":${json(by.role)}}` +
    `,"schemaVersion":${json(event.schemaVersion)},"sequence":${json(event.sequence)}` +
    `,"streamId":${json(event.streamId)},"streamRevision":${json(event.streamRevision)},"type":${json(event.type)}}`
  );
}

/** SHA-256 of the RFC 8785 canonical JSON of an event's public data, lowercase hex. */
export function dataHashOf(publicData: unknown): string {
  return sha256Hex(canonicalJsonOf(publicData));
}

// One-shot crypto.hash: about twice createHash's speed on payload-sized text (the append path and verify).
function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** What stands for a restricted value: SHA-256(salt || canonical JSON of the value), lowercase hex. */
export function commitmentOf(saltHex: string, value: unknown): string {
  return createHash('sha256').update(Buffer.from(saltHex, 'hex')).update(canonicalJsonOf(value === undefined ? null : value)).digest('hex');
}

/**
 * The payload as anyone may see it and as the leaf commits to it: each restricted value (each field
 * with a salt) replaced by `{"commitment": <hex>}`, never removed, so the public data and therefore
 * the leaf stay recomputable by a caller who may not see the value.
 */
export function publicDataOf(data: unknown, salts: CommitmentSalts | null | undefined): unknown {
  if (!salts || typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const committed: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [field, salt] of Object.entries(salts)) {
    if (Object.hasOwn(committed, field)) committed[field] = { commitment: commitmentOf(salt, committed[field]) };
  }
  return committed;
}

/** A fresh salt for each restricted field present in the payload, or null when none is. */
export function drawCommitmentSalts(data: unknown, restrictedFields: readonly string[] | undefined, randomHex: () => string): CommitmentSalts | null {
  if (!restrictedFields?.length || typeof data !== 'object' || data === null) return null;
  const present = restrictedFields.filter((field) => Object.hasOwn(data, field));
  return present.length === 0 ? null : Object.fromEntries(present.map((field) => [field, randomHex()]));
}

/**
 * A new event id: UUIDv7, time-ordered, so consecutive events land on the same pages of the
 * event-id index instead of a random page each (measurably cheaper group commits, bench/).
 */
export function newEventId(): string {
  return uuidv7();
}

/** The log entry of a stored event (what an entry bundle of the log serves for it). */
export function storedLogEntry(event: EventEnvelope & { commitmentSalts?: CommitmentSalts | null }): string {
  return logEntryOf(event, dataHashOf(publicDataOf(event.data, event.commitmentSalts)));
}

/** The leaf hash of a stored event: SHA-256(0x00 || its log entry), lowercase hex (RFC 9162 section 2.1.1). */
export function leafHashOf(event: EventEnvelope & { commitmentSalts?: CommitmentSalts | null }): string {
  return leafHash(storedLogEntry(event));
}

/**
 * The leaf hash of an event without restricted values from its payload's canonical JSON text
 * (canonicalJsonOf of its data), which is its public data: hashed as it is, never parsed. The
 * embedded store keeps each payload as that text, so append and `ledger verify` take this path; for
 * any other text the result is simply another hash, which a caller holding the expected leaf
 * detects (and then falls back to leafHashOf of the parsed event).
 */
export function leafHashOfCanonicalData(envelope: Omit<EventEnvelope, 'data'>, canonicalData: string): string {
  return leafHash(logEntryOf(envelope, sha256Hex(canonicalData)));
}

/**
 * The leaf hash from what an anonymous caller is served: the envelope and the public data (each
 * restricted value already a commitment). The same hash as leafHashOf of the stored event.
 */
export function leafHashOfPublic(envelope: Omit<EventEnvelope, 'data'>, publicData: unknown): string {
  return leafHash(logEntryOf(envelope, dataHashOf(publicData)));
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
