package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
)

// Types are the entity types the tagger predicts. MISC covers names that
// the training data does not split further (works, products, laws,
// languages); the stage refines it into OntoNotes types by rule.
var Types = [...]string{"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "MISC"}

// numLabels is O plus B- and I- for every type.
const numLabels = 1 + 2*len(Types)

// Label layout: 0 is O, 1+2k is B-Types[k], 2+2k is I-Types[k].
func labelB(k int) int { return 1 + 2*k }
func labelI(k int) int { return 2 + 2*k }

// labelType returns the type index of a label and whether it begins a span;
// k is -1 for O.
func labelType(l int) (k int, begin bool) {
	if l == 0 {
		return -1, false
	}
	return (l - 1) / 2, (l-1)%2 == 0
}

// allowed reports whether label cur may follow prev under BIO (prev -1 is
// the sentence start): I-X only continues B-X or I-X.
func allowed(prev, cur int) bool {
	k, begin := labelType(cur)
	if k < 0 || begin {
		return true
	}
	if prev < 0 {
		return false
	}
	pk, _ := labelType(prev)
	return pk == k
}

// Model is a trained linear sequence model: emission weights per hashed
// feature and label, and label transition weights. It is read-only after
// loading and safe for concurrent use.
type Model struct {
	rows  map[uint64]int32 // feature hash → offset into weights
	w     []float32        // numLabels weights per row
	trans []float32        // (numLabels+1) × numLabels; row numLabels is the start
	// masked is trans with BIO-invalid transitions at -Inf, for decoding.
	masked []float32
	// gap[p] bounds how far below the best previous label p* = p a
	// previous label may score and still win a transition (see viterbi).
	gap [numLabels]float32

	// The decoder's copy of the emission weights, sparse: index maps a
	// feature hash to packRow(start, n), and the feature's non-zero
	// weights are sparse[start:start+n]. A row has about five non-zero
	// labels of nineteen, and adding a zero weight changes no score, so
	// skipping them gives the same sums with a quarter of the work and
	// memory. Start and length in the index value spare a lookup in a
	// third table on the tagger's hottest path.
	index  featureIndex
	sparse []weight
}

// packRow packs a row's start in sparse and its length (at most numLabels,
// five bits) into one index value.
func packRow(start, n int) int32 { return int32(start<<5 | n) }

func unpackRow(v int32) (start, n int) { return int(v >> 5), int(v & 31) }

// weight is one non-zero emission weight of a feature.
type weight struct {
	label uint32
	w     float32
}

// maxWeights bounds the non-zero weights a model may have: packRow keeps a
// row's start in 26 bits.
const maxWeights = 1 << 26

// finish builds the decoding tables from rows, w and trans.
func (m *Model) finish() error {
	if len(m.rows)*numLabels >= maxWeights {
		return fmt.Errorf("ner model: %d features, at most %d supported", len(m.rows), maxWeights/numLabels)
	}
	m.masked = maskTransitions(m.trans)
	m.gap = transitionGaps(m.masked)
	hashes := make([]uint64, 0, len(m.rows))
	for h := range m.rows {
		hashes = append(hashes, h)
	}
	// Rows in hash order: the layout, and so the memory use, does not
	// depend on map iteration order.
	slices.Sort(hashes)
	ids := make(map[uint64]int32, len(hashes))
	m.sparse = m.sparse[:0]
	for _, h := range hashes {
		start := len(m.sparse)
		off := m.rows[h]
		for l, v := range m.w[off : int(off)+numLabels] {
			if v != 0 {
				m.sparse = append(m.sparse, weight{uint32(l), v})
			}
		}
		ids[h] = packRow(start, len(m.sparse)-start)
	}
	m.index = newFeatureIndex(ids)
	return nil
}

const modelMagic = "DLNER\x00"

// encode writes m gzip-compressed: header, transitions, then each feature
// with its non-zero weights quantised to int16.
func (m *Model) encode(out io.Writer) error {
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	le := binary.LittleEndian
	var scratch [binary.MaxVarintLen64]byte
	u32 := func(v uint32) { le.PutUint32(scratch[:4], v); bw.Write(scratch[:4]) }
	bw.WriteString(modelMagic)
	u32(featureVersion)
	u32(uint32(len(Types)))
	for _, t := range Types {
		bw.WriteByte(byte(len(t)))
		bw.WriteString(t)
	}
	for _, v := range m.trans {
		u32(math.Float32bits(v))
	}
	var maxAbs float32
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	u32(math.Float32bits(scale))
	hashes := make([]uint64, 0, len(m.rows))
	for h := range m.rows {
		hashes = append(hashes, h)
	}
	sort.Slice(hashes, func(i, j int) bool { return hashes[i] < hashes[j] })
	u32(uint32(len(hashes)))
	var prev uint64
	for _, h := range hashes {
		// Delta-encoded sorted hashes compress better than raw ones.
		n := binary.PutUvarint(scratch[:], h-prev)
		_, _ = bw.Write(scratch[:n]) // bufio errors surface at Flush
		prev = h
		row := m.w[m.rows[h] : int(m.rows[h])+numLabels]
		cnt := 0
		for _, v := range row {
			if int16(math.Round(float64(v/scale))) != 0 {
				cnt++
			}
		}
		bw.WriteByte(byte(cnt))
		for l, v := range row {
			q := int16(math.Round(float64(v / scale)))
			if q != 0 {
				bw.WriteByte(byte(l))
				le.PutUint16(scratch[:2], uint16(q))
				bw.Write(scratch[:2])
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner model: write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner model: write: %w", err)
	}
	return nil
}

// decodeModel reads a model written by encode.
func decodeModel(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	br := bufio.NewReader(zr)
	le := binary.LittleEndian
	var scratch [8]byte
	u32 := func() (uint32, error) {
		if _, err := io.ReadFull(br, scratch[:4]); err != nil {
			return 0, err
		}
		return le.Uint32(scratch[:4]), nil
	}
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("ner model: bad magic")
	}
	ver, err := u32()
	if err != nil {
		return nil, fmt.Errorf("ner model: header: %w", err)
	}
	if ver != featureVersion {
		return nil, fmt.Errorf("ner model: feature version %d, code has %d: retrain", ver, featureVersion)
	}
	nt, err := u32()
	if err != nil || int(nt) != len(Types) {
		return nil, fmt.Errorf("ner model: %d types, code has %d", nt, len(Types))
	}
	for _, t := range Types {
		n, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("ner model: types: %w", err)
		}
		name := make([]byte, n)
		if _, err := io.ReadFull(br, name); err != nil || string(name) != t {
			return nil, fmt.Errorf("ner model: type %q, code has %q", name, t)
		}
	}
	m := &Model{trans: make([]float32, (numLabels+1)*numLabels)}
	for i := range m.trans {
		v, err := u32()
		if err != nil {
			return nil, fmt.Errorf("ner model: transitions: %w", err)
		}
		m.trans[i] = math.Float32frombits(v)
	}
	sv, err := u32()
	if err != nil {
		return nil, fmt.Errorf("ner model: scale: %w", err)
	}
	scale := math.Float32frombits(sv)
	nf, err := u32()
	if err != nil {
		return nil, fmt.Errorf("ner model: feature count: %w", err)
	}
	m.rows = make(map[uint64]int32, nf)
	m.w = make([]float32, 0, int(nf)*numLabels)
	var h uint64
	for i := 0; i < int(nf); i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("ner model: feature %d: %w", i, err)
		}
		h += d
		cnt, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("ner model: feature %d: %w", i, err)
		}
		off := len(m.w)
		m.w = append(m.w, make([]float32, numLabels)...)
		for k := 0; k < int(cnt); k++ {
			if _, err := io.ReadFull(br, scratch[:3]); err != nil {
				return nil, fmt.Errorf("ner model: feature %d: %w", i, err)
			}
			l := int(scratch[0])
			if l >= numLabels {
				return nil, fmt.Errorf("ner model: feature %d: label %d out of range", i, l)
			}
			m.w[off+l] = float32(int16(le.Uint16(scratch[1:3]))) * scale
		}
		m.rows[h] = int32(off)
	}
	if err := m.finish(); err != nil {
		return nil, err
	}
	return m, nil
}

