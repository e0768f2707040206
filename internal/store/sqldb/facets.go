package sqldb

import (
	"context"
	"fmt"
	"slices"

	"dateline/internal/doc"
	"dateline/internal/store"
)

// facetEntities is how many entities PageFacets returns.
const facetEntities = 10

// PageFacets counts, over all the matches of q (its page aside), the
// people, organisations and places in most matches (at most 10, by
// documents, then name) and the matches per month (YYYY-MM; undated
// documents are left out). Neither query ranks or makes snippets, and
// neither reads a document's layers.
func (db *DB) PageFacets(ctx context.Context, q store.Query) (ents []store.CoOccurrence, months map[string]int, err error) {
	terms, err := store.ParseTerms(q.Text)
	if err != nil {
		return nil, nil, err
	}
	all, allArgs, err := db.matches(terms, q.Filter)
	if err != nil {
		return nil, nil, err
	}
	// The matches drive (CROSS JOIN fixes the order in SQLite), each
	// reading its own few entity rows, rather than the type index being
	// probed once per match. Only entity ids are counted; names are read
	// for the most frequent few, and ties at that cut are broken by name
	// only among those.
	err = db.each(ctx, `WITH m AS MATERIALIZED (`+all+`),
		c AS (SELECT de.entity AS entity, COUNT(DISTINCT m.seq) AS docs
			FROM m CROSS JOIN doc_entities de WHERE de.doc = m.seq AND de.type IN (?, ?, ?)
			GROUP BY de.entity ORDER BY docs DESC LIMIT ?)
		SELECT e.name, e.type, c.docs FROM c JOIN entities e ON e.id = c.entity
		ORDER BY c.docs DESC, e.name, e.type LIMIT ?`,
		slices.Concat(allArgs, []any{doc.Person, doc.Org, doc.GPE, 5 * facetEntities, facetEntities}), func(scan func(...any) error) error {
			var c store.CoOccurrence
			if err := scan(&c.Name, &c.Type, &c.Documents); err != nil {
				return err
			}
			ents = append(ents, c)
			return nil
		})
	if err != nil {
		return nil, nil, fmt.Errorf("facets: entities: %w", err)
	}

	months = map[string]int{}
	err = db.each(ctx, `WITH m AS MATERIALIZED (`+all+`)
		SELECT substr(d.day, 1, 7), COUNT(*) FROM m CROSS JOIN documents d
		WHERE d.seq = m.seq AND d.day <> ''
		GROUP BY substr(d.day, 1, 7)`, allArgs, func(scan func(...any) error) error {
		var m string
		var n int
		if err := scan(&m, &n); err != nil {
			return err
		}
		months[m] = n
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("facets: months: %w", err)
	}
	return ents, months, nil
}

// matches is a query of the seq of every document that terms (none: every
// document) and f match, unranked.
func (db *DB) matches(terms []store.Term, f store.Filter) (string, []any, error) {
	if len(terms) == 0 {
		w, err := filter(f)
		if err != nil {
			return "", nil, err
		}
		return `SELECT d.seq AS seq FROM documents d WHERE 1 = 1` + w.sql(), w.args, nil
	}
	ts := db.dialect.TextSearch(terms)
	seq := ts.Seq
	if seq == "" {
		seq = "d.seq"
	}
	w, err := filterOn(f, ts.Seq)
	if err != nil {
		return "", nil, err
	}
	return `SELECT ` + seq + ` AS seq FROM ` + ts.From + ` WHERE ` + ts.Where + w.sql(), slices.Concat(ts.WhereArgs, w.args), nil
}

// each runs a query and calls row for each of its rows.
func (db *DB) each(ctx context.Context, query string, args []any, row func(scan func(...any) error) error) error {
	rows, err := db.sql.QueryContext(ctx, db.q(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
