// Package neardup finds near-duplicate texts: the same wire story
// syndicated by several outlets with a different headline, a dropped
// paragraph or an added byline. Exact copies share a content hash; near
// copies do not, but they share most of their word sequences.
//
// A text's [Signature] is a MinHash sketch of its word 5-shingles: K minimum
// hash values, whose share of equal positions between two texts estimates
// the Jaccard similarity of their shingle sets. Signatures are split into
// [Bands] of R values for locality-sensitive hashing: texts whose
// similarity is at least [Threshold] share at least one band hash with
// probability above 0.9999 (1-(1-0.8^4)^32), while unrelated texts almost
// never do. A store keeps the band hashes in an indexed table, so finding
// the candidates of a new text is K/R index lookups whatever the size of the
// archive, and only candidates have their signatures compared.
package neardup

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode"
)

// Parameters of the sketch. Changing any of them changes every signature
// and band hash: stored ones must then be rebuilt.
const (
	// K is the number of MinHash values in a signature. The estimate's
	// standard error is sqrt(J(1-J)/K): 0.043 at J=0.6 for K=128. With
	// K=64, two generated articles sharing template sentences (true
	// similarity 0.58 and 0.61) were estimated at 0.75 in a 10,000-article
	// run; at 128 such a pair needs a 4.6-sigma error to pass the
	// threshold.
	K = 128
	// R is the number of values per band; K/R bands.
	R = 4
	// Shingle is the number of words per shingle.
	Shingle = 5
	// MinShingles is the fewest shingles a text needs for a signature:
	// below it (a headline, a two-sentence brief) texts that merely share
	// a stock phrase would look alike.
	MinShingles = 20
	// Threshold is the estimated Jaccard similarity from which a text is
	// taken as a near-duplicate of another. Editing one word in a hundred
	// loses about one shingle in twenty, so syndicated copies with a new
	// headline and byline stay well above it, while two reports of the
	// same event in different words share few 5-word sequences.
	Threshold = 0.8
)

// Bands is the number of LSH bands of a signature.
const Bands = K / R

// Signature is a MinHash sketch of a text.
type Signature [K]uint32

// hash64 hashes a shingle with FNV-1a 64 followed by a 64-bit finaliser:
// stable across processes (unlike maphash), fast, and well mixed.
func hash64(s string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return mix(h)
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// salts derive the K hash functions from one: h_i(x) = mix(x ^ salt_i).
var salts = func() [K]uint64 {
	var s [K]uint64
	for i := range s {
		s[i] = mix(uint64(i+1) * 0x9e3779b97f4a7c15)
	}
	return s
}()

// words splits a text into lower-case words of letters and digits, so that
// punctuation, quote styles and line breaks do not count as differences.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Sign returns the signature of text, and false when the text is too short
// to compare ([MinShingles]).
func Sign(text string) (Signature, bool) {
	var sig Signature
	w := words(text)
	n := len(w) - Shingle + 1
	if n < MinShingles {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for i := range n {
		h := hash64(strings.Join(w[i:i+Shingle], " "))
		for j, salt := range salts {
			if v := uint32(mix(h ^ salt)); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}

// Similarity estimates the Jaccard similarity of the shingle sets of the
// texts behind a and b: the share of positions where they agree.
func Similarity(a, b Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / K
}

// BandHashes returns the signature's band hashes. The band's index is part
// of each hash, so one index column holds all bands. Values are int64 to fit
// SQL BIGINT columns.
func (s Signature) BandHashes() [Bands]int64 {
	var out [Bands]int64
	for b := range out {
		h := mix(uint64(b+1) * 0x2545f4914f6cdd1d)
		for _, v := range s[b*R : (b+1)*R] {
			h = mix(h ^ uint64(v))
		}
		out[b] = int64(h)
	}
	return out
}

// Bytes encodes the signature for storage: K little-endian uint32s.
func (s Signature) Bytes() []byte {
	b := make([]byte, 4*K)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// ErrEncoding reports a stored signature of the wrong length.
var ErrEncoding = fmt.Errorf("neardup: signature encoding: want %d bytes", 4*K)

// Decode is the inverse of [Signature.Bytes].
func Decode(b []byte) (Signature, error) {
	var s Signature
	if len(b) != 4*K {
		return s, ErrEncoding
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, nil
}

// Index is an in-memory LSH index, for the documents of one ingest run
// that are not stored yet (two copies of a story arriving in the same run).
// It is not safe for concurrent use.
type Index struct {
	sigs    map[string]Signature
	buckets map[int64][]string
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{sigs: map[string]Signature{}, buckets: map[int64][]string{}}
}

// Add indexes sig under id.
func (x *Index) Add(id string, sig Signature) {
	if _, ok := x.sigs[id]; ok {
		return
	}
	x.sigs[id] = sig
	for _, h := range sig.BandHashes() {
		x.buckets[h] = append(x.buckets[h], id)
	}
}

// Find returns the indexed id most similar to sig, if its similarity is at
// least [Threshold].
func (x *Index) Find(sig Signature) (id string, sim float64, ok bool) {
	for _, h := range sig.BandHashes() {
		for _, c := range x.buckets[h] {
			if s := Similarity(sig, x.sigs[c]); s >= Threshold && (s > sim || s == sim && c < id) {
				id, sim, ok = c, s, true
			}
		}
	}
	return id, sim, ok
}

// Best picks, among candidates (id and signature), the most similar to sig
// at or above [Threshold]; ties go to the smaller id, so the answer does not
// depend on the order a database returned rows in.
func Best(sig Signature, ids []string, sigs []Signature) (id string, sim float64, ok bool) {
	for i, c := range ids {
		if s := Similarity(sig, sigs[i]); s >= Threshold && (s > sim || s == sim && c < id) {
			id, sim, ok = c, s, true
		}
	}
	return id, sim, ok
}