// lexCache holds, for one document, the summed weights of the lexical
// features of each distinct word in each slot.
type lexCache struct {
	ids map[string]int32
	w   []float32 // numSlots × numLabels per word
}

func (c *lexCache) reset() {
	if c.ids == nil {
		c.ids = map[string]int32{}
	}
	clear(c.ids)
	c.w = c.w[:0]
}

// id returns the cache id of word w, computing its lexical weights (all
// slots) on first sight.
func (c *lexCache) id(m *Model, w string) int32 {
	const n = numSlots
	L := numLabels
	id, ok := c.ids[w]
	if !ok {
		id = int32(len(c.w) / (n * L))
		c.ids[w] = id
		c.w = append(c.w, make([]float32, n*L)...)
		v := c.w[int(id)*n*L:]
		for slot := range n {
			row := v[slot*L : (slot+1)*L]
			lexical(slot, w, func(h uint64) { m.add(row, h) })
		}
	}
	return id
}

// add adds the weights of feature h to row (numLabels long).
func (m *Model) add(row []float32, h uint64) {
	if v, ok := m.index.get(h); ok {
		row := (*[numLabels]float32)(row)
		start, n := unpackRow(v)
		for _, e := range m.sparse[start : start+n] {
			row[e.label] += e.w // a bounds check is cheaper than proving it with %
		}
	}
}

