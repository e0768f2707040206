package chunk

import (
	"strings"
	"testing"
)

// TestUnknownWordSuffixes: the tag of an unlisted word, whose suffixes are
// looked up by the word's last byte, is the one the suffix rules give when
// tried one after the other.
func TestUnknownWordSuffixes(t *testing.T) {
	inOrder := func(lower string) Tag {
		switch {
		case strings.HasSuffix(lower, "ly") && len(lower) > 4 && !strings.HasSuffix(lower, "ally") || strings.HasSuffix(lower, "ally"):
			return Adv
		case strings.HasSuffix(lower, "ed") && len(lower) > 4:
			return Verb
		case strings.HasSuffix(lower, "ing") && len(lower) > 5:
			return Verb
		}
		for _, s := range adjSuffixes {
			if strings.HasSuffix(lower, s) && len(lower) > len(s)+2 {
				return Adj
			}
		}
		return Noun
	}
	for _, stem := range []string{"", "x", "ab", "abc", "zorbl", "qwertz", "frumpish"} {
		for _, suf := range append(adjSuffixes, "ly", "ally", "ed", "ing", "s", "e", "y", "n", "c", "h", "l", "ial", "zzz") {
			w := stem + suf
			if get(&lex.words, w) != nil {
				continue // listed: the suffixes do not apply
			}
			if got, _, _ := tagEntry(w, &noEntry, false, false); got != inOrder(w) {
				t.Errorf("%q: %v, want %v", w, got, inOrder(w))
			}
		}
	}
}
