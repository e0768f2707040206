package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"dateline/internal/cputime"
	"dateline/internal/doc"
	"dateline/internal/store/sqlite"
	"dateline/internal/store/storetest"
)

// BenchmarkIngestCrossDoc measures whole ingest (reading, the analysis
// pipeline, storing) with and without the cross-document layers, over
// generated articles (storetest.Generate: deadlines, quotes and recurring
// people in every one, so the layers have more to do than in real news).
//
// DATELINE_BENCH_FEED=file.jsonl measures real articles instead (their
// id, date, title and text; other fields are dropped).
// DATELINE_BENCH_N=100000 measures that many generated articles, 300 a day,
// for the question: do the layers stay cheap at archive size?
// (Run it with -benchtime 1x; one run of 100k articles takes minutes.)
func BenchmarkIngestCrossDoc(b *testing.B) {
	docs := storetest.Generate(b, 300, 7)
	if v := os.Getenv("DATELINE_BENCH_N"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("DATELINE_BENCH_N=%q: want a positive number of articles", v)
		}
		docs = storetest.GenerateDaily(b, n, 300, 7)
	}
	if path := os.Getenv("DATELINE_BENCH_FEED"); path != "" {
		docs = storetest.ReadJSONL(b, path)
	}
	n := len(docs)
	var feed bytes.Buffer
	var size int64
	for _, d := range docs {
		in := doc.Document{ID: d.ID, Date: d.Date, Title: d.Title, Source: d.Source, Text: d.Text}
		out, err := json.Marshal(&in)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(d.Text))
		feed.Write(append(out, '\n'))
	}
	dir := b.TempDir()
	file := filepath.Join(dir, "feed.jsonl")
	if err := os.WriteFile(file, feed.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	p, err := newPipeline()
	if err != nil {
		b.Fatal(err)
	}
	for _, on := range []bool{false, true} {
		b.Run(fmt.Sprintf("crossdoc=%v", on), func(b *testing.B) {
			b.SetBytes(size)
			ctx := context.Background()
			runs := 0
			cpu0, cpuOK := cputime.Used()
			for b.Loop() {
				runs++
				s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "b.db"))
				if err != nil {
					b.Fatal(err)
				}
				s.NoCrossDoc = !on
				var log bytes.Buffer
				env := Env{Stdin: &bytes.Buffer{}, Stdout: &log, Stderr: &log, Log: newLogger(&log)}
				cfg := ingestConfig{workers: 2, batch: 64, flush: time.Second}
				sum, err := ingest(ctx, env, cfg, p, s, []string{file})
				if err != nil {
					b.Fatal(err)
				}
				if sum.Added < n/2 {
					b.Fatalf("only %+v of %d generated articles stored", sum, n)
				}
				s.Close()
			}
			b.ReportMetric(float64(runs*n)/b.Elapsed().Seconds(), "docs/s")
			// CPU time per article (the whole process: analysis workers,
			// writer, GC) is steadier than docs/s when others share the
			// cores; the layers' cost is the ratio of the two runs'.
			if cpu1, _ := cputime.Used(); cpuOK && cpu1 > cpu0 {
				b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1000/float64(runs*n), "cpu-ms/doc")
			}
		})
	}
}
