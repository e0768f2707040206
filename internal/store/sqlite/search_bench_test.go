//go:build unix

package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"dateline/internal/cputime"
	"dateline/internal/store"
	"dateline/internal/store/sqlite"
	"dateline/internal/store/storetest"
)

// searchShapes are the query shapes timed by BenchmarkSearchArchive: common and
// rare words, a phrase, an exclusion, each filter, the empty query (newest
// first) and a deep page.
var searchShapes = []struct {
	name string
	q    store.Query
}{
	{"word", store.Query{Text: "talks"}},
	{"rare", store.Query{Text: "ceasefire"}},
	{"and", store.Query{Text: "sanctions deadline"}},
	{"phrase", store.Query{Text: `"peace talks"`}},
	{"not", store.Query{Text: "talks -ceasefire"}},
	{"dates", store.Query{Text: "talks", Filter: store.Filter{From: "2025-07-01", To: "2025-09-30"}}},
	{"source", store.Query{Text: "energy", Filter: store.Filter{Source: "Wire"}}},
	{"type", store.Query{Text: "aid", Filter: store.Filter{Type: "MEET"}}},
	{"entity", store.Query{Text: "sanctions", Filter: store.Filter{Entity: "Putin"}}},
	{"limit50", store.Query{Text: "prisoner exchange", Limit: 50}},
	{"newest", store.Query{Filter: store.Filter{From: "2025-08-01"}}},
	{"offset", store.Query{Text: "talks", Offset: 500}},
}

// BenchmarkSearchArchive times store-level searches over generated articles and
// reports p50/p95 latency and CPU time per query shape. The archive has
// $DATELINE_BENCH_DOCS articles (default 10000); $DATELINE_BENCH_DB names a
// file to keep it in between runs (it is filled when empty), since filling
// 10k articles takes tens of seconds and 100k several minutes:
//
//	DATELINE_BENCH_DB=/tmp/100k.db DATELINE_BENCH_DOCS=100000 go test -run - -bench SearchArchive ./internal/store/sqlite
func BenchmarkSearchArchive(b *testing.B) {
	n := 10_000
	if s := os.Getenv("DATELINE_BENCH_DOCS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			b.Fatalf("DATELINE_BENCH_DOCS=%q: want a positive number", s)
		}
		n = v
	}
	if testing.Short() {
		n = min(n, 1000)
	}
	ctx := context.Background()
	path := os.Getenv("DATELINE_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	st, err := db.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if st.Documents == 0 {
		fill(b, db, n)
	}
	for _, s := range searchShapes {
		b.Run(s.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			cpu0 := cpuTime(b)
			for b.Loop() {
				start := time.Now()
				if _, err := db.Search(ctx, s.q); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			cpu := cpuTime(b) - cpu0
			slices.Sort(lat)
			pct := func(p float64) float64 {
				return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.95), "p95-ms")
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(lat)), "cpu-ms/op")
		})
	}
}

// BenchmarkPageFacets times the entity and month facets of a search over
// all its matches, on the archive of BenchmarkSearchArchive (it needs
// $DATELINE_BENCH_DB filled, by that benchmark or storebench put).
func BenchmarkPageFacets(b *testing.B) {
	path := os.Getenv("DATELINE_BENCH_DB")
	if path == "" {
		b.Skip("DATELINE_BENCH_DB is not set")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	for _, s := range searchShapes {
		b.Run(s.name, func(b *testing.B) {
			cpu0 := cpuTime(b)
			for b.Loop() {
				if _, _, err := db.PageFacets(ctx, s.q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime(b)-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// cpuTime is the CPU time the process has used. On a machine shared with
// other work, wall-clock latency says more about the neighbours than about
// the query; CPU time per search does not.
func cpuTime(b *testing.B) time.Duration {
	t, ok := cputime.Used()
	if !ok {
		b.Fatal("no CPU time on this system")
	}
	return t
}

// fill puts n generated articles into db in batches.
func fill(b *testing.B, db *sqlite.DB, n int) {
	b.Helper()
	docs := storetest.Generate(b, n, 1)
	const batch = 256
	for i := 0; i < len(docs); i += batch {
		var entries []store.Entry
		for _, d := range docs[i:min(i+batch, len(docs))] {
			entries = append(entries, store.Entry{Input: d.ID, Doc: d})
		}
		if _, err := db.Put(context.Background(), entries); err != nil {
			b.Fatal(fmt.Errorf("fill: %w", err))
		}
	}
}
