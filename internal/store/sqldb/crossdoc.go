package sqldb

import (
	"cmp"
	"context"
	"database/sql"
	"dateline/internal/store"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"dateline/internal/doc"
	"dateline/internal/link"
	"dateline/internal/story"
	"dateline/internal/track"
)

// Rows of the cross-document layers that no later document of the batch
// reads are queued and inserted many to a statement once the batch is done.
var (
	tSightings = &bulkTable{name: "deadline_sightings", cols: []string{"tracked", "doc", "local", "day", "due", "status",
		"start", `"end"`, "quote", "reason"}}
	tStoryDocs    = &bulkTable{name: "story_docs", cols: []string{"doc", "story", "score", "shared"}}
	tEventReports = &bulkTable{name: "event_reports", cols: []string{"doc", "local", "grp"}}
	tOrphans      = &bulkTable{name: "deadline_orphans", cols: []string{"entity", "day", "doc"}, conflict: " ON CONFLICT DO NOTHING"}
	// Entity links are read back only for orphans, which are of earlier
	// batches.
	tEntityLinks = &bulkTable{name: "entity_links", cols: []string{"doc", "local", "entity", "canonical", "reason"}}
	crossOrder   = []*bulkTable{tEntityLinks, tSightings, tStoryDocs, tEventReports, tOrphans}
)

// tStoryKeys is the story index. The batch keeps the keys it adds in
// memory (writer.storyKeys) and writes them once it is done; rows are
// deduplicated first, as one INSERT may not update a row twice.
var tStoryKeys = &bulkTable{name: "story_keys", cols: []string{"key", "story", "day"},
	conflict: " ON CONFLICT (key, story) DO UPDATE SET day = CASE WHEN excluded.day > story_keys.day THEN excluded.day ELSE story_keys.day END"}

// storedDoc is a document a batch stored, for the cross-document layers
// that run once the batch's rows are flushed.
type storedDoc struct {
	seq  int64
	doc  *doc.Document
	ents map[string]int64 // the document's entity ids → store entity ids
	prep *prepared        // of doc
}

// crossDoc runs the cross-document layers — deadline tracking and story
// clustering — over the documents the batch stored, inside the batch's
// transaction, in the order of the articles' days (then of their ids, so
// that runs in other orders decide alike): a follow-up that reports a deadline met must come after the article
// that set it, whatever order the files were read in.
func (w *writer) crossDoc(ctx context.Context) error {
	if w.db.NoCrossDoc {
		return nil
	}
	// A document replaced later in the batch is gone (its id was deleted
	// and stored again, and SQLite may have given its seq to the
	// replacement): only the last document of an id counts. Its day is the
	// one put stored.
	last := make(map[string]int, len(w.stored))
	for i, sd := range w.stored {
		last[sd.doc.ID] = i
	}
	type dated struct {
		sd       storedDoc
		day      string
		interest []int64 // entities whose tracked deadlines the document may sight, as named before linking (to preload w.tracked)
	}
	todo := make([]dated, 0, len(w.stored))
	for i, sd := range w.stored {
		if last[sd.doc.ID] == i {
			day := store.Day(sd.doc.Date)
			in := track.Input{Doc: sd.doc, Day: day, Entities: sd.ents, Prep: sd.prep.track}
			todo = append(todo, dated{sd, day, track.Interest(in)})
		}
	}
	slices.SortStableFunc(todo, func(a, b dated) int {
		return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.sd.doc.ID, b.sd.doc.ID))
	})
	w.stored = w.stored[:0]
	if len(todo) == 0 {
		return nil
	}
	var days []string
	for _, t := range todo {
		if t.day != "" {
			days = append(days, t.day)
		}
	}
	median := ""
	if len(days) > 0 {
		median = days[len(days)/2] // todo is in day order
	}
	if err := w.openCross(ctx, median); err != nil {
		return err
	}
	from := "9999-12-31"
	var interest []int64
	for _, t := range todo {
		if len(t.interest) > 0 && w.trackedIndex(t.day) == nil {
			from = min(from, windowStart(t.day, trackWindow))
			interest = append(interest, t.interest...)
		}
	}
	if err := w.loadTracked(ctx, interest, from); err != nil {
		return err
	}
	for _, t := range todo {
		sd, day := t.sd, t.day
		ents := sd.ents
		if err := w.link(ctx, sd, ents); err != nil {
			return fmt.Errorf("link entities of %s: %w", sd.doc.ID, err)
		}
		// Linking may have given a mention a canonical entity the
		// interest read before it did not name ("Vucic" is now Aleksandar
		// Vucic): read it again, and learn whether the new ids track any.
		interest := track.Interest(track.Input{Doc: sd.doc, Day: day, Entities: ents, Prep: sd.prep.track})
		if len(interest) > 0 && w.trackedIndex(day) == nil {
			if err := w.loadTracked(ctx, interest, windowStart(day, trackWindow)); err != nil {
				return err
			}
		}
		if err := w.trackDeadlines(ctx, sd, day, ents, interest); err != nil {
			return fmt.Errorf("track deadlines of %s: %w", sd.doc.ID, err)
		}
		if err := w.cluster(ctx, sd, day, ents); err != nil {
			return fmt.Errorf("cluster %s: %w", sd.doc.ID, err)
		}
		if err := w.groupEvents(ctx, sd, day, ents); err != nil {
			return fmt.Errorf("group events of %s: %w", sd.doc.ID, err)
		}
	}
	batch := make(map[int64]bool, len(todo))
	for _, t := range todo {
		batch[t.sd.seq] = true
	}
	if err := w.linkEarlier(ctx, batch); err != nil {
		return err
	}
	if w.cache == nil {
		clear(w.eventSlots)
	}
	clear(w.tracked)
	for id, sp := range w.storySpans {
		if _, err := w.exec(ctx, `UPDATE stories SET
			first_day = CASE WHEN first_day = '' OR first_day > ? THEN ? ELSE first_day END,
			last_day = CASE WHEN last_day < ? THEN ? ELSE last_day END WHERE id = ?`, sp.first, sp.first, sp.last, sp.last, id); err != nil {
			return fmt.Errorf("update story: %w", err)
		}
	}
	clear(w.storySpans)
	if err := w.flushStoryKeys(ctx); err != nil {
		return err
	}
	if err := w.flushEventGroups(ctx); err != nil {
		return err
	}
	if err := w.flushTables(ctx, crossOrder); err != nil {
		return err
	}
	return w.closeCross(ctx, median)
}

