package timex

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

// Stage is the pipeline stage that fills [doc.Document.Times]. It reads the
// tokens and sentences when earlier stages made them and builds them itself
// otherwise. It holds no state and is safe for concurrent use.
type Stage struct{}

// Process finds and normalises the time expressions of d.
func (Stage) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	toks := d.Tokens
	if toks == nil && d.Text != "" {
		toks = token.Tokenize(d.Text, nil)
	}
	sents := d.Sentences
	if sents == nil && len(toks) > 0 {
		sents = sentence.Split(d.Text, toks, nil)
	}
	dct, ok := d.DCT()
	if !ok {
		dct, ok = datelineDate(d.Text, toks, sents)
	}
	d.Times = Extract(d.Text, toks, sents, dct, ok, d.Times[:0])
	return nil
}

// datelineLines is how many lines from the top may hold a dateline.
const datelineLines = 3

// datelineDate returns the date of an undated article's dateline: a line
// among the first few that is a full calendar date and nothing else
// ("September 18, 2008" under the headline). It is the article's own date,
// so relative expressions can be anchored on it as on a DCT.
func datelineDate(text string, toks []doc.Token, sents []doc.Span) (time.Time, bool) {
	end, lines := 0, 0
	for end < len(text) && lines < datelineLines {
		if text[end] == '\n' {
			lines++
		}
		end++
	}
	n := sort.Search(len(toks), func(k int) bool { return toks[k].End > end })
	for _, tm := range Extract(text[:end], toks[:n], nil, time.Time{}, false, nil) {
		if tm.Type != doc.Date || len(tm.Value) != 10 || !isDigit(tm.Value[0]) || !wholeLine(text, tm.Start, tm.End) {
			continue
		}
		if t, ok := parseDay(tm.Value); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// wholeLine reports whether text[start:end] is all of its line but spaces.
func wholeLine(text string, start, end int) bool {
	for k := start - 1; k >= 0 && text[k] != '\n'; k-- {
		if text[k] != ' ' && text[k] != '\t' && text[k] != '\r' {
			return false
		}
	}
	for k := end; k < len(text) && text[k] != '\n'; k++ {
		if text[k] != ' ' && text[k] != '\t' && text[k] != '\r' {
			return false
		}
	}
	return true
}

// Extract appends the time expressions of text to dst and returns the result.
// toks are the tokens of text and sents its sentences (both in text order);
// dct is the document creation time, used only when hasDCT is true. Ids are
// "t1", "t2", ... counted from the first time appended.
func Extract(text string, toks []doc.Token, sents []doc.Span, dct time.Time, hasDCT bool, dst []doc.Time) []doc.Time {
	p := parser{text: text, hasDCT: hasDCT, lastSpanTok: -1}
	if hasDCT {
		p.dct = time.Date(dct.Year(), dct.Month(), dct.Day(), 0, 0, 0, 0, time.UTC)
		p.dctDay = fmtDay(p.dct)
	}
	buf := tokPool.Get().(*[]tok)
	p.toks = buildTokens(text, toks, (*buf)[:0])
	defer func() {
		if cap(p.toks) <= maxPooledToks {
			*buf = p.toks[:0]
			tokPool.Put(buf)
		}
	}()
	p.sents = sents
	base := len(dst)
	done := 0 // toks before done belong to times already found
	for i := 0; i < len(p.toks); {
		if !p.trigger(i) {
			i++
			continue
		}
		ms := p.matchAt(i)
		if len(ms) == 0 {
			i++
			continue
		}
		next := i + 1
		for _, m := range ms {
			if m.end > next {
				next = m.end
			}
			if m.start < done {
				m.start = i // a match reaching back ("last Christmas") never overlaps
			}
			start, end := m.span(p.toks)
			if m.byteStart != m.byteEnd {
				start, end = m.byteStart, m.byteEnd
			}
			if start >= end || !ValidValue(m.typ, m.value) {
				continue
			}
			dst = append(dst, doc.Time{
				ID:    "t" + strconv.Itoa(len(dst)-base+1),
				Start: start, End: end, Text: text[start:end],
				Type: m.typ, Value: m.value, Mod: m.mod,
			})
			if m.typ == doc.Duration && p.is(m.start, "the") && reportingSpan(m.value) {
				p.lastSpanTok = m.start // "the first nine months", "the year ended June 30"
			}
			if (m.typ == doc.Date || m.typ == doc.TimeOfDay) && !m.derived && m.value[0] != 'P' && m.value[0] != 'F' {
				p.lastDate, p.lastDateTok, p.lastDateEnd = m.value, m.start, m.end
				if len(m.value) == 7 && m.value[5] == 'Q' && p.reportable(m.value) && (m.value != p.unitValue(uQuarter, 0) || p.tense(m.start) != future) {
					// The DCT's own quarter in a forecast ("expects a loss in
					// the fourth quarter") is not the one reported on.
					p.lastQuarter, p.lastQuarterTok = m.value, m.start
				}
			}
		}
		i, done = next, next
	}
	return dst
}

// tokPool recycles the matcher's token buffers between documents; the
// stage itself keeps no state. Buffers of huge documents are not kept.
var tokPool = sync.Pool{New: func() any { return new([]tok) }}

const maxPooledToks = 1 << 16

// tok is a token as the matcher sees it: hyphenated words are split into
// their parts ("Three-hour" → "Three" + "hour" with hyph set), and each part
// carries its lexicon entry and number value.
type tok struct {
	start, end int
	e          *entry
	kind       doc.TokenKind
	hyph       bool    // joined to the previous tok by a hyphen
	cap        bool    // starts with an upper-case ASCII letter
	space      bool    // whitespace before
	digits     int     // number of characters of a plain digit string (0 if not one)
	val        int     // value of a plain digit string or a "5th" ordinal
	isNum      bool    // a plain number: digits with optional thousands commas or decimals
	num        float64 // its value
	ordinal    bool    // "5th", "21st"
	decade     bool    // "1990s", "90s"
	edVerb     bool    // a lower-case word ending in "ed": a past-tense cue
	fy         int     // the year of a fiscal-year word ("FY2027", "FY27"), else 0
}

// trigger reports whether a pattern can start at tok i: a number, a word
// that starts expressions, or a lead word ("the", "about", "at") right before
// a trigger ("at least", "the past").
func (p *parser) trigger(i int) bool {
	t := &p.toks[i]
	switch {
	case t.kind == doc.Number:
		return true
	case t.kind == doc.Punct && (p.text[t.start] == '\'' || p.text[t.start] == 0xE2) && i+1 < len(p.toks) && p.toks[i+1].digits == 2:
		return true // "'82"
	case t.e == nil:
		return false
	case t.e.start:
		return true
	case t.e.lead:
		for j := i + 1; j < len(p.toks) && j < i+4; j++ {
			if n := &p.toks[j]; n.e == nil || !n.e.lead {
				return p.trigger(j)
			}
		}
	}
	return false
}

// buildTokens converts document tokens to matcher tokens.
func buildTokens(text string, in []doc.Token, out []tok) []tok {
	hyph := false
	for k, t := range in {
		if t.End > len(text) || t.Start < 0 || t.Start >= t.End {
			continue
		}
		s := text[t.Start:t.End]
		// A hyphen the tokeniser split off between a number and a word
		// ("10-year" → "10" "-" "year") joins its neighbours.
		if s == "-" && !t.SpaceBefore && k > 0 && k+1 < len(in) && !in[k+1].SpaceBefore && len(out) > 0 {
			hyph = true
			continue
		}
		joined := hyph && (t.Kind == doc.Word || t.Kind == doc.Number)
		hyph = false
		first := len(out)
		if (t.Kind == doc.Word || t.Kind == doc.Number) && hyphenAt(s) > 0 && !allDigitParts(s) {
			out = appendParts(text, t, out)
		} else {
			out = append(out, newTok(text, t.Start, t.End, t.Kind, t.SpaceBefore, false))
		}
		if joined && first < len(out) {
			out[first].hyph = true
		}
	}
	return out
}

// hyphenAt returns the byte index of the first hyphen in s, or -1.
func hyphenAt(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '-':
			return i
		case s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x90 || s[i+2] == 0x91):
			return i
		}
	}
	return -1
}

