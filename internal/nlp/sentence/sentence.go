// Package sentence splits a tokenised document into sentences.
//
// News text mixes prose with headings, datelines, bylines, list items and
// timestamps that carry no final punctuation, so line breaks decide as much as
// full stops do:
//
//   - A blank line always ends a sentence.
//   - A single line break ends one unless the next line clearly continues it:
//     it starts in lower case, or the line ends in a comma, semicolon, dash or
//     opening mark. In hard-wrapped copy (see [Split]) a line break after a
//     full-width line is only a space.
//   - A full stop, question or exclamation mark or ellipsis ends a sentence
//     together with the closing quotes and brackets attached to it, unless the
//     next word starts in lower case (“Really?” she asked), is attached to
//     the mark ("v2.9.1", "example.com"), or the mark ends a list number at
//     the start of a line ("1. Public consultation"). A quote that ends in a
//     final mark keeps its attribution: “Great progress!” Trump wrote.
//   - A period kept by an abbreviation ("U.S.", "a.m.", "Inc.") ends a
//     sentence only before a word that usually opens one ("The", "He", an
//     opening quote followed by such a word); titles ("Mr.", "Gen.", "No.",
//     "St.") never do, and initials ("J.") only before such a word.
//
// Straight quotes are told apart by position and spacing: a quote that starts
// a line, or has space before it and none after it, opens; any other closes.
// Lower-case words in camel case ("iPhone") may open a sentence.
//
// The rules are measured on the articles in testdata (see gold_test.go and
// testdata/README.md); keep them general rather than fitted to one sentence.
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

// Split appends the sentences of text, given its tokens (from
// [token.Tokenize]), to dst. Each sentence runs from its first token's start
// to its last token's end, so sentences never begin or end in whitespace.
//
// Split first decides whether text is hard-wrapped: no line longer than
// maxWrapWidth characters and at least minSoftBreaks line breaks before a
// lower-case word. In wrapped text a line break after a line at least 60% as
// long as the longest one reads as a space.
func Split(text string, toks []doc.Token, dst []doc.Span) []doc.Span {
	if len(toks) == 0 {
		return dst
	}
	s := splitter{text: text, toks: toks, wrapWidth: wrapWidth(text)}
	start := 0
	for i := range toks {
		if i+1 == len(toks) || s.boundaryAfter(i) {
			dst = append(dst, doc.Span{Start: toks[start].Start, End: toks[i].End})
			start = i + 1
		}
	}
	return dst
}

// splitter holds the text, its tokens and what Split learnt about the layout.
type splitter struct {
	text      string
	toks      []doc.Token
	wrapWidth int // minimum length of a soft-wrapped line; 0 if text is not wrapped
}

// word returns the text of token i.
func (s *splitter) word(i int) string { return s.text[s.toks[i].Start:s.toks[i].End] }

// boundaryAfter reports whether a sentence ends after token i (not the last).
func (s *splitter) boundaryAfter(i int) bool {
	cur, next := s.toks[i], s.toks[i+1]
	if cur.End < next.Start {
		switch lineBreaks(s.text[cur.End:next.Start]) {
		case 0:
		case 1:
			if s.continues(i) {
				return false
			}
			if !s.softWrap(i) {
				return true
			}
		default:
			return true
		}
	}
	if !next.SpaceBefore {
		// Attached to what follows: "v2.9.1", "example.com", ".”", "?!".
		return false
	}
	if cur.Kind == doc.Number || (cur.Kind == doc.Word && s.text[cur.End-1] != '.') {
		return false // fast path: most tokens are plain words
	}
	// Walk back over the closing quotes and brackets after a final mark:
	// `hit.’”` ends where `to come,”` does not. Tokenised text spaces them
	// off: `hit . ''`. The walk is bounded so that a long run of brackets
	// costs linear time.
	j := i
	for n := 0; j > 0 && n < maxClosing && s.closes(j); n++ {
		j--
	}
	w := s.word(j)
	switch {
	case isTerminal(w):
		if w == "." && s.listNumber(j) {
			return false
		}
		if j < i && s.attribution(i+1) {
			return false // “Great progress was made!” Trump wrote.
		}
		return s.opensSentence(i + 1)
	case s.toks[j].Kind == doc.Word && len(w) > 1 && w[len(w)-1] == '.':
		return s.abbreviationEnds(w, i+1)
	}
	return false
}

// continues reports whether the single line break after token i sits inside
// a sentence: the line ends with a comma, semicolon, dash (also the "_" of
// old wire copy) or opening mark, or the next line starts in lower case.
func (s *splitter) continues(i int) bool {
	switch w := s.word(i); w {
	case ",", ";", "-", "--", "–", "—", "_", "&":
		return true
	default:
		if s.opens(i) {
			return true
		}
	}
	return s.lowerWord(i + 1)
}

