package sqlite_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"dateline/internal/store"
	"dateline/internal/store/storetest"
)

// TestSearchPagesTies checks that pages of a search whose matches all score
// the same still follow the full order (score, then newest day, then id):
// the page is cut by score before documents are read, so ties at a page's
// edge must be kept and ordered there.
func TestSearchPagesTies(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	base := storetest.Generate(t, 1, 7)[0]
	const n = 23
	days := []string{"2025-03-01", "2025-03-02", "2025-03-03"}
	for i := range n {
		d := *base
		d.ID = fmt.Sprintf("tie-%02d", (i*7)%n)
		d.Date = days[i%len(days)]
		// Same length in tokens, so every copy scores the same.
		d.Text += fmt.Sprintf(" Copy %c.", 'a'+i)
		storetest.MustPut(t, db, &d)
	}
	word := "copy"
	all, err := db.Search(ctx, store.Query{Text: word, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != n || len(all.Hits) != n {
		t.Fatalf("all: total %d, %d hits; want %d", all.Total, len(all.Hits), n)
	}
	if all.Hits[0].Score != all.Hits[n-1].Score {
		t.Fatalf("setup: copies score %v to %v, want one score", all.Hits[0].Score, all.Hits[n-1].Score)
	}
	if !slices.IsSortedFunc(all.Hits, func(a, b store.Hit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(store.Day(b.Date), store.Day(a.Date)), cmp.Compare(a.ID, b.ID))
	}) {
		t.Errorf("all hits out of order: %v", ids(all.Hits))
	}
	for _, limit := range []int{1, 4, 7, 10} {
		t.Run(fmt.Sprintf("limit=%d", limit), func(t *testing.T) {
			var got []store.Hit
			for off := 0; off < n+limit; off += limit {
				res, err := db.Search(ctx, store.Query{Text: word, Limit: limit, Offset: off})
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != n {
					t.Fatalf("offset %d: total %d, want %d", off, res.Total, n)
				}
				got = append(got, res.Hits...)
			}
			if !slices.Equal(ids(got), ids(all.Hits)) {
				t.Errorf("pages give %v\nwant %v", ids(got), ids(all.Hits))
			}
		})
	}
}

func ids(hs []store.Hit) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.ID
	}
	return out
}
