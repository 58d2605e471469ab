import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OCD_TYPES, type OcdExport } from '@ledger/projections';
import { UsageError } from '../cli-errors';

/** Refuses a destination that holds anything: an export never mixes with other files or overwrites one. */
export function assertNewOrEmptyDirectory(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a directory`);
  if (readdirSync(dir).length > 0) throw new UsageError(`${dir} is not empty; export to a new or empty directory`);
}

/** The uuid of an OCD id: `ocd-person/<uuid>` is written as person/<uuid>.json. */
const fileNameOf = (ocdId: string) => `${ocdId.slice(ocdId.indexOf('/') + 1)}.json`;

/**
 * DIR/<type>/<uuid>.json, one object per file, and DIR/ocd-export.json describing the export.
 * Written beside DIR and renamed into place when complete, so DIR never holds half an export.
 */
export function writeOcdDirectory(dir: string, ocd: OcdExport, manifest: Record<string, unknown>): void {
  const partial = join(dirname(dir), `.${basename(dir)}.partial-${process.pid}`);
  mkdirSync(partial, { recursive: true });
  try {
    for (const type of OCD_TYPES) {
      mkdirSync(join(partial, type));
      for (const object of ocd[type]) {
        writeFileSync(join(partial, type, fileNameOf(object.id)), `${JSON.stringify(object, null, 2)}\n`, { flag: 'wx' });
      }
    }
    writeFileSync(join(partial, 'ocd-export.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(dir)) rmdirSync(dir);
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
