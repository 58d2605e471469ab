package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

// get fetches base+path and returns the body of a 200 answer.
func (v *verifier) get(path string) ([]byte, error) {
	resp, err := v.client.Get(v.base + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %v", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: HTTP %d: %.200s", path, resp.StatusCode, body)
	}
	return body, nil
}

// query runs a GraphQL query anonymously (what any member of the public can do) and decodes its data.
func (v *verifier) query(q string, variables map[string]any, data any) error {
	request, err := json.Marshal(map[string]any{"query": q, "variables": variables})
	if err != nil {
		return err
	}
	resp, err := v.client.Post(v.base+"/graphql", "application/json", bytes.NewReader(request))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var answer struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		return fmt.Errorf("POST /graphql: HTTP %d, not a GraphQL answer: %v", resp.StatusCode, err)
	}
	if len(answer.Errors) > 0 {
		messages := make([]string, len(answer.Errors))
		for i, e := range answer.Errors {
			messages[i] = e.Message
		}
		return fmt.Errorf("POST /graphql: %s", strings.Join(messages, "; "))
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("POST /graphql: HTTP %d", resp.StatusCode)
	}
	return json.Unmarshal(answer.Data, data)
}

// parseHexHash reads the lowercase hex hashes of the GraphQL contract (tlog.ParseHash reads base64).
func parseHexHash(s string) (tlog.Hash, error) {
	var h tlog.Hash
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != tlog.HashSize || strings.ToLower(s) != s {
		return h, fmt.Errorf("%q is not %d bytes of lowercase hex", s, tlog.HashSize)
	}
	copy(h[:], b)
	return h, nil
}

func parseHexHashes(list []string) ([]tlog.Hash, error) {
	hashes := make([]tlog.Hash, len(list))
	for i, s := range list {
		h, err := parseHexHash(s)
		if err != nil {
			return nil, fmt.Errorf("hash %d: %v", i, err)
		}
		hashes[i] = h
	}
	return hashes, nil
}

func hexOf(h tlog.Hash) string { return hex.EncodeToString(h[:]) }
