package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
)

// mediaNouns name a kind of news outlet; an acronym right before one is
// the outlet: "RTS television", "BBC radio", "TASS news agency".
// Nouns that also follow technical acronyms ("LTE network", "COVID daily")
// are left out.
var mediaNouns = map[string]bool{"television": true, "TV": true, "radio": true, "agency": true,
	"newspaper": true, "channel": true, "broadcaster": true, "tabloid": true, "magazine": true,
	"website": true}

// notOutlets are acronyms of kinds of broadcast or display, not of
// broadcasters: "AM radio", "HD television".
var notOutlets = map[string]bool{"TV": true, "AM": true, "FM": true, "HD": true, "UHD": true, "LED": true,
	"LCD": true, "OLED": true, "UHF": true, "VHF": true, "DAB": true, "DVD": true, "PC": true, "VR": true,
	"AI": true, "IT": true, "PR": true, "CB": true, "GPS": true, "RSS": true}

// mediaNewsNouns follow "news" in an outlet's description ("TASS news
// agency", "CNN news channel").
var mediaNewsNouns = map[string]bool{"agency": true, "channel": true, "network": true, "website": true,
	"service": true, "outlet": true, "portal": true}

// maxAcronymLen bounds the length in bytes of an outlet's acronym.
const maxAcronymLen = 6

// outletRetypes are the types the tagger gives a news outlet's name that
// the noun after it corrects: "Público newspaper" read as a person,
// "Kurir tabloid" as a product.
var outletRetypes = map[string]bool{"PERSON": true, "PRODUCT": true, "WORK_OF_ART": true, "GPE": true,
	"LOC": true, "FAC": true, "EVENT": true, "MISC": true}

// mediaOutlets types the name right before a noun naming a kind of news
// outlet as an organisation ("Djilas told [RTS] television", "told
// [Público] newspaper", "the [TASS] news agency"), the name alone, and makes
// it one at its other mentions, where the tagger left it out or read a
// person or a place. A state, a place, a nationality ("US television",
// "Belgrade radio", "Serbian television"), a kind of broadcast ("AM
// radio"), a common word and a name after "a" ("a Murdoch newspaper": the
// owner) are no outlets, nor is a word of a person's full name in the
// story. names must be sorted by start; the result is.
func (t *Tagger) mediaOutlets(text string, toks []doc.Token, names []Name) []Name {
	var outlets map[string]bool
	var inPerson map[string]bool // words of the story's multi-word person names
	next := 0
	for i := 0; i+1 < len(toks); i++ {
		if !capWord(text, toks[i]) || text[toks[i].End:toks[i+1].Start] != " " || !t.outletNoun(text, toks, i+1) {
			continue
		}
		for next < len(names) && names[next].End <= toks[i].Start {
			next++
		}
		var s string
		a := i // the name's first token
		switch {
		case next < len(names) && names[next].End == toks[i].End:
			n := names[next]
			if n.Type == "ORG" || !outletRetypes[n.Type] {
				continue
			}
			s = text[n.Start:n.End]
			for a > 0 && toks[a].Start > n.Start {
				a--
			}
		case next < len(names) && names[next].Start < toks[i].End:
			continue // inside a longer name
		default:
			s = text[toks[i].Start:toks[i].End]
			if !t.outletWord(s) {
				continue
			}
			// One word, not the end of an untagged run ("New York radio"),
			// though a capitalised common word may open the sentence ("The
			// TASS news agency").
			if i > 0 && capWord(text, toks[i-1]) && text[toks[i-1].End:toks[i].Start] == " " &&
				(!sentenceInitial(text, toks, i-1) || !t.gaz.IsCommon(text[toks[i-1].Start:toks[i-1].End])) {
				continue
			}
		}
		if a > 0 && determinersOwner[strings.ToLower(text[toks[a-1].Start:toks[a-1].End])] {
			continue
		}
		const place = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place | gazetteer.Region | gazetteer.Demonym
		if e, known := t.gaz.Lookup(s); known && e.Class&place != 0 || calendarWords[s] {
			continue
		}
		if inPerson == nil {
			inPerson = map[string]bool{}
			for _, n := range names {
				if p := text[n.Start:n.End]; n.Type == "PERSON" && strings.Contains(p, " ") {
					for w := range strings.FieldsSeq(p) {
						inPerson[w] = true
					}
				}
			}
		}
		if inPerson[s] {
			continue
		}
		if outlets == nil {
			outlets = map[string]bool{}
		}
		outlets[s] = true
	}
	if outlets == nil {
		return names
	}
	for k, n := range names {
		if outlets[text[n.Start:n.End]] {
			names[k].Type = "ORG"
		}
	}
	// Tag the one-word mentions nothing covers; propagate finds the
	// others.
	var extra []Name
	next = 0
	for i := range toks {
		w := text[toks[i].Start:toks[i].End]
		if !outlets[w] {
			continue
		}
		for next < len(names) && names[next].End <= toks[i].Start {
			next++
		}
		if next < len(names) && names[next].Start < toks[i].End {
			continue // typed above if the name is the word alone
		}
		extra = append(extra, Name{Start: toks[i].Start, End: toks[i].End, Type: "ORG"})
	}
	return addNames(names, extra)
}

// determinersOwner before a name and an outlet's noun make the name the
// outlet's owner or subject, not its name: "a Murdoch newspaper".
var determinersOwner = map[string]bool{"a": true, "an": true}

// outletNoun reports whether the words from token k name a kind of news
// outlet: "television", "radio", "news agency".
func (t *Tagger) outletNoun(text string, toks []doc.Token, k int) bool {
	w := text[toks[k].Start:toks[k].End]
	if w == "news" {
		return k+1 < len(toks) && mediaNewsNouns[text[toks[k+1].Start:toks[k+1].End]]
	}
	return mediaNouns[w]
}

// outletWord reports whether the untagged word w may name a news outlet
// before an outlet's noun: an acronym that is no kind of broadcast ("RTS",
// not "AM"), or a capitalised word that is no common word, title or
// organisation word ("Público", not "Sunday" or "State").
func (t *Tagger) outletWord(w string) bool {
	if strings.ContainsRune(w, '.') || strings.ContainsFunc(w, unicode.IsDigit) {
		return false
	}
	if upperWord(w) {
		return len(w) <= maxAcronymLen && !notOutlets[w]
	}
	return utf8.RuneCountInString(w) > 2 && !t.gaz.IsCommon(w) && !t.gaz.IsTitleToken(w) && !t.gaz.IsOrgWord(w)
}
