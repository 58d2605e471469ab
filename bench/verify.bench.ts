/**
 * `ledger verify` against the raw SHA-256 throughput of the same entries (issue 11: at least 0.4).
 *
 * A benchmark, never a test: prints figures and exits 0 (non-zero only when it crashes). Run after
 * `npm run build` with `node dist/bench/verify.bench.js DATA_DIR` on a ledger whose server has run
 * (so that log.db holds its tree and checkpoints), e.g. one made by `ledger generate`, then served
 * once. Raw: every event's log entry computed first (outside the timing), then SHA-256(0x00 ‖ entry)
 * of each, with node:crypto, nothing else: what hashing the leaves alone costs on this machine.
 * Verify: the library `ledger verify` runs (verifyLedgerLog, read-only), reading the events from
 * events.db, recomputing every leaf and the tree, checking every tile and checkpoint.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { openStoredLedgerLog } from '@ledger/composition';
import { loadConfig } from '@ledger/config';
import { storedLogEntry } from '@ledger/event-store';
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
  const prefix = Buffer.of(0);
  const began = performance.now();
  let keep = 0;
  for (const entry of entries) keep ^= createHash('sha256').update(prefix).update(entry).digest()[0];
  const seconds = (performance.now() - began) / 1000;
  if (keep < 0) console.log(keep);
  return { events: entries.length, perSecond: entries.length / seconds, meanBytes: entries.reduce((n, e) => n + e.length, 0) / entries.length };
}

export function runVerifyBench(dataDir: string) {
  const raw = measureRawSha256(dataDir);
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
  return { dataDir, raw, verify, ratio: verify.perSecond / raw.perSecond, checkpoints: verification.verified.checkpointsChecked, tiles: verification.verified.tilesChecked };
}

export function formatVerifyBench(result: ReturnType<typeof runVerifyBench>): string[] {
  const rate = (value: number) => Math.round(value).toLocaleString('en-US');
  return [
    `verify benchmark: ${rate(result.verify.events)} events in ${result.dataDir} (${result.tiles} tiles, ${result.checkpoints} checkpoints)`,
    `  raw SHA-256 of the same leaves (entries of ${Math.round(result.raw.meanBytes)} bytes on average): ${rate(result.raw.perSecond)} events/s`,
    `  ledger verify: ${rate(result.verify.perSecond)} events/s (${result.verify.seconds.toFixed(2)} s)`,
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
