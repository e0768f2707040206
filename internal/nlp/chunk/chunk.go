// Package chunk is dateline's light syntax: it tags the words of a tokenised
// document with coarse classes, groups them into noun groups (with the
// preposition that governs them) and verb groups, and cuts sentences into
// clauses. The event and deadline stages read who did what to whom from it:
// the subject of a verb, its objects, and the prepositional phrases that
// follow a verb or a noun ("meeting with Putin in Moscow", "strikes on
// Ukrainian cities").
//
// It is rule based and lexicon driven so that it runs at tens of megabytes a
// second without a model. It trusts the layers of earlier stages: a token
// inside an entity mention is a proper noun whatever its case, and time
// expressions are kept out of subject and object positions.
package chunk

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"

	"dateline/internal/doc"
)

// Word is the analysis of one token; Words are parallel to doc.Tokens.
//
// Its fields are ordered by size so that a Word takes 56 bytes, not 64:
// there is one per token, and the analysis is allocation bound.
type Word struct {
	Lower string // lower-case text
	Lemma string // verb lemma for verbs and auxiliaries, else ""
	// Ment is the index in [Analysis.Mentions] of the innermost entity
	// mention overlapping the token, or -1.
	Ment int32
	// Time is the index in doc.Times of the time expression overlapping the
	// token, or -1.
	Time int32
	// Chunk is the index in [Analysis.Chunks] of the chunk holding the
	// token, or -1.
	Chunk int32
	// Clause is the index in [Analysis.Clauses] of the token's clause.
	Clause int32
	Tag    Tag
	Form   Form // verb inflection, when known
	// Quoted reports whether the token lies inside quotation marks.
	Quoted bool
}

// Mention is one entity mention mapped onto tokens.
type Mention struct {
	Entity     int // index in doc.Entities
	Start, End int // byte span
	First      int // first token
	Last       int // last token (inclusive)
	Kind       string
}

// ChunkKind says what a chunk is.
type ChunkKind uint8

// Chunk kinds.
const (
	NP ChunkKind = iota + 1 // a noun group, possibly governed by a preposition
	VP                      // a verb group: auxiliaries, modals, negation, adverbs, main verb
)

// Chunk is a noun or verb group: tokens [Start, End). (The small fields
// come first so that the flags share one word: 72 bytes, not 88.)
type Chunk struct {
	Kind ChunkKind
	// Verb group features.
	Neg        bool // not, n’t, never
	Passive    bool // a form of be followed by a participle
	PastT      bool // past tense or perfect
	Perfect    bool // has/had + participle
	Start, End int
	Head       int // head token: the last noun of a noun group, the main verb of a verb group
	// Prep is the token of the preposition governing a noun group, or -1.
	Prep int
	// Possessor is the last token of a possessor inside a noun group
	// ("Witkoff" in "Witkoff’s meeting"), or -1.
	Possessor int
	Clause    int
	Modal     string // could, would, will, ... (verb groups)
}

// Clause is a stretch of a sentence with at most one finite verb group of
// its own: tokens [Start, End).
type Clause struct {
	Start, End int
	Sentence   int
	// Opener is the token that opened the clause (a subordinator, relative
	// pronoun, coordinator or quote mark), or -1.
	Opener int
	// Parent is the clause this one depends on or continues, or -1.
	Parent int
	Kind   ClauseKind
	// Chunks are the indices of the clause's chunks in order.
	Chunks []int
}

// Analysis is the syntax of one document.
type Analysis struct {
	Doc      *doc.Document
	Words    []Word
	Mentions []Mention
	Chunks   []Chunk
	Clauses  []Clause
	// Sentences holds for each sentence its token range [First, End).
	Sentences []TokenRange

	initial []bool // token opens a sentence or quotation
	first   []bool // token opens a sentence
	heading []bool // token lies in a title-case heading

	flags        []bool    // backs initial, first and heading
	chunkIdx     []int     // backs the Chunks of every clause
	mentionBuf   []Mention // the other buffer of sortMentions
	mentionOrder []int32   // the order sortMentions sorts
}

// TokenRange is a half-open range of token indices.
type TokenRange struct{ First, End int }

// Analyze builds the analysis of d. It needs d.Tokens and d.Sentences (it
// treats the whole text as one sentence when d.Sentences is empty) and reads
// d.Entities and d.Times when present. It never fails: odd input gives a
// poorer analysis, not an error.
//
// Call [Analysis.Release] when done with the analysis, so that the next
// Analyze reuses its memory.
func Analyze(d *doc.Document) *Analysis {
	a := pool.Get().(*Analysis)
	a.reset(d)
	a.sentences()
	a.markInitial()
	a.mapMentions()
	a.mapTimes()
	a.tag()
	a.retag()
	a.chunk()
	a.clauses()
	return a
}

// pool holds released analyses. An analysis allocates some 100 bytes per
// token (its words, chunks and clauses), and without reuse the stage spends
// much of its time allocating, clearing and collecting them.
var pool = sync.Pool{New: func() any { return new(Analysis) }}

