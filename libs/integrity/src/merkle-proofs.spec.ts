import fc from 'fast-check';
import { fromBase64, utf8 } from './bytes';
import { consistencyProof, verifyConsistency } from './consistency-proof';
import { inclusionProof, verifyInclusion } from './inclusion-proof';
import { merkleRoot, MerkleFrontier } from './merkle-root';
import { nodeIntegrityCrypto } from './node-integrity-crypto';
import { InMemoryMerkleTree, rangeHash } from './subtree-hashes';
import { treeHasher } from './tree-hasher';

const hasher = treeHasher(nodeIntegrityCrypto);
const MAX_SIZE = 3000; // "a few thousand", and not a power of two

/** MTH(D[n]) written as RFC 9162 section 2.1.1 defines it, on the entries themselves. */
function referenceMth(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length === 0) return nodeIntegrityCrypto.sha256();
  if (entries.length === 1) return hasher.hashLeaf(entries[0]);
  let k = 1;
  while (k * 2 < entries.length) k *= 2;
  return hasher.hashChildren(referenceMth(entries.slice(0, k)), referenceMth(entries.slice(k)));
}

function entriesOf(seed: number, size: number): Uint8Array[] {
  return Array.from({ length: size }, (_, i) => utf8(`${seed}/${i}`));
}

// One tree serves every size: the tree of the first n leaves is made of the same subtrees.
const entries = entriesOf(0, MAX_SIZE);
const tree = new InMemoryMerkleTree(hasher, entries.map((entry) => hasher.hashLeaf(entry)));
const roots = Array.from({ length: MAX_SIZE + 1 }, (_, size) => tree.root(size));

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[bit >> 3] ^= 1 << (bit & 7);
  return copy;
}

function flipIndexBit(index: number, bit: number): number {
  return Math.floor(index / 2 ** bit) % 2 === 1 ? index - 2 ** bit : index + 2 ** bit;
}

/** A leaf of a tree: the size, then an index below it. */
const leafOfTree = fc.integer({ min: 1, max: MAX_SIZE }).chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));
/** Two sizes 0 < m <= n. */
const sizePair = fc.integer({ min: 1, max: MAX_SIZE }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n)));

describe('the Merkle tree hash', () => {
  it('of the RFC 6962 test leaves is the vectors\' root of size 8', () => {
    const testLeaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) => Uint8Array.from(Buffer.from(hex, 'hex')));
    expect(merkleRoot(hasher, testLeaves.map((leaf) => hasher.hashLeaf(leaf)))).toEqual(fromBase64('XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg='));
  });

  it('of no leaves is SHA-256 of nothing', () => {
    expect(Buffer.from(merkleRoot(hasher, [])).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('equals the recursive definition, whichever way it is computed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SIZE }), fc.integer(), (size, seed) => {
        const data = entriesOf(seed, size);
        const leafHashes = data.map((entry) => hasher.hashLeaf(entry));
        const want = referenceMth(data);
        expect(merkleRoot(hasher, leafHashes)).toEqual(want);
        expect(new InMemoryMerkleTree(hasher, leafHashes).root()).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });

  it('grows append by append: the frontier has the root of every prefix', () => {
    const frontier = new MerkleFrontier(hasher);
    for (let size = 1; size <= MAX_SIZE; size++) {
      frontier.append(tree.subtreeHash(0, size - 1));
      if (!Buffer.from(frontier.root()).equals(roots[size])) throw new Error(`the frontier's root differs at size ${size}`);
    }
    expect(frontier.size).toBe(MAX_SIZE);
  });

  it('hands out the hashes of the tlog-tiles tiles as the frontier forms them (256^L leaves each, in order)', () => {
    const leaves = Array.from({ length: 256 * 256 + 300 }, (_, i) => nodeIntegrityCrypto.sha256(utf8(`leaf ${i}`)));
    const heard: Array<[number, Uint8Array]> = [];
    const frontier = new MerkleFrontier(hasher, (level, hash) => heard.push([level, hash]));
    leaves.forEach((leaf) => frontier.append(leaf));
    const levelOne = Array.from({ length: 257 }, (_, i) => merkleRoot(hasher, leaves.slice(i * 256, (i + 1) * 256)));
    expect(heard.filter(([level]) => level === 1).map(([, hash]) => hash)).toEqual(levelOne);
    expect(heard.filter(([level]) => level === 2).map(([, hash]) => hash)).toEqual([merkleRoot(hasher, levelOne.slice(0, 256))]);
    expect(heard.length).toBe(258);
    // Each in the order a tile grows: the level-2 hash right after the level-1 hash that completes it.
    expect(heard.findIndex(([level]) => level === 2)).toBe(256);
    expect(frontier.root()).toEqual(merkleRoot(hasher, leaves));
  });

  it('of any range is the recursive definition of that range', () => {
    fc.assert(
      fc.property(sizePair, ([a, b]) => {
        const start = a - 1;
        expect(rangeHash(hasher, tree, start, b)).toEqual(referenceMth(entries.slice(start, b)));
      }),
    );
  });
});

