package postgres_test

import (
	"context"
	"testing"

	"dateline/internal/store"
	"dateline/internal/store/storetest"
)

// TestPageFacets runs the shared facet queries on PostgreSQL: the months
// add up to the dated matches and the entities come most frequent first.
// (The SQLite tests compare the counts with the documents themselves.)
func TestPageFacets(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	storetest.MustPut(t, db, storetest.Generate(t, 120, 3)...)
	for _, tt := range []struct {
		name string
		q    store.Query
	}{
		{"word", store.Query{Text: "talks"}},
		{"exclusion, type and date", store.Query{Text: "talks -ceasefire", Filter: store.Filter{Type: "MEET", From: "2025-06-01"}}},
		{"no words", store.Query{Filter: store.Filter{Source: "Wire"}}},
	} {
		q := tt.q
		t.Run(tt.name, func(t *testing.T) {
			res, err := db.Search(ctx, store.Query{Text: q.Text, Filter: q.Filter, Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			ents, months, err := db.PageFacets(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for _, n := range months {
				sum += n
			}
			if sum != res.Total { // generated articles are all dated
				t.Errorf("months %v add up to %d, want %d matches", months, sum, res.Total)
			}
			if res.Total > 0 && len(ents) == 0 || len(ents) > 10 {
				t.Errorf("%d entities for %d matches", len(ents), res.Total)
			}
			for i := 1; i < len(ents); i++ {
				if ents[i].Documents > ents[i-1].Documents || ents[i].Documents > res.Total {
					t.Errorf("entity counts out of order or over the matches: %v", ents)
				}
			}
		})
	}
}
