/**
 * The log of a data dir as it is on disk, and the checks a crash must never break: read straight
 * from the embedded store's file (read-only, so it can be read beside a running server, and so a
 * reader never repairs what it is meant to judge), and judged with the store's own leafHashOf.
 */
import Database from 'better-sqlite3';
import { dataPaths } from '@ledger/config';
import { leafHashOf, type RecordedEvent } from '@ledger/event-store';
import { toRecordedEvent, type EventRow } from '@ledger/event-store-sqlite';
import { runCli, type CliResult } from './ledger-process';

/**
 * Every event in `events.db`, in sequence order, as the port would return it (not upcast). After a
 * crash, read it once a process has opened it to write (the restarted server, an integrity check):
 * a read-only connection cannot recover the WAL index a killed writer left.
 */
export function readLog(dataDir: string): RecordedEvent[] {
  const db = new Database(dataPaths({ dataDir }).events, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT * FROM events ORDER BY sequence').all() as EventRow[]).map(toRecordedEvent);
  } finally {
    db.close();
  }
}

/** What is wrong with a log, each list naming every offender; all empty for a sound log. */
export interface LogProblems {
  /** where the sequences stop counting up from 0 one by one (a gap, a repeat), once per break */
  notDense: string[];
  /** sequences whose stored leaf hash is not the hash of their envelope */
  badHashes: number[];
  /** a stream's revisions not dense from 0 */
  revisionGaps: string[];
  /** an eventId stored twice */
  duplicateEventIds: string[];
  /**
   * A command's events (one correlationId, one append) not stored as one append: spread over
   * streams, or not consecutive in sequence and revision. A command cut short is caught by
   * counting against what it should have written (acknowledgedCommandsMissing).
   */
  splitCommands: string[];
}

export const NO_LOG_PROBLEMS: LogProblems = { notDense: [], badHashes: [], revisionGaps: [], duplicateEventIds: [], splitCommands: [] };

/** The invariants of any log, whatever wrote it. */
export function logProblems(events: RecordedEvent[]): LogProblems {
  const problems: LogProblems = { notDense: [], badHashes: [], revisionGaps: [], duplicateEventIds: [], splitCommands: [] };
  const nextRevision = new Map<string, number>();
  const seen = new Set<string>();
  const commands = new Map<string, RecordedEvent[]>();
  let nextSequence = 0;
  events.forEach((event, position) => {
    if (event.sequence !== nextSequence) problems.notDense.push(`sequence ${event.sequence} at position ${position}, where ${nextSequence} was expected`);
    nextSequence = event.sequence + 1;
    if (event.leafHash !== leafHashOf(event)) problems.badHashes.push(event.sequence);
    const expected = nextRevision.get(event.streamId) ?? 0;
    if (event.streamRevision !== expected) problems.revisionGaps.push(`${event.streamId}@${event.sequence}: revision ${event.streamRevision}, expected ${expected}`);
    nextRevision.set(event.streamId, event.streamRevision + 1);
    if (seen.has(event.eventId)) problems.duplicateEventIds.push(event.eventId);
    seen.add(event.eventId);
    if (event.correlationId !== null) commands.set(event.correlationId, [...(commands.get(event.correlationId) ?? []), event]);
  });
  for (const [correlationId, stored] of commands) {
    const [first] = stored;
    const oneAppend = stored.every((e, i) => e.streamId === first.streamId && e.sequence === first.sequence + i && e.streamRevision === first.streamRevision + i);
    if (!oneAppend) problems.splitCommands.push(`${correlationId}: ${stored.map((e) => `${e.streamId}@${e.sequence}`).join(', ')}`);
  }
  return problems;
}

/**
 * Every check of a data dir's log that a crash must never break, in one place: the invariants
 * above, on the log as stored, cheap enough to run after every restart. `ledger verify` checks
 * these and the transparency log besides (tiles, signed checkpoints); it is a CLI process of a
 * second or more, so suites run it once at the end (runLedgerVerify).
 */
export function checkLedgerLog(dataDir: string): { events: RecordedEvent[]; problems: LogProblems } {
  const events = readLog(dataDir);
  return { events, problems: logProblems(events) };
}

/**
 * `ledger verify` (the built CLI) on a data dir no server is writing to: every leaf, the tree and its
 * tiles, every signed checkpoint and their consistency. Exit 0 when all holds; otherwise stderr
 * names the first sequence or checkpoint that does not.
 */
export function runLedgerVerify(dataDir: string, args: string[] = []): Promise<CliResult> {
  return runCli(['verify', ...args], { LEDGER_DATA_DIR: dataDir });
}

/** What a client was told was recorded: a mutation's receipt (RecordReceipt) as answered. */
export interface AcknowledgedCommand {
  /** how the client names it in a failure message */
  label: string;
  events: Array<{ id: string; sequence: number; leafHash: string; correlationId: string | null }>;
}

/**
 * Acknowledged commands the log does not hold exactly as acknowledged: each receipt's events at
 * the sequences and with the leaf hashes it gave, and no other event of that command (its
 * correlationId), so that neither a lost event nor a half-written or doubled command passes.
 */
export function acknowledgedCommandsMissing(events: RecordedEvent[], acknowledged: AcknowledgedCommand[]): string[] {
  const byId = new Map(events.map((e) => [e.eventId, e]));
  const perCommand = new Map<string, number>();
  for (const event of events) if (event.correlationId !== null) perCommand.set(event.correlationId, (perCommand.get(event.correlationId) ?? 0) + 1);
  const missing: string[] = [];
  for (const command of acknowledged) {
    const stored = command.events.filter((answered) => {
      const event = byId.get(answered.id);
      return event?.sequence === answered.sequence && event.leafHash === answered.leafHash && event.correlationId === answered.correlationId;
    });
    const correlationId = command.events[0]?.correlationId ?? null;
    const inLog = correlationId === null ? stored.length : (perCommand.get(correlationId) ?? 0);
    if (command.events.length === 0 || stored.length !== command.events.length || inLog !== command.events.length) {
      missing.push(`${command.label}: ${command.events.length} events acknowledged, ${stored.length} stored as acknowledged, ${inLog} in the log under its correlationId`);
    }
  }
  return missing;
}
