import { createHash } from 'node:crypto';

// RFC 9162 section 2.1.1: domain-separated hashes, so a leaf can never be passed off as an inner node.
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** SHA-256(0x00 || leaf), lowercase hex. */
export function leafHash(leaf: string | Uint8Array): string {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest('hex');
}

/** SHA-256(0x01 || left || right), lowercase hex in and out. */
export function nodeHash(leftHex: string, rightHex: string): string {
  return createHash('sha256')
    .update(NODE_PREFIX)
    .update(Buffer.from(leftHex, 'hex'))
    .update(Buffer.from(rightHex, 'hex'))
    .digest('hex');
}
