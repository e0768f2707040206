// Package sentence splits a tokenised document into sentences.
//
// News text mixes prose with headings, datelines and bylines that carry no
// final punctuation, so a line break decides as much as a full stop: a blank
// line always ends a sentence, and a single line break ends one unless the
// next line clearly continues it (it starts in lower case, or the line ends
// in a comma). A full stop, question or exclamation mark ends a sentence
// together with any closing quotes and brackets after it, unless the next word
// starts in lower case (“Really?” she asked). A period kept by an abbreviation
// ("U.S.", "a.m.") ends a sentence only before a word that usually opens one
// ("The", "He"); titles and initials ("Mr.", "J.") never do.
package sentence

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/token"
)

// Stage is the pipeline stage that fills [doc.Document.Sentences] from the
// tokens (tokenising first when the tokens are missing).
type Stage struct{}

// Process splits d into sentences.
func (Stage) Process(_ context.Context, d *doc.Document) error {
	if d.Tokens == nil && d.Text != "" {
		d.Tokens = token.Tokenize(d.Text, nil)
	}
	d.Sentences = Split(d.Text, d.Tokens, d.Sentences[:0])
	return nil
}

// Split appends the sentences of text, given its tokens, to dst. Each
// sentence runs from its first token's start to its last token's end.
func Split(text string, toks []doc.Token, dst []doc.Span) []doc.Span {
	if len(toks) == 0 {
		return dst
	}
	start := 0
	for i := range toks {
		if i+1 == len(toks) || boundaryAfter(text, toks, i) {
			dst = append(dst, doc.Span{Start: toks[start].Start, End: toks[i].End})
			start = i + 1
		}
	}
	return dst
}

// boundaryAfter reports whether a sentence ends after token i (not the last).
func boundaryAfter(text string, toks []doc.Token, i int) bool {
	cur, next := toks[i], toks[i+1]
	gap := text[cur.End:next.Start]
	if nl := strings.Count(gap, "\n"); nl >= 2 {
		return true
	} else if nl == 1 && !continues(text, cur, next) {
		return true
	}
	w := text[cur.Start:cur.End]
	nextWord := text[next.Start:next.End]
	switch {
	case isClosing(w) || (cur.Kind == doc.Punct && isOpening(w)):
		// A closing quote or bracket ends a sentence when a terminal mark
		// precedes it: `… to come,”` does not, `… hit.’”` does.
		if !isClosing(w) {
			return false
		}
		j := i
		for j > 0 && isClosing(text[toks[j].Start:toks[j].End]) {
			j--
		}
		if !isTerminal(text[toks[j].Start:toks[j].End]) || isClosing(nextWord) {
			return false
		}
		return opensSentence(text, next)
	case isTerminal(w):
		if isClosing(nextWord) || nextWord == ")" {
			return false // the closing marks belong to this sentence
		}
		return opensSentence(text, next)
	case cur.Kind == doc.Word && strings.HasSuffix(w, ".") && len(w) > 1:
		return abbreviationEnds(w, text, next)
	}
	return false
}

// continues reports whether the line break between cur and next sits inside
// a sentence: the next line starts in lower case, or the line ends with a
// comma, hyphen or an opening mark.
func continues(text string, cur, next doc.Token) bool {
	w := text[cur.Start:cur.End]
	if w == "," || w == "-" || w == ";" || isOpening(w) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[next.Start:])
	return unicode.IsLower(r)
}

// opensSentence reports whether tok can start a new sentence after a
// terminal mark: anything but a lower-case word or trailing punctuation.
func opensSentence(text string, tok doc.Token) bool {
	r, _ := utf8.DecodeRuneInString(text[tok.Start:])
	if unicode.IsLower(r) {
		return false
	}
	switch text[tok.Start:tok.End] {
	case ",", ";", ":", ")", "]", "%":
		return false
	}
	return true
}

// abbreviationEnds decides whether a word ending in a kept period (an
// abbreviation or initial) also ends the sentence.
func abbreviationEnds(w, text string, next doc.Token) bool {
	if !token.IsAbbreviation(w) {
		return opensSentence(text, next) // a word the tokeniser joined to its period
	}
	if titles[strings.TrimSuffix(w, ".")] || len(w) == 2 {
		return false // "Mr. Smith", "J. Edgar"
	}
	nw := text[next.Start:next.End]
	if isOpening(nw) {
		return true
	}
	return starters[nw]
}

func isTerminal(w string) bool {
	return w == "." || w == "!" || w == "?" || w == "..." || w == "…" || strings.HasPrefix(w, "...")
}

func isClosing(w string) bool {
	switch w {
	case "”", "’", "\"", "'", ")", "]", "»":
		return true
	}
	return false
}

func isOpening(w string) bool {
	switch w {
	case "“", "‘", "\"", "'", "(", "[", "«":
		return true
	}
	return false
}

// titles never end a sentence: a name follows them.
var titles = map[string]bool{}

// starters are words that often open a sentence and rarely follow an
// abbreviation inside one.
var starters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`Mr Mrs Ms Messrs Dr Prof Gen Lt Col Maj Capt Cmdr Adm Sgt Cpl
		Pvt Brig Gov Sen Rep Reps Sens Rev Hon Pres Supt Insp Det Amb Atty Fr St Mt Ft No Nos Vol Fig`) {
		titles[w] = true
	}
	for _, w := range strings.Fields(`The A An He She It They We I You His Her Its Their Our This That
		These Those There But And Yet So Or In On At For As After Before When While If Although
		Meanwhile However Still Now Then Some Many Most Officials Police`) {
		starters[w] = true
	}
}
