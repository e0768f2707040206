package ner_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestGoldenArticle pins the entities of a news article written for the
// tests, so that a retrained model or a changed rule shows its effect as a
// diff. Review the diff, then run with -update to accept it.
func TestGoldenArticle(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := analyse(t, pipeline(t), string(raw))
	var b strings.Builder
	for _, e := range d.Entities {
		fmt.Fprintf(&b, "%s %s %q", e.ID, e.Type, e.Name)
		if len(e.Titles) > 0 {
			fmt.Fprintf(&b, " titles=%q", e.Titles)
		}
		b.WriteString("\n")
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, "\t%d-%d %s %q\n", m.Start, m.End, m.Kind, m.Text)
		}
	}
	got := b.String()
	const path = "testdata/article.golden"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("entities differ from %s (run with -update after review):\n%s", path, diff(string(want), got))
	}
}

// diff lists the lines only in want (-) or only in got (+).
func diff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
