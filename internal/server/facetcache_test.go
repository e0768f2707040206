package server

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"dateline/internal/store"
)

func TestFacetCache(t *testing.T) {
	t0 := time.Date(2025, 7, 1, 12, 0, 0, 0, time.UTC)
	q := store.Query{Text: "talks", Filter: store.Filter{Source: "Wire"}}
	counts := map[string]int{"PERSON": 3, "MEET": 1}
	tests := []struct {
		name   string
		ask    store.Query
		at     time.Time
		reset  bool
		wantOK bool
	}{
		{"same search", q, t0.Add(time.Second), false, true},
		{"another page and type", store.Query{Text: "talks", Filter: store.Filter{Source: "Wire", Type: "MEET"}, Limit: 50, Offset: 100}, t0.Add(time.Second), false, true},
		{"other text", store.Query{Text: "talk", Filter: store.Filter{Source: "Wire"}}, t0, false, false},
		{"other filter", store.Query{Text: "talks"}, t0, false, false},
		{"expired", q, t0.Add(facetTTL), false, false},
		{"after a put", q, t0.Add(time.Second), true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := facetCache[map[string]int]{key: withoutType}
			c.put(q, counts, t0)
			if tt.reset {
				c.reset()
			}
			got, ok := c.get(tt.ask, tt.at)
			if ok != tt.wantOK {
				t.Fatalf("get ok = %v, want %v", ok, tt.wantOK)
			}
			if ok && !maps.Equal(got, counts) {
				t.Errorf("get = %v, want %v", got, counts)
			}
		})
	}
	t.Run("bounded", func(t *testing.T) {
		c := facetCache[map[string]int]{key: withoutType}
		for i := range 3 * facetEntries {
			c.put(store.Query{Text: fmt.Sprint("w", i)}, counts, t0)
			if len(c.m) > facetEntries {
				t.Fatalf("after %d puts the cache holds %d entries, over %d", i+1, len(c.m), facetEntries)
			}
		}
		last := store.Query{Text: fmt.Sprint("w", 3*facetEntries-1)}
		if _, ok := c.get(last, t0); !ok {
			t.Error("the newest entry was dropped")
		}
	})
}
