import { bytesEqual, fromBase64, isWellFormedText, toBase64 } from './bytes';
import type { IntegrityCrypto } from './integrity-crypto';
import type { NoteSignerKey, NoteVerifierKey } from './note-key';
import { openNote, signNote, type NoteSignature, type OpenedNote } from './signed-note';
import { HASH_SIZE } from './tree-hasher';
import { isTreeIndex, parseDecimal } from './tree-size';

/** A log's tree head as c2sp.org/tlog-checkpoint writes it: the note text of a signed checkpoint. */
export interface Checkpoint {
  /** The log's identity, e.g. `ledger.denver.example/council`. */
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** Opaque extra lines; none by default (the spec does not recommend them). */
  readonly extensions: readonly string[];
}

export class MalformedCheckpoint extends Error {
  constructor(message: string) {
    super(`malformed checkpoint: ${message}`);
    this.name = 'MalformedCheckpoint';
  }
}

/** The checkpoint is well signed but by another log than the one expected. */
export class UnexpectedOrigin extends Error {
  constructor(readonly origin: string, readonly expected: string) {
    super(`the checkpoint is for ${JSON.stringify(origin)}, not ${JSON.stringify(expected)}`);
    this.name = 'UnexpectedOrigin';
  }
}

function checkLine(line: string, what: string): void {
  if (line === '') throw new MalformedCheckpoint(`the ${what} is empty`);
  if (!isWellFormedText(line) || /[\u0000-\u001f]/.test(line)) throw new MalformedCheckpoint(`the ${what} holds a control character or is not valid text`);
}

/** The note text: origin, decimal size, base64 root hash, then any extension lines, each ending in a newline. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  checkLine(checkpoint.origin, 'origin');
  if (!isTreeIndex(checkpoint.size)) throw new MalformedCheckpoint(`tree size ${checkpoint.size} is not a non-negative safe integer`);
  if (checkpoint.rootHash.length !== HASH_SIZE) throw new MalformedCheckpoint(`the root hash is ${checkpoint.rootHash.length} bytes, not ${HASH_SIZE}`);
  checkpoint.extensions.forEach((line) => checkLine(line, 'extension line'));
  return [checkpoint.origin, String(checkpoint.size), toBase64(checkpoint.rootHash), ...checkpoint.extensions].map((line) => `${line}\n`).join('');
}

/**
 * Reads a checkpoint's note text (c2sp.org/tlog-checkpoint, "Note text"): at least three non-empty
 * lines, each ending in a newline. The origin is taken as it is: clients must not assume its form.
 */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new MalformedCheckpoint('the text does not end in a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new MalformedCheckpoint('fewer than three lines (origin, size, root hash)');
  lines.forEach((line, i) => checkLine(line, i === 0 ? 'origin' : i === 1 ? 'tree size' : i === 2 ? 'root hash' : 'extension line'));
  const [origin, sizeText, rootText, ...extensions] = lines;
  const size = parseDecimal(sizeText);
  if (size === undefined) throw new MalformedCheckpoint(`the tree size ${JSON.stringify(sizeText)} is not a decimal without leading zeros (up to 2^53 - 1)`);
  const rootHash = fromBase64(rootText);
  if (!rootHash || rootHash.length !== HASH_SIZE) throw new MalformedCheckpoint(`the root hash ${JSON.stringify(rootText)} is not the base64 of ${HASH_SIZE} bytes`);
  return { origin, size, rootHash, extensions };
}

export function checkpointsEqual(a: Checkpoint, b: Checkpoint): boolean {
  return a.origin === b.origin && a.size === b.size && bytesEqual(a.rootHash, b.rootHash) && a.extensions.length === b.extensions.length && a.extensions.every((line, i) => line === b.extensions[i]);
}

/** The signed checkpoint, as served at `<prefix>/checkpoint`. The log's key name should be its origin. */
export function signCheckpoint(crypto: IntegrityCrypto, checkpoint: Checkpoint, signers: readonly NoteSignerKey[], keep: readonly NoteSignature[] = []): string {
  return signNote(crypto, formatCheckpoint(checkpoint), signers, keep);
}

export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: OpenedNote;
}

/**
 * Opens a signed checkpoint of the log `origin`, trusting only `logKeys` (the keys configured for
 * that origin): the note rules of c2sp.org/signed-note, then the checkpoint's form, then its origin.
 */
export function openCheckpoint(crypto: IntegrityCrypto, signed: string | Uint8Array, origin: string, logKeys: readonly NoteVerifierKey[]): OpenedCheckpoint {
  const note = openNote(crypto, signed, logKeys);
  const checkpoint = parseCheckpoint(note.text);
  if (checkpoint.origin !== origin) throw new UnexpectedOrigin(checkpoint.origin, origin);
  return { checkpoint, note };
}
