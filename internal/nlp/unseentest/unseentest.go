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
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// KnownMisses is the file, beside a set's articles, that lists the
// mismatches accepted in review.
const KnownMisses = "known_misses.txt"

// Article is one article of a set: its text and the lines of its .want
// file, which each stage parses in its own format.
type Article struct {
	Name     string // the file name without .txt
	Path     string // the .txt file
	WantPath string // the .want file beside it
	Text     string
	Want     []string // ReadLines of WantPath
}

// ReadSet reads the articles of dir (every .txt file but the known-miss
// list) with their expectation lines. A set without articles is an error.
func ReadSet(dir string) ([]Article, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("unseen: %w", err)
	}
	var arts []Article
	for _, p := range paths {
		if filepath.Base(p) == KnownMisses {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("unseen: %w", err)
		}
		a := Article{Name: strings.TrimSuffix(filepath.Base(p), ".txt"), Path: p, Text: string(raw)}
		a.WantPath = strings.TrimSuffix(p, ".txt") + ".want"
		if a.Want, err = ReadLines(a.WantPath); err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("unseen: no articles in %s", dir)
	}
	return arts, nil
}

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
