package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"dateline/internal/doc"
	"dateline/internal/store"
)

// Put implements [store.Store.Put]. A document that fails
// [doc.Document.Validate] is logged as failed with the validator's message
// rather than stored: its offsets cannot be trusted.
func (db *DB) Put(ctx context.Context, batch []store.Entry) ([]store.Result, error) {
	if len(batch) == 0 {
		return nil, nil
	}
	// Check and encode before the transaction, which holds the write lock.
	prepared := make([]entry, len(batch))
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
			if err := e.Doc.Validate(); err != nil {
				p.Failure = "invalid document: " + err.Error()
			} else {
				layers := *e.Doc
				layers.Text = ""
				b, err := json.Marshal(&layers)
				if err != nil {
					p.Failure = "encode document: " + err.Error()
				}
				p.layers = string(b)
			}
		}
		prepared[i] = p
	}

	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback()
	w := &writer{db: db, tx: tx, now: db.Now().UTC(), entities: map[entityKey]int64{}, stmts: map[string]*sql.Stmt{}}
	defer w.close()
	results := make([]store.Result, len(batch))
	for i, p := range prepared {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("put: %w", err)
		}
		r, reason, err := w.put(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("put %s: %w", p.Input, err)
		}
		if err := w.log(ctx, p, r, reason); err != nil {
			return nil, fmt.Errorf("put %s: log: %w", p.Input, err)
		}
		results[i] = r
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put: commit: %w", err)
	}
	return results, nil
}

type entry struct {
	store.Entry
	layers string
}

type entityKey struct{ typ, key string }

// writer stores the entries of one batch inside its transaction, preparing
// each statement once per batch.
type writer struct {
	db       *DB
	tx       *sql.Tx
	now      time.Time
	entities map[entityKey]int64 // cross-document entity ids seen in this batch
	stmts    map[string]*sql.Stmt
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

func (w *writer) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, w.db.q(query))
	if err != nil {
		return nil, err
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writer) log(ctx context.Context, p entry, r store.Result, reason string) error {
	_, err := w.exec(ctx, `INSERT INTO ingest_log (at, input, status, doc_id, hash, reason) VALUES (?, ?, ?, ?, ?, ?)`,
		w.now, p.Input, string(r.Status), r.ID, p.Hash, reason)
	return err
}

// put stores one entry and returns its result and, for a failure, the reason.
func (w *writer) put(ctx context.Context, p entry) (store.Result, string, error) {
	if p.Failure != "" {
		return store.Result{Status: store.Failed}, p.Failure, nil
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
		seq, d.Title, d.Text, p.layers); err != nil {
		return store.Result{}, "", fmt.Errorf("insert document body: %w", err)
	}
	if _, err := w.exec(ctx, `INSERT INTO content_hashes (hash, doc) VALUES (?, ?)`, p.Hash, seq); err != nil {
		return store.Result{}, "", fmt.Errorf("insert hash: %w", err)
	}
	if err := w.layers(ctx, seq, d); err != nil {
		return store.Result{}, "", err
	}
	return store.Result{Status: status, ID: d.ID}, "", nil
}

// layers spreads a document's layers over the query tables.
func (w *writer) layers(ctx context.Context, seq int64, d *doc.Document) error {
	local := make(map[string]int64, len(d.Entities)) // document entity id → entity
	for _, e := range d.Entities {
		id, err := w.entity(ctx, e.Type, e.Name)
		if err != nil {
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
		local[e.ID] = id
		if _, err := w.exec(ctx, `INSERT INTO doc_entities (doc, local, entity, type) VALUES (?, ?, ?, ?)`, seq, e.ID, id, e.Type); err != nil {
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
		names := map[string]bool{store.NameKey(e.Name): true}
		for _, a := range e.Aliases {
			names[store.NameKey(a)] = true
		}
		for k := range names {
			if k == "" {
				continue
			}
			if _, err := w.exec(ctx, `INSERT INTO entity_names (key, entity, doc) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, k, id, seq); err != nil {
				return fmt.Errorf("entity %s name: %w", e.ID, err)
			}
		}
		for _, t := range e.Titles {
			if _, err := w.exec(ctx, `INSERT INTO entity_titles (entity, title, doc) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, id, t, seq); err != nil {
				return fmt.Errorf("entity %s title: %w", e.ID, err)
			}
		}
		for _, m := range e.Mentions {
			kind := m.Kind
			if kind == "" {
				kind = "name"
			}
			if _, err := w.exec(ctx, `INSERT INTO mentions (doc, entity, start, "end", text, kind) VALUES (?, ?, ?, ?, ?, ?)`,
				seq, id, m.Start, m.End, m.Text, kind); err != nil {
				return fmt.Errorf("entity %s mention: %w", e.ID, err)
			}
		}
	}
	ref := func(id string) sql.NullInt64 {
		v, ok := local[id]
		return sql.NullInt64{Int64: v, Valid: ok}
	}
	times := make(map[string]string, len(d.Times))
	for _, t := range d.Times {
		times[t.ID] = t.Value
		if _, err := w.exec(ctx, `INSERT INTO times (doc, local, start, "end", text, type, value, mod) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			seq, t.ID, t.Start, t.End, t.Text, t.Type, t.Value, t.Mod); err != nil {
			return fmt.Errorf("time %s: %w", t.ID, err)
		}
	}
	for _, q := range d.Quotes {
		cue := ""
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		if _, err := w.exec(ctx, `INSERT INTO quotes (doc, local, start, "end", text, text_key, kind, speaker, speaker_text, speaker_key, addressee, cue)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			seq, q.ID, q.Start, q.End, q.Text, store.NameKey(q.Text), q.Kind, ref(q.Speaker), q.SpeakerText,
			store.NameKey(q.SpeakerText), ref(q.Addressee), cue); err != nil {
			return fmt.Errorf("quote %s: %w", q.ID, err)
		}
	}
	for _, e := range d.Events {
		if _, err := w.exec(ctx, `INSERT INTO events (doc, local, type, trigger_start, trigger_end, trigger_text, time_local, time_value, place)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			seq, e.ID, e.Type, e.Trigger.Start, e.Trigger.End, e.Trigger.Text, e.Time, times[e.Time], ref(e.Place)); err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
		for _, p := range e.Participants {
			id, ok := local[p.Entity]
			if !ok {
				continue // Validate checks references; this keeps a missing one harmless
			}
			if _, err := w.exec(ctx, `INSERT INTO participants (doc, event, role, entity) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
				seq, e.ID, p.Role, id); err != nil {
				return fmt.Errorf("event %s participant: %w", e.ID, err)
			}
		}
	}
	for _, dl := range d.Deadlines {
		by := dl.By
		if by == "" {
			by = times[dl.Time]
		}
		if _, err := w.exec(ctx, `INSERT INTO deadlines (doc, local, by, day, time_local, setter, target, demand, consequence,
			trigger_start, trigger_end, trigger_text, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			seq, dl.ID, by, store.DeadlineDay(by), dl.Time, ref(dl.Setter), ref(dl.Target), dl.Demand, dl.Consequence,
			dl.Trigger.Start, dl.Trigger.End, dl.Trigger.Text, dl.Status); err != nil {
			return fmt.Errorf("deadline %s: %w", dl.ID, err)
		}
	}
	return nil
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