// lowerWord reports whether token i is a word in lower case, which continues
// a sentence. Brand names in camel case ("iPhone", "eBay") can open one.
func (s *splitter) lowerWord(i int) bool {
	w := s.word(i)
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	for _, r := range w[n:] {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// softWrap reports whether the line break after token i is a wrap inside a
// paragraph: the text is hard-wrapped, the line is full width and the next
// line does not start a list item.
func (s *splitter) softWrap(i int) bool {
	if s.wrapWidth == 0 {
		return false
	}
	end := s.toks[i].End
	lineStart := strings.LastIndexByte(s.text[:end], '\n') + 1
	if utf8.RuneCountInString(s.text[lineStart:end]) < s.wrapWidth {
		return false
	}
	return !s.listItem(i + 1)
}

// listItem reports whether token i (the first of a line) is a bullet or a
// list number: "- ", "• ", "* ", "1. ", "2) ".
func (s *splitter) listItem(i int) bool {
	switch s.word(i) {
	case "-", "–", "—", "•", "*", "·", "▪", "◦", "‣":
		return true
	}
	if s.toks[i].Kind == doc.Number && i+1 < len(s.toks) && !s.toks[i+1].SpaceBefore {
		w := s.word(i + 1)
		return w == "." || w == ")"
	}
	return false
}

// listNumber reports whether the full stop at token j ends a list number at
// the start of a line ("1. Public consultation opens").
func (s *splitter) listNumber(j int) bool {
	if j == 0 || s.toks[j].SpaceBefore {
		return false
	}
	n := s.toks[j-1]
	if n.Kind != doc.Number || n.End-n.Start > 3 {
		return false
	}
	return j-1 == 0 || lineBreaks(s.text[s.toks[j-2].End:n.Start]) > 0
}

// opensSentence reports whether the token at i can start a new sentence
// after a final mark: anything but a lower-case word or punctuation that
// continues one. Opening quotes and brackets are looked through.
func (s *splitter) opensSentence(i int) bool {
	k := s.skipOpening(i)
	if k == len(s.toks) {
		return true
	}
	if s.lowerWord(k) {
		return false
	}
	switch s.word(k) {
	case ",", ";", ":", "%", "-", "–", "—":
		return false
	}
	return !s.closes(k) // the closing marks belong to this sentence
}

// abbreviationEnds decides whether a word ending in a kept period (an
// abbreviation or initial) also ends the sentence, looking at the token at
// next.
func (s *splitter) abbreviationEnds(w string, next int) bool {
	if !token.IsAbbreviation(w) {
		return s.opensSentence(next) // a word the tokeniser joined to its period
	}
	if isTitle(w[:len(w)-1]) {
		return false // "Mr. Smith", "No. 10", "St. Louis"
	}
	k := s.skipOpening(next)
	if k == len(s.toks) {
		return true
	}
	if clockAbbrevs[w] && s.toks[k].Kind == doc.Word && !s.lowerWord(k) {
		return !s.timeContinues(k) // "5 p.m. Friday" but "5 p.m. Police said"
	}
	return starters[s.word(k)]
}

// timeContinues reports whether the capitalised word at k continues a clock
// time: a day or month name, a time zone ("ET", "GMT", "Eastern"), or a
// place before "time" ("Moscow time").
func (s *splitter) timeContinues(k int) bool {
	w := s.word(k)
	if timeWords[w] || (len(w) >= 2 && len(w) <= 4 && allCaps(w)) {
		return true
	}
	return k+1 < len(s.toks) && s.word(k+1) == "time"
}

// attribution reports whether the tokens from i name a speaker and a speech
// verb ("Trump wrote", "President Donald Trump said"): a quote that ends in a
// final mark and is followed by its attribution is one sentence with it.
func (s *splitter) attribution(i int) bool {
	if i < len(s.toks) && starters[s.word(i)] {
		return false // “… listened.” The Greens said they would …
	}
	for k := i; k < len(s.toks) && k <= i+4; k++ {
		w := s.word(k)
		if k > i && speechVerbs[w] {
			return true
		}
		r, _ := utf8.DecodeRuneInString(w)
		if s.toks[k].Kind != doc.Word || !unicode.IsUpper(r) {
			return false
		}
	}
	return false
}

// skipOpening returns the index of the first token at or after i that is
// not an opening quote or bracket.
func (s *splitter) skipOpening(i int) int {
	for i < len(s.toks) && s.opens(i) {
		i++
	}
	return i
}

// opens reports whether token i is an opening quote or bracket. A straight
// quote opens when it starts a line, or when space precedes it and none
// follows it.
func (s *splitter) opens(i int) bool {
	switch s.word(i) {
	case "“", "‘", "«", "„", "‚", "``", "(", "[", "{":
		return true
	case "\"", "'":
		if i == 0 || lineBreaks(s.text[s.toks[i-1].End:s.toks[i].Start]) > 0 {
			return true
		}
		return s.toks[i].SpaceBefore && i+1 < len(s.toks) && !s.toks[i+1].SpaceBefore
	}
	return false
}

// closes reports whether token i is a closing quote or bracket.
func (s *splitter) closes(i int) bool {
	switch s.word(i) {
	case "”", "’", "»", "''", ")", "]", "}":
		return true
	case "\"", "'":
		return !s.opens(i)
	}
	return false
}

// lineBreaks counts the line breaks in a run of white space: "\n", "\r\n", a
// lone "\r", NEL and the line separator U+2028 count one each, the paragraph
// separator U+2029 two (a blank line).
func lineBreaks(gap string) int {
	n := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			n++
		case '\r':
			if i+1 == len(gap) || gap[i+1] != '\n' {
				n++
			}
		case 0xC2: // U+0085 NEL is C2 85
			if i+1 < len(gap) && gap[i+1] == 0x85 {
				n++
			}
		case 0xE2: // U+2028 is E2 80 A8, U+2029 is E2 80 A9
			if i+2 < len(gap) && gap[i+1] == 0x80 {
				switch gap[i+2] {
				case 0xA8:
					n++
				case 0xA9:
					n += 2
				}
			}
		}
	}
	return n
}

