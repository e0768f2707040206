package quote

import (
	"strings"

	"dateline/internal/doc"
)

// Bounds on how far a search may walk, in tokens. They keep the stage
// linear on text without sentence ends (a run of "said said said …") and
// are far beyond any real sentence.
const (
	maxReach  = 120 // cue and speaker searches from a quotation or cue
	maxClause = 400 // a reported clause
	maxCues   = 32  // reports kept per sentence
)

// span is a half-open token range; a negative start means none.
type span [2]int

var none = span{-1, -1}

func (s span) ok() bool { return s[0] >= 0 && s[1] > s[0] }

// found is a quote before its speaker is resolved to an entity.
type found struct {
	start, end int // content bytes
	kind       string
	cue        span
	spk        span
	addr       span
	pair       int // quotation it came from, -1 for reported speech
	outer      int // found quote whose speaker a first-person speaker is, -1
	cueAfter   bool
}

// npBefore returns the noun phrase ending at token e (not before token lo):
// a pronoun, a name with its titles ("US Secretary of State Marco Rubio",
// "Putin aide Yuri Ushakov") or a description ("the Russian leader").
func (a *analysis) npBefore(e, lo int) (span, bool) {
	if e < lo || e >= len(a.toks) {
		return none, false
	}
	if a.punct(e, ")") { // "Sen. Tom Udall (D-N.M.) said"
		k := e - 1
		for k >= lo && e-k < 12 && !a.punct(k, "(") {
			k--
		}
		if k < lo || !a.punct(k, "(") {
			return none, false
		}
		e = k - 1
		if e < lo {
			return none, false
		}
	}
	w := a.low(e)
	if w == "that" && e-1 >= lo && a.toks[e-1].Kind == doc.Word && !a.capitalised(e-1) &&
		!functionWords[a.low(e-1)] && !verbAux[a.low(e-1)] && !a.cueAt(e-1) && !a.isBe(e-1) {
		// "a non-profit that advocates": a relative "that" after a noun.
		if _, ok := a.npBefore(e-1, lo); ok {
			return span{e, e + 1}, true
		}
	}
	if (pronouns[w] || w == "which") && !a.acronym(e) {
		if w == "who" || w == "which" {
			// "Lewandowski, who ran ..., said": the relative pronoun is the
			// local mention, as "he" is, when it has an antecedent; the
			// resolver reads the entity off the antecedent.
			if _, ok := a.antecedent(e, lo); ok {
				return span{e, e + 1}, true
			}
			return none, false
		}
		return span{e, e + 1}, true
	}
	if a.punct(e, "%") && e-1 >= lo && a.toks[e-1].Kind == doc.Number {
		return span{e - 1, e + 1}, true // "42% say they are liberal"
	}
	if e-2 >= lo && a.isWord(e-1, "in") && (a.is(e, determiners) || a.toks[e].Kind == doc.Number) &&
		(a.is(e-2, determiners) || a.toks[e-2].Kind == doc.Number) {
		return span{e - 2, e + 1}, true // "one in three said", "four in 10 said"
	}
	if a.isWord(e, "him") || a.isWord(e, "her") || a.isWord(e, "them") {
		return a.closeSource(span{e, e + 1}, lo) // "a source close to him said"
	}
	if a.toks[e].Kind != doc.Word {
		// Only a word heads a speaker: "since 1998, blaming ..." has no
		// speaker "1998"; a number may still open one ("Two officials said").
		return none, false
	}
	if (functionWords[w] || auxiliaries[w]) && !(a.capitalised(e) && a.capitalised(e-1) && e-1 >= lo && a.toks[e-1].Kind == doc.Word) ||
		a.possessive(e) { // "Theresa May" is a name
		return none, false
	}
	if _, isCue := cueForms[w]; isCue && !a.capitalised(e) &&
		!(nounLike[w] && (a.is(e-1, articles) || a.possessive(e-1) || e-1 >= lo && a.toks[e-1].Kind == doc.Number)) {
		return none, false // a verb; but "the report", "the campaign's statement" are nouns
	}
	s := e
walk:
	for s-1 >= lo && e-s < 10 {
		k := s - 1
		switch {
		case a.possessive(k) || a.punct(k, "’'") && !a.toks[k].SpaceBefore && strings.HasSuffix(a.low(k-1), "s"):
			s = k // "Trump’s campaign", "Sanders’ campaign"
		case a.capitalised(k) && !(conjunctions[a.low(k)] && (!a.capitalised(k+1) || a.sentenceStart(k))):
			s = k // but "But lead author Priya Raman", "But Megan Hester": a conjunction opening the sentence
		case a.toks[k].Kind == doc.Word:
			lw := a.low(k)
			switch {
			case determiners[lw]:
				s = k
				break walk
			case (lw == "of" || lw == "and" || lw == "for") && a.capitalised(k-1) && a.capitalised(s):
				s = k
			case functionWords[lw] || auxiliaries[lw] || pronouns[lw] || strings.HasSuffix(lw, "ly"):
				break walk
			default:
				if _, isCue := cueForms[lw]; isCue && !a.possessive(k+1) && !a.is(k-1, determiners) &&
					!(nounLike[lw] && (k == lo || a.punct(k-1, ",;:"))) {
					break walk // a verb, unless a noun: "the state’s", "the report", "…, state media said"
				}
				s = k // a nominal modifier: "aide", "senior", "press"
			}
		default:
			break walk
		}
	}
	for s < e && (a.isWord(s, "of") || a.isWord(s, "and") || a.isWord(s, "for") || a.possessive(s)) {
		s++
	}
	// "Officials at Homeland Security", "advisers to Mr. Obama", "a
	// spokesman for the campaign": a speaker noun before a preposition
	// heads the phrase.
	extended := false
	if p := s - 1; p-1 >= lo && (a.isWord(p, "at") || a.isWord(p, "to") || a.isWord(p, "for") ||
		a.isWord(p, "of") || a.isWord(p, "from") || a.isWord(p, "with") || a.isWord(p, "in")) &&
		(a.is(p-1, speakerNouns) || a.is(p-1, roleNouns) || plural(a.low(p-1)) && !a.is(p-1, functionWords)) {
		s = p - 1
		extended = true
		if a.is(s-1, determiners) && s-1 >= lo {
			s--
		}
	}
	if !extended {
		if h, ok := a.headBeforeModifiers(s, lo); ok {
			return h, true
		}
	}
	// A phrase names a speaker when it is headed by a name, opened by a
	// determiner or possessive, or is a bare noun like "officials".
	head := a.low(e)
	if timeHeads[head] && !(e > s && a.capitalised(e) && a.capitalised(e-1)) || // "Theresa May" is a name
		hasLySuffix(head) && !a.capitalised(e) { // "Schlafly" is a name
		return none, false
	}
	if !extended && !a.capitalised(e) && !a.is(s, determiners) && !a.hasCapital(span{s, e + 1}) && !speakerNouns[head] &&
		!(head == "media" && e > s) && // "state media said"; not a speaker noun, since "media request" is a noun
		a.toks[s].Kind != doc.Number && !plural(head) {
		return a.closeSource(span{s, e + 1}, lo)
	}
	if sp, ok := a.closeSource(span{s, e + 1}, lo); ok {
		return sp, true
	}
	return span{s, e + 1}, true
}

