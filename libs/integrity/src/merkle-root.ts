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

  constructor(private readonly hasher: TreeHasher) {}

  get size(): number {
    return this.leaves;
  }

  append(leafHash: Uint8Array): void {
    let hash = leafHash;
    let size = 1;
    while (this.subtreeSizes.length > 0 && this.subtreeSizes[this.subtreeSizes.length - 1] === size) {
      hash = this.hasher.hashChildren(this.subtrees.pop()!, hash);
      size += this.subtreeSizes.pop()!;
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
