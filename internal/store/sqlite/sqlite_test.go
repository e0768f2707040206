package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"dateline/internal/store"
	"dateline/internal/store/sqldb"
	"dateline/internal/store/sqlite"
	"dateline/internal/store/storetest"
)

// MustOpen opens a fresh store in a temporary directory, closed when the
// test ends.
func MustOpen(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "test.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return MustOpen(t) })
}

func TestOpenMigratesOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	for range 2 {
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := sqldb.Version(ctx, db.SQL())
		if err != nil {
			t.Fatal(err)
		}
		if want := migrationFiles(t); v != want {
			t.Errorf("schema version = %d, want %d", v, want)
		}
		var mode string
		if err := db.SQL().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode = %q, %v; want wal", mode, err)
		}
		var n int
		if err := db.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil || n != migrationFiles(t) {
			t.Errorf("schema_migrations rows = %d, %v; want one per migration", n, err)
		}
		db.Close()
	}
}

func TestOpenBadPath(t *testing.T) {
	ctx := context.Background()
	for _, p := range []string{"", filepath.Join(t.TempDir(), "missing-dir", "x.db")} {
		if db, err := sqlite.Open(ctx, p); err == nil {
			db.Close()
			t.Errorf("Open(%q) succeeded", p)
		}
	}
}

func TestPath(t *testing.T) {
	tests := []struct{ flag, env, want string }{
		{"given.db", "env.db", "given.db"},
		{"", "env.db", "env.db"},
		{"", "", sqlite.DefaultPath},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			t.Setenv("DATELINE_DB", tc.env)
			if got := sqlite.Path(tc.flag); got != tc.want {
				t.Errorf("Path(%q) = %q, want %q", tc.flag, got, tc.want)
			}
		})
	}
}

// TestClock checks that the clock stamps the log and gives "today" to
// pending-deadline queries.
func TestClock(t *testing.T) {
	db := MustOpen(t)
	storetest.Clock(t, db, &db.Now)
}

// TestReopen checks that documents survive closing and reopening the file.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustPut(t, db, storetest.Corpus(t)...)
	db.Close()
	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r, err := db.Search(ctx, store.Query{Text: "ceasefire"})
	if err != nil || r.Total != 2 {
		t.Errorf("after reopen: %+v, %v", r, err)
	}
}

func BenchmarkPut(b *testing.B) {
	docs := storetest.Generate(b, 2000, 1)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	b.SetBytes(bytes / int64(len(docs)))
	db := MustOpen(b)
	ctx := context.Background()
	const batch = 64
	b.ResetTimer()
	for i := 0; i < b.N; i += batch {
		var entries []store.Entry
		for j := i; j < min(i+batch, b.N); j++ {
			d := *docs[j%len(docs)]
			d.ID = fmt.Sprintf("%s-%d", d.ID, j)
			d.Text += fmt.Sprintf(" Copy %d.", j) // a distinct hash; offsets stay valid
			entries = append(entries, store.Entry{Input: d.ID, Doc: &d})
		}
		if _, err := db.Put(ctx, entries); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	db := MustOpen(b)
	docs := storetest.Generate(b, 5000, 2)
	for i := 0; i < len(docs); i += 500 {
		storetest.MustPut(b, db, docs[i:min(i+500, len(docs))]...)
	}
	queries := []struct {
		name string
		q    store.Query
	}{
		{"word", store.Query{Text: "ceasefire"}},
		{"two words", store.Query{Text: "Putin sanctions"}},
		{"phrase", store.Query{Text: `"prisoner exchange"`}},
		{"word+entity+dates", store.Query{Text: "talks", Filter: store.Filter{Entity: "Rubio", From: "2025-07-01", To: "2025-07-31"}}},
		{"filter only", store.Query{Filter: store.Filter{Source: "Wire", Type: "TARIFF"}}},
	}
	for _, qc := range queries {
		b.Run(qc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Search(ctx, qc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzSearch checks that no search text reaches FTS5 as syntax: every query
// either runs or is rejected as invalid, and highlights stay in their
// snippets.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"putin", `"secondary tariffs"`, "-x y", `a"b`, "NEAR(a b)", "title:putin", "*", "a OR b", "(", `""`, "^x", "münchen’s"} {
		f.Add(s)
	}
	db := MustOpen(f)
	storetest.MustPut(f, db, storetest.Corpus(f)...)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text string) {
		res, err := db.Search(ctx, store.Query{Text: text})
		if err != nil {
			if !errors.Is(err, store.ErrInvalid) {
				t.Fatalf("Search(%q): %v", text, err)
			}
			return
		}
		for _, h := range res.Hits {
			for _, sp := range h.Highlights {
				if sp.Start < 0 || sp.End > len(h.Snippet) || sp.Start >= sp.End {
					t.Fatalf("Search(%q): highlight %v outside %q", text, sp, h.Snippet)
				}
			}
		}
	})
}

// migrationFiles counts the embedded migrations: the schema version a new
// database reaches.
func migrationFiles(t *testing.T) int {
	t.Helper()
	ms, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil || len(ms) == 0 {
		t.Fatalf("migrations: %v", err)
	}
	return len(ms)
}

func TestCrossCache(t *testing.T) {
	storetest.CrossCache(t, func(t *testing.T) func(t *testing.T) storetest.Handle {
		path := filepath.Join(t.TempDir(), "cross.db")
		return func(t *testing.T) storetest.Handle {
			db, err := sqlite.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			return storetest.Handle{St: db, DB: db.DB}
		}
	})
}