// headBeforeModifiers walks back from a phrase starting at token s over
// up to three prepositional modifiers ("Some parents at a school meeting
// in Carver County", "Dr. Priya Raman of the University of Leeds") to the
// noun phrase they modify, when that one can speak: a name of two or more
// words, a speaker or role noun, or a plural. The speaker is that phrase,
// whose head the resolver reads, not the place or body in the modifier.
func (a *analysis) headBeforeModifiers(s, lo int) (span, bool) {
	best := none
	for hop := 0; hop < 3; hop++ {
		p := s - 1
		if p-1 < lo {
			break
		}
		if !a.is(p, modifierPrepositions) {
			return best, best.ok()
		}
		if a.toks[p-1].Kind != doc.Word || a.is(p-1, functionWords) || a.is(p-1, auxiliaries) || a.cueAt(p-1) {
			break
		}
		h, ok := a.npBefore(p-1, lo)
		if !ok || a.is(h[0], pronouns) {
			break
		}
		// An extended phrase ("Some parents at a school meeting") is
		// judged by its part before the preposition.
		for j := h[0] + 1; j < h[1]; j++ {
			if a.is(j, modifierPrepositions) && !(a.capitalised(j-1) && a.capitalised(j+1)) {
				h[1] = j
				break
			}
		}
		head := h[1] - 1
		if a.capitalised(head) && h[1]-h[0] >= 2 && a.capitalised(h[1]-2) && !a.hasOf(h) ||
			a.is(head, speakerNouns) || a.is(head, roleNouns) || plural(a.low(head)) && !a.capitalised(head) {
			best = h
		}
		s = h[0]
	}
	return best, best.ok()
}

// modifierPrepositions open a modifier after a speaker's noun phrase.
var modifierPrepositions = map[string]bool{"of": true, "at": true, "in": true, "from": true, "with": true,
	"for": true, "to": true}

// hasOf reports whether the phrase sp holds "of" ("University of Leeds").
func (a *analysis) hasOf(sp span) bool {
	for k := sp[0]; k < sp[1]; k++ {
		if a.isWord(k, "of") {
			return true
		}
	}
	return false
}

// closeSource extends the phrase sp, the object of "close to" or
// "familiar with", to the unnamed source it describes ("a source close to
// him", "people familiar with the talks").
func (a *analysis) closeSource(sp span, lo int) (span, bool) {
	p := sp[0] - 1
	if p-2 < lo || !(a.isWord(p, "to") || a.isWord(p, "with")) || !sourceAdjectives[a.low(p-1)] {
		return none, false
	}
	head, ok := a.npBefore(p-2, lo)
	if !ok || a.is(head[0], pronouns) {
		return none, false
	}
	return span{head[0], sp[1]}, true
}

