package ner

import (
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
)

// featureVersion names the feature set. It is stored in the model file so a
// model trained with other features is refused instead of silently scoring
// garbage. Bump it whenever extract changes.
const featureVersion = 6

// Feature templates. Each feature is the FNV hash of its template byte and
// its value; the value strings are never built.
const (
	fBias byte = iota + 1
	fWord
	fShape
	fPrefix
	fSuffix
	fWordPrev
	fWordNext
	fWordPrev2
	fWordNext2
	fShapePrev
	fShapeNext
	fShapeTri
	fFirst
	fGaz
	fGazPrev
	fGazNext
	fTitlePrev
	fTitle
	fOrgWordNext
	fOrgWord
	fLowerSeen
	fCapSeen
	fHeadline
	fPrevPrevTitle
	fBigramPrev
	fInQuote
	fCommon
	fCommonNext
	fRunHead
	fRunPrev
	fRunNext
	fRunPrevBigram
	fRunNextBigram
	fRunOrgEnd
	fDocCue
)

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

// hasher builds one feature hash.
type hasher uint64

func newHash(template byte) hasher {
	h := (fnvOffset ^ uint64(template)) * fnvPrime
	return hasher(h)
}

func (h hasher) byte(c byte) hasher { return hasher((uint64(h) ^ uint64(c)) * fnvPrime) }

func (h hasher) str(s string) hasher {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x = (x ^ uint64(s[i])) * fnvPrime
	}
	return hasher(x)
}

// lower hashes s lower-cased (ASCII letters only, which is what matters for
// the hash being stable across case).
func (h hasher) lower(s string) hasher {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		x = (x ^ uint64(c)) * fnvPrime
	}
	return hasher(x)
}

// gazTag is the gazetteer match covering a token: its classes and whether
// the token begins the matched phrase.
type gazTag struct {
	class  gazetteer.Class
	begin  bool
	title  bool // a title or role word starts here
	org    bool // an organisation word starts here
	common bool // capitalised, but a common word in lower case
}

// sentence is one sentence prepared for feature extraction.
type sentView struct {
	text     string
	toks     []doc.Token
	gaz      []gazTag
	shapes   []string
	headline bool
	quote    []bool
	// runs[i] is the capitalised run holding token i: the maximal
	// sequence of capitalised words around it, {-1, -1} when token i is
	// not capitalised. Its head and the words around it type the whole
	// name ("... Locomotive Works", "shares of ...", "... said in"), which
	// the ±2 word window cannot see from a name's first word.
	runs []run
	doc  *docInfo
}

// run is a half-open token range.
type run struct{ a, b int }

// docInfo holds document-wide evidence about words: whether a capitalised
// word also occurs in lower case (then it is probably a common word that
// starts a sentence) and whether it occurs capitalised mid-sentence.
//
// cues holds, per capitalised word, the type cues seen at any of its
// occurrences: a name typed at one place in a story is typed the same at
// the others, so "the Pirates" or "Caloi Company" once is evidence for
// every "Pirates" or "Caloi".
type docInfo struct {
	lowerSeen map[string]bool
	capMid    map[string]bool
	cues      map[string]docCue
}

// docCue is a set of document-level type cues of a word.
type docCue uint8

const (
	cueAfterThe   docCue = 1 << iota // "the Bruins": not a person
	cueBeforeOrg                     // "Caloi Company", "Matthews Band"
	cueAfterTitle                    // "Mr. Harrison", "President Harrison"
	cueAfterFirst                    // "Benjamin Harrison": a surname
	cuePossessive                    // "Boeing's"
	cueAfterIn                       // "in Bridgton", "near Harrison": a place
	cueAfterTo                       // "to Harrison", "from Bridgton": often a place
)

// featureCues are the cues the tagger sees as features; the others serve
// the rules after it only (a perceptron trained with them did no better).
const featureCues = cueAfterThe | cueBeforeOrg | cueAfterTitle | cueAfterFirst | cuePossessive

// placePreps put a place after them far more often than a person.
var placePreps = map[string]bool{"in": true, "near": true, "outside": true, "across": true, "throughout": true}

