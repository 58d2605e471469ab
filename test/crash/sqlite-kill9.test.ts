/**
 * Crash test of the embedded store (docs/ARCHITECTURE.md, "Storage"): an acknowledged append survives
 * kill -9, an append is all there or not at all, and the ledger stays dense and verifiable.
 * Real processes on a real file: a child (sqlite-appender.child.js, on the built code) appends
 * concurrently until SIGKILL; this process then reopens the file and checks everything, three
 * times over on the same file. Also: the immutability triggers hold against the sqlite3 shell.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { NO_LOG_PROBLEMS, checkLedgerLog } from '../support/ledger-log';

const ROOT = join(__dirname, '../..');
const BUILT_ADAPTER = join(ROOT, 'dist/libs/event-store-sqlite/src/index.js');
const CHILD = join(__dirname, 'sqlite-appender.child.js');
const CYCLES = 3;
const WORKERS = 12;
const MIN_ACKS_PER_CYCLE = 300;

interface Ack {
  ack: string;
  streamId: string;
  revision: number;
  sequences: number[];
  eventIds: string[];
}

interface CycleOutcome {
  ready: { revisions: Record<string, number> } | undefined;
  acks: Ack[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

interface AppendData {
  appendId: string;
  index: number;
  size: number;
}

let dir: string;
// A child outliving a failed or timed-out test would append forever; afterAll ends it.
const running = new Set<ChildProcessWithoutNullStreams>();

beforeAll(() => {
  if (!existsSync(BUILT_ADAPTER)) {
    throw new Error(`${BUILT_ADAPTER} is missing: the crash test runs the built code; run \`npm run build\` (npm test does it first)`);
  }
  dir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
});

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the child until it has acknowledged at least MIN_ACKS_PER_CYCLE appends plus a random
 * margin (so the kill lands at a different point each cycle), then SIGKILLs it. Acks printed
 * before it died still count, which is why stdout is read until it closes.
 */
function runUntilKilled(file: string, cycle: number): Promise<CycleOutcome> {
  const killAfter = MIN_ACKS_PER_CYCLE + Math.floor(Math.random() * 200);
  return new Promise((resolve, reject) => {
    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [CHILD, file, String(cycle), String(WORKERS)], {
      cwd: ROOT,
    });
    running.add(child);
    const outcome: CycleOutcome = { ready: undefined, acks: [], signal: null, code: null, stderr: '' };
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      // The last piece is a line not yet (or never, if the kill cut it) complete.
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const message = JSON.parse(line);
        if (message.ready) outcome.ready = message;
        else outcome.acks.push(message as Ack);
      }
      if (outcome.acks.length >= killAfter && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (outcome.stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      outcome.code = code;
      outcome.signal = signal;
      resolve(outcome);
    });
  });
}

function integrityCheck(file: string): string {
  const db = new Database(file);
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

function lastRevisions(events: RecordedEvent[]): Record<string, number> {
  const revisions: Record<string, number> = {};
  for (let w = 0; w < WORKERS; w++) revisions[`crash-stream-${w}`] = -1;
  for (const event of events) revisions[event.streamId] = Math.max(revisions[event.streamId], event.streamRevision);
  return revisions;
}

/**
 * What this test's appends must satisfy beyond any log's invariants (checkLedgerLog); returns lists
 * of violations so a failure shows every offender at once.
 */
function checkAppends(events: RecordedEvent[], acks: Ack[]) {
  const appends = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const { appendId } = event.data as AppendData;
    appends.set(appendId, [...(appends.get(appendId) ?? []), event]);
  }
  const partialAppends: string[] = [];
  for (const [appendId, stored] of appends) {
    const { size } = stored[0].data as AppendData;
    const whole =
      stored.length === size &&
      stored.every(
        (e, i) =>
          (e.data as AppendData).index === i &&
          e.streamId === stored[0].streamId &&
          e.sequence === stored[0].sequence + i &&
          e.streamRevision === stored[0].streamRevision + i,
      );
    if (!whole) partialAppends.push(`${appendId}: ${stored.length} of ${size} events at ${stored.map((e) => e.sequence).join(',')}`);
  }

  const byId = new Map(events.map((e) => [e.eventId, e]));
  const lostAcks: string[] = [];
  for (const ack of acks) {
    const stored = ack.eventIds.map((id) => byId.get(id));
    const intact =
      stored.every((e) => e !== undefined && e.streamId === ack.streamId) &&
      stored.map((e) => e?.sequence).join() === ack.sequences.join() &&
      stored[stored.length - 1]?.streamRevision === ack.revision;
    if (!intact) lostAcks.push(`${ack.ack} on ${ack.streamId}: ${ack.eventIds.length} acknowledged, ${stored.filter(Boolean).length} stored as acknowledged`);
  }
  const acknowledgedAppends = new Set(acks.map((a) => a.ack));
  const unacknowledgedButStored = [...appends.keys()].filter((id) => !acknowledgedAppends.has(id)).length;

  return { partialAppends, lostAcks, unacknowledgedButStored, appends: appends.size };
}

