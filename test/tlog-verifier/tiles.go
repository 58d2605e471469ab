package main

import (
	"fmt"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

// tileHeight is fixed by c2sp.org/tlog-tiles; Go's tlog takes it as a parameter.
const tileHeight = 8

// tileReader is a tlog.TileReader over the ledger's /log/tile/ URLs. It fetches each tile once and
// keeps it: checkTiles authenticates the kept bytes, and the proofs then read those same bytes.
type tileReader struct {
	v       *verifier
	fetched map[string][]byte
}

func (r *tileReader) Height() int { return tileHeight }

// c2spTilePath maps Go's tile path `tile/<H>/<L>/<N>[.p/<W>]` to the C2SP one, which has no height
// segment. Go's data tiles (level -1, `tile/<H>/data/...`) have no hash-tile counterpart.
func c2spTilePath(t tlog.Tile) (string, error) {
	if t.H != tileHeight || t.L < 0 {
		return "", fmt.Errorf("tlog asked for tile %s: tlog-tiles serves only hash tiles of height %d", t.Path(), tileHeight)
	}
	return "tile/" + strings.TrimPrefix(t.Path(), fmt.Sprintf("tile/%d/", tileHeight)), nil
}

func (r *tileReader) read(t tlog.Tile) ([]byte, error) {
	path, err := c2spTilePath(t)
	if err != nil {
		return nil, err
	}
	if data, ok := r.fetched[path]; ok {
		return data, nil
	}
	data, err := r.v.get("/log/" + path)
	if err != nil {
		return nil, err
	}
	// TileHashReader checks the length too, but could only name Go's path.
	if len(data) != t.W*tlog.HashSize {
		return nil, fmt.Errorf("%s is %d bytes, not %d hashes of %d bytes", path, len(data), t.W, tlog.HashSize)
	}
	r.fetched[path] = data
	return data, nil
}

func (r *tileReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	data := make([][]byte, len(tiles))
	for i, t := range tiles {
		var err error
		if data[i], err = r.read(t); err != nil {
			return nil, err
		}
	}
	return data, nil
}

// SaveTiles is where a client would cache tiles once authenticated; this one keeps them all anyway.
func (r *tileReader) SaveTiles([]tlog.Tile, [][]byte) {}

// servedTile is the tile a log of size leaves serves at level for tile number n: full, or the one
// partial tile at the level's right edge, of the level's current width.
func servedTile(level int, n int64, size int64) tlog.Tile {
	hashes := size >> (tileHeight * level)
	width := 1 << tileHeight
	if n == hashes>>tileHeight {
		width = int(hashes - n<<tileHeight)
	}
	return tlog.Tile{H: tileHeight, L: level, N: n, W: width}
}

// treeTiles lists every hash tile a log of size leaves serves: at each level, the full tiles and
// the partial one, if any. (tlog.NewTiles lists every partial width ever published, which the
// go.sum database keeps but tlog-tiles does not.)
func treeTiles(size int64) []tlog.Tile {
	var tiles []tlog.Tile
	for level := 0; size>>(tileHeight*level) > 0; level++ {
		hashes := size >> (tileHeight * level)
		for n := int64(0); n <= hashes>>tileHeight; n++ {
			if t := servedTile(level, n, size); t.W > 0 {
				tiles = append(tiles, t)
			}
		}
	}
	return tiles
}

// authenticateFullTile checks a full tile against its parent: the tile's 256 hashes must hash to
// the one its parent tile holds for it. tlog.TileHashReader means to do this for every tile it
// reads, but in x/mod 0.7.0 (Debian's, and upstream's code unchanged since) it skips some whenever
// several of the tree's subtree hashes share a tile, as they do in most trees (a log of 300 leaves:
// a changed byte in tile/0/000 goes unnoticed); so the verifier does it itself, with tlog's hashing.
func (r *tileReader) authenticateFullTile(t tlog.Tile, size int64) error {
	data, err := r.read(t)
	if err != nil {
		return err
	}
	parent := servedTile(t.L+1, t.N>>tileHeight, size)
	parentData, err := r.read(parent)
	if err != nil {
		return err
	}
	// The tile's top two hashes, each from half of its data, and the one above them in the parent.
	top := tileHeight*t.L + tileHeight - 1
	left, err1 := tlog.HashFromTile(t, data, tlog.StoredHashIndex(top, 2*t.N))
	right, err2 := tlog.HashFromTile(t, data, tlog.StoredHashIndex(top, 2*t.N+1))
	want, err3 := tlog.HashFromTile(parent, parentData, tlog.StoredHashIndex(top+1, t.N))
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			return err
		}
	}
	if tlog.NodeHash(left, right) != want {
		path, _ := c2spTilePath(t)
		parentPath, _ := c2spTilePath(parent)
		return fmt.Errorf("%s does not hash to the hash %s holds for it", path, parentPath)
	}
	return nil
}