// openCross reads the layers' generation and takes the handle's cache for
// the batch (see crossCache), loading the indexes it lacks from the
// tables, reaching back from the floor that articles of the batch's median
// day need.
func (w *writer) openCross(ctx context.Context, median string) error {
	if err := w.row(ctx, `SELECT gen FROM crossdoc_state WHERE id = 1`).Scan(&w.gen); err != nil {
		return fmt.Errorf("read cross-document generation: %w", err)
	}
	c := w.db.takeCross(w.gen)
	if c == nil {
		return nil
	}
	w.cache, w.crossHeld = c, true
	w.eventSlots = c.events
	day := max(c.latest, median)
	if c.tracked == nil {
		if floor := windowStart(day, trackWindow+cacheMargin); floor != "" {
			x, err := w.loadTrackedIndex(ctx, floor)
			if err != nil {
				return err
			}
			c.tracked = x
		}
	}
	if c.stories == nil {
		if floor := windowStart(day, story.Window+cacheMargin); floor != "" {
			x, err := w.loadStoryIndex(ctx, floor)
			if err != nil {
				return err
			}
			c.stories = x
		}
	}
	return nil
}

// closeCross marks the batch's change of the layers by incrementing their
// generation. The cache is kept, exact for the new generation, only if
// nobody else changed them since openCross read it.
func (w *writer) closeCross(ctx context.Context, median string) error {
	var next int64
	if err := w.row(ctx, `UPDATE crossdoc_state SET gen = gen + 1 WHERE id = 1 RETURNING gen`).Scan(&next); err != nil {
		return fmt.Errorf("update cross-document generation: %w", err)
	}
	if w.cache == nil {
		return nil
	}
	if next != w.gen+1 {
		w.cache = nil
		return nil
	}
	c := w.cache
	c.gen = next
	if median != "" && c.latest != "" && windowStart(median, trackWindow) < windowStart(c.latest, trackWindow+cacheMargin) {
		if c.behind++; c.behind >= maxBehind {
			w.cache = nil
		}
		return nil
	}
	c.behind = 0
	c.advance(median)
	return nil
}

// trackedIndex returns the cache's tracked deadlines if they hold every
// candidate of an article of day, else nil.
func (w *writer) trackedIndex(day string) *trackedIndex {
	if w.cache == nil || w.cache.tracked == nil || w.cache.tracked.off || day == "" {
		return nil
	}
	if from := windowStart(day, trackWindow); from == "" || from < w.cache.tracked.floor {
		return nil
	}
	return w.cache.tracked
}

// trackedChanged records the new state of a tracked deadline in the cache,
// whose horizon is now at least horizon.
func (w *writer) trackedChanged(d track.Deadline, horizon string) {
	if w.cache == nil || w.cache.tracked == nil {
		return
	}
	x := w.cache.tracked
	x.put(d, max(x.horizon(d.ID), horizon))
}

// storySpan is the earliest and latest day of the articles a batch added
// to a story.
type storySpan struct{ first, last string }

// eventSlot is the (type, day) of event groups; eventGroups are the groups
// of one slot, as read from the store and added by the batch.
type eventSlot struct{ typ, day string }

type eventGroups struct {
	ids  []int64
	keys []story.EventKey
}

// flushTables inserts the queued rows of tables, in their order, in
// statements of at most maxParams parameters.
func (w *writer) flushTables(ctx context.Context, tables []*bulkTable) error {
	for _, t := range tables {
		if err := w.insertRows(ctx, t, w.pending[t]); err != nil {
			return err
		}
		w.pending[t] = w.pending[t][:0]
	}
	return nil
}

// inList returns "(?, ?, ...)" for n values.
func inList(n int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")"
}

// trackDeadlines matches the document's deadlines and outcome sentences to
// tracked deadlines (see package track). Evidence that matches nothing is
// kept as an orphan; a deadline the document starts looks for later orphans
// of its parties, so an outcome stored before its announcement is not lost.
func (w *writer) trackDeadlines(ctx context.Context, sd storedDoc, day string, ents map[string]int64, interest []int64) error {
	in := track.Input{Doc: sd.doc, Day: day, Entities: ents, Prep: sd.prep.track}
	if len(interest) == 0 {
		return nil
	}
	started, orphan, err := w.track(ctx, in, sd.seq, interest)
	if err != nil {
		return err
	}
	if orphan {
		for _, id := range interest {
			w.add(tOrphans, id, day, sd.seq)
		}
	}
	if day == "" {
		return nil
	}
	for _, d := range started {
		if err := w.adoptOrphans(ctx, d, day, sd.seq); err != nil {
			return err
		}
	}
	return nil
}

