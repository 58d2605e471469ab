import { FULL_TILE_WIDTH, HASH_SIZE, MerkleFrontier, formatTilePath, type TreeHasher } from '@ledger/integrity';
import { LogDoesNotHold } from './log-does-not-hold';

/** Where the log keeps its tiles: the stored hashes of tile (level, index), a partial tile as the prefix it has grown to. */
export interface StoredTiles {
  tile(level: number, index: number): Uint8Array | null;
}

/**
 * The log's Merkle tree recomputed leaf by leaf from the events, and the tiles log.db stores held
 * to it as it grows: every tile a tree of `storedSize` leaves has (c2sp.org/tlog-tiles), full and
 * partial, must hold exactly the bytes recomputed here. Level 0 is compared leaf by leaf, so a
 * changed event is named by its own sequence; a higher tile is compared when it is complete (or,
 * for a partial one, when the tree reaches `storedSize`). The root of any size comes from a
 * MerkleFrontier over the events' leaves, so a checkpoint's root is checked against the events
 * themselves; the higher tiles' hashes are the frontier's own perfect subtrees (onTileHash), so
 * every node is hashed once. Memory: one growing tile per level and the frontier, O(log n).
 */
export class RecomputedTree {
  private readonly frontier: MerkleFrontier;
  /** growing[L]: the hashes of the rightmost, not yet complete tile of level L */
  private readonly growing: Uint8Array[][] = [];
  /** how many hashes level L has had so far (leaves at level 0) */
  private readonly hashCounts: number[] = [];
  private storedLeaves: { index: number; hashes: Uint8Array } | null = null;
  private tilesChecked = 0;

  constructor(
    private readonly hasher: TreeHasher,
    private readonly tiles: StoredTiles,
    /** the tree size log.db records: its tiles are those of a tree of this many leaves */
    private readonly storedSize: number,
  ) {
    this.frontier = new MerkleFrontier(hasher, (level, hash) => {
      // The subtree that ends at the leaf being appended: within the stored tree, or beyond it (no tile yet).
      if (this.frontier.size < this.storedSize) this.push(level, hash);
    });
  }

  get size(): number {
    return this.frontier.size;
  }

  /** how many stored tiles have been found to hold the recomputed hashes */
  get checkedTiles(): number {
    return this.tilesChecked;
  }

  /** RFC 9162 MTH of the leaves so far. */
  root(): Uint8Array {
    return this.frontier.root();
  }

  append(leafHash: Uint8Array): void {
    const sequence = this.frontier.size;
    // The tiles cover the stored tree only: leaves beyond it (not yet followed by the log) have none.
    if (sequence < this.storedSize) {
      this.checkStoredLeaf(sequence, leafHash);
      this.push(0, leafHash);
    }
    // Hashes the leaf into the tree, handing the higher tiles the subtrees it completes (push).
    this.frontier.append(leafHash);
    if (sequence + 1 === this.storedSize) this.checkPartialTiles();
  }

  private checkStoredLeaf(sequence: number, leafHash: Uint8Array): void {
    const index = Math.floor(sequence / FULL_TILE_WIDTH);
    if (this.storedLeaves?.index !== index) this.storedLeaves = { index, hashes: this.storedTile(0, index) };
    const offset = (sequence % FULL_TILE_WIDTH) * HASH_SIZE;
    const stored = this.storedLeaves.hashes;
    for (let i = 0; i < HASH_SIZE; i++) {
      if (stored[offset + i] !== leafHash[i]) {
        throw new LogDoesNotHold(`sequence ${sequence}: the log's tree holds another leaf for it (${this.pathOf(0, index)}, hash ${sequence % FULL_TILE_WIDTH}): the event is not the one the tree included`);
      }
    }
  }

  private push(level: number, hash: Uint8Array): void {
    const tile = (this.growing[level] ??= []);
    tile.push(hash);
    this.hashCounts[level] = (this.hashCounts[level] ?? 0) + 1;
    if (tile.length < FULL_TILE_WIDTH) return;
    // Complete: level 0 was compared leaf by leaf; a higher one is compared now. (Its root, the
    // next level's next hash, comes from the frontier.)
    const index = this.hashCounts[level] / FULL_TILE_WIDTH - 1;
    if (level > 0) this.compareTile(level, index, tile);
    this.tilesChecked++;
    this.growing[level] = [];
  }

  /** At the stored size: each level's growing tile is that level's partial tile, which log.db must hold as it is. */
  private checkPartialTiles(): void {
    for (const [level, tile] of this.growing.entries()) {
      if (!tile || tile.length === 0) continue;
      this.compareTile(level, Math.floor(this.hashCounts[level] / FULL_TILE_WIDTH), tile);
      this.tilesChecked++;
    }
  }

  private compareTile(level: number, index: number, hashes: readonly Uint8Array[]): void {
    const stored = this.storedTile(level, index);
    hashes.forEach((hash, i) => {
      const offset = i * HASH_SIZE;
      for (let b = 0; b < HASH_SIZE; b++) {
        if (stored[offset + b] === hash[b]) continue;
        // Hash i of a level-L tile is the subtree of 256^L leaves numbered (index * 256 + i).
        const span = FULL_TILE_WIDTH ** level;
        const first = (index * FULL_TILE_WIDTH + i) * span;
        throw new LogDoesNotHold(
          `sequence ${first}: the log's ${this.pathOf(level, index)} holds another hash (hash ${i}) for sequences ${first}..${first + span - 1} than the events give`,
        );
      }
    });
  }

  /** The stored tile (level, index), which must hold exactly the hashes a tree of the stored size has there. */
  private storedTile(level: number, index: number): Uint8Array {
    const width = this.widthAtStoredSize(level, index);
    const stored = this.tiles.tile(level, index);
    const first = index * FULL_TILE_WIDTH * FULL_TILE_WIDTH ** level;
    if (!stored) throw new LogDoesNotHold(`sequence ${first}: the log's ${this.pathOf(level, index)} is missing from log.db`);
    if (stored.length !== width * HASH_SIZE) {
      throw new LogDoesNotHold(`sequence ${first}: the log's ${this.pathOf(level, index)} holds ${stored.length / HASH_SIZE} hashes, where a tree of ${this.storedSize} leaves has ${width}`);
    }
    return stored;
  }

  private widthAtStoredSize(level: number, index: number): number {
    const hashes = Math.floor(this.storedSize / FULL_TILE_WIDTH ** level);
    return Math.min(FULL_TILE_WIDTH, hashes - index * FULL_TILE_WIDTH);
  }

  /** The tile's path as the log serves it (tile/0/000.p/95), so a reader can compare with a mirror. */
  private pathOf(level: number, index: number): string {
    return formatTilePath({ level, index, width: this.widthAtStoredSize(level, index) });
  }
}
