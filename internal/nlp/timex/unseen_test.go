package timex

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp/unseentest"
)

// unseenDirs hold invented articles with hand-written expectations (see
// testdata/unseen/README.md): a measure of how the stage does on news it was
// not tuned on. The held-out set was written after the rules fixed for the
// first one and is not used to develop rules.
var unseenDirs = []string{"testdata/unseen", "testdata/unseen-heldout", "testdata/unseen-final", "testdata/unseen4"}

// unseenCase is one article of the unseen set.
type unseenCase struct {
	name, text, dct string
	want            []unseenWant
}

// unseenWant is one hand-written expected time, located in the text.
type unseenWant struct {
	typ, value, text string
	start, end       int
}

// unseenScore counts how the stage did on the expected times, paired as the
// TempEval-3 scorer pairs them: identical spans first, then the leftmost
// unpaired overlapping time.
type unseenScore struct {
	want, got, found, exact, typ, value int
}

// TestUnseen runs the stage on the unseen sets and compares its times with
// the hand-written expectations. Every mismatch must be listed in the set's
// known_misses.txt, and every listed one must still occur: -update rewrites
// the list, so a change in either direction shows in review. The scores are
// logged (go test -run TestUnseen -v).
func TestUnseen(t *testing.T) {
	for _, dir := range unseenDirs {
		t.Run(filepath.Base(dir), func(t *testing.T) { testUnseenDir(t, dir) })
	}
}

func testUnseenDir(t *testing.T, dir string) {
	cases, err := loadUnseen(dir)
	if err != nil {
		t.Fatal(err)
	}
	var total unseenScore
	var misses []string
	for _, c := range cases {
		d := run(t, c.text, c.dct)
		sc, ms := scoreUnseen(c, d.Times)
		total.add(sc)
		misses = append(misses, ms...)
	}
	t.Logf("%s: %d articles, %d expected times, %d found (%d system times): %d exact spans, %d types, %d values correct",
		dir, len(cases), total.want, total.found, total.got, total.exact, total.typ, total.value)
	t.Logf("strict F1 %.1f, relaxed F1 %.1f, value F1 %.1f", total.f1(total.exact), total.f1(total.found), total.f1(total.value))

	unseentest.CheckKnown(t, filepath.Join(dir, unseentest.KnownMisses), misses, *update)
}

func (s *unseenScore) add(o unseenScore) {
	s.want += o.want
	s.got += o.got
	s.found += o.found
	s.exact += o.exact
	s.typ += o.typ
	s.value += o.value
}

// f1 is the F1 of n correct times against the system and expected counts.
func (s unseenScore) f1(n int) float64 {
	if s.want+s.got == 0 {
		return 0
	}
	return 200 * float64(n) / float64(s.want+s.got)
}

// scoreUnseen pairs the times found with the expected ones and returns the
// counts and one line per mismatch: a miss, a wrong span, type or value, or
// a time found where none was expected.
func scoreUnseen(c unseenCase, got []doc.Time) (unseenScore, []string) {
	sc := unseenScore{want: len(c.want), got: len(got)}
	pair := make([]int, len(c.want))
	used := make([]bool, len(got))
	for i, w := range c.want {
		pair[i] = -1
		for j, g := range got {
			if !used[j] && g.Start == w.start && g.End == w.end {
				pair[i], used[j] = j, true
				break
			}
		}
	}
	for i, w := range c.want {
		if pair[i] >= 0 {
			continue
		}
		for j, g := range got {
			if !used[j] && g.Start < w.end && w.start < g.End {
				pair[i], used[j] = j, true
				break
			}
		}
	}
	var ms []string
	for i, w := range c.want {
		exp := fmt.Sprintf("%s %q %s %s", c.name, w.text, w.typ, w.value)
		if pair[i] < 0 {
			ms = append(ms, exp+": missed")
			continue
		}
		g := got[pair[i]]
		sc.found++
		var bad []string
		if g.Start == w.start && g.End == w.end {
			sc.exact++
		} else {
			bad = append(bad, fmt.Sprintf("span %q", g.Text))
		}
		if g.Type == w.typ {
			sc.typ++
		} else {
			bad = append(bad, "type "+g.Type)
		}
		if g.Value == w.value {
			sc.value++
		} else {
			bad = append(bad, "value "+g.Value)
		}
		if len(bad) > 0 {
			ms = append(ms, exp+": got "+strings.Join(bad, ", "))
		}
	}
	for j, g := range got {
		if !used[j] {
			ms = append(ms, fmt.Sprintf("%s %q %s %s: not expected", c.name, g.Text, g.Type, g.Value))
		}
	}
	return sc, ms
}

// loadUnseen reads the articles of dir and their expectations.
func loadUnseen(dir string) ([]unseenCase, error) {
	arts, err := unseentest.ReadSet(dir)
	if err != nil {
		return nil, err
	}
	var cases []unseenCase
	for _, a := range arts {
		c, err := loadUnseenCase(a)
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	return cases, nil
}

func loadUnseenCase(a unseentest.Article) (unseenCase, error) {
	f := a.Path
	first, text, ok := strings.Cut(a.Text, "\n")
	dct, ok2 := strings.CutPrefix(first, "DCT: ")
	if !ok || !ok2 {
		return unseenCase{}, fmt.Errorf("%s: first line must be \"DCT: YYYY-MM-DD\" or \"DCT: none\"", f)
	}
	if dct == "none" {
		dct = ""
	}
	c := unseenCase{name: a.Name, text: text, dct: dct}
	wantFile := a.WantPath
	from := 0
	for n, line := range a.Want {
		parts := strings.SplitN(line, " | ", 3)
		if len(parts) != 3 {
			return unseenCase{}, fmt.Errorf("%s:%d: want \"TYPE | value | text\"", wantFile, n+1)
		}
		w := unseenWant{typ: parts[0], value: parts[1], text: parts[2]}
		if !ValidValue(w.typ, w.value) {
			return unseenCase{}, fmt.Errorf("%s:%d: invalid %s value %q", wantFile, n+1, w.typ, w.value)
		}
		k := strings.Index(text[from:], w.text)
		if k < 0 {
			return unseenCase{}, fmt.Errorf("%s:%d: %q not found after byte %d", wantFile, n+1, w.text, from)
		}
		w.start = from + k
		w.end = w.start + len(w.text)
		from = w.end
		c.want = append(c.want, w)
	}
	return c, nil
}
