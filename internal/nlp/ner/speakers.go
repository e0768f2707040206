package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
)

// Follow-up stories name people by surname alone ("Vucic said", "Djilas
// told RTS television"), and a surname the training data never saw, with
// no first name or title anywhere in the story, is a capitalised word the
// tagger leaves out. The clause around it says what it is: only people
// (and organisations) say, tell and write things, and only people are
// quoted like this or own a "his". speakers turns that into names, after the
// tagger, for three reasons: a feature would need a retraining whose noise
// (±1.8 typed F1 on the CV fold, DESIGN.md) is larger than the few training
// sentences of this kind could win; a rule is tested on sentences written
// for it; and the cue is a clause, not a ±2 window.

// sayVerbs are verbs of saying that a person, far more often than an
// organisation, is the subject of. Verbs organisations share ("announced",
// "reported", "confirmed") are left out.
var sayVerbs = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "added": true,
	"adds": true, "wrote": true, "writes": true, "insisted": true, "insists": true, "argued": true,
	"argues": true, "stressed": true, "explained": true, "replied": true, "recalled": true, "conceded": true,
	"admitted": true, "acknowledged": true, "asked": true, "tweeted": true, "shouted": true, "joked": true,
	"declared": true, "complained": true, "urged": true, "warned": true, "vowed": true, "promised": true}

// callVerbs quote a speaker's words about something after its object:
// "Djilas called it “a victory”".
var callVerbs = map[string]bool{"called": true, "calls": true, "described": true, "describes": true,
	"branded": true, "dubbed": true}

// maxCallObject bounds the words between a verb of callVerbs and the
// quotation.
const maxCallObject = 4

// sayAdverbs may stand between a speaker and the verb ("Vucic also said",
// "Djilas has told").
var sayAdverbs = map[string]bool{"also": true, "later": true, "then": true, "again": true, "has": true,
	"had": true, "earlier": true, "previously": true, "repeatedly": true, "once": true, "simply": true}

// speakerBlockers before a capitalised run make it the object of a
// preposition or a determiner's noun phrase: "a spokesman for Nordhavn
// said", "the Kremlin said" name no person.
var speakerBlockers = map[string]bool{"the": true, "a": true, "an": true, "of": true, "for": true, "at": true,
	"from": true, "with": true, "by": true, "in": true, "on": true, "to": true, "into": true, "near": true,
	"its": true, "their": true, "our": true}

// personPronouns refer back only to a person ("Vucic extended his
// deadline").
var personPronouns = map[string]bool{"his": true, "her": true, "himself": true, "herself": true}

// maxSpeakerWords bounds the capitalised run taken as a speaker's name.
const maxSpeakerWords = 3

// speakerCue describes the evidence for a person at a capitalised run.
type speakerCue uint8

const (
	cueNone    speakerCue = iota
	cuePronoun            // "Vucic extended his deadline": weaker
	cueSays               // "Djilas told RTS", "…,” Vucic said", "…,” said Vucic"
	cueTitled             // "President Okonjo-Mensah", "Mr. Djilas", "Young, an analyst,"
)

