package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"dateline/internal/doc"
	"dateline/internal/read"
	"dateline/internal/store"
)

//go:embed openapi.json
var openAPI []byte

// maxLimit caps a page: a client wanting everything uses the export command.
const maxLimit = 200

// apiFunc is a handler that returns its error for writeError.
type apiFunc func(w http.ResponseWriter, r *http.Request) error

// api adapts an apiFunc to http.HandlerFunc.
func (s *Server) api(fn apiFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			if r.Context().Err() != nil {
				return // the client went away; nobody to answer
			}
			if statusOf(err) >= 500 {
				s.cfg.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			}
			writeError(w, err)
		}
	}
}

// routes registers every endpoint. Each API path is registered twice: with
// its method, and bare so that other methods get a JSON 405 instead of the
// mux's plain-text one.
func (s *Server) routes() {
	handle := func(method, path string, fn apiFunc) {
		s.mux.HandleFunc(method+" "+path, s.api(fn))
		s.mux.HandleFunc(path, s.api(func(http.ResponseWriter, *http.Request) error {
			return fmt.Errorf("%w: %s %s", errMethod, method, path)
		}))
	}
	handle("GET", "/healthz", s.healthz)
	handle("GET", "/api/openapi.json", func(w http.ResponseWriter, _ *http.Request) error {
		w.Header().Set("Content-Type", "application/json")
		_, err := w.Write(openAPI)
		return err
	})
	handle("GET", "/api/stats", s.apiStats)
	handle("GET", "/api/search", s.apiSearch)
	handle("GET", "/api/documents/{id}", s.apiDocument)
	s.mux.HandleFunc("GET /api/documents", s.api(s.apiDocuments))
	s.mux.HandleFunc("POST /api/documents", s.api(s.apiIngest))
	s.mux.HandleFunc("/api/documents", s.api(func(http.ResponseWriter, *http.Request) error {
		return fmt.Errorf("%w: GET or POST /api/documents", errMethod)
	}))
	handle("GET", "/api/entities/{name}", s.apiEntity)
	handle("GET", "/api/entities/{name}/timeline", s.apiTimeline)
	handle("GET", "/api/events", s.apiEvents)
	handle("GET", "/api/quotes", s.apiQuotes)
	handle("GET", "/api/deadlines", s.apiDeadlines)
	handle("POST", "/api/extract", s.apiExtract)
	s.mux.HandleFunc("/api/", s.api(func(_ http.ResponseWriter, r *http.Request) error {
		return fmt.Errorf("%w: %s", errNoRoute, r.URL.Path)
	}))
	s.uiRoutes()
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// params reads query parameters, remembering the first malformed one.
type params struct {
	r   *http.Request
	err error
}

func (p *params) str(name string) string { return strings.TrimSpace(p.r.URL.Query().Get(name)) }

// day reads a YYYY-MM-DD parameter.
func (p *params) day(name string) string {
	v := p.str(name)
	if err := store.CheckDay(name, v); err != nil && p.err == nil {
		p.err = err
	}
	return v
}

// int reads a non-negative integer no larger than max; def when absent.
func (p *params) int(name string, def, max int) int {
	v := p.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if (err != nil || n < 0 || n > max) && p.err == nil {
		p.err = fmt.Errorf("%w: %s must be a whole number from 0 to %d, not %q", errBadRequest, name, max, v)
	}
	return n
}

// limit reads the page size: 1 to maxLimit.
func (p *params) limit(def int) int {
	n := p.int("limit", def, maxLimit)
	if n == 0 && p.err == nil {
		p.err = fmt.Errorf("%w: limit must be at least 1", errBadRequest)
	}
	return n
}

func (p *params) bool(name string) bool {
	switch v := p.str(name); v {
	case "", "0", "false", "no":
		return false
	case "1", "true", "yes", "on":
		return true
	default:
		if p.err == nil {
			p.err = fmt.Errorf("%w: %s must be true or false, not %q", errBadRequest, name, v)
		}
		return false
	}
}

// filter reads the document filters search and documents share, named as
// the command line's flags.
func (p *params) filter() store.Filter {
	return store.Filter{
		Entity: p.str("entity"),
		Type:   strings.ToUpper(p.str("type")),
		From:   p.day("from"),
		To:     p.day("to"),
		Source: p.str("source"),
	}
}

// searchQuery reads a search: q plus filters and a page.
func searchQuery(r *http.Request) (store.Query, error) {
	p := params{r: r}
	q := store.Query{Text: p.str("q"), Filter: p.filter()}
	q.Limit = p.limit(store.DefaultLimit)
	q.Offset = p.int("offset", 0, 1_000_000)
	return q, p.err
}

// page is a JSON page of items with the request's paging.
type page[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total,omitempty"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	q, err := searchQuery(r)
	if err != nil {
		return err
	}
	if q.Text == "" {
		return fmt.Errorf("%w: q is required (use /api/documents to list)", errBadRequest)
	}
	res, err := s.cfg.Store.Search(r.Context(), q)
	if err != nil {
		return err // the store's error names the operation
	}
	writeJSON(w, http.StatusOK, page[store.Hit]{Items: nonNil(res.Hits), Total: res.Total, Limit: q.Limit, Offset: q.Offset})
	return nil
}

// apiDocuments lists stored documents, newest first, with the search filters.
func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) error {
	q, err := searchQuery(r)
	if err != nil {
		return err
	}
	q.Text = ""
	res, err := s.cfg.Store.Search(r.Context(), q)
	if err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	writeJSON(w, http.StatusOK, page[store.Hit]{Items: nonNil(res.Hits), Total: res.Total, Limit: q.Limit, Offset: q.Offset})
	return nil
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.cfg.Store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		return err // the store names the id
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

func entityQuery(r *http.Request) (store.EntityQuery, error) {
	p := params{r: r}
	q := store.EntityQuery{Name: strings.TrimSpace(r.PathValue("name")), Type: strings.ToUpper(p.str("type"))}
	q.Limit = p.limit(store.DefaultLimit)
	if q.Name == "" && p.err == nil {
		p.err = fmt.Errorf("%w: empty entity name", errBadRequest)
	}
	return q, p.err
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) error {
	q, err := entityQuery(r)
	if err != nil {
		return err
	}
	rep, err := s.cfg.Store.Entity(r.Context(), q)
	if err != nil {
		return fmt.Errorf("entity %q: %w", q.Name, err)
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) error {
	q, err := entityQuery(r)
	if err != nil {
		return err
	}
	rep, err := s.cfg.Store.Entity(r.Context(), q)
	if err != nil {
		return fmt.Errorf("entity %q: %w", q.Name, err)
	}
	evs, err := s.events(r.Context(), eventQuery{Filter: store.Filter{Entity: rep.Name}, Entity: rep.EntityRef, Limit: q.Limit})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"entity": rep.EntityRef, "events": nonNil(evs)})
	return nil
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) error {
	p := params{r: r}
	q := eventQuery{Filter: p.filter(), Limit: p.limit(50)}
	q.Type = q.Filter.Type
	if p.err != nil {
		return p.err
	}
	evs, err := s.events(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page[EventHit]{Items: nonNil(evs), Limit: q.Limit})
	return nil
}

