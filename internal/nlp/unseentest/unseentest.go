// Package unseentest holds what the stages' unseen-article tests share:
// reading the hand-written expectation and known-miss files, and holding
// the mismatches found against the list a reviewer has accepted. Each stage
// scores its own kind of annotation; only the bookkeeping is common.
package unseentest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// KnownMisses is the file, beside a set's articles, that lists the
// mismatches accepted in review.
const KnownMisses = "known_misses.txt"

// ReadLines returns the non-empty lines of path that are not # comments,
// trimmed of surrounding space.
func ReadLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("unseen: %w", err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("unseen: %s: %w", path, err)
	}
	return lines, nil
}

// CheckKnown fails the test on every mismatch not listed in path and on
// every listed one that no longer occurs, so a fix shows in review as
// plainly as a regression. With update it rewrites the list instead.
func CheckKnown(t testing.TB, path string, misses []string, update bool) {
	t.Helper()
	if update {
		var b bytes.Buffer
		b.WriteString("# Mismatches with the hand-written expectations (go test -run TestUnseen -update).\n")
		for _, m := range misses {
			b.WriteString(m + "\n")
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	known, err := ReadLines(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	for _, m := range misses {
		if !slices.Contains(known, m) {
			t.Errorf("new mismatch: %s", m)
		}
	}
	for _, k := range known {
		if !slices.Contains(misses, k) {
			t.Errorf("listed mismatch no longer occurs (run with -update): %s", k)
		}
	}
}
