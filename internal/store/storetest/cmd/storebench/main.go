// Command storebench measures the store on generated articles
// (storetest.Generate); scripts/bench-store.sh drives it.
//
//	storebench gen -n 10000 -dir corpus/      # JSONL input for 'dateline ingest'
//	storebench put -n 10000 -db x.db          # store-only insert rate, layers included
//	storebench put -n 100000 -per-day 300 -every 10000 -db x.db   # does the cost grow with the archive?
//	storebench search -db x.db -queries 500   # search latency p50/p95
//	storebench schema -db postgres://...      # print the URL of a fresh schema
//
// gen writes plain articles (text and metadata, no layers) so that ingest
// measures analysis and storage together; put stores the generated layers
// directly, measuring the store alone; search runs a fixed mix of word,
// phrase, filtered and entity queries and reports latency percentiles.
package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"time"

	"dateline/internal/cputime"
	"dateline/internal/doc"
	"dateline/internal/store"
	"dateline/internal/store/postgres"
	"dateline/internal/store/sqlite"
	"dateline/internal/store/storetest"
)

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "storebench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: storebench gen|put|search [flags]")
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	n := fs.Int("n", 10000, "articles to generate")
	seed := fs.Uint64("seed", 1, "generator seed")
	dir := fs.String("dir", "corpus", "gen: output directory")
	perFile := fs.Int("per-file", 1000, "gen: articles per JSONL file")
	db := fs.String("db", "", "put, search: SQLite path or postgres:// URL")
	batch := fs.Int("batch", 64, "put: articles per transaction")
	queries := fs.Int("queries", 500, "search: queries to run")
	perDay := fs.Int("per-day", 0, "gen, put: spread the articles over days, this many a day (0: all within 120 days)")
	crossDoc := fs.Bool("crossdoc", true, "put: build the cross-document layers (SQLite only)")
	every := fs.Int("every", 0, "put: also report the rate of each run of this many articles")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to `file`")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	generate := func() []*doc.Document {
		if *perDay > 0 {
			return storetest.GenerateDaily(fatal{}, *n, *perDay, *seed)
		}
		return storetest.Generate(fatal{}, *n, *seed)
	}
	switch args[0] {
	case "gen":
		return gen(*dir, generate(), *perFile)
	case "put":
		st, err := open(ctx, *db)
		if err != nil {
			return err
		}
		defer st.Close()
		if s, ok := st.(*sqlite.DB); ok {
			s.NoCrossDoc = !*crossDoc
		} else if !*crossDoc {
			return errors.New("put: -crossdoc=false needs a SQLite store")
		}
		return put(ctx, st, generate(), *batch, *every)
	case "schema":
		return schema(ctx, *db)
	case "search":
		st, err := open(ctx, *db)
		if err != nil {
			return err
		}
		defer st.Close()
		return search(ctx, st, *queries)
	}
	return fmt.Errorf("unknown command %q (want gen, put or search)", args[0])
}

