package gazetteer

import (
	"testing"

	"dateline/internal/nlp/token"
)

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		name      string
		phrase    string
		want      Class
		canonical string
	}{
		{"country", "Ukraine", Country, ""},
		{"country alias", "United States", Place, ""},
		{"capital", "Moscow", Capital, ""},
		{"region", "Middle East", Region, ""},
		{"demonym", "Russian", Demonym, "Russia"},
		{"demonym plural", "Russians", Demonym, "Russia"},
		{"acronym", "NATO", Org, "North Atlantic Treaty Organization"},
		{"expansion", "International Monetary Fund", Org, "IMF"},
		{"first name", "Steve", FirstName, ""},
		{"facility", "Oval Office", Facility, ""},
		{"proper noun", "Kremlin", ProperNoun, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := g.Lookup(tt.phrase)
			if !ok || e.Class&tt.want == 0 {
				t.Fatalf("Lookup(%q) = %+v, %v; want class %b", tt.phrase, e, ok, tt.want)
			}
			if tt.canonical != "" && e.Canonical != tt.canonical {
				t.Errorf("Lookup(%q).Canonical = %q, want %q", tt.phrase, e.Canonical, tt.canonical)
			}
		})
	}
}

func TestPlacesAreNotFirstNames(t *testing.T) {
	g := Default()
	for _, w := range []string{"Asia", "Georgia", "India"} {
		if e, _ := g.Lookup(w); e.Class&FirstName != 0 {
			t.Errorf("%s is marked as a first name", w)
		}
	}
}

func TestMatchLongest(t *testing.T) {
	g := Default()
	text := "Officials in the United Arab Emirates said"
	toks := token.Tokenize(text, nil)
	n, e := g.Match(text, toks, 3) // "United"
	if n != 3 || e.Class&Country == 0 {
		t.Fatalf("Match at United = %d tokens, %+v; want 3 tokens, a country", n, e)
	}
	if n, _ := g.Match(text, toks, 0); n != 0 {
		t.Errorf("Match at Officials = %d tokens, want 0", n)
	}
}

func TestTitles(t *testing.T) {
	g := Default()
	tests := []struct {
		phrase string
		want   bool
	}{
		{"President", true},
		{"special envoy", true},
		{"Secretary of State", true},
		{"Secretary-General", true},
		{"aide", true},
		{"meeting", false},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			if got := g.IsTitle(tt.phrase); got != tt.want {
				t.Errorf("IsTitle(%q) = %v, want %v", tt.phrase, got, tt.want)
			}
		})
	}
	text := "US Secretary of State Marco Rubio"
	toks := token.Tokenize(text, nil)
	if n, e := g.MatchTitle(text, toks, 1); n != 3 || e.Class&Title == 0 {
		t.Errorf("MatchTitle(Secretary of State) = %d, %+v; want 3 tokens", n, e)
	}
}

func TestCommonWords(t *testing.T) {
	g := Default()
	for w, want := range map[string]bool{"Great": true, "allies": true, "Putin": false, "Witkoff": false} {
		if got := g.IsCommon(w); got != want {
			t.Errorf("IsCommon(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"Russian": "Russians", "Chinese": "Chinese", "British": "British", "Iraqi": "Iraqi", "Israeli": "Israelis"} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLookupToken(t *testing.T) {
	g := Default()
	for _, w := range []string{"Berlin", "Mary", "NATO", "Russian", "Unknownword", "U.S."} {
		t.Run(w, func(t *testing.T) {
			e1, ok1 := g.Lookup(w)
			e2, ok2 := g.LookupToken(w)
			if e1 != e2 || ok1 != ok2 {
				t.Errorf("LookupToken(%q) = %+v, %v; Lookup gives %+v, %v", w, e2, ok2, e1, ok1)
			}
		})
	}
}

func TestIsTitleToken(t *testing.T) {
	g := Default()
	for w, want := range map[string]bool{"President": true, "president": true, "minister": true, "Berlin": false, "said": false} {
		if got := g.IsTitleToken(w); got != want || got != g.IsTitle(w) {
			t.Errorf("IsTitleToken(%q) = %v, want %v (IsTitle %v)", w, got, want, g.IsTitle(w))
		}
	}
}

func TestUnaccent(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"São Paulo", "Sao Paulo", true},
		{"Łódź", "Lodz", true},
		{"Düsseldorf", "Dusseldorf", true},
		{"Malmö", "Malmo", true},
		{"Berlin", "Berlin", true},
		{"Αθήνα", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := unaccent(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("unaccent(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestUnaccentedPlaces checks that places are known without their accents,
// as English-language news often writes them.
func TestUnaccentedPlaces(t *testing.T) {
	g := Default()
	for _, w := range []string{"Sao Paulo", "Zurich", "Malmo", "Bogota", "São Paulo"} {
		t.Run(w, func(t *testing.T) {
			e, ok := g.Lookup(w)
			if !ok || e.Class&(City|Capital) == 0 {
				t.Errorf("Lookup(%q) = %+v, %v; want a city", w, e, ok)
			}
		})
	}
}