func newDocInfo(text string, toks []doc.Token, sents []doc.Span, g *gazetteer.Gazetteer) *docInfo {
	di := &docInfo{lowerSeen: map[string]bool{}, capMid: map[string]bool{}, cues: map[string]docCue{}}
	si := 0
	for i, t := range toks {
		for si < len(sents) && sents[si].End <= t.Start {
			si++
		}
		if t.Kind != doc.Word {
			continue
		}
		w := text[t.Start:t.End]
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsLower(r):
			di.lowerSeen[w] = true
		case unicode.IsUpper(r):
			initial := i == 0 || (si < len(sents) && sents[si].Start == t.Start) || isOpenPunct(text, toks[i-1])
			if !initial {
				di.capMid[w] = true
			}
			if c := wordCues(text, toks, i, g); c != 0 {
				di.cues[w] |= c
			}
		}
	}
	return di
}

// wordCues returns the type cues around the capitalised token i.
func wordCues(text string, toks []doc.Token, i int, g *gazetteer.Gazetteer) docCue {
	var c docCue
	if i > 0 {
		p := toks[i-1]
		pw := text[p.Start:p.End]
		switch {
		case pw == "the":
			c |= cueAfterThe
		case placePreps[pw]:
			c |= cueAfterIn
		case pw == "to" || pw == "from":
			c |= cueAfterTo
		case capWord(text, p):
			if e, ok := g.LookupToken(pw); ok && e.Class&gazetteer.FirstName != 0 {
				c |= cueAfterFirst
			}
		}
		// A title of one word ("President Harrison"), not the first word
		// of a longer one; the cheap test first.
		if g.IsTitleToken(pw) {
			if n, _ := g.MatchTitle(text, toks, i-1); n == 1 {
				c |= cueAfterTitle
			}
		}
	}
	if i+1 < len(toks) {
		n := toks[i+1]
		nw := text[n.Start:n.End]
		switch {
		case nw == "'s" || nw == "’s":
			c |= cuePossessive
		case capWord(text, n) && g.IsOrgWord(nw):
			c |= cueBeforeOrg
		}
	}
	return c
}

func isOpenPunct(text string, t doc.Token) bool {
	if t.Kind != doc.Punct {
		return false
	}
	switch text[t.Start:t.End] {
	case "“", "\"", "``", "'", "‘", "(", "[", ":", "-", "—", "–":
		return true
	}
	return false
}

// shape maps a word to its compressed shape: "Trump" → "Xx", "U.S." → "X.X.",
// "G7" → "Xd", "Secretary-General" → "Xx-Xx".
func shape(w string, buf []byte) []byte {
	buf = buf[:0]
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = 'o'
		}
		if c != last {
			buf = append(buf, c)
			last = c
		}
		if len(buf) >= 12 {
			break
		}
	}
	return buf
}

// prepare computes the per-token layers of one sentence that several
// features share.
func prepare(text string, toks []doc.Token, di *docInfo, g *gazetteer.Gazetteer, s *sentView) {
	s.text, s.toks, s.doc = text, toks, di
	s.gaz = resize(s.gaz, len(toks))
	s.shapes = s.shapes[:0]
	s.quote = s.quote[:0]
	var buf [16]byte
	caps, words := 0, 0
	inQuote := false
	for i := range toks {
		w := text[toks[i].Start:toks[i].End]
		s.shapes = append(s.shapes, string(shape(w, buf[:0])))
		if toks[i].Kind == doc.Word {
			words++
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) {
				caps++
			}
		}
		switch w {
		case "“", "``":
			inQuote = true
		case "”", "''":
			inQuote = false
		case "\"":
			inQuote = !inQuote
		}
		s.quote = append(s.quote, inQuote)
	}
	s.headline = words >= 3 && caps*10 >= words*6
	s.runs = resize(s.runs, len(toks))
	for i := 0; i < len(toks); {
		if !capWord(text, toks[i]) {
			s.runs[i] = run{-1, -1}
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && capWord(text, toks[j]) {
			j++
		}
		for k := i; k < j; k++ {
			s.runs[k] = run{i, j}
		}
		i = j
	}
	for i := 0; i < len(toks); {
		s.gaz[i] = gazTag{}
		t := toks[i]
		if n, e := g.MatchTitle(text, toks, i); n > 0 {
			s.gaz[i].title = e.Class&gazetteer.Title != 0
			s.gaz[i].org = e.Class&gazetteer.OrgWord != 0
		}
		r, _ := utf8.DecodeRuneInString(text[t.Start:t.End])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			i++
			continue
		}
		n, e := g.Match(text, toks, i)
		if n == 0 {
			// A capitalised word that is a common word in lower case and
			// no name the gazetteer knows: "Great", but not "Japan".
			s.gaz[i].common = unicode.IsUpper(r) && g.IsCommon(text[t.Start:t.End])
			i++
			continue
		}
		// Gender is for pronoun resolution, not a tagging cue.
		e.Class &^= gazetteer.Male | gazetteer.Female
		s.gaz[i].class, s.gaz[i].begin = e.Class, true
		for j := i + 1; j < i+n; j++ {
			s.gaz[j] = gazTag{class: e.Class}
			if m, te := g.MatchTitle(text, toks, j); m > 0 {
				s.gaz[j].title = te.Class&gazetteer.Title != 0
				s.gaz[j].org = te.Class&gazetteer.OrgWord != 0
			}
		}
		i += n
	}
}

