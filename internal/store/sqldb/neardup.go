package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"dateline/internal/store"
	"dateline/internal/store/neardup"
)

var _ store.NearDuplicateIndex = (*DB)(nil)

// maxCandidates bounds the rows a near-duplicate lookup reads: a band
// shared by very many documents (boilerplate that survived extraction)
// must not turn one lookup into a scan.
const maxCandidates = 256

// bandQuery selects the candidates sharing a band with a signature.
var bandQuery = `SELECT d.id, m.sig FROM lsh_bands b
	JOIN minhash m ON m.doc = b.doc
	JOIN documents d ON d.seq = b.doc
	WHERE b.bucket IN (` + strings.TrimSuffix(strings.Repeat("?, ", neardup.Bands), ", ") + `)
	LIMIT ` + fmt.Sprint(maxCandidates)

// NearDuplicate implements [store.NearDuplicateIndex.NearDuplicate]: one
// indexed lookup per band, then the candidates' signatures are compared.
func (db *DB) NearDuplicate(ctx context.Context, sig neardup.Signature) (string, float64, error) {
	bands := sig.BandHashes()
	args := make([]any, len(bands))
	for i, h := range bands {
		args[i] = h
	}
	var rows *sql.Rows
	var err error
	if st, ok, perr := db.prepared(ctx, db.q(bandQuery)); perr == nil && ok {
		rows, err = st.QueryContext(ctx, args...) // asked of every input: prepared once
	} else {
		rows, err = db.sql.QueryContext(ctx, db.q(bandQuery), args...)
	}
	if err != nil {
		return "", 0, fmt.Errorf("near-duplicate: %w", err)
	}
	defer rows.Close()
	var (
		ids  []string
		sigs []neardup.Signature
		seen = map[string]bool{}
	)
	for rows.Next() {
		var id string
		var b []byte
		if err := rows.Scan(&id, &b); err != nil {
			return "", 0, fmt.Errorf("near-duplicate: %w", err)
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		s, err := neardup.Decode(b)
		if err != nil {
			// A signature of another sketch size (written before K
			// changed) cannot be compared: that document is simply
			// not a candidate.
			continue
		}
		ids, sigs = append(ids, id), append(sigs, s)
	}
	if err := rows.Err(); err != nil {
		return "", 0, fmt.Errorf("near-duplicate: %w", err)
	}
	id, sim, ok := neardup.Best(sig, ids, sigs)
	if !ok {
		return "", 0, fmt.Errorf("near-duplicate: %w", store.ErrNotFound)
	}
	return id, sim, nil
}

// NearDuplicates implements [store.NearDuplicateIndex.NearDuplicates].
func (db *DB) NearDuplicates(ctx context.Context, original string) ([]store.NearDuplicate, error) {
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT id, original, similarity, title, url, source, date
		FROM near_duplicates WHERE original = ? ORDER BY similarity DESC, id`), original)
	if err != nil {
		return nil, fmt.Errorf("near-duplicates: %w", err)
	}
	defer rows.Close()
	var out []store.NearDuplicate
	for rows.Next() {
		var n store.NearDuplicate
		if err := rows.Scan(&n.ID, &n.Original, &n.Similarity, &n.Title, &n.URL, &n.Source, &n.Date); err != nil {
			return nil, fmt.Errorf("near-duplicates: %w", err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("near-duplicates: %w", err)
	}
	return out, nil
}

// minhash indexes a stored document's signature. The rows go with the
// document: replacing it deletes them by cascade.
func (w *writer) minhash(ctx context.Context, seq int64, sig *neardup.Signature) error {
	if _, err := w.exec(ctx, `INSERT INTO minhash (doc, sig) VALUES (?, ?)`, seq, sig.Bytes()); err != nil {
		return fmt.Errorf("insert minhash: %w", err)
	}
	for _, h := range sig.BandHashes() {
		if _, err := w.exec(ctx, `INSERT INTO lsh_bands (bucket, doc) VALUES (?, ?) ON CONFLICT DO NOTHING`, h, seq); err != nil {
			return fmt.Errorf("insert lsh band: %w", err)
		}
	}
	return nil
}

// nearDuplicate records a copy instead of storing it, and logs it as a
// duplicate of its original. Recording the same copy again updates it.
func (w *writer) nearDuplicate(ctx context.Context, p entry) (store.Result, string, error) {
	d := p.Doc
	if _, err := w.exec(ctx, `INSERT INTO near_duplicates (id, original, similarity, title, url, source, date, added)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET original = excluded.original, similarity = excluded.similarity,
			title = excluded.title, url = excluded.url, source = excluded.source, date = excluded.date`,
		d.ID, p.NearDuplicateOf, p.Similarity, d.Title, d.URL, d.Source, d.Date, w.now); err != nil {
		return store.Result{}, "", fmt.Errorf("record near-duplicate: %w", err)
	}
	reason := fmt.Sprintf("near-duplicate of %s (similarity %.2f)", p.NearDuplicateOf, p.Similarity)
	return store.Result{Status: store.Duplicate, ID: p.NearDuplicateOf}, reason, nil
}
