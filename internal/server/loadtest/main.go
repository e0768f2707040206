// Command loadtest measures the search API under concurrent load: it fills a
// temporary SQLite store with generated articles (storetest.Generate), serves
// it on loopback, and runs many clients against /api/search for a while,
// reporting errors, throughput and latency percentiles.
//
//	go run ./internal/server/loadtest                      # 10k articles, 200 clients, 20 s
//	go run ./internal/server/loadtest -docs 2000 -clients 50 -duration 5s
//	go run ./internal/server/loadtest -url http://127.0.0.1:8080   # an already running server
//
// It is a tool, not a test: the run is too long for go test.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"dateline/internal/doc"
	"dateline/internal/server"
	"dateline/internal/store"
	"dateline/internal/store/sqlite"
	"dateline/internal/store/storetest"
)

// queries are what the clients search for, in turn: single words, phrases,
// exclusions and filters, like the generated corpus's topics and people.
var queries = []string{
	"q=ceasefire",
	"q=sanctions&entity=Putin",
	"q=%22peace+talks%22",
	"q=tariffs+-India",
	"q=talks&from=2025-07-01&to=2025-07-31",
	"q=Witkoff+Moscow",
	"q=energy+deal&source=Wire",
	"q=prisoner+exchange&limit=50",
	"q=aid&type=MEET",
	"q=Rubio",
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		docs     = flag.Int("docs", 10_000, "generated articles in the store")
		clients  = flag.Int("clients", 200, "concurrent clients")
		duration = flag.Duration("duration", 20*time.Second, "how long to send requests")
		target   = flag.String("url", "", "base URL of a running server (default: start one on loopback)")
		db       = flag.String("db", "", "SQLite file to fill and serve (default: a temporary one)")
		inFlight = flag.Int("inflight", 0, "the started server's MaxInFlight (0: its default)")
		cpuProf  = flag.String("cpuprofile", "", "write a CPU profile of the load phase (server and clients) to this file")
	)
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	base := *target
	if base == "" {
		var err error
		var shutdown func()
		base, shutdown, err = startServer(ctx, *db, *docs, *inFlight)
		if err != nil {
			return err
		}
		defer shutdown()
	}
	if *cpuProf != "" {
		f, err := os.Create(*cpuProf)
		if err != nil {
			return fmt.Errorf("cpuprofile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpuprofile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	res := load(ctx, base, *clients, *duration)
	res.print(os.Stdout, *clients, *duration)
	return nil
}

// fatal adapts storetest.Generate's test helper interface to a command.
type fatal struct{}

func (fatal) Helper() {}
func (fatal) Fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "generate: "+format+"\n", args...)
	os.Exit(1)
}

// startServer fills a store with n generated articles and serves it on a
// free loopback port.
func startServer(ctx context.Context, path string, n, inFlight int) (string, func(), error) {
	dir := ""
	if path == "" {
		var err error
		if dir, err = os.MkdirTemp("", "dateline-loadtest-"); err != nil {
			return "", nil, err
		}
		path = filepath.Join(dir, "load.db")
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return "", nil, err
	}
	if stats, err := st.Stats(ctx); err == nil && stats.Documents >= n {
		fmt.Printf("store: %s holds %d articles already\n", path, stats.Documents)
	} else if err := fill(ctx, st, n); err != nil {
		st.Close()
		return "", nil, err
	}
	fmt.Printf("store: %d generated articles in %s\n", n, path)

	srv, err := server.New(server.Config{Store: st, Analyzer: noAnalysis{}, MaxInFlight: inFlight, Log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	if err != nil {
		st.Close()
		return "", nil, err
	}
	sctx, cancel := context.WithCancel(ctx)
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, "127.0.0.1:0", func(a net.Addr) { addrc <- a.String() }) }()
	var addr string
	select {
	case addr = <-addrc:
	case err := <-done:
		cancel()
		st.Close()
		return "", nil, err
	}
	return "http://" + addr, func() {
		cancel()
		if err := <-done; err != nil {
			fmt.Fprintln(os.Stderr, "serve:", err)
		}
		st.Close()
		if dir != "" {
			os.RemoveAll(dir)
		}
	}, nil
}

// fill puts n generated articles into st.
func fill(ctx context.Context, st *sqlite.DB, n int) error {
	t0 := time.Now()
	gen := storetest.Generate(fatal{}, n, 1)
	for b := range slices.Chunk(gen, 256) {
		batch := make([]store.Entry, len(b))
		for i, d := range b {
			batch[i] = store.Entry{Input: d.ID, Doc: d}
		}
		if _, err := st.Put(ctx, batch); err != nil {
			return fmt.Errorf("fill store: %w", err)
		}
	}
	fmt.Printf("store: filled in %.1fs\n", time.Since(t0).Seconds())
	return nil
}

// noAnalysis stands in for the pipeline: the load test only searches.
type noAnalysis struct{}

func (noAnalysis) Process(context.Context, *doc.Document) error {
	return errors.New("the load test server does not analyse")
}

// result collects what the clients saw.
type result struct {
	latencies []time.Duration // of successful requests
	errors    int64
	byStatus  map[int]int64
	elapsed   time.Duration
}

// load runs clients against base/api/search until d has passed.
func load(ctx context.Context, base string, clients int, d time.Duration) result {
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, IdleConnTimeout: time.Minute}
	hc := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()

	var (
		mu       sync.Mutex
		res      = result{byStatus: map[int]int64{}}
		errCount atomic.Int64
		wg       sync.WaitGroup
	)
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			var lat []time.Duration
			status := map[int]int64{}
			for i := c; ctx.Err() == nil; i++ {
				u := base + "/api/search?" + queries[i%len(queries)]
				t0 := time.Now()
				code, err := get(ctx, hc, u)
				if ctx.Err() != nil {
					break // cut off by the end of the run, not an error
				}
				status[code]++
				if err != nil || code != http.StatusOK {
					errCount.Add(1)
					continue
				}
				lat = append(lat, time.Since(t0))
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			for k, v := range status {
				res.byStatus[k] += v
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.errors = errCount.Load()
	return res
}

// get fetches u and reads the body through, so connections are reused.
func get(ctx context.Context, hc *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			return 0, ue.Err
		}
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

func (r result) print(w io.Writer, clients int, d time.Duration) {
	slices.Sort(r.latencies)
	pct := func(p float64) time.Duration {
		if len(r.latencies) == 0 {
			return 0
		}
		return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
	}
	total := int64(len(r.latencies)) + r.errors
	fmt.Fprintf(w, "load: %d clients for %s against /api/search (%d queries in rotation)\n", clients, d, len(queries))
	fmt.Fprintf(w, "requests: %d ok, %d errors (%.2f%%), %.0f req/s\n", len(r.latencies), r.errors,
		100*float64(r.errors)/float64(max(total, 1)), float64(len(r.latencies))/r.elapsed.Seconds())
	fmt.Fprintf(w, "latency: p50 %s  p95 %s  p99 %s  max %s\n", pct(.50).Round(time.Microsecond*100),
		pct(.95).Round(time.Microsecond*100), pct(.99).Round(time.Microsecond*100), pct(1).Round(time.Microsecond*100))
	fmt.Fprintf(w, "statuses: %v\n", r.byStatus)
}