// maxPooledWords bounds the analyses kept for reuse, so that one huge
// document does not pin its memory for the life of the process.
const maxPooledWords = 1 << 18

// Release gives the memory of a back for reuse by a later [Analyze]. After
// it neither a nor anything read from it that refers into it (Words,
// Mentions, Chunks, Clauses and their Chunks, Sentences, the slices
// [Analysis.Window] returns) may be used; strings and the document stay
// valid. Calling it is optional.
func (a *Analysis) Release() {
	if a == nil || cap(a.Words) > maxPooledWords {
		return
	}
	// Zero what holds strings of the document, so that a pooled analysis
	// keeps no text alive; the words are then ready for reset.
	clear(a.Words)
	clear(a.Mentions[:cap(a.Mentions)])
	clear(a.mentionBuf[:cap(a.mentionBuf)])
	*a = Analysis{
		Words: a.Words[:0], Mentions: a.Mentions[:0], Chunks: a.Chunks[:0], Clauses: a.Clauses[:0],
		Sentences: a.Sentences[:0], flags: a.flags[:0], chunkIdx: a.chunkIdx[:0],
		mentionBuf: a.mentionBuf[:0], mentionOrder: a.mentionOrder[:0],
	}
	pool.Put(a)
}

// reset prepares a (new or released) analysis for d: every word zero, every
// other slice empty, reusing their arrays.
func (a *Analysis) reset(d *doc.Document) {
	n := len(d.Tokens)
	a.Doc = d
	if cap(a.Words) < n {
		a.Words = make([]Word, n)
	} else {
		a.Words = a.Words[:n] // zero: Release cleared every word it used
	}
	a.flags = grow(a.flags, 3*n+1)
	a.first, a.initial, a.heading = a.flags[:n+1:n+1], a.flags[n+1:2*n+1:2*n+1], a.flags[2*n+1:]
	a.Mentions, a.Chunks, a.Clauses, a.Sentences = a.Mentions[:0], a.Chunks[:0], a.Clauses[:0], a.Sentences[:0]
}

// grow returns s resized to n zero elements, reusing its array when it is
// large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (a *Analysis) sentences() {
	toks := a.Doc.Tokens
	if len(a.Doc.Sentences) == 0 {
		if len(toks) > 0 {
			a.Sentences = append(a.Sentences, TokenRange{0, len(toks)})
		}
		return
	}
	ti := 0
	for _, s := range a.Doc.Sentences {
		for ti < len(toks) && toks[ti].Start < s.Start {
			ti++
		}
		first := ti
		for ti < len(toks) && toks[ti].End <= s.End {
			ti++
		}
		if ti > first {
			a.Sentences = append(a.Sentences, TokenRange{first, ti})
			a.first[first] = true
		}
	}
}

// TokenAt returns the index of the first token ending after byte offset
// off (len(Words) when there is none).
func (a *Analysis) TokenAt(off int) int { return a.tokenAt(off) }

// tokenAt returns the index of the first token ending after byte offset off.
func (a *Analysis) tokenAt(off int) int {
	toks := a.Doc.Tokens
	return sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
}

func (a *Analysis) mapMentions() {
	for i := range a.Words {
		a.Words[i].Ment, a.Words[i].Time, a.Words[i].Chunk = -1, -1, -1
	}
	n := 0
	for _, e := range a.Doc.Entities {
		n += len(e.Mentions)
	}
	a.Mentions = slices.Grow(a.Mentions[:0], n)
	for ei, e := range a.Doc.Entities {
		for _, m := range e.Mentions {
			if m.Start >= m.End {
				continue
			}
			first := a.tokenAt(m.Start)
			last := first
			for last+1 < len(a.Doc.Tokens) && a.Doc.Tokens[last+1].Start < m.End {
				last++
			}
			if first >= len(a.Doc.Tokens) || a.Doc.Tokens[first].Start >= m.End {
				continue
			}
			a.Mentions = append(a.Mentions, Mention{Entity: ei, Start: m.Start, End: m.End, First: first, Last: last, Kind: m.Kind})
		}
	}
	a.sortMentions()
	for mi, m := range a.Mentions {
		for t := m.First; t <= m.Last; t++ {
			// Later (nested, shorter) mentions overwrite: innermost wins.
			if cur := a.Words[t].Ment; cur < 0 || a.Mentions[cur].End-a.Mentions[cur].Start >= m.End-m.Start {
				a.Words[t].Ment = int32(mi)
			}
		}
	}
}

