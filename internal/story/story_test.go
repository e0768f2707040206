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

func TestSameEvent(t *testing.T) {
	groups := []EventKey{
		{Type: "MEET", Day: "2026-03-02", Parts: []int64{1, 2}},
		{Type: "MEET", Day: "2026-03-02", Parts: []int64{3, 4, 5}},
		{Type: "STRIKE", Day: "2026-03-02", Parts: []int64{1, 2}},
	}
	tests := []struct {
		name string
		k    EventKey
		want int
	}{
		{"same parties", EventKey{Type: "MEET", Day: "2026-03-02", Parts: []int64{1, 2}}, 0},
		{"most shared", EventKey{Type: "MEET", Day: "2026-03-02", Parts: []int64{2, 4, 5}}, 1},
		{"other day", EventKey{Type: "MEET", Day: "2026-03-03", Parts: []int64{1, 2}}, -1},
		{"other type", EventKey{Type: "SANCTION", Day: "2026-03-02", Parts: []int64{1, 2}}, -1},
		{"nobody shared", EventKey{Type: "MEET", Day: "2026-03-02", Parts: []int64{9}}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SameEvent(tc.k, groups); got != tc.want {
				t.Errorf("SameEvent = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestEvents(t *testing.T) {
	d := &doc.Document{
		Times: []doc.Time{{ID: "t1", Value: "2026-03-04"}},
		Events: []doc.Event{
			{ID: "v1", Type: "MEET", Time: "t1", Participants: []doc.Participant{{Role: doc.Agent, Entity: "e2"}, {Role: doc.Partner, Entity: "e1"}}},
			{ID: "v2", Type: "MEET"}, // nobody named: not grouped
			{ID: "v3", Type: "MEET", Place: "e1", Attributes: &doc.Attributes{Negated: true}},
			{ID: "v4", Type: "STRIKE", Place: "e1"},
		},
	}
	got := Events(d, "2026-03-02", map[string]int64{"e1": 10, "e2": 5})
	want := []EventKey{
		{Type: "MEET", Day: "2026-03-04", Parts: []int64{5, 10}},
		{}, {},
		{Type: "STRIKE", Day: "2026-03-02", Parts: []int64{10}},
	}
	for i := range want {
		if got[i].Type != want[i].Type || got[i].Day != want[i].Day || !slices.Equal(got[i].Parts, want[i].Parts) {
			t.Errorf("event %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if p := ParseParts(FormatParts([]int64{5, 10})); !slices.Equal(p, []int64{5, 10}) {
		t.Errorf("parts round trip: %v", p)
	}
}