// npAfter returns the noun phrase starting at token s (ending before hi): a
// pronoun, a determiner with its nominal words, or a run of capitalised
// words with inner "of" ("Sen. Tom Udall of New Mexico").
func (a *analysis) npAfter(s, hi int) (span, bool) {
	if s < 0 || s >= hi || a.toks[s].Kind != doc.Word {
		return none, false
	}
	w := a.low(s)
	if pronouns[w] && w != "who" && !a.acronym(s) {
		return span{s, s + 1}, true
	}
	e := s
	det := determiners[w] && (!a.capitalised(s) || !a.capitalised(s+1)) || w == "the" || w == "a" || w == "an" ||
		!a.capitalised(s) && a.roleBeforeName(s, hi) // "former Pennsylvania governor Ed Rendell"
	if det && determiners[w] && plural(w) && a.verbLike(s+1) {
		return span{s, s + 1}, true // "thousands marched": a quantity heads the phrase
	}
	if det {
		e++
	}
	for e < hi && e-s < 10 {
		switch {
		case a.capitalised(e) || (a.possessive(e) && e > s):
			e++
			continue
		case e > s && a.punct(e, "’'") && !a.toks[e].SpaceBefore && strings.HasSuffix(a.low(e-1), "s") && !a.isMark(e):
			e++ // "the employers' federation"
			continue
		case a.toks[e].Kind == doc.Word:
			lw := a.low(e)
			if lw == "of" && e > s && a.capitalised(e+1) {
				e++
				continue
			}
			if !det && e > s && !a.roleBeforeName(e, hi) {
				break // after a bare name only a role before another name: "Trump campaign spokeswoman Hope Hicks"
			}
			if lw == "of" && det && e > s && plural(a.low(e+1)) && !a.is(e+1, determiners) && !a.capitalised(e+1) {
				e++ // "A group of doctors"
				continue
			}
			if det && e > s+1 && (modifierPrepositions[lw] || leadingPrepositions[lw]) {
				break // "The authors of the report": the head is before the preposition
			}
			if det && e > s+1 && a.verbAfterNoun(e) {
				break // "The mayor closed the bridge": the subject ends before its verb
			}
			if (det || e > s) && !functionWords[lw] && !verbAux[lw] && !pronouns[lw] && !determiners[lw] {
				// A cue form right after an article is a noun: "the
				// champion said", "a report says".
				_, isCue := cueForms[lw]
				if isCue && e == s+1 && a.is(s, articles) && a.cueAt(e+1) {
					isCue = false
				}
				if !isCue && !strings.HasSuffix(lw, "ly") && !adverbialWords[lw] {
					e++
					continue
				}
			}
		}
		break
	}
	if e == s || (det && e == s+1) {
		return none, false
	}
	return span{s, e}, true
}

// verbAfterNoun reports whether the lower-case word at e, after a noun
// of a determiner phrase, is the phrase's verb rather than another
// nominal word: a past form after a noun ("the opposition welcomed"), or
// a word taking an object that opens with an article, a possessive or a
// number ("the company cut 300 jobs", "the mayor gave his word"). Nouns
// are seldom followed right away by one of those.
func (a *analysis) verbAfterNoun(e int) bool {
	return e > 0 && a.toks[e-1].Kind == doc.Word && !a.is(e-1, determiners) && a.verbLike(e)
}

// verbLike reports whether the lower-case word at e reads as a finite
// verb after a subject: a past form, or a word before an article, a
// possessive or a number.
func (a *analysis) verbLike(e int) bool {
	if e >= len(a.toks) || a.toks[e].Kind != doc.Word || a.capitalised(e) {
		return false
	}
	w := a.low(e)
	if functionWords[w] || determiners[w] || pronouns[w] || modifierPrepositions[w] || leadingPrepositions[w] {
		return false // "an end to the …": a preposition, not a verb
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") || irregularPast[w] {
		return true
	}
	n := e + 1
	if a.is(n, particles) && !a.is(n+1, determiners) && !a.is(n+1, possessivePronouns) {
		return true // "one farmer stood up and shouted"
	}
	return n < len(a.toks) && (a.is(n, articles) || a.toks[n].Kind == doc.Number && !a.punct(n+1, "%"))
}

// irregularPast are past forms seldom used as nouns, which end a subject
// phrase read forwards ("the board met", "the party won").
var irregularPast = map[string]bool{}

const irregularPastList = `stood took gave made held met went came won lost kept sent ran began fell rose
	grew broke chose drew drove fought led paid sold spent struck threw sat brought bought taught caught
	got became sought flew hung swore tore woke froze shook beat`

// particles follow a verb, not a noun ("stood up", "walked out").
var particles = map[string]bool{"up": true, "down": true, "out": true, "off": true, "away": true}

func init() {
	for _, w := range strings.Fields(irregularPastList) {
		irregularPast[w] = true
	}
}

// antecedent returns the noun phrase a relative pronoun at token e refers
// to: the one right before it, past a comma ("the union, which").
func (a *analysis) antecedent(e, lo int) (span, bool) {
	k := e - 1
	if a.punct(k, ",") {
		k--
	}
	if k < lo || a.isWord(k, "who") || a.isWord(k, "which") {
		return none, false
	}
	return a.npBefore(k, lo)
}

// relativePronoun reports whether the phrase sp is a lone "who" or "which".
func (a *analysis) relativePronoun(sp span) bool {
	return sp.ok() && sp[1]-sp[0] == 1 && (a.isWord(sp[0], "who") || a.isWord(sp[0], "which") || a.isWord(sp[0], "that"))
}

