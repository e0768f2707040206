package link

import (
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/internal/doc"
)

// spansOf returns the spans of every occurrence of name in text.
func spansOf(text, name string) []doc.Span {
	var out []doc.Span
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return out
		}
		out = append(out, doc.Span{Start: i + j, End: i + j + len(name)})
		i += j + len(name)
	}
}

func TestPlaceSense(t *testing.T) {
	tests := []struct {
		name, text string
		places     []string
		want       string // Canonical; "" the place itself
		ok         bool
	}{
		{"actor", "Washington imposed new tariffs on steel, and Washington warned of more.", nil, "United States", true},
		{"possessive actor", "Beijing criticised Washington's decision on Monday.", nil, "United States", true},
		{"governor", "Washington Governor Bob Ferguson declared an emergency.", nil, "Washington State", true},
		{"state of", "Voters in the state of Washington approved the measure.", nil, "Washington State", true},
		{"a city of the state", "Crews from across Washington fought the fire.", []string{"Spokane"}, "Washington State", true},
		{"named state", "Storms hit Washington State. Washington said it needed help.", []string{"Washington State"}, "Washington State", true},
		{"location", "Thousands marched in Washington on Saturday.", nil, "", true},
		{"location beats actor", "Talks in Washington ended. Washington said it was pleased.", nil, "", true},
		{"dateline", "WASHINGTON - The talks ended.", nil, "", true},
		{"capital", "Moscow warned that it would respond.", nil, "Russia", true},
		{"capital as place", "The delegation arrived in Moscow on Monday.", nil, "", true},
		{"auxiliary", "Washington will host the summit in June.", nil, "", true},
		{"not ambiguous", "Paris is a city.", nil, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			name := "Washington"
			for _, n := range []string{"Moscow", "Paris"} {
				if strings.Contains(tc.text, n) {
					name = n
				}
			}
			if tc.name == "not ambiguous" {
				name = "Lyon"
			}
			spans := spansOf(tc.text, name)
			if strings.HasPrefix(tc.text, "WASHINGTON") {
				spans = []doc.Span{{Start: 0, End: len("WASHINGTON")}}
			}
			s, ok := PlaceSense(name, tc.text, spans, tc.places)
			if ok != tc.ok || s.Canonical != tc.want {
				t.Errorf("PlaceSense(%q) = %q, %v (%s); want %q, %v", tc.text, s.Canonical, ok, s.Reason, tc.want, tc.ok)
			}
			if ok && s.Reason == "" {
				t.Error("no reason")
			}
		})
	}
}

func TestWordsAround(t *testing.T) {
	text := "Crews from across Washington’s east, officials said."
	sp := spansOf(text, "Washington")[0]
	if got := strings.Join(wordsBefore(text[:sp.Start], 2), " "); got != "from across" {
		t.Errorf("before = %q", got)
	}
	if got := strings.Join(wordsAfter(text[sp.End:], 2), " "); got != "’s east" {
		t.Errorf("after = %q", got)
	}
	if got := wordsBefore("Sánchez. ", 2); len(got) != 0 {
		t.Errorf("words across a sentence end: %q", got)
	}
}

// FuzzPlaceSense checks that any text and spans give a decision without
// panicking, with valid UTF-8 evidence.
func FuzzPlaceSense(f *testing.F) {
	f.Add("Washington said on Monday that Washington’s plan stood.", 0, 10)
	f.Add("in Washington", 3, 13)
	f.Add("é Washington", -1, 40)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		s, ok := PlaceSense("Washington", text, []doc.Span{{Start: start, End: end}}, []string{"Seattle"})
		if !ok {
			t.Fatal("Washington is ambiguous")
		}
		if utf8.ValidString(text) && !utf8.ValidString(s.Reason) {
			t.Errorf("reason %q is not UTF-8", s.Reason)
		}
	})
}
