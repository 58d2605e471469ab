import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerConfig } from '@ledger/config';
import { ReplayRefused } from './replay.errors';

/** Where the replay was stopped, as asked: a sequence (inclusive), or a time the ledger recorded by. */
export type ReplayBound = { untilSequence: number } | { untilTime: string };

/**
 * DIR/replay.json: what a replay directory holds, so that serving it can say what it serves and
 * check that it still matches its source. Written with complete: false before the read models
 * are built and rewritten with complete: true after, so an interrupted replay is recognisable.
 */
export interface ReplayManifest {
  kind: 'ledger-replay';
  formatVersion: 1;
  complete: boolean;
  source: { dataDir: string; store: LedgerConfig['store'] };
  bound: ReplayBound;
  /** the newest sequence applied to the read models (inclusive) */
  lastSequenceApplied: number;
  /** the leaf hash of that event: ties the replay to exactly the history it was built from */
  lastLeafHash: string;
  createdAt: string;
}

export const REPLAY_MANIFEST_FILE = 'replay.json';
export const REPLAY_READ_MODELS_FILE = 'read-models.db';

export function replayPaths(dir: string) {
  return { manifest: join(dir, REPLAY_MANIFEST_FILE), readModels: join(dir, REPLAY_READ_MODELS_FILE) };
}

/** The manifest in dir; null when there is none; ReplayRefused when there is one but it is not a replay's. */
export function readReplayManifest(dir: string): ReplayManifest | null {
  const file = replayPaths(dir).manifest;
  if (!existsSync(file)) return null;
  let manifest: Partial<ReplayManifest>;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ReplayRefused(`${file} is not a replay manifest (not JSON)`);
  }
  const valid =
    manifest?.kind === 'ledger-replay' &&
    manifest.formatVersion === 1 &&
    typeof manifest.complete === 'boolean' &&
    typeof manifest.source?.dataDir === 'string' &&
    (manifest.source.store === 'sqlite' || manifest.source.store === 'eventstoredb') &&
    typeof manifest.bound === 'object' && manifest.bound !== null &&
    Number.isInteger(manifest.lastSequenceApplied) &&
    typeof manifest.lastLeafHash === 'string' &&
    typeof manifest.createdAt === 'string';
  if (!valid) throw new ReplayRefused(`${file} is not a replay manifest this version of the ledger understands`);
  return manifest as ReplayManifest;
}

/** Atomic: a reader sees the old manifest or the new one, never half of one. */
export function writeReplayManifest(dir: string, manifest: ReplayManifest): void {
  const file = replayPaths(dir).manifest;
  const partial = `${file}.partial-${process.pid}`;
  writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(partial, file);
}

/** "sequence 55 (--until-time 2026-…)" */
export function describeBound(manifest: Pick<ReplayManifest, 'bound' | 'lastSequenceApplied'>): string {
  const asked = 'untilTime' in manifest.bound ? ` (recorded by ${manifest.bound.untilTime})` : '';
  return `sequence ${manifest.lastSequenceApplied}${asked}`;
}