// roleBeforeName reports whether tokens from e are one to three
// lower-case nominal words followed by a capitalised word: the role in
// "Trump campaign spokeswoman Hope Hicks".
func (a *analysis) roleBeforeName(e, hi int) bool {
	for k := e; k < hi && k-e < 3; k++ {
		if a.capitalised(k) {
			return k > e && a.toks[k].Kind == doc.Word // a name, not a number: "spent 2 million"
		}
		lw := a.low(k)
		if a.toks[k].Kind != doc.Word || functionWords[lw] || verbAux[lw] || pronouns[lw] || determiners[lw] ||
			cueForms[lw].isCue() || hasLySuffix(lw) || a.verbLike(k) && a.capitalised(k-1) && a.toks[k-1].Kind == doc.Word {
			return false // "Mira Kovac beat Elena Sorova": a verb, not a role
		}
	}
	return a.capitalised(min(e+3, hi-1)) && e+3 < hi
}

// isBe reports whether token i is a form of "be" (a passive before a cue).
func (a *analysis) isBe(i int) bool {
	switch a.low(i) {
	case "is", "are", "was", "were", "be", "been", "being", "'s", "’s":
		return true
	}
	return false
}

// subjectBefore finds the subject of the cue verb at c: the noun phrase
// before it, past auxiliaries and adverbs ("Trump has repeatedly claimed").
// passive reports a form of "be" right before the verb ("was told").
func (a *analysis) subjectBefore(c, lo int) (spk span, passive bool) {
	if a.is(c, participles) && a.punct(c-1, ",") {
		// "…, warning that …": a participle after a comma has no subject of
		// its own; the phrase before the comma ends the main clause ("On
		// Monday, the ministry extended the lockdown, warning …"), whose
		// subject inheritedSubject finds.
		return none, false
	}
	k := c - 1
	ing := strings.HasSuffix(a.low(c), "ing")
	for k >= lo {
		if t := a.timeBefore(k, lo); t < k {
			k = t // "Gov. Mike Pence on Thursday blamed"
			continue
		}
		if a.possessive(k) && (a.isWord(k-1, "he") || a.isWord(k-1, "she") || a.isWord(k-1, "who")) {
			k-- // "He's said", "she's arguing": a contracted has or is
			continue
		}
		if a.toks[k].Kind != doc.Word || a.capitalised(k) || !hasLySuffix(a.word(k)) && !a.is(k, auxiliaries) {
			break
		}
		if a.isBe(k) && !ing {
			passive = true
		}
		k--
	}
	if passive {
		return none, true
	}
	if a.punct(k, ",") && (a.isWord(k+1, "then") || a.isWord(k+1, "and") || a.isWord(k+1, "but")) {
		return none, false // "…, then told the crowd": a verb coordinated with the clause's, no apposition
	}
	if a.punct(k, ",") {
		return a.apposition(k, lo), false
	}
	spk, _ = a.npBefore(k, lo)
	return spk, false
}

// timeBefore skips back over a time adverbial ending at token k between a
// subject and its verb ("on Thursday", "this past week", "last month",
// "Tuesday") and returns the token before it, or k when there is none.
func (a *analysis) timeBefore(k, lo int) int {
	if !a.is(k, timeHeads) || a.is(k, auxiliaries) || a.isWord(k, "may") {
		return k
	}
	j := k - 1
	for j >= lo && k-j < 4 && (a.is(j, timeModifiers) || a.is(j, timeHeads) && !a.is(j, auxiliaries)) {
		j--
	}
	if j < lo {
		return k // the sentence opens with the time: no subject before it
	}
	return j
}

// apposition finds the subject of "NAME, APPOSITION, said": closing is the
// comma before the cue. The name before the opening comma is the subject,
// unless it is a description and the apposition a name ("The state's
// campaign chairman, Phil Lovas, said").
func (a *analysis) apposition(closing, lo int) span {
	// Try the commas before the closing one, nearest first: an apposition
	// may hold commas of its own ("Giovanni Vian, the editor of the
	// paper, L'Osservatore Romano, said").
	commas := 0
	for j := closing - 1; j >= lo && closing-j < 50; j-- {
		if a.isMark(j) || a.punct(j, ".;:!?") && !a.abbreviationDot(j) {
			return none
		}
		if _, ok := a.cue(j); ok && !a.capitalised(j) && !a.is(j, participles) && !a.inRelative(j, lo) && !a.reducedPassive(j) {
			return none // a clause, not an apposition: "X, who said …, added"
		}
		if !a.punct(j, ",") {
			continue
		}
		if commas++; commas > 3 || a.clauseLike(j+1, closing) {
			return none // "In Decatur, the plant is hanging on, said …": a clause before an inverted cue
		}
		name, ok := a.npBefore(j-1, lo)
		for hop := 0; ok && hop < 3 && name[0]-2 >= lo && a.is(name[0]-1, modifierPrepositions) && !a.isWord(name[0]-1, "to"); hop++ {
			// "The campaign of her opponent, …, said": the phrase runs
			// back over its modifiers to the sentence's subject.
			h, ok2 := a.npBefore(name[0]-2, lo)
			if !ok2 || a.is(h[0], pronouns) {
				break
			}
			name = span{h[0], name[1]}
		}
		if !ok {
			// "One of the authors of the report, Ari Fleischer, said":
			// the name between the commas is the speaker.
			if inner, ok := a.npAfter(j+1, closing); ok && inner[1] == closing && a.capitalised(j+1) &&
				!a.is(j+1, pronouns) && a.opensSentence(a.phraseStart(j, lo), lo) {
				return inner
			}
			continue
		}
		// A description headed by a common noun ("Orban's spokesman",
		// "His lawyer") gives way to the name in the apposition.
		if !a.capitalised(name[1]-1) && a.capitalised(j+1) && !a.is(j+1, pronouns) {
			if inner, ok := a.npAfter(j+1, closing); ok && a.hasCapital(inner) {
				return inner
			}
		}
		if name[0] == lo || a.punct(name[0]-1, ",;:—–") || a.is(name[0]-1, conjunctions) || a.isMark(name[0]-1) {
			return name
		}
	}
	return none
}

