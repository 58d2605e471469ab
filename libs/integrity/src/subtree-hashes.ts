import { isTreeIndex, largestPowerOfTwoBelow } from './tree-size';
import type { TreeHasher } from './tree-hasher';

/**
 * Where proofs get their hashes from: the hash of the perfect subtree of 2^level leaves starting at
 * leaf index * 2^level (level 0: the leaf hashes). Only subtrees lying wholly within the tree are
 * asked for. An in-memory tree answers in tests; the tiles of a served log answer in production
 * (a tile at level L holds exactly the subtree hashes of level 8L).
 */
export interface SubtreeHashSource {
  subtreeHash(level: number, index: number): Uint8Array;
}

/**
 * MTH(D[start:end]) from the perfect subtrees of the source, following the definition of RFC 9162
 * section 2.1.1: split at the largest power of two below the size, until the parts are perfect
 * aligned subtrees that the source holds.
 */
export function rangeHash(hasher: TreeHasher, source: SubtreeHashSource, start: number, end: number): Uint8Array {
  if (!isTreeIndex(start) || !isTreeIndex(end) || end <= start) throw new RangeError(`no subtree spans [${start}, ${end})`);
  const size = end - start;
  let level = 0;
  while (2 ** level < size) level++;
  if (2 ** level === size && start % size === 0) return source.subtreeHash(level, start / size);
  const k = largestPowerOfTwoBelow(size);
  return hasher.hashChildren(rangeHash(hasher, source, start, start + k), rangeHash(hasher, source, start + k, end));
}

/** Every perfect subtree hash of a list of leaves, kept in memory: a source for tests and small trees. */
export class InMemoryMerkleTree implements SubtreeHashSource {
  // levels[l][i]: hash of the perfect subtree of 2^l leaves starting at leaf i * 2^l.
  private readonly levels: Uint8Array[][];

  constructor(private readonly hasher: TreeHasher, leafHashes: readonly Uint8Array[]) {
    this.levels = [[...leafHashes]];
    for (let below = this.levels[0]; below.length >= 2; below = this.levels[this.levels.length - 1]) {
      const level: Uint8Array[] = [];
      for (let i = 0; i + 1 < below.length; i += 2) level.push(hasher.hashChildren(below[i], below[i + 1]));
      this.levels.push(level);
    }
  }

  get size(): number {
    return this.levels[0].length;
  }

  subtreeHash(level: number, index: number): Uint8Array {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new RangeError(`the tree of size ${this.size} has no complete subtree at level ${level}, index ${index}`);
    return hash;
  }

  /** MTH of the first `size` leaves (all of them by default). */
  root(size = this.size): Uint8Array {
    if (!isTreeIndex(size) || size > this.size) throw new RangeError(`no tree of size ${size} in a tree of ${this.size} leaves`);
    return size === 0 ? this.hasher.emptyRoot() : rangeHash(this.hasher, this, 0, size);
  }
}
