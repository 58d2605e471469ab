import { bytesEqual } from './bytes';
import { rangeHash, type SubtreeHashSource } from './subtree-hashes';
import { HASH_SIZE, type TreeHasher } from './tree-hasher';
import { halve, isOdd, isPowerOfTwo, isTreeIndex, largestPowerOfTwoBelow } from './tree-size';
import { invalid, VALID, type Verdict } from './verdict';

/**
 * PROOF(m, D[n]) of RFC 9162 section 2.1.4.1: the proof that the tree of the first `first` leaves
 * is a prefix of the tree of the first `second`, for 0 < first <= second (empty when they are equal).
 */
export function consistencyProof(hasher: TreeHasher, source: SubtreeHashSource, first: number, second: number): Uint8Array[] {
  if (!isTreeIndex(first) || !isTreeIndex(second) || first < 1 || first > second) {
    throw new RangeError(`no consistency proof from size ${first} to size ${second} (it needs 0 < first <= second)`);
  }
  const proof: Uint8Array[] = [];
  // SUBPROOF(m, D[start:end], b), its recursion unrolled; hashes are appended after the recursive
  // part, so they are collected from the root down and reversed at the end.
  let m = first;
  let start = 0;
  let end = second;
  let wholeOldTree = true; // b: the subtree so far is the whole old tree, whose root the verifier has
  while (m !== end - start) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m <= k) {
      proof.push(rangeHash(hasher, source, start + k, end));
      end = start + k;
    } else {
      proof.push(rangeHash(hasher, source, start, start + k));
      start += k;
      m -= k;
      wholeOldTree = false;
    }
  }
  if (!wholeOldTree) proof.push(rangeHash(hasher, source, start, end));
  return proof.reverse();
}

export interface ConsistencyClaim {
  readonly size1: number;
  readonly size2: number;
  readonly root1: Uint8Array;
  readonly root2: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

/**
 * Checks a consistency proof exactly as RFC 9162 section 2.1.4.2 says, which defines proofs for
 * 0 < size1 < size2. Around that: equal sizes are consistent with an empty proof when the roots
 * are the same (nothing to hash, so the roots are only compared); a first size of 0 is refused,
 * since no proof exists for it (every tree extends the empty one: callers decide that themselves).
 */
export function verifyConsistency(hasher: TreeHasher, claim: ConsistencyClaim): Verdict {
  const { size1, size2, root1, root2, proof } = claim;
  if (!isTreeIndex(size1)) return invalid(`first size ${size1} is not a non-negative safe integer`);
  if (!isTreeIndex(size2)) return invalid(`second size ${size2} is not a non-negative safe integer`);
  if (size1 > size2) return invalid(`first size ${size1} is larger than second size ${size2}`);
  if (size1 === 0) return invalid('no consistency proof starts from the empty tree');
  if (size1 === size2) {
    if (proof.length !== 0) return invalid(`the sizes are equal, yet the proof has ${proof.length} hashes`);
    return bytesEqual(root1, root2) ? VALID : invalid('the sizes are equal but the roots differ');
  }
  if (root1.length !== HASH_SIZE) return invalid(`the first root is ${root1.length} bytes, not ${HASH_SIZE}`);
  if (root2.length !== HASH_SIZE) return invalid(`the second root is ${root2.length} bytes, not ${HASH_SIZE}`);
  const short = proof.findIndex((hash) => hash.length !== HASH_SIZE);
  if (short >= 0) return invalid(`proof hash ${short} is ${proof[short].length} bytes, not ${HASH_SIZE}`);

  // Step 1.
  if (proof.length === 0) return invalid('the proof is empty');
  // Step 2: when the old tree is a perfect subtree of the new one, its root is the path's start.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  // Steps 3 and 4.
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = halve(fn);
    sn = halve(sn);
  }
  // Step 5.
  let fr = path[0];
  let sr = path[0];
  // Step 6.
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0) return invalid('the proof has more hashes than these sizes need');
    if (isOdd(fn) || fn === sn) {
      fr = hasher.hashChildren(c, fr);
      sr = hasher.hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = halve(fn);
        sn = halve(sn);
      }
    } else {
      sr = hasher.hashChildren(sr, c);
    }
    fn = halve(fn);
    sn = halve(sn);
  }
  // Step 7.
  if (sn !== 0) return invalid('the proof has fewer hashes than these sizes need');
  if (!bytesEqual(fr, root1)) return invalid('the proof does not lead to the first root');
  if (!bytesEqual(sr, root2)) return invalid('the proof does not lead to the second root');
  return VALID;
}
