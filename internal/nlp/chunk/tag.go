package chunk

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
)

// Tag is a coarse word class, enough to find noun groups, verb groups,
// prepositional phrases and clause boundaries. It is not a Penn Treebank tag:
// the event stages need to know where an argument starts and ends, not its
// fine morphology.
type Tag uint8

// Tags.
const (
	Other Tag = iota
	Det       // the, a, some
	Poss      // his, their, and the clitic ’s
	Pron      // he, they
	Prep      // in, on, with
	To        // to (preposition or infinitive marker)
	Sub       // that, because, if
	Rel       // who, which
	Coord     // and, or, but
	Modal     // could, would, will
	Neg       // not, n’t, never
	Aux       // be, have, do forms
	Adv       // warmly, also
	Adj       // productive, new
	Noun      // meeting, tariffs
	Propn     // Putin, Moscow (capitalised or inside an entity mention)
	Verb      // met, said
	Num       // 24, three
	Comma     // ,
	Stop      // . ! ?
	Semi      // ; : — –
	Quote     // “ ” " ‘ ’
	Paren     // ( ) [ ]
)

var tagNames = [...]string{"X", "DET", "POSS", "PRON", "PREP", "TO", "SUB", "REL", "CC", "MD",
	"NEG", "AUX", "ADV", "ADJ", "NOUN", "PROPN", "VERB", "NUM", ",", ".", ";", "Q", "()"}

// String returns a short name of t.
func (t Tag) String() string {
	if int(t) < len(tagNames) {
		return tagNames[t]
	}
	return "?"
}

// nominal reports whether t may sit inside a noun group.
func (t Tag) nominal() bool { return t == Adj || t == Noun || t == Propn || t == Num }

const numberWords = `one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion trillion dozen dozens hundreds thousands millions billions`

// adjSuffixes mark adjectives among unknown words.
var adjSuffixes = []string{"ous", "ful", "ive", "ical", "ic", "able", "ible", "ary", "less", "ish", "ian", "ese", "al"}

// adjSuffixesByLast lists adjSuffixes by their last byte, in their order:
// only those can end a word with that byte, so an unknown word is tested
// against two or three suffixes, not thirteen.
var adjSuffixesByLast = func() (by [256][]string) {
	for _, s := range adjSuffixes {
		by[s[len(s)-1]] = append(by[s[len(s)-1]], s)
	}
	return by
}()

// verbOnly are -s forms that are hardly ever plural nouns, so that a name
// before them is their subject, not their modifier: "Regulator gives water
// company until Monday" (unlike "Kremlin talks").
var verbOnly = map[string]bool{"gives": true, "says": true, "tells": true, "urges": true, "asks": true,
	"grants": true, "allows": true, "threatens": true, "warns": true, "vows": true, "agrees": true}

// tagWord gives the context-free tag of a word token (lower is its lower case).
func tagWord(lower string, capital bool, inEntity bool) (Tag, string, Form) {
	return tagEntry(lower, lex.entry(lower), capital, inEntity)
}

// tagEntry is tagWord given the word's lexicon entry we (the zero entry
// when it is not listed).
func tagEntry(lower string, we *wordEntry, capital bool, inEntity bool) (Tag, string, Form) {
	if inEntity && capital {
		return Propn, "", 0
	}
	if we.isClosed {
		return we.closed.tag, we.closed.lemma, 0
	}
	if capital {
		return Propn, "", 0
	}
	if we.isOpen {
		return we.open.tag, we.open.lemma, we.open.form
	}
	if lower == "" {
		return Noun, "", 0
	}
	switch {
	case strings.HasSuffix(lower, "ly") && len(lower) > 4 && !strings.HasSuffix(lower, "ally") || strings.HasSuffix(lower, "ally"):
		return Adv, "", 0
	case strings.HasSuffix(lower, "ed") && len(lower) > 4:
		return Verb, "", Past
	case strings.HasSuffix(lower, "ing") && len(lower) > 5:
		return Verb, "", Gerund
	}
	for _, s := range adjSuffixesByLast[lower[len(lower)-1]] {
		if strings.HasSuffix(lower, s) && len(lower) > len(s)+2 {
			return Adj, "", 0
		}
	}
	return Noun, "", 0
}

// punctTag tags a punctuation or symbol token.
func punctTag(s string) Tag {
	switch s {
	case ",":
		return Comma
	case ".", "!", "?", "...", "…":
		return Stop
	case ";", ":", "—", "–", "--":
		return Semi
	case "“", "”", "\"", "‘", "’", "'", "«", "»", "``", "''":
		return Quote
	case "(", ")", "[", "]":
		return Paren
	}
	return Other
}