describe('inclusion proofs', () => {
  it('verify for every leaf of a tree of each size up to 64', () => {
    for (let size = 1; size <= 64; size++) {
      for (let index = 0; index < size; index++) {
        const verdict = verifyInclusion(hasher, { index, size, leafHash: tree.subtreeHash(0, index), proof: inclusionProof(hasher, tree, index, size), root: roots[size] });
        if (!verdict.ok) throw new Error(`leaf ${index} of ${size}: ${verdict.reason}`);
      }
    }
  });

  it('generated for any leaf verify against the root', () => {
    fc.assert(
      fc.property(leafOfTree, ([size, index]) => {
        const proof = inclusionProof(hasher, tree, index, size);
        expect(verifyInclusion(hasher, { index, size, leafHash: hasher.hashLeaf(entries[index]), proof, root: roots[size] })).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('are rejected when any bit of the proof, the leaf hash, the root or the index is flipped', () => {
    fc.assert(
      fc.property(leafOfTree, fc.nat(), ([size, index], pick) => {
        const proof = inclusionProof(hasher, tree, index, size);
        const claim = { index, size, leafHash: tree.subtreeHash(0, index), proof, root: roots[size] };
        const targets = proof.length + 3;
        const target = pick % targets;
        const bit = Math.floor(pick / targets) % 256;
        const changed =
          target < proof.length ? { ...claim, proof: proof.map((hash, i) => (i === target ? flipBit(hash, bit) : hash)) }
          : target === proof.length ? { ...claim, leafHash: flipBit(claim.leafHash, bit) }
          : target === proof.length + 1 ? { ...claim, root: flipBit(claim.root, bit) }
          : { ...claim, index: flipIndexBit(index, bit % 53) };
        expect(verifyInclusion(hasher, changed).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('are rejected when a hash is added, removed or the size is 0', () => {
    fc.assert(
      fc.property(leafOfTree, ([size, index]) => {
        const proof = inclusionProof(hasher, tree, index, size);
        const claim = { index, size, leafHash: tree.subtreeHash(0, index), proof, root: roots[size] };
        expect(verifyInclusion(hasher, { ...claim, proof: [...proof, roots[size]] }).ok).toBe(false);
        expect(verifyInclusion(hasher, { ...claim, proof: [roots[size], ...proof] }).ok).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(hasher, { ...claim, proof: proof.slice(1) }).ok).toBe(false);
        expect(verifyInclusion(hasher, { ...claim, index: size }).ok).toBe(false);
        expect(verifyInclusion(hasher, { ...claim, index: 0, size: 0 }).ok).toBe(false);
      }),
    );
  });

  it('are not generated for a leaf outside the tree', () => {
    expect(() => inclusionProof(hasher, tree, 5, 5)).toThrow(RangeError);
    expect(() => inclusionProof(hasher, tree, -1, 5)).toThrow(RangeError);
    expect(() => inclusionProof(hasher, tree, 0, 0)).toThrow(RangeError);
  });

  it('refuse indices and sizes that are not safe integers', () => {
    const claim = { index: 0, size: 1, leafHash: roots[1], proof: [], root: roots[1] };
    expect(verifyInclusion(hasher, claim).ok).toBe(true);
    for (const bad of [0.5, -1, Number.NaN, 2 ** 53, Infinity]) {
      expect(verifyInclusion(hasher, { ...claim, index: bad }).ok).toBe(false);
      expect(verifyInclusion(hasher, { ...claim, size: bad }).ok).toBe(false);
    }
  });
});

describe('consistency proofs', () => {
  it('verify between every pair of sizes up to 64', () => {
    for (let n = 1; n <= 64; n++) {
      for (let m = 1; m <= n; m++) {
        const verdict = verifyConsistency(hasher, { size1: m, size2: n, root1: roots[m], root2: roots[n], proof: consistencyProof(hasher, tree, m, n) });
        if (!verdict.ok) throw new Error(`${m} -> ${n}: ${verdict.reason}`);
      }
    }
  });

  it('generated between any sizes m <= n verify', () => {
    fc.assert(
      fc.property(sizePair, ([m, n]) => {
        const proof = consistencyProof(hasher, tree, m, n);
        expect(verifyConsistency(hasher, { size1: m, size2: n, root1: roots[m], root2: roots[n], proof })).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('are rejected when any bit of the proof or of either root is flipped', () => {
    fc.assert(
      fc.property(sizePair, fc.nat(), ([m, n], pick) => {
        const proof = consistencyProof(hasher, tree, m, n);
        const claim = { size1: m, size2: n, root1: roots[m], root2: roots[n], proof };
        const targets = proof.length + 2;
        const target = pick % targets;
        const bit = Math.floor(pick / targets) % 256;
        const changed =
          target < proof.length ? { ...claim, proof: proof.map((hash, i) => (i === target ? flipBit(hash, bit) : hash)) }
          : target === proof.length ? { ...claim, root1: flipBit(claim.root1, bit) }
          : { ...claim, root2: flipBit(claim.root2, bit) };
        expect(verifyConsistency(hasher, changed).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('are rejected with a hash added or removed, or the sizes swapped', () => {
    fc.assert(
      fc.property(sizePair, ([m, n]) => {
        const proof = consistencyProof(hasher, tree, m, n);
        const claim = { size1: m, size2: n, root1: roots[m], root2: roots[n], proof };
        expect(verifyConsistency(hasher, { ...claim, proof: [...proof, roots[n]] }).ok).toBe(false);
        if (proof.length > 0) expect(verifyConsistency(hasher, { ...claim, proof: proof.slice(0, -1) }).ok).toBe(false);
        if (m < n) expect(verifyConsistency(hasher, { size1: n, size2: m, root1: roots[n], root2: roots[m], proof }).ok).toBe(false);
      }),
    );
  });

  it('reproduce the happy-path vectors from the RFC 6962 test leaves', () => {
    const testLeaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) => hasher.hashLeaf(Uint8Array.from(Buffer.from(hex, 'hex'))));
    const small = new InMemoryMerkleTree(hasher, testLeaves);
    const b64 = (hashes: Uint8Array[]) => hashes.map((hash) => Buffer.from(hash).toString('base64'));
    // consistency/2/happy-path.json and inclusion/2/happy-path.json
    expect(b64(consistencyProof(hasher, small, 6, 8))).toEqual(['DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=', 'yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=', '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=']);
    expect(b64(inclusionProof(hasher, small, 5, 8))).toEqual(['vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=', 'yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=', '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=']);
    // consistency/3 (2 -> 5) and consistency/4 (6 -> 7)
    expect(b64(consistencyProof(hasher, small, 2, 5))).toEqual(['Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=', 'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=']);
    expect(b64(consistencyProof(hasher, small, 6, 7))).toEqual(['DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=', 'sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=', '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=']);
  });

  it('are not generated from the empty tree or backwards', () => {
    expect(consistencyProof(hasher, tree, 7, 7)).toEqual([]);
    expect(() => consistencyProof(hasher, tree, 0, 7)).toThrow(RangeError);
    expect(() => consistencyProof(hasher, tree, 8, 7)).toThrow(RangeError);
  });
});
