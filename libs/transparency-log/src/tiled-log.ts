import {
  FULL_TILE_WIDTH,
  HASH_SIZE,
  TILE_HEIGHT,
  consistencyProof,
  inclusionProof,
  merkleRoot,
  rangeHash,
  type HashTile,
  type SubtreeHashSource,
  type TreeHasher,
} from '@ledger/integrity';
import type { LogStore } from './log-store';

/** A tree size or leaf index the log cannot answer for. */
export class OutOfRange extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'OutOfRange';
  }
}

/**
 * The Merkle tree of the log, kept as c2sp.org/tlog-tiles hash tiles: a tile at level L holds the
 * hashes of up to 256 consecutive perfect subtrees of 256^L leaves. Appending a leaf touches the
 * rightmost tile of each level at most (O(log n)), and only those are written back; every other
 * tile is complete and never changes. In memory: the rightmost, still growing tile of each level.
 *
 * Every subtree hash a proof or a root needs comes from the tiles (subtreeHash), so the server
 * answers from exactly what it serves to anyone who mirrors the tiles.
 */
export class TiledLog implements SubtreeHashSource {
  /** the tiles' layout and leaf definition; a store of another version is started over */
  // v2: leaves of log entries with a dataHash of the public data (restricted values committed to)
  static readonly VERSION = 2;
  private leaves = 0;
  /** edge[L]: the hashes of the rightmost tile of level L, which is not complete */
  private edge: Uint8Array[][] = [];
  private readonly completeTiles = new Map<string, Uint8Array>();

  constructor(
    private readonly store: LogStore,
    private readonly hasher: TreeHasher,
  ) {
    this.load();
  }

  get size(): number {
    return this.leaves;
  }

  /** Reads the size and the growing tiles back from the store (at start, and after a failed write). */
  load(): void {
    const state = this.store.state();
    if (!state || state.version !== TiledLog.VERSION) this.store.startOver(TiledLog.VERSION);
    this.leaves = this.store.state()!.size;
    this.edge = [];
    this.completeTiles.clear();
    for (let level = 0, count = this.leaves; count > 0; level++, count = Math.floor(count / FULL_TILE_WIDTH)) {
      const width = count % FULL_TILE_WIDTH;
      const stored = width === 0 ? null : this.store.tile(level, Math.floor(count / FULL_TILE_WIDTH));
      this.edge[level] = stored ? splitHashes(stored).slice(0, width) : [];
    }
  }

  /**
   * Appends leaf hashes and writes the tiles they changed, with the new size, in one transaction.
   * `firstIndex` must be the current size: the log is dense, like the event log it follows.
   */
  append(firstIndex: number, leafHashes: readonly Uint8Array[]): void {
    if (firstIndex !== this.leaves) throw new Error(`the log holds ${this.leaves} leaves; cannot append at index ${firstIndex}`);
    const touched = new Map<string, { level: number; index: number; hashes: Uint8Array }>();
    const before = this.leaves;
    try {
      for (const leaf of leafHashes) {
        if (leaf.length !== HASH_SIZE) throw new Error(`a leaf hash is ${leaf.length} bytes, not ${HASH_SIZE}`);
        this.push(0, leaf, touched);
        this.leaves++;
      }
      // The growing tile of each level as it stands now (a complete one was recorded as it filled).
      for (const [level, hashes] of this.edge.entries()) {
        if (hashes.length === 0) continue;
        const index = Math.floor(Math.floor(this.leaves / FULL_TILE_WIDTH ** level) / FULL_TILE_WIDTH);
        touched.set(`${level}/${index}`, { level, index, hashes: joinHashes(hashes) });
      }
      this.store.saveGrowth([...touched.values()], this.leaves);
    } catch (error) {
      this.leaves = before;
      this.load();
      throw error;
    }
  }