// speakers tags and types people by the clause around them (see above):
//
//   - a capitalised run after a title ("President Okonjo-Mensah", "Mr.
//     Djilas", "opposition leader Djilas") or before an apposition giving a
//     role ("Young, an analyst at Berenberg,"), where the tagger left it
//     out;
//   - a run before a verb of saying ("Djilas told RTS television"), or
//     after one that follows a quotation ("…,” said Haddad"), unless the
//     clause goes on about "its" plans (an organisation);
//   - a run that opens a sentence before a verb and a person's possessive
//     ("Vucic extended his deadline").
//
// Each word of the run must be no title, organisation word, acronym, name
// the gazetteer knows as a place, an organisation or a nationality, and no
// common or listed company word unless a title or role names a person
// ("Young, an analyst,"; "…,” Target said" may be the retailer); the story
// must never put it after "the" or "in" or before an organisation word. A
// run the tagger typed elsewhere in the story is left to propagate, which
// gives it that type. A one-word name so found, or typed PERSON by the
// tagger at such a place, is a person at its other mentions too, where the
// tagger guessed a place, a product or an unknown organisation
// (document-level consistency, as surnames does for the surnames of full
// names). names must be sorted by start; the result is.
func (t *Tagger) speakers(text string, toks []doc.Token, names []Name, info *docInfo) []Name {
	covered := make([]bool, len(toks))
	typed := make(map[string]string, len(names))
	var people map[string]bool
	var orgSpeakers []string // one-word organisations at a speaker's place
	ti := 0
	for _, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		for k := i; k < j; k++ {
			covered[k] = true
		}
		s := text[n.Start:n.End]
		typed[s] = n.Type
		// The tagger's one-word person at a speaker's place is a person
		// elsewhere; a one-word name of another type that the gazetteer
		// does not know is one there too ("Haddad" read as a place).
		if j-i != 1 || n.Type == "ORG" || n.Type == "NORP" || t.speakerCue(text, toks, i, j) < cueSays {
			continue
		}
		if people == nil {
			people = map[string]bool{}
		}
		people[s] = true
	}
	var extra []Name
	for i := 0; i < len(toks); i++ {
		if covered[i] || !capWord(text, toks[i]) {
			continue
		}
		// The run of untagged capitalised words from i.
		j := i + 1
		for j < len(toks) && j-i <= maxSpeakerWords && !covered[j] && capWord(text, toks[j]) && text[toks[j-1].End:toks[j].Start] == " " {
			j++
		}
		if j-i > maxSpeakerWords {
			for j < len(toks) && !covered[j] && capWord(text, toks[j]) {
				j++
			}
			i = j - 1
			continue
		}
		if n, ok := t.speakerName(text, toks, i, j, info); ok {
			// A one-word name the tagger typed elsewhere, as something
			// else than a person: a place, a product or an unknown
			// organisation guessed where nothing told.
			switch w := text[n.Start:n.End]; typed[w] {
			case "":
				extra = append(extra, n)
			case "PERSON", "NORP":
			case "ORG":
				if n.Start == toks[j-1].Start { // one word
					orgSpeakers = append(orgSpeakers, w)
				}
			default:
				if n.Start == toks[j-1].Start {
					if people == nil {
						people = map[string]bool{}
					}
					people[w] = true
				}
			}
		}
		i = j - 1
	}
	names = addNames(names, extra)
	// An organisation the tagger guessed for a word that speaks like a
	// person ("Vucic rejected the plan. “No,” Vucic said.") is a person,
	// unless the story gives an organisation's cue for it anywhere.
	for _, w := range orgSpeakers {
		if !people[w] && !t.orgEvidence(text, toks, w, info) {
			if people == nil {
				people = map[string]bool{}
			}
			people[w] = true
		}
	}
	if people == nil {
		return names
	}
	return t.retypePeople(text, names, people)
}

// orgEvidence reports whether the story gives the word w an organisation's
// cue: after "the" or a noun naming a kind of organisation ("operator
// Nordhavn"), before an organisation word or a legal form, or as the
// subject of a verb of saying whose clause speaks of "its" plans.
func (t *Tagger) orgEvidence(text string, toks []doc.Token, w string, info *docInfo) bool {
	if info.cues[w]&(cueAfterThe|cueBeforeOrg) != 0 {
		return true
	}
	for k := range toks {
		if text[toks[k].Start:toks[k].End] != w {
			continue
		}
		if k > 0 && orgCues[strings.ToLower(text[toks[k-1].Start:toks[k-1].End])] {
			return true
		}
		if k+1 < len(toks) {
			next := text[toks[k+1].Start:toks[k+1].End]
			if legalForms[next] || companyForms[next] || sayVerbs[next] && orgClause(text, toks, k+2) {
				return true
			}
		}
	}
	return false
}

