import { UnreadableEvent } from '@ledger/event-store';
import {
  bytesEqual,
  keyIdHex,
  nodeIntegrityCrypto,
  treeHasher,
  type Checkpoint,
  type IntegrityCrypto,
  type NoteVerifierKey,
  type SubtreeHashSource,
  type TreeHasher,
} from '@ledger/integrity';
import type { LogStore, StoredCheckpoint } from '../log-store';
import { TiledLog } from '../tiled-log';
import { checkConsistent, checkSignedRoot, openLogCheckpoint, type LogIdentity } from './checkpoint-checks';
import { LogDoesNotHold } from './log-does-not-hold';
import { RecomputedTree } from './recomputed-tree';
import { StoredEventChecks, type EventToVerify } from './stored-event-checks';

/** What `ledger verify` reads: the events as stored and the log's own store, both read-only. */
export interface LedgerLogToVerify {
  /** every stored event in sequence order, streamed (a reader's `.iterate()`, never a whole array) */
  events: Iterable<EventToVerify>;
  /** the last sequence stored when verification starts (for progress only) */
  lastSequence: number;
  /** the transparency log's store (log.db) opened read-only, or null when the ledger has none yet (never served) */
  store: LogStore | null;
}

export interface LogVerificationOptions {
  /** the log's verifier key; asked for only when there is a checkpoint to check */
  verifierKey(): NoteVerifierKey;
  /** the origin a checkpoint must carry when log.db names none yet (none signed): LEDGER_LOG_ORIGIN */
  configuredOrigin: string;
  /** a signed checkpoint the user saved earlier (what /log/checkpoint served), and where it came from */
  savedCheckpoint?: { source: string; note: string };
  /** fail when an event is in no signed checkpoint yet (a data dir no server writes to: a backup, an audit copy) */
  requireAllSigned?: boolean;
  onProgress?(done: number, total: number): void;
  crypto?: IntegrityCrypto;
}

/** What was verified, for the summary. */
export interface VerifiedLog {
  /** events checked: sequences 0..events-1 */
  events: number;
  /** whether the ledger has a transparency log yet (log.db) */
  hasLog: boolean;
  /** the size of the log's tree in log.db */
  treeSize: number;
  /** its root, recomputed from the events */
  rootHash: Uint8Array;
  tilesChecked: number;
  checkpointsChecked: number;
  /** the size of the latest signed checkpoint, null when none was signed */
  latestCheckpointSize: number | null;
  /** the checkpoints' origin and key ID, null when none was checked */
  origin: string | null;
  keyId: string | null;
  /** the size of the user's saved checkpoint, when one was given */
  savedCheckpointSize: number | null;
}

export type LogVerification = { readonly holds: true; readonly verified: VerifiedLog } | { readonly holds: false; readonly problem: string };

const PROGRESS_EVERY = 4096;

/**
 * Checks a ledger's log from its stored events alone, in one pass, stopping at the first thing that
 * does not hold: each event (StoredEventChecks), the tree and every tile log.db holds
 * (RecomputedTree), every signed checkpoint (signature by the log's key, origin, root of its size)
 * and consecutive ones consistent, and a checkpoint the user saved (signature, root, consistency
 * with the log's tree now). Only reads, so it runs beside a live server: log.db is read in one
 * snapshot taken before the events are read, so every leaf its tree holds is among the events read.
 * Usable without Nest: the CLI's `verify` is a thin shell around it.
 */
export function verifyLedgerLog(ledger: LedgerLogToVerify, options: LogVerificationOptions): LogVerification {
  try {
    const verify = () => new LogVerificationRun(ledger, options).run();
    return { holds: true, verified: ledger.store ? ledger.store.snapshot(verify) : verify() };
  } catch (error) {
    if (error instanceof LogDoesNotHold || error instanceof UnreadableEvent) return { holds: false, problem: error.message };
    throw error;
  }
}

/** One verification: the state read from log.db, then the pass over the events, then what needs the whole tree. */
class LogVerificationRun {
  private readonly crypto: IntegrityCrypto;
  private readonly hasher: TreeHasher;

  constructor(
    private readonly ledger: LedgerLogToVerify,
    private readonly options: LogVerificationOptions,
  ) {
    this.crypto = options.crypto ?? nodeIntegrityCrypto;
    this.hasher = treeHasher(this.crypto);
  }