  private push(level: number, hash: Uint8Array, touched: Map<string, { level: number; index: number; hashes: Uint8Array }>): void {
    const tile = (this.edge[level] ??= []);
    tile.push(hash);
    if (tile.length < FULL_TILE_WIDTH) return;
    // The tile is complete: kept as it is for good, and its root is the next level's next hash.
    // (Called while leaf number `leaves` is being added, before the count moves past it.)
    const index = Math.floor((this.leaves + 1) / FULL_TILE_WIDTH ** (level + 1)) - 1;
    touched.set(`${level}/${index}`, { level, index, hashes: joinHashes(tile) });
    this.edge[level] = [];
    this.push(level + 1, merkleRoot(this.hasher, tile), touched);
  }

  /** RFC 9162 MTH of the first `size` leaves. */
  root(size = this.leaves): Uint8Array {
    this.checkSize(size);
    return size === 0 ? this.hasher.emptyRoot() : rangeHash(this.hasher, this, 0, size);
  }

  inclusionProof(index: number, size: number): Uint8Array[] {
    this.checkSize(size);
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new OutOfRange(`leaf ${index} is not in a tree of size ${size}`);
    return inclusionProof(this.hasher, this, index, size);
  }

  consistencyProof(first: number, second: number): Uint8Array[] {
    this.checkSize(second);
    if (!Number.isSafeInteger(first) || first < 1 || first > second) throw new OutOfRange(`no consistency proof from size ${first} to size ${second} (1 <= first <= second)`);
    return consistencyProof(this.hasher, this, first, second);
  }

  /** The hashes of a tile, as served: null when the log does not (yet) hold that many. */
  tileBytes(tile: HashTile): Uint8Array | null {
    const hashes = this.tileHashes(tile.level, tile.index);
    if (!hashes || hashes.length < tile.width * HASH_SIZE) return null;
    return hashes.subarray(0, tile.width * HASH_SIZE);
  }

  subtreeHash(level: number, index: number): Uint8Array {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const span = 2 ** (level % TILE_HEIGHT);
    const first = index * span;
    const hashes = this.tileHashes(tileLevel, Math.floor(first / FULL_TILE_WIDTH));
    const offset = first % FULL_TILE_WIDTH;
    if (!hashes || hashes.length < (offset + span) * HASH_SIZE) throw new OutOfRange(`no complete subtree at level ${level}, index ${index}`);
    const below = splitHashes(hashes.subarray(offset * HASH_SIZE, (offset + span) * HASH_SIZE));
    return span === 1 ? below[0] : merkleRoot(this.hasher, below);
  }

  private tileHashes(level: number, index: number): Uint8Array | null {
    const count = Math.floor(this.leaves / FULL_TILE_WIDTH ** level);
    const growing = Math.floor(count / FULL_TILE_WIDTH);
    if (index === growing) return (this.edge[level]?.length ?? 0) > 0 ? joinHashes(this.edge[level]) : null;
    if (index > growing) return null;
    // A complete tile never changes: read once, then kept (a few hundred proofs' worth).
    const key = `${level}/${index}`;
    let tile = this.completeTiles.get(key);
    if (!tile) {
      tile = this.store.tile(level, index) ?? undefined;
      if (!tile) return null;
      if (this.completeTiles.size >= 4096) this.completeTiles.clear();
      this.completeTiles.set(key, tile);
    }
    return tile;
  }

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.leaves) throw new OutOfRange(`tree size ${size} is not between 0 and the log's size, ${this.leaves}`);
  }
}

function joinHashes(hashes: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(hashes.length * HASH_SIZE);
  hashes.forEach((hash, i) => joined.set(hash, i * HASH_SIZE));
  return joined;
}

function splitHashes(bytes: Uint8Array): Uint8Array[] {
  const hashes: Uint8Array[] = [];
  for (let offset = 0; offset + HASH_SIZE <= bytes.length; offset += HASH_SIZE) hashes.push(bytes.slice(offset, offset + HASH_SIZE));
  return hashes;
}
