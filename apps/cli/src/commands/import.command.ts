import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importTargetEventCount, openImportTarget } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { LedgerNotEmpty } from '@ledger/event-store';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import { MerkleFrontier, fromHex, keyIdHex, nodeIntegrityCrypto, openCheckpoint, parseCheckpoint, parseNote, parseVerifierKey, toHex, treeHasher, type Checkpoint } from '@ledger/integrity';
import { InvalidLedgerLine, countNdjsonLines, validatedNdjsonEvents } from '@ledger/ndjson';
import { CheckFailed, UsageError } from '../cli-errors';
import { progressBar } from '../progress';

export const importUsage =
  'import FILE [--checkpoint CP --vkey VKEY]  load an NDJSON export into an empty ledger, all or nothing (validates every line first;\n' +
  '                                             with a checkpoint of the source log and its key, the file must hold the log it signs)';

/**
 * Takes in an NDJSON export exactly as it was recorded (same sequences, recordedAt, leaf hashes),
 * into an empty embedded ledger only. Every line is validated before anything is written; the
 * write then validates each line again as it goes, inside one transaction, so a file that changed
 * in between still leaves the ledger empty.
 */
export async function importCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { positionals, values } = parseArgs({ args, options: { checkpoint: { type: 'string' }, vkey: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('import needs exactly one FILE (an NDJSON export: npm run ledger -- export --format ndjson --out FILE)');
  const file = resolve(positionals[0]);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file} is not a file`);
  const existing = await importTargetEventCount(config);
  if (existing > 0) throw new UsageError(`the ledger in ${config.dataDir} already holds ${existing} events; import needs an empty ledger (a fresh LEDGER_DATA_DIR)`);
  const lines = countNdjsonLines(file);
  if (lines === 0) throw new UsageError(`${file} is empty: it holds no events`);
  const signed = values.checkpoint === undefined && values.vkey === undefined ? null : signedCheckpoint(values.checkpoint, values.vkey);

  const registry = EventSchemaRegistry.fromDirectory();
  const check = progressBar('check ');
  let checked = 0;
  // The tree of the file's leaves (each validated against its event), to hold against the checkpoint.
  const tree = new MerkleFrontier(treeHasher(nodeIntegrityCrypto));
  let rootAtCheckpoint = signed?.checkpoint.size === 0 ? tree.root() : null;
  try {
    for (const event of validatedNdjsonEvents(file, registry)) {
      check.update(++checked, lines);
      if (!signed || tree.size >= signed.checkpoint.size) continue;
      tree.append(fromHex(event.leafHash)!);
      if (tree.size === signed.checkpoint.size) rootAtCheckpoint = tree.root();
    }
  } catch (error) {
    if (error instanceof InvalidLedgerLine) throw new CheckFailed(`${file}, ${error.message}; nothing was imported`);
    throw error;
  } finally {
    check.stop();
  }
  if (signed) {
    const { checkpoint, source } = signed;
    if (rootAtCheckpoint === null) throw new CheckFailed(`${source} signs a log of ${checkpoint.size} events; ${file} holds only ${checked}; nothing was imported`);
    if (toHex(rootAtCheckpoint) !== toHex(checkpoint.rootHash)) {
      throw new CheckFailed(`the first ${checkpoint.size} events of ${file} are not the log ${source} signs (root ${toHex(rootAtCheckpoint)}, signed ${toHex(checkpoint.rootHash)}); nothing was imported`);
    }
  }

  const store = openImportTarget(config);
  const bar = progressBar('import');
  let result;
  try {
    result = store.importRecorded(validatedNdjsonEvents(file, registry), (imported) => bar.update(imported, checked));
  } catch (error) {
    if (error instanceof InvalidLedgerLine) throw new CheckFailed(`${file} changed during the import: ${error.message}; nothing was imported`);
    if (error instanceof LedgerNotEmpty) throw new UsageError(`${error.message}; nothing was imported`);
    throw error;
  } finally {
    bar.stop();
    await store.close();
  }
  console.log(`imported ${result.count} events (sequences 0..${result.lastSequence}) from ${file} into ${config.dataDir}`);
  if (signed) console.log(`its first ${signed.checkpoint.size} events are the log ${signed.checkpoint.origin} signed (key ${signed.keyId}) in ${signed.source}`);
  console.log('the read models are built when the server starts (or with: npm run ledger -- rebuild)');
  // The log carries subject references and sealed details made with the source ledger's keys.
  console.log(`copy the source ledger's secrets/ into ${config.dataDir} before starting it (README, "Backup and restore")`);
}

/** The source log's checkpoint (what its /log/checkpoint served), opened with its key: both are needed. */
function signedCheckpoint(file: string | undefined, vkey: string | undefined): { checkpoint: Checkpoint; source: string; keyId: string } {
  if (file === undefined || vkey === undefined) throw new UsageError('--checkpoint and --vkey go together: the source log\'s checkpoint and its key (vkey of /.well-known/ledger-key.json)');
  let note: string;
  try {
    note = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--checkpoint ${file} cannot be read: ${(error as Error).message}`);
  }
  try {
    const key = parseVerifierKey(nodeIntegrityCrypto, vkey);
    const { origin } = parseCheckpoint(parseNote(note).text);
    const { checkpoint } = openCheckpoint(nodeIntegrityCrypto, note, origin, [key]);
    return { checkpoint, source: file, keyId: keyIdHex(key.keyId) };
  } catch (error) {
    throw new CheckFailed(`the checkpoint ${file} does not open with that key (${(error as Error).message}); nothing was imported`);
  }
}
