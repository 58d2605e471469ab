import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importTargetEventCount, openImportTarget } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { LedgerNotEmpty } from '@ledger/event-store';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import { InvalidLedgerLine, countNdjsonLines, validatedNdjsonEvents } from '@ledger/ndjson';
import { CheckFailed, UsageError } from '../cli-errors';
import { progressBar } from '../progress';

export const importUsage = 'import FILE                                load an NDJSON export into an empty ledger, all or nothing (validates every line first)';

/**
 * Takes in an NDJSON export exactly as it was recorded (same sequences, recordedAt, leaf hashes),
 * into an empty embedded ledger only. Every line is validated before anything is written; the
 * write then validates each line again as it goes, inside one transaction, so a file that changed
 * in between still leaves the ledger empty.
 */
export async function importCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('import needs exactly one FILE (an NDJSON export: npm run ledger -- export --format ndjson --out FILE)');
  const file = resolve(positionals[0]);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file} is not a file`);
  const existing = await importTargetEventCount(config);
  if (existing > 0) throw new UsageError(`the ledger in ${config.dataDir} already holds ${existing} events; import needs an empty ledger (a fresh LEDGER_DATA_DIR)`);
  const lines = countNdjsonLines(file);
  if (lines === 0) throw new UsageError(`${file} is empty: it holds no events`);

  const registry = EventSchemaRegistry.fromDirectory();
  const check = progressBar('check ');
  let checked = 0;
  try {
    for (const _event of validatedNdjsonEvents(file, registry)) check.update(++checked, lines);
  } catch (error) {
    if (error instanceof InvalidLedgerLine) throw new CheckFailed(`${file}, ${error.message}; nothing was imported`);
    throw error;
  } finally {
    check.stop();
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
  console.log('the read models are built when the server starts (or with: npm run ledger -- rebuild)');
  // The log carries subject references and sealed details made with the source ledger's keys.
  console.log(`copy the source ledger's secrets/ into ${config.dataDir} before starting it (README, "Backup and restore")`);
}
