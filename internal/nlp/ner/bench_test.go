package ner_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"dateline/internal/cputime"
	"dateline/internal/doc"
	"dateline/internal/nlp/ner"
	"dateline/internal/nlp/resolve"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// BenchmarkNER measures tagging plus resolution on a news article repeated
// to about 50 KB (tokens and sentences are computed outside the timer:
// they belong to earlier stages).
func BenchmarkNER(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(raw)+"\n", 50000/len(raw)+1)
	st, err := ner.NewStage()
	if err != nil {
		b.Fatal(err)
	}
	toks := token.Tokenize(text, nil)
	sents := sentence.Split(text, toks, nil)
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		n++
		d := &doc.Document{Text: text, Tokens: toks, Sentences: sents}
		if err := st.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
		if err := (resolve.Stage{}).Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	// The machines this runs on are shared, so wall-clock MB/s swings with
	// the load; MB per CPU-second (user+system time of the process) is the
	// per-core throughput.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n*len(text))/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

func cpuTime() time.Duration {
	t, _ := cputime.Used()
	return t
}
