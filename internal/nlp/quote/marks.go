package quote

import (
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
)

// markDir is what a quote mark can do: open, close, or either (a straight
// mark whose direction its neighbours do not show).
type markDir uint8

const (
	opens markDir = 1 << iota
	closes
	either = opens | closes
)

// mark is one quote mark in the text.
type mark struct {
	tok    int // index of its (first) token
	start  int // byte offsets of the mark
	end    int
	single bool // ‘ ’ ' rather than “ ” " ''
	curly  bool // typographic rather than straight
	dir    markDir
}

// pair is a matched opening and closing mark: a quotation. When the closing
// mark is missing (an unbalanced quotation), close is -1 and the content runs
// to the end of the paragraph that opened it.
type pair struct {
	open, close int // mark token indices; close -1 when unclosed
	start, end  int // content bytes, without the marks
	parent      int // index of the enclosing pair, -1 at top level
	single      bool
}

// findMarks returns the quote marks among toks. Two adjacent straight single
// quotes (” in some newspaper styles) count as one double mark.
func findMarks(text string, toks []doc.Token, dst []mark) []mark {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != doc.Punct {
			continue
		}
		w := text[t.Start:t.End]
		m := mark{tok: i, start: t.Start, end: t.End}
		switch w {
		case "“", "„", "«":
			m.dir, m.curly = opens, true
			if w == "“" && !t.SpaceBefore && i > 0 && spaceAfter(text, t.End) {
				m.dir = either // a left mark typed for a right one: `here,“ said`
			}
		case "”", "»":
			m.dir, m.curly = closes, true
		case "‘", "‹":
			m.dir, m.single, m.curly = opens, true, true
		case "’", "›":
			m.dir, m.single, m.curly = closes, true, true
			if t.SpaceBefore && !spaceAfter(text, t.End) {
				m.dir = either // a right mark used as an opening one
			}
		case "\"", "''":
			m.dir = straightDir(text, t)
		case "``":
			m.dir = opens
		case "'":
			if i+1 < len(toks) && toks[i+1].Start == t.End && text[toks[i+1].Start:toks[i+1].End] == "'" {
				m.end = toks[i+1].End
				m.dir = straightDir(text, doc.Token{Start: t.Start, End: m.end, SpaceBefore: t.SpaceBefore})
				i++
				break
			}
			if apostrophe(text, t) {
				continue
			}
			m.single = true
			m.dir = straightDir(text, t)
		default:
			continue
		}
		dst = append(dst, m)
	}
	return dst
}

// straightDir guesses the direction of a straight mark from the space
// around it: space (or an opening bracket) before and none after opens,
// the reverse closes.
func straightDir(text string, t doc.Token) markDir {
	before := t.Start == 0 || t.SpaceBefore || opener(lastRune(text[:t.Start]))
	after := t.End >= len(text) || spaceAfter(text, t.End) || closer(firstRune(text[t.End:]))
	switch {
	case before && !after:
		return opens
	case after && !before:
		return closes
	}
	return either
}

// apostrophe reports whether a straight single quote is an apostrophe: inside
// a word, a plural possessive ("voters' "), or an elision ("'90s", "'em").
func apostrophe(text string, t doc.Token) bool {
	prev, next := lastRune(text[:t.Start]), firstRune(text[t.End:])
	if isLetter(prev) && isLetter(next) {
		return true
	}
	if !t.SpaceBefore && (prev == 's' || prev == 'S') && (next == ' ' || next == '\n') {
		return true
	}
	if unicode.IsDigit(next) {
		return true
	}
	return false
}

// maxDepth bounds how deep quotations nest; real text rarely goes past a
// quotation in a quotation in a quotation, and the bound keeps pairing
// linear on runs of stray opening marks.
const maxDepth = 4

