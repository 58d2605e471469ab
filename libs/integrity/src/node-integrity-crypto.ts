import { createPrivateKey, createPublicKey, hash, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { concatBytes } from './bytes';
import { ED25519_PUBLIC_KEY_SIZE, ED25519_SEED_SIZE, ED25519_SIGNATURE_SIZE, type IntegrityCrypto } from './integrity-crypto';

// node:crypto takes Ed25519 keys as DER, not raw bytes: a raw key is the fixed ASN.1 prefix of the
// algorithm (OID 1.3.101.112) followed by the 32 bytes (RFC 8410).
const PKCS8_ED25519_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);
const SPKI_ED25519_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

function privateKeyOf(seed: Uint8Array): KeyObject {
  if (seed.length !== ED25519_SEED_SIZE) throw new RangeError(`an Ed25519 seed is ${ED25519_SEED_SIZE} bytes, got ${seed.length}`);
  return createPrivateKey({ key: Buffer.from(concatBytes(PKCS8_ED25519_PREFIX, seed)), format: 'der', type: 'pkcs8' });
}

function publicKeyOf(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.from(concatBytes(SPKI_ED25519_PREFIX, publicKey)), format: 'der', type: 'spki' });
}

// A Buffer is a Uint8Array, but Jest's equality and callers' instanceof checks tell them apart:
// hand out plain Uint8Array views (no copy).
function plain(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** IntegrityCrypto on node:crypto (OpenSSL). */
export const nodeIntegrityCrypto: IntegrityCrypto = {
  sha256(...parts) {
    // One-shot crypto.hash: about twice as fast as createHash().update().digest() on the small
    // inputs of a Merkle tree (a node is 65 bytes), which is most of what verify does.
    return plain(hash('sha256', parts.length === 1 ? parts[0] : concatBytes(...parts), 'buffer'));
  },
  ed25519PublicKey(seed) {
    const spki = createPublicKey(privateKeyOf(seed)).export({ format: 'der', type: 'spki' });
    return plain(spki.subarray(SPKI_ED25519_PREFIX.length));
  },
  ed25519Sign(seed, message) {
    return plain(sign(null, message, privateKeyOf(seed)));
  },
  ed25519Verify(publicKey, message, signature) {
    if (publicKey.length !== ED25519_PUBLIC_KEY_SIZE || signature.length !== ED25519_SIGNATURE_SIZE) return false;
    try {
      return verify(null, message, publicKeyOf(publicKey), signature);
    } catch {
      // A public key OpenSSL cannot decode verifies nothing.
      return false;
    }
  },
  randomBytes(length) {
    return plain(randomBytes(length));
  },
};
