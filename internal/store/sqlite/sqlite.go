// Package sqlite is dateline's embedded store: one SQLite file, opened with
// the pure-Go driver modernc.org/sqlite so the binary needs no cgo. It runs
// in WAL mode (readers never block the writer), searches with FTS5
// (porter-stemmed unicode61 tokens, bm25 ranking, snippet highlights) and
// migrates its schema from SQL files embedded in the binary.
//
// The queries are shared with the PostgreSQL backend in package sqldb; this
// package supplies the connection settings, the schema and the FTS5 clause.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"dateline/internal/store"
	"dateline/internal/store/sqldb"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// DefaultPath is the database file used when neither a flag nor
// $DATELINE_DB names one: dateline.db in the current directory.
const DefaultPath = "dateline.db"

// Path returns the database path to use: flag when set, else $DATELINE_DB,
// else [DefaultPath].
func Path(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("DATELINE_DB"); env != "" {
		return env
	}
	return DefaultPath
}

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a SQLite store. Its Now field (from [sqldb.DB]) is the clock.
type DB struct {
	*sqldb.DB
}

// Open opens or creates the database file at path and brings its schema up
// to date. Writers take the lock when their transaction begins and wait up
// to 10 s for another writer, so several processes may share a file.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("open store: %w: empty path", store.ErrInvalid)
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(ON)", "busy_timeout(10000)", "cache_size(-32768)", "mmap_size(1073741824)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + escapePath(path) + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// database/sql keeps only 2 idle connections by default, so a server
	// answering many searches at once would open (pragmas, schema parse,
	// a cold page cache) and close a connection for most of them. Keep
	// enough for the server's requests in flight (4 per CPU); a connection
	// idle for a minute is closed.
	conns := max(8, 4*runtime.GOMAXPROCS(0))
	db.SetMaxIdleConns(conns)
	db.SetConnMaxIdleTime(time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	ms, err := sqldb.Migrations(migrations, "migrations")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := sqldb.Migrate(ctx, db, dialect{}, ms, time.Now()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &DB{sqldb.New(db, dialect{})}, nil
}

// escapePath keeps '?' and '#' in a file name from being read as the start
// of the DSN's query or fragment.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// dialect is SQLite's part of the SQL: '?' placeholders and FTS5.
type dialect struct{}

func (dialect) Rebind(q string) string { return q }

// TextSearch matches with FTS5. Each term becomes a quoted FTS5 string, so
// user text is never parsed as FTS5 syntax; bm25 weighs the title four
// times the body.
func (dialect) TextSearch(terms []store.Term) sqldb.TextSearch {
	var pos, neg []string
	for _, t := range terms {
		s := `"` + strings.ReplaceAll(t.Text, `"`, `""`) + `"`
		if t.Not {
			neg = append(neg, s)
		} else {
			pos = append(pos, s)
		}
	}
	expr := "(" + strings.Join(pos, " AND ") + ")"
	for _, n := range neg {
		expr += " NOT " + n
	}
	return sqldb.TextSearch{
		From:      `documents_fts`,
		Seq:       `documents_fts.rowid`,
		Where:     `documents_fts MATCH ?`,
		WhereArgs: []any{expr},
		Score:     `-bm25(documents_fts, 4.0, 1.0)`,
		// The page is matched again to give snippet() its phrase positions;
		// the rowid constraint makes that a lookup of a few rows.
		SnippetJoin: `JOIN documents_fts ON documents_fts.rowid = page.seq AND documents_fts MATCH ?`,
		SnippetArgs: []any{expr},
		Snippet:     `snippet(documents_fts, 1, char(1), char(2), '…', 24)`,
	}
}
