package main

import (
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/rand"
	"net/http"
	"sort"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type verifier struct {
	base    string
	client  *http.Client
	samples int
	seed    int64
	rng     *rand.Rand
}

// logKey is /.well-known/ledger-key.json.
type logKey struct {
	Origin       string `json:"origin"`
	KeyName      string `json:"keyName"`
	KeyID        string `json:"keyId"`
	Algorithm    string `json:"algorithm"`
	PublicKeyPem string `json:"publicKeyPem"`
	Vkey         string `json:"vkey"`

	// Read from the fields above by checkKey.
	noteVerifier note.Verifier
	publicKey    ed25519.PublicKey
}

// run checks, in order: the key, the signed checkpoint, GraphQL's tree head, the tiles against the
// checkpoint's root, inclusion proofs of sampled events, consistency proofs from sampled earlier sizes.
func (v *verifier) run() error {
	key, err := v.checkKey()
	if err != nil {
		return fmt.Errorf("well-known key: %v", err)
	}
	signed, cp, err := v.checkCheckpoint(key)
	if err != nil {
		return fmt.Errorf("checkpoint: %v", err)
	}
	if err := v.checkTreeHead(key, signed, cp); err != nil {
		return fmt.Errorf("GraphQL treeHead: %v", err)
	}
	if cp.size == 0 {
		// No leaves: no tiles, no proofs. RFC 9162's empty root is SHA-256 of nothing (Go's
		// TreeHash(0) gives all zeros instead, so it is not asked).
		if cp.root != tlog.Hash(sha256.Sum256(nil)) {
			return fmt.Errorf("checkpoint: the root of the empty tree is %s, not SHA-256 of nothing", hexOf(cp.root))
		}
		fmt.Println("ok    the log is empty: nothing more to check")
		return nil
	}

	tiles := &tileReader{v: v, fetched: map[string][]byte{}}
	// The proofs read hashes through this reader only after checkTiles has authenticated every tile
	// the reader keeps (the reader checks some tiles itself, but not all: see authenticateFullTile).
	hashes := tlog.TileHashReader(tlog.Tree{N: cp.size, Hash: cp.root}, tiles)
	if err := v.checkTiles(cp, tiles, hashes); err != nil {
		return fmt.Errorf("tiles: %v", err)
	}
	if err := v.checkInclusion(cp, hashes); err != nil {
		return fmt.Errorf("inclusion proof: %v", err)
	}
	if err := v.checkConsistency(cp, hashes); err != nil {
		return fmt.Errorf("consistency proof: %v", err)
	}
	return nil
}

// checkKey reads the log's key and checks that its parts agree: the vkey parses (which checks its
// key ID against its name and key), names the same key as keyName and keyId, and holds the same
// Ed25519 public key as publicKeyPem.
func (v *verifier) checkKey() (*logKey, error) {
	key := &logKey{}
	body, err := v.get("/.well-known/ledger-key.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(body, key); err != nil {
		return nil, fmt.Errorf("not JSON: %v", err)
	}
	if key.Algorithm != "Ed25519" {
		return nil, fmt.Errorf("algorithm %q, not Ed25519", key.Algorithm)
	}
	key.noteVerifier, err = note.NewVerifier(key.Vkey)
	if err != nil {
		return nil, fmt.Errorf("vkey %q: %v", key.Vkey, err)
	}
	if key.noteVerifier.Name() != key.KeyName || fmt.Sprintf("%08x", key.noteVerifier.KeyHash()) != key.KeyID {
		return nil, fmt.Errorf("the vkey is %s+%08x, but keyName and keyId say %s+%s", key.noteVerifier.Name(), key.noteVerifier.KeyHash(), key.KeyName, key.KeyID)
	}
	block, _ := pem.Decode([]byte(key.PublicKeyPem))
	if block == nil {
		return nil, fmt.Errorf("publicKeyPem holds no PEM block")
	}
	publicKey, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("publicKeyPem: %v", err)
	}
	var ok bool
	if key.publicKey, ok = publicKey.(ed25519.PublicKey); !ok {
		return nil, fmt.Errorf("publicKeyPem is a %T, not an Ed25519 key", publicKey)
	}
	if pemVkey, err := note.NewEd25519VerifierKey(key.KeyName, key.publicKey); err != nil || pemVkey != key.Vkey {
		return nil, fmt.Errorf("publicKeyPem is not the key of the vkey")
	}
	fmt.Printf("ok    key %s (%s): the vkey, key ID and PEM agree\n", key.Vkey, key.Origin)
	return key, nil
}

