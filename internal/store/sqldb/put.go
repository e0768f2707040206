package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"time"

	"dateline/internal/doc"
	"dateline/internal/store"
	"dateline/internal/story"
	"dateline/internal/track"
)

// Put implements [store.Store.Put]. A document that fails
// [doc.Document.Validate] is logged as failed with the validator's message
// rather than stored: its offsets cannot be trusted.
func (db *DB) Put(ctx context.Context, batch []store.Entry) ([]store.Result, error) {
	if len(batch) == 0 {
		return nil, nil
	}
	// Check and encode before the transaction, which holds the write lock.
	ready := make([]entry, len(batch))
	for i, e := range batch {
		if (e.Doc == nil) == (e.Failure == "") {
			return nil, fmt.Errorf("put entry %d (%s): %w: want exactly one of a document and a failure", i, e.Input, store.ErrInvalid)
		}
		p := entry{Entry: e}
		if e.Doc != nil {
			if e.Doc.ID == "" {
				return nil, fmt.Errorf("put entry %d (%s): %w: document without id", i, e.Input, store.ErrInvalid)
			}
			if p.Hash == "" {
				p.Hash = store.Hash(e.Doc.Text)
			}
			pre, ok := e.Prepared.(*prepared)
			if !ok || pre.doc != e.Doc {
				pre = prepare(e.Doc, !db.NoCrossDoc)
			}
			p.prep = pre
			if pre.failure != "" {
				p.Failure = pre.failure
			}
		}
		ready[i] = p
	}

	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback()
	w := &writer{db: db, tx: tx, now: db.Now().UTC(), entities: map[entityKey]int64{}, stmts: map[string]*sql.Stmt{},
		pending: map[*bulkTable][]any{}, inserted: map[string]bool{}, keys: map[entityKeyRow]string{},
		eventSlots: map[eventSlot]*eventGroups{}, storySpans: map[int64]storySpan{}, storyKeys: map[story.Key]map[int64]string{},
		tracked: map[int64]bool{}, fullKeys: map[entityKey]bool{}}
	defer w.close()
	committed := false
	defer func() {
		if !committed {
			w.cache = nil // the batch's changes to it were rolled back
		}
		db.returnCross(w.cache, w.crossHeld)
	}()
	results := make([]store.Result, len(batch))
	for i, p := range ready {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("put: %w", err)
		}
		r, reason, err := w.put(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("put %s: %w", p.Input, err)
		}
		w.log(p, r, reason)
		results[i] = r
	}
	if err := w.flush(ctx); err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	if err := w.crossDoc(ctx); err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put: commit: %w", err)
	}
	committed = true
	return results, nil
}

type entry struct {
	store.Entry
	prep *prepared // of Doc
}

// prepared is the part of storing a document that needs no database: its
// check, its encoding and what the cross-document layers read from its
// text. [DB.Prepare] makes it on ingest's analysis workers; Put makes it
// for entries that come without.
type prepared struct {
	doc     *doc.Document // the document it was made for
	failure string        // why the document cannot be stored, or ""
	layers  string        // the document without its text, as JSON
	cross   bool          // terms and track are set
	terms   []story.Key   // story.Terms
	track   *track.Prep
}

// Prepare implements [store.Preparer].
func (db *DB) Prepare(e *store.Entry) {
	if e.Doc != nil && e.Failure == "" && e.NearDuplicateOf == "" {
		e.Prepared = prepare(e.Doc, !db.NoCrossDoc)
	}
}

// prepare checks and encodes d and, when cross, reads its cross-document
// layer inputs.
func prepare(d *doc.Document, cross bool) *prepared {
	p := &prepared{doc: d}
	if err := d.Validate(); err != nil {
		p.failure = "invalid document: " + err.Error()
		return p
	}
	layers := *d
	layers.Text = ""
	b, err := json.Marshal(&layers)
	if err != nil {
		p.failure = "encode document: " + err.Error()
		return p
	}
	p.layers = string(b)
	if cross {
		p.cross, p.terms, p.track = true, story.Terms(d), track.Prepare(d)
	}
	return p
}

