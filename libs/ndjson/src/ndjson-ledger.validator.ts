import { RecordedVotesCheck } from '@ledger/domain';
import { InvalidEvent, RecordedHistoryCheck, SchemaViolation, type RecordedEvent } from '@ledger/event-store';
import { NDJSON_ACTOR_FIELDS, NDJSON_EVENT_FIELDS, NDJSON_OPTIONAL_EVENT_FIELDS } from './ndjson-event.line';
import { readNdjsonLines, type NdjsonLine } from './ndjson-lines.reader';

/** Checks a payload against its type's schema at the stored version (the event-schema registry does). */
export interface PayloadSchemas {
  validate(type: string, version: number, data: unknown): void;
  /** the payload fields the schema marks restricted (each must come with a commitment salt) */
  restrictedFields(type: string, version: number): readonly string[];
  /** the event with its payload at its type's latest version, which is what the domain's types describe */
  upcast(event: RecordedEvent): RecordedEvent;
}

/** A line of an NDJSON ledger file that cannot be taken in; the message names the line. */
export class InvalidLedgerLine extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'InvalidLedgerLine';
  }
}

/**
 * The salts must be exactly those the store draws on append: one (32 bytes, hex) for each restricted
 * field the payload holds. Without them the leaf would hash a restricted value itself, or commit to
 * a field the schema does not restrict.
 */
function commitmentSaltsProblem(event: RecordedEvent, restricted: readonly string[]): string | null {
  const data = event.data;
  const present = typeof data === 'object' && data !== null ? restricted.filter((field) => Object.hasOwn(data, field)) : [];
  const salts = event.commitmentSalts;
  if (salts === undefined || salts === null) return present.length ? `commitmentSalts is missing for its restricted fields (${present.join(', ')})` : null;
  if (typeof salts !== 'object' || Array.isArray(salts)) return 'commitmentSalts must be an object of hex salts by field';
  const fields = Object.keys(salts);
  if (fields.length !== present.length || present.some((field) => !fields.includes(field))) {
    return `commitmentSalts must name exactly its restricted fields (${present.join(', ') || 'none'}), not ${fields.join(', ') || 'none'}`;
  }
  const bad = fields.find((field) => typeof salts[field] !== 'string' || !/^[0-9a-f]{64}$/.test(salts[field]));
  return bad === undefined ? null : `commitmentSalts.${bad} must be 32 bytes of lowercase hex`;
}

/**
 * Everything an exported ledger must satisfy before a single event of it is written: each line a
 * complete JSON record with exactly the envelope's fields and a leaf hash; the envelope well formed;
 * the leaf hash that of the envelope; sequences dense from 0 in order, revisions dense per stream,
 * eventIds unique (RecordedHistoryCheck); each payload valid against its schema version; and each
 * field the ledger computes (a vote's roll call, tally, threshold and result) what the domain computes
 * from the log before it (RecordedVotesCheck). Lines are fed in order; the first failure is thrown,
 * naming its line.
 */
export class NdjsonLedgerValidator {
  private readonly history = new RecordedHistoryCheck();
  private readonly votes = new RecordedVotesCheck();

  constructor(private readonly schemas: PayloadSchemas) {}

  /** Events accepted so far. */
  get count(): number {
    return this.history.count;
  }

  accept(line: NdjsonLine): RecordedEvent {
    const fail = (reason: string): never => {
      throw new InvalidLedgerLine(line.number, reason);
    };
    if (line.text === null) fail('is not valid UTF-8');
    const text = line.text!;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      // The parser's own message quotes the line, which may hold restricted fields: not repeated.
      fail(line.terminated ? (text.trim() === '' ? 'is empty (one event per line, no blank lines)' : 'is not valid JSON') : 'ends mid-record (truncated?)');
    }
    const event = record as RecordedEvent;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) fail('is not an event object');
    const fieldProblem = unexpectedFields(record as object, NDJSON_EVENT_FIELDS, '', NDJSON_OPTIONAL_EVENT_FIELDS)
      ?? (typeof event.recordedBy === 'object' && event.recordedBy !== null ? unexpectedFields(event.recordedBy, NDJSON_ACTOR_FIELDS, 'recordedBy.') : null);
    if (fieldProblem) fail(fieldProblem);
    const saltProblem = commitmentSaltsProblem(event, this.schemas.restrictedFields(event.type, event.schemaVersion));
    if (saltProblem) fail(saltProblem);
    try {
      this.history.accept(event);
    } catch (error) {
      if (error instanceof InvalidEvent) fail(error.message);
      throw error;
    }
    try {
      this.schemas.validate(event.type, event.schemaVersion, event.data);
    } catch (error) {
      if (error instanceof SchemaViolation) fail(`payload does not match its schema: ${error.message}`);
      throw error;
    }
    // Last: a leaf hash recomputed over an altered payload passes every check above, this one not.
    const mismatch = this.votes.accept(this.schemas.upcast(event));
    if (mismatch) fail(`data.${mismatch.field}: ${mismatch.reason} (a field the ledger computes, altered?)`);
    return event;
  }
}

/** Fields are exact: one the envelope does not have would be dropped on import and break a re-export. */
function unexpectedFields(object: object, expected: readonly string[], prefix: string, optional: readonly string[] = []): string | null {
  const missing = expected.find((field) => !Object.prototype.hasOwnProperty.call(object, field));
  if (missing) return `field ${prefix}${missing} is missing`;
  const extra = Object.keys(object).find((field) => !expected.includes(field) && !optional.includes(field));
  return extra === undefined ? null : `field ${prefix}${extra} is not part of an event envelope`;
}

/**
 * The events of an NDJSON ledger file, each validated as it is read; throws InvalidLedgerLine at
 * the first bad line, and when the file holds no event at all.
 */
export function* validatedNdjsonEvents(file: string, schemas: PayloadSchemas): Generator<RecordedEvent> {
  const validator = new NdjsonLedgerValidator(schemas);
  for (const line of readNdjsonLines(file)) yield validator.accept(line);
  if (validator.count === 0) throw new InvalidLedgerLine(1, 'the file holds no events');
}
