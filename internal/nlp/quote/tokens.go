package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
)

// analysis is the working state for one document: tokens with their
// sentence, the quotations found by pairMarks, and which quotation each
// token lies in.
type analysis struct {
	text    string
	toks    []doc.Token
	sents   []doc.Span
	sentOf  []int32  // sentence index of each token
	sentTok [][2]int // first and past-last token of each sentence
	pairs   []pair
	inPair  []int32  // innermost quotation holding each token, -1 outside
	lower   []string // each token in lower case, for lexicon look-ups
	// work counts token look-ups; tests use it to check that the stage
	// stays linear in the length of the text.
	work   int
	markOf []int32 // quotation whose open or close mark each token is, -1
	title  []bool  // whether each sentence is a headline in title case
	class  []uint8 // lexicon classes of each word (lexClass), 0 for most
}

// titleCase reports whether tokens [s, e) read as a headline in title
// case ("Report Reveals Clinton’s Meetings with Donors"): at least four
// words, and every word longer than three letters capitalised.
func (a *analysis) titleCase(s, e int) bool {
	words := 0
	for k := s; k < e && k-s < 40; k++ {
		t := a.toks[k]
		if t.Kind != doc.Word {
			continue
		}
		words++
		r, _ := utf8.DecodeRuneInString(a.text[t.Start:])
		if utf8.RuneCountInString(a.text[t.Start:t.End]) > 3 && unicode.IsLetter(r) && !a.capitalised(k) {
			return false // "’m" and "’s" are clitics, not words of the title
		}
	}
	return words >= 4 && e-s < 40
}

// headlineSentence reports whether sentence si may capitalise its verbs:
// the article's first sentence or a headline in title case.
func (a *analysis) headlineSentence(si int) bool {
	return si == 0 || si < len(a.title) && a.title[si]
}

func newAnalysis(text string, toks []doc.Token, sents []doc.Span) *analysis {
	a := &analysis{text: text, toks: toks, sents: sents}
	a.sentOf = make([]int32, len(toks))
	a.sentTok = make([][2]int, len(sents))
	si := 0
	for i := range a.sentTok {
		a.sentTok[i] = [2]int{len(toks), len(toks)}
	}
	for i, t := range toks {
		for si+1 < len(sents) && t.Start >= sents[si].End {
			si++
		}
		if len(sents) == 0 {
			a.sentOf[i] = 0
			continue
		}
		a.sentOf[i] = int32(si)
		if a.sentTok[si][0] == len(toks) {
			a.sentTok[si][0] = i
		}
		a.sentTok[si][1] = i + 1
	}
	if len(sents) == 0 && len(toks) > 0 {
		a.sentTok = [][2]int{{0, len(toks)}}
	}
	// Sentences holding no token (possible only with foreign sentence
	// layers) get an empty range at the right place.
	for i := range a.sentTok {
		if a.sentTok[i][0] == len(toks) && i > 0 {
			a.sentTok[i] = [2]int{a.sentTok[i-1][1], a.sentTok[i-1][1]}
		}
	}
	a.title = make([]bool, len(a.sentTok))
	for si, r := range a.sentTok {
		a.title[si] = a.titleCase(r[0], r[1])
	}
	// Lower-case forms share one string: a single allocation per document
	// instead of one per capitalised word.
	a.lower = make([]string, len(toks))
	buf := make([]byte, 0, len(text))
	ends := make([]int32, len(toks))
	for i, t := range toks {
		w := text[t.Start:t.End]
		buf = appendLower(buf, w)
		ends[i] = int32(len(buf))
	}
	low := string(buf)
	prev := int32(0)
	a.class = make([]uint8, len(toks))
	for i, t := range toks {
		a.lower[i] = low[prev:ends[i]]
		prev = ends[i]
		if t.Kind == doc.Word {
			a.class[i] = lexClass[a.lower[i]]
		}
	}
	marks := findMarks(text, toks, nil)
	a.pairs = pairMarks(text, toks, marks, nil)
	a.inPair = make([]int32, len(toks))
	a.markOf = make([]int32, len(toks))
	for i := range a.inPair {
		a.inPair[i], a.markOf[i] = -1, -1
	}
	for pi, p := range a.pairs {
		a.markOf[p.open] = int32(pi)
		if p.close >= 0 {
			a.markOf[p.close] = int32(pi)
		}
	}
	a.fillInPair()
	return a
}

