package postgres_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

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

func TestClock(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	now := time.Date(2025, 8, 20, 9, 30, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	storetest.MustPut(t, db, storetest.Corpus(t)...)
	log, err := db.Log(ctx, store.LogQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || !log[0].Time.Equal(now) {
		t.Errorf("log time = %+v, want %v", log, now)
	}
	hits, err := db.Deadlines(ctx, store.DeadlineQuery{Pending: true})
	if err != nil || len(hits) != 2 {
		t.Errorf("pending on %s: %d deadlines, %v; want 2", now.Format(time.DateOnly), len(hits), err)
	}
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