// capWord reports whether tok is a word that starts with a capital letter.
func capWord(text string, tok doc.Token) bool {
	if tok.Kind != doc.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[tok.Start:tok.End])
	return unicode.IsUpper(r)
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// Lexical slots: features of a word at a fixed offset from the token being
// tagged. They depend on the word alone, so the tagger computes their
// weights once per distinct word of a document.
const (
	slotSelf = iota
	slotPrev
	slotNext
	slotPrev2
	slotNext2
	numSlots
)

// slotOffset is the token offset of each slot.
var slotOffset = [numSlots]int{0, -1, 1, -2, 2}

// lexical calls emit with the features of word w in slot.
func lexical(slot int, w string, emit func(uint64)) {
	switch slot {
	case slotSelf:
		var buf [16]byte
		emit(uint64(newHash(fWord).lower(w)))
		emit(uint64(newHash(fShape).str(string(shape(w, buf[:0])))))
		// Affixes by runes, lower-cased.
		for n := 1; n <= 3; n++ {
			if p, ok := runePrefix(w, n); ok {
				emit(uint64(newHash(fPrefix).byte(byte(n)).lower(p)))
			}
		}
		for n := 2; n <= 4; n++ {
			if p, ok := runeSuffix(w, n); ok {
				emit(uint64(newHash(fSuffix).byte(byte(n)).lower(p)))
			}
		}
	case slotPrev:
		emit(uint64(newHash(fWordPrev).lower(w)))
	case slotNext:
		emit(uint64(newHash(fWordNext).lower(w)))
	case slotPrev2:
		emit(uint64(newHash(fWordPrev2).lower(w)))
	case slotNext2:
		emit(uint64(newHash(fWordNext2).lower(w)))
	}
}

// word returns the text of token j, or a boundary marker outside the
// sentence. Typographic variants of clitics and quote marks are mapped to
// one spelling ("’s" → "'s", "“" → "\""), so that a feature learnt on one
// fires on the other.
func (s *sentView) word(j int) string {
	if j < 0 {
		return "<s>"
	}
	if j >= len(s.toks) {
		return "</s>"
	}
	w := s.text[s.toks[j].Start:s.toks[j].End]
	if len(w) > 1 && w[0] >= 0x80 || w == "``" || w == "''" {
		if n, ok := normalForms[w]; ok {
			return n
		}
	}
	return w
}

var normalForms = map[string]string{
	"’s": "'s", "’S": "'s", "’": "'", "‘": "'", "“": "\"", "”": "\"", "``": "\"", "''": "\"",
	"’re": "'re", "’ve": "'ve", "’ll": "'ll", "’d": "'d", "’m": "'m", "n’t": "n't", "—": "--", "–": "-",
}

// extract calls emit with every feature hash of token i: the lexical
// features of the words around it and its context features.
func (s *sentView) extract(i int, emit func(uint64)) {
	for slot := range numSlots {
		lexical(slot, s.word(i+slotOffset[slot]), emit)
	}
	s.context(i, emit)
}

// context calls emit with the features of token i that depend on more than
// one word (see contextHashes).
func (s *sentView) context(i int, emit func(uint64)) {
	var buf [64]uint64
	for _, h := range s.contextHashes(i, buf[:0]) {
		emit(h)
	}
}

