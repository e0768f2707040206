package storetest

import (
	"encoding/json"
	"os"
	"testing"

	"dateline/internal/doc"
)

// ReadJSONL reads a JSONL file of documents, analysed or not, as the
// benchmarks' DATELINE_BENCH_FEED and a test's saved feed give them.
func ReadJSONL(tb testing.TB, path string) []*doc.Document {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var docs []*doc.Document
	dec := json.NewDecoder(f)
	for dec.More() {
		d := new(doc.Document)
		if err := dec.Decode(d); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		docs = append(docs, d)
	}
	return docs
}
