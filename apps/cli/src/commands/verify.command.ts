import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openStoredLedgerLog } from '@ledger/composition';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import { toHex } from '@ledger/integrity';
import { verifyLedgerLog, type VerifiedLog } from '@ledger/transparency-log';
import { CheckFailed, UsageError } from '../cli-errors';
import { progressBar } from '../progress';

export const verifyUsage =
  'verify [--checkpoint FILE] [--all-signed]  recompute every leaf, the tree and its tiles from the events, check every signed checkpoint\n' +
  '                                             and their consistency (and with FILE, a checkpoint saved earlier); read-only, runs beside a\n' +
  '                                             live server; exit 1 naming the first sequence or checkpoint that does not hold';

/**
 * Checks the ledger's log from the stored events alone (verifyLedgerLog): exit 0 with a one-line
 * summary when everything holds, exit 1 (CheckFailed) naming the first sequence or checkpoint that
 * does not. Reads events.db and log.db read-only, so it never repairs what it judges.
 */
export async function verifyCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values } = parseArgs({ args, options: { checkpoint: { type: 'string' }, 'all-signed': { type: 'boolean', default: false } } });
  if (config.store !== 'sqlite') throw new UsageError('verify reads the embedded store (events.db); it does not read EventStoreDB (LEDGER_STORE=eventstoredb)');
  if (!existsSync(dataPaths(config).events)) throw new UsageError(`there is no ledger in ${config.dataDir} (no events.db)`);
  const savedCheckpoint = values.checkpoint === undefined ? undefined : { source: values.checkpoint, note: readSavedCheckpoint(values.checkpoint) };

  const started = Date.now();
  let verification;
  try {
    const ledger = openStoredLedgerLog(config);
    const bar = progressBar('verify');
    try {
      verification = verifyLedgerLog(ledger, {
        verifierKey: ledger.verifierKey,
        configuredOrigin: config.logOrigin,
        savedCheckpoint,
        requireAllSigned: values['all-signed'],
        onProgress: (done, total) => bar.update(done, total),
      });
    } finally {
      bar.stop();
      ledger.close();
    }
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    // An operational problem, not a finding about the log: say which, without a stack.
    throw new CheckFailed(`the ledger's files cannot be read (${(error as Error).message}); after a crash, start the server once so SQLite recovers them, then verify again`);
  }
  if (!verification.holds) throw new CheckFailed(verification.problem);
  console.log(summary(verification.verified, savedCheckpoint?.source, (Date.now() - started) / 1000));
}

function isSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

function readSavedCheckpoint(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--checkpoint ${file} cannot be read: ${(error as Error).message}`);
  }
}

/** One line: what was checked, and what is not covered yet (events beyond the tree or the latest checkpoint). */
function summary(log: VerifiedLog, savedSource: string | undefined, seconds: number): string {
  const parts = [`verified ${log.events} events${log.events > 0 ? ` (sequences 0..${log.events - 1})` : ''}: leaf hashes, sequences and stream revisions`];
  if (log.hasLog) parts.push(`the tree of ${log.treeSize} leaves (root ${toHex(log.rootHash)}) and its ${count(log.tilesChecked, 'tile')}`);
  else parts.push('no transparency log yet (no log.db: a server builds it when it starts)');
  if (log.checkpointsChecked > 0) parts.push(`${count(log.checkpointsChecked, 'signed checkpoint')} of ${log.origin} (key ${log.keyId})${log.checkpointsChecked > 1 ? ', each consistent with the one before' : ''}`);
  if (log.savedCheckpointSize !== null) parts.push(`the saved checkpoint of size ${log.savedCheckpointSize} in ${savedSource}`);
  const signedThrough = log.latestCheckpointSize ?? 0;
  if (signedThrough < log.events) parts.push(`not yet in a signed checkpoint: sequences ${signedThrough}..${log.events - 1}`);
  return `${parts.join('; ')} (${seconds.toFixed(1)} s)`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