// checkCheckpoint opens /log/checkpoint with the log's key alone (c2sp.org/signed-note rules, as
// note.Open applies them) and reads its text as a c2sp.org/tlog-checkpoint of the key's origin.
func (v *verifier) checkCheckpoint(key *logKey) (*note.Note, checkpoint, error) {
	body, err := v.get("/log/checkpoint")
	if err != nil {
		return nil, checkpoint{}, err
	}
	signed, err := note.Open(body, note.VerifierList(key.noteVerifier))
	if err != nil {
		return nil, checkpoint{}, fmt.Errorf("the signed note does not open with %s: %v", key.Vkey, err)
	}
	cp, err := parseCheckpoint(signed.Text)
	if err != nil {
		return nil, cp, err
	}
	if cp.origin != key.Origin {
		return nil, cp, fmt.Errorf("origin %q, but the well-known key is for %q", cp.origin, key.Origin)
	}
	fmt.Printf("ok    checkpoint signed by %s: origin %s, tree size %d, root %s\n", key.KeyName, cp.origin, cp.size, hexOf(cp.root))
	return signed, cp, nil
}

// checkTreeHead holds GraphQL's treeHead to the served checkpoint: the same note, size and root,
// and its detached signature valid for the checkpoint text under the log's key. (On a log that
// grows while this runs, treeHead may already be newer: run it against a quiet log.)
func (v *verifier) checkTreeHead(key *logKey, signed *note.Note, cp checkpoint) error {
	var data struct {
		TreeHead struct {
			Origin     string
			TreeSize   int64
			RootHash   string
			Timestamp  string
			KeyID      string `json:"keyId"`
			Signature  string
			Checkpoint string
		}
	}
	const q = `query { treeHead { origin treeSize rootHash timestamp keyId signature checkpoint } }`
	if err := v.query(q, nil, &data); err != nil {
		return err
	}
	head := data.TreeHead
	if head.Origin != cp.origin || head.TreeSize != cp.size || head.RootHash != hexOf(cp.root) {
		return fmt.Errorf("origin %q, size %d, root %s; the checkpoint says %q, %d, %s", head.Origin, head.TreeSize, head.RootHash, cp.origin, cp.size, hexOf(cp.root))
	}
	if head.KeyID != key.KeyID {
		return fmt.Errorf("keyId %s, the log's key is %s", head.KeyID, key.KeyID)
	}
	if head.Checkpoint == "" {
		return fmt.Errorf("the checkpoint field is empty")
	}
	fromGraphQL, err := note.Open([]byte(head.Checkpoint), note.VerifierList(key.noteVerifier))
	if err != nil {
		return fmt.Errorf("the checkpoint field does not open: %v", err)
	}
	if fromGraphQL.Text != signed.Text {
		return fmt.Errorf("the checkpoint field's text differs from /log/checkpoint's")
	}
	// The detached signature: base64 of the Ed25519 signature alone, without the note's key ID.
	signature, err := base64.StdEncoding.Strict().DecodeString(head.Signature)
	if err != nil {
		return fmt.Errorf("signature %q is not base64", head.Signature)
	}
	if !ed25519.Verify(key.publicKey, []byte(signed.Text), signature) {
		return fmt.Errorf("signature does not verify for the checkpoint text under the log's key")
	}
	fmt.Printf("ok    treeHead (signed %s) is the checkpoint, and its signature verifies\n", head.Timestamp)
	return nil
}

