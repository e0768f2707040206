package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dateline/internal/doc"
	"dateline/internal/nlp"
	"dateline/internal/pipeline"
	"dateline/internal/store"
	"dateline/internal/store/sqlite"
)

// testPipeline builds the analysis pipeline once per test binary: loading
// the NER model is the slow part.
var testPipeline = sync.OnceValues(func() (nlp.Pipeline, error) { return pipeline.New() })

// testNow is the day the test store is seen from: after the March strike
// talks, before the council's April 30 budget deadline.
var testNow = func() time.Time { return time.Date(2025, 4, 20, 12, 0, 0, 0, time.UTC) }

// newTestServer returns a server over a fresh SQLite store holding the
// articles in testdata/articles, ingested through POST /api/documents.
func newTestServer(t testing.TB, mod func(*Config)) (*Server, *sqlite.DB) {
	t.Helper()
	p, err := testPipeline()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg := Config{Store: st, Analyzer: p, AllowIngest: true, Now: testNow}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("testdata/articles/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rec := do(t, srv, "POST", "/api/documents", string(body), nil)
		if rec.Code != http.StatusCreated {
			t.Fatalf("ingest %s: %d %s", f, rec.Code, rec.Body)
		}
	}
	if mod != nil {
		mod(&srv.cfg)
	}
	return srv, st
}

