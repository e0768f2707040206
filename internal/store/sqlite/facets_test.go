package sqlite_test

import (
	"context"
	"maps"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/store"
	"dateline/internal/store/storetest"
)

// pageSize is how many hits TestPageFacets reads per search.
const pageSize = 100

// TestPageFacets checks the entity and month facets counted in SQL against
// counts made from the matching documents themselves.
func TestPageFacets(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	storetest.MustPut(t, db, storetest.Generate(t, 300, 3)...)
	tests := []struct {
		name string
		q    store.Query
	}{
		{"word", store.Query{Text: "talks"}},
		{"word and type", store.Query{Text: "talks", Filter: store.Filter{Type: "MEET"}}},
		{"exclusion and dates", store.Query{Text: "talks -ceasefire", Filter: store.Filter{From: "2025-06-01", To: "2025-08-31"}}},
		{"source", store.Query{Text: "sanctions", Filter: store.Filter{Source: "Wire"}}},
		{"no words", store.Query{Filter: store.Filter{Entity: "Putin"}}},
		{"no match", store.Query{Text: "zzyzx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantMonths := map[string]int{}
			wantDocs := map[store.EntityRef]int{} // by the documents' own names
			matches := 0
			for off := 0; ; off += pageSize {
				q := tt.q
				q.Limit, q.Offset = pageSize, off
				res, err := db.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range res.Hits {
					matches++
					if d := store.Day(h.Date); d != "" {
						wantMonths[d[:7]]++
					}
					d, err := db.Get(ctx, h.ID)
					if err != nil {
						t.Fatal(err)
					}
					seen := map[store.EntityRef]bool{}
					for _, e := range d.Entities {
						ref := store.EntityRef{Name: e.Name, Type: e.Type}
						if (e.Type == doc.Person || e.Type == doc.Org || e.Type == doc.GPE) && !seen[ref] {
							seen[ref] = true
							wantDocs[ref]++
						}
					}
				}
				if len(res.Hits) < pageSize {
					break
				}
			}
			ents, months, err := db.PageFacets(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(months, wantMonths) {
				t.Errorf("months = %v, want %v", months, wantMonths)
			}
			if matches == 0 && len(ents) != 0 {
				t.Errorf("entities %v without matches", ents)
			}
			if len(ents) > 10 {
				t.Errorf("%d entities, want at most 10", len(ents))
			}
			for i, e := range ents {
				if i > 0 && e.Documents > ents[i-1].Documents {
					t.Errorf("entities out of order: %v", ents)
				}
				// The generated documents name each entity one way, so
				// the stored name is the documents' own.
				if n, ok := wantDocs[e.EntityRef]; !ok || n != e.Documents {
					t.Errorf("%v in %d matches, want %d", e.EntityRef, e.Documents, n)
				}
			}
		})
	}
}
