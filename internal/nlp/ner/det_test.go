package ner

import (
	"bytes"
	"testing"
)

func TestTrainDeterministic(t *testing.T) {
	var docs []TrainDoc
	for range 5 {
		docs = append(docs, TrainDoc{Text: "Alice Moreau visited Lyon .", Names: []Name{{0, 12, "PERSON"}, {21, 25, "GPE"}}})
		docs = append(docs, TrainDoc{Text: "The Acme Corp board met in Paris .", Names: []Name{{4, 13, "ORG"}, {27, 32, "GPE"}}})
	}
	enc := func() []byte {
		m, err := Train(docs, TrainOptions{Epochs: 3, Seed: 3, Runs: 2, WordDropout: 0.3})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := m.Encode(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if a, b := enc(), enc(); !bytes.Equal(a, b) {
		t.Error("two trainings on the same data differ")
	}
}
