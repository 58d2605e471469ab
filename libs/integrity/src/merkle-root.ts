import { FULL_TILE_WIDTH, TILE_HEIGHT } from './tile-path';
import type { TreeHasher } from './tree-hasher';

/**
 * The root of a growing log, kept in O(log n) space: the hashes of the perfect subtrees that the
 * leaves so far decompose into, largest first (one per set bit of the size). Appending a leaf
 * merges equal-sized subtrees like a binary counter carries, so each append costs O(log n) hashes,
 * amortised O(1): what the tree follower needs to keep up with the log without re-reading it.
 */
export class MerkleFrontier {
  // Perfect subtree hashes, largest (leftmost) first; subtreeSizes[i] is the leaf count of subtrees[i].
  private readonly subtrees: Uint8Array[] = [];
  private readonly subtreeSizes: number[] = [];
  private leaves = 0;

  /**
   * onTileHash, when given, hears each perfect subtree of 256^level leaves (level >= 1) as the
   * appends form it: the hashes of the level-`level` tiles of c2sp.org/tlog-tiles, in order. A
   * follower that checks tiles gets them from the hashing the root needs anyway, not a second time.
   */
  constructor(
    private readonly hasher: TreeHasher,
    private readonly onTileHash?: (level: number, hash: Uint8Array) => void,
  ) {}

  get size(): number {
    return this.leaves;
  }

  append(leafHash: Uint8Array): void {
    let hash = leafHash;
    let size = 1;
    while (this.subtreeSizes.length > 0 && this.subtreeSizes[this.subtreeSizes.length - 1] === size) {
      hash = this.hasher.hashChildren(this.subtrees.pop()!, hash);
      size += this.subtreeSizes.pop()!;
      // A power of two here; the tile hashes are the powers of 256 (a height that is a multiple of 8).
      if (this.onTileHash && size >= FULL_TILE_WIDTH) {
        const height = Math.log2(size); // exact for a power of two
        if (height % TILE_HEIGHT === 0) this.onTileHash(height / TILE_HEIGHT, hash);
      }
    }
    this.subtrees.push(hash);
    this.subtreeSizes.push(size);
    this.leaves += 1;
  }

  /**
   * MTH of the leaves so far. RFC 9162 splits a tree at the largest power of two below its size,
   * which is exactly the first perfect subtree; so the root folds the subtrees from the right.
   */
  root(): Uint8Array {
    if (this.subtrees.length === 0) return this.hasher.emptyRoot();
    let root = this.subtrees[this.subtrees.length - 1];
    for (let i = this.subtrees.length - 2; i >= 0; i--) root = this.hasher.hashChildren(this.subtrees[i], root);
    return root;
  }
}

/** MTH(D[n]) of RFC 9162 section 2.1.1, from the leaves' hashes (or from tile hashes, as leaves of their subtree). */
export function merkleRoot(hasher: TreeHasher, leafHashes: Iterable<Uint8Array>): Uint8Array {
  const frontier = new MerkleFrontier(hasher);
  for (const leafHash of leafHashes) frontier.append(leafHash);
  return frontier.root();
}
