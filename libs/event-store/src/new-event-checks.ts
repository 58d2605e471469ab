import { InvalidEvent } from './event-store.errors';
import { canonicalJsonOf, isIsoInstant, type NewEvent } from './event-envelope';
import type { ExpectedRevision } from './event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// Stream ids are readable names such as measure-CB17-0766; no whitespace or control characters.
const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9._:#@-]{0,199}$/;

/**
 * Envelope checks every adapter makes before writing anything, so a bad append is refused the
 * same way whatever the storage. Payloads are checked against schemas elsewhere.
 */
export function assertAppendable(streamId: string, events: NewEvent[], expected: ExpectedRevision): void {
  assertStreamId(streamId);
  if (!(expected === 'no-stream' || expected === 'exists' || expected === 'any' || (Number.isInteger(expected) && expected >= 0))) {
    throw new InvalidEvent(`invalid expected revision ${JSON.stringify(expected)}`);
  }
  if (!Array.isArray(events) || events.length === 0) throw new InvalidEvent('an append needs at least one event');
  const ids = new Set<string>();
  for (const [i, event] of events.entries()) {
    const at = `event ${i} (${event?.type ?? 'no type'})`;
    assertEventFields(event, at);
    if (ids.has(event.eventId)) throw new InvalidEvent(`${at}: eventId ${event.eventId} appears twice`);
    ids.add(event.eventId);
  }
}

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || !STREAM_ID.test(streamId)) throw new InvalidEvent(`invalid stream id ${JSON.stringify(streamId)}`);
}

/**
 * The fields a writer supplies, checked one event at a time: shared by appends and by imports of
 * recorded history (recorded-history.checks.ts), so both refuse the same malformed envelope.
 */
export function assertEventFields(event: NewEvent, at: string): void {
  if (typeof event?.type !== 'string' || !/^[A-Z][A-Za-z0-9]{0,99}$/.test(event.type)) throw new InvalidEvent(`${at}: type must be a PascalCase name`);
  if (typeof event.eventId !== 'string' || !UUID.test(event.eventId)) throw new InvalidEvent(`${at}: eventId must be a UUID`);
  if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) throw new InvalidEvent(`${at}: schemaVersion must be a positive integer`);
  if (!isIsoInstant(event.occurredAt)) throw new InvalidEvent(`${at}: occurredAt must be an ISO-8601 instant`);
  const by = event.recordedBy;
  if (!by || [by.id, by.name, by.role].some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new InvalidEvent(`${at}: recordedBy needs id, name and role`);
  }
  for (const key of ['correlationId', 'causationId'] as const) {
    const value = event[key];
    if (value !== undefined && value !== null && (typeof value !== 'string' || value.length === 0 || value.length > 200)) {
      throw new InvalidEvent(`${at}: ${key} must be a non-empty string or null`);
    }
  }
  if (event.data === undefined) throw new InvalidEvent(`${at}: data is required`);
  const illFormed = illFormedField(event);
  if (illFormed !== null) throw new InvalidEvent(`${at}: ${illFormed} is not well-formed Unicode text (it holds a lone UTF-16 surrogate)`);
}

// The leaf is RFC 8785 JSON, which is defined for I-JSON (RFC 7493): no string may hold a surrogate
// code point. A lone UTF-16 surrogate has no UTF-8 form, so it would be hashed as one text and
// served as another (SQLite and every UTF-8 reader turn it into U+FFFD): refused for every event,
// whatever its way in (a command, the demo seed, an import).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True unless the string holds a lone UTF-16 surrogate (String.prototype.isWellFormed, ES2024). */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** Where the event holds text that is not well-formed: an envelope field, or data/<JSON Pointer>. */
function illFormedField(event: NewEvent): string | null {
  const { id, name, role } = event.recordedBy;
  if (![id, name, role].every(isWellFormedText)) return 'recordedBy';
  for (const key of ['correlationId', 'causationId'] as const) {
    const value = event[key];
    if (typeof value === 'string' && !isWellFormedText(value)) return key;
  }
  const pointer = firstIllFormedString(event.data);
  return pointer === null ? null : `data${pointer}`;
}

/**
 * The JSON Pointer of the first string or object key in a JSON value that is not well-formed
 * Unicode text; null when there is none. Iterative, so no nesting depth can overflow the stack.
 */
export function firstIllFormedString(value: unknown): string | null {
  // [value, its pointer, the member name it is held under (checked as text too)]
  const pending: Array<[unknown, string, string]> = [[value, '', '']];
  while (pending.length > 0) {
    const [item, pointer, key] = pending.pop()!;
    if (!isWellFormedText(key) || (typeof item === 'string' && !isWellFormedText(item))) return pointer;
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push([item[i], `${pointer}/${i}`, '']);
    } else if (typeof item === 'object' && item !== null) {
      for (const [name, member] of Object.entries(item).reverse()) {
        pending.push([member, `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, name]);
      }
    }
  }
  return null;
}

/**
 * The payload exactly as it will be read back: its JSON value (through JSON text, so whatever
 * JSON drops is dropped here too). Hashing the parsed copy guarantees the stored leaf hash
 * matches what any reader recomputes.
 */
export function jsonValueOf(data: unknown): unknown {
  const text = JSON.stringify(data);
  if (text === undefined) throw new InvalidEvent('data is not JSON');
  return JSON.parse(text);
}

/**
 * The payload as a store keeps it: its JSON value (jsonValueOf) and that value's RFC 8785
 * canonical text, the text stored. For an event without restricted values the stored text is
 * then exactly what its dataHash hashes, so a leaf is recomputed from the text without parsing it
 * (leafHashOfCanonicalData: append, and `ledger verify` at a million events).
 */
export function jsonRoundTrip(data: unknown): { text: string; value: unknown } {
  // A parsed JSON value always canonicalizes (no NaN, no Infinity, no undefined left). The value
  // is the text's own parse, keys in canonical order: what every later read returns, the
  // append's receipt included.
  const text = canonicalJsonOf(jsonValueOf(data));
  return { text, value: JSON.parse(text) };
}
