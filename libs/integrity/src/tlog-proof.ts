import { decodeUtf8, fromBase64, toBase64 } from './bytes';
import { openCheckpoint, parseCheckpoint, type Checkpoint } from './checkpoint';
import { verifyInclusion } from './inclusion-proof';
import type { IntegrityCrypto } from './integrity-crypto';
import type { NoteVerifierKey } from './note-key';
import { parseNote } from './signed-note';
import { HASH_SIZE, treeHasher, type TreeHasher } from './tree-hasher';
import { isTreeIndex, parseDecimal } from './tree-size';
import type { Verdict } from './verdict';

/** The first line of every c2sp.org/tlog-proof file. */
export const TLOG_PROOF_VERSION_LINE = 'c2sp.org/tlog-proof@v1';
/** The file extension the spec recommends. */
export const TLOG_PROOF_EXTENSION = '.tlog-proof';

/** An offline proof that an entry is in a log: its index, the audit path, and the signed checkpoint it leads to. */
export interface TlogProof {
  /** Opaque, unauthenticated data for the application (never to be trusted as is). */
  readonly extra?: Uint8Array;
  readonly index: number;
  /** From the leaf's sibling up to the root's child. */
  readonly inclusionProof: readonly Uint8Array[];
  /** The signed checkpoint note, verbatim, cosignatures included. */
  readonly signedCheckpoint: string;
}

export class MalformedTlogProof extends Error {
  constructor(message: string) {
    super(`malformed tlog proof: ${message}`);
    this.name = 'MalformedTlogProof';
  }
}

/** The checkpoint inside a proof, read for its form only (its signatures are not checked here). */
function embeddedCheckpoint(signedCheckpoint: string): Checkpoint {
  try {
    return parseCheckpoint(parseNote(signedCheckpoint).text);
  } catch (error) {
    throw new MalformedTlogProof(`the checkpoint is not a signed checkpoint (${(error as Error).message})`);
  }
}

/**
 * The proof file: the version line, an optional `extra <base64>` line, `index <decimal>`, one
 * base64 hash per line, a blank line, then the signed checkpoint.
 */
export function formatTlogProof(proof: TlogProof): string {
  if (!isTreeIndex(proof.index)) throw new MalformedTlogProof(`index ${proof.index} is not a non-negative safe integer`);
  proof.inclusionProof.forEach((hash, i) => {
    if (hash.length !== HASH_SIZE) throw new MalformedTlogProof(`proof hash ${i} is ${hash.length} bytes, not ${HASH_SIZE}`);
  });
  embeddedCheckpoint(proof.signedCheckpoint);
  const lines = [
    TLOG_PROOF_VERSION_LINE,
    ...(proof.extra === undefined ? [] : [`extra ${toBase64(proof.extra)}`]),
    `index ${proof.index}`,
    ...proof.inclusionProof.map(toBase64),
  ];
  return `${lines.join('\n')}\n\n${proof.signedCheckpoint}`;
}

/** Reads a proof file, refusing anything but the exact form of c2sp.org/tlog-proof, "Format". */
export function parseTlogProof(file: string | Uint8Array): TlogProof {
  const text = typeof file === 'string' ? file : decodeUtf8(file);
  if (text === undefined) throw new MalformedTlogProof('the file is not valid UTF-8');
  // The proof lines are non-empty, so the first blank line is the one before the checkpoint
  // (which has its own blank line, before its signatures).
  const split = text.indexOf('\n\n');
  if (split < 0) throw new MalformedTlogProof('no blank line before the checkpoint');
  const lines = text.slice(0, split).split('\n');
  const signedCheckpoint = text.slice(split + 2);
  if (lines[0] !== TLOG_PROOF_VERSION_LINE) throw new MalformedTlogProof(`the first line is not ${TLOG_PROOF_VERSION_LINE}`);
  let next = 1;
  let extra: Uint8Array | undefined;
  if (lines[next]?.startsWith('extra ')) {
    extra = fromBase64(lines[next].slice('extra '.length));
    if (!extra) throw new MalformedTlogProof('the extra data is not base64');
    next++;
  }
  const indexLine = lines[next] ?? '';
  const index = indexLine.startsWith('index ') ? parseDecimal(indexLine.slice('index '.length)) : undefined;
  if (index === undefined) throw new MalformedTlogProof(`expected "index <decimal without leading zeros>", got ${JSON.stringify(indexLine)}`);
  const inclusionProof = lines.slice(next + 1).map((line, i) => {
    const hash = fromBase64(line);
    if (!hash || hash.length !== HASH_SIZE) throw new MalformedTlogProof(`proof line ${i} is not the base64 of a ${HASH_SIZE}-byte hash`);
    return hash;
  });
  embeddedCheckpoint(signedCheckpoint);
  return { ...(extra === undefined ? {} : { extra }), index, inclusionProof, signedCheckpoint };
}

/** Whether the proof's audit path binds `leafHash`, at the proof's index, to the root of `checkpoint`. */
export function checkTlogProofInclusion(hasher: TreeHasher, proof: TlogProof, checkpoint: Checkpoint, leafHash: Uint8Array): Verdict {
  return verifyInclusion(hasher, { index: proof.index, size: checkpoint.size, leafHash, proof: proof.inclusionProof, root: checkpoint.rootHash });
}

export interface TlogProofExpectations {
  /** The hash of the entry the proof is for, computed by the application from what it knows. */
  readonly leafHash: Uint8Array;
  /** The log the entry must be in. */
  readonly origin: string;
  /** The keys trusted to sign that log's checkpoints. */
  readonly logKeys: readonly NoteVerifierKey[];
}

export type TlogProofVerdict = { readonly ok: true; readonly checkpoint: Checkpoint } | { readonly ok: false; readonly reason: string };

/**
 * Verifies a proof file as c2sp.org/tlog-proof, "Verifying a tlog proof", says: the checkpoint is
 * the expected log's and signed by one of its keys, and the audit path leads from the leaf hash to
 * its root. Witness cosignatures are kept but not counted: no witness policy is configured here.
 */
export function verifyTlogProof(crypto: IntegrityCrypto, file: string | Uint8Array | TlogProof, expected: TlogProofExpectations): TlogProofVerdict {
  let proof: TlogProof;
  let checkpoint: Checkpoint;
  try {
    proof = typeof file === 'string' || file instanceof Uint8Array ? parseTlogProof(file) : file;
    checkpoint = openCheckpoint(crypto, proof.signedCheckpoint, expected.origin, expected.logKeys).checkpoint;
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const inclusion = checkTlogProofInclusion(treeHasher(crypto), proof, checkpoint, expected.leafHash);
  return inclusion.ok ? { ok: true, checkpoint } : inclusion;
}
