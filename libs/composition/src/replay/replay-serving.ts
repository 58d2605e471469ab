import { existsSync } from 'node:fs';
import type { LedgerConfig } from '@ledger/config';
import { ReadModelsNotReady, openReadModelDatabase, readModelsPosition } from '@ledger/projections';
import { createEventStore } from '../event-store.factory';
import { ALL_PROJECTIONS } from '../read-models/ledger-read-models';
import { readReplayManifest, replayPaths, type ReplayManifest } from './replay-manifest';
import { ledgerExists, replaySourceConfig } from './replay-source';
import { ReplayRefused, ReplaySourceChanged } from './replay.errors';

export interface ServableReplay {
  manifest: ReplayManifest;
  /** the source ledger's configuration: its store (seen through the bound), keys and vault */
  config: LedgerConfig;
  readModelsFile: string;
}

/**
 * Everything that must hold before a replay directory is served: a complete replay, read models
 * built by these projections at these versions (a projection whose version changed would be
 * dropped and rebuilt on open, which a replay cannot do), and a source ledger that still holds
 * the very event the replay ends with, so its answers are about that ledger's history.
 */
export async function checkReplayForServing(dir: string, env: LedgerConfig): Promise<ServableReplay> {
  const manifest = readReplayManifest(dir);
  if (!manifest) throw new ReplayRefused(`${dir} holds no replay (no replay.json): make one with "ledger replay --until-sequence N --out ${dir}"`);
  if (!manifest.complete) throw new ReplayRefused(`the replay in ${dir} did not finish (interrupted?): run ledger replay again`);
  const readModelsFile = replayPaths(dir).readModels;
  if (!existsSync(readModelsFile)) throw new ReplayRefused(`the replay in ${dir} has no read models (read-models.db): run ledger replay again`);

  // Owned, like every read-model file written to: a replay already being served is refused here (ReadModelsInUse).
  const db = openReadModelDatabase(readModelsFile);
  try {
    const position = positionOf(db);
    if (position !== manifest.lastSequenceApplied) {
      const found = typeof position === 'number' ? `its read models stand at sequence ${position}` : position.message;
      throw new ReplayRefused(
        `the replay in ${dir} was built by another version of the ledger (${found}; expected every read model at sequence ${manifest.lastSequenceApplied}): run ledger replay again`,
      );
    }
  } finally {
    db.close();
  }

  const config = replaySourceConfig(manifest, env);
  if (!ledgerExists(config)) throw new ReplaySourceChanged(`the ledger this replay was built from is gone: no events.db in ${config.dataDir}`);
  const store = createEventStore(config);
  try {
    const [event] = await store.readAll(manifest.lastSequenceApplied, 1);
    if (event?.sequence !== manifest.lastSequenceApplied || event.leafHash !== manifest.lastLeafHash) {
      throw new ReplaySourceChanged(
        `the ledger in ${config.dataDir} no longer holds the history this replay was built from (its event ${manifest.lastSequenceApplied} ` +
          `${event ? 'has another leaf hash' : 'is missing'}): replay it again`,
      );
    }
  } finally {
    await store.close();
  }
  return { manifest, config, readModelsFile };
}

function positionOf(db: Parameters<typeof readModelsPosition>[0]): number | ReadModelsNotReady {
  try {
    return readModelsPosition(db, ALL_PROJECTIONS);
  } catch (error) {
    if (error instanceof ReadModelsNotReady) return error;
    throw error;
  }
}