// phraseStart returns the first token of the stretch ending before token
// j that no punctuation interrupts, not before lo.
func (a *analysis) phraseStart(j, lo int) int {
	k := j
	for k > lo && j-k < 20 && a.toks[k-1].Kind != doc.Punct {
		k--
	}
	return k
}

// inRelative reports whether token j lies in a relative clause opening
// after the comma before it within the apposition ("Sanders, who on
// Tuesday endorsed Clinton, said"): its verb does not make the apposition
// a clause.
func (a *analysis) inRelative(j, lo int) bool {
	for k := j - 1; k >= lo && j-k < 12; k-- {
		if a.isWord(k, "who") || a.isWord(k, "which") {
			return true
		}
		if a.toks[k].Kind == doc.Punct {
			return false
		}
	}
	return false
}

// abbreviationDot reports whether the full stop at j ends an abbreviation
// inside a phrase, not a sentence: attached to the word before and
// followed by a comma ("Mitch McConnell, R-Ky., said").
func (a *analysis) abbreviationDot(j int) bool {
	return a.punct(j, ".") && j > 0 && a.toks[j-1].Kind == doc.Word && a.toks[j-1].End == a.toks[j].Start &&
		a.punct(j+1, ",")
}

// reducedPassive reports whether the cue form at j opens a passive
// participle phrase right after a comma ("Ridley, asked about the match,
// said", "The mayor, pressed on costs, said"): it describes the subject and
// does not make the apposition a clause.
func (a *analysis) reducedPassive(j int) bool {
	return a.punct(j-1, ",") && strings.HasSuffix(a.low(j), "ed") &&
		(a.is(j+1, leadingPrepositions) || a.isWord(j+1, "about") || a.isWord(j+1, "whether") || a.isWord(j+1, "if") ||
			a.isWord(j+1, "why") || a.isWord(j+1, "how") || a.isWord(j+1, "what"))
}

// clauseLike reports whether tokens [s, e) between two commas read as a
// clause rather than an apposition: an auxiliary or a subject pronoun
// before any relative pronoun ("the plant is hanging on", but not "a
// lawyer who has represented him").
func (a *analysis) clauseLike(s, e int) bool {
	for k := s; k < e; k++ {
		switch {
		case a.isWord(k, "who") || a.isWord(k, "which") || a.isWord(k, "that") || a.isWord(k, "whose"):
			return false
		case a.is(k, verbAux) && !a.isWord(k, "not") || a.is(k, subjectPronouns):
			return true
		}
	}
	return false
}

// sourceAdjectives describe an unnamed source by its closeness to a
// subject ("close to him", "familiar with the talks").
var sourceAdjectives = map[string]bool{"close": true, "closest": true, "familiar": true, "loyal": true,
	"briefed": true, "knowledgeable": true, "near": true}

// plural reports whether a lower-case noun looks plural ("specialists").
func plural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is")
}

// hasCapital reports whether a phrase holds a capitalised word.
func (a *analysis) hasCapital(sp span) bool {
	for k := sp[0]; k < sp[1]; k++ {
		if a.capitalised(k) && a.toks[k].Kind == doc.Word {
			return true
		}
	}
	return false
}

// object returns the addressee after a verb like "told" starting at token s:
// a pronoun object, "reporters", a name, or a determiner phrase.
func (a *analysis) object(s, hi int) (span, int) {
	if s >= hi {
		return none, s
	}
	switch a.low(s) {
	case "him", "her", "them", "me", "us", "you", "reporters", "journalists", "lawmakers", "supporters", "voters":
		return span{s, s + 1}, s + 1
	case "that":
		return none, s
	}
	if a.is(s, speakerNouns) && plural(a.low(s)) && !a.is(s, determiners) {
		return span{s, s + 1}, s + 1 // "told analysts on a conference call that …"
	}
	if np, ok := a.npAfter(s, hi); ok && !pronouns[a.low(s)] {
		return np, np[1]
	}
	if s+1 < hi && a.toks[s].Kind == doc.Word && !a.capitalised(s) && !a.is(s, functionWords) && !a.is(s, verbAux) &&
		!a.cueAt(s) && (a.is(s+1, subjectPronouns) || a.isWord(s+1, "that")) {
		return span{s, s + 1}, s + 1 // "told police they would stay", "told residents that …"
	}
	if s+2 < hi && a.is(s, articles) && a.toks[s+1].Kind == doc.Word && !a.capitalised(s+1) && !a.is(s+1, functionWords) &&
		!a.is(s+1, verbAux) && (a.is(s+2, subjectPronouns) || a.isWord(s+2, "that") || a.clauseAfter(s+2)) {
		return span{s, s + 2}, s + 2 // "told the meeting the turbines would be screened"
	}
	return none, s
}