// emissions fills scores (len(toks) × numLabels) with the emission scores of
// every token of s, using cache for the lexical features; ids and hs are
// scratch space.
func (m *Model) emissions(s *sentView, cache *lexCache, ids []int32, hs *[]uint64, scores []float32) {
	L := numLabels
	n := len(s.toks)
	// ids[k+2] is the word id of token k; two boundary markers each side.
	ids = ids[:n+4]
	ids[0] = cache.id(m, "<s>")
	ids[1] = ids[0]
	ids[n+2] = cache.id(m, "</s>")
	ids[n+3] = ids[n+2]
	for k := 0; k < n; k++ {
		ids[k+2] = cache.id(m, s.word(k))
	}
	stride := numSlots * L
	for i := 0; i < n; i++ {
		row := scores[i*L : (i+1)*L]
		clear(row)
		for slot := range numSlots {
			id := int(ids[i+2+slotOffset[slot]])
			v := cache.w[id*stride+slot*L : id*stride+(slot+1)*L]
			for l := range row {
				row[l] += v[l]
			}
		}
		*hs = s.contextHashes(i, (*hs)[:0])
		for _, h := range *hs {
			m.add(row, h)
		}
	}
}

// maskTransitions returns trans with every transition that BIO forbids set
// to -Inf, so that decoding needs no test per pair.
func maskTransitions(trans []float32) []float32 {
	L := numLabels
	// (L+1)×L masked weights, then their L×L transpose (to-label major)
	// so that the decoder's inner loop reads memory in order.
	out := make([]float32, (L+1)*L+L*L)
	copy(out, trans)
	negInf := float32(math.Inf(-1))
	for p := 0; p <= L; p++ {
		prev := p
		if p == L {
			prev = -1
		}
		for l := 0; l < L; l++ {
			if !allowed(prev, l) {
				out[p*L+l] = negInf
			}
		}
	}
	for p := 0; p < L; p++ {
		for l := 0; l < L; l++ {
			out[(L+1)*L+l*L+p] = out[p*L+l]
		}
	}
	return out
}

