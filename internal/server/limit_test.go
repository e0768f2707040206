package server

import (
	"context"
	"net/http"
	"testing"
	"time"

	"dateline/internal/store"
)

// blockingStore answers searches only when release is closed.
type blockingStore struct {
	Store   // other methods are not called
	entered chan struct{}
	release chan struct{}
}

func (b *blockingStore) Search(ctx context.Context, q store.Query) (store.Results, error) {
	b.entered <- struct{}{}
	select {
	case <-b.release:
		return store.Results{}, nil
	case <-ctx.Done():
		return store.Results{}, ctx.Err()
	}
}

// TestBusy checks that requests beyond MaxInFlight wait, and get a JSON 503
// when their wait runs out, while /healthz still answers.
func TestBusy(t *testing.T) {
	st := &blockingStore{entered: make(chan struct{}, 1), release: make(chan struct{})}
	srv, err := New(Config{Store: st, Analyzer: nopAnalyzer{}, MaxInFlight: 1, QueueWait: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	first := make(chan int, 1)
	go func() { first <- do(t, srv, "GET", "/api/search?q=a", "", nil).Code }()
	<-st.entered // the first request holds the only slot

	rec := do(t, srv, "GET", "/api/search?q=b", "", nil)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("second request: %d (Retry-After %q), want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	checkErrorBody(t, rec)
	if rec := do(t, srv, "GET", "/healthz", "", nil); rec.Code != http.StatusOK {
		t.Errorf("healthz while busy: %d", rec.Code)
	}
	close(st.release)
	if code := <-first; code != http.StatusOK {
		t.Errorf("first request: %d", code)
	}
}
