package sqldb

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"dateline/internal/story"
	"dateline/internal/track"
)

// crossCache keeps, from one batch to the next, the rows of the
// cross-document tables that the writer's candidate lookups read: the
// tracked deadlines whose horizon is recent, the story keys of recent days
// and the event groups of the days recently reported. Asked once per
// article, those lookups were most of what the layers cost the writer
// (which ingest waits on); answered from memory they cost a map lookup.
//
// It is exact, not a guess: each index holds every row of its table from
// its floor day on, and articles whose time window reaches before the floor
// (an old article ingested late) are looked up in the database as before.
// Only the writer changes these tables, and it changes the cache with them.
//
// It stays correct when other processes (or other handles) write the same
// database: every batch that changes the layers increments
// crossdoc_state.gen in its transaction. A batch reads gen first; the cache
// is used only if it was left at that generation by this handle's last
// batch, that is if nobody else changed the layers since, and is dropped
// otherwise (and rebuilt from the tables, read inside the batch's
// transaction). A batch that fails drops it too, as its changes were rolled
// back. One batch at a time uses it; a concurrent batch of the same handle
// reads the database.
type crossCache struct {
	gen     int64         // crossdoc_state.gen the cache is exact for
	behind  int           // batches in a row whose days are before the indexes' reach
	latest  string        // latest batch day (the median of a batch's days) seen
	tracked *trackedIndex // nil until a batch needs it
	stories *storyIndex   // nil until a batch needs it
	// events are the event groups of each (type, day) read or started so
	// far: complete for each slot, as only the writer adds groups.
	events map[eventSlot]*eventGroups
	// fullKeys are the (type, one-word name) pairs linkEarlier has
	// looked at: a fuller-named entity answers to them in entity_keys.
	fullKeys map[entityKey]bool
}

// cacheMargin is how many days before the time windows of the latest
// batch's articles the indexes reach, so that articles filed a little late
// are answered from memory too.
const cacheMargin = 30

// Bounds on the cache: past them the index is not kept (the lookups go to
// the database, as without a cache). With 300 articles a day they hold a
// few tens of thousands of rows.
const (
	maxCachedTracked = 1 << 18
	maxCachedKeys    = 1 << 20
	maxCachedSlots   = 1 << 13
	maxCachedNames   = 1 << 16
)

// maxBehind is how many batches in a row may be older than the cache
// reaches (a backfill of older articles) before it is dropped, to be
// loaded again around their days.
const maxBehind = 8

// takeCross returns the handle's cache for a batch that read gen: the kept
// one if it is exact for gen, else a new empty one; nil when another batch
// holds it or caching is off.
func (db *DB) takeCross(gen int64) *crossCache {
	if db.NoCrossCache {
		return nil
	}
	db.crossMu.Lock()
	defer db.crossMu.Unlock()
	if db.crossBusy {
		return nil
	}
	db.crossBusy = true
	c := db.cross
	db.cross = nil
	if c == nil || c.gen != gen {
		c = &crossCache{gen: gen, events: map[eventSlot]*eventGroups{}, fullKeys: map[entityKey]bool{}}
	}
	return c
}

// returnCross hands the cache back after a batch: kept when the batch
// committed and the cache is still exact (c non-nil), else dropped.
func (db *DB) returnCross(c *crossCache, held bool) {
	if !held {
		return
	}
	db.crossMu.Lock()
	defer db.crossMu.Unlock()
	db.crossBusy = false
	db.cross = c
}

// advance moves the indexes' floors to follow the batch days: day is the
// median day of the batch's articles. Rows before the new floors are
// dropped; it runs after the batch's changes are in the cache.
func (c *crossCache) advance(day string) {
	if day == "" || day <= c.latest {
		return
	}
	c.latest = day
	// Move a floor only once it lags a week behind, so that dropping old
	// rows (a pass over the index) happens once a week of articles.
	if c.tracked != nil && lags(c.tracked.floor, day, trackWindow) {
		c.tracked.evict(windowStart(day, trackWindow+cacheMargin))
	}
	if c.stories != nil && lags(c.stories.floor, day, story.Window) {
		c.stories.evict(windowStart(day, story.Window+cacheMargin))
	}
	if len(c.events) > maxCachedSlots {
		clear(c.events)
	}
}

// lags reports whether an index's floor is a week or more before the floor
// that articles of day with a time window of window days need.
func lags(floor, day string, window int) bool {
	f := windowStart(day, window+cacheMargin+7)
	return f != "" && floor <= f
}

// trackedEntry is a tracked deadline's stepped state and horizon.
type trackedEntry struct {
	d       track.Deadline
	horizon string
}

// trackedIndex holds every tracked deadline whose horizon is floor or later.
type trackedIndex struct {
	floor string
	byID  map[int64]*trackedEntry
	// byEntity lists the deadlines each entity sets or is the target of.
	// A deadline whose setter or target changed stays listed under the old
	// one too; lookups check the party.
	byEntity map[int64][]int64
	off      bool // too many rows to keep: every lookup goes to the database
}

