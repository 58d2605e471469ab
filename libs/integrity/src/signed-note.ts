import { concatBytes, decodeUtf8, fromBase64, isWellFormedText, toBase64, utf8 } from './bytes';
import type { IntegrityCrypto } from './integrity-crypto';
import { isValidKeyName, keyIdHex, type NoteSignerKey, type NoteVerifierKey } from './note-key';

/** One signature line of a note: who signed (name and key ID) and the signature bytes (without the key ID). */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly signature: Uint8Array;
}

/** A note read for its form only: nothing in it is to be trusted yet. */
export interface ParsedNote {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** A note whose text at least one known key signed. */
export interface OpenedNote {
  readonly text: string;
  /** One per known key that signed (each checked). */
  readonly verified: readonly NoteSignature[];
  /** Signatures by keys the caller does not know (witnesses, rotated keys): kept, never trusted. */
  readonly unverified: readonly NoteSignature[];
}

/**
 * c2sp.org/signed-note asks verifiers to bound the signatures they read and to accept at least 16;
 * Go's sumdb/note refuses more than 100, and so does this.
 */
export const MAX_NOTE_SIGNATURES = 100;

const SIGNATURE_PREFIX = '\u2014 '; // em dash, space
const FORBIDDEN_CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

export class MalformedNote extends Error {
  constructor(message: string) {
    super(`malformed note: ${message}`);
    this.name = 'MalformedNote';
  }
}

/** No known key signed the note. The note is attached, for callers that want to say whose signatures it carried. */
export class UnverifiedNote extends Error {
  constructor(readonly note: ParsedNote) {
    super('the note has no signature by a known key');
    this.name = 'UnverifiedNote';
  }
}

/** A known key's signature does not verify: the whole note is refused. */
export class InvalidNoteSignature extends Error {
  constructor(readonly keyName: string, readonly keyId: number) {
    super(`invalid signature for key ${keyName}+${keyIdHex(keyId)}`);
    this.name = 'InvalidNoteSignature';
  }
}

/** Two different known keys share a name and key ID, so neither can be told apart: refused rather than guessed. */
export class AmbiguousNoteKey extends Error {
  constructor(readonly keyName: string, readonly keyId: number) {
    super(`ambiguous key ${keyName}+${keyIdHex(keyId)}: two known keys share its name and ID`);
    this.name = 'AmbiguousNoteKey';
  }
}

function checkText(text: string, what: string): void {
  if (!isWellFormedText(text)) throw new MalformedNote(`the ${what} is not valid UTF-8`);
  if (FORBIDDEN_CONTROL.test(text)) throw new MalformedNote(`the ${what} holds a control character other than newline`);
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) throw new MalformedNote('a signature line does not start with an em dash and a space');
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) throw new MalformedNote('a signature line has no space between key name and signature');
  const name = rest.slice(0, space);
  if (!isValidKeyName(name)) throw new MalformedNote(`${JSON.stringify(name)} is not a valid key name`);
  const bytes = fromBase64(rest.slice(space + 1));
  if (!bytes) throw new MalformedNote(`the signature of ${name} is not base64`);
  if (bytes.length < 5) throw new MalformedNote(`the signature of ${name} is shorter than a key ID and one byte`);
  return { name, keyId: new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0), signature: bytes.slice(4) };
}

export function formatSignatureLine(signature: NoteSignature): string {
  const keyId = new Uint8Array(4);
  new DataView(keyId.buffer).setUint32(0, signature.keyId);
  return `${SIGNATURE_PREFIX}${signature.name} ${toBase64(concatBytes(keyId, signature.signature))}\n`;
}

/**
 * Reads a note's form (c2sp.org/signed-note, "Format"): text ending in a newline, a blank line, then
 * one or more signature lines, each ending in a newline. The text is everything before the last
 * blank line, so the text itself may hold blank lines. Checks no signature.
 */