// pairMarks matches marks into quotations. A stack holds the open marks;
// a paragraph break closes the paragraph's open quotations, unless the next
// paragraph reopens the outermost one (a quotation that runs over several
// paragraphs repeats its opening mark and omits the closing one), so an
// unbalanced mark can never swallow the rest of the article.
func pairMarks(text string, toks []doc.Token, marks []mark, dst []pair) []pair {
	type open struct {
		mark  int // index into marks
		pair  int // index of the pair being built, or -1
		start int // content start
	}
	var stack []open
	parentOf := func() int {
		if len(stack) == 0 {
			return -1
		}
		return stack[len(stack)-1].pair
	}
	push := func(mi int, contentStart int) {
		if len(stack) >= maxDepth {
			return // deeper nesting is a run of stray marks, not quotation
		}
		dst = append(dst, pair{open: marks[mi].tok, close: -1, start: contentStart, end: contentStart,
			parent: parentOf(), single: marks[mi].single})
		stack = append(stack, open{mark: mi, pair: len(dst) - 1, start: contentStart})
	}
	// closeAt closes the pair on the stack at depth k with a mark at token ct
	// ending content at end; pairs above it are unclosed and dropped.
	closeAt := func(k int, ct int, end int) {
		for j := len(stack) - 1; j > k; j-- {
			dst[stack[j].pair].close = -2 // dropped
		}
		p := &dst[stack[k].pair]
		p.close, p.end = ct, end
		stack = stack[:k]
	}
	find := func(single bool) int {
		for k := len(stack) - 1; k >= 0; k-- {
			if marks[stack[k].mark].single == single {
				return k
			}
			if single && !marks[stack[k].mark].single {
				return -1 // a single mark never closes across a double one
			}
		}
		return -1
	}
	prevTok := -1 // token of the previous mark
	for mi := 0; mi < len(marks); mi++ {
		m := marks[mi]
		// A paragraph break since the previous mark ends the open quotations,
		// unless this mark reopens the outermost one in the next paragraph.
		if len(stack) > 0 && prevTok >= 0 {
			if pe, ok := paragraphBreak(text, toks, prevTok, m.tok); ok {
				outer := stack[0]
				for j := len(stack) - 1; j > 0; j-- {
					dst[stack[j].pair].close = -2
				}
				stack = stack[:1]
				reopen := !m.single && m.dir&opens != 0 && !marks[outer.mark].single && m.curly == marks[outer.mark].curly &&
					startsParagraph(text, toks, m.tok) && !hasBreakBetween(text, toks, prevTok, m.tok)
				if reopen {
					prevTok = m.tok
					continue
				}
				if marks[outer.mark].single {
					dst[outer.pair].close = -2
				} else {
					dst[outer.pair].end = pe
				}
				stack = stack[:0]
			}
		}
		prevTok = m.tok
		switch {
		case m.dir == closes:
			if k := find(m.single); k >= 0 {
				closeAt(k, m.tok, m.start)
			}
		case m.dir == opens:
			if !m.single {
				if k := find(false); k >= 0 {
					// A second opening double mark inside an open one: the
					// first was never closed. Drop it and start anew.
					for j := len(stack) - 1; j >= k; j-- {
						dst[stack[j].pair].close = -2
					}
					stack = stack[:k]
				}
			}
			push(mi, m.end)
		default: // either
			if k := find(m.single); k >= 0 {
				closeAt(k, m.tok, m.start)
			} else {
				push(mi, m.end)
			}
		}
	}
	// Quotations still open at the end run to the end of their paragraph.
	for j := len(stack) - 1; j >= 0; j-- {
		p := &dst[stack[j].pair]
		if j > 0 || p.single {
			p.close = -2
			continue
		}
		p.end = paragraphEnd(text, toks, marks[stack[j].mark].tok)
	}
	// Compact: drop pairs marked -2 and remap parents.
	remap := make([]int, len(dst))
	n := 0
	for i := range dst {
		if dst[i].close == -2 || dst[i].end <= dst[i].start {
			remap[i] = -1
			continue
		}
		remap[i] = n
		p := dst[i]
		if p.parent >= 0 {
			p.parent = remap[p.parent]
		}
		dst[n] = p
		n++
	}
	return dst[:n]
}

// paragraphBreak reports whether a line break lies between tokens a and b
// and returns the end of the text before the first one.
func paragraphBreak(text string, toks []doc.Token, a, b int) (int, bool) {
	for i := a; i < b; i++ {
		if hasNewline(text[toks[i].End:toks[i+1].Start]) {
			return toks[i].End, true
		}
	}
	return 0, false
}

// hasBreakBetween reports whether two or more paragraph breaks separate
// tokens a and b (a reopening mark must start the very next paragraph).
func hasBreakBetween(text string, toks []doc.Token, a, b int) bool {
	breaks := 0
	for i := a; i < b && i+1 < len(toks); i++ {
		if hasNewline(text[toks[i].End:toks[i+1].Start]) {
			breaks++
		}
	}
	return breaks > 1
}

// startsParagraph reports whether token i is the first of its line.
func startsParagraph(text string, toks []doc.Token, i int) bool {
	return i == 0 || hasNewline(text[toks[i-1].End:toks[i].Start])
}

// paragraphEnd returns the end of the last token of the paragraph holding
// token i.
func paragraphEnd(text string, toks []doc.Token, i int) int {
	for ; i+1 < len(toks); i++ {
		if hasNewline(text[toks[i].End:toks[i+1].Start]) {
			break
		}
	}
	return toks[i].End
}

func hasNewline(gap string) bool {
	for i := 0; i < len(gap); i++ {
		if gap[i] == '\n' || gap[i] == '\r' {
			return true
		}
	}
	return false
}

func spaceAfter(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	r := firstRune(text[i:])
	return unicode.IsSpace(r)
}

func firstRune(s string) rune {
	if s == "" {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	if s == "" {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func opener(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '“', '‘', '/':
		return true
	}
	return false
}

func closer(r rune) bool {
	switch r {
	case ')', ']', '}', ',', '.', ';', ':', '!', '?', '—', '–', '”', '’', '…':
		return true
	}
	return false
}
