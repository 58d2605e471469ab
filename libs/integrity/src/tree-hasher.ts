import { SHA256_SIZE, type IntegrityCrypto } from './integrity-crypto';

/** RFC 9162 section 2.1: every tree hash here is SHA-256. */
export const HASH_SIZE = SHA256_SIZE;

// RFC 9162 section 2.1.1: domain separation, so a leaf can never be passed off as an inner node.
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** The hashes of RFC 9162 section 2.1.1, on bytes. */
export interface TreeHasher {
  /** SHA-256(0x00 || entry). */
  hashLeaf(entry: Uint8Array): Uint8Array;
  /** SHA-256(0x01 || left || right). */
  hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array;
  /** MTH({}) = SHA-256(), the root of the empty tree. */
  emptyRoot(): Uint8Array;
}

export function treeHasher(crypto: IntegrityCrypto): TreeHasher {
  return {
    hashLeaf: (entry) => crypto.sha256(LEAF_PREFIX, entry),
    hashChildren: (left, right) => crypto.sha256(NODE_PREFIX, left, right),
    emptyRoot: () => crypto.sha256(),
  };
}