func quoteQuery(r *http.Request) (store.QuoteQuery, error) {
	p := params{r: r}
	q := store.QuoteQuery{Speaker: p.str("speaker"), About: p.str("about"), From: p.day("from"), To: p.day("to")}
	q.Limit = p.limit(store.DefaultLimit)
	q.Offset = p.int("offset", 0, 1_000_000)
	return q, p.err
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) error {
	q, err := quoteQuery(r)
	if err != nil {
		return err
	}
	hits, err := s.cfg.Store.Quotes(r.Context(), q)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	writeJSON(w, http.StatusOK, page[store.QuoteHit]{Items: nonNil(hits), Limit: q.Limit, Offset: q.Offset})
	return nil
}

func deadlineQuery(r *http.Request) (store.DeadlineQuery, error) {
	p := params{r: r}
	q := store.DeadlineQuery{Pending: p.bool("pending"), AsOf: p.day("as_of")}
	q.Limit = p.limit(50)
	return q, p.err
}

func (s *Server) apiDeadlines(w http.ResponseWriter, r *http.Request) error {
	q, err := deadlineQuery(r)
	if err != nil {
		return err
	}
	p := params{r: r}
	if history := p.bool("history"); p.err != nil {
		return p.err
	} else if history { // as 'dateline deadlines --history'
		td, ok := s.cfg.Store.(trackedDeadlines)
		if !ok {
			return fmt.Errorf("%w: this store does not track deadlines across articles", errNotImplemented)
		}
		tds, err := td.TrackedDeadlines(r.Context(), q)
		if err != nil {
			return fmt.Errorf("tracked deadlines: %w", err)
		}
		writeJSON(w, http.StatusOK, page[store.TrackedDeadline]{Items: nonNil(tds), Limit: q.Limit})
		return nil
	}
	hits, err := s.cfg.Store.Deadlines(r.Context(), q)
	if err != nil {
		return fmt.Errorf("deadlines: %w", err)
	}
	writeJSON(w, http.StatusOK, page[store.DeadlineHit]{Items: nonNil(hits), Limit: q.Limit})
	return nil
}

