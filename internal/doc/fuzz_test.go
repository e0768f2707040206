package doc

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// FuzzDocumentJSON checks that any document that decodes and validates
// survives marshal → unmarshal → marshal unchanged: the JSON form is a fixed
// point after one pass, and decoding it gives the same document.
func FuzzDocumentJSON(f *testing.F) {
	if full, err := os.ReadFile(fullPath); err == nil {
		f.Add(full)
	}
	for _, s := range []string{
		`{"text":""}`,
		`{"text":"Trump spoke.","sentences":[{"start":0,"end":12}],"entities":[{"id":"e1","type":"PERSON","name":"Trump","mentions":[{"start":0,"end":5,"text":"Trump"}]}]}`,
		`{"text":"a\u00e9<&>","sentences":[],"quotes":[{"id":"q","start":1,"end":3,"text":"é","kind":"direct","speaker_span":null,"cue":{"start":0,"end":1,"text":"a"}}]}`,
		`{"TEXT":"x","events":[{"id":"v","type":"MEET","trigger":{"start":0,"end":1,"text":"x"},"attributes":{}}]}`,
		"{\"text\":\"caf\xe9\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d Document
		if json.Unmarshal(data, &d) != nil || d.Validate() != nil {
			return
		}
		first, err := json.Marshal(&d)
		if err != nil {
			t.Fatalf("marshal a valid document: %v", err)
		}
		var d2 Document
		if err := json.Unmarshal(first, &d2); err != nil {
			t.Fatalf("unmarshal our own output %s: %v", first, err)
		}
		if err := d2.Validate(); err != nil {
			t.Fatalf("round trip broke a valid document: %v\n%s", err, first)
		}
		second, err := json.Marshal(&d2)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("round trip changed the bytes:\n%s\n%s", first, second)
		}
		var d3 Document
		if err := json.Unmarshal(second, &d3); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(d2, d3) {
			t.Fatalf("round trip changed the document:\n%+v\n%+v", d2, d3)
		}
	})
}
