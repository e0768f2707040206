package doc_test

import (
	"encoding/json"
	"fmt"
	"os"

	"dateline/internal/doc"
)

// A stage records what it found as spans of UTF-8 bytes into the text; the
// extent repeats the text so readers of the JSON need not slice it.
func ExampleExtentOf() {
	text := "Talks in Genève ended on Friday."
	e := doc.ExtentOf(text, 9, 16)
	fmt.Printf("%q [%d,%d) %d bytes\n", e.Text, e.Start, e.End, e.Span().Len())
	// Output: "Genève" [9,16) 7 bytes
}

// Validate reports every broken invariant at once, one per line.
func ExampleDocument_Validate() {
	d := &doc.Document{
		Text: "Putin met Witkoff.",
		Entities: []doc.Entity{{
			ID: "e1", Type: doc.Person, Name: "Vladimir Putin",
			Mentions: []doc.Mention{{Start: 0, End: 5, Text: "Putin"}},
		}},
		Quotes: []doc.Quote{{ID: "q1", Start: 10, End: 17, Text: "Witkof", Speaker: "e2", Kind: doc.Indirect}},
	}
	fmt.Println(d.Validate())
	// Output:
	// quote q1: text "Witkof" differs from the span's bytes "Witkoff"
	// quote q1 speaker: unknown id "e2"
}

// A document serialises to the JSON of docs/format.md: layers a stage did
// not fill are omitted, and tokens are never written.
func ExampleDocument() {
	d := &doc.Document{
		ID:        "doc-1",
		Date:      "2025-08-06",
		Text:      "Trump spoke on Wednesday.",
		Sentences: []doc.Span{{Start: 0, End: 25}},
		Times: []doc.Time{{ID: "t1", Start: 15, End: 24, Text: "Wednesday",
			Type: doc.Date, Value: "2025-08-06"}},
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(d); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"id":"doc-1","date":"2025-08-06","text":"Trump spoke on Wednesday.","sentences":[{"start":0,"end":25}],"times":[{"id":"t1","start":15,"end":24,"text":"Wednesday","type":"DATE","value":"2025-08-06"}]}
}

// The document date anchors relative expressions; it may be a date or a
// date-time.
func ExampleParseDate() {
	for _, s := range []string{"2025-08-06", "2025-08-06T09:24", "6 August 2025"} {
		t, err := doc.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(t.Format("Monday 2 January 2006 15:04"))
	}
	// Output:
	// Wednesday 6 August 2025 00:00
	// Wednesday 6 August 2025 09:24
	// date "6 August 2025": want ISO 8601 (2025-08-06 or 2025-08-06T09:24)
}

// Spans are half-open: adjacent spans touch without overlapping.
func ExampleSpan_Overlaps() {
	trump, spoke := doc.Span{Start: 0, End: 5}, doc.Span{Start: 6, End: 11}
	sentence := doc.Span{Start: 0, End: 25}
	fmt.Println(trump.Overlaps(spoke), sentence.Overlaps(spoke), sentence.Contains(trump))
	// Output: false true true
}
