package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// TrainDoc is one training document: its text and gold names.
type TrainDoc struct {
	Text  string
	Names []Name
	// Ranges, when set, are the parts of Text that are annotated; only
	// sentences inside them are used (MEANTIME annotates the first
	// sentences of each article only).
	Ranges []doc.Span
}

// Name is a gold name: a byte span of the text and one of [Types].
type Name struct {
	Start, End int
	Type       string
}

// TrainOptions control training.
type TrainOptions struct {
	Epochs int    // passes over the data; 0 means 10
	Seed   uint64 // shuffling seed, for reproducible models
	// Prune drops features whose largest averaged weight is below it in
	// absolute value; it keeps the embedded model small.
	Prune float64
	// Runs is the number of perceptrons trained on differently shuffled
	// data and averaged into one (0 means 1): averaging damps the
	// perceptron's sensitivity to example order, which is large on a
	// corpus this small.
	Runs int
	// WordDropout is the probability of hiding a token's word-identity
	// feature in a training step. Hiding it makes the model learn the
	// shape, context and gazetteer cues that carry over to names it has
	// never seen, instead of memorising the names of a small corpus.
	WordDropout float64
	// Logf, if set, receives progress lines.
	Logf func(format string, args ...any)
}

// trainSent is a sentence turned into feature rows and gold labels.
type trainSent struct {
	feats [][]int32
	gold  []int
}

// Train fits an averaged structured perceptron (Collins 2002) on docs.
func Train(docs []TrainDoc, opt TrainOptions) (*Model, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 10
	}
	logf := opt.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	typeIndex := map[string]int{}
	for k, t := range Types {
		typeIndex[t] = k
	}
	g := gazetteer.Default()
	rows := map[uint64]int32{}
	var sents []trainSent
	dropped := 0
	var s sentView
	for di, td := range docs {
		toks := token.Tokenize(td.Text, nil)
		spans := sentence.Split(td.Text, toks, nil)
		info := newDocInfo(td.Text, toks, spans, g)
		labels := make([]int, len(toks))
		// Outermost names first: "Durham University" wins over the
		// "Durham" inside it; of two names on one span, the typed one wins
		// over MISC.
		names := slices.Clone(td.Names)
		slices.SortStableFunc(names, func(a, b Name) int {
			if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
				return lb - la
			}
			return boolInt(a.Type == "MISC") - boolInt(b.Type == "MISC")
		})
		for _, nm := range names {
			k, ok := typeIndex[nm.Type]
			if !ok {
				return nil, fmt.Errorf("ner train: doc %d: unknown type %q", di, nm.Type)
			}
			a, b := tokenRange(toks, nm.Start, nm.End)
			if a >= b {
				dropped++
				continue
			}
			if slices.ContainsFunc(labels[a:b], func(l int) bool { return l != 0 }) {
				dropped++
				continue
			}
			labels[a] = labelB(k)
			for j := a + 1; j < b; j++ {
				labels[j] = labelI(k)
			}
		}
		ti := 0
		for _, sp := range spans {
			a := ti
			for a < len(toks) && toks[a].Start < sp.Start {
				a++
			}
			b := a
			for b < len(toks) && toks[b].End <= sp.End {
				b++
			}
			ti = b
			if a == b || !inRanges(td.Ranges, sp) {
				continue
			}
			// A name cut by a sentence boundary cannot be learnt; skip it.
			if _, begin := labelType(labels[a]); labels[a] != 0 && !begin {
				continue
			}
			prepare(td.Text, toks[a:b], info, g, &s)
			ts := trainSent{gold: slices.Clone(labels[a:b]), feats: make([][]int32, b-a)}
			for i := range ts.gold {
				s.extract(i, func(h uint64) {
					r, ok := rows[h]
					if !ok {
						r = int32(len(rows))
						rows[h] = r
					}
					ts.feats[i] = append(ts.feats[i], r)
				})
			}
			sents = append(sents, ts)
		}
	}
	logf("ner train: %d sentences, %d features, %d names not on token boundaries or overlapping", len(sents), len(rows), dropped)

	runs := max(opt.Runs, 1)
	L := numLabels
	wsum := make([]float64, len(rows)*L)
	tsum := make([]float64, (L+1)*L)
	for run := range runs {
		w, tw := perceptron(sents, len(rows), opt.Epochs, opt.Seed+uint64(run)*7919, opt.WordDropout, logf)
		for i, v := range w {
			wsum[i] += v / float64(runs)
		}
		for i, v := range tw {
			tsum[i] += v / float64(runs)
		}
	}
	m := &Model{rows: map[uint64]int32{}, trans: make([]float32, len(tsum))}
	for i, v := range tsum {
		m.trans[i] = float32(v)
	}
	for h, r := range rows {
		row := make([]float32, L)
		keep := false
		for l := range row {
			v := wsum[int(r)*L+l]
			row[l] = float32(v)
			if math.Abs(v) >= opt.Prune {
				keep = true
			}
		}
		if !keep {
			continue
		}
		m.rows[h] = int32(len(m.w))
		m.w = append(m.w, row...)
	}
	if err := m.finish(); err != nil {
		return nil, err
	}
	logf("ner train: kept %d of %d features", len(m.rows), len(rows))
	return m, nil
}