  run(): VerifiedLog {
    const store = this.ledger.store;
    // log.db first: its snapshot is then older than the events', which can only have grown since.
    const state = store?.state() ?? null;
    if (state && state.version !== TiledLog.VERSION) {
      throw new LogDoesNotHold(`log.db holds a tree of layout version ${state.version}, not ${TiledLog.VERSION}: its tiles and checkpoints cannot be checked by this version`);
    }
    const treeSize = state?.size ?? 0;
    const stored = store?.checkpoints() ?? [];
    const saved = this.options.savedCheckpoint;
    const identity = stored.length > 0 || saved ? this.logIdentity(state) : null;
    const savedCheckpoint = saved && identity ? openLogCheckpoint(this.crypto, saved.note, identity, `the checkpoint in ${saved.source}`) : null;
    const savedName = savedCheckpoint ? `checkpoint of size ${savedCheckpoint.size} in ${saved!.source}` : '';

    // The roots needed, by size: each checkpoint's (stored and saved) and the tree's.
    const rootsNeeded = new Map<number, Array<(root: Uint8Array) => void>>();
    const need = (size: number, check: (root: Uint8Array) => void) => rootsNeeded.set(size, [...(rootsNeeded.get(size) ?? []), check]);
    const signed: Checkpoint[] = [];
    for (const checkpoint of stored) {
      const what = `checkpoint of size ${checkpoint.treeSize}`;
      need(checkpoint.treeSize, (root) => signed.push(this.checkStoredCheckpoint(checkpoint, identity!, root, what)));
    }
    if (savedCheckpoint) need(savedCheckpoint.size, (root) => checkSignedRoot(savedCheckpoint, root, savedName));
    let treeRoot = this.hasher.emptyRoot();
    need(treeSize, (root) => (treeRoot = root));

    // The pass: each event, its leaf into the tree, each root checked as the tree reaches its size.
    const events = new StoredEventChecks();
    const tree = new RecomputedTree(this.hasher, store ?? { tile: () => null }, treeSize);
    const total = Math.max(this.ledger.lastSequence + 1, treeSize);
    rootsNeeded.get(0)?.forEach((check) => check(tree.root()));
    for (const event of this.ledger.events) {
      tree.append(events.check(event));
      rootsNeeded.get(tree.size)?.forEach((check) => check(tree.root()));
      if (tree.size % PROGRESS_EVERY === 0) this.options.onProgress?.(tree.size, total);
    }
    this.options.onProgress?.(tree.size, total);
    const count = events.checked;
    if (count < treeSize) throw new LogDoesNotHold(missingTail(count, treeSize, "the log's tree holds"));
    for (const checkpoint of stored) if (checkpoint.treeSize > count) throw new LogDoesNotHold(missingTail(count, checkpoint.treeSize, `the checkpoint of size ${checkpoint.treeSize} signs`));
    if (savedCheckpoint && savedCheckpoint.size > count) throw new LogDoesNotHold(`${savedName}: ${missingTail(count, savedCheckpoint.size, 'it signs')}`);

    // The server signs only sizes its tree has reached: a checkpoint beyond it means log.db lost part of its tree.
    const beyond = stored.find((checkpoint) => checkpoint.treeSize > treeSize);
    if (beyond) throw new LogDoesNotHold(`checkpoint of size ${beyond.treeSize}: the log's tree in log.db holds only ${treeSize} leaves`);

    // With every tile verified, the stored tiles are the recomputed tree: proofs come from them.
    if (store && state && (signed.length > 1 || savedCheckpoint)) {
      const tiles = memoized(new TiledLog(store, this.hasher));
      signed.slice(1).forEach((later, i) => checkConsistent(this.hasher, tiles, signed[i], later, `checkpoint of size ${later.size}`));
      if (savedCheckpoint && savedCheckpoint.size <= treeSize) {
        const now: Checkpoint = { origin: savedCheckpoint.origin, size: treeSize, rootHash: treeRoot, extensions: [] };
        checkConsistent(this.hasher, tiles, savedCheckpoint, now, `${savedName}: the log's tree of ${treeSize} leaves`);
      }
    }
    const latest = stored.at(-1)?.treeSize ?? null;
    if (this.options.requireAllSigned && (latest ?? 0) < count) {
      throw new LogDoesNotHold(`sequence ${latest ?? 0}: in no signed checkpoint yet (${latest === null ? 'the log has signed none' : `the latest is of size ${latest}`})`);
    }
    return {
      events: count,
      hasLog: store !== null,
      treeSize,
      rootHash: treeRoot,
      tilesChecked: tree.checkedTiles,
      checkpointsChecked: signed.length,
      latestCheckpointSize: latest,
      origin: identity?.origin ?? null,
      keyId: identity ? keyIdHex(identity.key.keyId) : null,
      savedCheckpointSize: savedCheckpoint?.size ?? null,
    };
  }

  /**
   * The log's origin and key: the origin log.db recorded with its first checkpoint (the configured
   * one before any), and the configured key, which must be the one log.db says signed them.
   */
  private logIdentity(state: { origin: string | null; keyId: string | null } | null): LogIdentity {
    const key = this.options.verifierKey();
    if (state?.keyId && state.keyId !== keyIdHex(key.keyId)) {
      throw new LogDoesNotHold(`the log's checkpoints were signed with key ${state.keyId}, but the configured key is ${keyIdHex(key.keyId)}: configure the key that signed them`);
    }
    return { origin: state?.origin ?? this.options.configuredOrigin, key };
  }

  /** A stored checkpoint: its note opens with the log's key, says what its row says, and signs the recomputed root. */
  private checkStoredCheckpoint(stored: StoredCheckpoint, identity: LogIdentity, root: Uint8Array, what: string): Checkpoint {
    const checkpoint = openLogCheckpoint(this.crypto, stored.note, identity, what);
    if (checkpoint.size !== stored.treeSize) throw new LogDoesNotHold(`${what}: its note signs size ${checkpoint.size}`);
    if (!bytesEqual(checkpoint.rootHash, stored.rootHash)) throw new LogDoesNotHold(`${what}: its note signs another root than log.db records for it`);
    checkSignedRoot(checkpoint, root, what);
    return checkpoint;
  }
}

function missingTail(count: number, size: number, claim: string): string {
  const missing = size - count === 1 ? `sequence ${count} is missing` : `sequences ${count}..${size - 1} are missing`;
  return `${missing} (${claim} ${size} leaves, the events end ${count === 0 ? 'before sequence 0' : `at sequence ${count - 1}`})`;
}

/**
 * Consecutive checkpoints' proofs ask for mostly the same large subtrees: each is computed from the
 * tiles once (a bounded memo, so a log with many checkpoints stays within memory).
 */
function memoized(source: SubtreeHashSource, limit = 65_536): SubtreeHashSource {
  const known = new Map<string, Uint8Array>();
  return {
    subtreeHash(level, index) {
      const key = `${level}/${index}`;
      let hash = known.get(key);
      if (!hash) {
        hash = source.subtreeHash(level, index);
        if (known.size >= limit) known.clear();
        known.set(key, hash);
      }
      return hash;
    },
  };
}
