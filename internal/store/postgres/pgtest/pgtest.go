// Package pgtest gives each test its own PostgreSQL schema on the throwaway
// server that scripts/pg-test.sh starts, so many tests share one server
// without seeing each other's rows.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

// Env names the variable holding the URL of the test database.
const Env = "DATELINE_TEST_POSTGRES"

// Available reports whether a test database is configured.
func Available() bool { return os.Getenv(Env) != "" }

// SchemaURL creates a fresh schema in the database $DATELINE_TEST_POSTGRES
// names, dropped when the test ends, and returns that URL with the schema as
// its search path. It skips the test when the variable is unset.
func SchemaURL(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(Env)
	if base == "" {
		tb.Skip(Env + " is not set (see scripts/pg-test.sh)")
	}
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "dateline_test_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { admin.Close() })
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() { admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE") })
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