// skippable reports whether token i can stand between a cue verb and the
// start of its content or the end of its clause: an adverbial word, a
// capitalised word or number ("on Truth Social", "in the Oval Office last
// month"), or a comma.
func (a *analysis) skippable(i int) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	t := a.toks[i]
	switch t.Kind {
	case doc.Number:
		return true
	case doc.Word:
		return a.capitalised(i) || a.is(i, adverbialWords) || a.possessive(i)
	}
	return a.punct(i, ",-–")
}

// timeWords may open a content-less stretch right after a cue ("said
// Tuesday the ...").
func (a *analysis) timeWord(i int) bool {
	switch a.low(i) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tonight", "earlier", "later", "also", "again", "repeatedly", "recently",
		"morning", "afternoon", "evening", "night":
		return true
	}
	return false
}

// contentStart returns where the reported clause after a cue starts: at a
// "that" reached over adverbials ("said on Wednesday that"), else after
// leading time words, else at s.
func (a *analysis) contentStart(s, hi int) int {
	for k := s; k < hi && k-s < 14; k++ {
		if a.isWord(k, "that") {
			return k
		}
		if k > s && a.is(k, subjectPronouns) && a.is(s, leadingPrepositions) {
			return k // "said in a statement Thursday night they pulled …"
		}
		if !a.skippable(k) || a.isMark(k) {
			break
		}
	}
	k := s
	for k < hi && (a.timeWord(k) || (a.isWord(k, "on") && a.timeWord(k+1))) {
		k++
	}
	return k // at a comma when only time words followed the cue: no clause
}

// tailOnly reports whether tokens [s, hi) hold nothing but adverbials and
// final punctuation: the clause of the cue ends there.
func (a *analysis) tailOnly(s, hi int) bool {
	if hi-s > maxReach {
		return false
	}
	pp := false // inside a prepositional phrase: "in the room", "at a rally"
	for k := s; k < hi; k++ {
		if a.punct(k, ".!?…") || a.isMark(k) && k == hi-1 {
			continue
		}
		if pi := a.markOf[k]; pi >= 0 && a.pairs[pi].open == k && a.pairs[pi].close > k && a.pairs[pi].close-k < 8 {
			if !pp {
				return false // a quoted complement: "called her “crooked”"
			}
			k = a.pairs[pi].close // a title: "on MSNBC’s “Morning Joe.”"
			continue
		}
		if a.isWord(k, "that") || a.is(k, verbAux) || a.is(k, pronouns) {
			return false
		}
		if a.isWord(k, "at") && (a.isWord(k+1, "least") || a.isWord(k+1, "most")) {
			return false // "reported at least six …": a quantity opens the clause
		}
		if a.infinitive(k) && !pp {
			return false // "hopes to win the seat", "expect Ortiz to win": a reported intention, not a place
		}
		if a.is(k, leadingPrepositions) || a.isWord(k, "to") || a.isWord(k, "for") || a.isWord(k, "of") {
			pp = true
			continue
		}
		if a.punct(k, ",") {
			pp = false
		}
		if a.skippable(k) {
			continue
		}
		if !pp || a.toks[k].Kind != doc.Word || a.cueAt(k) || strings.HasSuffix(a.low(k), "ing") && !a.is(k-1, determiners) {
			return false
		}
	}
	return true
}

// infinitive reports whether token k is a "to" before a bare verb ("to
// win", "to cut taxes") rather than a preposition before a noun phrase
// ("to reporters", "to the council", "to Oslo").
func (a *analysis) infinitive(k int) bool {
	if !a.isWord(k, "to") || k+1 >= len(a.toks) || a.toks[k+1].Kind != doc.Word || a.capitalised(k+1) {
		return false
	}
	w := a.low(k + 1)
	return !determiners[w] && !possessivePronouns[w] && !pronouns[w] && !timeHeads[w] && w != "him" && w != "them" &&
		w != "me" && w != "us" && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing")
}

// cueAt reports whether token k is a cue verb.
func (a *analysis) cueAt(k int) bool {
	_, ok := a.cue(k)
	return ok
}

