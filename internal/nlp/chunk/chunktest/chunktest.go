// Package chunktest builds annotated documents for the tests of the syntax,
// event and deadline stages, so that they can be written before (and checked
// apart from) the entity, time and quote stages they read.
//
// A marked text holds the layers inline:
//
//	[[US President|NORP]] [[Donald Trump|PERSON|trump]] said on [[Wednesday|DATE|2025-08-06]]
//	that [[he|PERSON|trump]] would meet [[Putin|PERSON]] in [[Moscow|GPE]].
//	[[“We agree,”|QUOTE|putin]] ...
//
// [[text|TYPE]] is an entity mention (its key is the text); [[text|TYPE|key]]
// links mentions with the same key into one entity. For the TIMEX3 types
// DATE, TIME, DURATION and SET the third field is the value. [[text|QUOTE|key]]
// is a quotation whose speaker is entity key (its content is text without
// outer quote marks). Marks nest.
package chunktest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"dateline/internal/doc"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

type mark struct {
	start, end int
	typ, arg   string
}

// Parse builds a document dated date from a marked text: the text without
// marks, its tokens, sentences, entities, times and quotes.
func Parse(marked, date string) (*doc.Document, error) {
	var b strings.Builder
	var marks []mark
	var stack []int
	for i := 0; i < len(marked); {
		switch {
		case strings.HasPrefix(marked[i:], "[["):
			stack = append(stack, b.Len())
			i += 2
		case strings.HasPrefix(marked[i:], "]]") && len(stack) > 0:
			start := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			inner := b.String()[start:]
			bar := strings.Index(inner, "|")
			if bar < 0 {
				return nil, fmt.Errorf("mark at %d: no |TYPE", start)
			}
			fields := strings.Split(inner[bar+1:], "|")
			m := mark{start: start, end: start + bar, typ: fields[0]}
			if len(fields) > 1 {
				m.arg = fields[1]
			}
			// Drop "|TYPE|arg" from the output text.
			rest := b.String()[:start+bar]
			b.Reset()
			b.WriteString(rest)
			marks = append(marks, m)
			i += 2
		default:
			b.WriteByte(marked[i])
			i++
		}
	}
	if len(stack) > 0 {
		return nil, errors.New("unclosed [[")
	}
	d := &doc.Document{Text: b.String(), Date: date}
	d.Tokens = token.Tokenize(d.Text, nil)
	d.Sentences = sentence.Split(d.Text, d.Tokens, nil)
	// Marks close inner-first; order them by start for stable ids.
	sortMarks(marks)
	entities := map[string]int{}
	for _, m := range marks {
		text := d.Text[m.start:m.end]
		switch m.typ {
		case doc.Date, doc.TimeOfDay, doc.Duration, doc.Set:
			d.Times = append(d.Times, doc.Time{ID: fmt.Sprintf("t%d", len(d.Times)+1), Start: m.start, End: m.end,
				Text: text, Type: m.typ, Value: m.arg})
		case "QUOTE":
			s, e := trimQuotes(d.Text, m.start, m.end)
			q := doc.Quote{ID: fmt.Sprintf("q%d", len(d.Quotes)+1), Start: s, End: e, Text: d.Text[s:e], Kind: doc.Direct}
			q.Speaker = m.arg // resolved to an id below
			d.Quotes = append(d.Quotes, q)
		default:
			key := m.arg
			if key == "" {
				key = text
			}
			kind := ""
			switch {
			case pronoun[strings.ToLower(text)]:
				kind = "pronoun"
			case text != "" && (text[0] >= 'a' && text[0] <= 'z'):
				kind = "nominal"
			}
			ei, ok := entities[key]
			if !ok {
				ei = len(d.Entities)
				entities[key] = ei
				d.Entities = append(d.Entities, doc.Entity{ID: fmt.Sprintf("e%d", ei+1), Type: m.typ})
			}
			e := &d.Entities[ei]
			e.Mentions = append(e.Mentions, doc.Mention{Start: m.start, End: m.end, Text: text, Kind: kind})
			if kind == "" && len(text) > len(e.Name) {
				e.Name = text
			}
		}
	}
	for i := range d.Quotes {
		if k := d.Quotes[i].Speaker; k != "" {
			ei, ok := entities[k]
			if !ok {
				return nil, fmt.Errorf("quote %s: unknown speaker %q", d.Quotes[i].ID, k)
			}
			d.Quotes[i].Speaker = d.Entities[ei].ID
		}
	}
	if err := d.Validate(); err != nil {
		return nil, fmt.Errorf("marked document: %w", err)
	}
	return d, nil
}

// MustParse is [Parse] for tests: it stops the test on error.
func MustParse(tb testing.TB, marked, date string) *doc.Document {
	tb.Helper()
	d, err := Parse(marked, date)
	if err != nil {
		tb.Fatalf("chunktest: %v", err)
	}
	return d
}

var pronoun = map[string]bool{"he": true, "she": true, "it": true, "they": true, "him": true, "her": true,
	"them": true, "his": true, "its": true, "their": true, "we": true, "i": true}

func sortMarks(ms []mark) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && (ms[j].start < ms[j-1].start || ms[j].start == ms[j-1].start && ms[j].end > ms[j-1].end); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func trimQuotes(text string, s, e int) (int, int) {
	for _, q := range []string{"“", "\"", "‘"} {
		if strings.HasPrefix(text[s:e], q) {
			s += len(q)
			break
		}
	}
	for _, q := range []string{",”", ".”", "”", "\"", "’", ",\""} {
		if strings.HasSuffix(text[s:e], q) {
			e -= len(q)
			break
		}
	}
	return s, e
}
