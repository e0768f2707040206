// Package server is dateline's HTTP face: a JSON API over the store (the
// same queries as the command line, see internal/cli) and a small web UI
// rendered on the server from embedded templates, so one static binary
// serves both with nothing to build or download.
//
// The server is read-only unless Config.AllowIngest is set; writing
// endpoints then need a bearer token whenever the server listens beyond
// loopback. Every error is a JSON object {"error": "..."} whose status comes
// from one table (errors.go).
package server

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"dateline/internal/doc"
	"dateline/internal/store"
)

// Store is what the server needs of a store.
type Store interface {
	Get(ctx context.Context, id string) (*doc.Document, error)
	Search(ctx context.Context, q store.Query) (store.Results, error)
	Entity(ctx context.Context, q store.EntityQuery) (*store.EntityReport, error)
	Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, error)
	Deadlines(ctx context.Context, q store.DeadlineQuery) ([]store.DeadlineHit, error)
	Documents(ctx context.Context, f store.Filter) iter.Seq2[*doc.Document, error]
	Stats(ctx context.Context) (store.Stats, error)
	ContentID(ctx context.Context, h string) (string, error)
	Put(ctx context.Context, batch []store.Entry) ([]store.Result, error)
}

// Analyzer analyses one document in place: the pipeline of internal/pipeline.
type Analyzer interface {
	Process(ctx context.Context, d *doc.Document) error
}

// Config configures a [Server]. Zero durations and sizes take the defaults
// below.
type Config struct {
	Store    Store
	Analyzer Analyzer
	// AllowIngest turns on POST /api/documents.
	AllowIngest bool
	// Token, when set, is the bearer token writing endpoints require.
	// [Serve] refuses to start a writing server on a non-loopback address
	// without one.
	Token string
	// MaxBody caps a request body; DefaultMaxBody when zero.
	MaxBody int64
	// MaxInFlight caps the requests served at once; more wait their turn
	// for up to QueueWait, then get 503. Zero means 4 per CPU: the store's
	// queries are CPU-bound, and SQLite with hundreds of connections at
	// once spends its time on contention rather than answers.
	MaxInFlight int
	QueueWait   time.Duration
	// Now is the clock for "today" (the deadline board); time.Now when nil.
	Now func() time.Time
	Log *slog.Logger
}

// Defaults.
const (
	DefaultMaxBody      = 4 << 20
	defaultReadTimeout  = 15 * time.Second
	defaultWriteTimeout = 60 * time.Second // extraction of a long article
	defaultIdleTimeout  = 120 * time.Second
	headerTimeout       = 5 * time.Second
	shutdownGrace       = 10 * time.Second
	defaultQueueWait    = 10 * time.Second
)

// Server serves the API and the UI. Make one with [New].
type Server struct {
	cfg      Config
	pages    *pages
	mux      *http.ServeMux
	inFlight chan struct{}              // a token per request being served
	types    facetCache[map[string]int] // type facet counts of recent searches
	others   facetCache[pageFacets]     // their entity and month facets
}

// New checks cfg and builds the handlers.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.Analyzer == nil {
		return nil, errors.New("server: no analyzer")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 4 * runtime.GOMAXPROCS(0)
	}
	if cfg.QueueWait <= 0 {
		cfg.QueueWait = defaultQueueWait
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	p, err := loadPages()
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s := &Server{cfg: cfg, pages: p, mux: http.NewServeMux(), inFlight: make(chan struct{}, cfg.MaxInFlight)}
	s.types.key, s.others.key = withoutType, withoutPage
	s.routes()
	return s, nil
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil && v != http.ErrAbortHandler {
			s.cfg.Log.Error("handler panic", "path", r.URL.Path, "panic", v)
			writeError(w, fmt.Errorf("internal error"))
		}
	}()
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	if r.URL.Path != "/healthz" && !strings.HasPrefix(r.URL.Path, "/static/") {
		if err := s.acquire(r.Context()); err != nil {
			if r.Context().Err() == nil {
				w.Header().Set("Retry-After", "1")
				writeError(w, err)
			}
			return
		}
		defer func() { <-s.inFlight }()
	}
	s.mux.ServeHTTP(w, r)
}

// acquire waits for a turn to serve a request: at most QueueWait, and not
// after the client has gone.
func (s *Server) acquire(ctx context.Context) error {
	select {
	case s.inFlight <- struct{}{}:
		return nil
	default:
	}
	t := time.NewTimer(s.cfg.QueueWait)
	defer t.Stop()
	select {
	case s.inFlight <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
}

// IsLoopback reports whether addr (host:port) listens only on the local
// machine. An empty host ("":8080) listens everywhere, so it is not.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CheckExposure refuses a configuration that would let anyone on the network
// write to the store: ingest on a non-loopback address without a token.
func CheckExposure(addr string, allowIngest bool, token string) error {
	if allowIngest && token == "" && !IsLoopback(addr) {
		return fmt.Errorf("server: --allow-ingest on %s (not loopback) needs --token or $DATELINE_TOKEN", addr)
	}
	return nil
}

// Serve listens on addr and serves until ctx is done, then shuts down
// gracefully, letting requests in flight finish for a few seconds. ready,
// when not nil, receives the bound address (useful with port 0).
func (s *Server) Serve(ctx context.Context, addr string, ready func(net.Addr)) error {
	if err := CheckExposure(addr, s.cfg.AllowIngest, s.cfg.Token); err != nil {
		return err
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("server: listen: %w", err)
	}
	hs := &http.Server{
		Handler:           s,
		ReadTimeout:       defaultReadTimeout,
		ReadHeaderTimeout: headerTimeout,
		WriteTimeout:      defaultWriteTimeout,
		IdleTimeout:       defaultIdleTimeout,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
		ErrorLog:          slog.NewLogLogger(s.cfg.Log.Handler(), slog.LevelWarn),
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	return nil
}
