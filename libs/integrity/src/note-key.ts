import { concatBytes, fromBase64, toBase64, utf8 } from './bytes';
import { ED25519_PUBLIC_KEY_SIZE, ED25519_SEED_SIZE, type IntegrityCrypto } from './integrity-crypto';

/** c2sp.org/signed-note: the signature type byte of Ed25519, the only type this ledger signs or checks. */
export const ED25519_SIGNATURE_TYPE = 0x01;

/** A key that checks a note's signatures: its name, 32-bit key ID and Ed25519 public key. */
export interface NoteVerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
}

/** A key that signs notes: the verifier key's parts plus the 32-byte Ed25519 seed. */
export interface NoteSignerKey extends NoteVerifierKey {
  readonly seed: Uint8Array;
}

export class MalformedNoteKey extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedNoteKey';
  }
}

// Unicode spaces as Go's unicode.IsSpace knows them (the reference verifier): the ASCII ones,
// U+0085, U+00A0 and the separator categories.
const UNICODE_SPACE = /[\t\n\v\f\r \u0085\u00a0\p{Z}]/u;

/** c2sp.org/signed-note: key names are non-empty, without Unicode spaces or plus signs. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !UNICODE_SPACE.test(name) && !name.includes('+') && !/\p{Cs}/u.test(name);
}

/** Key ID = the first four bytes, big-endian, of SHA-256(key name || 0x0A || 0x01 || 32-byte public key). */
export function noteKeyId(crypto: IntegrityCrypto, name: string, publicKey: Uint8Array): number {
  const hash = crypto.sha256(utf8(name), Uint8Array.of(0x0a, ED25519_SIGNATURE_TYPE), publicKey);
  return new DataView(hash.buffer, hash.byteOffset, 4).getUint32(0);
}

/** The fixed-width lowercase hex of a key ID, as vkeys write it. */
export function keyIdHex(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

export function signerKeyFromSeed(crypto: IntegrityCrypto, name: string, seed: Uint8Array): NoteSignerKey {
  if (!isValidKeyName(name)) throw new MalformedNoteKey(`${JSON.stringify(name)} is not a valid key name (non-empty, no spaces, no "+")`);
  if (seed.length !== ED25519_SEED_SIZE) throw new MalformedNoteKey(`an Ed25519 seed is ${ED25519_SEED_SIZE} bytes, got ${seed.length}`);
  const publicKey = crypto.ed25519PublicKey(seed);
  return { name, keyId: noteKeyId(crypto, name, publicKey), publicKey, seed: Uint8Array.from(seed) };
}

export function generateSignerKey(crypto: IntegrityCrypto, name: string): NoteSignerKey {
  return signerKeyFromSeed(crypto, name, crypto.randomBytes(ED25519_SEED_SIZE));
}

export function verifierKeyOf(signer: NoteSignerKey): NoteVerifierKey {
  return { name: signer.name, keyId: signer.keyId, publicKey: signer.publicKey };
}

/** The vkey text: `name+hex8(key ID)+base64(0x01 || public key)`. */
export function formatVerifierKey(key: NoteVerifierKey): string {
  return `${key.name}+${keyIdHex(key.keyId)}+${toBase64(concatBytes(Uint8Array.of(ED25519_SIGNATURE_TYPE), key.publicKey))}`;
}

/** The signer key text Go's sumdb/note reads: `PRIVATE+KEY+name+hex8(key ID)+base64(0x01 || seed)`. */
export function formatSignerKey(key: NoteSignerKey): string {
  return `PRIVATE+KEY+${key.name}+${keyIdHex(key.keyId)}+${toBase64(concatBytes(Uint8Array.of(ED25519_SIGNATURE_TYPE), key.seed))}`;
}

/** Splits `name+hex8+base64(type || key)` and checks each part's form. */
function keyParts(text: string, what: string): { name: string; keyId: number; key: Uint8Array } {
  // Only the first two plus signs separate: base64 has "+" in its alphabet, a key name never does.
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) throw new MalformedNoteKey(`a ${what} has three parts separated by "+"`);
  const [name, hex, base64] = [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
  if (!isValidKeyName(name)) throw new MalformedNoteKey(`${JSON.stringify(name)} is not a valid key name`);
  if (!/^[0-9a-f]{8}$/.test(hex)) throw new MalformedNoteKey(`the key ID of a ${what} is 8 lowercase hex digits`);
  const typed = fromBase64(base64);
  if (!typed || typed.length === 0) throw new MalformedNoteKey(`the key of a ${what} is not base64`);
  if (typed[0] !== ED25519_SIGNATURE_TYPE) throw new MalformedNoteKey(`unsupported signature type 0x${typed[0].toString(16).padStart(2, '0')} (only Ed25519, 0x01)`);
  const key = typed.subarray(1);
  if (key.length !== ED25519_PUBLIC_KEY_SIZE) throw new MalformedNoteKey(`an Ed25519 key is 32 bytes, got ${key.length}`);
  return { name, keyId: parseInt(hex, 16), key: Uint8Array.from(key) };
}

/** Reads a vkey, refusing one whose key ID is not the one its name and public key give. */
export function parseVerifierKey(crypto: IntegrityCrypto, vkey: string): NoteVerifierKey {
  const { name, keyId, key } = keyParts(vkey, 'verifier key');
  if (noteKeyId(crypto, name, key) !== keyId) throw new MalformedNoteKey(`the key ID ${keyIdHex(keyId)} does not match the name and public key`);
  return { name, keyId, publicKey: key };
}

/** Reads a Go signer key, refusing one whose key ID is not the one of the public key its seed gives. */
export function parseSignerKey(crypto: IntegrityCrypto, skey: string): NoteSignerKey {
  if (!skey.startsWith('PRIVATE+KEY+')) throw new MalformedNoteKey('a signer key starts with "PRIVATE+KEY+"');
  const { name, keyId, key } = keyParts(skey.slice('PRIVATE+KEY+'.length), 'signer key');
  const signer = signerKeyFromSeed(crypto, name, key);
  if (signer.keyId !== keyId) throw new MalformedNoteKey(`the key ID ${keyIdHex(keyId)} does not match the name and the seed's public key`);
  return signer;
}