// loadTrackedIndex reads the tracked deadlines whose horizon is floor or later.
func (w *writer) loadTrackedIndex(ctx context.Context, floor string) (*trackedIndex, error) {
	x := &trackedIndex{floor: floor, byID: map[int64]*trackedEntry{}, byEntity: map[int64][]int64{}}
	rows, err := w.tx.QueryContext(ctx, w.db.q(`SELECT id, COALESCE(setter, 0), COALESCE(target, 0), demand, due, status,
		last_day, dues, first, opened, horizon FROM tracked_deadlines WHERE horizon >= ?`), floor)
	if err != nil {
		return nil, fmt.Errorf("load tracked deadlines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d track.Deadline
		var dues, horizon string
		if err := rows.Scan(&d.ID, &d.Setter, &d.Target, &d.Demand, &d.Due, &d.Status, &d.Last, &dues, &d.First, &d.Opened, &horizon); err != nil {
			return nil, fmt.Errorf("load tracked deadlines: %w", err)
		}
		d.Dues = strings.Fields(dues)
		if len(x.byID) == maxCachedTracked {
			return &trackedIndex{floor: floor, off: true}, rows.Close()
		}
		x.put(d, horizon)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load tracked deadlines: %w", err)
	}
	return x, nil
}

// put records d's state and horizon as the database now has them.
func (x *trackedIndex) put(d track.Deadline, horizon string) {
	if x.off || horizon < x.floor {
		return // horizons only grow: one before the floor was never here
	}
	d.Dues = slices.Clone(d.Dues)
	old := x.byID[d.ID]
	for _, p := range []int64{d.Setter, d.Target} {
		if p != 0 && (old == nil || (old.d.Setter != p && old.d.Target != p)) {
			x.byEntity[p] = append(x.byEntity[p], d.ID)
		}
	}
	x.byID[d.ID] = &trackedEntry{d: d, horizon: horizon}
	if len(x.byID) > maxCachedTracked {
		*x = trackedIndex{floor: x.floor, off: true}
	}
}

// horizon returns the horizon of the deadline id, or "" if it is not held.
func (x *trackedIndex) horizon(id int64) string {
	if e := x.byID[id]; e != nil {
		return e.horizon
	}
	return ""
}

// candidates is [writer.trackedCandidates] answered from the index: the
// deadlines set by or for one of ids whose horizon is from or later,
// latest horizon first (then highest id), at most maxTracked. from must be
// the floor or later.
func (x *trackedIndex) candidates(ids []int64, from string) []track.Deadline {
	var es []*trackedEntry
	seen := map[int64]bool{}
	for _, p := range ids {
		for _, id := range x.byEntity[p] {
			e := x.byID[id]
			if e == nil || seen[id] || e.horizon < from || (e.d.Setter != p && e.d.Target != p) {
				continue
			}
			seen[id] = true
			es = append(es, e)
		}
	}
	slices.SortFunc(es, func(a, b *trackedEntry) int {
		return cmp.Or(strings.Compare(b.horizon, a.horizon), cmp.Compare(b.d.ID, a.d.ID))
	})
	out := make([]track.Deadline, 0, min(len(es), maxTracked))
	for _, e := range es[:min(len(es), maxTracked)] {
		d := e.d
		d.Dues = slices.Clone(d.Dues)
		out = append(out, d)
	}
	return out
}

// evict drops the deadlines whose horizon is before floor.
func (x *trackedIndex) evict(floor string) {
	x.floor = floor
	if x.off {
		return
	}
	for id, e := range x.byID {
		if e.horizon < floor {
			delete(x.byID, id)
		}
	}
	for p, ids := range x.byEntity {
		ids = slices.DeleteFunc(ids, func(id int64) bool {
			e := x.byID[id]
			return e == nil || (e.d.Setter != p && e.d.Target != p)
		})
		if len(ids) == 0 {
			delete(x.byEntity, p)
		} else {
			x.byEntity[p] = ids
		}
	}
}

// storyIndex holds every story_keys row whose day is floor or later.
type storyIndex struct {
	floor string
	keys  map[story.Key]map[int64]string // key → story → latest day
	n     int                            // rows held
	off   bool                           // too many rows to keep
}

// loadStoryIndex reads the story keys of floor or later.
func (w *writer) loadStoryIndex(ctx context.Context, floor string) (*storyIndex, error) {
	x := &storyIndex{floor: floor, keys: map[story.Key]map[int64]string{}}
	rows, err := w.tx.QueryContext(ctx, w.db.q(`SELECT key, story, day FROM story_keys WHERE day >= ?`), floor)
	if err != nil {
		return nil, fmt.Errorf("load story keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k story.Key
		var id int64
		var day string
		if err := rows.Scan(&k, &id, &day); err != nil {
			return nil, fmt.Errorf("load story keys: %w", err)
		}
		if x.put(k, id, day); x.off {
			return x, rows.Close()
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load story keys: %w", err)
	}
	return x, nil
}

// put records that story id had key on day, as the upsert into story_keys
// does: the latest day is kept.
func (x *storyIndex) put(k story.Key, id int64, day string) {
	if x.off || day < x.floor {
		return // the row's day only grows: one before the floor is not read
	}
	m := x.keys[k]
	if m == nil {
		m = map[int64]string{}
		x.keys[k] = m
	}
	old, ok := m[id]
	if !ok {
		x.n++
	}
	if !ok || day > old {
		m[id] = day
	}
	if x.n > maxCachedKeys {
		*x = storyIndex{floor: x.floor, off: true}
	}
}

// evict drops the rows whose day is before floor.
func (x *storyIndex) evict(floor string) {
	x.floor = floor
	if x.off {
		return
	}
	for k, m := range x.keys {
		for id, day := range m {
			if day < floor {
				delete(m, id)
				x.n--
			}
		}
		if len(m) == 0 {
			delete(x.keys, k)
		}
	}
}

// CrossCached returns how many tracked deadlines, story keys and event
// slots the handle's cache holds between batches (zeros when it holds none),
// for tests that check the cache was used.
func (db *DB) CrossCached() (deadlines, storyKeys, eventSlots int) {
	db.crossMu.Lock()
	defer db.crossMu.Unlock()
	c := db.cross
	if c == nil {
		return 0, 0, 0
	}
	if c.tracked != nil {
		deadlines = len(c.tracked.byID)
	}
	if c.stories != nil {
		storyKeys = c.stories.n
	}
	return deadlines, storyKeys, len(c.events)
}
