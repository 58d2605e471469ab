import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ledgerExists, readLedgerReadModels } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { OCD_ID_NAMESPACE, OCD_TYPES, buildOcdExport, type OcdExport } from '@ledger/projections';
import { UsageError } from '../cli-errors';
import { assertNewOrEmptyDirectory, writeOcdDirectory } from '../export-ocd/ocd-directory.writer';
import { progressBar } from '../progress';

export const exportOcdUsage =
  'export --format ocd [--out DIR]            people, organizations, memberships, bills and votes as Open Civic Data JSON (one document on stdout, or DIR/<type>/<id>.json)';

/**
 * `export --format ocd`: the legislative record (never data requests) as Open Civic Data objects,
 * read from the ledger's read models at one exact point (the manifest names it): beside a live
 * server, from its read models; otherwise from read models caught up with the log first.
 */
export async function exportOcdCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values } = parseArgs({ args, options: { format: { type: 'string' }, out: { type: 'string' } } });
  if (values.format !== 'ocd') throw new UsageError('export-ocd handles --format ocd only');
  if (!ledgerExists(config)) throw new UsageError(`there is no ledger in ${config.dataDir} (no events.db)`);
  const out = values.out === undefined ? undefined : resolve(values.out);
  if (out) assertNewOrEmptyDirectory(out);

  const bar = out ? progressBar('export') : { update: () => undefined, stop: () => undefined };
  const { ocd, manifest } = await readLedgerReadModels(
    config,
    ({ db, through, leafHash }) => {
      const ocd = buildOcdExport(db);
      return { ocd, manifest: manifestOf(ocd, through, leafHash) };
    },
    ({ applied, target }) => bar.update(applied, target),
  );
  bar.stop();

  if (out) {
    writeOcdDirectory(out, ocd, manifest);
    console.log(`exported ${countsText(ocd)} as Open Civic Data to ${out} (ledger through sequence ${manifest.through_sequence})`);
  } else {
    process.stdout.write(`${JSON.stringify({ ...manifest, ...ocd }, null, 2)}\n`);
    console.error(`exported ${countsText(ocd)} as Open Civic Data (ledger through sequence ${manifest.through_sequence})`);
  }
}

/** What the export is of: the ledger point it shows, and how its ids were made. */
function manifestOf(ocd: OcdExport, through: number, leafHash: string | null) {
  return {
    format: 'ocd',
    through_sequence: through,
    through_leaf_hash: leafHash,
    id_scheme: `ocd-<type>/UUIDv5("<type>/<ledger id>", ${OCD_ID_NAMESPACE})`,
    counts: Object.fromEntries(OCD_TYPES.map((type) => [type, ocd[type].length])),
  };
}

function countsText(ocd: OcdExport): string {
  return OCD_TYPES.map((type) => `${ocd[type].length} ${type}`).join(', ');
}