// fillInPair sets inPair in one sweep: pairs come in order of their
// opening marks and nest properly, so a stack of the open ones gives the
// innermost quotation of each token. (Writing each pair's range in turn
// would cost the sum of their lengths: quadratic for deeply nested marks.)
func (a *analysis) fillInPair() {
	var stack []int32
	next := 0
	for i := range a.toks {
		a.work++
		for next < len(a.pairs) && a.pairs[next].open < i {
			stack = append(stack, int32(next))
			next++
		}
		for len(stack) > 0 && a.toks[i].Start >= a.pairs[stack[len(stack)-1]].end {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			a.inPair[i] = stack[len(stack)-1]
		}
	}
}

// sentRange returns the token range of the sentence holding token i.
func (a *analysis) sentRange(i int) (int, int) {
	if len(a.sentTok) == 0 {
		return 0, len(a.toks)
	}
	r := a.sentTok[a.sentOf[i]]
	return r[0], r[1]
}

// word returns the text of token i, or "" outside the document.
func (a *analysis) word(i int) string {
	a.work++
	if i < 0 || i >= len(a.toks) {
		return ""
	}
	return a.text[a.toks[i].Start:a.toks[i].End]
}

// is reports whether token i, in lower case, is in set.
func (a *analysis) is(i int, set map[string]bool) bool {
	a.work++
	if i < 0 || i >= len(a.toks) {
		return false
	}
	return set[a.lower[i]]
}

// low returns token i in lower case, or "" outside the document.
func (a *analysis) low(i int) string {
	a.work++
	if i < 0 || i >= len(a.lower) {
		return ""
	}
	return a.lower[i]
}

// lowerKey returns w in lower case; ASCII words already in lower case are
// returned as they are, without allocating.
func lowerKey(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return toLower(w)
		}
	}
	return w
}

// appendLower appends w in lower case to b.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			return b
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