// do sends one request to h and records the answer.
func do(t testing.TB, h http.Handler, method, target, body string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequestWithContext(t.Context(), method, target, r)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// checkErrorBody checks the shape every error answer has.
func checkErrorBody(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("error Content-Type %q, want JSON", ct)
	}
	var e struct {
		Error string `json:"error"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
		t.Errorf("error body %q: want {\"error\": \"...\"} (%v)", rec.Body, err)
	}
}

func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %q: %v", rec.Body, err)
	}
	return v
}

type items[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

type anyMap = map[string]any

func TestAPI(t *testing.T) {
	srv, _ := newTestServer(t, nil)
	tests := []struct {
		name, method, target, body string
		want                       int
		check                      func(t *testing.T, rec *httptest.ResponseRecorder)
	}{
		{name: "healthz", method: "GET", target: "/healthz", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			if m := decode[anyMap](t, rec); m["status"] != "ok" {
				t.Errorf("healthz = %v", m)
			}
		}},
		{name: "stats", method: "GET", target: "/api/stats", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			if m := decode[anyMap](t, rec); m["documents"] != 5.0 {
				t.Errorf("stats documents = %v, want 5", m["documents"])
			}
		}},
		{name: "search", method: "GET", target: "/api/search?q=budget", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			res := decode[items[anyMap]](t, rec)
			if res.Total != 2 || len(res.Items) != 2 {
				t.Fatalf("search budget: total %d, %d items; want 2", res.Total, len(res.Items))
			}
			for _, h := range res.Items {
				if id := h["id"]; id != "council-budget" && id != "budget-passed" {
					t.Errorf("unexpected hit %v", id)
				}
			}
		}},
		{name: "search filters", method: "GET", target: "/api/search?q=talks&source=coastal+herald&from=2025-03-05&to=2025-03-31", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			res := decode[items[anyMap]](t, rec)
			if len(res.Items) != 1 || res.Items[0]["id"] != "lind-moravec-talks" {
				t.Errorf("got %v, want only lind-moravec-talks", res.Items)
			}
		}},
		{name: "search page", method: "GET", target: "/api/search?q=Marlow&limit=2&offset=1", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			res := decode[items[anyMap]](t, rec)
			if len(res.Items) != 2 || res.Total != 5 {
				t.Errorf("page: %d items of %d, want 2 of 5", len(res.Items), res.Total)
			}
		}},
		{name: "search nothing found is an empty list", method: "GET", target: "/api/search?q=zeppelin", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			if !strings.Contains(rec.Body.String(), `"items":[]`) {
				t.Errorf("body %s: want items []", rec.Body)
			}
		}},
		{name: "search without q", method: "GET", target: "/api/search", want: 400},
		{name: "search only excluded words", method: "GET", target: "/api/search?q=-budget", want: 400},
		{name: "search bad from", method: "GET", target: "/api/search?q=budget&from=2025-02-30", want: 400},
		{name: "search bad to", method: "GET", target: "/api/search?q=budget&to=yesterday", want: 400},
		{name: "search limit zero", method: "GET", target: "/api/search?q=budget&limit=0", want: 400},
		{name: "search limit negative", method: "GET", target: "/api/search?q=budget&limit=-1", want: 400},
		{name: "search limit huge", method: "GET", target: "/api/search?q=budget&limit=100000", want: 400},
		{name: "search limit not a number", method: "GET", target: "/api/search?q=budget&limit=ten", want: 400},
		{name: "search offset negative", method: "GET", target: "/api/search?q=budget&offset=-5", want: 400},
		{name: "documents", method: "GET", target: "/api/documents", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			res := decode[items[anyMap]](t, rec)
			if res.Total != 5 || res.Items[0]["id"] != "ferry-service" {
				t.Errorf("documents: total %d, first %v; want 5, newest ferry-service first", res.Total, res.Items[0]["id"])
			}
		}},
		{name: "documents by entity", method: "GET", target: "/api/documents?entity=Okafor", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			if res := decode[items[anyMap]](t, rec); res.Total != 2 {
				t.Errorf("documents mentioning Okafor: %d, want 2", res.Total)
			}
		}},
		{name: "documents bad date", method: "GET", target: "/api/documents?from=03/03/2025", want: 400},
		{name: "document", method: "GET", target: "/api/documents/council-budget", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			d := decode[doc.Document](t, rec)
			if err := d.Validate(); err != nil {
				t.Errorf("stored document invalid: %v", err)
			}
			if d.ID != "council-budget" || len(d.Entities) == 0 || len(d.Quotes) == 0 {
				t.Errorf("document %q: %d entities, %d quotes", d.ID, len(d.Entities), len(d.Quotes))
			}
		}},
		{name: "document unknown", method: "GET", target: "/api/documents/no-such-article", want: 404},
		{name: "entity", method: "GET", target: "/api/entities/Okafor", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			m := decode[anyMap](t, rec)
			if m["name"] != "Grace Okafor" || m["type"] != "PERSON" || m["documents"] != 2.0 {
				t.Errorf("entity Okafor = %v %v in %v documents", m["name"], m["type"], m["documents"])
			}
		}},
		{name: "entity unknown", method: "GET", target: "/api/entities/Nobody%20Atall", want: 404},
		{name: "entity bad limit", method: "GET", target: "/api/entities/Okafor?limit=-2", want: 400},
		{name: "timeline", method: "GET", target: "/api/entities/Tomas%20Lind/timeline", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			tl := decode[struct {
				Events []EventHit `json:"events"`
			}](t, rec)
			if len(tl.Events) == 0 {
				t.Fatal("no events for Tomas Lind")
			}
			for i, ev := range tl.Events {
				if !hasParticipant(ev, "Tomas Lind") {
					t.Errorf("event %s/%s without Tomas Lind: %+v", ev.DocID, ev.ID, ev.Participants)
				}
				if i > 0 && ev.Day < tl.Events[i-1].Day {
					t.Errorf("timeline out of order at %d: %s after %s", i, ev.Day, tl.Events[i-1].Day)
				}
			}
		}},
		{name: "timeline unknown", method: "GET", target: "/api/entities/Nobody/timeline", want: 404},
		{name: "events by type", method: "GET", target: "/api/events?type=MEET", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			res := decode[items[EventHit]](t, rec)
			if len(res.Items) == 0 {
				t.Fatal("no MEET events")
			}
			for _, ev := range res.Items {
				if ev.Type != "MEET" {
					t.Errorf("event type %s in a MEET filter", ev.Type)
				}
			}
		}},
		{name: "events bad date", method: "GET", target: "/api/events?to=2025-4-1", want: 400},
		{name: "quotes by speaker", method: "GET", target: "/api/quotes?speaker=Okafor", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			res := decode[items[anyMap]](t, rec)
			if len(res.Items) == 0 {
				t.Fatal("no quotes by Okafor")
			}
			for _, q := range res.Items {
				if q["speaker"] != "Grace Okafor" {
					t.Errorf("quote by %v in a speaker=Okafor query", q["speaker"])
				}
			}
		}},
		{name: "quotes by words", method: "GET", target: "/api/quotes?about=cranes", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			res := decode[items[anyMap]](t, rec)
			if len(res.Items) != 1 || !strings.Contains(res.Items[0]["text"].(string), "cranes stop") {
				t.Errorf("quotes about cranes: %v", res.Items)
			}
		}},
		{name: "quotes bad date", method: "GET", target: "/api/quotes?from=spring", want: 400},
		{name: "quotes bad offset", method: "GET", target: "/api/quotes?offset=x", want: 400},
		{name: "deadlines pending", method: "GET", target: "/api/deadlines?pending=true&as_of=2025-04-20", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			res := decode[items[anyMap]](t, rec)
			found := false
			for _, d := range res.Items {
				if d["doc"] == "council-budget" && d["day"] == "2025-04-30" {
					found = true
				}
				if day, _ := d["day"].(string); day != "" && day < "2025-04-20" {
					t.Errorf("passed deadline %v listed as pending", d)
				}
			}
			if !found {
				t.Errorf("the council's April 30 deadline is missing: %v", res.Items)
			}
		}},
		{name: "deadlines tracked across articles", method: "GET", target: "/api/deadlines?history=true&as_of=2025-05-10", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			res := decode[items[store.TrackedDeadline]](t, rec)
			if len(res.Items) == 0 {
				t.Fatal("no tracked deadlines")
			}
			for _, d := range res.Items {
				if len(d.History) == 0 || d.State == "" {
					t.Errorf("tracked deadline %d without history or state: %+v", d.ID, d)
				}
			}
		}},
		{name: "deadlines bad history", method: "GET", target: "/api/deadlines?history=maybe", want: 400},
		{name: "deadlines bad pending", method: "GET", target: "/api/deadlines?pending=perhaps", want: 400},
		{name: "deadlines bad as_of", method: "GET", target: "/api/deadlines?as_of=2025-13-01", want: 400},
		{name: "openapi", method: "GET", target: "/api/openapi.json", want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			if m := decode[anyMap](t, rec); m["openapi"] != "3.1.0" {
				t.Errorf("openapi version %v", m["openapi"])
			}
		}},
		{name: "extract", method: "POST", target: "/api/extract", body: `{"id": 7, "date": "2025-08-06", "text": "Mayor Grace Okafor met Tomas Lind in Marlow on Wednesday."}`, want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			d := decode[doc.Document](t, rec)
			if err := d.Validate(); err != nil {
				t.Error(err)
			}
			if d.ID != "7" || len(d.Entities) == 0 || len(d.Times) == 0 {
				t.Errorf("extract: id %q, %d entities, %d times", d.ID, len(d.Entities), len(d.Times))
			}
		}},
		{name: "extract pretty-printed body", method: "POST", target: "/api/extract", body: "{\n  \"text\": \"Lind said on Monday that talks would resume.\"\n}\n", want: 200},
		{name: "extract bad JSON", method: "POST", target: "/api/extract", body: `{"text": "unterminated`, want: 400},
		{name: "extract not an object", method: "POST", target: "/api/extract", body: `["text"]`, want: 400},
		{name: "extract two objects", method: "POST", target: "/api/extract", body: `{"text":"a b"} {"text":"c d"}`, want: 400},
		{name: "extract no text", method: "POST", target: "/api/extract", body: `{"date": "2025-08-06"}`, want: 400},
		{name: "extract blank text", method: "POST", target: "/api/extract", body: `{"text": "   "}`, want: 400},
		{name: "extract text of wrong type", method: "POST", target: "/api/extract", body: `{"text": 12}`, want: 400},
		{name: "extract bad date", method: "POST", target: "/api/extract", body: `{"date": "the 5th of never", "text": "Lind spoke."}`, want: 400},
		{name: "extract empty body", method: "POST", target: "/api/extract", want: 400},
		{name: "extract huge body", method: "POST", target: "/api/extract", body: `{"text": "` + strings.Repeat("word ", DefaultMaxBody/5+10) + `"}`, want: 413},
		{name: "extract with GET", method: "GET", target: "/api/extract", want: 405},
		{name: "search with POST", method: "POST", target: "/api/search?q=x", want: 405},
		{name: "documents with DELETE", method: "DELETE", target: "/api/documents", want: 405},
		{name: "unknown endpoint", method: "GET", target: "/api/nothing/here", want: 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, srv, tt.method, tt.target, tt.body, nil)
			if rec.Code != tt.want {
				t.Fatalf("%s %s: status %d, want %d; body %s", tt.method, tt.target, rec.Code, tt.want, cut(rec.Body.String(), 300))
			}
			if rec.Code >= 400 {
				checkErrorBody(t, rec)
			}
			if tt.check != nil {
				tt.check(t, rec)
			}
		})
	}
	// After all the bad input the server still answers.
	if rec := do(t, srv, "GET", "/healthz", "", nil); rec.Code != 200 {
		t.Errorf("healthz after bad input: %d", rec.Code)
	}
}