// speakerName returns the person the clause around the untagged
// capitalised run toks[i:j] points to, if any: the run without the words
// that cannot open a name ("Then Djilas said") or a title before it
// ("President Okonjo-Mensah").
func (t *Tagger) speakerName(text string, toks []doc.Token, i, j int, info *docInfo) (Name, bool) {
	// Most untagged runs are a sentence's first word ("The", "But"): the
	// word tests, cheaper than the cue's, go first.
	last := j - 1
	if !t.speakerWord(text, toks, last, cueTitled, info) {
		return Name{}, false
	}
	cue := t.speakerCue(text, toks, i, j)
	if cue == cueNone {
		return Name{}, false
	}
	a := i
	for a < j && !t.speakerWord(text, toks, a, cue, info) {
		if w := strings.ToLower(text[toks[a].Start:toks[a].End]); determiners[w] || possessiveDeterminers[w] {
			return Name{}, false // "The Vorstand said", "His Majesty said": a noun phrase
		}
		a++
	}
	if a == j {
		return Name{}, false
	}
	for k := a + 1; k < j; k++ {
		if !t.speakerWord(text, toks, k, cue, info) {
			return Name{}, false
		}
	}
	switch {
	case a > i && !t.titleEndsAt(text, toks, i, a) && !sentenceInitial(text, toks, i):
		// A dropped word mid-sentence that is no title ("Nordhavn
		// Chairman", "Labour Djilas") leaves the run unclear.
		return Name{}, false
	case a == i && i > 0 && speakerBlockers[strings.ToLower(text[toks[i-1].Start:toks[i-1].End])]:
		return Name{}, false
	}
	return Name{Start: toks[a].Start, End: toks[j-1].End, Type: "PERSON"}, true
}

// speakerCue reports the evidence that the capitalised run toks[i:j] names
// a person by the words around it, the strongest first.
func (t *Tagger) speakerCue(text string, toks []doc.Token, i, j int) speakerCue {
	word := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return text[toks[k].Start:toks[k].End]
	}
	// A title before the run or opening it, or a role in an apposition
	// after it: the strongest cue, since it says "person" whatever the
	// verb.
	if m, e := t.gaz.MatchTitle(text, toks, i); m > 0 && m < j-i && e.Class&gazetteer.Title != 0 ||
		t.titleBefore(text, toks, i) || word(j) == "," && t.roleApposition(text, toks, j+1) {
		return cueTitled
	}
	// The run, then a verb of saying, perhaps after an adverb; not when
	// the clause goes on about "its" plans ("Semivolt said it would
	// delay its plant").
	v := j
	if sayAdverbs[word(v)] {
		v++
	}
	if sayVerbs[word(v)] {
		if orgClause(text, toks, v+1) {
			return cueNone
		}
		return cueSays
	}
	if callVerbs[word(v)] && !orgClause(text, toks, v+1) {
		for k := v + 1; k < len(toks) && k <= v+maxCallObject; k++ {
			if w := word(k); w == "“" || w == "\"" || w == "``" {
				return cueSays
			}
			if !lowerWord(text, toks[k]) {
				break
			}
		}
	}
	// A verb of saying after a quotation, then the run, then the end of
	// the clause: "…,” said Haddad." / "…,” said Haddad on Monday".
	if i >= 2 && sayVerbs[word(i-1)] && (closingQuote(word(i-2)) || word(i-2) == ",") {
		if next := word(j); next == "" || next == "." || next == "," || next == ";" || lowerWord(text, toks[j]) {
			return cueSays
		}
	}
	// A run that opens a sentence, a lower-case verb, and a person's
	// possessive within three words, no punctuation between.
	if sentenceInitial(text, toks, i) && j < len(toks) && lowerWord(text, toks[j]) && !sayAdverbs[word(j)] {
		for k := j + 1; k < len(toks) && k <= j+3; k++ {
			w := word(k)
			if personPronouns[w] {
				return cuePronoun
			}
			if toks[k].Kind != doc.Word || !lowerWord(text, toks[k]) {
				break
			}
		}
	}
	return cueNone
}

// maxClause bounds the tokens orgClause reads.
const maxClause = 15

// orgClause reports whether the clause from token k speaks of "its" own
// things before any person's pronoun: the speaker is an organisation.
func orgClause(text string, toks []doc.Token, k int) bool {
	for e := min(len(toks), k+maxClause); k < e; k++ {
		switch text[toks[k].Start:toks[k].End] {
		case "its", "itself":
			return true
		case "he", "his", "him", "himself", "she", "her", "herself", ".", "!", "?", ";", "“", "\"", "``":
			return false
		}
	}
	return false
}

// maxRoleWords bounds the words of an apposition before its title.
const maxRoleWords = 3