var _ store.Preparer = (*DB)(nil)

type entityKey struct{ typ, key string }

// entityKeyRow is a row of entity_keys: a one-word name of an entity.
type entityKeyRow struct {
	key    string
	entity int64
}

// writer stores the entries of one batch inside its transaction, preparing
// each statement once per batch.
type writer struct {
	db       *DB
	tx       *sql.Tx
	now      time.Time
	entities map[entityKey]int64 // cross-document entity ids seen in this batch
	stmts    map[string]*sql.Stmt
	pending  map[*bulkTable][]any    // rows not yet inserted, flattened
	inserted map[string]bool         // document ids inserted in this batch
	keys     map[entityKeyRow]string // one-word names of the batch → latest day (entity_keys)
	// Cross-document state of the batch: event groups by (type, day), read
	// once a batch, and the day spans of the stories articles joined,
	// written once at the end.
	eventSlots map[eventSlot]*eventGroups
	storySpans map[int64]storySpan
	storyKeys  map[story.Key]map[int64]string // keys the batch gave → story → latest day, not yet written
	newGroups  []story.EventKey               // event groups the batch started, not yet written
	stored     []storedDoc                    // documents inserted, for the cross-document layers
	tracked    map[int64]bool                 // entity → whether it may have tracked-deadline candidates (loadTracked)
	// newGroupSlots are the slots of newGroups, whose placeholder ids
	// flushEventGroups replaces.
	newGroupSlots []*eventGroups
	// fullKeys are the one-word names (type, key) fuller-named entities of
	// the batch went by, for linkEarlier.
	fullKeys map[entityKey]bool
	// gen is the layers' generation the batch read (crossdoc_state); cache
	// is the handle's crossCache while the batch holds it (crossHeld), nil
	// when it reads the tables.
	gen       int64
	cache     *crossCache
	crossHeld bool
}

// bulkTable is a table whose rows a batch collects and inserts many to a
// statement: a document brings hundreds of mentions, quotes and events, and
// one statement per row would cost more than the analysis that found them.
type bulkTable struct {
	name     string
	cols     []string
	conflict string // appended to the INSERT
}

// The bulk tables, in the order they are flushed.
var (
	tDocEntities  = &bulkTable{name: "doc_entities", cols: []string{"doc", "local", "entity", "type"}}
	tEntityNames  = &bulkTable{name: "entity_names", cols: []string{"key", "entity", "doc"}, conflict: " ON CONFLICT DO NOTHING"}
	tEntityTitles = &bulkTable{name: "entity_titles", cols: []string{"entity", "title", "doc"}, conflict: " ON CONFLICT DO NOTHING"}
	tMentions     = &bulkTable{name: "mentions", cols: []string{"doc", "entity", "start", `"end"`, "text", "kind"}}
	tTimes        = &bulkTable{name: "times", cols: []string{"doc", "local", "start", `"end"`, "text", "type", "value", "mod"}}
	tQuotes       = &bulkTable{name: "quotes", cols: []string{"doc", "local", "start", `"end"`, "text", "text_key", "kind",
		"speaker", "speaker_text", "speaker_key", "addressee", "cue"}}
	tEvents = &bulkTable{name: "events", cols: []string{"doc", "local", "type", "trigger_start", "trigger_end", "trigger_text",
		"time_local", "time_value", "place"}}
	tParticipants = &bulkTable{name: "participants", cols: []string{"doc", "event", "role", "entity"}, conflict: " ON CONFLICT DO NOTHING"}
	tDeadlines    = &bulkTable{name: "deadlines", cols: []string{"doc", "local", "by", "day", "time_local", "setter", "target",
		"demand", "consequence", "trigger_start", "trigger_end", "trigger_text", "status"}}
	tLog = &bulkTable{name: "ingest_log", cols: []string{"at", "input", "status", "doc_id", "hash", "reason"}}

	bulkOrder = []*bulkTable{tDocEntities, tEntityNames, tEntityTitles, tMentions, tTimes, tQuotes, tEvents, tParticipants, tDeadlines, tLog}
)