// checkTiles recomputes the checkpoint's root from the served tiles (tlog.TreeHash reads the
// partial tiles at the tree's right edge, where the tree's subtree hashes lie), then authenticates
// every full tile against its parent: from the top down, every byte of every tile is then proved to
// belong to the checkpoint's tree, before any proof is compared with them.
func (v *verifier) checkTiles(cp checkpoint, tiles *tileReader, hashes tlog.HashReader) error {
	root, err := tlog.TreeHash(cp.size, hashes)
	if err == nil && root != cp.root {
		err = fmt.Errorf("they give root %s", hexOf(root))
	}
	if err != nil {
		// tlog cannot tell which tile is wrong; it is one of those it read.
		read := make([]string, 0, len(tiles.fetched))
		for path := range tiles.fetched {
			read = append(read, path)
		}
		sort.Strings(read)
		return fmt.Errorf("the tiles %v do not give the checkpoint's root: %v", read, err)
	}
	fmt.Printf("ok    the tiles hash to the checkpoint's root\n")
	all := treeTiles(cp.size)
	for _, t := range all {
		if t.W < 1<<tileHeight {
			// Authenticated by the root just now, unless the reasoning above is wrong.
			if path, _ := c2spTilePath(t); tiles.fetched[path] == nil {
				return fmt.Errorf("%s was not read to compute the root", path)
			}
		} else if err := tiles.authenticateFullTile(t, cp.size); err != nil {
			return err
		}
	}
	fmt.Printf("ok    all %d tiles of the tree authenticate against the root\n", len(all))
	return nil
}

// checkInclusion proves a sample of events included in the checkpoint's tree: each event's
// leafHash and inclusionProof from GraphQL must verify (tlog.CheckRecord), and must equal the leaf
// hash and the proof that the tiles give (tlog.ProveRecord).
func (v *verifier) checkInclusion(cp checkpoint, hashes tlog.HashReader) error {
	sequences := v.sample(0, cp.size-1)
	for _, sequence := range sequences {
		if err := v.checkEvent(cp, hashes, sequence); err != nil {
			return fmt.Errorf("sequence %d in the tree of size %d: %v", sequence, cp.size, err)
		}
	}
	fmt.Printf("ok    %d events proved included (sequences %v, seed %d)\n", len(sequences), sequences, v.seed)
	return nil
}

func (v *verifier) checkEvent(cp checkpoint, hashes tlog.HashReader, sequence int64) error {
	var events struct {
		Events struct {
			Edges []struct {
				Node struct {
					ID       string
					Sequence int64
					LeafHash string
				}
			}
		}
	}
	const eventAt = `query ($sequence: Int!) {
		events(first: 1, filter: { fromSequence: $sequence, toSequence: $sequence }) { edges { node { id sequence leafHash } } }
	}`
	if err := v.query(eventAt, map[string]any{"sequence": sequence}, &events); err != nil {
		return err
	}
	if len(events.Events.Edges) != 1 || events.Events.Edges[0].Node.Sequence != sequence {
		return fmt.Errorf("events(fromSequence: %d, toSequence: %d) does not give that one event", sequence, sequence)
	}
	event := events.Events.Edges[0].Node
	leafHash, err := parseHexHash(event.LeafHash)
	if err != nil {
		return fmt.Errorf("event %s: leafHash: %v", event.ID, err)
	}

	var proof struct {
		InclusionProof struct {
			Sequence  int64
			TreeSize  int64
			LeafHash  string
			AuditPath []string
		}
	}
	const inclusion = `query ($eventId: ID!, $treeSize: Int) {
		inclusionProof(eventId: $eventId, treeSize: $treeSize) { sequence treeSize leafHash auditPath }
	}`
	if err := v.query(inclusion, map[string]any{"eventId": event.ID, "treeSize": cp.size}, &proof); err != nil {
		return err
	}
	served := proof.InclusionProof
	if served.Sequence != sequence || served.TreeSize != cp.size || served.LeafHash != event.LeafHash {
		return fmt.Errorf("inclusionProof(%s) is for sequence %d, size %d, leaf %s; asked for %d, %d, %s", event.ID, served.Sequence, served.TreeSize, served.LeafHash, sequence, cp.size, event.LeafHash)
	}
	auditPath, err := parseHexHashes(served.AuditPath)
	if err != nil {
		return fmt.Errorf("auditPath: %v", err)
	}
	if err := tlog.CheckRecord(auditPath, cp.size, cp.root, sequence, leafHash); err != nil {
		return fmt.Errorf("the served proof for event %s does not lead to the checkpoint's root: %v", event.ID, err)
	}

	fromTiles, err := hashes.ReadHashes([]int64{tlog.StoredHashIndex(0, sequence)})
	if err != nil {
		return fmt.Errorf("reading its leaf hash from the tiles: %v", err)
	}
	if fromTiles[0] != leafHash {
		return fmt.Errorf("event %s has leafHash %s, the level-0 tile holds %s", event.ID, event.LeafHash, hexOf(fromTiles[0]))
	}
	proved, err := tlog.ProveRecord(cp.size, sequence, hashes)
	if err != nil {
		return fmt.Errorf("proving it from the tiles: %v", err)
	}
	if len(proved) != len(auditPath) {
		return fmt.Errorf("the served audit path has %d hashes, the tiles' %d", len(auditPath), len(proved))
	}
	for i := range proved {
		if proved[i] != auditPath[i] {
			return fmt.Errorf("audit path hash %d is %s, the tiles give %s", i, hexOf(auditPath[i]), hexOf(proved[i]))
		}
	}
	return nil
}