// track records the sightings of one article against the tracked
// deadlines of its interest entities, updating their stepped state. It
// returns the deadlines the article started and whether it left evidence
// unused (track.Orphan).
func (w *writer) track(ctx context.Context, in track.Input, seq int64, interest []int64) ([]track.Deadline, bool, error) {
	day := in.Day
	// The cache answers for articles whose window it covers. Otherwise only
	// entities with a tracked deadline in the batch's window can bring
	// candidates; an article naming none of them needs no query.
	var cands []track.Deadline
	if x := w.trackedIndex(day); x != nil {
		cands = x.candidates(interest, windowStart(day, trackWindow))
	} else {
		var ids []any
		for _, id := range interest {
			if w.tracked[id] {
				ids = append(ids, id)
			}
		}
		if len(ids) > 0 {
			var err error
			if cands, err = w.trackedCandidates(ctx, ids, day); err != nil {
				return nil, false, err
			}
		}
	}
	first := day + "|" + in.Doc.ID
	sightings := track.Observe(in, cands)
	var started []track.Deadline
	for _, s := range sightings {
		var id int64
		horizon := max(day, s.Due)
		change := track.Change{Day: day, Due: s.Due, Status: s.Status}
		if s.Match >= 0 {
			c := &cands[s.Match]
			id = c.ID
			if err := w.step(ctx, c, s, day); err != nil {
				return nil, false, err
			}
			if s.Local != "" && first < c.First {
				// The earliest article restating it names its parties
				// and demand, whichever article was stored first.
				dl := localDeadline(in.Doc, s.Local)
				setter, target := in.Entities[dl.Setter], in.Entities[dl.Target]
				if setter != 0 {
					c.Setter = setter
				}
				if target != 0 {
					c.Target = target
				}
				if dl.Demand != "" {
					c.Demand = dl.Demand
				}
				c.First = first
				w.tracked[c.Setter], w.tracked[c.Target] = true, true
				if _, err := w.exec(ctx, `UPDATE tracked_deadlines SET first = ?, setter = ?, target = ?, demand = ? WHERE id = ?`,
					first, nullID(c.Setter), nullID(c.Target), c.Demand, id); err != nil {
					return nil, false, fmt.Errorf("update tracked deadline: %w", err)
				}
				w.trackedChanged(*c, "")
			}
		} else {
			due, status, last := track.Step("", "", "", change)
			if err := w.row(ctx, `INSERT INTO tracked_deadlines (setter, target, demand, horizon, due, status, last_day, dues, first, opened)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				nullID(s.New.Setter), nullID(s.New.Target), s.New.Demand, horizon, due, status, last, due, first, s.Status).Scan(&id); err != nil {
				return nil, false, fmt.Errorf("insert tracked deadline: %w", err)
			}
			w.tracked[s.New.Setter], w.tracked[s.New.Target] = true, true
			d := s.New
			d.ID, d.Due, d.Status, d.Last, d.Dues, d.First, d.Opened = id, due, status, last, []string{due}, first, s.Status
			w.trackedChanged(d, horizon)
			started = append(started, d)
		}
		w.add(tSightings, id, seq, s.Local, day, s.Due, s.Status, s.Span.Start, s.Span.End, s.Quote, s.Reason)
	}
	return started, track.Orphan(in, sightings), nil
}

// step applies a sighting in an article of day to the stepped state of c
// and stores it.
func (w *writer) step(ctx context.Context, c *track.Deadline, s track.Sighting, day string) error {
	horizon := max(day, s.Due)
	c.Due, c.Status, c.Last = track.Step(c.Due, c.Status, c.Last, track.Change{Day: day, Due: s.Due, Status: s.Status})
	if s.Due != "" && !slices.Contains(c.Dues, s.Due) {
		c.Dues = append(c.Dues, s.Due)
	}
	if _, err := w.exec(ctx, `UPDATE tracked_deadlines SET horizon = CASE WHEN horizon < ? THEN ? ELSE horizon END,
		due = ?, status = ?, last_day = ?, dues = ? WHERE id = ?`,
		horizon, horizon, c.Due, c.Status, c.Last, strings.Join(c.Dues, " "), c.ID); err != nil {
		return fmt.Errorf("update tracked deadline: %w", err)
	}
	w.trackedChanged(*c, horizon)
	return nil
}

// orphanLimit caps the orphans observed again for one new deadline.
const orphanLimit = 32

// adoptOrphans observes again, against the deadline d just started by the
// article seq of day, the orphans of d's parties dated after day and
// within the tracking window of its horizon, oldest first, and records the
// sightings they now make of it.
func (w *writer) adoptOrphans(ctx context.Context, d track.Deadline, day string, seq int64) error {
	var parties []any
	for _, id := range []int64{d.Setter, d.Target} {
		if id != 0 {
			parties = append(parties, id)
		}
	}
	if len(parties) == 0 {
		return nil
	}
	to := "9999-12-31"
	if t, err := time.Parse(time.DateOnly, max(day, d.Due)); err == nil {
		to = t.AddDate(0, 0, trackWindow).Format(time.DateOnly)
	}
	st, err := w.stmt(ctx, `SELECT DISTINCT doc, day FROM deadline_orphans WHERE entity IN `+inList(len(parties))+`
		AND day > ? AND day <= ? ORDER BY day, doc LIMIT `+strconv.Itoa(orphanLimit))
	if err != nil {
		return fmt.Errorf("find orphans: %w", err)
	}
	rows, err := st.QueryContext(ctx, append(parties, day, to)...)
	days := map[int64]string{}
	if err := collectDays(rows, err, days); err != nil {
		return fmt.Errorf("find orphans: %w", err)
	}
	delete(days, seq)
	var orphans []track.Input
	var seqs []int64
	for _, k := range keys(days) {
		o := k.(int64)
		od, ents, err := w.storedDocument(ctx, o)
		if err != nil {
			return fmt.Errorf("adopt orphan: %w", err)
		}
		orphans, seqs = append(orphans, track.Input{Doc: od, Day: days[o], Entities: ents}), append(seqs, o)
	}
	idx := make([]int, len(orphans))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(orphans[a].Day, orphans[b].Day), cmp.Compare(orphans[a].Doc.ID, orphans[b].Doc.ID))
	})
	cands := []track.Deadline{d}
	for _, i := range idx {
		in := orphans[i]
		var adopted []track.Sighting
		for _, s := range track.Observe(in, cands) {
			if s.Match != 0 {
				continue // a deadline of its own: it was tracked when stored
			}
			if err := w.step(ctx, &cands[0], s, in.Day); err != nil {
				return err
			}
			w.add(tSightings, d.ID, seqs[i], s.Local, in.Day, s.Due, s.Status, s.Span.Start, s.Span.End, s.Quote,
				s.Reason+" (stored before the deadline's first article)")
			adopted = append(adopted, s)
		}
		if len(adopted) > 0 && !track.Orphan(in, adopted) {
			// Its evidence has a home now: another new deadline must not
			// take it too.
			if _, err := w.exec(ctx, `DELETE FROM deadline_orphans WHERE doc = ?`, seqs[i]); err != nil {
				return fmt.Errorf("adopt orphan: %w", err)
			}
		}
	}
	return nil
}

// localDeadline returns the document's deadline with id local.
func localDeadline(d *doc.Document, local string) doc.Deadline {
	for _, dl := range d.Deadlines {
		if dl.ID == local {
			return dl
		}
	}
	return doc.Deadline{}
}

// storedDocument reads a stored document back with the canonical ids of
// its entities (linked ones replaced by what they were linked to).
func (w *writer) storedDocument(ctx context.Context, seq int64) (*doc.Document, map[string]int64, error) {
	var id, text, layers string
	if err := w.row(ctx, `SELECT d.id, b.text, b.layers FROM documents d JOIN document_bodies b ON b.doc = d.seq
		WHERE d.seq = ?`, seq).Scan(&id, &text, &layers); err != nil {
		return nil, nil, fmt.Errorf("read document %d: %w", seq, err)
	}
	d, err := decode(id, text, layers)
	if err != nil {
		return nil, nil, err
	}
	rows, err := w.tx.QueryContext(ctx, w.db.q(`SELECT de.local, COALESCE(l.canonical, de.entity)
		FROM doc_entities de LEFT JOIN entity_links l ON l.doc = de.doc AND l.local = de.local WHERE de.doc = ?`), seq)
	if err != nil {
		return nil, nil, fmt.Errorf("entities of %s: %w", id, err)
	}
	defer rows.Close()
	ents := map[string]int64{}
	for rows.Next() {
		var local string
		var e int64
		if err := rows.Scan(&local, &e); err != nil {
			return nil, nil, fmt.Errorf("entities of %s: %w", id, err)
		}
		ents[local] = e
	}
	return d, ents, rows.Err()
}

// collectDays adds the (doc, day) rows to days and closes them.
func collectDays(rows *sql.Rows, err error, days map[int64]string) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var day string
		if err := rows.Scan(&seq, &day); err != nil {
			return err
		}
		days[seq] = day
	}
	return rows.Err()
}

// collectIDs adds the id rows to set and closes them.
func collectIDs(rows *sql.Rows, err error, set map[int64]bool) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		set[id] = true
	}
	return rows.Err()
}

// keys returns the keys of m in increasing order, as query arguments.
func keys[V any](m map[int64]V) []any {
	ks := make([]int64, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	out := make([]any, len(ks))
	for i, k := range ks {
		out[i] = k
	}
	return out
}

// anys returns ids as query arguments.
func anys(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// trackWindow is how many days after a tracked deadline's horizon (its
// latest sighting or due day) an article may still report on it.
const trackWindow = 60

// maxTracked caps the candidates of one article, the most recent first: a
// pair of parties rarely has more deadlines open at once.
const maxTracked = 32

// windowStart returns the day days before day, or "" (before every day)
// if day is not a date.
func windowStart(day string, days int) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, -days).Format(time.DateOnly)
}

// loadTracked fills w.tracked with the entities of ids that set or are
// the target of a tracked deadline whose horizon is from or later: the
// only ones trackedCandidates can find anything for in the batch, whose
// articles' windows all start at from or later. The batch adds the
// parties of the deadlines it starts or restates as it goes, so the set
// stays a superset of the entities with candidates, and skipping the
// others changes no result. It is read within the batch's transaction,
// as the candidates are.
func (w *writer) loadTracked(ctx context.Context, ids []int64, from string) error {
	if len(ids) == 0 {
		return nil
	}
	st, err := w.stmt(ctx, `SELECT EXISTS (SELECT 1 FROM tracked_deadlines WHERE setter = ? AND horizon >= ?)
		OR EXISTS (SELECT 1 FROM tracked_deadlines WHERE target = ? AND horizon >= ?)`)
	if err != nil {
		return fmt.Errorf("find tracked entities: %w", err)
	}
	for _, id := range ids {
		if _, seen := w.tracked[id]; seen {
			continue
		}
		var has bool
		if err := st.QueryRowContext(ctx, id, from, id, from).Scan(&has); err != nil {
			return fmt.Errorf("find tracked entities: %w", err)
		}
		w.tracked[id] = has
	}
	return nil
}

// trackedCandidates returns the tracked deadlines set by or for one of the
// entities ids whose horizon is within trackWindow days before day, latest
// horizon first (then highest id, so that ties are cut alike on both
// backends and in the cache), at most maxTracked, with their stepped state.
func (w *writer) trackedCandidates(ctx context.Context, ids []any, day string) ([]track.Deadline, error) {
	from := windowStart(day, trackWindow)
	// One index range per entity and role, read newest first and cut at
	// maxTracked: an IN list would read every deadline of the window.
	limit := strconv.Itoa(maxTracked)
	// Pad the ids to a power of two with the last one (UNION drops the
	// repeats) so that few statement texts are prepared.
	n := 2
	for n < len(ids) {
		n *= 2
	}
	for len(ids) < n {
		ids = append(ids[:len(ids):len(ids)], ids[len(ids)-1])
	}
	var parts []string
	args := make([]any, 0, 4*len(ids))
	for i, id := range ids {
		for _, col := range []string{"setter", "target"} {
			parts = append(parts, fmt.Sprintf(`SELECT id, horizon FROM (SELECT id, horizon FROM tracked_deadlines
				WHERE %s = ? AND horizon >= ? ORDER BY horizon DESC, id DESC LIMIT %s) %s%d`, col, limit, col[:1], i))
			args = append(args, id, from)
		}
	}
	st, err := w.stmt(ctx, `SELECT t.id, COALESCE(t.setter, 0), COALESCE(t.target, 0), t.demand, t.due, t.status, t.last_day, t.dues, t.first, t.opened
		FROM tracked_deadlines t JOIN (SELECT id, horizon FROM (`+strings.Join(parts, " UNION ")+`) u
			ORDER BY horizon DESC, id DESC LIMIT `+limit+`) c ON c.id = t.id ORDER BY c.horizon DESC, c.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("find tracked deadlines: %w", err)
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("find tracked deadlines: %w", err)
	}
	defer rows.Close()
	var out []track.Deadline
	for rows.Next() {
		var d track.Deadline
		var dues string
		if err := rows.Scan(&d.ID, &d.Setter, &d.Target, &d.Demand, &d.Due, &d.Status, &d.Last, &dues, &d.First, &d.Opened); err != nil {
			return nil, fmt.Errorf("find tracked deadlines: %w", err)
		}
		d.Dues = strings.Fields(dues)
		out = append(out, d)
	}
	return out, rows.Err()
}

// cluster puts the document into a story: the best one active within
// story.Window days sharing its signature keys, or a new one.
func (w *writer) cluster(ctx context.Context, sd storedDoc, day string, ents map[string]int64) error {
	var keys []story.Key
	if sd.prep.cross {
		keys = story.SignWith(sd.doc, ents, sd.prep.terms)
	} else {
		keys = story.Sign(sd.doc, ents)
	}
	var choice story.Choice
	if len(keys) > 0 {
		cands, err := w.storyCandidates(ctx, keys, day)
		if err != nil {
			return err
		}
		choice = story.Choose(cands)
	}
	id := choice.Story
	if id == 0 {
		if err := w.row(ctx, `INSERT INTO stories (first_day, last_day) VALUES (?, ?) RETURNING id`, day, day).Scan(&id); err != nil {
			return fmt.Errorf("insert story: %w", err)
		}
	} else if day != "" {
		sp, ok := w.storySpans[id]
		if !ok || day < sp.first {
			sp.first = day
		}
		sp.last = max(sp.last, day)
		w.storySpans[id] = sp
	}
	shared := make([]string, len(choice.Shared))
	for i, k := range choice.Shared {
		shared[i] = string(k)
	}
	w.add(tStoryDocs, sd.seq, id, choice.Score, strings.Join(shared, " "))
	if len(keys) == 0 {
		return nil
	}
	for _, k := range keys {
		m := w.storyKeys[k]
		if m == nil {
			m = map[int64]string{}
			w.storyKeys[k] = m
		}
		if old, ok := m[id]; !ok || day > old {
			m[id] = day
		}
	}
	return nil
}

// flushStoryKeys upserts the story keys the batch's articles gave, each
// (key, story) once with its latest day, many to a statement.
func (w *writer) flushStoryKeys(ctx context.Context) error {
	var args []any
	for k, m := range w.storyKeys {
		for id, day := range m {
			args = append(args, string(k), id, day)
		}
	}
	if x := w.storyIndex(""); x != nil {
		for k, m := range w.storyKeys {
			for id, day := range m {
				x.put(k, id, day)
			}
		}
	}
	clear(w.storyKeys)
	return w.insertRows(ctx, tStoryKeys, args)
}

// storyCandidates returns the stories that share keys with the article and
// had them in an article at most story.Window days before day (or later),
// with the keys they share.
func (w *writer) storyCandidates(ctx context.Context, keys []story.Key, day string) ([]story.Candidate, error) {
	// One statement text for every article (the list padded with its last
	// key), so it is prepared once a batch.
	from := windowStart(day, story.Window)
	type hit struct {
		story int64
		key   story.Key
	}
	var hits []hit
	if x := w.storyIndex(from); x != nil {
		for _, k := range keys {
			for id, d := range x.keys[k] {
				if d >= from {
					hits = append(hits, hit{id, k})
				}
			}
		}
	} else {
		args := make([]any, 0, story.MaxKeys+1)
		for i := range story.MaxKeys {
			args = append(args, string(keys[min(i, len(keys)-1)]))
		}
		args = append(args, from)
		st, err := w.stmt(ctx, `SELECT DISTINCT story, key FROM story_keys WHERE key IN `+inList(story.MaxKeys)+` AND day >= ?`)
		if err != nil {
			return nil, fmt.Errorf("find stories: %w", err)
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return nil, fmt.Errorf("find stories: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var h hit
			if err := rows.Scan(&h.story, &h.key); err != nil {
				return nil, fmt.Errorf("find stories: %w", err)
			}
			hits = append(hits, h)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("find stories: %w", err)
		}
	}
	// The keys earlier articles of the batch gave are not written yet.
	for _, k := range keys {
		for id, d := range w.storyKeys[k] {
			if d >= from {
				hits = append(hits, hit{id, k})
			}
		}
	}
	// By story, then key in byte order (SQLite's, and PostgreSQL's with
	// the C collation), each pair once.
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.story, b.story), strings.Compare(string(a.key), string(b.key)))
	})
	hits = slices.Compact(hits)
	var out []story.Candidate
	for _, h := range hits {
		if len(out) == 0 || out[len(out)-1].Story != h.story {
			out = append(out, story.Candidate{Story: h.story})
		}
		out[len(out)-1].Shared = append(out[len(out)-1].Shared, h.key)
	}
	return out, nil
}

