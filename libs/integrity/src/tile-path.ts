import { isTreeIndex, parseDecimal } from './tree-size';

/** c2sp.org/tlog-tiles: every tile is a subtree of height 8, so a full tile holds 256 hashes. */
export const TILE_HEIGHT = 8;
export const FULL_TILE_WIDTH = 2 ** TILE_HEIGHT;
export const MAX_TILE_LEVEL = 63;

/** The tile at `level`, number `index` within it, holding `width` hashes (FULL_TILE_WIDTH when full). */
export interface HashTile {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

/** An entry bundle: the entries whose leaf hashes the level-0 tile of the same index and width holds. */
export interface EntryBundle {
  readonly index: number;
  readonly width: number;
}

export type TileResource = { readonly kind: 'hashes'; readonly tile: HashTile } | { readonly kind: 'entries'; readonly bundle: EntryBundle };

export class MalformedTilePath extends Error {
  constructor(path: string, reason: string) {
    super(`malformed tile path ${JSON.stringify(path)}: ${reason}`);
    this.name = 'MalformedTilePath';
  }
}

/**
 * `<N>` of a tile path: zero-padded 3-digit path elements, all but the last beginning with "x"
 * (1234067 is `x001/x234/067`), so the files fit a file system without a file and a directory
 * sharing a name.
 */
export function formatTileIndex(index: number): string {
  if (!isTreeIndex(index)) throw new RangeError(`tile index ${index} is not a non-negative safe integer`);
  let rest = index;
  let path = String(rest % 1000).padStart(3, '0');
  while (rest >= 1000) {
    rest = Math.floor(rest / 1000);
    path = `x${String(rest % 1000).padStart(3, '0')}/${path}`;
  }
  return path;
}

/** The index a `<N>` encodes, or undefined unless it is the one encoding formatTileIndex gives. */
export function parseTileIndex(text: string): number | undefined {
  const groups = text.split('/');
  const last = groups.length - 1;
  if (!groups.every((group, i) => (i < last ? /^x[0-9]{3}$/ : /^[0-9]{3}$/).test(group))) return undefined;
  // A leading x000 would be a second name for the same tile.
  if (groups.length > 1 && groups[0] === 'x000') return undefined;
  const index = groups.reduce((value, group) => value * 1000 + Number(group.replace('x', '')), 0);
  return Number.isSafeInteger(index) ? index : undefined;
}

function checkWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1 || width > FULL_TILE_WIDTH) throw new RangeError(`tile width ${width} is not between 1 and ${FULL_TILE_WIDTH}`);
}

function widthSuffix(width: number): string {
  checkWidth(width);
  return width === FULL_TILE_WIDTH ? '' : `.p/${width}`;
}

/** `tile/<L>/<N>[.p/<W>]`, relative to the log's prefix. */
export function formatTilePath(tile: HashTile): string {
  if (!Number.isInteger(tile.level) || tile.level < 0 || tile.level > MAX_TILE_LEVEL) throw new RangeError(`tile level ${tile.level} is not between 0 and ${MAX_TILE_LEVEL}`);
  return `tile/${tile.level}/${formatTileIndex(tile.index)}${widthSuffix(tile.width)}`;
}

/** `tile/entries/<N>[.p/<W>]`, relative to the log's prefix. */
export function formatEntryBundlePath(bundle: EntryBundle): string {
  return `tile/entries/${formatTileIndex(bundle.index)}${widthSuffix(bundle.width)}`;
}

/** Reads a tile or entry bundle path (relative to the log's prefix), accepting only its one canonical spelling. */
export function parseTilePath(path: string): TileResource {
  const match = /^tile\/(entries|[^/]+)\/(.+?)(?:\.p\/([^/]+))?$/.exec(path);
  if (!match) throw new MalformedTilePath(path, 'not tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>]');
  const [, levelText, indexText, widthText] = match;
  const index = parseTileIndex(indexText);
  if (index === undefined) throw new MalformedTilePath(path, `${JSON.stringify(indexText)} is not a tile number in 3-digit groups`);
  let width = FULL_TILE_WIDTH;
  if (widthText !== undefined) {
    const partial = parseDecimal(widthText);
    if (partial === undefined || partial < 1 || partial >= FULL_TILE_WIDTH) throw new MalformedTilePath(path, `a partial width is 1 to ${FULL_TILE_WIDTH - 1}, not ${JSON.stringify(widthText)}`);
    width = partial;
  }
  if (levelText === 'entries') return { kind: 'entries', bundle: { index, width } };
  const level = parseDecimal(levelText);
  if (level === undefined || level > MAX_TILE_LEVEL) throw new MalformedTilePath(path, `the level is 0 to ${MAX_TILE_LEVEL}, not ${JSON.stringify(levelText)}`);
  return { kind: 'hashes', tile: { level, index, width } };
}

/**
 * Go's golang.org/x/mod/sumdb/tlog names a tile `tile/<H>/<L>/<N>[.p/<W>]`, with the height that
 * C2SP fixes at 8. Only hash tiles map: Go's data tiles (`tile/<H>/data/…`) hold records in an
 * application's own format, not tlog-tiles entry bundles.
 */
export function toGoTilePath(path: string): string {
  const resource = parseTilePath(path);
  if (resource.kind !== 'hashes') throw new MalformedTilePath(path, 'entry bundles have no Go sumdb/tlog counterpart');
  return `tile/${TILE_HEIGHT}/${path.slice('tile/'.length)}`;
}

/** The C2SP path of a Go sumdb/tlog hash tile path of height 8. */
export function fromGoTilePath(goPath: string): string {
  const prefix = `tile/${TILE_HEIGHT}/`;
  if (!goPath.startsWith(prefix)) throw new MalformedTilePath(goPath, `not a Go tile path of height ${TILE_HEIGHT}`);
  const path = `tile/${goPath.slice(prefix.length)}`;
  if (parseTilePath(path).kind !== 'hashes') throw new MalformedTilePath(goPath, 'Go data tiles are not entry bundles');
  return path;
}
