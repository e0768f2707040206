package link

import (
	"strings"
	"testing"
)

func TestPartial(t *testing.T) {
	tests := []struct {
		short, full string
		want        bool
	}{
		{"Trump", "Donald Trump", true},
		{"von der Leyen", "Ursula von der Leyen", true},
		{"Kim", "Kim Jong Un", true},
		{"Jong", "Kim Jong Un", true},
		{"Trump", "Trump", false},       // not a proper part
		{"Trum", "Donald Trump", false}, // whole words only
		{"Leyen von", "Ursula von der Leyen", false},
		{"", "Donald Trump", false},
		{"Donald Trump", "Trump", false},
	}
	for _, tc := range tests {
		t.Run(tc.short+"/"+tc.full, func(t *testing.T) {
			if got := Partial(tc.short, tc.full); got != tc.want {
				t.Errorf("Partial(%q, %q) = %v, want %v", tc.short, tc.full, got, tc.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	kimJongUn := Candidate{ID: 1, Name: "Kim Jong Un", Titles: []string{"North Korean leader"}, Docs: 9, Context: []int64{10, 11}}
	kimJungKwan := Candidate{ID: 2, Name: "Kim Jung-kwan", Titles: []string{"South Korean Trade Minister"}, Docs: 2, Context: []int64{20, 21, 22}}
	untitled := Candidate{ID: 3, Name: "Kim Yo Jong", Docs: 1, Context: []int64{10}}
	tests := []struct {
		name   string
		e      Entity
		cands  []Candidate
		want   int64
		reason string // a word the reason must contain
	}{
		{"none", Entity{Type: "PERSON", Name: "Kim"}, nil, 0, ""},
		{"only one", Entity{Type: "PERSON", Name: "Kim"}, []Candidate{kimJongUn}, 1, "only"},
		{"only one, other title", Entity{Type: "PERSON", Name: "Kim", Titles: []string{"trade minister"}}, []Candidate{kimJongUn}, 0, "differ"},
		{"title decides", Entity{Type: "PERSON", Name: "Kim", Titles: []string{"Trade Minister"}}, []Candidate{kimJongUn, kimJungKwan}, 2, "titles"},
		{"title decides the other way", Entity{Type: "PERSON", Name: "Kim", Titles: []string{"the North Korean leader"}}, []Candidate{kimJungKwan, kimJongUn}, 1, "titles"},
		{"company decides", Entity{Type: "PERSON", Name: "Kim", Context: []int64{20, 22, 99}}, []Candidate{kimJongUn, kimJungKwan}, 2, "seen before"},
		{"ambiguous", Entity{Type: "PERSON", Name: "Kim"}, []Candidate{kimJongUn, kimJungKwan}, 0, "ambiguous"},
		{"company too close", Entity{Type: "PERSON", Name: "Kim", Context: []int64{10}}, []Candidate{kimJongUn, untitled}, 0, "ambiguous"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Resolve(tc.e, tc.cands)
			if d.ID != tc.want {
				t.Errorf("Resolve = %d (%s), want %d", d.ID, d.Reason, tc.want)
			}
			if !strings.Contains(d.Reason, tc.reason) {
				t.Errorf("reason %q does not say %q", d.Reason, tc.reason)
			}
		})
	}
}

func TestInDocument(t *testing.T) {
	others := []Local{
		{ID: "e1", Type: "PERSON", Name: "Kim Jung-kwan"},
		{ID: "e2", Type: "ORG", Name: "Kim Foundation"},
		{ID: "e3", Type: "PERSON", Name: "Kim"},
	}
	tests := []struct {
		name   string
		e      Entity
		others []Local
		want   string
		ok     bool
	}{
		{"same type only", Entity{Type: "PERSON", Name: "Kim"}, others, "e1", true},
		{"org", Entity{Type: "ORG", Name: "Kim"}, others, "e2", true},
		{"none", Entity{Type: "GPE", Name: "Kim"}, others, "", false},
		{"two fuller names", Entity{Type: "PERSON", Name: "Kim"}, append(others, Local{ID: "e4", Type: "PERSON", Name: "Kim Jong Un"}), "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := InDocument(tc.e, tc.others)
			if got != tc.want || ok != tc.ok {
				t.Errorf("InDocument = %q, %v; want %q, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
