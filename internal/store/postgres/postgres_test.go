package postgres_test

import (
	"context"
	"path/filepath"
	"testing"

	"dateline/internal/store"
	"dateline/internal/store/postgres"
	"dateline/internal/store/postgres/pgtest"
	"dateline/internal/store/sqldb"
	"dateline/internal/store/storetest"
)

// MustOpen opens a store in a fresh schema of the database named by
// $DATELINE_TEST_POSTGRES, dropped when the test ends. It skips the test
// when the variable is unset.
func MustOpen(tb testing.TB) *postgres.DB {
	tb.Helper()
	db, err := postgres.Open(context.Background(), pgtest.SchemaURL(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return MustOpen(t) })
}

func TestMigrateVersion(t *testing.T) {
	db := MustOpen(t)
	v, err := sqldb.Version(context.Background(), db.SQL())
	ms, _ := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil || v != len(ms) {
		t.Errorf("schema version = %d, %v; want %d", v, err, len(ms))
	}
}

// TestClock checks that the clock stamps the log and gives "today" to
// pending-deadline queries.
func TestClock(t *testing.T) {
	db := MustOpen(t)
	storetest.Clock(t, db, &db.Now)
}

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	db := MustOpen(b)
	docs := storetest.Generate(b, 5000, 2)
	for i := 0; i < len(docs); i += 500 {
		storetest.MustPut(b, db, docs[i:min(i+500, len(docs))]...)
	}
	for _, qc := range []struct {
		name string
		q    store.Query
	}{
		{"word", store.Query{Text: "ceasefire"}},
		{"two words", store.Query{Text: "Putin sanctions"}},
		{"phrase", store.Query{Text: `"prisoner exchange"`}},
		{"word+entity+dates", store.Query{Text: "talks", Filter: store.Filter{Entity: "Rubio", From: "2025-07-01", To: "2025-07-31"}}},
		{"filter only", store.Query{Filter: store.Filter{Source: "Wire", Type: "TARIFF"}}},
	} {
		b.Run(qc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Search(ctx, qc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestCrossCache(t *testing.T) {
	storetest.CrossCache(t, func(t *testing.T) func(t *testing.T) storetest.Handle {
		url := pgtest.SchemaURL(t)
		return func(t *testing.T) storetest.Handle {
			db, err := postgres.Open(context.Background(), url)
			if err != nil {
				t.Fatal(err)
			}
			return storetest.Handle{St: db, DB: db.DB}
		}
	})
}
