package read

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// newsServer serves the web fixtures and a few awkward responses, recording
// the User-Agent and the most requests it saw in flight at once.
type newsServer struct {
	*httptest.Server
	inFlight, peak atomic.Int32
	mu             sync.Mutex
	agents         map[string]bool
}

func startNewsServer(t *testing.T, delay time.Duration) *newsServer {
	t.Helper()
	s := &newsServer{agents: map[string]bool{}}
	mux := http.NewServeMux()
	serve := func(path, ctype string, body []byte) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			n := s.inFlight.Add(1)
			defer s.inFlight.Add(-1)
			for p := s.peak.Load(); n > p && !s.peak.CompareAndSwap(p, n); p = s.peak.Load() {
			}
			s.mu.Lock()
			s.agents[r.UserAgent()] = true
			s.mu.Unlock()
			time.Sleep(delay)
			w.Header().Set("Content-Type", ctype)
			w.Write(body)
		})
	}
	serve("/harbour", "text/html; charset=utf-8", readFixture(t, "harbour.html"))
	serve("/council", "text/html", readFixture(t, "council.htm"))
	serve("/wire", "application/rss+xml", readFixture(t, "wire.rss"))
	serve("/feed-as-xml", "text/xml", readFixture(t, "science.atom"))
	serve("/huge", "text/html", []byte("<html><body><p>"+strings.Repeat("word ", 1<<16)+"</p></body></html>"))
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/council", http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example/x", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func readAll(t *testing.T, paths []string, opts Options) []Item {
	t.Helper()
	var items []Item
	for it := range All(context.Background(), paths, nil, opts) {
		items = append(items, it)
	}
	return items
}

func TestURLs(t *testing.T) {
	s := startNewsServer(t, 0)
	fetcher := NewFetcher(FetchConfig{Timeout: 500 * time.Millisecond, MaxBytes: 64 << 10})
	tests := []struct {
		name    string
		path    string
		docs    []string // titles
		wantErr string
	}{
		{"page", "/harbour", []string{"Port strike ends after nine days"}, ""},
		{"redirect", "/moved", []string{"Council delays vote on tram extension"}, ""},
		{"rss by media type", "/wire", []string{"Flood barriers raised as river nears record", "Rail line reopens after landslide"}, ""},
		{"atom by content", "/feed-as-xml", []string{"Telescope survey finds twelve new comets", "Grant cuts threaten ocean buoys"}, ""},
		{"not found", "/nowhere", nil, "404"},
		{"too large", "/huge", nil, "larger than the size cap"},
		{"timeout", "/slow", nil, "Timeout"},
		{"redirect to ftp", "/to-ftp", nil, "only http and https"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := s.URL + tt.path
			items := readAll(t, []string{u}, Options{Fetcher: fetcher})
			var titles []string
			for _, it := range items {
				if it.Err != nil {
					var re *Error
					if tt.wantErr == "" || !strings.Contains(it.Err.Error(), tt.wantErr) || !errors.As(it.Err, &re) || re.Path != u {
						t.Errorf("error %v, want a *read.Error for %s holding %q", it.Err, u, tt.wantErr)
					}
					continue
				}
				titles = append(titles, it.Doc.Title)
				if err := it.Doc.Validate(); err != nil {
					t.Error(err)
				}
			}
			if strings.Join(titles, "|") != strings.Join(tt.docs, "|") {
				t.Errorf("titles %q, want %q", titles, tt.docs)
			}
			if tt.wantErr != "" && len(items) != 1 {
				t.Errorf("got %d items, want one error", len(items))
			}
		})
	}
	t.Run("other schemes refused", func(t *testing.T) {
		items := readAll(t, []string{"ftp://files.example/a.html", "file:///etc/passwd"}, Options{Fetcher: fetcher})
		if len(items) != 2 {
			t.Fatalf("got %d items, want 2", len(items))
		}
		for _, it := range items {
			if !errors.Is(it.Err, ErrScheme) {
				t.Errorf("got %v, want ErrScheme", it.Err)
			}
		}
	})
	if !s.agents[UserAgent] || len(s.agents) != 1 {
		t.Errorf("user agents seen %v, want only %q", s.agents, UserAgent)
	}
}

func TestURLsPolite(t *testing.T) {
	s := startNewsServer(t, 50*time.Millisecond)
	var paths []string
	for range 6 {
		paths = append(paths, s.URL+"/harbour", s.URL+"/council")
	}
	start := time.Now()
	items := readAll(t, paths, Options{Fetcher: NewFetcher(FetchConfig{})})
	if len(items) != len(paths) {
		t.Fatalf("got %d items, want %d", len(items), len(paths))
	}
	for i, it := range items {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		if it.Path != paths[i] {
			t.Errorf("item %d from %s, want input order (%s)", i, it.Path, paths[i])
		}
	}
	if p := s.peak.Load(); p != DefaultPerHost {
		t.Errorf("peak %d requests in flight to one host, want %d", p, DefaultPerHost)
	}
	// 12 requests of 50ms two at a time: about 300ms, not 600ms serially.
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("fetching took %v", d)
	}
}

func TestFeedFetchItems(t *testing.T) {
	s := startNewsServer(t, 0)
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>
<item><title>Strike over</title><link>` + s.URL + `/harbour</link><pubDate>Fri, 14 Mar 2025 09:00:00 +0100</pubDate>
<description>Dock workers are back at work.</description></item>
<item><title>Gone</title><link>` + s.URL + `/nowhere</link><description>Teaser.</description></item>
</channel></rss>`
	opts := Options{Fetcher: NewFetcher(FetchConfig{}), FetchItems: true}
	items := streamAll(t, "teasers.rss", []byte(feed), opts)
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	d := items[0].Doc
	if d == nil || !strings.Contains(d.Text, "Dock workers in Haldeport returned") || d.Source != "The Coastal Ledger" || d.URL != s.URL+"/harbour" {
		t.Errorf("first item not replaced by its page: %+v", items[0])
	}
	if items[1].Err == nil || !strings.Contains(items[1].Err.Error(), "teasers.rss:2") {
		t.Errorf("second item: %v, want an error naming item 2", items[1].Err)
	}
	// Without FetchItems the teaser is the text.
	items = streamAll(t, "teasers.rss", []byte(feed), Options{})
	if items[0].Doc == nil || items[0].Doc.Text != "Dock workers are back at work." {
		t.Errorf("without fetching: %+v", items[0])
	}
}

func TestIsURL(t *testing.T) {
	for in, want := range map[string]bool{
		"https://a.example/x": true, "http://a": true, "ftp://x": true, "svn+ssh://x": true,
		"corpus/a.html": false, "-": false, "://x": false, "a b://x": false, "C:\\x": false,
	} {
		if got := isURL(in); got != want {
			t.Errorf("isURL(%q) = %v, want %v", in, got, want)
		}
	}
}
