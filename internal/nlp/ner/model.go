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
	"sort"
)

// Types are the entity types the tagger predicts. MISC covers names that
// the training data does not split further (works, products, laws,
// languages); the stage refines it into OntoNotes types by rule.
var Types = []string{"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "MISC"}

// numLabels is O plus B- and I- for every type.
var numLabels = 1 + 2*len(Types)

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
	var scratch [8]byte
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
	return m, nil
}

// emissions fills scores (len(toks) × numLabels) with the emission scores of
// every token of s.
func (m *Model) emissions(s *sentView, scores []float32) {
	for i := range s.toks {
		row := scores[i*numLabels : (i+1)*numLabels]
		clear(row)
		s.extract(i, func(h uint64) {
			if off, ok := m.rows[h]; ok {
				w := m.w[off : int(off)+numLabels]
				for l := range row {
					row[l] += w[l]
				}
			}
		})
	}
}

// viterbi returns the best BIO-valid label sequence for the emission scores
// of n tokens under transition weights trans, writing it to out.
func viterbi(n int, scores, trans []float32, out []int, back []int32, delta []float32) {
	L := numLabels
	negInf := float32(math.Inf(-1))
	start := trans[L*L:]
	for l := 0; l < L; l++ {
		if allowed(-1, l) {
			delta[l] = start[l] + scores[l]
		} else {
			delta[l] = negInf
		}
	}
	for i := 1; i < n; i++ {
		prevRow := delta[(i-1)*L : i*L]
		cur := delta[i*L : (i+1)*L]
		for l := 0; l < L; l++ {
			best, arg := negInf, int32(0)
			for p := 0; p < L; p++ {
				if prevRow[p] == negInf || !allowed(p, l) {
					continue
				}
				if v := prevRow[p] + trans[p*L+l]; v > best {
					best, arg = v, int32(p)
				}
			}
			cur[l] = best + scores[i*L+l]
			back[i*L+l] = arg
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
