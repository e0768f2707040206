package read

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"testing"
)

// totalAlloc returns the bytes allocated on the heap so far.
func totalAlloc() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// heapInUse returns the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// feed generates n JSONL documents on the fly, so the test input itself
// takes no memory.
type feed struct {
	n, i int
	buf  []byte
}

func (f *feed) Read(p []byte) (int, error) {
	for len(f.buf) == 0 {
		if f.i == f.n {
			return 0, io.EOF
		}
		f.i++
		f.buf = fmt.Appendf(f.buf[:0], `{"id":"doc-%d","date":"2025-08-06","title":"Talks, day %d","text":"Envoys met in Geneva on Wednesday for the %dth round of talks. \"We made progress,\" one said."}`+"\n", f.i, f.i, f.i)
	}
	n := copy(p, f.buf)
	f.buf = f.buf[n:]
	return n, nil
}

// TestMemoryFlat reads many documents and checks that the live heap does not
// grow with their number: the reader keeps nothing of a document it yielded.
func TestMemoryFlat(t *testing.T) {
	const n = 200_000
	var early, late uint64
	i := 0
	for it := range Stream(context.Background(), "feed.jsonl", &feed{n: n}, Options{}) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		i++
		switch i {
		case n / 10:
			early = heapInUse()
		case n:
			late = heapInUse()
		}
	}
	if i != n {
		t.Fatalf("read %d documents, want %d", i, n)
	}
	t.Logf("live heap after %d docs: %d KB; after %d: %d KB", n/10, early>>10, n, late>>10)
	if late > early+1<<20 {
		t.Errorf("live heap grew from %d KB to %d KB over %d documents", early>>10, late>>10, n-n/10)
	}
}
