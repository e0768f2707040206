package sqldb

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"dateline/internal/doc"
	"dateline/internal/link"
	"dateline/internal/store"
)

// ContentID implements [store.Store.ContentID].
func (db *DB) ContentID(ctx context.Context, h string) (string, error) {
	var id string
	// Ingest asks this of every input: the statement is prepared once.
	const q = `SELECT d.id FROM content_hashes h JOIN documents d ON d.seq = h.doc WHERE h.hash = ?`
	var row *sql.Row
	if st, ok, err := db.prepared(ctx, db.q(q)); err == nil && ok {
		row = st.QueryRowContext(ctx, h)
	} else {
		row = db.sql.QueryRowContext(ctx, db.q(q), h)
	}
	err := row.Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("content %.12s: %w", h, store.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("content %.12s: %w", h, err)
	}
	return id, nil
}

// Get implements [store.Store.Get].
func (db *DB) Get(ctx context.Context, id string) (*doc.Document, error) {
	var text, layers string
	err := db.sql.QueryRowContext(ctx, db.q(`SELECT b.text, b.layers FROM documents d JOIN document_bodies b ON b.doc = d.seq WHERE d.id = ?`), id).Scan(&text, &layers)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	return decode(id, text, layers)
}

func decode(id, text, layers string) (*doc.Document, error) {
	d := new(doc.Document)
	if err := json.Unmarshal([]byte(layers), d); err != nil {
		return nil, fmt.Errorf("document %s: decode layers: %w", id, err)
	}
	d.Text = text
	return d, nil
}

// where collects the conditions and arguments of a query.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " AND " + strings.Join(w.conds, " AND ")
}

// filter turns a [store.Filter] into conditions on documents d.
func filter(f store.Filter) (*where, error) { return filterOn(f, "") }

// filterOn turns a [store.Filter] into conditions on documents d when seq is
// empty, or else on the document number seq of a table that is not joined
// to documents (a full-text index): the conditions on documents' own columns
// then go into one subquery, so a search need not look up every match's
// document row just to test a filter most matches pass.
func filterOn(f store.Filter, seq string) (*where, error) {
	if err := f.Check(); err != nil {
		return nil, err
	}
	col := "d.seq"
	if seq != "" {
		// The unary + keeps SQLite from handing the IN list to the
		// full-text index as rowids to look up one by one, which FTS5 does
		// a hundred times slower than scanning the matches and testing each.
		col = "+" + seq
	}
	w := new(where)
	if f.Entity != "" {
		w.add(col+` IN (SELECT doc FROM entity_names WHERE key = ?)`, store.NameKey(f.Entity))
	}
	if f.Type != "" {
		w.add(`(`+col+` IN (SELECT doc FROM doc_entities WHERE type = ?) OR `+col+` IN (SELECT doc FROM events WHERE type = ?))`, f.Type, f.Type)
	}
	dw := w
	if seq != "" {
		dw = new(where)
	}
	if f.From != "" {
		dw.add(`d.day >= ?`, f.From)
	}
	if f.To != "" {
		dw.add(`d.day <> '' AND d.day <= ?`, f.To)
	}
	if f.Source != "" {
		dw.add(`d.source_id IN (SELECT id FROM sources WHERE key = ?)`, store.NameKey(f.Source))
	}
	if dw != w && len(dw.conds) > 0 {
		w.add(col+` IN (SELECT d.seq FROM documents d WHERE `+strings.Join(dw.conds, " AND ")+`)`, dw.args...)
	}
	return w, nil
}

// leadChars is how much text a search without words reads for its snippet.
const leadChars = 300