// transitionGaps returns, for every label p, the least amount by which a
// transition from p into a label that may follow anything (O or B-X)
// falls short of the best transition into that label:
// min over such l of masked[p][l] − max over q of masked[q][l].
//
// If p* is the best label at a token, any label q scoring below
// score(p*) + gap[p*] loses every such transition to p* (its score plus
// its best transition into l stays below p*'s score plus p*'s transition
// into l), so viterbi need not try it.
func transitionGaps(masked []float32) [numLabels]float32 {
	L := numLabels
	var maxIn [numLabels]float32
	for l := range L {
		maxIn[l] = float32(math.Inf(-1))
		for p := range L {
			maxIn[l] = max(maxIn[l], masked[p*L+l])
		}
	}
	var gap [numLabels]float32
	for p := range L {
		gap[p] = float32(math.Inf(1))
		for l := range L {
			if k, begin := labelType(l); k >= 0 && !begin {
				continue
			}
			gap[p] = min(gap[p], masked[p*L+l]-maxIn[l])
		}
	}
	return gap
}

// labelInfo describes a label for the decoder: for I-X, the labels it may
// follow (B-X and I-X); for O and B-X, from = -1 (any label).
type labelInfo struct{ from int32 }

var labelInfos = func() (t [numLabels]labelInfo) {
	for l := range numLabels {
		t[l].from = -1
		if k, begin := labelType(l); k >= 0 && !begin {
			t[l].from = int32(labelB(k))
		}
	}
	return t
}()

// viterbi returns the best label sequence for the emission scores of n
// tokens under transition weights trans (masked by maskTransitions, so
// BIO-invalid sequences score -Inf), writing it to out. gap is
// transitionGaps(trans).
//
// At each token only the previous labels that can still win a transition
// are tried: those within gap[p*] of the best one, p* (see transitionGaps).
// On news text that is two or three labels of nineteen. The pruning is
// exact: the labels left out score strictly lower (a safety margin
// covers float rounding), and the survivors are tried in label order, so
// ties resolve as in the full search.
func viterbi(n int, scores, trans []float32, gap *[numLabels]float32, out []int, back []int32, delta []float32) {
	const L = numLabels
	negInf := float32(math.Inf(-1))
	start := trans[L*L : L*L+L]
	for l := 0; l < L; l++ {
		delta[l] = start[l] + scores[l]
	}
	cols := trans[(L+1)*L : (L+1)*L+L*L] // transposed copy, to-label major
	var live [L]int32
	for i := 1; i < n; i++ {
		prevRow := (*[L]float32)(delta[(i-1)*L : i*L])
		cur := (*[L]float32)(delta[i*L : (i+1)*L])
		em := (*[L]float32)(scores[i*L : (i+1)*L])
		bk := (*[L]int32)(back[i*L : (i+1)*L])
		ps := 0
		for p := 1; p < L; p++ {
			if prevRow[p] > prevRow[ps] {
				ps = p
			}
		}
		top := prevRow[ps]
		margin := 1e-4 * (abs32(top) + abs32(gap[ps]) + 1)
		thr := top + gap[ps] - margin
		nl := 0
		for p := range L {
			if prevRow[p] >= thr {
				live[nl] = int32(p)
				nl++
			}
		}
		if top != top || thr != thr {
			nl = 0 // NaN: cannot happen with finite weights; try all
			for p := range L {
				live[nl] = int32(p)
				nl++
			}
		}
		for l := range L {
			if b := labelInfos[l].from; b >= 0 {
				// I-X continues only B-X or I-X.
				vb := prevRow[b] + trans[int(b)*L+l]
				vi := prevRow[l] + trans[l*L+l]
				if vb >= vi {
					cur[l], bk[l] = vb+em[l], b
				} else {
					cur[l], bk[l] = vi+em[l], int32(l)
				}
				continue
			}
			best, arg := negInf, int32(0)
			col := (*[L]float32)(cols[l*L : (l+1)*L])
			for _, p := range live[:nl] {
				if v := prevRow[p] + col[p]; v > best {
					best, arg = v, p
				}
			}
			cur[l] = best + em[l]
			bk[l] = arg
		}
	}
	last := delta[(n-1)*L : n*L]
	best := 0
	for l := 1; l < L; l++ {
		if last[l] > last[best] {
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

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}
