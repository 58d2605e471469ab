import { BoundedEventStore, isIsoInstant, lastSequenceRecordedBy, type EventStore } from '@ledger/event-store';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import type { LedgerConfig } from '@ledger/config';
import type { CatchUpProgress } from '@ledger/projections';
import { createEventStore } from '../event-store.factory';
import { embeddedEventsFile, rebuildReadModels } from '../read-models/rebuild-read-models';
import { prepareReplayDirectory } from './replay-directory';
import { replayPaths, writeReplayManifest, type ReplayBound, type ReplayManifest } from './replay-manifest';
import { ledgerExists } from './replay-source';
import { ReplayRefused } from './replay.errors';

export interface ReplayRequest {
  /** the ledger to replay */
  config: LedgerConfig;
  bound: ReplayBound;
  /** where read-models.db and replay.json go */
  outDir: string;
  onProgress?: (progress: CatchUpProgress) => void;
  now?: () => Date;
}

/**
 * Builds every read model as it stood after the bound into outDir, "as the ledger knew it": the
 * projections see the event store through a BoundedEventStore, so they cannot tell a replay from
 * a ledger that simply ended there. Only reads the event store; the read models are a file of
 * their own, so this runs beside a live server.
 */
export async function replayReadModels(request: ReplayRequest): Promise<ReplayManifest> {
  const { config, bound, outDir } = request;
  const now = request.now ?? (() => new Date());
  if (!ledgerExists(config)) throw new ReplayRefused(`there is no ledger in ${config.dataDir} (no events.db)`);
  const store = createEventStore(config);
  try {
    const lastSequenceApplied = await resolveBound(store, bound, now());
    const [lastEvent] = await store.readAll(lastSequenceApplied, 1);
    prepareReplayDirectory(outDir);
    const manifest: ReplayManifest = {
      kind: 'ledger-replay',
      formatVersion: 1,
      complete: false,
      source: { dataDir: config.dataDir, store: config.store },
      bound,
      lastSequenceApplied,
      lastLeafHash: lastEvent.leafHash,
      createdAt: now().toISOString(),
    };
    writeReplayManifest(outDir, manifest);

    // Built as a rebuild is, and on disk before the manifest below says the replay is complete.
    const bounded = new BoundedEventStore(store, lastSequenceApplied);
    const through = await rebuildReadModels(bounded, replayPaths(outDir).readModels, EventSchemaRegistry.fromDirectory(), request.onProgress, {
      eventsFile: embeddedEventsFile(config),
    });
    if (through !== lastSequenceApplied) throw new Error(`replay stopped at sequence ${through}, before ${lastSequenceApplied}`);
    const complete: ReplayManifest = { ...manifest, complete: true, createdAt: now().toISOString() };
    writeReplayManifest(outDir, complete);
    return complete;
  } finally {
    await store.close();
  }
}

/** The last sequence to replay: the one asked for, or the last the ledger had recorded by the time asked for. */
async function resolveBound(store: EventStore, bound: ReplayBound, now: Date): Promise<number> {
  const last = await store.lastSequence();
  if (last < 0) throw new ReplayRefused('the ledger holds no events: there is nothing to replay');
  if ('untilSequence' in bound) {
    if (!Number.isInteger(bound.untilSequence) || bound.untilSequence < 0) throw new ReplayRefused('--until-sequence must be a sequence (an integer >= 0)');
    if (bound.untilSequence > last) throw new ReplayRefused(`--until-sequence ${bound.untilSequence} is beyond the ledger's last sequence, ${last}`);
    return bound.untilSequence;
  }
  if (!isIsoInstant(bound.untilTime)) throw new ReplayRefused(`--until-time must be an ISO-8601 instant such as 2018-02-01T00:00:00Z, got ${bound.untilTime}`);
  // A replay claims to show what the ledger knew by then; about the future it cannot know that yet.
  if (Date.parse(bound.untilTime) > now.getTime()) throw new ReplayRefused(`--until-time ${bound.untilTime} is in the future`);
  const through = await lastSequenceRecordedBy(store, bound.untilTime);
  if (through < 0) {
    const [first] = await store.readAll(0, 1);
    throw new ReplayRefused(`the ledger had recorded nothing by ${bound.untilTime} (its first event was recorded at ${first.recordedAt})`);
  }
  return through;
}
