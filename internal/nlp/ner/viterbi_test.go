package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// viterbiMasked masks raw transitions and decodes, for tests.
func viterbiMasked(n int, scores, trans []float32, out []int, back []int32, delta []float32) {
	masked := maskTransitions(trans)
	gap := transitionGaps(masked)
	viterbi(n, scores, masked, &gap, out, back, delta)
}

// viterbiFull is the unpruned decoder: every previous label is tried for
// every label. viterbi must return exactly its labels.
func viterbiFull(n int, scores, trans []float32, out []int) {
	L := numLabels
	negInf := float32(math.Inf(-1))
	delta := make([]float32, n*L)
	back := make([]int32, n*L)
	for l := range L {
		delta[l] = trans[L*L+l] + scores[l]
	}
	for i := 1; i < n; i++ {
		for l := range L {
			if k, begin := labelType(l); k >= 0 && !begin {
				b := labelB(k)
				vb := delta[(i-1)*L+b] + trans[b*L+l]
				vi := delta[(i-1)*L+l] + trans[l*L+l]
				if vb >= vi {
					delta[i*L+l], back[i*L+l] = vb+scores[i*L+l], int32(b)
				} else {
					delta[i*L+l], back[i*L+l] = vi+scores[i*L+l], int32(l)
				}
				continue
			}
			best, arg := negInf, int32(0)
			for p := range L {
				if v := delta[(i-1)*L+p] + trans[p*L+l]; v > best {
					best, arg = v, int32(p)
				}
			}
			delta[i*L+l], back[i*L+l] = best+scores[i*L+l], arg
		}
	}
	best := 0
	for l := 1; l < L; l++ {
		if delta[(n-1)*L+l] > delta[(n-1)*L+best] {
			best = l
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = best
		if i > 0 {
			best = int(back[i*L+best])
		}
	}
}

// TestViterbiPruningExact checks the pruned decoder against the full
// search on random scores of several scales (including many ties, from
// integer-valued scores) under the embedded model's transitions and random
// ones.
func TestViterbiPruningExact(t *testing.T) {
	m, err := decodeModel(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	L := numLabels
	rng := rand.New(rand.NewPCG(1, 2))
	randTrans := make([]float32, (L+1)*L)
	for i := range randTrans {
		randTrans[i] = float32(rng.NormFloat64() * 3)
	}
	tests := []struct {
		name  string
		trans []float32
		score func() float32
	}{
		{"model, news-like scale", m.trans, func() float32 { return float32(rng.NormFloat64() * 8) }},
		{"model, large scores", m.trans, func() float32 { return float32(rng.NormFloat64() * 1e4) }},
		{"model, integer ties", m.trans, func() float32 { return float32(rng.IntN(3)) }},
		{"random transitions", randTrans, func() float32 { return float32(rng.NormFloat64() * 5) }},
		{"zero transitions, ties", make([]float32, (L+1)*L), func() float32 { return float32(rng.IntN(2)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			masked := maskTransitions(tt.trans)
			for trial := range 300 {
				n := 1 + rng.IntN(60)
				scores := make([]float32, n*L)
				for i := range scores {
					scores[i] = tt.score()
				}
				got, want := make([]int, n), make([]int, n)
				gap := transitionGaps(masked)
				viterbi(n, scores, masked, &gap, got, make([]int32, n*L), make([]float32, n*L))
				viterbiFull(n, scores, masked, want)
				if !slices.Equal(got, want) {
					t.Fatalf("trial %d: pruned %v, full %v", trial, got, want)
				}
			}
		})
	}
}
