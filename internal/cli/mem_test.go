package cli

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp"
)

// docFeed generates n JSONL documents on the fly.
type docFeed struct {
	n, i int
	buf  []byte
}

func (f *docFeed) Read(p []byte) (int, error) {
	for len(f.buf) == 0 {
		if f.i == f.n {
			return 0, io.EOF
		}
		f.i++
		f.buf = fmt.Appendf(f.buf[:0], `{"id":"d%d","text":"Officials met in Oslo on Tuesday, the %dth meeting this year."}`+"\n", f.i, f.i)
	}
	n := copy(p, f.buf)
	f.buf = f.buf[n:]
	return n, nil
}

// heapProbe records the live heap when it sees chosen documents.
type heapProbe struct {
	mu    sync.Mutex
	at    map[string]bool
	heaps []uint64
}

func (h *heapProbe) Process(_ context.Context, d *doc.Document) error {
	if !h.at[d.ID] {
		return nil
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.mu.Lock()
	h.heaps = append(h.heaps, m.HeapInuse)
	h.mu.Unlock()
	return nil
}

// TestExtractMemoryFlat runs extract over many documents and checks that the
// live heap does not grow with their number: documents in flight are bounded
// and nothing is kept after a document is written.
func TestExtractMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 100k documents")
	}
	const n = 100_000
	probe := &heapProbe{at: map[string]bool{"d10000": true, "d100000": true}}
	env := Env{Stdin: &docFeed{n: n}, Stdout: io.Discard, Stderr: io.Discard}
	cfg := extractConfig{workers: 4}
	if err := extract(context.Background(), env, cfg, nlp.Pipeline{{Name: "probe", Stage: probe}}, []string{"-"}); err != nil {
		t.Fatal(err)
	}
	if len(probe.heaps) != 2 {
		t.Fatalf("probed %d times, want 2", len(probe.heaps))
	}
	early, late := probe.heaps[0], probe.heaps[1]
	t.Logf("live heap at document 10000: %d KB; at %d: %d KB", early>>10, n, late>>10)
	if late > early+2<<20 {
		t.Errorf("live heap grew from %d KB to %d KB", early>>10, late>>10)
	}
}
