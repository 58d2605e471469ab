import {
  InvalidNoteSignature,
  MalformedCheckpoint,
  MalformedNote,
  UnexpectedOrigin,
  UnverifiedNote,
  bytesEqual,
  consistencyProof,
  formatVerifierKey,
  openCheckpoint,
  verifyConsistency,
  type Checkpoint,
  type IntegrityCrypto,
  type NoteVerifierKey,
  type SubtreeHashSource,
  type TreeHasher,
} from '@ledger/integrity';
import { LogDoesNotHold } from './log-does-not-hold';

/** The log a checkpoint must be of: its origin line and the key that signs for it. */
export interface LogIdentity {
  origin: string;
  key: NoteVerifierKey;
}

/**
 * Opens a signed checkpoint as a follower of the log would (c2sp.org/signed-note and
 * tlog-checkpoint): signed by the log's key, for the log's origin. `what` names it in the message
 * (`checkpoint of size 80`, `the checkpoint in old.txt`).
 */
export function openLogCheckpoint(crypto: IntegrityCrypto, note: string, log: LogIdentity, what: string): Checkpoint {
  try {
    return openCheckpoint(crypto, note, log.origin, [log.key]).checkpoint;
  } catch (error) {
    throw new LogDoesNotHold(`${what}: ${whyNotOpened(error, log)}`);
  }
}

function whyNotOpened(error: unknown, log: LogIdentity): string {
  const key = formatVerifierKey(log.key);
  if (error instanceof InvalidNoteSignature) return `its signature by the log's key does not verify (the signed text was altered, or the signature), key ${key}`;
  if (error instanceof UnverifiedNote) return `it carries no signature by the log's key ${key}`;
  if (error instanceof UnexpectedOrigin) return `it is a checkpoint of ${JSON.stringify(error.origin)}, not of the log's origin ${JSON.stringify(log.origin)}`;
  if (error instanceof MalformedNote || error instanceof MalformedCheckpoint) return `it is not a well-formed signed checkpoint (${error.message})`;
  throw error;
}

/** A checkpoint's signed root must be the root recomputed from the events for its size. */
export function checkSignedRoot(checkpoint: Checkpoint, recomputedRoot: Uint8Array, what: string): void {
  if (!bytesEqual(checkpoint.rootHash, recomputedRoot)) {
    throw new LogDoesNotHold(`${what}: signed root differs from the log's (the root of the first ${checkpoint.size} events as stored)`);
  }
}

/**
 * That the tree a later checkpoint signs extends the one an earlier one signs, as a follower holding
 * the earlier one would check it: a consistency proof (RFC 9162 2.1.4) computed from `tree`, the
 * verified tiles, checked against the two signed roots. Holds by construction once both roots are
 * the recomputed ones; checked anyway, as the one step a follower relies on.
 */
export function checkConsistent(hasher: TreeHasher, tree: SubtreeHashSource, earlier: Checkpoint, later: Checkpoint, what: string): void {
  // Every tree extends the empty one: there is no proof to check from size 0.
  if (earlier.size === 0) return;
  const proof = consistencyProof(hasher, tree, earlier.size, later.size);
  const verdict = verifyConsistency(hasher, { size1: earlier.size, size2: later.size, root1: earlier.rootHash, root2: later.rootHash, proof });
  if (!verdict.ok) throw new LogDoesNotHold(`${what}: not consistent with the checkpoint of size ${earlier.size} (${verdict.reason})`);
}