// sortMentions puts the mentions in text order, outer mentions before the
// mentions nested in them, and otherwise in the order of the entities. It
// sorts indices rather than the mentions themselves, with the index as the
// last key: as a stable sort of the mentions would, at a fraction of the
// cost of moving them.
func (a *Analysis) sortMentions() {
	ms := a.Mentions
	order := a.mentionOrder[:0]
	for i := range ms {
		order = append(order, int32(i))
	}
	slices.SortFunc(order, func(i, j int32) int {
		x, y := &ms[i], &ms[j]
		if c := cmp.Compare(x.Start, y.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(y.End, x.End); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	sorted := a.mentionBuf[:0]
	for _, i := range order {
		sorted = append(sorted, ms[i])
	}
	a.Mentions, a.mentionBuf, a.mentionOrder = sorted, ms[:0], order[:0]
}

func (a *Analysis) mapTimes() {
	for ti, t := range a.Doc.Times {
		for k := a.tokenAt(t.Start); k < len(a.Doc.Tokens) && a.Doc.Tokens[k].Start < t.End; k++ {
			a.Words[k].Time = int32(ti)
		}
	}
}

func (a *Analysis) tag() {
	text := a.Doc.Text
	var double, single bool
	for i, t := range a.Doc.Tokens {
		s := text[t.Start:t.End]
		w := &a.Words[i]
		switch t.Kind {
		case doc.Word:
			lower, we := lookup(s)
			w.Lower = lower
			inEnt := w.Ment >= 0 && a.Mentions[w.Ment].Start <= t.Start && a.Mentions[w.Ment].End >= t.End
			upper := isCapital(s)
			capital := upper && !a.initial[i] && !a.heading[i]
			if upper && !capital && inEnt {
				// Sentence-initial: a capital says nothing, unless the word
				// is inside a mention.
				capital = true
			}
			if h := strings.LastIndexByte(s, '-'); h > 0 && h+1 < len(s) && !isCapital(s[h+1:]) {
				// "US-imposed", "Russia-backed": the last part decides.
				look := lower[h+1:]
				w.Tag, w.Lemma, w.Form = tagEntry(look, lex.entry(look), false, false)
			} else {
				w.Tag, w.Lemma, w.Form = tagEntry(lower, we, capital, inEnt)
			}
			if w.Tag == Noun && upper && !we.verbOrAdv && !a.heading[i] {
				w.Tag = Propn
			}
		case doc.Number:
			w.Lower = lowerOf(s)
			w.Tag = Num
		default:
			w.Lower = lowerOf(s)
			w.Tag = punctTag(s)
			switch {
			case (s == "-" || s == "‑") && i > 0 && i+1 < len(a.Doc.Tokens) && !t.SpaceBefore && !a.Doc.Tokens[i+1].SpaceBefore:
				w.Tag = Adj // a hyphen inside a word: "30-day"
			case s == "$" || s == "€" || s == "£" || s == "¥":
				w.Tag = Num
			case s == "%":
				w.Tag = Noun
			}
		}
		if w.Tag == Quote {
			switch s {
			case "“", "«", "”", "»", "\"":
				double = quoteOpens(text, t, double)
			default:
				single = quoteOpens(text, t, single)
			}
		}
		w.Quoted = (double || single) && w.Tag != Quote
	}
}

// quoteOpens decides whether quote token t opens a quotation, given whether
// one is open.
func quoteOpens(text string, t doc.Token, open bool) bool {
	switch text[t.Start:t.End] {
	case "“", "«":
		return true
	case "”", "»":
		return false
	}
	// Straight quotes and single curly quotes: open after a space or at the
	// start, close otherwise.
	if t.SpaceBefore || t.Start == 0 {
		return true
	}
	return false
}

// sentenceInitial reports whether token i opens its sentence or a quotation,
// possibly after opening quotes or brackets, where a capital letter says
// nothing about the word.
func (a *Analysis) sentenceInitial(i int) bool { return a.initial[i] }

// markInitial fills a.initial and a.heading.
func (a *Analysis) markInitial() {
	text := a.Doc.Text
	for _, s := range a.Sentences {
		a.markHeading(s)
		open := true
		for i := s.First; i < s.End; i++ {
			t := a.Doc.Tokens[i]
			str := text[t.Start:t.End]
			switch {
			case t.Kind == doc.Punct && (str == "“" || str == "‘" || str == "(" || str == "«" || (str == "\"" || str == "'") && t.SpaceBefore):
				open = open || str != "("
			case t.Kind == doc.Punct && (str == ":" || str == "—"):
				open = true
			default:
				if open {
					a.initial[i] = true
				}
				open = false
			}
		}
	}
}

// markHeading marks the tokens of a title-case heading ("New Tariffs on
// India Amid War Pressure"): a sentence without a final stop whose words
// are mostly capitalised. There a capital says nothing about a word.
func (a *Analysis) markHeading(s TokenRange) {
	if s.End-s.First < 2 {
		return
	}
	last := a.Doc.Tokens[s.End-1]
	switch a.Doc.Text[last.Start:last.End] {
	case ".", "!", "?", "…", "”", "\"", ":":
		return
	}
	words, caps := 0, 0
	for i := s.First; i < s.End; i++ {
		t := a.Doc.Tokens[i]
		if t.Kind != doc.Word {
			continue
		}
		w := a.Doc.Text[t.Start:t.End]
		if len(w) <= 3 && !isCapital(w) {
			continue // "on", "of", "in" stay lower case in titles
		}
		words++
		if isCapital(w) {
			caps++
		}
	}
	if words >= 3 && caps*10 >= words*8 {
		for i := s.First; i < s.End; i++ {
			a.heading[i] = true
		}
	}
}