// maxClosing is the most closing marks that can follow a final mark:
// `said.’”)` has three.
const maxClosing = 4

// Hard-wrap detection limits: wire copy is wrapped at 60–80 columns.
const (
	maxWrapWidth  = 100
	minSoftBreaks = 2
)

// wrapWidth returns the shortest line length, in characters, that counts as
// a full hard-wrapped line, or 0 if text does not look hard-wrapped.
func wrapWidth(text string) int {
	longest, soft := 0, 0
	for len(text) > 0 {
		n := strings.IndexByte(text, '\n')
		if n < 0 {
			n = len(text)
		}
		line := strings.TrimSuffix(text[:n], "\r")
		width := utf8.RuneCountInString(line)
		if width > maxWrapWidth {
			return 0
		}
		longest = max(longest, width)
		if n == len(text) {
			break
		}
		text = text[n+1:]
		if line != "" {
			r, _ := utf8.DecodeRuneInString(text)
			if unicode.IsLower(r) {
				soft++
			}
		}
	}
	if soft < minSoftBreaks {
		return 0
	}
	return max(1, longest*6/10)
}

// allCaps reports whether w is all ASCII capitals ("ET", "GMT").
func allCaps(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func isTerminal(w string) bool {
	switch w {
	case ".", "!", "?", "…", "‼", "⁇", "⁈", "⁉", "。", "！", "？":
		return true
	}
	return strings.HasPrefix(w, "...")
}

// isTitle reports whether w is a title abbreviation, also in capitals
// ("ST" as in "ST. LOUIS").
func isTitle(w string) bool {
	if titles[w] {
		return true
	}
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	if !allCaps(w) {
		return false
	}
	var buf [4]byte
	buf[0] = w[0]
	for i := 1; i < len(w); i++ {
		buf[i] = w[i] | 0x20
	}
	return titles[string(buf[:len(w)])]
}

// titles never end a sentence: a name or number follows them.
var titles = map[string]bool{}

// starters are words that often open a sentence and rarely follow an
// abbreviation inside one: pronouns, determiners, conjunctions, prepositions
// and sentence adverbs.
var starters = map[string]bool{}

// clockAbbrevs are the abbreviations after a clock time.
var clockAbbrevs = map[string]bool{"a.m.": true, "p.m.": true, "A.M.": true, "P.M.": true}

// timeWords can follow a clock time inside a sentence.
var timeWords = map[string]bool{}

// speechVerbs attribute a quote to its speaker.
var speechVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday
		Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun January February March April May June July
		August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
		Eastern Central Mountain Pacific Atlantic Greenwich`) {
		timeWords[w] = true
	}
	for _, w := range strings.Fields(`said says wrote writes asked asks told tells added adds replied
		replies tweeted posted declared insisted explained noted recalled warned argued continued
		concluded shouted answered responded`) {
		speechVerbs[w] = true
	}
	for _, w := range strings.Fields(`Mr Mrs Ms Messrs Mme Mmes Mlle Dr Drs Prof Gen Lt Col Maj Capt Cmdr Adm
		Sgt Cpl Pvt Brig Gov Sen Sens Rep Reps Rev Hon Pres Supt Insp Det Amb Atty Fr Sra Sr Mt Ft St
		Ste No Nos Vol Vols Fig Figs Art Sec Ch Para pp cf vs v viz`) {
		titles[w] = true
	}
	for _, w := range strings.Fields(`The A An He She It They We I You His Her Its Their Our My Your
		This That These Those There Here But And Yet So Or Nor In On At For As After Before When While
		If Although Though Because Since Until Unless Meanwhile However Still Now Then Some Many Most
		Few Both Each Every All Several No None Neither Either Other Others Such What Who Why How Where
		Which Whether Also Instead Earlier Later Last Next Today Yesterday Tomorrow Asked Despite During
		Under Over From With Without By To Of Nearly About Almost More Less Only Even Just Not`) {
		starters[w] = true
	}
}