// allDigitParts reports whether s is digits and hyphens only ("2025-08-06").
func allDigitParts(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '-' && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// appendParts splits a hyphenated token into its parts.
func appendParts(text string, t doc.Token, out []tok) []tok {
	start, first := t.Start, true
	for start < t.End {
		s := text[start:t.End]
		h := hyphenAt(s)
		end := t.End
		if h >= 0 {
			end = start + h
		}
		if end > start {
			kind := doc.Word
			if c := text[start]; c >= '0' && c <= '9' {
				kind = doc.Number
			}
			out = append(out, newTok(text, start, end, kind, first && t.SpaceBefore, !first))
		}
		first = false
		if h < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(s[h:])
		start = end + size
	}
	return out
}

func newTok(text string, start, end int, kind doc.TokenKind, space, hyph bool) tok {
	s := text[start:end]
	t := tok{start: start, end: end, kind: kind, hyph: hyph, space: space}
	if c := s[0]; 'A' <= c && c <= 'Z' {
		t.cap = true
	}
	switch kind {
	case doc.Word:
		t.e = lookup(s)
		t.edVerb = t.e == nil && !t.cap && pastForm(s)
		if t.e == nil && t.cap {
			if y, ok := fiscalYearWord(s); ok {
				t.e, t.fy = lookup("fy"), y
			}
		}
	case doc.Number:
		parseNumberTok(&t, s)
	}
	return t
}

// fiscalYearWord reads a fiscal year written as one word: "FY2027", "FY27"
// (two-digit years as in [twoDigitYear]).
func fiscalYearWord(s string) (int, bool) {
	if len(s) != 4 && len(s) != 6 || s[0] != 'F' || s[1] != 'Y' && s[1] != 'y' {
		return 0, false
	}
	n := 0
	for i := 2; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	if len(s) == 4 {
		n = twoDigitYear(n)
	}
	return n, n >= 1000 && n < 2200
}

// parseNumberTok fills the number fields of t from its text s.
func parseNumberTok(t *tok, s string) {
	n, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 9 {
		n = n*10 + int(s[i]-'0')
		i++
	}
	switch rest := s[i:]; {
	case rest == "":
		t.digits, t.val = i, n
		t.isNum, t.num = true, float64(n)
	case plainNumber(s):
		if f, err := strconv.ParseFloat(stripCommas(s), 64); err == nil {
			t.isNum, t.num = true, f
		}
	case rest == "s" && (i == 4 && n%10 == 0 || i == 2 && n%10 == 0):
		t.decade, t.val, t.digits = true, n, i
	case i > 0 && (rest == "st" || rest == "nd" || rest == "rd" || rest == "th"):
		t.ordinal, t.val = true, n
	}
}

// plainNumber reports whether s is digits with thousands commas and at most
// one decimal point ("1,000", "3.5").
func plainNumber(s string) bool {
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == ',' && i > 0 && i+3 < len(s)+0 && !dot:
		case c == '.' && !dot && i > 0 && i+1 < len(s):
			dot = true
		default:
			return false
		}
	}
	return len(s) > 0 && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