export function parseNote(message: string | Uint8Array): ParsedNote {
  const note = typeof message === 'string' ? message : decodeUtf8(message);
  if (note === undefined) throw new MalformedNote('the note is not valid UTF-8');
  checkText(note, 'note');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new MalformedNote('no blank line separates the text from the signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '') throw new MalformedNote('the note has no signature line');
  if (!block.endsWith('\n')) throw new MalformedNote('the last signature line does not end in a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw new MalformedNote(`more than ${MAX_NOTE_SIGNATURES} signatures`);
  return { text, signatures: lines.map(parseSignatureLine) };
}

const keyOf = (name: string, keyId: number) => `${name}+${keyIdHex(keyId)}`;

/**
 * Opens a signed note with the keys the caller trusts, following c2sp.org/signed-note,
 * "Signatures": a signature whose name and key ID are not both a known key's is ignored (kept as
 * unverified); every signature by a known key is checked, and one that fails refuses the whole
 * note; a note with no signature by a known key is refused.
 */
export function openNote(crypto: IntegrityCrypto, message: string | Uint8Array, verifiers: readonly NoteVerifierKey[]): OpenedNote {
  const note = parseNote(message);
  const known = new Map<string, NoteVerifierKey[]>();
  for (const key of verifiers) {
    const id = keyOf(key.name, key.keyId);
    known.set(id, [...(known.get(id) ?? []), key]);
  }

  const signed = utf8(note.text);
  const verified = new Map<string, NoteSignature>();
  const unverified = new Map<string, NoteSignature>();
  for (const signature of note.signatures) {
    const id = keyOf(signature.name, signature.keyId);
    const candidates = known.get(id);
    if (!candidates) {
      // The same line twice is one signature.
      unverified.set(formatSignatureLine(signature), signature);
      continue;
    }
    const publicKeys = new Set(candidates.map((key) => toBase64(key.publicKey)));
    if (publicKeys.size > 1) throw new AmbiguousNoteKey(signature.name, signature.keyId);
    // Stricter than Go's Open, which checks only a key's first signature: the spec says every one.
    if (!crypto.ed25519Verify(candidates[0].publicKey, signed, signature.signature)) throw new InvalidNoteSignature(signature.name, signature.keyId);
    if (!verified.has(id)) verified.set(id, signature);
  }
  if (verified.size === 0) throw new UnverifiedNote(note);
  return { text: note.text, verified: [...verified.values()], unverified: [...unverified.values()] };
}

/**
 * Signs a note's text with each signer, keeping the signatures given in `keep` (a note being
 * cosigned) except those a signer replaces. The text must end in a newline.
 */
export function signNote(crypto: IntegrityCrypto, text: string, signers: readonly NoteSignerKey[], keep: readonly NoteSignature[] = []): string {
  checkText(text, 'text');
  if (!text.endsWith('\n')) throw new MalformedNote('the text does not end in a newline');
  if (signers.length === 0) throw new RangeError('a signed note needs at least one signer');
  const signing = new Set(signers.map((signer) => keyOf(signer.name, signer.keyId)));
  const kept = keep.filter((signature) => !signing.has(keyOf(signature.name, signature.keyId)));
  if (kept.length + signers.length > MAX_NOTE_SIGNATURES) throw new MalformedNote(`more than ${MAX_NOTE_SIGNATURES} signatures`);
  const message = utf8(text);
  const fresh = signers.map((signer) => {
    if (!isValidKeyName(signer.name)) throw new MalformedNote(`${JSON.stringify(signer.name)} is not a valid key name`);
    return { name: signer.name, keyId: signer.keyId, signature: crypto.ed25519Sign(signer.seed, message) };
  });
  for (const signature of kept) {
    if (!isValidKeyName(signature.name) || signature.signature.length === 0) throw new MalformedNote(`a kept signature of ${JSON.stringify(signature.name)} is not well formed`);
  }
  return `${text}\n${[...kept, ...fresh].map(formatSignatureLine).join('')}`;
}
