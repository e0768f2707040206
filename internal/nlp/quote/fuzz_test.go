package quote

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// benchText is an invented article exercising every construction.
const benchText = `Port talks stall as union rejects offer

“We will not accept an offer that cuts pensions,” union leader Tomas Berg told reporters on Monday. “Our members have waited long enough.”

Harbour master Jonas Vik said the port would stay closed until Friday, adding that the cranes needed “urgent repairs.” According to the port authority, 40 ships are waiting outside.

The delay, he said, has cost shippers millions. Mayor Ana Ruiz described the talks as “difficult” but “necessary,” saying both sides wanted a deal.

Berg wrote in a letter: “We have been patient.

“Now we want answers, and we want them this week.”

Officials insisted that no ship would be diverted, the ministry said. "It's a 'temporary' measure," a spokeswoman said.
`

func BenchmarkQuote(b *testing.B) {
	text := strings.Repeat(benchText+"\n", 20)
	toks := token.Tokenize(text, nil)
	sents := sentence.Split(text, toks, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d := &doc.Document{Text: text, Tokens: toks, Sentences: sents}
		Annotate(d)
	}
}

// TestLinearTime feeds text without sentence ends, where a search bounded
// by the sentence would make the stage quadratic.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	for _, unit := range []string{
		"he said ", "x, he said, ", "“a,” she said, ", "the the ", "according to x, ", "‘a’ ",
		"Officials said the “plan” was, she said, ", "also ",
	} {
		small := strings.Repeat(unit, 2000)
		big := strings.Repeat(unit, 20000)
		ts, tb := timeAnnotate(small), timeAnnotate(big)
		// Ten times the text may take ten times as long, with slack for
		// noise on a shared machine, but not a hundred times.
		if tb > 40*ts && tb > 200*time.Millisecond {
			t.Errorf("%q: %v for %d bytes but %v for %d bytes", unit, ts, len(small), tb, len(big))
		}
	}
}

// timeAnnotate returns the best of three runs of Annotate on text.
func timeAnnotate(text string) time.Duration {
	toks := token.Tokenize(text, nil)
	sents := sentence.Split(text, toks, nil)
	best := time.Duration(1<<63 - 1)
	for range 3 {
		d := &doc.Document{Text: text, Tokens: toks, Sentences: sents}
		start := time.Now()
		Annotate(d)
		best = min(best, time.Since(start))
	}
	return best
}

func FuzzQuote(f *testing.F) {
	for _, s := range []string{
		benchText,
		"“I go home, I tell her, ‘You know.’ And she said, ‘Oh?’” he said.",
		"\"unbalanced\n\n\"open 'single\n“ ” ‘ ’ '' `` « »",
		"He said: “", "“X,” he said. “Y.”", "according to", ", said , according to ,",
		"Berg’s workers’ ’90s 'em rock 'n' roll",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		d := &doc.Document{Text: text}
		d.Tokens = token.Tokenize(text, nil)
		d.Sentences = sentence.Split(text, d.Tokens, nil)
		// A person entity on every capitalised word, so that speaker and
		// pronoun resolution run too.
		for i, tk := range d.Tokens {
			r, _ := utf8.DecodeRuneInString(text[tk.Start:])
			if tk.Kind == doc.Word && r >= 'A' && r <= 'Z' {
				d.Entities = append(d.Entities, doc.Entity{
					ID: "e" + string(rune('a'+i%26)) + strings.Repeat("x", i/26), Type: doc.Person, Name: text[tk.Start:tk.End],
					Mentions: []doc.Mention{{Start: tk.Start, End: tk.End, Text: text[tk.Start:tk.End]}},
				})
			}
		}
		if err := (Stage{}).Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("invalid document: %v", err)
		}
		for _, q := range d.Quotes {
			if q.Start >= q.End {
				t.Fatalf("quote %s: empty content", q.ID)
			}
			switch q.Kind {
			case doc.Direct, doc.Partial, doc.Indirect, doc.Mixed:
			default:
				t.Fatalf("quote %s: kind %q", q.ID, q.Kind)
			}
		}
	})
}
