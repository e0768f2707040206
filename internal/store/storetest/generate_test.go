package storetest

import (
	"encoding/json"
	"testing"
)

func TestGenerate(t *testing.T) {
	a, b := Generate(t, 50, 7), Generate(t, 50, 7)
	for i, d := range a {
		if err := d.Validate(); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		if n := len(d.Text); n < 1500 || n > 5000 {
			t.Errorf("%s: %d bytes of text, want about 2–4 KB", d.ID, n)
		}
		x, _ := json.Marshal(d)
		y, _ := json.Marshal(b[i])
		if string(x) != string(y) {
			t.Fatalf("%s: not deterministic", d.ID)
		}
	}
}

func TestCorpusValid(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Corpus(t) {
		if err := d.Validate(); err != nil {
			t.Errorf("%s: %v", d.ID, err)
		}
		if seen[d.ID] {
			t.Errorf("duplicate id %s", d.ID)
		}
		seen[d.ID] = true
	}
}
