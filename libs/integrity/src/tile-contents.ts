import { bytesEqual, toHex } from './bytes';
import type { SubtreeHashSource } from './subtree-hashes';
import { FULL_TILE_WIDTH, TILE_HEIGHT, type HashTile } from './tile-path';
import { HASH_SIZE, type TreeHasher } from './tree-hasher';
import { invalid, VALID, type Verdict } from './verdict';

/** c2sp.org/tlog-tiles: a bundle's entries carry a big-endian uint16 length. */
export const MAX_ENTRY_SIZE = 0xffff;

export class MalformedTile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedTile';
  }
}

function checkWidth(count: number, what: string): void {
  if (count < 1 || count > FULL_TILE_WIDTH) throw new MalformedTile(`${what} holds ${count} items, not 1 to ${FULL_TILE_WIDTH}`);
}

/** A tile's bytes: its hashes, concatenated. */
export function encodeTile(hashes: readonly Uint8Array[]): Uint8Array {
  checkWidth(hashes.length, 'a tile');
  const out = new Uint8Array(hashes.length * HASH_SIZE);
  hashes.forEach((hash, i) => {
    if (hash.length !== HASH_SIZE) throw new MalformedTile(`hash ${i} is ${hash.length} bytes, not ${HASH_SIZE}`);
    out.set(hash, i * HASH_SIZE);
  });
  return out;
}

/** A tile's hashes; with `width`, the tile must hold exactly that many (as its path says). */
export function decodeTile(data: Uint8Array, width?: number): Uint8Array[] {
  if (data.length % HASH_SIZE !== 0) throw new MalformedTile(`a tile of ${data.length} bytes is not a whole number of ${HASH_SIZE}-byte hashes`);
  const count = data.length / HASH_SIZE;
  checkWidth(count, 'a tile');
  if (width !== undefined && count !== width) throw new MalformedTile(`the tile holds ${count} hashes, its path says ${width}`);
  return Array.from({ length: count }, (_, i) => data.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
}

/**
 * The hashes a tile holds, from the log's subtree hashes: hash i of tile (L, N) is the hash of the
 * perfect subtree of 256^L leaves numbered N * 256 + i at that size.
 */
export function tileHashes(source: SubtreeHashSource, tile: HashTile): Uint8Array[] {
  checkWidth(tile.width, 'a tile');
  return Array.from({ length: tile.width }, (_, i) => source.subtreeHash(TILE_HEIGHT * tile.level, tile.index * FULL_TILE_WIDTH + i));
}

/** An entry bundle's bytes: each entry as a big-endian uint16 length and its bytes. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  checkWidth(entries.length, 'an entry bundle');
  const out = new Uint8Array(entries.reduce((sum, entry) => sum + 2 + entry.length, 0));
  let offset = 0;
  entries.forEach((entry, i) => {
    if (entry.length > MAX_ENTRY_SIZE) throw new MalformedTile(`entry ${i} is ${entry.length} bytes, more than ${MAX_ENTRY_SIZE}`);
    out[offset] = entry.length >> 8;
    out[offset + 1] = entry.length & 0xff;
    out.set(entry, offset + 2);
    offset += 2 + entry.length;
  });
  return out;
}

/** An entry bundle's entries, refusing truncation and trailing bytes; with `width`, exactly that many. */
export function decodeEntryBundle(data: Uint8Array, width?: number): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let offset = 0;
  while (offset < data.length) {
    if (entries.length === FULL_TILE_WIDTH) throw new MalformedTile(`an entry bundle holds more than ${FULL_TILE_WIDTH} entries`);
    if (offset + 2 > data.length) throw new MalformedTile(`the bundle ends inside the length of entry ${entries.length}`);
    const length = (data[offset] << 8) | data[offset + 1];
    if (offset + 2 + length > data.length) throw new MalformedTile(`entry ${entries.length} is cut short`);
    entries.push(data.slice(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  checkWidth(entries.length, 'an entry bundle');
  if (width !== undefined && entries.length !== width) throw new MalformedTile(`the bundle holds ${entries.length} entries, its path says ${width}`);
  return entries;
}

/** Whether each entry of a bundle hashes to the same place of the level-0 tile of the same coordinates. */
export function checkEntryBundle(hasher: TreeHasher, entries: readonly Uint8Array[], level0Hashes: readonly Uint8Array[]): Verdict {
  if (entries.length !== level0Hashes.length) return invalid(`the bundle holds ${entries.length} entries, the tile ${level0Hashes.length} hashes`);
  for (let i = 0; i < entries.length; i++) {
    const leafHash = hasher.hashLeaf(entries[i]);
    if (!bytesEqual(leafHash, level0Hashes[i])) return invalid(`entry ${i} hashes to ${toHex(leafHash)}, the tile holds ${toHex(level0Hashes[i])}`);
  }
  return VALID;
}
