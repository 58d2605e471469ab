import fc from 'fast-check';
import { leafHash, nodeHash } from './merkle-hash';
import { nodeIntegrityCrypto } from './node-integrity-crypto';
import { treeHasher } from './tree-hasher';

const hasher = treeHasher(nodeIntegrityCrypto);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('the event store\'s hex hashes', () => {
  it('keep their known values', () => {
    // RFC 6962 test data: the leaf hash of the empty entry, and the node hash of two.
    expect(leafHash('')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(nodeHash(leafHash(''), leafHash(Uint8Array.of(0)))).toBe('fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125');
  });

  it('agree with the byte-level tree hasher', () => {
    fc.assert(
      fc.property(fc.string(), fc.uint8Array(), (text, bytes) => {
        expect(leafHash(text)).toBe(hex(hasher.hashLeaf(new TextEncoder().encode(text))));
        expect(leafHash(bytes)).toBe(hex(hasher.hashLeaf(bytes)));
        expect(nodeHash(leafHash(text), leafHash(bytes))).toBe(hex(hasher.hashChildren(hasher.hashLeaf(new TextEncoder().encode(text)), hasher.hashLeaf(bytes))));
      }),
    );
  });
});