// contextHashes appends to hs the features of token i that depend on more
// than one word: shapes around it, gazetteer matches, position, document
// evidence. It appends rather than calls back so that the tagger's hot
// loop makes no call per feature.
func (s *sentView) contextHashes(i int, hs []uint64) []uint64 {
	text, toks := s.text, s.toks
	word := s.word
	sh := func(j int) string {
		if j < 0 || j >= len(toks) {
			return "_"
		}
		return s.shapes[j]
	}
	w := word(i)
	hs = append(hs, uint64(newHash(fBias)))
	hs = append(hs, uint64(newHash(fBigramPrev).lower(word(i-1)).byte(0).lower(w)))
	hs = append(hs, uint64(newHash(fShapePrev).str(sh(i-1)).byte(0).str(sh(i))))
	hs = append(hs, uint64(newHash(fShapeNext).str(sh(i)).byte(0).str(sh(i+1))))
	hs = append(hs, uint64(newHash(fShapeTri).str(sh(i-1)).byte(0).str(sh(i)).byte(0).str(sh(i+1))))
	first := i == 0 || isOpenPunct(text, toks[i-1])
	if first {
		hs = append(hs, uint64(newHash(fFirst).str(sh(i))))
	}
	if s.headline {
		hs = append(hs, uint64(newHash(fHeadline).str(sh(i))))
	}
	if s.quote[i] {
		hs = append(hs, uint64(newHash(fInQuote)))
	}
	g := s.gaz[i]
	hs = appendClasses(hs, fGaz, g.class, g.begin)
	if i > 0 {
		hs = appendClasses(hs, fGazPrev, s.gaz[i-1].class, false)
		if s.gaz[i-1].title {
			hs = append(hs, uint64(newHash(fTitlePrev)))
		}
		if i > 1 && s.gaz[i-2].title {
			hs = append(hs, uint64(newHash(fPrevPrevTitle)))
		}
	}
	if i+1 < len(toks) {
		hs = appendClasses(hs, fGazNext, s.gaz[i+1].class, false)
		if s.gaz[i+1].org {
			hs = append(hs, uint64(newHash(fOrgWordNext)))
		}
	}
	if g.title {
		hs = append(hs, uint64(newHash(fTitle)))
	}
	if g.common {
		hs = append(hs, uint64(newHash(fCommon).byte(boolByte(first)).byte(boolByte(s.headline))))
	}
	if i+1 < len(toks) && s.gaz[i+1].common {
		hs = append(hs, uint64(newHash(fCommonNext)))
	}
	if g.org {
		hs = append(hs, uint64(newHash(fOrgWord)))
	}
	if r := s.runs[i]; r.a >= 0 && !s.headline {
		// Features of the capitalised run around token i. In a headline
		// every word is capitalised and runs mean nothing.
		last := i == r.b-1
		if r.b-r.a > 1 || !last {
			hs = append(hs, uint64(newHash(fRunHead).byte(boolByte(last)).lower(word(r.b-1))))
		}
		if s.gaz[r.b-1].org {
			hs = append(hs, uint64(newHash(fRunOrgEnd).byte(boolByte(last))))
		}
		if i > r.a {
			hs = append(hs, uint64(newHash(fRunPrev).lower(word(r.a-1))))
		}
		if !last {
			hs = append(hs, uint64(newHash(fRunNext).lower(word(r.b))))
		}
		hs = append(hs, uint64(newHash(fRunPrevBigram).lower(word(r.a-2)).byte(0).lower(word(r.a-1))))
		hs = append(hs, uint64(newHash(fRunNextBigram).lower(word(r.b)).byte(0).lower(word(r.b+1))))
	}
	if s.doc != nil && toks[i].Kind == doc.Word {
		r, size := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			var buf [64]byte
			lw := append(utf8.AppendRune(buf[:0], unicode.ToLower(r)), w[size:]...)
			if s.doc.lowerSeen[string(lw)] { // no allocation: the compiler looks up the bytes
				hs = append(hs, uint64(newHash(fLowerSeen).byte(boolByte(first))))
			}
			if s.doc.capMid[w] {
				hs = append(hs, uint64(newHash(fCapSeen).byte(boolByte(first))))
			}
			if c := s.doc.cues[w] & featureCues; c != 0 {
				for bit := docCue(1); bit != 0 && bit <= c; bit <<= 1 {
					if c&bit != 0 {
						hs = append(hs, uint64(newHash(fDocCue).byte(byte(bit))))
					}
				}
			}
		}
	}
	return hs
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

func appendClasses(hs []uint64, template byte, c gazetteer.Class, begin bool) []uint64 {
	for bit := gazetteer.Class(1); bit != 0 && bit <= c; bit <<= 1 {
		if c&bit != 0 {
			hs = append(hs, uint64(newHash(template).byte(byte(bitIndex(bit))).byte(boolByte(begin))))
		}
	}
	return hs
}

func bitIndex(c gazetteer.Class) int {
	n := 0
	for c > 1 {
		c >>= 1
		n++
	}
	return n
}

func runePrefix(w string, n int) (string, bool) {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(w) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return w[:i], i < len(w) || n == 1
}

func runeSuffix(w string, n int) (string, bool) {
	i := len(w)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return "", false
		}
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:], i > 0
}