func hasParticipant(ev EventHit, name string) bool {
	for _, p := range ev.Participants {
		if p.Name == name {
			return true
		}
	}
	return false
}

func cut(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

func TestIngestAuth(t *testing.T) {
	article := `{"id": "late-news", "date": "2025-05-05", "text": "Agnes Moravec said on Monday the ferry crews had agreed terms with Halden Shipping."}`
	tests := []struct {
		name        string
		allow       bool
		token       string
		auth        string
		body        string
		want        int
		wantStatus  string
		sendTwiceOK bool
	}{
		{name: "disabled", allow: false, body: article, want: 403},
		{name: "no token configured", allow: true, body: article, want: 201, wantStatus: "added"},
		{name: "token missing", allow: true, token: "s3cret", body: article, want: 401},
		{name: "token wrong", allow: true, token: "s3cret", auth: "Bearer guess", body: article, want: 401},
		{name: "token not bearer", allow: true, token: "s3cret", auth: "Basic s3cret", body: article, want: 401},
		{name: "token right", allow: true, token: "s3cret", auth: "Bearer s3cret", body: article, want: 201, wantStatus: "added"},
		{name: "duplicate text", allow: true, body: `{"id": "copy", "text": "Halden Shipping chief executive Tomas Lind met union leader Agnes Moravec in Marlow on Friday, hours before a strike deadline set by the dockers' union expired.\n\n\"We had a frank conversation and we will meet again next week,\" Lind said after the three-hour meeting. Moravec said the union would hold off on the strike while the talks continued.\n\nThe port handles a fifth of the region's container traffic."}`, want: 200, wantStatus: "duplicate"},
		{name: "bad body", allow: true, body: `{"text": }`, want: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, st := newTestServer(t, func(c *Config) { c.AllowIngest, c.Token = tt.allow, tt.token })
			h := map[string]string{}
			if tt.auth != "" {
				h["Authorization"] = tt.auth
			}
			rec := do(t, srv, "POST", "/api/documents", tt.body, h)
			if rec.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.want, rec.Body)
			}
			if rec.Code >= 400 {
				checkErrorBody(t, rec)
				stats, err := st.Stats(t.Context())
				if err != nil || stats.Documents != 5 {
					t.Errorf("refused ingest changed the store: %d documents (%v)", stats.Documents, err)
				}
				return
			}
			if r := decode[ingestResult](t, rec); string(r.Status) != tt.wantStatus {
				t.Errorf("status %q, want %q", r.Status, tt.wantStatus)
			}
		})
	}
}