// maxParams caps the placeholders of one statement, under SQLite's and
// PostgreSQL's limits.
const maxParams = 999

// add queues one row of t.
func (w *writer) add(t *bulkTable, args ...any) {
	w.pending[t] = append(w.pending[t], args...)
}

// key records that entity went by the one-word name key on day.
func (w *writer) key(key string, entity int64, day string) {
	r := entityKeyRow{key, entity}
	if old, ok := w.keys[r]; !ok || day > old {
		w.keys[r] = day
	}
}

// flushKeys upserts the batch's one-word names, each once, keeping the
// latest day.
func (w *writer) flushKeys(ctx context.Context) error {
	if len(w.keys) == 0 {
		return nil
	}
	args := make([]any, 0, 3*len(w.keys))
	for r, day := range w.keys {
		args = append(args, r.key, r.entity, day)
	}
	clear(w.keys)
	return w.insertRows(ctx, tEntityKeys, args)
}

// tEntityKeys is entity_keys; rows are deduplicated by the writer first,
// as one INSERT may not update a row twice.
var tEntityKeys = &bulkTable{name: "entity_keys", cols: []string{"key", "entity", "day"},
	conflict: " ON CONFLICT (key, entity) DO UPDATE SET day = CASE WHEN excluded.day > entity_keys.day THEN excluded.day ELSE entity_keys.day END"}

// flush inserts the queued rows.
func (w *writer) flush(ctx context.Context) error {
	if err := w.flushKeys(ctx); err != nil {
		return err
	}
	return w.flushTables(ctx, bulkOrder)
}

// insertSQL is the INSERT of rows rows into t.
func insertSQL(t *bulkTable, rows int) string {
	row := "(" + strings.Repeat("?, ", len(t.cols)-1) + "?)"
	var b strings.Builder
	b.WriteString("INSERT INTO " + t.name + " (" + strings.Join(t.cols, ", ") + ") VALUES ")
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	b.WriteString(t.conflict)
	return b.String()
}

func (w *writer) close() {
	for _, s := range w.stmts {
		s.Close()
	}
}