describe('SQLite store under kill -9 (real processes, real file)', () => {
  it(`keeps every acknowledged append, whole, dense and verifiable across ${CYCLES} kill/restart cycles`, async () => {
    const file = join(dir, 'kill9', 'events.db');
    const allAcks: Ack[] = [];
    let before: RecordedEvent[] = [];

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const outcome = await runUntilKilled(file, cycle);
      // It must have died of our SIGKILL, not of an error of its own.
      expect({ cycle, signal: outcome.signal, code: outcome.code, stderr: outcome.stderr }).toEqual({
        cycle,
        signal: 'SIGKILL',
        code: null,
        stderr: '',
      });
      // The restarted writer continued each stream from where the killed one left it.
      expect(outcome.ready?.revisions).toEqual(lastRevisions(before));
      expect(outcome.acks.length).toBeGreaterThanOrEqual(MIN_ACKS_PER_CYCLE);
      expect(outcome.acks.some((a) => a.eventIds.length === 3)).toBe(true);
      expect(outcome.acks.some((a) => a.eventIds.length === 1)).toBe(true);
      allAcks.push(...outcome.acks);

      expect(integrityCheck(file)).toBe('ok');
      const { events, problems } = checkLedgerLog(dirname(file));
      const report = checkAppends(events, allAcks);
      expect({ cycle, ...problems, ...report }).toEqual({
        cycle,
        ...NO_LOG_PROBLEMS,
        partialAppends: [],
        lostAcks: [],
        unacknowledgedButStored: report.unacknowledgedButStored,
        appends: report.appends,
      });
      // Nothing that was there before the kill went missing or changed.
      expect(events.slice(0, before.length)).toEqual(before);
      expect(events.length).toBeGreaterThan(before.length);
      before = events;
    }
  });
});

describe('immutability triggers against the sqlite3 shell', () => {
  const sqlite3 = 'sqlite3';
  let file: string;
  let snapshot: unknown[];

  function rows(): unknown[] {
    const db = new Database(file);
    try {
      return db.prepare('SELECT * FROM events ORDER BY sequence').all();
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    const probe = spawnSync(sqlite3, ['-version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      throw new Error(
        `the sqlite3 command-line shell is needed for this test and was not found on PATH (${probe.error?.message ?? probe.stderr}); ` +
          'install it, e.g. `apt-get install sqlite3` (CI does)',
      );
    }
    file = join(dir, 'triggers', 'events.db');
    const store = new SqliteEventStore({ file });
    const clerk = { id: 'person:clerk-1', name: 'Clerk One', role: 'clerk' };
    const event = (n: number) => ({
      eventId: randomUUID(),
      type: 'MeasureIntroduced',
      schemaVersion: 1,
      occurredAt: '2017-08-28T17:40:00-06:00',
      recordedBy: clerk,
      data: { n },
    });
    await store.append('measure-CB17-0766', [event(1), event(2)], 'no-stream');
    await store.append('measure-CB17-0767', [event(3)], 'no-stream');
    await store.close();
    snapshot = rows();
  });

  it.each([
    ['UPDATE of one row', "UPDATE events SET type = 'MeasureRepealed' WHERE sequence = 0;", 'ledger events are immutable: record a correction instead'],
    ['UPDATE of every row', "UPDATE events SET data = '{}', leaf_hash = 'x';", 'ledger events are immutable: record a correction instead'],
    ['DELETE of one row', 'DELETE FROM events WHERE sequence = 2;', 'ledger events are immutable: they cannot be deleted'],
    ['DELETE of every row', 'DELETE FROM events;', 'ledger events are immutable: they cannot be deleted'],
  ])('refuses %s with the trigger message and changes nothing', (_, sql, message) => {
    const result = spawnSync(sqlite3, ['-bail', file, sql], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(message);
    expect(rows()).toEqual(snapshot);
  });
});
