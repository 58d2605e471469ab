import fc from 'fast-check';
import { utf8 } from './bytes';
import { merkleRoot } from './merkle-root';
import { nodeIntegrityCrypto } from './node-integrity-crypto';
import { InMemoryMerkleTree } from './subtree-hashes';
import { checkEntryBundle, decodeEntryBundle, decodeTile, encodeEntryBundle, encodeTile, MalformedTile, MAX_ENTRY_SIZE, tileHashes } from './tile-contents';
import { entryBundlesForTreeSize, tilesAddedBetween, tilesForTreeSize } from './tile-layout';
import {
  formatEntryBundlePath,
  formatTileIndex,
  formatTilePath,
  fromGoTilePath,
  FULL_TILE_WIDTH,
  MalformedTilePath,
  parseTileIndex,
  parseTilePath,
  toGoTilePath,
  type HashTile,
} from './tile-path';
import { treeHasher } from './tree-hasher';

const hasher = treeHasher(nodeIntegrityCrypto);

describe('tile paths', () => {
  it.each([
    [0, '000'],
    [7, '007'],
    [999, '999'],
    [1000, 'x001/000'],
    [1234067, 'x001/x234/067'],
    [1000000, 'x001/x000/000'],
  ])('write %i as %s', (index, text) => {
    expect(formatTileIndex(index)).toBe(text);
    expect(parseTileIndex(text)).toBe(index);
  });

  it('write full and partial tiles and entry bundles as c2sp.org/tlog-tiles shows', () => {
    expect(formatTilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(formatTilePath({ level: 2, index: 1, width: 17 })).toBe('tile/2/001.p/17');
    expect(formatEntryBundlePath({ index: 1234067, width: 256 })).toBe('tile/entries/x001/x234/067');
    expect(formatEntryBundlePath({ index: 0, width: 1 })).toBe('tile/entries/000.p/1');
  });

  it('round-trip for any level, index and width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 63 }), fc.maxSafeNat(), fc.integer({ min: 1, max: 256 }), (level, index, width) => {
        expect(parseTilePath(formatTilePath({ level, index, width }))).toEqual({ kind: 'hashes', tile: { level, index, width } });
        expect(parseTilePath(formatEntryBundlePath({ index, width }))).toEqual({ kind: 'entries', bundle: { index, width } });
      }),
    );
  });

  it.each([
    ['a second spelling of the same number', 'tile/0/x000/001'],
    ['a group of one digit', 'tile/0/1'],
    ['a group of four digits', 'tile/0/0001'],
    ['a last group with an x', 'tile/0/x001'],
    ['an inner group without an x', 'tile/0/001/002'],
    ['a level with a leading zero', 'tile/01/000'],
    ['level 64', 'tile/64/000'],
    ['a negative level', 'tile/-1/000'],
    ['a full tile marked partial', 'tile/0/000.p/256'],
    ['a partial width of 0', 'tile/0/000.p/0'],
    ['a partial width with a leading zero', 'tile/0/000.p/05'],
    ['no index', 'tile/0/'],
    ['no width after .p/', 'tile/0/000.p/'],
    ['a trailing slash', 'tile/0/000/'],
    ['a leading slash', '/tile/0/000'],
    ['Go\'s path with its height', 'tile/8/0/x001/000'],
    ['an entry bundle without index', 'tile/entries'],
    ['another prefix', 'tiles/0/000'],
  ])('refuse %s', (_, path) => {
    expect(() => parseTilePath(path)).toThrow(MalformedTilePath);
  });

  it("map to Go's sumdb/tlog paths (height 8) and back", () => {
    expect(toGoTilePath('tile/4/x001/x234/067.p/1')).toBe('tile/8/4/x001/x234/067.p/1');
    expect(fromGoTilePath('tile/8/4/x001/x234/067.p/1')).toBe('tile/4/x001/x234/067.p/1');
    expect(fromGoTilePath('tile/8/0/000')).toBe('tile/0/000');
    expect(() => toGoTilePath('tile/entries/000')).toThrow(MalformedTilePath);
    expect(() => fromGoTilePath('tile/3/4/x001/x234/067.p/1')).toThrow(MalformedTilePath);
    expect(() => fromGoTilePath('tile/8/data/000')).toThrow(MalformedTilePath);
  });
});

