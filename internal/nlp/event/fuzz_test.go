package event_test

import (
	"context"
	"fmt"
	"hash/fnv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk/chunktest"
	"dateline/internal/nlp/deadline"
	"dateline/internal/nlp/event"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// synthDoc builds a document from any text with layers shaped like the
// upstream stages' output: every capitalised word (or the capitalised head of
// a hyphenated word, "US-imposed") is an entity mention, pronouns refer to
// the last person, numbers and weekdays are times, and curly quotes are
// quotations spoken by the first entity. Overlapping layers are allowed, as
// they happen in real output.
func synthDoc(text string) *doc.Document {
	d := &doc.Document{Text: text, Date: "2025-08-06"}
	d.Tokens = token.Tokenize(text, nil)
	d.Sentences = sentence.Split(text, d.Tokens, nil)
	types := []string{doc.Person, doc.GPE, doc.Org, doc.NORP, doc.Fac}
	byName := map[string]int{}
	lastPerson := -1
	addMention := func(name string, start, end int, kind string) {
		ei, ok := byName[name]
		if !ok {
			h := fnv.New32a()
			h.Write([]byte(name))
			ei = len(d.Entities)
			byName[name] = ei
			d.Entities = append(d.Entities, doc.Entity{ID: fmt.Sprintf("e%d", ei+1), Type: types[h.Sum32()%uint32(len(types))], Name: name})
		}
		d.Entities[ei].Mentions = append(d.Entities[ei].Mentions, doc.Mention{Start: start, End: end, Text: text[start:end], Kind: kind})
		if d.Entities[ei].Type == doc.Person {
			lastPerson = ei
		}
	}
	for i, t := range d.Tokens {
		w := text[t.Start:t.End]
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case t.Kind == doc.Number:
			typ, val := doc.Date, "2025-08-0"+string('1'+byte(i%9))
			if i%2 == 1 {
				typ, val = doc.Duration, fmt.Sprintf("P%dD", i%40+1)
			}
			d.Times = append(d.Times, doc.Time{ID: fmt.Sprintf("t%d", len(d.Times)+1), Start: t.Start, End: t.End, Text: w, Type: typ, Value: val})
		case t.Kind == doc.Word && strings.HasSuffix(w, "day") && unicode.IsUpper(r):
			d.Times = append(d.Times, doc.Time{ID: fmt.Sprintf("t%d", len(d.Times)+1), Start: t.Start, End: t.End, Text: w, Type: doc.Date, Value: "2025-08-08"})
			fallthrough
		case t.Kind == doc.Word && unicode.IsUpper(r):
			end := t.End
			if h := strings.IndexByte(w, '-'); h > 0 {
				end = t.Start + h
			}
			addMention(text[t.Start:end], t.Start, end, "")
		case t.Kind == doc.Word && (w == "he" || w == "she" || w == "they") && lastPerson >= 0:
			addMention(d.Entities[lastPerson].Name, t.Start, t.End, "pronoun")
		}
	}
	open := -1
	for _, t := range d.Tokens {
		switch text[t.Start:t.End] {
		case "“":
			open = t.End
		case "”":
			if open >= 0 && open <= t.Start && len(d.Entities) > 0 {
				q := doc.Quote{ID: fmt.Sprintf("q%d", len(d.Quotes)+1), Start: open, End: t.Start, Text: text[open:t.Start],
					Speaker: d.Entities[0].ID, Kind: doc.Direct}
				d.Quotes = append(d.Quotes, q)
			}
			open = -1
		}
	}
	return d
}

// FuzzEvent checks that the event and deadline stages never panic and keep
// the document valid whatever the text and layers.
func FuzzEvent(f *testing.F) {
	t := &testing.T{}
	for _, c := range loadGolden(t) {
		if d, err := chunktest.Parse(c.Marked, c.Date); err == nil {
			f.Add(d.Text)
		}
	}
	for _, s := range []string{"", " ", "“", "”X said.", "a US-imposed Friday deadline for Russia to", "Trump gave Russia until 8 to agree or face",
		"Iran has 60 days to", "X must agree by 9,", "The the the meeting meeting with with in in", "’s ’s ’s", "-- -- - -",
		"“He said, ‘They met,’” she said.", "\xff\xfe", "Deadline\n\nDeadline\n\nthe deadline"} {
		f.Add(s)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD") // readers hand stages valid UTF-8
		}
		d := synthDoc(text)
		if err := d.Validate(); err != nil {
			t.Skipf("synthetic layers invalid: %v", err)
		}
		if err := (event.Stage{}).Process(ctx, d); err != nil {
			t.Fatal(err)
		}
		if err := (deadline.Stage{}).Process(ctx, d); err != nil {
			t.Fatal(err)
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("invalid document after the event stage: %v\ntext: %q", err, text)
		}
		for _, e := range d.Events {
			if e.Type == "" || e.Trigger.Text == "" {
				t.Fatalf("event without type or trigger: %+v", e)
			}
			if _, ok := event.Info(e.Type); !ok {
				t.Fatalf("event type %q not in the type table", e.Type)
			}
		}
	})
}
