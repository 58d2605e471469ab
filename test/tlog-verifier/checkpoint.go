package main

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

// checkpoint is the note text of a c2sp.org/tlog-checkpoint.
type checkpoint struct {
	origin     string
	size       int64
	root       tlog.Hash
	extensions []string
}

// parseCheckpoint reads the note text of a checkpoint: origin, decimal tree size and base64 root
// hash lines, then optional extension lines, each ending in a newline. tlog.ParseTree cannot be
// used: it wants the go.sum database's fixed first line ("go.sum database tree"), not an origin.
func parseCheckpoint(text string) (checkpoint, error) {
	var c checkpoint
	if !strings.HasSuffix(text, "\n") {
		return c, fmt.Errorf("the text does not end in a newline")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) < 3 {
		return c, fmt.Errorf("fewer than three lines (origin, tree size, root hash)")
	}
	for i, line := range lines {
		if line == "" {
			return c, fmt.Errorf("line %d is empty", i+1)
		}
	}
	c.origin, c.extensions = lines[0], lines[3:]

	// ASCII decimal without sign or leading zero: one spelling per size.
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return c, fmt.Errorf("the tree size %q is not a decimal without leading zeros", lines[1])
	}
	c.size = size

	// Strict: one encoding per hash (padding required, no stray bits).
	root, err := base64.StdEncoding.Strict().DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		return c, fmt.Errorf("the root hash %q is not the base64 of %d bytes", lines[2], tlog.HashSize)
	}
	copy(c.root[:], root)
	return c, nil
}