// perceptron runs one averaged structured perceptron over sents and returns
// its averaged emission (rows × labels) and transition weights.
//
// The first feature of every token is its word identity (see extract);
// with probability dropout it is left out of a step.
func perceptron(sents []trainSent, nrows, epochs int, seed uint64, dropout float64, logf func(string, ...any)) ([]float64, []float64) {
	L := numLabels
	nr := nrows
	w := make([]float32, nr*L)
	u := make([]float64, nr*L) // Σ c·Δw for averaging
	tw := make([]float32, (L+1)*L)
	tu := make([]float64, (L+1)*L)
	c := 1.0
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var scores, delta []float32
	var back []int32
	var pred, skip []int
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, si := range order {
			ts := &sents[si]
			n := len(ts.gold)
			scores = resize(scores, n*L)
			delta = resize(delta, n*L)
			back = resize(back, n*L)
			pred = resize(pred, n)
			skip = resize(skip, n)
			for i := range skip {
				skip[i] = 0
				if dropout > 0 && rng.Float64() < dropout {
					skip[i] = 1
				}
			}
			for i, fs := range ts.feats {
				fs = fs[skip[i]:]
				row := scores[i*L : (i+1)*L]
				clear(row)
				for _, r := range fs {
					for l, v := range w[int(r)*L : int(r)*L+L] {
						row[l] += v
					}
				}
			}
			masked := maskTransitions(tw)
			gap := transitionGaps(masked)
			viterbi(n, scores, masked, &gap, pred, back, delta)
			total += n
			for i := 0; i < n; i++ {
				gp, pp := L, L // start row
				if i > 0 {
					gp, pp = ts.gold[i-1], pred[i-1]
				}
				if ts.gold[i] != pred[i] {
					errs++
					for _, r := range ts.feats[i][skip[i]:] {
						w[int(r)*L+ts.gold[i]]++
						u[int(r)*L+ts.gold[i]] += c
						w[int(r)*L+pred[i]]--
						u[int(r)*L+pred[i]] -= c
					}
				}
				if ts.gold[i] != pred[i] || gp != pp {
					tw[gp*L+ts.gold[i]]++
					tu[gp*L+ts.gold[i]] += c
					tw[pp*L+pred[i]]--
					tu[pp*L+pred[i]] -= c
				}
			}
			c++
		}
		logf("ner train: epoch %d: token errors %d of %d (%.2f%%)", ep+1, errs, total, 100*float64(errs)/float64(max(total, 1)))
	}
	// Average: w̄ = w − u/c.
	avgW := make([]float64, len(w))
	for i := range w {
		avgW[i] = float64(w[i]) - u[i]/c
	}
	avgT := make([]float64, len(tw))
	for i := range tw {
		avgT[i] = float64(tw[i]) - tu[i]/c
	}
	return avgW, avgT
}

// Encode writes the model in the compact gzip format that the stage embeds.
func (m *Model) Encode(w io.Writer) error { return m.encode(w) }

// tokenRange returns the tokens [a, b) that lie inside the byte span
// [start, end); a name whose edges cut a token is shrunk to the whole tokens
// inside it.
func tokenRange(toks []doc.Token, start, end int) (a, b int) {
	a, _ = slices.BinarySearchFunc(toks, start, func(t doc.Token, x int) int { return t.Start - x })
	b = a
	for b < len(toks) && toks[b].End <= end {
		b++
	}
	return a, b
}

func inRanges(rs []doc.Span, sp doc.Span) bool {
	if len(rs) == 0 {
		return true
	}
	for _, r := range rs {
		if r.Contains(sp) {
			return true
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// DecodeModel reads a model written by [Model.Encode], for training
// experiments that compare models without rebuilding the embedded one.
func DecodeModel(data []byte) (*Model, error) { return decodeModel(data) }