// contentEnd returns the token index where a reported clause starting at s
// ends: the sentence end, a following participle that opens another
// attribution (", saying ..."), or ", according to". A quotation opened
// inside the clause extends it to its closing mark.
func (a *analysis) contentEnd(s, hi int) int {
	if hi-s > maxClause {
		hi = s + maxClause // no real clause is longer: keep the work linear
	}
	e := hi
	// clause: the stretch read so far has a verb of its own (it opens with
	// "that" or a subject pronoun, or an auxiliary came outside quotations),
	// so it is a clause and not a noun phrase.
	clause := a.isWord(s, "that") || a.is(s, subjectPronouns) || a.is(s, verbAux) && !a.isWord(s, "not")
	for k := s + 1; k < hi; k++ {
		if a.inPair[k] >= 0 && !a.isMark(k) {
			continue
		}
		afterComma := a.punct(k-1, ",;") || (a.isMark(k-1) && a.punct(k-2, ","))
		if afterComma && (a.is(k, participles) || (a.isWord(k, "according") && a.isWord(k+1, "to"))) {
			e = k
			break
		}
		if a.endsClause(k, afterComma, clause) {
			e = k
			break
		}
		clause = clause || a.is(k, verbAux) && !a.isWord(k, "not")
	}
	for k := s; k < e; k++ {
		a.work++
		if pi := a.markOf[k]; pi >= 0 && a.pairs[pi].open == k {
			if c := a.pairs[pi].close; c >= e {
				e = c + 1
			} else if c < 0 {
				for e < len(a.toks) && a.toks[e].Start < a.pairs[pi].end {
					e++
					a.work++
				}
			}
			// Skip the quotation: its inner marks close inside it, and
			// walking it again for every cue before it would be quadratic.
			if c := a.pairs[pi].close; c > k {
				k = c
			} else if c < 0 {
				k = e - 1
			}
		}
	}
	return e
}

// endsClause reports whether token k, inside a reported clause, starts
// something that is no longer the content: a coordinated verb of the
// subject ("… and said she would", "… but has been met with"), a contrast
// or time clause after a comma (", although …", ", when …"), a dash
// before "and"/"but", or a colon before a quotation.
func (a *analysis) endsClause(k int, afterComma, clause bool) bool {
	w := a.low(k)
	next := a.low(k + 1)
	switch {
	case (w == "and" || w == "but") && (a.coordinatedVerb(k+1) || a.coordinatedVerb(a.skipAdverbials(k+1))) &&
		(a.speechVerb(a.skipAdverbials(k+1)) || !clause):
		// "… and said she would", "endorsed Cruz and attacked Trump": the
		// subject's next verb; but after a clause with a verb of its own
		// the verb continues it ("said the plan would fail and has no support").
		return true
	case (w == "and" || w == "but") && !clause && a.npThenVerb(k+1):
		// "told a joke and the room laughed": a noun-phrase content ends
		// where a clause with a subject of its own is coordinated.
		return true
	case afterComma && (w == "but" || w == "although" || w == "though" || w == "while" ||
		w == "whereas" || w == "when" || w == "because" || w == "even" && next == "though"):
		return true
	case (a.punct(k, "—–-") || a.word(k) == "--") && (next == "and" || next == "but" || next == "while" || next == "most" ||
		next == "who" || next == "which" || next == "although" || next == "though" || a.quoteChar(k+1)):
		return true
	case a.punct(k, ".!?") && a.isMark(k+1) && a.pairs[a.markOf[k+1]].open == k+1:
		return true // a sentence end the splitter missed before a quotation
	case afterComma && (w == "and" || w == "but") && a.subjectThenCue(k+1):
		return true // "…, and Republicans want …": another source's report
	case afterComma && w == "and" && (a.is(k+1, subjectPronouns) || a.finiteClause(k+1, min(k+9, len(a.toks)))):
		return true // ", and his campaign did not respond": a clause of the article's own
	case afterComma && w == "who" && a.capitalised(k-2):
		return true // "…, who also held a rally": the article's aside on a name
	case afterComma && a.newReport(k):
		return true // "…, at least 21,000 said they would": another source's report
	case a.punct(k, ":") && a.isMark(k+1):
		return true
	case a.punct(k, ";"):
		return true
	case afterComma && (w == "which" || w == "forcing" || w == "leaving" || w == "prompting" ||
		w == "making" || w == "sending" || w == "causing" || w == "giving"):
		return true
	case afterComma && len(w) > 5 && strings.HasSuffix(w, "ing") && a.toks[k].Kind == doc.Word &&
		!a.capitalised(k) && w != "including" && w != "according" && w != "during" && !a.isMark(k-1):
		return true
	}
	return false
}

// newReport reports whether a clause starting at k is another source's
// report with content of its own ("at least 21,000 said they would",
// "and nearly three in five said …"), which ends the content before it.
func (a *analysis) newReport(k int) bool {
	if a.isWord(k, "and") || a.isWord(k, "but") || a.isWord(k, "while") || a.isWord(k, "even") {
		k++
	}
	// The subject: words, numbers and possessives up to the cue ("the
	// prominent civil rights group the Anti-Defamation League", "three-
	// fourths", "at least 21,000"), no verb or punctuation between.
	j := k
	for ; j < len(a.toks) && j-k < 15; j++ {
		if a.toks[j].Kind == doc.Punct && !a.possessive(j) && !a.punct(j, "-%") || a.is(j, subjectPronouns) {
			return false
		}
		if _, ok := a.cue(j); ok && j > k {
			break
		}
		if a.is(j, verbAux) || a.isWord(j, "that") || a.isWord(j, "who") || a.isWord(j, "which") || a.isWord(j, "to") {
			return false
		}
	}
	if j == k || j-k >= 15 || a.possessive(j-1) {
		return false
	}
	v, _ := a.cue(j)
	if v.class == framing || strings.HasSuffix(a.low(j), "ing") {
		return false
	}
	after := j + 1
	if v.addressee {
		_, after = a.object(after, len(a.toks)) // "…, the minister told reporters."
	}
	if v.class == speech && (a.punct(after, ".!?") || a.is(after, leadingPrepositions)) {
		// "…, Foreign Minister Hakan Fidan said after the talks.",
		// "…, spokeswoman Ana Pisonero said in Brussels.": the source of
		// what came before, when a speaker's noun phrase names it.
		if a.capitalised(k) {
			return true
		}
		if np, ok := a.npBefore(j-1, k); ok && np[0] == k && !a.is(k, pronouns) {
			return true
		}
	}
	return a.isWord(j+1, "that") || a.is(j+1, subjectPronouns) || a.is(j+1, determiners) || a.capitalised(j+1) ||
		possessivePronouns[a.low(j+1)]
}

