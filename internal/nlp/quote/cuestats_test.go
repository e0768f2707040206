package quote

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"

	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// TestCuePrecision reports, for every lexicon form read as a cue verb, how
// often an annotated corpus marks it as an attribution cue: the statistic
// the lexicon was grown from. It needs a corpus outside the repository
// (JSONL documents with text and quotes[].cue, such as PolNeAR-train):
//
//	QUOTE_CUE_STATS=/path/polnear-train.jsonl go test -run CuePrecision -v ./internal/nlp/quote
func TestCuePrecision(t *testing.T) {
	path := os.Getenv("QUOTE_CUE_STATS")
	if path == "" {
		t.Skip("QUOTE_CUE_STATS not set")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open corpus: %v", err)
	}
	defer f.Close()
	type count struct{ uses, cues int }
	stats := map[string]*count{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var d struct {
			Text   string `json:"text"`
			Quotes []struct {
				Cue *struct{ Start, End int } `json:"cue"`
			} `json:"quotes"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("read corpus: %v", err)
		}
		inCue := make([]bool, len(d.Text)+1)
		for _, q := range d.Quotes {
			if q.Cue != nil && q.Cue.Start >= 0 && q.Cue.End <= len(d.Text) {
				for b := q.Cue.Start; b < q.Cue.End; b++ {
					inCue[b] = true
				}
			}
		}
		toks := token.Tokenize(d.Text, nil)
		a := newAnalysis(d.Text, toks, sentence.Split(d.Text, toks, nil))
		for i := range toks {
			if _, ok := a.cue(i); !ok {
				continue
			}
			c := stats[a.low(i)]
			if c == nil {
				c = &count{}
				stats[a.low(i)] = c
			}
			c.uses++
			if inCue[toks[i].Start] {
				c.cues++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read corpus: %v", err)
	}
	forms := make([]string, 0, len(stats))
	for w := range stats {
		forms = append(forms, w)
	}
	sort.Slice(forms, func(i, j int) bool { return stats[forms[i]].uses > stats[forms[j]].uses })
	for _, w := range forms {
		c := stats[w]
		t.Log(fmt.Sprintf("%-16s %6d uses %6d cues  precision %.2f", w, c.uses, c.cues, float64(c.cues)/float64(c.uses)))
	}
}