// checkConsistency proves the checkpoint's tree an extension of a sample of earlier trees: the
// root of each earlier size m comes from the tiles (the current tree's tiles hold every earlier
// tree's subtrees), and consistencyProof(m, N) must verify between the two roots (tlog.CheckTree).
func (v *verifier) checkConsistency(cp checkpoint, hashes tlog.HashReader) error {
	if cp.size < 2 {
		fmt.Println("ok    no earlier non-empty tree to prove consistent")
		return nil
	}
	sizes := v.sample(1, cp.size-1)
	for _, m := range sizes {
		oldRoot, err := tlog.TreeHash(m, hashes)
		if err != nil {
			return fmt.Errorf("the root of size %d from the tiles: %v", m, err)
		}
		var data struct {
			ConsistencyProof struct {
				FirstSize  int64
				SecondSize int64
				Path       []string
			}
		}
		const q = `query ($firstSize: Int!, $secondSize: Int!) {
			consistencyProof(firstSize: $firstSize, secondSize: $secondSize) { firstSize secondSize path }
		}`
		if err := v.query(q, map[string]any{"firstSize": m, "secondSize": cp.size}, &data); err != nil {
			return fmt.Errorf("from size %d to %d: %v", m, cp.size, err)
		}
		served := data.ConsistencyProof
		if served.FirstSize != m || served.SecondSize != cp.size {
			return fmt.Errorf("asked from size %d to %d, got a proof from %d to %d", m, cp.size, served.FirstSize, served.SecondSize)
		}
		path, err := parseHexHashes(served.Path)
		if err != nil {
			return fmt.Errorf("from size %d to %d: path: %v", m, cp.size, err)
		}
		if err := tlog.CheckTree(path, cp.size, cp.root, m, oldRoot); err != nil {
			return fmt.Errorf("from size %d (root %s) to %d: %v", m, hexOf(oldRoot), cp.size, err)
		}
	}
	fmt.Printf("ok    %d earlier tree sizes proved consistent with size %d (%v)\n", len(sizes), cp.size, sizes)
	return nil
}

// sample picks up to v.samples distinct values in [lo, hi], always both ends (the first and last
// leaf, the smallest and largest earlier tree: where off-by-one errors live), the rest at random.
func (v *verifier) sample(lo, hi int64) []int64 {
	picked := map[int64]bool{}
	want := int64(v.samples)
	if span := hi - lo + 1; span < want {
		want = span
	}
	for _, end := range []int64{lo, hi} {
		if int64(len(picked)) < want {
			picked[end] = true
		}
	}
	for int64(len(picked)) < want {
		picked[lo+v.rng.Int63n(hi-lo+1)] = true
	}
	values := make([]int64, 0, len(picked))
	for value := range picked {
		values = append(values, value)
	}
	sort.Slice(values, func(i, j int) bool { return values[i] < values[j] })
	return values
}
