package ner

import (
	"testing"

	"dateline/internal/nlp/token"
)

func TestFeatureIndex(t *testing.T) {
	rows := map[uint64]int32{0: 7, 1: 19, 1 << 40: 38, 0xdeadbeefcafe: 57}
	// Keys that collide in the low bits probe past each other.
	for k := uint64(1); k <= 40; k++ {
		rows[k<<32|k] = int32(100 + k)
	}
	ix := newFeatureIndex(rows)
	for h, want := range rows {
		if got, ok := ix.get(h); !ok || got != want {
			t.Errorf("get(%#x) = %d, %v; want %d", h, got, ok, want)
		}
	}
	for _, h := range []uint64{2, 3 << 40, 0xfeed} {
		if _, ok := ix.get(h); ok {
			t.Errorf("get(%#x) found a row that was never added", h)
		}
	}
	empty := newFeatureIndex(nil)
	if _, ok := empty.get(0); ok {
		t.Error("empty index has the zero hash")
	}
}

func TestModelNumber(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"iPhone 4 launched", true},
		{"Windows 11", true},
		{"iPhone 4 million units", false},
		{"iPhone 3.5 inches", false},
		{"iPhone, 4", false},
		{"iPhone 20250", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks := token.Tokenize(tt.text, nil)
			if got := modelNumber(tt.text, toks, 1); got != tt.want {
				t.Errorf("modelNumber = %v, want %v", got, tt.want)
			}
		})
	}
}
