package quote

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/internal/cputime"
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
	t0, ok := cputime.Used()
	n := 0
	for b.Loop() {
		d := &doc.Document{Text: text, Tokens: toks, Sentences: sents}
		Annotate(d)
		n++
	}
	// Process CPU time (GC included) gives the throughput of one core
	// whatever the load of the machine.
	if t1, _ := cputime.Used(); ok && t1 > t0 {
		b.ReportMetric(float64(n)*float64(len(text))/1e6/(t1-t0).Seconds(), "cpu-MB/s")
	}
}

// TestLinearWork feeds text without sentence ends, where a search bounded
// only by the sentence would make the stage quadratic: ten times the text
// must cost about ten times the token look-ups.
func TestLinearWork(t *testing.T) {
	for _, unit := range []string{
		"he said ", "x, he said, ", "“a,” she said, ", "the the ", "according to x, ", "‘a’ ",
		"Officials said the “plan” was, she said, ", "also ", "He said: “", "“",
	} {
		small, big := work(strings.Repeat(unit, 1000)), work(strings.Repeat(unit, 10000))
		if big > 12*small {
			t.Errorf("%q: %d look-ups for 1000 repetitions but %d for 10000", unit, small, big)
		}
	}
}

// TestLongSentenceIsLinear feeds one run-on sentence (no sentence end, no
// paragraph break) built from constructions that once made a pass walk the
// whole sentence per quotation or per cue: deeply nested marks, many cues
// before one long quotation, quotations with cues after them. Four times
// the text must cost at most about four times the work.
func TestLongSentenceIsLinear(t *testing.T) {
	tests := []struct {
		name string
		text func(n int) string
	}{
		{"nested single marks", func(n int) string { return strings.Repeat("‘a ", n) + strings.Repeat("b’ ", n) }},
		{"nested double and single marks", func(n int) string {
			return strings.Repeat("“a ‘b ", n) + strings.Repeat("c’ d” ", n)
		}},
		{"cues before a long quotation", func(n int) string {
			return strings.Repeat("officials said that ", n) + "“" + strings.Repeat("the plan, ", n) + "”"
		}},
		{"quotations with cues after", func(n int) string { return strings.Repeat("“the plan is good,” he said, ", n) }},
		{"partials in a quotation", func(n int) string {
			return "“" + strings.Repeat("she called it ‘good,’ he said, ", n) + "”"
		}},
		{"stray opening marks", func(n int) string { return strings.Repeat("‘a “b ", n) }},
		{"straight marks", func(n int) string { return strings.Repeat("x 'a \"b ", n) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			small, big := work(tc.text(2000)), work(tc.text(8000))
			if big > 5*small {
				t.Errorf("%d units of work for n but %d for 4n", small, big)
			}
		})
	}
}

// work returns the token look-ups Annotate makes on text.
func work(text string) int {
	d := &doc.Document{Text: text}
	if a := annotate(d); a != nil {
		return a.work
	}
	return 0
}

func FuzzQuote(f *testing.F) {
	for _, s := range []string{
		benchText,
		"“I go home, I tell her, ‘You know.’ And she said, ‘Oh?’” he said.",
		"\"unbalanced\n\n\"open 'single\n“ ” ‘ ’ '' `` « »",
		"He said: “", "“X,” he said. “Y.”", "according to", ", said , according to ,",
		"Berg’s workers’ ’90s 'em rock 'n' roll",
		"MELBOURNE, Australia — Kovac won, and then admitted that",
		"Orban's spokesman, Zoltan Kovacs, wrote that the demand was \"blackmail.\" The union's insistence that wages rise dominated.",
		"In a statement, the Commission said it would. Some parents at a meeting in Carver County said they would. that",
		"According to the employers' federation, who asked not to be named, the strike rejected the ultimatum",
		"On Monday, thousands marched, warning of. The union urged both sides to talk, spokeswoman Ana Reyes said in",
		"Asked on Tuesday about, she said nothing. WHO warns of. She called him on Friday and the room laughed, then told",
		"“We warned,” said Dr. Ana Popescu, adding that. Farmers want, and supermarkets want. Ortiz said of her rival, “",
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