// readDocument reads one input document from the body: a JSON object as one
// line of the JSONL input format (docs/format.md; only "text" is required),
// checked by the same reader as the command line. Layers in the body are
// ignored: the server analyses the text itself.
func (s *Server) readDocument(w http.ResponseWriter, r *http.Request) (*doc.Document, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, fmt.Errorf("%w: limit %d bytes", errTooLarge, tooLarge.Limit)
	case err != nil:
		return nil, fmt.Errorf("%w: reading body: %v", errBadRequest, err)
	}
	var line bytes.Buffer
	if err := json.Compact(&line, body); err != nil { // one object, one line
		return nil, fmt.Errorf("%w: body is not JSON: %v", errBadRequest, err)
	}
	for it := range read.Stream(r.Context(), "body", &line, read.Options{Format: read.JSONL, MaxDocBytes: int(s.cfg.MaxBody)}) {
		if it.Err != nil {
			var re *read.Error
			if errors.As(it.Err, &re) {
				return nil, fmt.Errorf("%w: %v", errBadRequest, re.Err)
			}
			return nil, fmt.Errorf("%w: %v", errBadRequest, it.Err)
		}
		if it.Warn != nil {
			return nil, fmt.Errorf("%w: %v", errBadRequest, it.Warn)
		}
		return it.Doc, nil
	}
	return nil, fmt.Errorf("%w: empty body", errBadRequest)
}

// analyse runs the pipeline on d and checks its output; a failing or
// panicking stage is the document's fault, not the server's.
func (s *Server) analyse(ctx context.Context, d *doc.Document) (err error) {
	defer func() {
		if v := recover(); v != nil {
			s.cfg.Log.Error("analysis panic", "doc", d.ID, "panic", v)
			err = fmt.Errorf("%w: internal analysis error", errUnprocessed)
		}
	}()
	if err := s.cfg.Analyzer.Process(ctx, d); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w: %v", errUnprocessed, err)
	}
	if err := d.Validate(); err != nil {
		return fmt.Errorf("%w: invalid output: %v", errUnprocessed, err)
	}
	return nil
}

// apiExtract analyses one posted document without storing it.
func (s *Server) apiExtract(w http.ResponseWriter, r *http.Request) error {
	d, err := s.readDocument(w, r)
	if err != nil {
		return err
	}
	if err := s.analyse(r.Context(), d); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

// authorize lets a writing request through: ingest must be on, and the
// bearer token must match when one is configured.
func (s *Server) authorize(r *http.Request) error {
	if !s.cfg.AllowIngest {
		return errForbidden
	}
	if s.cfg.Token == "" {
		return nil
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) != 1 {
		return errUnauthorized
	}
	return nil
}

// ingestResult is the answer to POST /api/documents.
type ingestResult struct {
	Status store.Status `json:"status"`
	ID     string       `json:"id"`
}

// apiIngest analyses and stores one posted document, like 'dateline ingest'.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	d, err := s.readDocument(w, r)
	if err != nil {
		return err
	}
	h := store.Hash(d.Text)
	if _, err := s.cfg.Store.ContentID(r.Context(), h); err == nil {
		d.Tokens = nil // stored already: Put logs the duplicate
	} else if !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("ingest: %w", err)
	} else if err := s.analyse(r.Context(), d); err != nil {
		return err
	}
	res, err := s.cfg.Store.Put(r.Context(), []store.Entry{{Input: "api:" + d.ID, Doc: d, Hash: h}})
	s.types.reset() // even on error: part of a batch may be stored
	s.others.reset()
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if len(res) != 1 {
		return fmt.Errorf("ingest: store returned %d results for 1 entry", len(res))
	}
	status := http.StatusOK
	if res[0].Status == store.Added {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/documents/"+res[0].ID)
	}
	writeJSON(w, status, ingestResult{Status: res[0].Status, ID: res[0].ID})
	return nil
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