// storyIndex returns the cache's story keys if they hold every row of day
// from or later ("": whichever day), else nil.
func (w *writer) storyIndex(from string) *storyIndex {
	if w.cache == nil || w.cache.stories == nil || w.cache.stories.off {
		return nil
	}
	if from != "" && from < w.cache.stories.floor {
		return nil
	}
	return w.cache.stories
}

// entityNames returns the names of the store entities ids.
func entityNames(ctx context.Context, db *DB, ids []int64) (map[int64]string, error) {
	names := map[int64]string{}
	if len(ids) == 0 {
		return names, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT id, name FROM entities WHERE id IN `+inList(len(ids))), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		names[id] = name
	}
	return names, rows.Err()
}

// keyLabel renders a story key for people: an entity's name or the word.
func keyLabel(k string, names map[int64]string) string {
	if rest, ok := strings.CutPrefix(k, "e:"); ok {
		if id, err := strconv.ParseInt(rest, 10, 64); err == nil && names[id] != "" {
			return names[id]
		}
	}
	return strings.TrimPrefix(k, "t:")
}

var _ store.CrossDoc = (*DB)(nil)

// TrackedDeadlines implements [store.CrossDoc.TrackedDeadlines].
func (db *DB) TrackedDeadlines(ctx context.Context, q store.DeadlineQuery) ([]store.TrackedDeadline, error) {
	limit, _, err := store.Page(q.Limit, 0)
	if err != nil {
		return nil, err
	}
	if err := store.CheckDay("as-of", q.AsOf); err != nil {
		return nil, err
	}
	asOf := q.AsOf
	if asOf == "" {
		asOf = db.Now().Format(time.DateOnly)
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT t.id, COALESCE(se.name, ''), COALESCE(te.name, ''), t.demand,
			s.day, d.id, s.local, s.due, s.status, s.start, s."end", s.quote, s.reason, b.text
		FROM tracked_deadlines t JOIN deadline_sightings s ON s.tracked = t.id
		JOIN documents d ON d.seq = s.doc JOIN document_bodies b ON b.doc = s.doc
		LEFT JOIN entities se ON se.id = t.setter LEFT JOIN entities te ON te.id = t.target
		ORDER BY t.id, s.day, d.id, s.start`))
	if err != nil {
		return nil, fmt.Errorf("tracked deadlines: %w", err)
	}
	defer rows.Close()
	var all []store.TrackedDeadline
	for rows.Next() {
		var t store.TrackedDeadline
		var c store.DeadlineChange
		var text string
		if err := rows.Scan(&t.ID, &t.Setter, &t.Target, &t.Demand, &c.Day, &c.DocID, &c.Local, &c.Due, &c.Status,
			&c.Span.Start, &c.Span.End, &c.Quote, &c.Reason, &text); err != nil {
			return nil, fmt.Errorf("tracked deadlines: %w", err)
		}
		if c.Span.Start >= 0 && c.Span.Start <= c.Span.End && c.Span.End <= len(text) {
			c.Evidence = text[c.Span.Start:c.Span.End]
		}
		if len(all) == 0 || all[len(all)-1].ID != t.ID {
			all = append(all, t)
		}
		cur := &all[len(all)-1]
		cur.History = append(cur.History, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tracked deadlines: %w", err)
	}
	out := all[:0]
	for _, t := range all {
		changes := make([]track.Change, len(t.History))
		docs := map[string]bool{}
		for i, c := range t.History {
			changes[i] = track.Change{Day: c.Day, Due: c.Due, Status: c.Status}
			docs[c.DocID] = true
		}
		t.Due, t.Reported, _ = track.Fold(changes)
		t.State, t.AsOf, t.Sources = track.State(t.Reported, t.Due, asOf), asOf, len(docs)
		if q.Pending && t.State != doc.StatusPending && t.State != doc.StatusExtended {
			continue
		}
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b store.TrackedDeadline) int {
		switch {
		case a.Due == b.Due:
			return cmp.Compare(a.ID, b.ID)
		case a.Due == "":
			return 1
		case b.Due == "":
			return -1
		}
		return strings.Compare(a.Due, b.Due)
	})
	return out[:min(len(out), limit)], nil
}

