package server

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/store/sqlite"
)

// nopAnalyzer leaves documents as read, so the fuzzer exercises the body
// reader and not the pipeline.
type nopAnalyzer struct{}

func (nopAnalyzer) Process(context.Context, *doc.Document) error { return nil }

// FuzzExtractBody posts arbitrary bodies to /api/extract: the answer is a
// valid document or a 4xx JSON error, never a 5xx or a panic.
func FuzzExtractBody(f *testing.F) {
	st, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "f.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	srv, err := New(Config{Store: st, Analyzer: nopAnalyzer{}, MaxBody: 1 << 12})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{`{"text":"a"}`, `{"id":3,"date":"2025-08-06","text":"x y"}`, `{"text":null}`, `[1]`, `{"text":"a"}{}`, "{\n\"text\": \"\\u00e9\"\n}", `{"date":"2025-02-30","text":"b"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		rec := do(t, srv, "POST", "/api/extract", body, nil)
		switch {
		case rec.Code == http.StatusOK:
			var d doc.Document
			if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil {
				t.Fatalf("200 with undecodable body %q: %v", rec.Body, err)
			}
			if err := d.Validate(); err != nil {
				t.Fatalf("200 with invalid document: %v", err)
			}
		case rec.Code >= 400 && rec.Code < 500:
			var e struct{ Error string }
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Fatalf("%d with body %q", rec.Code, rec.Body)
			}
		default:
			t.Fatalf("status %d for body %q: %s", rec.Code, body, rec.Body)
		}
	})
}
