package read

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

func benchStream(b *testing.B, name string, data []byte, opts Options) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for it := range Stream(context.Background(), name, bytes.NewReader(data), opts) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
		}
	}
}

func BenchmarkJSONL(b *testing.B) {
	data, err := io.ReadAll(&feed{n: 10_000})
	if err != nil {
		b.Fatal(err)
	}
	benchStream(b, "feed.jsonl", data, Options{})
}

func BenchmarkSeed(b *testing.B) {
	para := "Envoys met in Geneva on Wednesday for a third round of talks. \"We made progress,\" one said.\n\n"
	data := []byte("date 2025-08-06 " + strings.Repeat(para, 50))
	benchStream(b, "a.txt", data, Options{})
}
