// Command tlog-verifier checks a running ledger as a transparency log in the C2SP formats, with
// Go's own golang.org/x/mod/sumdb/note and sumdb/tlog: an implementation of the hashing, proofs and
// signed notes that shares no code with the ledger's TypeScript one (issue 11, deliverable 10).
//
// It reads only what the ledger serves to anyone, all relative to -url:
//
//	/.well-known/ledger-key.json   the log's origin and note verifier key (vkey)
//	/log/checkpoint                the signed checkpoint (c2sp.org/tlog-checkpoint)
//	/log/tile/<L>/<N>[.p/<W>]      hash tiles (c2sp.org/tlog-tiles)
//	/graphql                       treeHead, events, inclusionProof, consistencyProof
//
// It fetches every hash tile (one request each: a log of n events has about n/255 of them), and
// GraphQL answers for a sample of events and of earlier tree sizes. It exits 0 when everything
// holds, 1 naming the first thing that does not, 2 on bad usage. Entry bundles are not read yet.
//
// Build it in GOPATH mode against Debian's golang-golang-x-mod-dev (no module download):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o tlog-verifier .
//	./tlog-verifier -url http://127.0.0.1:3000 [-samples 20] [-seed N]
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"net/http"
	"os"
	"strings"
	"time"
)

func main() {
	base := flag.String("url", "", "the ledger's base URL, e.g. http://127.0.0.1:3000 (no /graphql)")
	samples := flag.Int("samples", 20, "how many events to prove included, and how many earlier tree sizes to prove consistent")
	seed := flag.Int64("seed", 0, "seed that picks the samples (0: from the clock); printed, so a run can be repeated")
	flag.Parse()
	if *base == "" || *samples < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: tlog-verifier -url http://HOST:PORT [-samples 20] [-seed N]")
		os.Exit(2)
	}
	if *seed == 0 {
		*seed = time.Now().UnixNano()
	}

	v := &verifier{
		base:    strings.TrimRight(*base, "/"),
		client:  &http.Client{Timeout: 30 * time.Second},
		samples: *samples,
		seed:    *seed,
		rng:     rand.New(rand.NewSource(*seed)),
	}
	if err := v.run(); err != nil {
		fmt.Fprintf(os.Stderr, "tlog-verifier: FAIL: %v\n", err)
		os.Exit(1)
	}
	fmt.Println("tlog-verifier: OK, every check holds")
}
