import { bytesEqual } from './bytes';
import { rangeHash, type SubtreeHashSource } from './subtree-hashes';
import { HASH_SIZE, type TreeHasher } from './tree-hasher';
import { halve, isOdd, isTreeIndex, largestPowerOfTwoBelow } from './tree-size';
import { invalid, VALID, type Verdict } from './verdict';

/**
 * PATH(m, D[n]) of RFC 9162 section 2.1.3.1: the audit path of leaf `index` in the tree of the
 * first `size` leaves, from the leaf's sibling up to the root's child.
 */
export function inclusionProof(hasher: TreeHasher, source: SubtreeHashSource, index: number, size: number): Uint8Array[] {
  if (!isTreeIndex(index) || !isTreeIndex(size) || index >= size) throw new RangeError(`no leaf ${index} in a tree of size ${size}`);
  const path: Uint8Array[] = [];
  // The recursion of the RFC, unrolled from the root down; the path is read from the leaf up.
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (index < start + k) {
      path.push(rangeHash(hasher, source, start + k, end));
      end = start + k;
    } else {
      path.push(rangeHash(hasher, source, start, start + k));
      start += k;
    }
  }
  return path.reverse();
}

export interface InclusionClaim {
  readonly index: number;
  readonly size: number;
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly root: Uint8Array;
}

/** Checks an inclusion proof exactly as RFC 9162 section 2.1.3.2 says, after refusing malformed input. */
export function verifyInclusion(hasher: TreeHasher, claim: InclusionClaim): Verdict {
  const { index, size, leafHash, proof, root } = claim;
  if (!isTreeIndex(index)) return invalid(`leaf index ${index} is not a non-negative safe integer`);
  if (!isTreeIndex(size)) return invalid(`tree size ${size} is not a non-negative safe integer`);
  // Step 1.
  if (index >= size) return invalid(`leaf index ${index} is not below tree size ${size}`);
  if (leafHash.length !== HASH_SIZE) return invalid(`the leaf hash is ${leafHash.length} bytes, not ${HASH_SIZE}`);
  if (root.length !== HASH_SIZE) return invalid(`the root hash is ${root.length} bytes, not ${HASH_SIZE}`);
  const short = proof.findIndex((hash) => hash.length !== HASH_SIZE);
  if (short >= 0) return invalid(`proof hash ${short} is ${proof[short].length} bytes, not ${HASH_SIZE}`);

  // Steps 2 to 4.
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (let i = 0; i < proof.length; i++) {
    const p = proof[i];
    if (sn === 0) return invalid(`the proof has ${proof.length} hashes, more than the ${i} a leaf of this tree needs`);
    if (isOdd(fn) || fn === sn) {
      r = hasher.hashChildren(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = halve(fn);
        sn = halve(sn);
      }
    } else {
      r = hasher.hashChildren(r, p);
    }
    fn = halve(fn);
    sn = halve(sn);
  }
  // Step 5.
  if (sn !== 0) return invalid(`the proof has ${proof.length} hashes, too few for leaf ${index} of a tree of size ${size}`);
  if (!bytesEqual(r, root)) return invalid('the proof does not lead to the root hash');
  return VALID;
}
