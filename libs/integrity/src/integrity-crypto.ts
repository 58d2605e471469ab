/**
 * The only cryptography the integrity library needs, behind one small interface so the algorithms
 * stay free of `node:` imports: the server passes `nodeIntegrityCrypto`, a browser build (the
 * public portal) will pass an implementation of its own. Synchronous on purpose: tree and proof
 * code hashes in tight loops, and WebCrypto's promise per digest would make every caller async
 * (a browser implementation can use a synchronous pure-JS SHA-256 and Ed25519 instead).
 */
export interface IntegrityCrypto {
  /** SHA-256 of the parts, concatenated. */
  sha256(...parts: Uint8Array[]): Uint8Array;
  /** The 32-byte RFC 8032 public key of a 32-byte Ed25519 seed (Go's "private key seed"). */
  ed25519PublicKey(seed: Uint8Array): Uint8Array;
  /** The 64-byte RFC 8032 signature of message by the key of seed. */
  ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array;
  /** Whether signature is a valid RFC 8032 signature of message; false for malformed input. */
  ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** Cryptographically secure random bytes (new signing keys). */
  randomBytes(length: number): Uint8Array;
}

export const SHA256_SIZE = 32;
export const ED25519_SEED_SIZE = 32;
export const ED25519_PUBLIC_KEY_SIZE = 32;
export const ED25519_SIGNATURE_SIZE = 64;