func TestCheckExposure(t *testing.T) {
	tests := []struct {
		addr   string
		ingest bool
		token  string
		ok     bool
	}{
		{"127.0.0.1:8080", true, "", true},
		{"localhost:8080", true, "", true},
		{"[::1]:8080", true, "", true},
		{"0.0.0.0:8080", false, "", true}, // read-only may listen anywhere
		{"0.0.0.0:8080", true, "", false},
		{":8080", true, "", false},
		{"192.168.1.5:8080", true, "", false},
		{"192.168.1.5:8080", true, "tok", true},
		{"not an address", true, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if err := CheckExposure(tt.addr, tt.ingest, tt.token); (err == nil) != tt.ok {
				t.Errorf("CheckExposure(%q, %v, %q) = %v, want ok=%v", tt.addr, tt.ingest, tt.token, err, tt.ok)
			}
		})
	}
}

func TestStatusTable(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{errBadRequest, 400},
		{errTooLarge, 413},
		{context.DeadlineExceeded, 503},
		{io.ErrUnexpectedEOF, 500},
	}
	for _, tt := range tests {
		t.Run(tt.err.Error(), func(t *testing.T) {
			if got := statusOf(tt.err); got != tt.want {
				t.Errorf("statusOf(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
	rec := httptest.NewRecorder()
	writeError(rec, io.ErrUnexpectedEOF)
	if strings.Contains(rec.Body.String(), "EOF") {
		t.Errorf("a server error leaked its cause: %s", rec.Body)
	}
}

func TestUIPages(t *testing.T) {
	srv, _ := newTestServer(t, nil)
	tests := []struct {
		name, target string
		want         int
		contains     []string
	}{
		{"home", "/", 200, []string{"Latest articles", "Port workers give Halden Shipping", "Running deadlines", "approve a revised budget"}},
		{"search", "/search?q=budget", 200, []string{"1–2 of 2 articles", `class="hit"`, "People"}},
		{"search facet", "/search?q=Marlow&type=PERSON", 200, []string{"aria-current"}},
		{"search bad date", "/search?q=x&from=nope", 400, []string{"want YYYY-MM-DD"}},
		{"article", "/articles/council-budget", 200, []string{`class="ent ent-person"`, `href="/entities/Grace%20Okafor?type=PERSON"`, `class="tx"`, `class="quote"`, "PERSON · Grace Okafor"}},
		{"article unknown", "/articles/nope", 404, []string{"404"}},
		{"entity", "/entities/Tomas%20Lind?type=PERSON", 200, []string{"Tomas Lind", "Names and titles over time", "chief executive", "Timeline", "Quotes by Tomas Lind", "<svg"}},
		{"entity unknown", "/entities/Nobody", 404, []string{"not found"}},
		{"quotes", "/quotes?speaker=Moravec", 200, []string{"the union would hold off on the strike"}},
		{"quotes form", "/quotes", 200, []string{"Find quotes"}},
		{"deadlines", "/deadlines", 200, []string{"Deadline board", "Pending", "approve a revised budget", "Missed or lapsed", "Met"}},
		{"deadlines bad day", "/deadlines?as_of=tomorrow", 400, nil},
		{"static css", "/static/style.css", 200, []string{"--accent"}},
		{"unknown page", "/no/such/page", 404, []string{"404"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, srv, "GET", tt.target, "", nil)
			if rec.Code != tt.want {
				t.Fatalf("GET %s: %d, want %d: %s", tt.target, rec.Code, tt.want, cut(rec.Body.String(), 400))
			}
			for _, s := range tt.contains {
				if !strings.Contains(rec.Body.String(), s) {
					t.Errorf("GET %s: no %q in page", tt.target, s)
				}
			}
		})
	}
}

// TestServeShutdown runs the real listener: bad requests do not bring it
// down, and cancelling the context shuts it down cleanly.
func TestServeShutdown(t *testing.T) {
	srv, _ := newTestServer(t, nil)
	ctx, cancel := context.WithCancel(t.Context())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, "127.0.0.1:0", func(a net.Addr) { addrc <- a.String() }) }()
	base := "http://" + <-addrc
	for _, bad := range []string{`{`, `[]`, strings.Repeat("x", DefaultMaxBody+1)} {
		resp, err := http.Post(base+"/api/extract", "application/json", bytes.NewBufferString(bad))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode < 400 || resp.StatusCode >= 500 {
			t.Errorf("bad body of %d bytes: status %d, want 4xx", len(bad), resp.StatusCode)
		}
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz after bad requests: %v %v", resp, err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after cancel: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("Serve did not shut down")
	}
}

// TestBoardWithoutTracking checks the deadline board over a store without
// the cross-document layer: each article's deadlines, expired once past.
func TestBoardWithoutTracking(t *testing.T) {
	srv, st := newTestServer(t, nil)
	srv.cfg.Store = struct{ Store }{st} // hides TrackedDeadlines
	tests := []struct {
		asOf string
		want []string
	}{
		{"2025-04-20", []string{"Pending", "approve a revised budget", "until April 30"}},
		{"2025-05-10", []string{"Passed with no outcome reported", "approve a revised budget"}},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			rec := do(t, srv, "GET", "/deadlines?as_of="+tt.asOf, "", nil)
			if rec.Code != 200 {
				t.Fatalf("status %d", rec.Code)
			}
			for _, w := range tt.want {
				if !strings.Contains(rec.Body.String(), w) {
					t.Errorf("as of %s: no %q on the board", tt.asOf, w)
				}
			}
		})
	}
	if rec := do(t, srv, "GET", "/api/deadlines?history=1", "", nil); rec.Code != http.StatusNotImplemented {
		t.Errorf("history without tracking: %d, want 501", rec.Code)
	}
}

// TestOpenAPIRoutes checks that every path and method the OpenAPI
// description documents is routed (answers with something other than the
// no-such-endpoint 404 or a 405).
func TestOpenAPIRoutes(t *testing.T) {
	srv, _ := newTestServer(t, func(c *Config) { c.AllowIngest = false })
	var spec struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &spec); err != nil {
		t.Fatal(err)
	}
	fill := strings.NewReplacer("{id}", "council-budget", "{name}", "Okafor")
	for path, ops := range spec.Paths {
		for method := range ops {
			t.Run(method+" "+path, func(t *testing.T) {
				rec := do(t, srv, strings.ToUpper(method), fill.Replace(path)+"?q=budget", `{"text":"Okafor spoke on Monday."}`, nil)
				if rec.Code == http.StatusMethodNotAllowed || strings.Contains(rec.Body.String(), "no such endpoint") {
					t.Errorf("documented but not routed: %d %s", rec.Code, rec.Body)
				}
			})
		}
	}
}