func toLower(w string) string {
	b := make([]byte, 0, len(w))
	for _, r := range w {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

// cue returns the cue entry of token i, if it is a cue verb used as a verb
// (not a noun after a determiner: "the claims", "his call").
func (a *analysis) cue(i int) (cueVerb, bool) {
	if i < 0 || i >= len(a.toks) || a.toks[i].Kind != doc.Word {
		return cueVerb{}, false
	}
	w := a.low(i)
	v, ok := cueForms[w]
	if !ok {
		return v, false
	}
	if i > 0 && (a.is(i-1, articles) || a.possessive(i-1) && !a.is(i-2, subjectPronouns) && !a.isWord(i-2, "who") ||
		a.toks[i-1].Kind == doc.Number && (nounLike[w] || !a.isWord(i-2, "in"))) &&
		!(pronounDeterminers[a.low(i-1)] && !nounLike[w]) {
		return v, false // "the claims", "his call"; but "another said", "those believe"
	}
	if a.capitalised(i) && len(a.sentOf) > 0 && !a.headlineSentence(int(a.sentOf[i])) && !a.invertedOpening(i) {
		// "the Islamic State", "the Washington Post": only a headline
		// capitalises its verbs.
		return v, false
	}
	if nounLike[w] && i > 0 {
		// "late-night calls", "battleground states": a plural noun or a
		// modifier, unless a pronoun, name or auxiliary stands before it;
		// a bare form ("state", "show") needs a pronoun or auxiliary, since
		// "Trump show" is a noun phrase.
		p := i - 1
		bare := !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed")
		if a.capitalised(i) && a.headlineSentence(int(a.sentOf[i])) || bare && a.capitalised(p) && !strings.HasSuffix(a.word(p), "s") && !a.is(p, speakerNouns) {
			return v, false
		}
		if !(a.capitalised(p) || a.is(p, pronouns) || a.is(p, auxiliaries) || a.is(p, speakerNouns) ||
			hasLySuffix(a.word(p)) && !a.is(p-1, articles) && !a.is(p-1, determiners) && !a.possessive(p-1) || // not "its quarterly report"
			a.is(i, participles) && a.punct(p, ",") && (a.clauseAfter(i+1) || a.isWord(i+1, "of")) || // "…, warning that he would …": a participle
			a.is(p, sourceNouns) && !bare || // "the poll shows"
			a.isWord(p, "which") || a.isWord(p, "that") && !bare) && // "the fund, which supports …"
			!(a.isWord(i+1, "that") && (!bare || plural(a.low(p)) || a.is(p, speakerNouns))) && // "the results show that …"
			!(bare && a.isWord(p, "to")) && // "is trying to show"
			!a.showsObject(i) {
			return v, false
		}
	}
	if (w == "called" || w == "dubbed" || w == "titled" || w == "named") && a.capitalised(i+1) &&
		i > 0 && a.toks[i-1].Kind == doc.Word && !a.capitalised(i-1) && !a.is(i-1, pronouns) && !a.is(i-1, auxiliaries) {
		return v, false // "a new group called Black Votes Matter": a name, not a report
	}
	if strings.HasSuffix(w, "ed") && (a.isWord(i+1, "by") || w == "accused" && a.isWord(i+1, "of")) &&
		i > 0 && a.toks[i-1].Kind == doc.Word && !a.is(i-1, pronouns) && !a.is(i-1, auxiliaries) {
		return v, false // "the woman accused of …", "a plan criticized by …": a passive modifier
	}
	if strings.HasSuffix(w, "ed") && a.is(i-1, gerundPrepositions) && !a.isWord(i-1, "to") {
		return v, false // "a lead in pledged delegates": an adjective, not a cue
	}
	// A verb of stance keeps reporting as a gerund or a participle with
	// an object ("for supporting Trump", "super PACs backing Cruz").
	stance := objectVerbs[w] && (a.capitalised(i+1) || a.is(i+1, determiners) || possessivePronouns[a.low(i+1)])
	// A gerund of saying before a clause still reports it ("for saying
	// that …", "after saying he would …").
	gerundReport := clauseCues[w] && strings.HasSuffix(w, "ing") && a.clauseAfter(i+1) &&
		(a.is(i-1, gerundPrepositions) || a.isWord(i-1, "after") || a.isWord(i-1, "before") || a.isWord(i-1, "upon"))
	if strings.HasSuffix(w, "ing") && a.is(i-1, gerundPrepositions) && !stance && !gerundReport {
		return v, false // "for admitting Poland": a gerund, not a cue
	}
	if strings.HasSuffix(w, "ing") && i > 0 && a.toks[i-1].Kind == doc.Word && !a.is(i-1, auxiliaries) && !gerundReport &&
		!a.isWord(i-1, "and") && !a.isWord(i-1, "while") && !a.isWord(i-1, "by") && !a.is(i-1, pronouns) &&
		!speechNouns[a.low(i-1)] && !a.withSubject(i) && !stance {
		return v, false // "footage showing Putin": a participle modifying a noun
	}
	if strings.HasPrefix(w, "call") && (a.isWord(i+1, "off") || a.isWord(i+1, "up") || a.isWord(i+1, "back")) {
		return v, false // "called off the strike", "called up reservists": no report
	}
	if parts, ok := particleVerbs[w]; ok && (!hasParticle(parts, a.low(i+1)) ||
		a.isWord(i+1, "it") && !a.isWord(i+2, "clear")) {
		return v, false // "had spoken to Witkoff", "talked with": not a report
	}
	return v, true
}

// withSubject reports whether the participle at i has its own subject
// after "with" ("with 30 percent of voters saying …"): a report.
func (a *analysis) withSubject(i int) bool {
	if !a.is(i, participles) || !(a.is(i-1, speakerNouns) || plural(a.low(i-1))) {
		return false
	}
	for k := i - 2; k >= 0 && i-k < 8; k-- {
		if a.isWord(k, "with") {
			return true
		}
		if a.toks[k].Kind == doc.Punct {
			return false
		}
	}
	return false
}

func (a *analysis) isWord(i int, w string) bool {
	return i >= 0 && i < len(a.toks) && equalFold(a.word(i), w)
}

func equalFold(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c, d := s[i], t[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if d >= 'A' && d <= 'Z' {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}

// capitalised reports whether token i is a word starting with an upper-case
// letter, or a number.
func (a *analysis) capitalised(i int) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	t := a.toks[i]
	if t.Kind == doc.Number {
		return true
	}
	if t.Kind != doc.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(a.text[t.Start:])
	return unicode.IsUpper(r)
}

func (a *analysis) punct(i int, set string) bool {
	a.work++
	if i < 0 || i >= len(a.toks) || a.toks[i].Kind != doc.Punct {
		return false
	}
	w := a.word(i)
	if w == "" {
		return false
	}
	if _, n := utf8.DecodeRuneInString(w); n != len(w) {
		return false // several marks in one token ("...", "--")
	}
	return strings.Contains(set, w)
}

// isMark reports whether token i is a quote mark of a quotation.
func (a *analysis) isMark(i int) bool { return i >= 0 && i < len(a.markOf) && a.markOf[i] >= 0 }

// quoteChar reports whether token i is any quote character, the doubled
// straight marks of some styles (” and “) included.
func (a *analysis) quoteChar(i int) bool {
	if a.punct(i, "“”‘’\"'«»„") {
		return true
	}
	if i < 0 || i >= len(a.toks) || a.toks[i].Kind != doc.Punct {
		return false
	}
	w := a.word(i)
	return w == "''" || w == "``"
}

// possessive reports whether token i is a possessive clitic.
func (a *analysis) possessive(i int) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	w := a.word(i)
	return w == "’s" || w == "'s" || w == "’S" || w == "'S"
}

// showsObject reports whether "show" or "shows" at i after a common noun
// is the verb of a finding ("Polling averages show Clinton with a lead",
// "video of the incident shows him with his hands up"): an object follows
// that a noun "shows" would not take: a determiner, a name, a pronoun or
// a number. "TV shows" and "talk shows" are followed by a verb
// or punctuation.
func (a *analysis) showsObject(i int) bool {
	if w := a.low(i); w != "show" && w != "shows" {
		return false
	}
	if p := i - 1; p < 0 || a.toks[p].Kind != doc.Word || functionWords[a.low(p)] {
		return false
	}
	n := i + 1
	if n >= len(a.toks) {
		return false
	}
	switch a.low(n) {
	case "him", "her", "them", "us", "me", "his", "their", "its", "our":
		return true
	}
	return a.is(n, determiners) || a.is(n, subjectPronouns) || a.toks[n].Kind == doc.Number ||
		a.capitalised(n) && !a.headlineSentence(int(a.sentOf[n]))
}

// invertedOpening reports whether the capitalised cue at i opens its
// sentence before a name and a colon or comma framing a quotation: "Said
// Ellis: “…”", "Added the mayor, “…”".
func (a *analysis) invertedOpening(i int) bool {
	if len(a.sentOf) == 0 || a.sentTok[a.sentOf[i]][0] != i {
		return false
	}
	switch a.low(i) {
	case "said", "says", "added", "adds", "wrote", "writes", "asked", "explained", "recalled":
	default:
		return false
	}
	for k := i + 1; k < len(a.toks) && k-i < 8; k++ {
		if a.punct(k, ":,") {
			return k > i+1 && a.isMark(k+1)
		}
		if a.toks[k].Kind != doc.Word {
			return false
		}
	}
	return false
}

// clauseAfter reports whether a clause opens at k: "that", a subject
// pronoun, or a noun phrase before an auxiliary ("the plan would fail").
func (a *analysis) clauseAfter(k int) bool {
	if a.isWord(k, "that") || a.is(k, subjectPronouns) {
		return true
	}
	if !a.is(k, determiners) && !possessivePronouns[a.low(k)] && !a.capitalised(k) {
		return false
	}
	for j := k + 1; j < len(a.toks) && j-k < 7; j++ {
		if a.is(j, verbAux) && !a.isWord(j, "not") {
			return true
		}
		if a.toks[j].Kind != doc.Word && !a.possessive(j) || functionWords[a.low(j)] {
			return false
		}
	}
	return false
}