func stripCommas(s string) string {
	if hyphenAt(s) >= 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// e returns the lexicon entry of tok i, or nil when there is none or i is
// out of range.
func (p *parser) e(i int) *entry {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return p.toks[i].e
}

// is reports whether tok i is the word w (ASCII case-insensitive).
func (p *parser) is(i int, w string) bool {
	if i < 0 || i >= len(p.toks) {
		return false
	}
	t := &p.toks[i]
	if t.e != nil {
		return t.e.word == w
	}
	s := p.text[t.start:t.end]
	if len(s) != len(w) {
		return false
	}
	for j := 0; j < len(s); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[j] {
			return false
		}
	}
	return true
}

// str returns the text of tok i ("" out of range).
func (p *parser) str(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.text[p.toks[i].start:p.toks[i].end]
}

// pastForm reports whether a lower-case word looks like a regular past
// tense ("agreed", "announced"), leaving out words in -eed that are not
// ("succeed", "proceed", "need") and nouns in -red ("hatred", "kindred").
func pastForm(s string) bool {
	n := len(s)
	if n <= 4 || s[n-2:] != "ed" {
		return false
	}
	switch {
	case s[n-3] == 'e':
		return strings.HasSuffix(s, "greed") || strings.HasSuffix(s, "freed") || strings.HasSuffix(s, "creed") ||
			strings.HasSuffix(s, "teed")
	case strings.HasSuffix(s, "tred") || strings.HasSuffix(s, "dred"):
		return false
	}
	return true
}
