package story

import (
	"slices"
	"testing"

	"dateline/internal/doc"
)

func TestSign(t *testing.T) {
	text := "Iranian officials rejected the ultimatum on Monday. Iran said talks would go on."
	d := &doc.Document{
		Title:     "Iran rejects US ultimatum over enrichment",
		Text:      text,
		Sentences: []doc.Span{{Start: 0, End: 51}, {Start: 52, End: len(text)}},
		Entities: []doc.Entity{
			{ID: "e1", Type: doc.GPE, Name: "Iran", Mentions: []doc.Mention{{Start: 52, End: 56, Text: "Iran"}}},
			{ID: "e2", Type: doc.NORP, Name: "Iranian", Mentions: []doc.Mention{{Start: 0, End: 7, Text: "Iranian"}}},
			{ID: "e3", Type: doc.Person, Name: "X", Mentions: []doc.Mention{{Start: 8, End: 17, Text: "officials", Kind: "nominal"}}},
		},
	}
	got := Sign(d, map[string]int64{"e1": 5, "e2": 6, "e3": 7})
	want := []Key{"e:5", "e:6", "t:reject", "t:ultima", "t:enrich", "t:offici"}
	if !slices.Equal(got, want) {
		t.Errorf("Sign = %q, want %q", got, want)
	}
}

func TestChoose(t *testing.T) {
	tests := []struct {
		name  string
		cands []Candidate
		want  int64
	}{
		{"nothing", nil, 0},
		{"entities alone do not join", []Candidate{{Story: 1, Shared: []Key{"e:1", "e:2", "e:3", "e:4"}}}, 0},
		{"entities and a word", []Candidate{{Story: 1, Shared: []Key{"e:1", "e:2", "t:deadli"}}}, 1},
		{"one entity and a word is too little", []Candidate{{Story: 1, Shared: []Key{"e:1", "t:deadli"}}}, 0},
		{"best wins", []Candidate{{Story: 1, Shared: []Key{"e:1", "e:2", "t:deadli"}}, {Story: 2, Shared: []Key{"e:1", "e:2", "t:deadli", "t:enrich"}}}, 2},
		{"tie goes to the newer story", []Candidate{{Story: 3, Shared: []Key{"e:1", "e:2", "t:a"}}, {Story: 4, Shared: []Key{"e:1", "e:2", "t:b"}}}, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Choose(tc.cands)
			if c.Story != tc.want {
				t.Errorf("Choose = %+v, want story %d", c, tc.want)
			}
			if c.Story != 0 && len(c.Shared) == 0 {
				t.Errorf("joined without reasons: %+v", c)
			}
		})
	}
}

func FuzzSign(f *testing.F) {
	f.Add("Iran rejects ultimatum", "Iran said no.", 0, 4)
	f.Add("", "", -3, 99)
	f.Fuzz(func(t *testing.T, title, text string, start, end int) {
		d := &doc.Document{Title: title, Text: text, Sentences: []doc.Span{{Start: start, End: end}},
			Entities: []doc.Entity{{ID: "e1", Name: title, Mentions: []doc.Mention{{Start: start, End: end}}}}}
		keys := Sign(d, map[string]int64{"e1": 1})
		if len(keys) > maxEntities+maxTerms {
			t.Errorf("%d keys, want at most %d", len(keys), maxEntities+maxTerms)
		}
		seen := map[Key]bool{}
		for _, k := range keys {
			if seen[k] {
				t.Errorf("key %q twice", k)
			}
			seen[k] = true
		}
	})
}
