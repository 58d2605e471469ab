import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  InMemoryMerkleTree,
  encodeTile,
  inclusionProof,
  nodeIntegrityCrypto,
  tileHashes,
  tilesForTreeSize,
  treeHasher,
  verifyConsistency,
  verifyInclusion,
} from '@ledger/integrity';
import { LogStore } from './log-store';
import { OutOfRange, TiledLog } from './tiled-log';

const hasher = treeHasher(nodeIntegrityCrypto);
const leaf = (i: number) => hasher.hashLeaf(new TextEncoder().encode(`event ${i}`));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('TiledLog (tiles in a real SQLite file)', () => {
  let dir: string;
  const stores: LogStore[] = [];
  const open = () => {
    const store = new LogStore(join(dir, 'log.db'));
    stores.push(store);
    return new TiledLog(store, hasher);
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-tiled-log-'))));
  afterEach(() => {
    stores.splice(0).forEach((store) => store.close());
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every tile, root and proof equal to an in-memory tree, across batches and restarts', () => {
    // Past 65,536 leaves, so that a level-2 tile exists and a level-1 tile has filled.
    const total = 66_000;
    const leaves = Array.from({ length: total }, (_, i) => leaf(i));
    const reference = new InMemoryMerkleTree(hasher, leaves);
    let log = open();
    let at = 0;
    for (const batch of [1, 255, 1, 300, 65_000, 443]) {
      log.append(at, leaves.slice(at, at + batch));
      at += batch;
      // A restart in between: the growing tiles come back from the file.
      log = open();
      expect(log.size).toBe(at);
      expect(hex(log.root())).toBe(hex(reference.root(at)));
    }
    expect(at).toBe(total);
    for (const tile of tilesForTreeSize(total)) expect(hex(log.tileBytes(tile)!)).toBe(hex(encodeTile(tileHashes(reference, tile))));
    for (const size of [1, 2, 255, 256, 257, 65_535, 65_536, 65_537, total]) {
      expect(hex(log.root(size))).toBe(hex(reference.root(size)));
      const index = size - 1;
      const proof = log.inclusionProof(index, size);
      expect(verifyInclusion(hasher, { index, size, leafHash: leaves[index], proof, root: reference.root(size) })).toEqual({ ok: true });
      const consistency = log.consistencyProof(Math.ceil(size / 3), total);
      expect(verifyConsistency(hasher, { size1: Math.ceil(size / 3), size2: total, root1: reference.root(Math.ceil(size / 3)), root2: reference.root(), proof: consistency })).toEqual({
        ok: true,
      });
    }
  });

  it('agrees with an in-memory tree for any batching (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }), fc.nat(), (batches, pick) => {
        const store = new LogStore(join(mkdtempSync(join(tmpdir(), 'ledger-tiled-prop-')), 'log.db'));
        stores.push(store);
        const log = new TiledLog(store, hasher);
        const total = batches.reduce((a, b) => a + b, 0);
        const leaves = Array.from({ length: total }, (_, i) => leaf(i));
        let at = 0;
        for (const batch of batches) {
          log.append(at, leaves.slice(at, at + batch));
          at += batch;
        }
        const reference = new InMemoryMerkleTree(hasher, leaves);
        const size = 1 + (pick % total);
        expect(hex(log.root(size))).toBe(hex(reference.root(size)));
        const index = pick % size;
        // Proofs are unique for a (leaf, size): the same hashes as the reference tree's.
        expect(log.inclusionProof(index, size).map(hex)).toEqual(inclusionProof(hasher, reference, index, size).map(hex));
        expect(verifyInclusion(hasher, { index, size, leafHash: leaves[index], proof: log.inclusionProof(index, size), root: reference.root(size) })).toEqual({ ok: true });
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a gap, a size beyond the tree and a leaf outside it, and writes nothing', () => {
    const log = open();
    log.append(0, [leaf(0), leaf(1)]);
    expect(() => log.append(3, [leaf(3)])).toThrow('the log holds 2 leaves; cannot append at index 3');
    expect(() => log.root(3)).toThrow(OutOfRange);
    expect(() => log.inclusionProof(2, 2)).toThrow(OutOfRange);
    expect(() => log.consistencyProof(0, 2)).toThrow(OutOfRange);
    expect(() => log.consistencyProof(1, 3)).toThrow(OutOfRange);
    expect(open().size).toBe(2);
    expect(log.tileBytes({ level: 0, index: 0, width: 3 })).toBeNull();
    expect(log.tileBytes({ level: 0, index: 0, width: 2 })!.length).toBe(64);
  });
});
