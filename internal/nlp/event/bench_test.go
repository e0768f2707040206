package event_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/deadline"
	"dateline/internal/nlp/event"
)

// benchDocs returns the golden texts with their marked layers, and their
// total size in bytes.
func benchDocs(b *testing.B) ([]*doc.Document, int64) {
	b.Helper()
	t := &testing.T{}
	var docs []*doc.Document
	var n int64
	for _, c := range loadGolden(t) {
		d := chunktest.MustParse(b, c.Marked, c.Date)
		docs = append(docs, d)
		n += int64(len(d.Text))
	}
	return docs, n
}

// BenchmarkEvent measures the event stage (syntax, events and deadlines) on
// the golden sentences and articles, with entities, times and quotes given.
func BenchmarkEvent(b *testing.B) {
	docs, n := benchDocs(b)
	ctx := context.Background()
	chunktest.Bench(b, n, func() {
		for _, d := range docs {
			if err := (event.Stage{}).Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDeadline measures the stand-alone deadline stage (syntax
// included).
func BenchmarkDeadline(b *testing.B) {
	docs, n := benchDocs(b)
	ctx := context.Background()
	chunktest.Bench(b, n, func() {
		for _, d := range docs {
			if err := (deadline.Stage{}).Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// longSentence is a document of one sentence of n clauses without a full
// stop, the shape of a scraped table or a run-on caption.
func longSentence(n int) *doc.Document {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Trump met Putin in Moscow on Friday and said the talks were useful, the meeting %d , ", i)
	}
	d := synthDoc(b.String())
	return d
}

// TestLongSentenceIsLinear guards against rules that scan a whole sentence
// for every trigger: 6000 clauses in one sentence took 17 s before the
// rules looked at bounded windows, and take a fraction of a second now.
func TestLongSentenceIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 500 KB document")
	}
	d := longSentence(6000)
	start := time.Now()
	if err := (event.Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 8*time.Second {
		t.Errorf("%d bytes in one sentence took %v", len(d.Text), el)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkEventLongSentence measures the stage on one very long sentence.
func BenchmarkEventLongSentence(b *testing.B) {
	d := longSentence(1000)
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		if err := (event.Stage{}).Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
