import type { ReplayManifest } from '../replay/replay-manifest';

/** The replay a read-only server serves; null for the live API. */
export const SERVED_REPLAY = Symbol('SERVED_REPLAY');

/** What every refused write says on a replay server. */
export function readOnlyMessage(replay: ReplayManifest): string {
  return `this server serves a replay as of sequence ${replay.lastSequenceApplied} and is read-only: record through the live ledger's API`;
}
