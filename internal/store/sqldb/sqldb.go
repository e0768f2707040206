// Package sqldb implements [store.Store] over database/sql for the SQL
// backends. The schema (see docs/store.md) and nearly every query are the
// same in SQLite and PostgreSQL; a [Dialect] supplies what differs: the
// placeholder syntax and the full-text search clause.
//
// Backends (store/sqlite, store/postgres) open the database, apply their
// embedded migrations with [Migrate] and wrap the handle with [New].
package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"dateline/internal/store"
)

// Dialect is what a SQL backend does its own way.
type Dialect interface {
	// Rebind turns the '?' placeholders of a query into the driver's own.
	Rebind(query string) string
	// TextSearch builds the full-text part of a search for terms with at
	// least one positive term (see [store.ParseTerms]).
	TextSearch(terms []store.Term) TextSearch
}

// TextSearch is the full-text part of a search query. The documents table is
// aliased d. The search runs in two steps so that snippets, which cost far
// more than ranking, are made only for the page returned: the first step
// selects Score FROM From WHERE Where and keeps one page of d.seq; the second
// joins that page (aliased page) to documents d and SnippetJoin and selects
// Snippet.
type TextSearch struct {
	From string // FROM clause that includes "documents d", unless Seq is set
	// Seq, when set, is the matched document's seq in a From that does not
	// join documents: filters then test it with subqueries, and only the
	// page's documents are read.
	Seq         string
	Where       string // match condition
	WhereArgs   []any
	Score       string // higher is better
	ScoreArgs   []any
	SnippetJoin string // joined after "page JOIN documents d ON d.seq = page.seq"
	SnippetArgs []any  // arguments of SnippetJoin, then of Snippet
	Snippet     string // text around the matches, wrapped in store.MarkStart/MarkEnd
}

// DB is a [store.Store] over a database/sql handle.
type DB struct {
	sql     *sql.DB
	dialect Dialect
	// Now is the clock: it stamps ingest log lines and stored documents and
	// gives "today" to pending-deadline queries. Tests replace it.
	Now func() time.Time
	// NoCrossDoc skips the cross-document layers (entity links, tracked
	// deadlines, stories) at Put, for benchmarks that measure their cost.
	NoCrossDoc bool
	// NoCrossCache makes every batch read the cross-document layers' rows
	// from the tables instead of the writer's cache (see crossCache), for
	// tests that compare the two.
	NoCrossCache bool

	// stmts are the writer's statements, prepared once for the life of the
	// handle rather than once a batch: SQLite parses a statement in about
	// as long as it runs a dozen of them.
	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt

	// cross is the writer's cache of the cross-document layers between
	// batches; crossBusy is set while a batch holds it.
	crossMu   sync.Mutex
	cross     *crossCache
	crossBusy bool
}

// maxStmts bounds the statement cache; statements beyond it are prepared
// for their batch only. The bulk inserts take up to about ten texts per
// table (bulkExec).
const maxStmts = 512

// prepared returns the cached statement for query (already rebound),
// preparing it on first use; ok is false when the cache is full.
func (db *DB) prepared(ctx context.Context, query string) (st *sql.Stmt, ok bool, err error) {
	db.stmtMu.Lock()
	defer db.stmtMu.Unlock()
	if st, ok := db.stmts[query]; ok {
		return st, true, nil
	}
	if len(db.stmts) >= maxStmts {
		return nil, false, nil
	}
	st, err = db.sql.PrepareContext(ctx, query)
	if err != nil {
		return nil, false, err
	}
	if db.stmts == nil {
		db.stmts = map[string]*sql.Stmt{}
	}
	db.stmts[query] = st
	return st, true, nil
}

var _ store.Store = (*DB)(nil)

// New wraps an open, migrated database.
func New(db *sql.DB, d Dialect) *DB {
	return &DB{sql: db, dialect: d, Now: time.Now}
}

// SQL returns the underlying handle, for backend-specific tests.
func (db *DB) SQL() *sql.DB { return db.sql }

// Close closes the database.
func (db *DB) Close() error {
	db.stmtMu.Lock()
	for _, st := range db.stmts {
		st.Close()
	}
	db.stmts = nil
	db.stmtMu.Unlock()
	return db.sql.Close()
}

func (db *DB) q(query string) string { return db.dialect.Rebind(query) }

// Migration is one schema step: a file NNNN_name.sql.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations reads the *.sql files of dir in fsys, ordered by the version
// number that starts each name.
func Migrations(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []Migration
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, _ := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive version number", name)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		ms = append(ms, Migration{Version: v, Name: name, SQL: string(b)})
	}
	slices.SortFunc(ms, func(a, b Migration) int { return a.Version - b.Version })
	for i := 1; i < len(ms); i++ {
		if ms[i].Version == ms[i-1].Version {
			return nil, fmt.Errorf("migrations %s and %s share version %d", ms[i-1].Name, ms[i].Name, ms[i].Version)
		}
	}
	return ms, nil
}

// Migrate applies the migrations newer than the database's schema version in
// order, each in its own transaction together with its row in
// schema_migrations, so a failed step leaves the previous version intact.
func Migrate(ctx context.Context, db *sql.DB, d Dialect, ms []Migration, now time.Time) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var current int
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	for _, m := range ms {
		if m.Version <= current {
			continue
		}
		if err := migrateOne(ctx, db, d, m, now); err != nil {
			return fmt.Errorf("migrate %s: %w", m.Name, err)
		}
	}
	return nil
}

func migrateOne(ctx context.Context, db *sql.DB, d Dialect, m Migration, now time.Time) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, d.Rebind(`INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`),
		m.Version, m.Name, now.UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// Version returns the schema version the database is at.
func Version(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// RebindDollar turns '?' placeholders into $1, $2, ... for PostgreSQL. The
// queries of this package hold no '?' inside string literals.
func RebindDollar(query string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}
