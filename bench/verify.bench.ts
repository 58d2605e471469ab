/**
 * `ledger verify` against the raw SHA-256 throughput of the same entries (issue 11: at least 0.4).
 *
 * A benchmark, never a test: prints figures and exits 0 (non-zero only when it crashes). Run after
 * `npm run build` with `node dist/bench/verify.bench.js DATA_DIR` on a ledger whose server has run
 * (so that log.db holds its tree and checkpoints), e.g. one made by `ledger generate`, then served
 * once. Raw: every event's log entry computed first (outside the timing), then SHA-256(0x00 ‖ entry)
 * of each with node:crypto's fastest call, nothing else: what hashing the leaves alone costs here.
 * Verify: the library `ledger verify` runs (verifyLedgerLog, read-only), reading the events from
 * events.db, recomputing every leaf and the tree, checking every tile and checkpoint.
 * Floor: the least any verifier of these entries does, with no checks and no library: each row read
 * with plain better-sqlite3, its dataHash (one SHA-256 of the stored canonical payload), its entry
 * and leaf (a second), and the leaf into the tree (a third, for the node above it). Its ratio to raw
 * is the most verify could reach on one core; twice it, the most on this machine's two cores.
 */
import Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { openStoredLedgerLog } from '@ledger/composition';
import { loadConfig } from '@ledger/config';
import { logEntryOf, storedLogEntry } from '@ledger/event-store';
import { MerkleFrontier, nodeIntegrityCrypto, treeHasher } from '@ledger/integrity';
import { verifyLedgerLog } from '@ledger/transparency-log';

const TARGET_VERIFY_VS_RAW = 0.4;

function measureRawSha256(dataDir: string): { events: number; perSecond: number; meanBytes: number } {
  const config = loadConfig({ ...process.env, LEDGER_DATA_DIR: dataDir, LEDGER_STORE: 'sqlite' });
  const ledger = openStoredLedgerLog(config);
  const entries: Buffer[] = [];
  try {
    for (const event of ledger.events) entries.push(Buffer.from(storedLogEntry(event)));
  } finally {
    ledger.close();
  }
  // The fastest way node:crypto has: one-shot crypto.hash of (0x00 || entry), prepared beforehand
  // (about twice createHash().update().digest(), the raw limit of "SHA-256 of 400 bytes").
  const leaves = entries.map((entry) => Buffer.concat([Buffer.of(0), entry]));
  const began = performance.now();
  let keep = 0;
  for (const leaf of leaves) keep ^= hash('sha256', leaf, 'buffer')[0];
  const seconds = (performance.now() - began) / 1000;
  if (keep < 0) console.log(keep);
  return { events: entries.length, perSecond: entries.length / seconds, meanBytes: entries.reduce((n, e) => n + e.length, 0) / entries.length };
}

/** The floor (see the header): read, dataHash, entry, leaf and the tree's node hashes, one core, nothing else. */
function measureVerifyFloor(dataDir: string): { events: number; perSecond: number } {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true, fileMustExist: true });
  const hasher = treeHasher(nodeIntegrityCrypto);
  try {
    const rows = db.prepare(
      'SELECT event_id, type, schema_version, stream_id, stream_revision, sequence, occurred_at, recorded_at, recorded_by, correlation_id, causation_id, data FROM events ORDER BY sequence',
    ).raw();
    const began = performance.now();
    const frontier = new MerkleFrontier(hasher);
    for (const row of rows.iterate() as IterableIterator<[string, string, number, string, number, number, string, string, string, string | null, string | null, string]>) {
      const [eventId, type, schemaVersion, streamId, streamRevision, sequence, occurredAt, recordedAt, recordedBy, correlationId, causationId, data] = row;
      const dataHash = hash('sha256', data, 'hex');
      const entry = logEntryOf({ eventId, type, schemaVersion, streamId, streamRevision, sequence, occurredAt, recordedAt, recordedBy: JSON.parse(recordedBy), correlationId, causationId }, dataHash);
      frontier.append(hash('sha256', `\u0000${entry}`, 'buffer'));
    }
    const seconds = (performance.now() - began) / 1000;
    return { events: frontier.size, perSecond: frontier.size / seconds };
  } finally {
    db.close();
  }
}

export function runVerifyBench(dataDir: string) {
  const raw = measureRawSha256(dataDir);
  const floor = measureVerifyFloor(dataDir);
  const config = loadConfig({ ...process.env, LEDGER_DATA_DIR: dataDir, LEDGER_STORE: 'sqlite' });
  const ledger = openStoredLedgerLog(config);
  const began = performance.now();
  let verification;
  try {
    verification = verifyLedgerLog(ledger, { verifierKey: ledger.verifierKey, configuredOrigin: config.logOrigin });
  } finally {
    ledger.close();
  }
  const seconds = (performance.now() - began) / 1000;
  if (!verification.holds) throw new Error(`the ledger does not verify: ${verification.problem}`);
  const verify = { events: verification.verified.events, seconds, perSecond: verification.verified.events / seconds };
  return {
    dataDir, raw, floor, verify, cores: availableParallelism(),
    ratio: verify.perSecond / raw.perSecond, checkpoints: verification.verified.checkpointsChecked, tiles: verification.verified.tilesChecked,
  };
}

export function formatVerifyBench(result: ReturnType<typeof runVerifyBench>): string[] {
  const rate = (value: number) => Math.round(value).toLocaleString('en-US');
  return [
    `verify benchmark: ${rate(result.verify.events)} events in ${result.dataDir} (${result.tiles} tiles, ${result.checkpoints} checkpoints)`,
    `  raw SHA-256 of the same leaves (entries of ${Math.round(result.raw.meanBytes)} bytes on average): ${rate(result.raw.perSecond)} events/s`,
    `  floor (read each row, dataHash, entry, leaf, tree; one core, no checks): ${rate(result.floor.perSecond)} events/s, ratio ${(result.floor.perSecond / result.raw.perSecond).toFixed(2)}; ` +
      `on all ${result.cores} cores at best ${((result.cores * result.floor.perSecond) / result.raw.perSecond).toFixed(2)}`,
    `  ledger verify: ${rate(result.verify.perSecond)} events/s (${result.verify.seconds.toFixed(2)} s), ${(result.verify.perSecond / result.floor.perSecond).toFixed(2)} of the floor`,
    `  ratio ${result.ratio.toFixed(2)}; target >= ${TARGET_VERIFY_VS_RAW.toFixed(2)}: ${result.ratio >= TARGET_VERIFY_VS_RAW ? 'PASS' : 'FAIL'}`,
  ];
}

if (require.main === module) {
  const dataDir = process.argv[2] ?? process.env.LEDGER_DATA_DIR;
  if (!dataDir) {
    console.error('usage: node dist/bench/verify.bench.js DATA_DIR   (a ledger whose server has run)');
    process.exit(2);
  }
  for (const line of formatVerifyBench(runVerifyBench(resolve(dataDir)))) console.log(line);
}
