import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openReadModelDatabase, ownerLockFile, partialFileOf } from '@ledger/projections';
import { REPLAY_MANIFEST_FILE, REPLAY_READ_MODELS_FILE, readReplayManifest, replayPaths } from './replay-manifest';
import { ReplayRefused } from './replay.errors';

// The read models' owner lock: it stays, since another process may be about to take it.
const OWNER_LOCK_FILE = ownerLockFile(REPLAY_READ_MODELS_FILE);
// Everything a replay leaves in its directory, SQLite's side files included.
const REPLAY_FILES = new Set([
  REPLAY_MANIFEST_FILE,
  REPLAY_READ_MODELS_FILE,
  `${REPLAY_READ_MODELS_FILE}-wal`,
  `${REPLAY_READ_MODELS_FILE}-shm`,
  `${REPLAY_READ_MODELS_FILE}-journal`,
  // what an interrupted replay leaves while building its read models (buildReadModelFile)
  partialFileOf(REPLAY_READ_MODELS_FILE),
  OWNER_LOCK_FILE,
]);

/**
 * Makes dir ready for a new replay: created when missing, used as it is when empty, emptied when
 * it holds a previous replay and nothing else. Anything else is refused: a replay must never
 * overwrite a live ledger's read models or someone's files.
 */
export function prepareReplayDirectory(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    return;
  }
  if (!statSync(dir).isDirectory()) throw new ReplayRefused(`${dir} is not a directory`);
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  const foreign = entries.filter((entry) => !REPLAY_FILES.has(entry) && !entry.startsWith(`${REPLAY_MANIFEST_FILE}.partial-`));
  if (foreign.length > 0 || readReplayManifest(dir) === null) {
    throw new ReplayRefused(`${dir} is not empty and holds no previous replay (it has ${(foreign[0] ?? entries[0])}): choose a new or empty directory`);
  }
  const { readModels } = replayPaths(dir);
  // A server still serving the previous replay owns its file: this throws ReadModelsInUse then.
  // Otherwise the old read models go, whatever state they are in.
  if (existsSync(readModels)) openReadModelDatabase(readModels, { fresh: true }).close();
  for (const entry of entries) if (entry !== OWNER_LOCK_FILE) rmSync(join(dir, entry), { force: true });
}
