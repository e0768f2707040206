package ner

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"dateline/internal/nlp/ner/gazetteer"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

func TestShape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Trump", "Xx"},
		{"U.S.", "X.X."},
		{"G7", "Xd"},
		{"Secretary-General", "Xx-Xx"},
		{"iPhone", "xXx"},
		{"2025", "d"},
		{"Élysée", "Xx"},
		{"naïve", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := string(shape(tt.in, nil)); got != tt.want {
				t.Errorf("shape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAffixes(t *testing.T) {
	tests := []struct {
		w          string
		n          int
		pre, suf   string
		okP, okSuf bool
	}{
		{"Kremlin", 3, "Kre", "lin", true, true},
		{"UN", 3, "", "", false, false},
		{"Élysée", 2, "Él", "ée", true, true},
		{"a", 1, "a", "a", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			p, okP := runePrefix(tt.w, tt.n)
			s, okS := runeSuffix(tt.w, tt.n)
			if p != tt.pre || okP != tt.okP {
				t.Errorf("runePrefix(%q, %d) = %q, %v; want %q, %v", tt.w, tt.n, p, okP, tt.pre, tt.okP)
			}
			if s != tt.suf || okS != tt.okSuf {
				t.Errorf("runeSuffix(%q, %d) = %q, %v; want %q, %v", tt.w, tt.n, s, okS, tt.suf, tt.okSuf)
			}
		})
	}
}

// features returns the feature hashes of token i of text as one sentence.
func features(text string, i int) []uint64 {
	toks := token.Tokenize(text, nil)
	var s sentView
	prepare(text, toks, newDocInfo(text, toks, nil, gazetteer.Default()), gazetteer.Default(), &s)
	var hs []uint64
	s.extract(i, func(h uint64) { hs = append(hs, h) })
	return hs
}

func TestExtract(t *testing.T) {
	t.Run("deterministic", func(t *testing.T) {
		a := features("Officials met in Moscow on Friday .", 3)
		b := features("Officials met in Moscow on Friday .", 3)
		if !slices.Equal(a, b) {
			t.Fatal("features differ between two runs")
		}
	})
	t.Run("gazetteer class", func(t *testing.T) {
		hs := features("Officials met in Moscow on Friday .", 3)
		want := uint64(newHash(fGaz).byte(byte(bitIndex(gazetteer.Capital))).byte(1))
		if !slices.Contains(hs, want) {
			t.Error("no capital-city gazetteer feature on Moscow")
		}
	})
	t.Run("case-insensitive word", func(t *testing.T) {
		w := uint64(newHash(fWord).lower("talks"))
		if !slices.Contains(features("Talks resumed .", 0), w) || !slices.Contains(features("The talks resumed .", 1), w) {
			t.Error("the word feature depends on case")
		}
	})
	t.Run("title before", func(t *testing.T) {
		if !slices.Contains(features("President Emmanuel Macron spoke .", 1), uint64(newHash(fTitlePrev))) {
			t.Error("no title-before feature after President")
		}
	})
	t.Run("cache agrees with extract", func(t *testing.T) {
		// The tagger sums lexical weights through a per-word cache; the
		// result must equal summing the features one by one.
		m, err := decodeModel(embeddedModel)
		if err != nil {
			t.Fatal(err)
		}
		text := "German Chancellor Olaf Scholz met Emmanuel Macron in Paris ."
		toks := token.Tokenize(text, nil)
		var s sentView
		prepare(text, toks, newDocInfo(text, toks, nil, gazetteer.Default()), gazetteer.Default(), &s)
		got := make([]float32, len(toks)*numLabels)
		var c lexCache
		c.reset()
		m.emissions(&s, &c, make([]int32, len(toks)+4), new([]uint64), got)
		for i := range toks {
			want := make([]float32, numLabels)
			s.extract(i, func(h uint64) { m.add(want, h) })
			for l := range want {
				if d := math.Abs(float64(want[l] - got[i*numLabels+l])); d > 1e-3 {
					t.Fatalf("token %d label %d: cached %v, direct %v", i, l, got[i*numLabels+l], want[l])
				}
			}
		}
	})
}

func TestViterbiBIO(t *testing.T) {
	L := numLabels
	trans := make([]float32, (L+1)*L)
	// Emissions prefer I-PERSON at the first token, which BIO forbids,
	// and then I-PERSON again.
	scores := make([]float32, 2*L)
	scores[labelI(0)] = 10
	scores[labelB(0)] = 1
	scores[L+labelI(0)] = 10
	out := make([]int, 2)
	viterbiMasked(2, scores, trans, out, make([]int32, 2*L), make([]float32, 2*L))
	if want := []int{labelB(0), labelI(0)}; !slices.Equal(out, want) {
		t.Errorf("viterbi = %v, want %v (B-PERSON I-PERSON)", out, want)
	}
	// I-ORG after B-PERSON is forbidden too.
	scores = make([]float32, 2*L)
	scores[labelB(0)] = 5
	scores[L+labelI(1)] = 3
	viterbiMasked(2, scores, trans, out, make([]int32, 2*L), make([]float32, 2*L))
	if out[1] == labelI(1) {
		t.Errorf("viterbi put I-ORG after %d", out[0])
	}
}

func TestAllowed(t *testing.T) {
	tests := []struct {
		prev, cur int
		want      bool
	}{
		{-1, 0, true},
		{-1, labelB(2), true},
		{-1, labelI(2), false},
		{labelB(2), labelI(2), true},
		{labelI(2), labelI(2), true},
		{labelB(1), labelI(2), false},
		{0, labelI(0), false},
	}
	for _, tt := range tests {
		if got := allowed(tt.prev, tt.cur); got != tt.want {
			t.Errorf("allowed(%d, %d) = %v, want %v", tt.prev, tt.cur, got, tt.want)
		}
	}
}

// TestTrainRoundTrip trains a model on a few sentences, checks that it
// learns them, and that encoding and decoding keep its decisions.
func TestTrainRoundTrip(t *testing.T) {
	var docs []TrainDoc
	add := func(text string, names ...Name) { docs = append(docs, TrainDoc{Text: text, Names: names}) }
	for range 5 {
		add("Alice Moreau visited Lyon .", Name{0, 12, "PERSON"}, Name{21, 25, "GPE"})
		add("The Acme Corp board met .", Name{4, 13, "ORG"})
		add("Bruno Keller left Lyon .", Name{0, 12, "PERSON"}, Name{18, 22, "GPE"})
	}
	m, err := Train(docs, TrainOptions{Epochs: 5, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := decodeModel(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, model := range []*Model{m, m2} {
		tg := NewWithModel(model)
		text := "Alice Moreau visited Lyon ."
		toks := token.Tokenize(text, nil)
		got := tg.Tag(text, toks, sentence.Split(text, toks, nil))
		want := []Name{{0, 12, "PERSON"}, {21, 25, "GPE"}}
		if !slices.Equal(got, want) {
			t.Errorf("Tag = %v, want %v", got, want)
		}
	}
}

func TestDecodeModelErrors(t *testing.T) {
	tests := map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("DLNER model"),
		"truncated": embeddedModel[:len(embeddedModel)/2],
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := decodeModel(data); err == nil {
				t.Error("decodeModel accepted a broken model")
			}
		})
	}
}

func TestTokenRange(t *testing.T) {
	text := "Witkoff’s meeting in New York"
	toks := token.Tokenize(text, nil)
	tests := []struct {
		start, end int
		a, b       int
	}{
		{0, 7, 0, 1},   // Witkoff
		{23, 31, 4, 6}, // New York
		{0, 3, 0, 0},   // cuts a token: nothing
	}
	for _, tt := range tests {
		if a, b := tokenRange(toks, tt.start, tt.end); a != tt.a || b != tt.b {
			t.Errorf("tokenRange(%d, %d) = %d, %d; want %d, %d", tt.start, tt.end, a, b, tt.a, tt.b)
		}
	}
}
