package event_test

import (
	"context"
	"testing"

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
		d := chunktest.MustParse(b, c.marked, c.date)
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
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := (event.Stage{}).Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDeadline measures the stand-alone deadline stage (syntax
// included).
func BenchmarkDeadline(b *testing.B) {
	docs, n := benchDocs(b)
	ctx := context.Background()
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := (deadline.Stage{}).Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
