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

// facetCache holds facets of type V per search; key reduces a query to
// the part V depends on (paging never matters). Entries expire after
// facetTTL, so documents added by another process show within that time;
// documents put through this server clear the cache at once.
type facetCache[V any] struct {
	key func(store.Query) store.Query
	mu  sync.Mutex
	m   map[store.Query]facetEntry[V]
}

type facetEntry[V any] struct {
	v       V
	expires time.Time
}

// withoutType is the part of q type counts depend on.
func withoutType(q store.Query) store.Query {
	q.Type, q.Limit, q.Offset = "", 0, 0
	return q
}

// withoutPage is the part of q the other facets depend on.
func withoutPage(q store.Query) store.Query {
	q.Limit, q.Offset = 0, 0
	return q
}

// pageFacets are the entity and month facets of a search.
type pageFacets struct {
	ents   []store.CoOccurrence
	months map[string]int
}

// get returns the facets of q, if fresh at now. They are shared: callers
// must not change them.
func (c *facetCache[V]) get(q store.Query, now time.Time) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[c.key(q)]
	if !ok || !now.Before(e.expires) {
		var zero V
		return zero, false
	}
	return e.v, true
}

// put keeps v for q until now+facetTTL. When full it first drops the
// expired entries, then, if still full, all of them: a simple bound that
// costs at worst one round of recounting.
func (c *facetCache[V]) put(q store.Query, v V, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[store.Query]facetEntry[V]{}
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
	c.m[c.key(q)] = facetEntry[V]{v: v, expires: now.Add(facetTTL)}
}

// reset forgets every entry, after the store changed.
func (c *facetCache[V]) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.m)
}
