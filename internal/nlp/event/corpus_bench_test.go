package event_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk"
	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/event"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// corpusDocs reads the analysed documents of $DATELINE_BENCH_DOCS (JSONL as
// `dateline extract` writes it: text with entities, times and quotes),
// tokenised and split again, and their total text size; it skips when the
// variable is unset. The golden texts of BenchmarkEvent are a few dense
// sentences each; real articles are longer and sparser, and their cost is
// mostly the syntax, not the events.
func corpusDocs(b *testing.B) ([]*doc.Document, int64) {
	b.Helper()
	path := os.Getenv("DATELINE_BENCH_DOCS")
	if path == "" {
		b.Skip("DATELINE_BENCH_DOCS is not set (a JSONL file of `dateline extract` output)")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []*doc.Document
	var n int64
	for dec := json.NewDecoder(f); dec.More(); {
		d := new(doc.Document)
		if err := dec.Decode(d); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		d.Events, d.Deadlines = nil, nil
		d.Tokens = token.Tokenize(d.Text, nil)
		if err := (sentence.Stage{}).Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		n += int64(len(d.Text))
	}
	return docs, n
}

// BenchmarkEventCorpus measures the event stage (syntax, events and
// deadlines) on the documents of $DATELINE_BENCH_DOCS.
func BenchmarkEventCorpus(b *testing.B) {
	docs, n := corpusDocs(b)
	ctx := context.Background()
	chunktest.Bench(b, n, func() {
		for _, d := range docs {
			if err := (event.Stage{}).Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAnalyzeCorpus measures the syntax alone on the same documents.
func BenchmarkAnalyzeCorpus(b *testing.B) {
	docs, n := corpusDocs(b)
	chunktest.Bench(b, n, func() {
		for _, d := range docs {
			chunk.Analyze(d).Release()
		}
	})
}
