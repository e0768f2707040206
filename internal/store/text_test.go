package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
)

func TestNameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vladimir Putin", "vladimir putin"},
		{"  Vladimir \t PUTIN ", "vladimir putin"},
		{"Witkoff’s", "witkoff's"},
		{"MÜNCHEN", "münchen"},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := NameKey(tc.in); got != tc.want {
				t.Errorf("NameKey(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []Term
		err  error
	}{
		{"putin", []Term{{Text: "putin"}}, nil},
		{"  Putin   Trump ", []Term{{Text: "Putin"}, {Text: "Trump"}}, nil},
		{`"secondary  tariffs" oil`, []Term{{Text: "secondary tariffs", Phrase: true}, {Text: "oil"}}, nil},
		{"“highly productive” -Kremlin", []Term{{Text: "highly productive", Phrase: true}, {Text: "Kremlin", Not: true}}, nil},
		{`talks -"White House"`, []Term{{Text: "talks"}, {Text: "White House", Phrase: true, Not: true}}, nil},
		{`"unclosed phrase`, []Term{{Text: "unclosed phrase", Phrase: true}}, nil},
		{"U.S. -", []Term{{Text: "U.S."}}, nil},
		{`" - , ...`, nil, nil},
		{"", nil, nil},
		{"-putin -trump", nil, ErrInvalid},
		{"kyiv\x00talks\xff", []Term{{Text: "kyiv"}, {Text: "talks"}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseTerms(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("error = %v, want %v", err, tc.err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("ParseTerms(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestSplitMarks(t *testing.T) {
	tests := []struct {
		in    string
		want  string
		spans []doc.Span
	}{
		{"no marks", "no marks", nil},
		{"met \x01Putin\x02 in \x01Moscow\x02", "met Putin in Moscow", []doc.Span{{Start: 4, End: 9}, {Start: 13, End: 19}}},
		{"\x01München\x02’s", "München’s", []doc.Span{{Start: 0, End: 8}}},
		{"stray\x02 end, \x01open", "stray end, open", []doc.Span{{Start: 11, End: 15}}},
		{"empty \x01\x02 mark", "empty  mark", nil},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			got, spans := SplitMarks(tc.in)
			if got != tc.want || !slices.Equal(spans, tc.spans) {
				t.Errorf("SplitMarks(%q) = %q %v, want %q %v", tc.in, got, spans, tc.want, tc.spans)
			}
		})
	}
}

func TestLead(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"Short text.", 40, "Short text."},
		{"Line one.\n\nLine   two.", 40, "Line one. Line two."},
		{"Trump met Putin in Anchorage, Alaska, on Friday.", 30, "Trump met Putin in Anchorage…"},
		{"Zelenskyy’s aide said “no”", 14, "Zelenskyy’s…"},
		{"ÄÄÄÄÄÄÄÄ", 5, "ÄÄ…"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Lead(tc.in, tc.max); got != tc.want {
				t.Errorf("Lead(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
			}
		})
	}
}

func TestDeadlineDay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-08-08", "2025-08-08"},
		{"2025-08-08T17:00", "2025-08-08"},
		{"2025-08", "2025-08-31"},
		{"2024-02", "2024-02-29"},
		{"2025", "2025-12-31"},
		{"2025-W33", "2025-08-17"},
		{"2026-W01", "2026-01-04"},
		{"2025-W60", ""},
		{"PRESENT_REF", ""},
		{"P50D", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := DeadlineDay(tc.in); got != tc.want {
				t.Errorf("DeadlineDay(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-08-06", "2025-08-06"},
		{"2025-08-15T21:30:00-08:00", "2025-08-15"},
		{"2025-08-06T09:24", "2025-08-06"},
		{"August 6", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Day(tc.in); got != tc.want {
				t.Errorf("Day(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzParseTerms checks that any search text parses without panic into
// terms that have a letter or digit and hold no quote marks.
func FuzzParseTerms(f *testing.F) {
	for _, s := range []string{"putin", `"a b" -c`, "“x” -", "-", `""`, "-\"\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		terms, err := ParseTerms(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		for _, term := range terms {
			if term.Text == "" || strings.TrimSpace(term.Text) != term.Text {
				t.Errorf("term %q not trimmed", term.Text)
			}
			if !utf8.ValidString(term.Text) || strings.ContainsFunc(term.Text, unicode.IsControl) {
				t.Errorf("term %q holds invalid UTF-8 or a control character", term.Text)
			}
			if term.Phrase && strings.ContainsAny(term.Text, `"“”`) {
				t.Errorf("phrase %q holds a quote mark", term.Text)
			}
		}
	})
}

// FuzzSplitMarks checks that highlights always lie inside the snippet, in
// order, and that the snippet keeps every non-marker byte.
func FuzzSplitMarks(f *testing.F) {
	for _, s := range []string{"a \x01b\x02 c", "\x01\x01x\x02\x02", "é\x01é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, spans := SplitMarks(s)
		if want := strings.NewReplacer(MarkStart, "", MarkEnd, "").Replace(s); got != want {
			t.Fatalf("snippet %q, want %q", got, want)
		}
		last := 0
		for _, sp := range spans {
			if sp.Start < last || sp.Start >= sp.End || sp.End > len(got) {
				t.Fatalf("bad span %v in %q", sp, got)
			}
			last = sp.End
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("valid input gave invalid snippet %q", got)
		}
	})
}
