// Package postgres is dateline's shared, scale-out store: PostgreSQL through
// github.com/jackc/pgx/v5, searching with a generated tsvector column under
// a GIN index (English stemming, title weighted above text, ts_headline
// snippets). Several ingest processes and servers may use one database.
//
// The queries are shared with the SQLite backend in package sqldb; this
// package supplies the schema and the full-text clause.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strings"
	"time"

	"dateline/internal/store"
	"dateline/internal/store/sqldb"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// IsURL reports whether s names a PostgreSQL database (postgres:// or
// postgresql://) rather than a SQLite file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// DB is a PostgreSQL store. Its Now field (from [sqldb.DB]) is the clock.
type DB struct {
	*sqldb.DB
}

// Open connects to the database at url (postgres://user:pass@host:port/db,
// with any libpq parameters such as search_path) and brings its schema up to
// date.
func Open(ctx context.Context, url string) (*DB, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	ms, err := sqldb.Migrations(migrations, "migrations")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	if err := sqldb.Migrate(ctx, db, dialect{}, ms, time.Now()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	return &DB{sqldb.New(db, dialect{})}, nil
}

// dialect is PostgreSQL's part of the SQL: $n placeholders and tsquery.
type dialect struct{}

func (dialect) Rebind(q string) string { return sqldb.RebindDollar(q) }

// headline asks ts_headline to wrap matches in the store's snippet markers.
const headline = `'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=35, MinWords=15, ShortWord=2'`

// TextSearch matches with a tsquery made of one phraseto_tsquery per term,
// so user text is never parsed as tsquery syntax: words and phrases are
// ANDed, excluded terms negated. The score sums each positive term's
// ts_rank, which counts occurrences by weight (title A, text B); ts_rank of
// the whole AND query would reward terms standing close together over a
// term in the title.
func (dialect) TextSearch(terms []store.Term) sqldb.TextSearch {
	parts := make([]string, len(terms))
	args := make([]any, len(terms))
	var ranks []string
	var rankArgs []any
	for i, t := range terms {
		parts[i] = `phraseto_tsquery('english', ?)`
		args[i] = t.Text
		if t.Not {
			parts[i] = `!!` + parts[i]
			continue
		}
		ranks = append(ranks, `ts_rank(b.tsv, phraseto_tsquery('english', ?))`)
		rankArgs = append(rankArgs, t.Text)
	}
	q := `(` + strings.Join(parts, ` && `) + `)`
	return sqldb.TextSearch{
		From:        `documents d JOIN document_bodies b ON b.doc = d.seq`,
		Where:       `b.tsv @@ ` + q,
		WhereArgs:   args,
		Score:       strings.Join(ranks, ` + `),
		ScoreArgs:   rankArgs,
		SnippetJoin: `JOIN document_bodies b ON b.doc = page.seq`,
		Snippet:     `ts_headline('english', b.text, ` + q + `, ` + headline + `)`,
		SnippetArgs: args,
	}
}