describe('the tiles of a tree', () => {
  const describeTiles = (tiles: HashTile[]) => tiles.map((t) => `${t.level}/${t.index}${t.width === 256 ? '' : `.p/${t.width}`}`);

  it('of size 70,000 are the example of c2sp.org/tlog-tiles', () => {
    const tiles = tilesForTreeSize(70000);
    const level0 = tiles.filter((t) => t.level === 0);
    expect(level0.filter((t) => t.width === 256)).toHaveLength(273);
    expect(describeTiles(tiles.filter((t) => t.level > 0 || t.width < 256))).toEqual(['0/273.p/112', '1/0', '1/1.p/17', '2/0.p/1']);
  });

  it('of size 256 are a full level-0 tile and a level-1 tile of width 1', () => {
    expect(describeTiles(tilesForTreeSize(256))).toEqual(['0/0', '1/0.p/1']);
    expect(describeTiles(tilesForTreeSize(1))).toEqual(['0/0.p/1']);
    expect(tilesForTreeSize(0)).toEqual([]);
  });

  it('hold, at each level, one hash per full tile below, and never an empty tile', () => {
    fc.assert(
      // Up to 2^22 leaves: every tile of the tree is listed, 16,384 at level 0 at most.
      fc.property(fc.integer({ min: 0, max: 2 ** 22 }), (size) => {
        const tiles = tilesForTreeSize(size);
        for (let level = 0; level < 4; level++) {
          const atLevel = tiles.filter((t) => t.level === level);
          expect(atLevel.reduce((sum, t) => sum + t.width, 0)).toBe(Math.floor(size / 256 ** level));
          expect(atLevel.map((t) => t.index)).toEqual(atLevel.map((_, i) => i));
          expect(atLevel.slice(0, -1).every((t) => t.width === 256)).toBe(true);
        }
        expect(tiles.every((t) => t.width >= 1)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('grow: every tile of the new size was there before or is added, and nothing complete is added again', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300000 }), fc.integer({ min: 0, max: 300000 }), (a, b) => {
        const [oldSize, newSize] = a <= b ? [a, b] : [b, a];
        const key = (t: HashTile) => `${t.level}/${t.index}/${t.width}`;
        const before = new Set(tilesForTreeSize(oldSize).map(key));
        const after = new Set(tilesForTreeSize(newSize).map(key));
        const added = tilesAddedBetween(oldSize, newSize).map(key);
        expect(added.every((tile) => after.has(tile) && !before.has(tile))).toBe(true);
        expect([...after].every((tile) => before.has(tile) || added.includes(tile))).toBe(true);
      }),
    );
    expect(tilesAddedBetween(5, 5)).toEqual([]);
    expect(() => tilesAddedBetween(6, 5)).toThrow(RangeError);
  });

  it('share their coordinates with the entry bundles at level 0', () => {
    expect(entryBundlesForTreeSize(70000)).toHaveLength(274);
    expect(entryBundlesForTreeSize(70000).at(-1)).toEqual({ index: 273, width: 112 });
  });
});

describe('tile contents', () => {
  const size = 3 * 256 + 5;
  const entries = Array.from({ length: size }, (_, i) => utf8(`entry ${i}`));
  const tree = new InMemoryMerkleTree(hasher, entries.map((entry) => hasher.hashLeaf(entry)));

  it('are the subtree hashes: level 1 holds the root of each full level-0 tile', () => {
    const tiles = tilesForTreeSize(size);
    expect(tiles).toEqual([
      { level: 0, index: 0, width: 256 },
      { level: 0, index: 1, width: 256 },
      { level: 0, index: 2, width: 256 },
      { level: 0, index: 3, width: 5 },
      { level: 1, index: 0, width: 3 },
    ]);
    const level1 = tileHashes(tree, tiles[4]);
    for (let i = 0; i < 3; i++) expect(level1[i]).toEqual(merkleRoot(hasher, tileHashes(tree, tiles[i])));
    expect(tileHashes(tree, tiles[3])).toEqual(entries.slice(768).map((entry) => hasher.hashLeaf(entry)));
  });

  it('round-trip as concatenated 32-byte hashes', () => {
    const hashes = tileHashes(tree, { level: 0, index: 3, width: 5 });
    const data = encodeTile(hashes);
    expect(data.length).toBe(5 * 32);
    expect(decodeTile(data, 5)).toEqual(hashes);
  });

  it('refuse bytes that are not a tile of the expected width', () => {
    expect(() => decodeTile(new Uint8Array(0))).toThrow(MalformedTile);
    expect(() => decodeTile(new Uint8Array(33))).toThrow(MalformedTile);
    expect(() => decodeTile(new Uint8Array(257 * 32))).toThrow(MalformedTile);
    expect(() => decodeTile(new Uint8Array(64), 3)).toThrow(MalformedTile);
    expect(() => encodeTile([new Uint8Array(31)])).toThrow(MalformedTile);
    expect(() => encodeTile([])).toThrow(MalformedTile);
  });
});

describe('entry bundles', () => {
  it('round-trip any entries', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 256 }), (entries) => {
        expect(decodeEntryBundle(encodeEntryBundle(entries), entries.length)).toEqual(entries);
      }),
      { numRuns: 50 },
    );
  });

  it('write each entry after its big-endian uint16 length, up to 65,535 bytes', () => {
    expect(encodeEntryBundle([Uint8Array.of(7, 8, 9), new Uint8Array()])).toEqual(Uint8Array.of(0, 3, 7, 8, 9, 0, 0));
    const largest = new Uint8Array(MAX_ENTRY_SIZE).fill(1);
    expect(encodeEntryBundle([largest]).subarray(0, 2)).toEqual(Uint8Array.of(0xff, 0xff));
    expect(decodeEntryBundle(encodeEntryBundle([largest]))[0]).toEqual(largest);
    expect(() => encodeEntryBundle([new Uint8Array(MAX_ENTRY_SIZE + 1)])).toThrow(MalformedTile);
  });

  it.each([
    ['no entry', new Uint8Array()],
    ['a length cut in half', Uint8Array.of(0, 1, 5, 0)],
    ['an entry shorter than its length', Uint8Array.of(0, 3, 1, 2)],
    ['more than 256 entries', new Uint8Array(2 * 257)],
  ])('refuse %s', (_, data) => {
    expect(() => decodeEntryBundle(data)).toThrow(MalformedTile);
  });

  it('refuse a bundle whose count is not its path\'s width', () => {
    expect(() => decodeEntryBundle(Uint8Array.of(0, 0, 0, 0), 3)).toThrow(MalformedTile);
  });

  it('are checked against the level-0 tile of the same coordinates', () => {
    const entries = [utf8('a'), utf8('b')];
    const tile = entries.map((entry) => hasher.hashLeaf(entry));
    expect(checkEntryBundle(hasher, entries, tile)).toEqual({ ok: true });
    expect(checkEntryBundle(hasher, [utf8('a'), utf8('c')], tile).ok).toBe(false);
    expect(checkEntryBundle(hasher, entries.slice(1), tile).ok).toBe(false);
  });
});
