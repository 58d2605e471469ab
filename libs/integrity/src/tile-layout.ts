import { FULL_TILE_WIDTH, type EntryBundle, type HashTile } from './tile-path';
import { isTreeIndex } from './tree-size';

/**
 * The tiles a log publishes when it grows from `oldSize` to `newSize` leaves: at each level, the
 * full tiles completed since, and the partial tile of the new size, if any (c2sp.org/tlog-tiles,
 * "Partial Tiles": the partial tile at level l has floor(size / 256^l) mod 256 hashes). Level by
 * level, in index order. A level whose hash count did not change publishes nothing.
 */
export function tilesAddedBetween(oldSize: number, newSize: number): HashTile[] {
  if (!isTreeIndex(oldSize) || !isTreeIndex(newSize) || oldSize > newSize) throw new RangeError(`a log does not grow from ${oldSize} to ${newSize}`);
  const tiles: HashTile[] = [];
  for (let level = 0; Math.floor(newSize / FULL_TILE_WIDTH ** level) > 0; level++) {
    // Hashes at this level: one per full tile of the level below (leaves at level 0).
    const oldHashes = Math.floor(oldSize / FULL_TILE_WIDTH ** level);
    const newHashes = Math.floor(newSize / FULL_TILE_WIDTH ** level);
    if (oldHashes === newHashes) continue;
    const fullTiles = Math.floor(newHashes / FULL_TILE_WIDTH);
    for (let index = Math.floor(oldHashes / FULL_TILE_WIDTH); index < fullTiles; index++) tiles.push({ level, index, width: FULL_TILE_WIDTH });
    const partialWidth = newHashes % FULL_TILE_WIDTH;
    if (partialWidth > 0) tiles.push({ level, index: fullTiles, width: partialWidth });
  }
  return tiles;
}

/** Every tile, full and partial, of a tree of `size` leaves. */
export function tilesForTreeSize(size: number): HashTile[] {
  return tilesAddedBetween(0, size);
}

/** Every entry bundle of a log of `size` entries: the coordinates of its level-0 tiles. */
export function entryBundlesForTreeSize(size: number): EntryBundle[] {
  return tilesForTreeSize(size)
    .filter((tile) => tile.level === 0)
    .map(({ index, width }) => ({ index, width }));
}