func open(ctx context.Context, db string) (store.Store, error) {
	if db == "" {
		return nil, errors.New("-db is required")
	}
	if postgres.IsURL(db) {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// schema creates a fresh schema in a PostgreSQL database and prints a URL
// whose search_path is that schema, so each run starts empty.
func schema(ctx context.Context, db string) error {
	if !postgres.IsURL(db) {
		return errors.New("schema: -db must be a postgres:// URL")
	}
	h, err := sql.Open("pgx", db)
	if err != nil {
		return err
	}
	defer h.Close()
	name := fmt.Sprintf("bench_%d", time.Now().UnixNano())
	if _, err := h.ExecContext(ctx, "CREATE SCHEMA "+name); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	u, err := url.Parse(db)
	if err != nil {
		return err
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	fmt.Println(u.String())
	return nil
}

// gen writes docs as dateline JSONL input, perFile lines a file.
func gen(dir string, docs []*doc.Document, perFile int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := 0; i < len(docs); i += perFile {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("part-%05d.jsonl", i/perFile)))
		if err != nil {
			return err
		}
		w := bufio.NewWriter(f)
		enc := json.NewEncoder(w)
		for _, d := range docs[i:min(i+perFile, len(docs))] {
			if err := enc.Encode(doc.Document{ID: d.ID, Date: d.Date, Title: d.Title, Source: d.Source, Text: d.Text}); err != nil {
				f.Close()
				return err
			}
		}
		if err := w.Flush(); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	fmt.Printf("gen: %d articles in %s\n", len(docs), dir)
	return nil
}

// put stores docs, layers included, in batches and reports the rate, and
// the rate of each run of every articles when every > 0 (so a cost that
// grows with the archive shows as a falling rate).
func put(ctx context.Context, st store.Store, docs []*doc.Document, batch, every int) error {
	start, startCPU := time.Now(), cpuTime()
	var bytes int
	lap, lapStart, lapCPU := 0, start, startCPU
	report := func(i int) {
		sec, cpu := time.Since(lapStart).Seconds(), (cpuTime() - lapCPU).Seconds()
		fmt.Printf("put: articles %d-%d: %.0f docs/s, %.2f ms wall and %.2f ms CPU each\n",
			lap, i, float64(i-lap)/sec, 1000*sec/float64(i-lap), 1000*cpu/float64(i-lap))
		lap, lapStart, lapCPU = i, time.Now(), cpuTime()
	}
	for i := 0; i < len(docs); i += batch {
		if every > 0 && i-lap >= every {
			report(i)
		}
		var entries []store.Entry
		for _, d := range docs[i:min(i+batch, len(docs))] {
			entries = append(entries, store.Entry{Input: d.ID, Doc: d})
			bytes += len(d.Text)
		}
		if _, err := st.Put(ctx, entries); err != nil {
			return err
		}
	}
	if every > 0 && len(docs) > lap {
		report(len(docs))
	}
	sec, cpu := time.Since(start).Seconds(), (cpuTime() - startCPU).Seconds()
	fmt.Printf("put: %d articles (%.1f MB of text) in %.1fs (%.1fs CPU): %.0f docs/s\n",
		len(docs), float64(bytes)/1e6, sec, cpu, float64(len(docs))/sec)
	return nil
}

// searchMix is the query mix: common and rare words, a phrase, an
// exclusion, filters, and the empty query (newest first).
var searchMix = []store.Query{
	{Text: "talks"},
	{Text: "ceasefire"},
	{Text: "sanctions deadline"},
	{Text: `"peace talks"`},
	{Text: "talks -ceasefire"},
	{Text: "talks", Filter: store.Filter{From: "2025-07-01", To: "2025-09-30"}},
	{Text: "energy", Filter: store.Filter{Source: "Wire"}},
	{Text: "aid", Filter: store.Filter{Type: "PERSON"}},
	{Filter: store.Filter{From: "2025-08-01"}},
}

// search runs the mix round-robin and prints latency percentiles.
func search(ctx context.Context, st store.Store, n int) error {
	lat := make([]time.Duration, 0, n)
	hits := 0
	for i := range n {
		q := searchMix[i%len(searchMix)]
		start := time.Now()
		res, err := st.Search(ctx, q)
		if err != nil {
			return fmt.Errorf("search %+v: %w", q, err)
		}
		lat = append(lat, time.Since(start))
		hits += res.Total
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("search: %d queries over %d documents: p50 %.2fms p95 %.2fms max %.2fms (mean %d matches)\n",
		n, stats.Documents, ms(pct(0.50)), ms(pct(0.95)), ms(lat[len(lat)-1]), hits/n)
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// fatal adapts storetest.Generate's test helper interface to a command.
type fatal struct{}

func (fatal) Helper() {}
func (fatal) Fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "storebench: generate: "+format+"\n", args...)
	os.Exit(1)
}

// cpuTime is the CPU time the process has used (0 where the system does
// not say), to report per-article cost apart from the machine's load.
func cpuTime() time.Duration {
	t, _ := cputime.Used()
	return t
}
