package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"dateline/internal/cputime"
	"dateline/internal/store"
	"dateline/internal/store/neardup"
	"dateline/internal/store/sqlite"
	"dateline/internal/store/storetest"
)

// BenchmarkPutCrossDoc measures Put with and without the cross-document
// layers (entity links, tracked deadlines, stories) over an archive that
// grows through the run, so a layer whose cost grew with the archive would
// show as a falling docs/s.
func BenchmarkPutCrossDoc(b *testing.B) {
	docs := storetest.Generate(b, 2000, 1)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	for _, on := range []bool{false, true} {
		b.Run(fmt.Sprintf("crossdoc=%v", on), func(b *testing.B) {
			b.SetBytes(bytes / int64(len(docs)))
			db := MustOpen(b)
			db.NoCrossDoc = !on
			ctx := context.Background()
			const batch = 64
			b.ResetTimer()
			for i := 0; i < b.N; i += batch {
				var entries []store.Entry
				for j := i; j < min(i+batch, b.N); j++ {
					d := *docs[j%len(docs)]
					d.ID = fmt.Sprintf("%s-%d", d.ID, j)
					d.Text += fmt.Sprintf(" Copy %d.", j)
					entries = append(entries, store.Entry{Input: d.ID, Doc: &d})
				}
				if _, err := db.Put(ctx, entries); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkPutFeedCrossDoc is the writer's share of ingest alone: it stores
// analysed articles (DATELINE_PUT_FEED, `dateline extract` output, the
// first DATELINE_PUT_N of them if set) in batches of 64, as ingest's single
// writer does, with and without the cross-document layers. What ingest's
// workers do before Put (the near-duplicate signature, Prepare) is done
// before the clock starts, so docs/s and cpu-ms/doc are the writer's own:
// the stage ingest waits on. Without the variable it is skipped.
func BenchmarkPutFeedCrossDoc(b *testing.B) {
	path := os.Getenv("DATELINE_PUT_FEED")
	if path == "" {
		b.Skip("DATELINE_PUT_FEED is not set")
	}
	docs := storetest.ReadJSONL(b, path)
	if v := os.Getenv("DATELINE_PUT_N"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("DATELINE_PUT_N=%q: want a positive number of articles", v)
		}
		docs = docs[:min(n, len(docs))]
	}
	var size int64
	sigs := make([]*neardup.Signature, len(docs))
	for i, d := range docs {
		size += int64(len(d.Text))
		if s, ok := neardup.Sign(d.Text); ok {
			sigs[i] = &s
		}
	}
	for _, on := range []bool{false, true} {
		b.Run(fmt.Sprintf("crossdoc=%v", on), func(b *testing.B) {
			b.SetBytes(size)
			ctx := context.Background()
			var cpu time.Duration
			cpuOK := true
			for b.Loop() {
				b.StopTimer()
				db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "b.db"))
				if err != nil {
					b.Fatal(err)
				}
				db.NoCrossDoc = !on
				entries := make([]store.Entry, len(docs))
				for i, d := range docs {
					entries[i] = store.Entry{Input: d.ID, Doc: d, MinHash: sigs[i]}
					db.Prepare(&entries[i])
				}
				c0, ok := cputime.Used()
				cpuOK = cpuOK && ok
				b.StartTimer()
				for i := 0; i < len(entries); i += 64 {
					if _, err := db.Put(ctx, entries[i:min(i+64, len(entries))]); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				c1, _ := cputime.Used()
				cpu += c1 - c0
				db.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
			if cpuOK {
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N*len(docs)), "cpu-ms/doc")
			}
		})
	}
}