func isCapital(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return 'A' <= s[0] && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// entry returns the lexicon entry of lower-case word w; an unlisted word
// has the zero entry.
func (l *lexicon) entry(w string) *wordEntry {
	if e := get(&l.words, w); e != nil {
		return e
	}
	return &noEntry
}

// lookup returns the lower case of word s and its lexicon entry. The lower
// case of a listed word is the lexicon's own string, so that capitalised
// function words ("The", "He", "In") cost no allocation; only unlisted
// words with capitals (names) do.
func lookup(s string) (string, *wordEntry) {
	var buf [24]byte
	if len(s) > len(buf) {
		l := lowerOf(s)
		return l, lex.entry(l)
	}
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			l := strings.ToLower(s)
			return l, lex.entry(l)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		buf[i] = c
	}
	if !upper {
		return s, lex.entry(s)
	}
	b := buf[:len(s)]
	if we := get(&lex.words, b); we != nil {
		return we.word, we
	}
	return string(b), &noEntry
}

// lowerOf returns the lower case of s, without allocating when s has no
// upper-case letter.
func lowerOf(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// ambiguousNounVerb lists words that are nouns after a determiner and verbs
// after a subject: "the talks" / "he talks".
func (a *Analysis) retag() {
	w := a.Words
	toks := a.Doc.Tokens
	for i := range w {
		prev, next := Other, Other
		if i > 0 {
			prev = w[i-1].Tag
		}
		if i+1 < len(w) && !a.first[i+1] {
			next = w[i+1].Tag
		}
		switch w[i].Tag {
		case Poss:
			// "it’s", "he’s" and "’s" before a verb are "is"/"has".
			if strings.HasSuffix(w[i].Lower, "s") && len(w[i].Lower) <= 2 && (prev == Pron || next == Verb || next == Adv || next == Det) && prev != Propn {
				w[i].Tag, w[i].Lemma = Aux, "be"
			}
		case Verb:
			if w[i].Time >= 0 {
				w[i].Tag = Noun // "last month"
				continue
			}
			if i > 0 && (prev == Det || prev == Poss || prev == Adj || prev == Num) {
				// "the meeting", "new tariffs"; "the continued strikes"
				if w[i].Form == Past || w[i].Form == PastPart {
					if next == Noun || next == Propn || next == Adj {
						w[i].Tag = Adj
					}
				} else {
					w[i].Tag = Noun
				}
				continue
			}
			if (w[i].Form == Pres3 || w[i].Form == Base) && next == Prep && w[i+1].Lower == "of" {
				w[i].Tag = Noun // "reports of", "issue of"
				continue
			}
			if (w[i].Form == Pres3 || w[i].Form == Base) && (prev == Propn || prev == Noun) && a.inDetGroup(i-1) && !startsGroup(next) {
				w[i].Tag = Noun // "the Ukraine issue"
				continue
			}
			if a.heading[i] && prev == Noun && (w[i].Form == Base || w[i].Form == Pres3) {
				// Headings drop articles: "Missile Strike Kills 34" has a
				// compound noun, then a verb in -s.
				if w[i].Form == Base {
					w[i].Tag = Noun
				}
				continue
			}
			if w[i].Form == Base && (prev == Adj || prev == Noun) && !strings.HasSuffix(w[i-1].Lower, "s") && (next == Propn || next == Noun) {
				w[i].Tag = Noun // a singular noun takes no base verb: "talk radio host Rush Limbaugh"
				continue
			}
			if w[i].Form == Base && (prev == Adj || prev == Noun || prev == Propn && a.Words[i-1].Ment >= 0 && a.EntityType(int(a.Words[i-1].Ment)) == doc.NORP) && (next == Noun || next == Verb && i+1 < len(w) && w[i+1].Form == Pres3) {
				w[i].Tag = Noun // "Russian air strikes", "a cut rates"
				continue
			}
			if w[i].Form == Pres3 && (a.subjectOfModal(i) || next == Verb && w[i+1].Form == Past && w[i+1].Lemma != "") {
				w[i].Tag = Noun // "talks with Kyiv would resume", "strikes have killed"
				continue
			}
			if w[i].Form == Pres3 && prev == Verb {
				w[i].Tag = Noun // "face sanctions"
				continue
			}
			if w[i].Form == Pres3 || w[i].Form == Base {
				// A noun after a preposition or a name used as modifier:
				// "of talks", "Russian strikes", "Kremlin talks".
				if prev == Prep || prev == To && w[i].Form == Pres3 || prev == Noun && w[i].Form == Pres3 && !startsGroup(next) {
					w[i].Tag = Noun
				} else if prev == Propn && w[i].Form == Pres3 && !a.personAt(i-1) && !verbOnly[w[i].Lower] && (next != Det && next != Propn && next != Pron && next != Num && next != Poss && next != To && next != Adv && next != Adj) {
					w[i].Tag = Noun
				} else if i == 0 || prev == Stop || prev == Quote && (i < 2 || w[i-2].Tag == Stop) {
					if w[i].Form == Pres3 || next == Prep || next == Stop {
						w[i].Tag = Noun
					}
				}
			}
			if (w[i].Form == Past || w[i].Form == PastPart) && prev == Prep && (next == Noun || next == Propn || next == Adj) {
				w[i].Tag = Adj // "over continued Russian strikes"
			}
			if w[i].Form == Gerund && prev == Prep && next != Det && next != Propn && next != Pron && next != Poss {
				w[i].Tag = Noun // "after meeting"
			}
		case Sub:
			if w[i].Lower == "that" {
				if prev == Prep || prev == Det || i+2 < len(w) && next == Noun && (w[i+2].Tag == Prep || w[i+2].Tag == Stop || w[i+2].Tag == Comma) {
					w[i].Tag = Det
				}
			}
			if w[i].Lower == "once" || w[i].Lower == "so" {
				w[i].Tag = Adv
			}
		case Aux:
			// A lone "has"/"had"/"did" before a noun group is a main verb.
			if (w[i].Lemma == "have" || w[i].Lemma == "do") && (next == Det || next == Poss || next == Num || next == Adj || next == Noun || next == Propn || next == Quote) {
				w[i].Tag = Verb
			}
		case Adj:
			// "a new offensive in", "the wounded": an adjective ending a
			// determiner group is its head noun.
			if (prev == Det || prev == Adj && i >= 2 && w[i-2].Tag == Det) && (next == Prep || next == To || next == Stop || next == Comma || next == Coord || next == Other || next == Semi) {
				w[i].Tag = Noun
			}
		case Noun:
			if toks[i].Kind == doc.Number {
				w[i].Tag = Num
				continue
			}
			// An unknown word after a modal or an infinitive "to", before a
			// noun group, is a verb: "would review the terms", "to
			// restore its timetable".
			if (prev == Modal || prev == To) && !a.known(i) && (next == Det || next == Poss || next == Pron || next == Propn || next == Num || next == Adj || next == Noun) {
				w[i].Tag, w[i].Form = Verb, Base
			}
		}
	}
}

// inDetGroup reports whether token i ends a run of nominal words (and quote
// marks) opened by a determiner or possessive.
func (a *Analysis) inDetGroup(i int) bool {
	for ; i >= 0; i-- {
		switch a.Words[i].Tag {
		case Det, Poss:
			return true
		case Adj, Noun, Propn, Num, Quote:
			continue
		}
		return false
	}
	return false
}

func (a *Analysis) personAt(i int) bool {
	m := a.Words[i].Ment
	return m >= 0 && a.EntityType(int(m)) == doc.Person
}

// known reports whether token i's word is in a lexicon (its tag is not a
// guess).
func (a *Analysis) known(i int) bool {
	we := lex.entry(a.Words[i].Lower)
	return we.isClosed || we.isOpen
}

// startsGroup reports whether a word of tag t can open a noun group or
// clause after a verb: "gives ferry operators", "says that".
func startsGroup(t Tag) bool {
	switch t {
	case Det, Poss, Pron, Propn, Num, Adj, Noun, Sub, To:
		return true
	}
	return false
}

// subjectOfModal reports whether the -s word at i is followed, directly or
// after a short prepositional phrase, by a modal or auxiliary: then it is a
// plural noun subject ("talks with Kyiv would resume").
func (a *Analysis) subjectOfModal(i int) bool {
	w := a.Words
	for k := i + 1; k < len(w) && k < i+6 && !a.first[k]; k++ {
		switch w[k].Tag {
		case Modal:
			return true
		case Aux:
			return w[k].Lemma != "do" || k > i+1
		case Prep, Det, Adj, Noun, Propn, Num, Poss:
			if k == i+1 && w[k].Tag != Prep {
				return false
			}
			continue
		}
		return false
	}
	return false
}