// Search implements [store.Store.Search].
func (db *DB) Search(ctx context.Context, q store.Query) (store.Results, error) {
	limit, offset, err := store.Page(q.Limit, q.Offset)
	if err != nil {
		return store.Results{}, err
	}
	terms, err := store.ParseTerms(q.Text)
	if err != nil {
		return store.Results{}, err
	}
	w, err := filter(q.Filter)
	if err != nil {
		return store.Results{}, err
	}
	// Without words, documents are listed newest first and the snippet is
	// the opening of the text.
	countSQL := `SELECT COUNT(*) FROM documents d WHERE 1 = 1` + w.sql()
	countArgs := w.args
	// The page carries the number of all matches (a window count over the
	// rows the ORDER BY sorts anyway), so the count costs no second search;
	// only a page past the end needs countSQL.
	pageSQL := `WITH page AS (SELECT d.seq AS seq, COUNT(*) OVER () AS total FROM documents d WHERE 1 = 1` + w.sql() + `
			ORDER BY d.day DESC, d.id LIMIT ? OFFSET ?)
		SELECT d.id, d.date, d.title, COALESCE(s.name, ''), d.url, CAST(0 AS REAL), substr(b.text, 1, ` + fmt.Sprint(leadChars) + `), page.total
		FROM page JOIN documents d ON d.seq = page.seq JOIN document_bodies b ON b.doc = d.seq
		LEFT JOIN sources s ON s.id = d.source_id
		ORDER BY d.day DESC, d.id`
	pageArgs := append(slices.Clone(w.args), limit, offset)
	textSearch := len(terms) > 0
	if textSearch {
		ts := db.dialect.TextSearch(terms)
		if ts.Seq != "" {
			if w, err = filterOn(q.Filter, ts.Seq); err != nil {
				return store.Results{}, err
			}
		} else {
			ts.Seq = "d.seq"
		}
		countSQL = `SELECT COUNT(*) FROM ` + ts.From + ` WHERE ` + ts.Where + w.sql()
		countArgs = append(slices.Clone(ts.WhereArgs), w.args...)
		// FTS5 allows bm25() only in a plain query, not beside a window
		// function: the hits are scored in a materialized step of their own,
		// keeping only seq and score. Sorting every hit by (score, day, id)
		// would look up each hit's document; instead cut finds the score of
		// the page's last row with a bounded sort on the score alone, and
		// only the hits scoring at least that much (the page and its ties)
		// are joined to documents for the full order. Without the cut (fewer
		// hits than the page reaches) every hit is kept.
		pageSQL = `WITH hits AS MATERIALIZED (SELECT ` + ts.Seq + ` AS seq, ` + ts.Score + ` AS score
				FROM ` + ts.From + ` WHERE ` + ts.Where + w.sql() + `),
			cut AS (SELECT score FROM hits ORDER BY score DESC LIMIT 1 OFFSET ?),
			page AS (SELECT h.seq AS seq, h.score AS score, (SELECT COUNT(*) FROM hits) AS total
				FROM hits h JOIN documents d ON d.seq = h.seq
				WHERE h.score >= COALESCE((SELECT score FROM cut), h.score)
				ORDER BY h.score DESC, d.day DESC, d.id LIMIT ? OFFSET ?)
			SELECT d.id, d.date, d.title, COALESCE(s.name, ''), d.url, page.score, ` + ts.Snippet + `, page.total
			FROM page JOIN documents d ON d.seq = page.seq ` + ts.SnippetJoin + `
			LEFT JOIN sources s ON s.id = d.source_id
			ORDER BY page.score DESC, d.day DESC, d.id`
		pageArgs = slices.Concat(ts.ScoreArgs, ts.WhereArgs, w.args, []any{offset + limit - 1, limit, offset}, ts.SnippetArgs)
	}

	var res store.Results
	rows, err := db.sql.QueryContext(ctx, db.q(pageSQL), pageArgs...)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h store.Hit
		var snip string
		if err := rows.Scan(&h.ID, &h.Date, &h.Title, &h.Source, &h.URL, &h.Score, &snip, &res.Total); err != nil {
			return res, fmt.Errorf("search: %w", err)
		}
		if textSearch {
			h.Snippet, h.Highlights = store.SplitMarks(strings.Join(strings.Fields(snip), " "))
		} else {
			h.Snippet = store.Lead(snip, leadChars*2/3)
		}
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	if len(res.Hits) == 0 && offset > 0 {
		if err := db.sql.QueryRowContext(ctx, db.q(countSQL), countArgs...).Scan(&res.Total); err != nil {
			return res, fmt.Errorf("search: count: %w", err)
		}
	}
	return res, nil
}

