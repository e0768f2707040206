package server

import (
	"sync"
	"time"

	"dateline/internal/store"
)

// Type facet counts cost a search per type, as much as the page itself many
// times over, and do not change as a reader pages through results or
// toggles a type, so the search page keeps them for a short while.
const (
	facetTTL     = 30 * time.Second
	facetEntries = 256
)

// facetCache holds type facet counts per search (text and filters other
// than the type; paging does not matter). Entries expire after facetTTL, so
// documents added by another process show within that time; documents put
// through this server clear the cache at once.
type facetCache struct {
	mu sync.Mutex
	m  map[store.Query]facetEntry
}

type facetEntry struct {
	counts  map[string]int // by type
	expires time.Time
}

// facetKey is the part of q the type counts depend on.
func facetKey(q store.Query) store.Query {
	q.Type, q.Limit, q.Offset = "", 0, 0
	return q
}

// get returns the counts for q, if fresh at now. The map is shared: callers
// must not change it.
func (c *facetCache) get(q store.Query, now time.Time) (map[string]int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[facetKey(q)]
	if !ok || !now.Before(e.expires) {
		return nil, false
	}
	return e.counts, true
}

// put keeps counts for q until now+facetTTL. When full it first drops the
// expired entries, then, if still full, all of them: a simple bound that
// costs at worst one round of recounting.
func (c *facetCache) put(q store.Query, counts map[string]int, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[store.Query]facetEntry{}
	}
	if len(c.m) >= facetEntries {
		for k, e := range c.m {
			if !now.Before(e.expires) {
				delete(c.m, k)
			}
		}
		if len(c.m) >= facetEntries {
			clear(c.m)
		}
	}
	c.m[facetKey(q)] = facetEntry{counts: counts, expires: now.Add(facetTTL)}
}

// reset forgets every entry, after the store changed.
func (c *facetCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.m)
}