func (w *writer) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (w *writer) row(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := w.stmt(ctx, query)
	if err != nil {
		// Surface the prepare error through the row's Scan.
		return w.tx.QueryRowContext(ctx, w.db.q(query), args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// stmt returns query prepared for the batch's transaction: the handle's
// cached statement bound to the transaction (database/sql reuses its
// preparation on a connection that has it), or one of the batch's own.
func (w *writer) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	q := w.db.q(query)
	shared, ok, err := w.db.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	var st *sql.Stmt
	if ok {
		st = w.tx.StmtContext(ctx, shared)
	} else if st, err = w.tx.PrepareContext(ctx, q); err != nil {
		return nil, err
	}
	w.stmts[query] = st
	return st, nil
}

// insertRows inserts args, rows of t laid end to end, as many rows to a
// statement as the placeholder limit allows.
func (w *writer) insertRows(ctx context.Context, t *bulkTable, args []any) error {
	n := len(t.cols)
	per := maxParams / n * n
	for len(args) > 0 {
		chunk := args[:min(per, len(args))]
		args = args[len(chunk):]
		if err := w.bulkExec(ctx, t, chunk); err != nil {
			return fmt.Errorf("insert %s: %w", t.name, err)
		}
	}
	return nil
}

// bulkExec inserts the rows of args (flattened) into t, at most a full
// chunk (maxParams worth of rows). A full chunk has one text per table; a
// shorter one (the last of a table's rows, and all of a small table's) is
// inserted in parts of a power of two rows, in order, so that a table has
// a few statement texts, each prepared once for the handle rather than
// once a batch: preparing an INSERT of hundreds of parameters costs more
// than running it.
func (w *writer) bulkExec(ctx context.Context, t *bulkTable, args []any) error {
	n := len(t.cols)
	rows := len(args) / n
	if rows == maxParams/n {
		_, err := w.exec(ctx, insertSQL(t, rows), args...)
		return err
	}
	for rows > 0 {
		part := 1 << (bits.Len(uint(rows)) - 1)
		if _, err := w.exec(ctx, insertSQL(t, part), args[:part*n]...); err != nil {
			return err
		}
		args, rows = args[part*n:], rows-part
	}
	return nil
}

func (w *writer) log(p entry, r store.Result, reason string) {
	w.add(tLog, w.now, p.Input, string(r.Status), r.ID, p.Hash, reason)
}

// put stores one entry and returns its result and, for a failure, the reason.
func (w *writer) put(ctx context.Context, p entry) (store.Result, string, error) {
	if p.Failure != "" {
		return store.Result{Status: store.Failed}, p.Failure, nil
	}
	if p.NearDuplicateOf != "" {
		return w.nearDuplicate(ctx, p)
	}
	var dup string
	err := w.row(ctx, `SELECT d.id FROM content_hashes h JOIN documents d ON d.seq = h.doc WHERE h.hash = ?`, p.Hash).Scan(&dup)
	switch {
	case err == nil:
		return store.Result{Status: store.Duplicate, ID: dup}, "", nil
	case !errors.Is(err, sql.ErrNoRows):
		return store.Result{}, "", fmt.Errorf("find hash: %w", err)
	}
	d := p.Doc
	status := store.Added
	if w.inserted[d.ID] {
		// The id came earlier in this batch: its rows must exist before
		// the delete cascades to them.
		if err := w.flush(ctx); err != nil {
			return store.Result{}, "", err
		}
	}
	res, err := w.exec(ctx, `DELETE FROM documents WHERE id = ?`, d.ID)
	if err != nil {
		return store.Result{}, "", fmt.Errorf("replace: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		status = store.Updated
	}
	var source sql.NullInt64
	if d.Source != "" {
		if err := w.row(ctx, `INSERT INTO sources (name, key) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id`,
			d.Source, store.NameKey(d.Source)).Scan(&source); err != nil {
			return store.Result{}, "", fmt.Errorf("source: %w", err)
		}
	}
	var seq int64
	if err := w.row(ctx, `INSERT INTO documents (id, date, day, title, url, source_id, added)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
		d.ID, d.Date, store.Day(d.Date), d.Title, d.URL, source, w.now).Scan(&seq); err != nil {
		return store.Result{}, "", fmt.Errorf("insert document: %w", err)
	}
	if _, err := w.exec(ctx, `INSERT INTO document_bodies (doc, title, text, layers) VALUES (?, ?, ?, ?)`,
		seq, d.Title, d.Text, p.prep.layers); err != nil {
		return store.Result{}, "", fmt.Errorf("insert document body: %w", err)
	}
	if _, err := w.exec(ctx, `INSERT INTO content_hashes (hash, doc) VALUES (?, ?)`, p.Hash, seq); err != nil {
		return store.Result{}, "", fmt.Errorf("insert hash: %w", err)
	}
	ents, err := w.layers(ctx, seq, d)
	if err != nil {
		return store.Result{}, "", err
	}
	if p.MinHash != nil {
		if err := w.minhash(ctx, seq, p.MinHash); err != nil {
			return store.Result{}, "", err
		}
	}
	w.inserted[d.ID] = true
	w.stored = append(w.stored, storedDoc{seq: seq, doc: d, ents: ents, prep: p.prep})
	return store.Result{Status: status, ID: d.ID}, "", nil
}

// surname returns the last word of a person's full name, the one news
// uses alone on later mention ("Vucic" for "Aleksandar Vucic"), or "" for a
// one-word name or a generational suffix ("Jr.", "III").
func surname(e doc.Entity) string {
	if e.Type != doc.Person {
		return ""
	}
	f := strings.Fields(e.Name)
	if len(f) < 2 {
		return ""
	}
	last := strings.TrimSuffix(f[len(f)-1], ".")
	switch last {
	case "Jr", "Sr", "II", "III", "IV":
		return ""
	}
	return last
}

// layers spreads a document's layers over the query tables and returns the
// store ids of its entities.
func (w *writer) layers(ctx context.Context, seq int64, d *doc.Document) (map[string]int64, error) {
	day := store.Day(d.Date)
	local := make(map[string]int64, len(d.Entities)) // document entity id → entity
	for _, e := range d.Entities {
		id, err := w.entity(ctx, e.Type, e.Name)
		if err != nil {
			return nil, fmt.Errorf("entity %s: %w", e.ID, err)
		}
		local[e.ID] = id
		w.add(tDocEntities, seq, e.ID, id, e.Type)
		names := map[string]bool{store.NameKey(e.Name): true}
		for _, a := range e.Aliases {
			names[store.NameKey(a)] = true
		}
		for k := range names {
			if k == "" {
				continue
			}
			w.add(tEntityNames, k, id, seq)
			if (e.Type == doc.Person || e.Type == doc.Org) && !strings.Contains(k, " ") {
				w.key(k, id, day)
				if !w.db.NoCrossDoc && strings.Contains(store.NameKey(e.Name), " ") {
					w.fullKeys[entityKey{e.Type, k}] = true
				}
			}
		}
		if k := store.NameKey(surname(e)); k != "" && !names[k] {
			// A follow-up may name a person by surname though this
			// article never did: the one-word "Vucic" must find Aleksandar
			// Vucic among the link candidates (not among its names).
			w.key(k, id, day)
			if !w.db.NoCrossDoc {
				w.fullKeys[entityKey{e.Type, k}] = true
			}
		}
		for _, t := range e.Titles {
			w.add(tEntityTitles, id, t, seq)
		}
		for _, m := range e.Mentions {
			kind := m.Kind
			if kind == "" {
				kind = "name"
			}
			w.add(tMentions, seq, id, m.Start, m.End, m.Text, kind)
		}
	}
	ref := func(id string) sql.NullInt64 {
		v, ok := local[id]
		return sql.NullInt64{Int64: v, Valid: ok}
	}
	times := make(map[string]string, len(d.Times))
	for _, t := range d.Times {
		times[t.ID] = t.Value
		w.add(tTimes, seq, t.ID, t.Start, t.End, t.Text, t.Type, t.Value, t.Mod)
	}
	for _, q := range d.Quotes {
		cue := ""
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		w.add(tQuotes,
			seq, q.ID, q.Start, q.End, q.Text, store.NameKey(q.Text), q.Kind, ref(q.Speaker), q.SpeakerText,
			store.NameKey(q.SpeakerText), ref(q.Addressee), cue)
	}
	for _, e := range d.Events {
		w.add(tEvents,
			seq, e.ID, e.Type, e.Trigger.Start, e.Trigger.End, e.Trigger.Text, e.Time, times[e.Time], ref(e.Place))
		for _, p := range e.Participants {
			id, ok := local[p.Entity]
			if !ok {
				continue // Validate checks references; this keeps a missing one harmless
			}
			w.add(tParticipants, seq, e.ID, p.Role, id)
		}
	}
	for _, dl := range d.Deadlines {
		by := dl.By
		if by == "" {
			by = times[dl.Time]
		}
		w.add(tDeadlines,
			seq, dl.ID, by, store.DeadlineDay(by), dl.Time, ref(dl.Setter), ref(dl.Target), dl.Demand, dl.Consequence,
			dl.Trigger.Start, dl.Trigger.End, dl.Trigger.Text, dl.Status)
	}
	return local, nil
}

// entity returns the cross-document id of the entity (type, name), creating
// it on first sight.
func (w *writer) entity(ctx context.Context, typ, name string) (int64, error) {
	k := entityKey{typ, store.NameKey(name)}
	if id, ok := w.entities[k]; ok {
		return id, nil
	}
	var id int64
	if err := w.row(ctx, `INSERT INTO entities (type, key, name) VALUES (?, ?, ?)
		ON CONFLICT (type, key) DO UPDATE SET key = excluded.key RETURNING id`, k.typ, k.key, name).Scan(&id); err != nil {
		return 0, err
	}
	w.entities[k] = id
	return id, nil
}