// Documents implements [store.Store.Documents].
func (db *DB) Documents(ctx context.Context, f store.Filter) iter.Seq2[*doc.Document, error] {
	return func(yield func(*doc.Document, error) bool) {
		w, err := filter(f)
		if err != nil {
			yield(nil, err)
			return
		}
		rows, err := db.sql.QueryContext(ctx, db.q(`SELECT d.id, b.text, b.layers FROM documents d JOIN document_bodies b ON b.doc = d.seq WHERE 1 = 1`+w.sql()+
			` ORDER BY CASE WHEN d.day = '' THEN 1 ELSE 0 END, d.day, d.id`), w.args...)
		if err != nil {
			yield(nil, fmt.Errorf("documents: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var id, text, layers string
			if err := rows.Scan(&id, &text, &layers); err != nil {
				yield(nil, fmt.Errorf("documents: %w", err))
				return
			}
			d, err := decode(id, text, layers)
			if !yield(d, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(nil, fmt.Errorf("documents: %w", err))
		}
	}
}

// Entity implements [store.Store.Entity].
func (db *DB) Entity(ctx context.Context, q store.EntityQuery) (*store.EntityReport, error) {
	key := store.NameKey(q.Name)
	if key == "" {
		return nil, fmt.Errorf("entity: %w: empty name", store.ErrInvalid)
	}
	limit, _, err := store.Page(q.Limit, 0)
	if err != nil {
		return nil, err
	}
	cands, err := db.entityCandidates(ctx, key, q.Type)
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", q.Name, err)
	}
	if len(cands) == 0 {
		return nil, fmt.Errorf("entity %q: %w", q.Name, store.ErrNotFound)
	}
	r := &store.EntityReport{EntityRef: cands[0].ref}
	for _, c := range cands[1:] {
		r.Also = append(r.Also, c.ref)
	}
	if ambiguous(cands) {
		r.Ambiguous = true
		for _, c := range cands {
			ec, err := db.candidate(ctx, c)
			if err != nil {
				return nil, fmt.Errorf("entity %q: %w", q.Name, err)
			}
			r.Candidates = append(r.Candidates, ec)
		}
	}
	if err := db.entityReport(ctx, cands[0].id, limit, r); err != nil {
		return nil, fmt.Errorf("entity %q: %w", q.Name, err)
	}
	return r, nil
}

// nameCandidate is an entity a name may denote.
type nameCandidate struct {
	id    int64
	ref   store.EntityRef
	exact bool // the name is its full name
	docs  int  // its articles, own and linked
	// partial marks a stored entity whose name is only a part of another
	// candidate's ("Kim" beside "Kim Jong Un"): what is left of it are the
	// articles whose partial name stayed unresolved.
	partial bool
}

// ambiguous reports whether the name behind cands is a shared part of
// several entities' names rather than one entity's name: no candidate has
// it as its full name, or the one that has is itself only a part of
// another's.
func ambiguous(cands []nameCandidate) bool {
	return len(cands) > 1 && (!cands[0].exact || cands[0].partial)
}

// entityCandidates returns the entities answering to the folded name key:
// those with it as a name or alias, and the entities their appearances were
// linked to across articles (see package link), an entity whose every
// appearance was linked elsewhere being replaced by those. Full-name matches
// come first, then the most documents.
func (db *DB) entityCandidates(ctx context.Context, key, typ string) ([]nameCandidate, error) {
	w := new(where)
	w.add(`n.key = ?`, key)
	if typ != "" {
		w.add(`e.type = ?`, typ)
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT e.id, e.name, e.type, MAX(CASE WHEN e.key = ? THEN 1 ELSE 0 END) AS exact
		FROM entity_names n JOIN entities e ON e.id = n.entity
		WHERE 1 = 1`+w.sql()+`
		GROUP BY e.id, e.name, e.type
		ORDER BY exact DESC, COUNT(DISTINCT n.doc) DESC, e.name, e.type
		LIMIT 20`), append([]any{key}, w.args...)...)
	if err != nil {
		return nil, err
	}
	var named []nameCandidate
	for rows.Next() {
		var c nameCandidate
		if err := rows.Scan(&c.id, &c.ref.Name, &c.ref.Type, &c.exact); err != nil {
			rows.Close()
			return nil, err
		}
		named = append(named, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	byID := map[int64]int{}
	var out []nameCandidate
	addCand := func(c nameCandidate) {
		if i, ok := byID[c.id]; ok {
			out[i].exact = out[i].exact || c.exact
			return
		}
		byID[c.id] = len(out)
		out = append(out, c)
	}
	for _, c := range named {
		// Where its partial name was linked to a fuller-named entity, the
		// appearance is that entity's.
		rows, err := db.sql.QueryContext(ctx, db.q(`SELECT e.id, e.name, e.type FROM entity_links l JOIN entities e ON e.id = l.canonical
			WHERE l.entity = ? GROUP BY e.id, e.name, e.type`), c.id)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var t nameCandidate
			if err := rows.Scan(&t.id, &t.ref.Name, &t.ref.Type); err != nil {
				rows.Close()
				return nil, err
			}
			if typ == "" || t.ref.Type == typ {
				addCand(t)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if c.docs, err = db.countDocs(ctx, c.id); err != nil {
			return nil, err
		}
		if c.docs > 0 {
			addCand(c)
		}
	}
	for i := range out {
		c := &out[i]
		if c.docs == 0 {
			var err error
			if c.docs, err = db.countDocs(ctx, c.id); err != nil {
				return nil, err
			}
		}
		for _, o := range out {
			// Only people and organisations are named in part; a place
			// name that is part of another ("Washington" beside
			// "Washington State") is a place of its own.
			if linkTypes[c.ref.Type] && o.ref.Type == c.ref.Type && link.Partial(c.ref.Name, o.ref.Name) {
				c.partial = true
			}
		}
	}
	slices.SortStableFunc(out, func(a, b nameCandidate) int {
		if a.exact != b.exact {
			if a.exact {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.docs, a.docs), strings.Compare(a.ref.Name, b.ref.Name))
	})
	return out, nil
}

// appearancesCTE defines ap(doc, entity): the (document, store entity)
// pairs that are appearances of the entity given by the two arguments: its
// own, unless linked to another entity, and those linked to it.
const appearancesCTE = `WITH ap(doc, entity) AS (
	SELECT de.doc, de.entity FROM doc_entities de
		LEFT JOIN entity_links l ON l.doc = de.doc AND l.local = de.local
		WHERE de.entity = ? AND (l.canonical IS NULL OR l.canonical = de.entity)
	UNION SELECT l.doc, l.entity FROM entity_links l WHERE l.canonical = ?) `

// countDocs counts the documents the entity appears in, own and linked.
func (db *DB) countDocs(ctx context.Context, id int64) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, db.q(appearancesCTE+`SELECT COUNT(DISTINCT doc) FROM ap`), id, id).Scan(&n)
	return n, err
}

// candidate describes one candidate of an ambiguous name.
func (db *DB) candidate(ctx context.Context, c nameCandidate) (store.EntityCandidate, error) {
	ec := store.EntityCandidate{EntityRef: c.ref, Documents: c.docs, Unresolved: c.partial}
	var first, last sql.NullString
	if err := db.sql.QueryRowContext(ctx, db.q(appearancesCTE+`SELECT MIN(NULLIF(d.day, '')), MAX(NULLIF(d.day, ''))
		FROM documents d WHERE d.seq IN (SELECT doc FROM ap)`), c.id, c.id).Scan(&first, &last); err != nil {
		return ec, fmt.Errorf("candidate %s: %w", c.ref.Name, err)
	}
	ec.First, ec.Last = first.String, last.String
	rows, err := db.sql.QueryContext(ctx, db.q(appearancesCTE+`SELECT t.title FROM entity_titles t JOIN ap ON ap.entity = t.entity AND ap.doc = t.doc
		GROUP BY t.title ORDER BY COUNT(*) DESC, t.title LIMIT 3`), c.id, c.id)
	if err != nil {
		return ec, fmt.Errorf("candidate %s: %w", c.ref.Name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return ec, fmt.Errorf("candidate %s: %w", c.ref.Name, err)
		}
		ec.Titles = append(ec.Titles, t)
	}
	return ec, rows.Err()
}

func (db *DB) entityReport(ctx context.Context, id int64, limit int, r *store.EntityReport) error {
	var first, last sql.NullString
	if err := db.sql.QueryRowContext(ctx, db.q(appearancesCTE+`SELECT COUNT(*), MIN(NULLIF(d.day, '')), MAX(NULLIF(d.day, ''))
		FROM documents d WHERE d.seq IN (SELECT doc FROM ap)`), id, id).Scan(&r.Documents, &first, &last); err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	r.First, r.Last = first.String, last.String
	if err := db.sql.QueryRowContext(ctx, db.q(appearancesCTE+`SELECT COUNT(*) FROM mentions m
		JOIN ap ON m.doc = ap.doc AND m.entity = ap.entity`), id, id).Scan(&r.Mentions); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}

	// Appearances: the newest documents, then their mentions in text order.
	rows, err := db.sql.QueryContext(ctx, db.q(appearancesCTE+`SELECT d.seq, d.id, d.date, d.title FROM documents d
		WHERE d.seq IN (SELECT doc FROM ap)
		ORDER BY d.day DESC, d.id LIMIT ?`), id, id, limit)
	if err != nil {
		return fmt.Errorf("appearances: %w", err)
	}
	var seqs []int64
	for rows.Next() {
		var seq int64
		var a store.Appearance
		if err := rows.Scan(&seq, &a.DocID, &a.Date, &a.Title); err != nil {
			rows.Close()
			return fmt.Errorf("appearances: %w", err)
		}
		seqs, r.Appearances = append(seqs, seq), append(r.Appearances, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("appearances: %w", err)
	}
	for i, seq := range seqs {
		if err := db.forms(ctx, id, seq, &r.Appearances[i]); err != nil {
			return err
		}
	}

	rows, err = db.sql.QueryContext(ctx, db.q(appearancesCTE+`SELECT m.text, COUNT(*), MIN(NULLIF(d.day, '')), MAX(NULLIF(d.day, ''))
		FROM mentions m JOIN ap ON m.doc = ap.doc AND m.entity = ap.entity JOIN documents d ON d.seq = m.doc
		WHERE m.kind IN ('', 'name')
		GROUP BY m.text ORDER BY COUNT(*) DESC, m.text LIMIT ?`), id, id, limit)
	if err != nil {
		return fmt.Errorf("names: %w", err)
	}
	for rows.Next() {
		var n store.NameUse
		var first, last sql.NullString
		if err := rows.Scan(&n.Name, &n.Mentions, &first, &last); err != nil {
			rows.Close()
			return fmt.Errorf("names: %w", err)
		}
		n.First, n.Last = first.String, last.String
		r.Names = append(r.Names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("names: %w", err)
	}

	rows, err = db.sql.QueryContext(ctx, db.q(appearancesCTE+`SELECT t.title, MIN(NULLIF(d.day, '')) AS first, MAX(NULLIF(d.day, '')), COUNT(DISTINCT t.doc)
		FROM entity_titles t JOIN ap ON ap.entity = t.entity AND ap.doc = t.doc JOIN documents d ON d.seq = t.doc
		GROUP BY t.title ORDER BY CASE WHEN MIN(NULLIF(d.day, '')) IS NULL THEN 1 ELSE 0 END, first, t.title`), id, id)
	if err != nil {
		return fmt.Errorf("titles: %w", err)
	}
	for rows.Next() {
		var t store.TitleUse
		var first, last sql.NullString
		if err := rows.Scan(&t.Title, &first, &last, &t.Documents); err != nil {
			rows.Close()
			return fmt.Errorf("titles: %w", err)
		}
		t.First, t.Last = first.String, last.String
		r.Titles = append(r.Titles, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("titles: %w", err)
	}

	// Co-occurring entities by their canonical ids, so a linked "Trump"
	// counts as Donald Trump.
	rows, err = db.sql.QueryContext(ctx, db.q(appearancesCTE+`SELECT e.name, e.type, COUNT(DISTINCT o.doc) AS docs
		FROM ap JOIN doc_entities o ON o.doc = ap.doc AND o.entity <> ap.entity
		LEFT JOIN entity_links ol ON ol.doc = o.doc AND ol.local = o.local
		JOIN entities e ON e.id = COALESCE(ol.canonical, o.entity)
		WHERE e.id <> ?
		GROUP BY e.id, e.name, e.type ORDER BY docs DESC, e.name, e.type LIMIT ?`), id, id, id, limit)
	if err != nil {
		return fmt.Errorf("co-occurring: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c store.CoOccurrence
		if err := rows.Scan(&c.Name, &c.Type, &c.Documents); err != nil {
			return fmt.Errorf("co-occurring: %w", err)
		}
		r.CoOccurring = append(r.CoOccurring, c)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("co-occurring: %w", err)
	}
	return nil
}

// forms fills in an appearance's mention count, distinct mention texts and
// the reason a partial name in it was linked to the entity.
func (db *DB) forms(ctx context.Context, entity, seq int64, a *store.Appearance) error {
	rows, err := db.sql.QueryContext(ctx, db.q(appearancesCTE+`SELECT m.text FROM mentions m
		JOIN ap ON ap.doc = m.doc AND ap.entity = m.entity WHERE m.doc = ? ORDER BY m.start`), entity, entity, seq)
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return fmt.Errorf("mentions: %w", err)
		}
		a.Mentions++
		if !seen[text] {
			seen[text] = true
			a.Forms = append(a.Forms, text)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	err = db.sql.QueryRowContext(ctx, db.q(`SELECT reason FROM entity_links WHERE doc = ? AND canonical = ? AND entity <> canonical LIMIT 1`), seq, entity).Scan(&a.Link)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("links: %w", err)
	}
	return nil
}

// Quotes implements [store.Store.Quotes].
func (db *DB) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, error) {
	limit, offset, err := store.Page(q.Limit, q.Offset)
	if err != nil {
		return nil, err
	}
	w, err := filter(store.Filter{From: q.From, To: q.To})
	if err != nil {
		return nil, err
	}
	if k := store.NameKey(q.Speaker); k != "" {
		// A speaker named only in part ("Trump") counts as the entity
		// the article was linked to.
		w.add(`(q.speaker IN (SELECT entity FROM entity_names WHERE key = ?) OR q.speaker_key = ?
			OR EXISTS (SELECT 1 FROM entity_links l WHERE l.doc = q.doc AND l.entity = q.speaker
				AND l.canonical IN (SELECT entity FROM entity_names WHERE key = ?)))`, k, k, k)
	}
	if k := store.NameKey(q.About); k != "" {
		w.add(`(q.text_key LIKE ? ESCAPE '\' OR EXISTS (SELECT 1 FROM mentions m
			WHERE m.doc = q.doc AND m.start >= q.start AND m."end" <= q."end"
			AND m.entity IN (SELECT entity FROM entity_names WHERE key = ?)))`, "%"+escapeLike(k)+"%", k)
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT d.id, d.date, d.title, q.local, q.text, q.kind,
			COALESCE((SELECT c.name FROM entity_links l JOIN entities c ON c.id = l.canonical
				WHERE l.doc = q.doc AND l.entity = q.speaker LIMIT 1), e.name, ''), q.speaker_text, q.cue
		FROM quotes q JOIN documents d ON d.seq = q.doc LEFT JOIN entities e ON e.id = q.speaker
		WHERE 1 = 1`+w.sql()+`
		ORDER BY d.day DESC, d.id, q.start LIMIT ? OFFSET ?`), append(w.args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	var hits []store.QuoteHit
	for rows.Next() {
		var h store.QuoteHit
		if err := rows.Scan(&h.DocID, &h.Date, &h.Title, &h.ID, &h.Text, &h.Kind, &h.Speaker, &h.SpeakerText, &h.Cue); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return hits, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Deadlines implements [store.Store.Deadlines].
func (db *DB) Deadlines(ctx context.Context, q store.DeadlineQuery) ([]store.DeadlineHit, error) {
	limit, _, err := store.Page(q.Limit, 0)
	if err != nil {
		return nil, err
	}
	if err := store.CheckDay("as-of", q.AsOf); err != nil {
		return nil, err
	}
	w := new(where)
	if q.Pending {
		asOf := q.AsOf
		if asOf == "" {
			asOf = db.Now().Format(time.DateOnly)
		}
		w.add(`l.status IN ('', 'pending') AND l.day >= ?`, asOf)
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT d.id, d.date, d.title, l.local, l.by, l.day,
			COALESCE(se.name, ''), COALESCE(te.name, ''), l.demand, l.consequence, l.trigger_text, l.status
		FROM deadlines l JOIN documents d ON d.seq = l.doc
		LEFT JOIN entities se ON se.id = l.setter LEFT JOIN entities te ON te.id = l.target
		WHERE 1 = 1`+w.sql()+`
		ORDER BY CASE WHEN l.day = '' THEN 1 ELSE 0 END, l.day, d.id, l.local LIMIT ?`), append(w.args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("deadlines: %w", err)
	}
	defer rows.Close()
	var hits []store.DeadlineHit
	for rows.Next() {
		var h store.DeadlineHit
		if err := rows.Scan(&h.DocID, &h.Date, &h.Title, &h.ID, &h.By, &h.Day, &h.Setter, &h.Target,
			&h.Demand, &h.Consequence, &h.Trigger, &h.Status); err != nil {
			return nil, fmt.Errorf("deadlines: %w", err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("deadlines: %w", err)
	}
	return hits, nil
}

// Log implements [store.Store.Log].
func (db *DB) Log(ctx context.Context, q store.LogQuery) ([]store.LogEntry, error) {
	limit, _, err := store.Page(q.Limit, 0)
	if err != nil {
		return nil, err
	}
	if _, err := store.ParseStatus(string(q.Status)); err != nil {
		return nil, fmt.Errorf("log: %w: %v", store.ErrInvalid, err)
	}
	w := new(where)
	if q.Status != "" {
		w.add(`status = ?`, string(q.Status))
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT at, input, status, doc_id, hash, reason FROM ingest_log
		WHERE 1 = 1`+w.sql()+` ORDER BY seq DESC LIMIT ?`), append(w.args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("log: %w", err)
	}
	defer rows.Close()
	var out []store.LogEntry
	for rows.Next() {
		var e store.LogEntry
		var status string
		if err := rows.Scan(&e.Time, &e.Input, &status, &e.DocID, &e.Hash, &e.Reason); err != nil {
			return nil, fmt.Errorf("log: %w", err)
		}
		e.Status = store.Status(status)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("log: %w", err)
	}
	return out, nil
}

// Stats implements [store.Store.Stats].
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := db.sql.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents),
		(SELECT COUNT(DISTINCT entity) FROM doc_entities),
		(SELECT COUNT(*) FROM mentions),
		(SELECT COUNT(*) FROM times),
		(SELECT COUNT(*) FROM quotes),
		(SELECT COUNT(*) FROM events),
		(SELECT COUNT(*) FROM deadlines),
		(SELECT COUNT(*) FROM ingest_log)`).Scan(
		&s.Documents, &s.Entities, &s.Mentions, &s.Times, &s.Quotes, &s.Events, &s.Deadlines, &s.Log)
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}