// Story implements [store.CrossDoc.Story].
func (db *DB) Story(ctx context.Context, id int64) (*store.StoryReport, error) {
	r := &store.StoryReport{ID: id}
	err := db.sql.QueryRowContext(ctx, db.q(`SELECT first_day, last_day FROM stories WHERE id = ?`), id).Scan(&r.First, &r.Last)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %d: %w", id, err)
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT d.id, d.date, d.day, d.title, sd.score, sd.shared
		FROM story_docs sd JOIN documents d ON d.seq = sd.doc WHERE sd.story = ? ORDER BY d.day, d.seq`), id)
	if err != nil {
		return nil, fmt.Errorf("story %d: %w", id, err)
	}
	defer rows.Close()
	var shared [][]string
	var ents []int64
	first, last := "", ""
	for rows.Next() {
		var sd store.StoryDoc
		var day, keys string
		if err := rows.Scan(&sd.DocID, &sd.Date, &day, &sd.Title, &sd.Score, &keys); err != nil {
			return nil, fmt.Errorf("story %d: %w", id, err)
		}
		ks := strings.Fields(keys)
		for _, k := range ks {
			if n, err := strconv.ParseInt(strings.TrimPrefix(k, "e:"), 10, 64); err == nil && strings.HasPrefix(k, "e:") {
				ents = append(ents, n)
			}
		}
		if day != "" && (first == "" || day < first) {
			first = day
		}
		last = max(last, day)
		shared = append(shared, ks)
		r.Documents = append(r.Documents, sd)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story %d: %w", id, err)
	}
	if len(r.Documents) == 0 {
		// Its articles were all replaced into other stories.
		return nil, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	r.First, r.Last = first, last
	if r.Events, err = db.storyEvents(ctx, id); err != nil {
		return nil, fmt.Errorf("story %d events: %w", id, err)
	}
	names, err := entityNames(ctx, db, ents)
	if err != nil {
		return nil, fmt.Errorf("story %d: %w", id, err)
	}
	for i, ks := range shared {
		for _, k := range ks {
			r.Documents[i].Shared = append(r.Documents[i].Shared, keyLabel(k, names))
		}
	}
	return r, nil
}

// StoryOf implements [store.CrossDoc.StoryOf].
func (db *DB) StoryOf(ctx context.Context, docID string) (int64, error) {
	var id int64
	err := db.sql.QueryRowContext(ctx, db.q(`SELECT sd.story FROM story_docs sd JOIN documents d ON d.seq = sd.doc WHERE d.id = ?`), docID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("story of %s: %w", docID, store.ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("story of %s: %w", docID, err)
	}
	return id, nil
}

// linkTypes are the entity types whose partial names are linked: people and
// organisations are named in full once and in part after; places are not.
var linkTypes = map[string]bool{doc.Person: true, doc.Org: true}

// link finds, for each entity of the document named only in part, the
// fuller-named entity it is (see package link), records the decision in
// entity_links and rewrites ents to the canonical ids the later layers use.
func (w *writer) link(ctx context.Context, sd storedDoc, ents map[string]int64) error {
	locals := make([]link.Local, len(sd.doc.Entities))
	for i, e := range sd.doc.Entities {
		locals[i] = link.Local{ID: e.ID, Type: e.Type, Name: e.Name}
	}
	for _, e := range sd.doc.Entities {
		if e.Type == doc.GPE && link.Ambiguous(e.Name) {
			if err := w.linkPlace(ctx, sd, e, ents); err != nil {
				return err
			}
			continue
		}
		if !linkTypes[e.Type] || strings.Count(strings.TrimSpace(e.Name), " ") > 1 {
			continue
		}
		self := ents[e.ID]
		le := link.Entity{Type: e.Type, Name: e.Name, Titles: e.Titles}
		if local, ok := link.InDocument(le, locals); ok && ents[local] != self {
			reason := fmt.Sprintf("%q is part of %q, named in the same article", e.Name, nameOf(sd.doc, local))
			w.add(tEntityLinks, sd.seq, e.ID, self, ents[local], reason)
			ents[e.ID] = ents[local]
			continue
		}
		if strings.Contains(strings.TrimSpace(e.Name), " ") {
			// Across articles only a single name ("Trump", "Kim") is
			// looked up: a two-word name is someone's full name.
			continue
		}
		if _, err := w.linkAcross(ctx, sd.seq, sd.doc, e, ents, ""); err != nil {
			return err
		}
	}
	return nil
}

// linkAcross links the document's entity e, named by one word, to the
// fuller-named entity of that name it is among those stored (link.Resolve),
// records the decision (its reason followed by note) and rewrites ents. It
// returns false when there was no candidate: no decision is recorded.
func (w *writer) linkAcross(ctx context.Context, seq int64, d *doc.Document, e doc.Entity, ents map[string]int64, note string) (bool, error) {
	self := ents[e.ID]
	cands, err := w.linkCandidates(ctx, e, self)
	if err != nil || len(cands) == 0 {
		return false, err
	}
	le := link.Entity{Type: e.Type, Name: e.Name, Titles: e.Titles}
	for local, id := range ents {
		if local != e.ID && id != self {
			le.Context = append(le.Context, id)
		}
	}
	r := link.Resolve(le, cands)
	w.add(tEntityLinks, seq, e.ID, self, nullID(r.ID), r.Reason+note)
	if r.ID != 0 {
		ents[e.ID] = r.ID
		// The name now finds the entity it was linked to.
		if _, err := w.exec(ctx, insertSQL(tEntityKeys, 1), store.NameKey(e.Name), r.ID, store.Day(d.Date)); err != nil {
			return true, fmt.Errorf("insert entity key: %w", err)
		}
	}
	return true, nil
}

// maxLinkEarlier caps the earlier articles linked again for one name.
const maxLinkEarlier = 32

// linkEarlier links the articles stored before any fuller name answered to
// their one-word name: a "Kim" stored when no "Kim Jong Un" had been called
// "Kim" had no candidate, so no decision, and would stay apart from the
// fuller name stored later. For each one-word name the batch's fuller-named
// entities went by (w.fullKeys), the latest articles (at most
// maxLinkEarlier) whose entity of exactly that name has no decision yet
// get one now, as they would have had the fuller name come first. Only
// the links change: the stories and deadlines those articles joined stay
// as they were. A name is looked at once per handle while the cache holds
// (every later article of that name finds the fuller one itself).
func (w *writer) linkEarlier(ctx context.Context, batch map[int64]bool) error {
	var names []entityKey
	for k := range w.fullKeys {
		if w.cache == nil || !w.cache.fullKeys[k] {
			names = append(names, k)
		}
	}
	clear(w.fullKeys)
	slices.SortFunc(names, func(a, b entityKey) int { return cmp.Or(strings.Compare(a.typ, b.typ), strings.Compare(a.key, b.key)) })
	st, err := w.stmt(ctx, `SELECT de.doc, de.local FROM entities e JOIN doc_entities de ON de.entity = e.id
		WHERE e.type = ? AND e.key = ? AND NOT EXISTS (SELECT 1 FROM entity_links l WHERE l.doc = de.doc AND l.local = de.local)
		ORDER BY de.doc DESC LIMIT `+strconv.Itoa(maxLinkEarlier+1))
	if err != nil {
		return fmt.Errorf("find earlier names: %w", err)
	}
	for _, k := range names {
		rows, err := st.QueryContext(ctx, k.typ, k.key)
		if err != nil {
			return fmt.Errorf("find earlier names: %w", err)
		}
		type mention struct {
			seq   int64
			local string
		}
		var found []mention
		for rows.Next() {
			var m mention
			if err := rows.Scan(&m.seq, &m.local); err != nil {
				rows.Close()
				return fmt.Errorf("find earlier names: %w", err)
			}
			// The batch's own articles have their decisions queued.
			if !batch[m.seq] && len(found) < maxLinkEarlier {
				found = append(found, m)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("find earlier names: %w", err)
		}
		for _, m := range found {
			d, ents, err := w.storedDocument(ctx, m.seq)
			if err != nil {
				return fmt.Errorf("link earlier %s: %w", k.key, err)
			}
			i := slices.IndexFunc(d.Entities, func(e doc.Entity) bool { return e.ID == m.local })
			if i < 0 {
				continue
			}
			if _, err := w.linkAcross(ctx, m.seq, d, d.Entities[i], ents, " (linked when the fuller name was stored)"); err != nil {
				return fmt.Errorf("link earlier %s: %w", k.key, err)
			}
		}
		if w.cache != nil {
			if len(w.cache.fullKeys) >= maxCachedNames {
				clear(w.cache.fullKeys)
			}
			w.cache.fullKeys[k] = true
		}
	}
	return nil
}

// linkPlace decides which sense of an ambiguous place name the document
// means (link.PlaceSense) and links the entity to the entity of that sense:
// the document's own entity of that name (or an alias of it), else the
// stored one, created if need be. The place itself is recorded as a link to
// the entity itself, so every decision can be explained.
func (w *writer) linkPlace(ctx context.Context, sd storedDoc, e doc.Entity, ents map[string]int64) error {
	var spans []doc.Span
	for _, m := range e.Mentions {
		if m.Kind == "" || m.Kind == "name" {
			spans = append(spans, m.Span())
		}
	}
	var places []string
	for _, o := range sd.doc.Entities {
		if o.ID != e.ID && (o.Type == doc.GPE || o.Type == doc.Loc) {
			places = append(places, o.Name)
		}
	}
	sense, ok := link.PlaceSense(e.Name, sd.doc.Text, spans, places)
	if !ok {
		return nil
	}
	self := ents[e.ID]
	target := self
	if sense.Canonical != "" {
		keys := append([]string{store.NameKey(sense.Canonical)}, sense.Aliases...)
		target = 0
	local:
		for _, o := range sd.doc.Entities {
			if o.ID == e.ID || o.Type != doc.GPE {
				continue
			}
			for _, n := range append([]string{o.Name}, o.Aliases...) {
				if slices.Contains(keys, store.NameKey(n)) {
					target = ents[o.ID]
					break local
				}
			}
		}
		if target == 0 {
			args := append([]any{doc.GPE}, anyStrings(keys)...)
			err := w.row(ctx, `SELECT id FROM entities WHERE type = ? AND key IN `+inList(len(keys))+`
				ORDER BY CASE WHEN key = ? THEN 0 ELSE 1 END, id LIMIT 1`, append(args, keys[0])...).Scan(&target)
			if errors.Is(err, sql.ErrNoRows) {
				target, err = w.entity(ctx, doc.GPE, sense.Canonical)
			}
			if err != nil {
				return fmt.Errorf("find %s: %w", sense.Canonical, err)
			}
		}
	}
	w.add(tEntityLinks, sd.seq, e.ID, self, target, sense.Reason)
	if target != self {
		// The sense's own name finds it ("United States"), even when no
		// article named it so.
		if _, err := w.exec(ctx, insertSQL(tEntityNames, 1), store.NameKey(sense.Canonical), target, sd.seq); err != nil {
			return fmt.Errorf("insert entity name: %w", err)
		}
	}
	ents[e.ID] = target
	return nil
}

func anyStrings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// linkCandidates returns the entities of e's type, other than self, that
// went by e's one-word name, as a name or alias or through an earlier link
// (entity_keys), the most recently seen first, at most maxLinkCandidates,
// of whose name it is a part, with their titles and recent company.
func (w *writer) linkCandidates(ctx context.Context, e doc.Entity, self int64) ([]link.Candidate, error) {
	st, err := w.stmt(ctx, `SELECT x.id, x.name FROM entity_keys k JOIN entities x ON x.id = k.entity
		WHERE k.key = ? AND x.type = ? AND x.id <> ? ORDER BY k.day DESC, x.id LIMIT `+strconv.Itoa(maxLinkCandidates))
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, store.NameKey(e.Name), e.Type, self)
	if err != nil {
		return nil, fmt.Errorf("find link candidates: %w", err)
	}
	var cands []link.Candidate
	for rows.Next() {
		var c link.Candidate
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("find link candidates: %w", err)
		}
		if link.Partial(e.Name, c.Name) {
			cands = append(cands, c)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find link candidates: %w", err)
	}
	if len(cands) == 1 && len(e.Titles) == 0 {
		return cands, nil // link.Resolve needs no details to take the only one
	}
	for i := range cands {
		if err := w.candidateDetails(ctx, &cands[i]); err != nil {
			return nil, err
		}
	}
	return cands, nil
}

// maxLinkCandidates caps the entities a partial name is weighed against:
// the most recently seen namesakes are the likely ones.
const maxLinkCandidates = 16

// linkRecent is how many of a candidate's latest articles describe it.
const linkRecent = 20

// candidateDetails fills in c's titles, article count and company from its
// linkRecent latest articles, so the cost does not grow with the archive.
func (w *writer) candidateDetails(ctx context.Context, c *link.Candidate) error {
	st, err := w.stmt(ctx, `SELECT de.doc, t.title, o.entity
		FROM (SELECT doc FROM doc_entities WHERE entity = ? ORDER BY doc DESC LIMIT ?) de
		LEFT JOIN entity_titles t ON t.entity = ? AND t.doc = de.doc
		LEFT JOIN doc_entities o ON o.doc = de.doc AND o.entity <> ?`)
	if err != nil {
		return fmt.Errorf("describe link candidate: %w", err)
	}
	rows, err := st.QueryContext(ctx, c.ID, linkRecent, c.ID, c.ID)
	if err != nil {
		return fmt.Errorf("describe link candidate: %w", err)
	}
	defer rows.Close()
	docs := map[int64]bool{}
	for rows.Next() {
		var seq int64
		var title sql.NullString
		var other sql.NullInt64
		if err := rows.Scan(&seq, &title, &other); err != nil {
			return fmt.Errorf("describe link candidate: %w", err)
		}
		docs[seq] = true
		if title.Valid && !slices.Contains(c.Titles, title.String) {
			c.Titles = append(c.Titles, title.String)
		}
		if other.Valid && !slices.Contains(c.Context, other.Int64) {
			c.Context = append(c.Context, other.Int64)
		}
	}
	c.Docs = len(docs)
	return rows.Err()
}

// EntityLinks implements [store.CrossDoc.EntityLinks].
func (db *DB) EntityLinks(ctx context.Context, name string) ([]store.EntityLink, error) {
	key := store.NameKey(name)
	if key == "" {
		return nil, fmt.Errorf("entity links: %w: empty name", store.ErrInvalid)
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT d.id, d.date, l.local, e.name, e.type, COALESCE(c.name, ''), l.reason
		FROM entity_links l JOIN documents d ON d.seq = l.doc JOIN entities e ON e.id = l.entity
		LEFT JOIN entities c ON c.id = l.canonical
		WHERE e.key = ? OR c.key = ? OR l.canonical IN (SELECT entity FROM entity_names WHERE key = ?)
		ORDER BY d.day, d.id, l.local`), key, key, key)
	if err != nil {
		return nil, fmt.Errorf("entity links: %w", err)
	}
	defer rows.Close()
	var out []store.EntityLink
	for rows.Next() {
		var l store.EntityLink
		if err := rows.Scan(&l.DocID, &l.Date, &l.Local, &l.Name, &l.Type, &l.Canonical, &l.Reason); err != nil {
			return nil, fmt.Errorf("entity links: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// nameOf returns the name of the document's entity id.
func nameOf(d *doc.Document, id string) string {
	for _, e := range d.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return id
}

// groupEvents adds each groupable event of the document to the group of
// earlier reports of the same event (story.SameEvent), or to a new group.
func (w *writer) groupEvents(ctx context.Context, sd storedDoc, day string, ents map[string]int64) error {
	keys := story.Events(sd.doc, day, ents)
	for i, k := range keys {
		if len(k.Parts) == 0 {
			continue
		}
		sl := eventSlot{k.Type, k.Day}
		c, ok := w.eventSlots[sl]
		if !ok {
			c = &eventGroups{}
			st, err := w.stmt(ctx, `SELECT id, parts FROM event_groups WHERE type = ? AND day = ? ORDER BY id`)
			if err != nil {
				return err
			}
			rows, err := st.QueryContext(ctx, k.Type, k.Day)
			if err != nil {
				return fmt.Errorf("find event groups: %w", err)
			}
			for rows.Next() {
				var id int64
				var parts string
				if err := rows.Scan(&id, &parts); err != nil {
					rows.Close()
					return fmt.Errorf("find event groups: %w", err)
				}
				c.ids = append(c.ids, id)
				c.keys = append(c.keys, story.EventKey{Type: k.Type, Day: k.Day, Parts: story.ParseParts(parts)})
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("find event groups: %w", err)
			}
			w.eventSlots[sl] = c
		}
		var id int64
		if j := story.SameEvent(k, c.keys); j >= 0 {
			id = c.ids[j]
		} else {
			// A new group is written with the batch's others at its end;
			// until then it is known by a placeholder, -(its index).
			w.newGroups = append(w.newGroups, k)
			id = -int64(len(w.newGroups))
			c.ids, c.keys = append(c.ids, id), append(c.keys, k)
			w.newGroupSlots = append(w.newGroupSlots, c)
		}
		w.add(tEventReports, sd.seq, sd.doc.Events[i].ID, id)
	}
	return nil
}

// flushEventGroups inserts the event groups the batch started, many to a
// statement in the order they were started, and puts their ids in place of
// the placeholders in the queued event_reports rows. Both backends number
// the rows of one INSERT in the order of its VALUES (SQLite's rowid, a
// PostgreSQL identity), as one INSERT a group gave them, so the ids are
// the same; the returned ids are sorted rather than trusted to come back
// in that order.
func (w *writer) flushEventGroups(ctx context.Context) error {
	if len(w.newGroups) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(w.newGroups))
	per := maxParams / 3
	for start := 0; start < len(w.newGroups); start += per {
		chunk := w.newGroups[start:min(start+per, len(w.newGroups))]
		args := make([]any, 0, 3*len(chunk))
		for _, k := range chunk {
			args = append(args, k.Type, k.Day, story.FormatParts(k.Parts))
		}
		q := `INSERT INTO event_groups (type, day, parts) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", len(chunk)), ", ") + ` RETURNING id`
		rows, err := w.tx.QueryContext(ctx, w.db.q(q), args...)
		if err != nil {
			return fmt.Errorf("insert event groups: %w", err)
		}
		var got []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("insert event groups: %w", err)
			}
			got = append(got, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("insert event groups: %w", err)
		}
		if len(got) != len(chunk) {
			return fmt.Errorf("insert event groups: %d ids for %d groups", len(got), len(chunk))
		}
		slices.Sort(got)
		ids = append(ids, got...)
	}
	w.newGroups = w.newGroups[:0]
	// The cache keeps the slots for later batches: their groups get their
	// ids too.
	for _, c := range w.newGroupSlots {
		for i, id := range c.ids {
			if id < 0 {
				c.ids[i] = ids[-id-1]
			}
		}
	}
	w.newGroupSlots = w.newGroupSlots[:0]
	reports := w.pending[tEventReports]
	n := len(tEventReports.cols)
	for i := n - 1; i < len(reports); i += n {
		if id, ok := reports[i].(int64); ok && id < 0 {
			reports[i] = ids[-id-1]
		}
	}
	return nil
}

// storyEvents returns the event groups reported by the documents of story
// id, with all their sources (inside the story or not).
func (db *DB) storyEvents(ctx context.Context, id int64) ([]store.EventGroup, error) {
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT g.id, g.type, g.day, g.parts, d.id
		FROM event_groups g JOIN event_reports r ON r.grp = g.id JOIN documents d ON d.seq = r.doc
		WHERE g.id IN (SELECT r2.grp FROM event_reports r2 JOIN story_docs sd ON sd.doc = r2.doc WHERE sd.story = ?)
		ORDER BY g.id, d.day, d.id`), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.EventGroup
	var parts [][]int64
	var all []int64
	for rows.Next() {
		var g store.EventGroup
		var ps, docID string
		if err := rows.Scan(&g.ID, &g.Type, &g.Day, &ps, &docID); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].ID != g.ID {
			out = append(out, g)
			p := story.ParseParts(ps)
			parts = append(parts, p)
			all = append(all, p...)
		}
		cur := &out[len(out)-1]
		cur.Reports++
		if !slices.Contains(cur.Docs, docID) {
			cur.Docs = append(cur.Docs, docID)
			cur.Sources++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	names, err := entityNames(ctx, db, all)
	if err != nil {
		return nil, err
	}
	for i := range out {
		for _, p := range parts[i] {
			out[i].Parties = append(out[i].Parties, names[p])
		}
	}
	slices.SortStableFunc(out, func(a, b store.EventGroup) int {
		if a.Sources != b.Sources {
			return b.Sources - a.Sources
		}
		return strings.Compare(a.Day, b.Day)
	})
	return out, nil
}