// speechVerb reports whether token i is a finite cue verb of speech
// ("said", "told", "added").
func (a *analysis) speechVerb(i int) bool {
	v, ok := a.cue(i)
	return ok && v.class == speech && !strings.HasSuffix(a.low(i), "ing")
}

// skipAdverbials returns the first token from j past up to two adverbs
// that are not auxiliary verbs ("and later admitted", "and quickly said").
func (a *analysis) skipAdverbials(j int) int {
	for n := 0; n < 2 && j < len(a.toks) && a.toks[j].Kind == doc.Word && !a.capitalised(j) &&
		!verbAux[a.low(j)] && (a.is(j, auxiliaries) || hasLySuffix(a.low(j))); n++ {
		j++
	}
	return j
}

// coordinatedVerb reports whether token i is a finite verb that can only
// continue the subject's verb phrase: a cue verb in the past or present
// ("said", "says", "told"), an auxiliary, "also", or a past-tense form.
func (a *analysis) coordinatedVerb(i int) bool {
	if i >= len(a.toks) || a.toks[i].Kind != doc.Word || a.capitalised(i) {
		return false
	}
	w := a.low(i)
	if w == "also" || w == "then" || verbAux[w] && w != "not" && w != "n't" {
		return true
	}
	if v, ok := cueForms[w]; ok && v.class == belief {
		return false // "he had spoken … and expected …": the clause's own verb
	}
	if v, ok := cueForms[w]; ok && v.class != framing && !strings.HasSuffix(w, "ing") {
		return w != "say" && w != "think" && w != "believe" && w != "know" && w != "hope"
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// trimTokens drops leading and trailing punctuation (but not quote marks
// that pair inside the range) and returns the byte span of tokens [s, e).
func (a *analysis) trimTokens(s, e int) (int, int, bool) {
	for s < e && a.punct(s, ",;:.—–-") {
		s++
	}
	for e > s && a.punct(e-1, ",;:.—–-") {
		e--
	}
	if s >= e {
		return 0, 0, false
	}
	return a.toks[s].Start, a.toks[e-1].End, true
}

// contentKind says whether reported content holds quotation marks.
func (a *analysis) contentKind(s, e int) string {
	for k := s; k < e && k < len(a.toks); k++ {
		if a.isMark(k) {
			return doc.Mixed
		}
	}
	return doc.Indirect
}

// acronym reports whether token i is a word of two or more capitals
// ("WHO", "IT"), a name rather than the pronoun it spells.
func (a *analysis) acronym(i int) bool {
	return a.upper(i) && len(a.word(i)) > 1 && a.toks[i].Kind == doc.Word
}

// npThenVerb reports whether a determiner phrase starting at k is the
// subject of a finite verb right after it ("the room laughed", "the
// council voted"), so a clause of its own starts at k.
func (a *analysis) npThenVerb(k int) bool {
	if !a.is(k, articles) && !a.is(k, determiners) {
		return false
	}
	np, ok := a.npAfter(k, len(a.toks))
	if !ok || np[1]-np[0] < 2 {
		return false
	}
	return a.verbLike(np[1]) // not an auxiliary: "the United States and its allies will seek" is one subject
}

// subjectThenCue reports whether a noun phrase starting at k (a name, a
// bare plural or a determiner phrase) is followed right away by a cue
// verb: the subject and verb of a report of its own.
func (a *analysis) subjectThenCue(k int) bool {
	if k >= len(a.toks) || a.is(k, pronouns) {
		return false
	}
	np, ok := a.npAfter(k, len(a.toks))
	if !ok && a.toks[k].Kind == doc.Word && (plural(a.low(k)) || a.is(k, speakerNouns)) && !a.is(k, functionWords) {
		np, ok = span{k, k + 1}, true // "and supermarkets want …"
	}
	if !ok {
		return false
	}
	v, ok := a.cue(np[1])
	return ok && v.class != framing && !strings.HasSuffix(a.low(np[1]), "ing")
}

// sentenceStart reports whether token k opens its sentence.
func (a *analysis) sentenceStart(k int) bool {
	return k == 0 || len(a.sentOf) > k && a.sentOf[k] != a.sentOf[k-1]
}