// roleApposition reports whether an apposition giving a person's role
// starts at token k: "Young, an analyst at Berenberg,", "Hughes, the
// agency's flood manager,", "Kessler, its chief executive,". It opens with
// a determiner, perhaps an owner's possessive, and reaches a title within
// a few lower-case words.
func (t *Tagger) roleApposition(text string, toks []doc.Token, k int) bool {
	if k >= len(toks) || !determiners[strings.ToLower(text[toks[k].Start:toks[k].End])] && !possessiveDeterminers[text[toks[k].Start:toks[k].End]] {
		return false
	}
	k++
	if k+1 < len(toks) && lowerWord(text, toks[k]) && isPossessive(text[toks[k+1].Start:toks[k+1].End]) {
		k += 2 // "the agency's"
	}
	for e := min(len(toks), k+maxRoleWords+1); k < e && lowerWord(text, toks[k]); k++ {
		if m, en := t.gaz.MatchTitle(text, toks, k); m > 0 && en.Class&gazetteer.Title != 0 {
			return true
		}
	}
	return false
}

// possessiveDeterminers open an apposition like an article: "Kessler, its
// chief executive,".
var possessiveDeterminers = map[string]bool{"its": true, "his": true, "her": true, "their": true, "our": true}

// closingQuote reports whether w closes a quotation.
func closingQuote(w string) bool {
	return w == "”" || w == "\"" || w == "''" || w == "’"
}

// speakerWord reports whether token k may be part of a speaker's name
// found by cue.
func (t *Tagger) speakerWord(text string, toks []doc.Token, k int, cue speakerCue, info *docInfo) bool {
	tok := toks[k]
	w := text[tok.Start:tok.End]
	if tok.Kind != doc.Word || utf8.RuneCountInString(w) < 2 || upperWord(w) || camelCase(w) ||
		strings.ContainsFunc(w, unicode.IsDigit) || strings.ContainsRune(w, '.') {
		return false
	}
	if t.gaz.IsTitleToken(w) || t.gaz.IsOrgWord(w) || calendarWords[w] {
		return false
	}
	e, known := t.gaz.LookupToken(w)
	// A common or company word is a surname only where a title or a role
	// names a person and the dictionary knows the word capitalised too
	// ("Hughes, the agency's flood manager,", "Young, an analyst,"); a
	// verb of saying or a quotation is no such cue, since companies named
	// by common words speak too ("…,” Target said"). propagate then finds
	// the word's other mentions ("…,” Young added").
	titled := cue == cueTitled && known && e.Class&gazetteer.ProperNoun != 0
	if t.gaz.IsCommon(w) && (!titled || plural(w)) || known && e.Class&gazetteer.Company != 0 && !titled {
		return false
	}
	const notPerson = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place | gazetteer.Region |
		gazetteer.Demonym | gazetteer.Org | gazetteer.Facility
	if known && e.Class&notPerson != 0 {
		return false
	}
	return info.cues[w]&(cueAfterThe|cueBeforeOrg|cueAfterIn) == 0
}

// titleEndsAt reports whether toks[i:a] is a title ("President", "Mr.",
// "opposition leader").
func (t *Tagger) titleEndsAt(text string, toks []doc.Token, i, a int) bool {
	n, e := t.gaz.MatchTitle(text, toks, i)
	return n == a-i && e.Class&gazetteer.Title != 0
}

// maxTitleWords bounds the words of a title looked for before a name.
const maxTitleWords = 3

// titleBefore reports whether a title ends right before token i
// ("opposition leader Djilas", "Mr. Djilas").
func (t *Tagger) titleBefore(text string, toks []doc.Token, i int) bool {
	for m := 1; m <= maxTitleWords && m <= i; m++ {
		if t.titleEndsAt(text, toks, i-m, i) {
			return true
		}
	}
	return false
}

// retypePeople types the one-word names in people as persons wherever the
// tagger guessed a product, a work, an event or a place or organisation
// the gazetteer does not know (as surnames does for the surnames of full
// names).
func (t *Tagger) retypePeople(text string, names []Name, people map[string]bool) []Name {
	for k, n := range names {
		switch n.Type {
		case "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "ORG", "GPE", "LOC", "FAC":
		default:
			continue
		}
		w := text[n.Start:n.End]
		if !people[w] {
			continue
		}
		if e, ok := t.gaz.LookupToken(w); ok && e.Class&(gazetteer.Org|gazetteer.Company|gazetteer.Country|
			gazetteer.Capital|gazetteer.City|gazetteer.Place|gazetteer.Region) != 0 {
			continue
		}
		names[k].Type = "PERSON"
	}
	return names
}
