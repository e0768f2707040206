package ner

import (
	"slices"

	"dateline/internal/doc"
)

// Extent rules for organisations whose names the tagger cuts short because
// they run on past the words it has seen in names: a field or kind word
// after a firm's name ("Counterpoint Research"), a court or council "of"
// a state or union ("Court of Justice of the European Union").

// orgTails are capitalised words that continue a firm's name after it
// beyond the organisation words of the gazetteer: "Counterpoint Research",
// "Ember Labs".
var orgTails = map[string]bool{"Research": true, "Labs": true, "Capital": true, "Partners": true,
	"Analytics": true, "Consulting": true, "Advisors": true, "Advisers": true, "Securities": true,
	"Insights": true, "Ventures": true, "Investments": true, "Technologies": true, "Systems": true,
	"Solutions": true, "Pharmaceuticals": true, "Therapeutics": true, "Biosciences": true}

// isOrgTail reports whether w, capitalised, continues an organisation's name.
func (t *Tagger) isOrgTail(w string) bool {
	return orgTails[w] || orgEnds[w] || t.gaz.IsOrgWord(w)
}

// orgTailNames extends an organisation over the organisation words right
// after it: an untagged one ("[Counterpoint] Research") or a name made of
// nothing else, after a space or a plural's apostrophe ("[Leeds
// Magistrates]' [Court]"). names must be sorted by start; the result is.
func (t *Tagger) orgTailNames(text string, toks []doc.Token, names []Name) []Name {
	out := names[:0]
	ti := 0
	for k := 0; k < len(names); k++ {
		n := names[k]
		i, j := nameTokens(toks, n, ti)
		ti = i
		if n.Type != "ORG" {
			out = append(out, n)
			continue
		}
		// Another organisation of organisation words only, right after.
		if k+1 < len(names) && names[k+1].Type == "ORG" {
			gap := text[n.End:names[k+1].Start]
			if (gap == " " || gap == "' " || gap == "’ ") && t.orgWordsOnly(text, toks, names[k+1], j) {
				n.End = names[k+1].End
				k++
				out = append(out, n)
				continue
			}
		}
		// Untagged organisation words.
		e := j
		for e < len(toks) && toks[e].SpaceBefore && text[toks[e-1].End:toks[e].Start] == " " && capWord(text, toks[e]) &&
			t.isOrgTail(text[toks[e].Start:toks[e].End]) && (k+1 == len(names) || names[k+1].Start >= toks[e].End) {
			e++
		}
		if e > j && e-j <= 2 {
			n.End = toks[e-1].End
		}
		out = append(out, n)
	}
	return out
}

// orgWordsOnly reports whether every word of n is an organisation word
// ("Court", "Group", "City Council"); from is a token at or before its
// start, where the search begins.
func (t *Tagger) orgWordsOnly(text string, toks []doc.Token, n Name, from int) bool {
	i, j := nameTokens(toks, n, from)
	if i >= j {
		return false
	}
	for x := i; x < j; x++ {
		if !capWord(text, toks[x]) || !t.isOrgTail(text[toks[x].Start:toks[x].End]) {
			return false
		}
	}
	return true
}

// maxOfRun bounds the capitalised run before "of the" that an
// organisation's name may open with ("Court of Justice"), in tokens.
const maxOfRun = 5

// ofNames joins a body and the state, union or organisation it belongs to
// into one organisation: "[Court of Justice] of the [European Union]",
// "[Ministry of Defence] of [Norland]". The body is an organisation name
// opened by an organisation's head word ("Court", "Council", "Ministry")
// or holding one and "of", or an untagged capitalised run ending in one;
// the name after "of" (and maybe "the") is a state, place or organisation.
// Other organisations stay apart from the place after them ("Liberal Party
// of Nova Scotia", "Standard Oil Company of New York" are two names each in
// the corpora), and so does a person's title ("President of the United
// States"). names must be sorted by start; the result is.
func (t *Tagger) ofNames(text string, toks []doc.Token, names []Name) []Name {
	ti := 0
	for k := 0; k < len(names); k++ {
		y := names[k]
		i, _ := nameTokens(toks, y, ti)
		ti = i
		if y.Type != "GPE" && y.Type != "ORG" && y.Type != "LOC" || i < 2 {
			continue
		}
		p := i - 1
		if w := text[toks[p].Start:toks[p].End]; w == "the" {
			p--
		}
		if p < 1 {
			continue
		}
		if text[toks[p].Start:toks[p].End] != "of" {
			continue // "for" says a purpose or a team as often: "played in the NHL for the Eagles"
		}
		end := p // the body ends before "of"
		start := -1
		if k > 0 && names[k-1].End == toks[end-1].End {
			x := names[k-1]
			xi, xj := nameTokens(toks, x, ti) // searching back from y's first token
			if x.Type == "ORG" && xj > xi && (orgHeads[text[toks[xi].Start:toks[xi].End]] || t.hasOf(text, toks[xi:xj])) {
				start = k - 1
			}
		} else if k == 0 || names[k-1].End <= toks[max(end-maxOfRun, 0)].Start {
			// An untagged run: capitalised words joined by "of", opened
			// by an organisation's head word.
			for s := end - 1; s >= 0 && s >= end-maxOfRun; s-- {
				w := text[toks[s].Start:toks[s].End]
				if !capWord(text, toks[s]) && w != "of" && w != "for" {
					break
				}
				if orgHeads[w] || capWord(text, toks[s]) && t.gaz.IsOrgWord(w) && !t.isTitleWord(text, toks[s]) {
					// "Supreme Court of ...": the capitalised words before
					// the head open the name, but not a sentence's "The".
					b := s
					for b > 0 && b > end-maxOfRun && capWord(text, toks[b-1]) && text[toks[b-1].End:toks[b].Start] == " " &&
						text[toks[b-1].Start:toks[b-1].End] != "The" && !t.isTitleWord(text, toks[b-1]) {
						b--
					}
					start = -2 - b // token index, marked
				}
			}
		}
		switch {
		case start >= 0:
			names[start].End = y.End
			names[start].Type = "ORG"
			names = slices.Delete(names, k, k+1)
			k--
		case start <= -2:
			s := -2 - start
			names[k] = Name{Start: toks[s].Start, End: y.End, Type: "ORG"}
		}
	}
	return names
}

// hasOf reports whether toks hold an organisation's head word and "of"
// after it: "Court of Justice", "U.S. Court of Appeals".
func (t *Tagger) hasOf(text string, toks []doc.Token) bool {
	for x := 0; x+1 < len(toks); x++ {
		w := text[toks[x].Start:toks[x].End]
		if capWord(text, toks[x]) && (orgHeads[w] || t.gaz.IsOrgWord(w)) && text[toks[x+1].Start:toks[x+1].End] == "of" {
			return true
		}
	}
	return false
}

// institutionOpeners open the names of institutions: "Museum of Modern
// Art", "Library of Congress".
var institutionOpeners = map[string]bool{"Museum": true, "Gallery": true, "Library": true, "Hospital": true,
	"School": true, "Centre": true, "Center": true, "Academy": true}

// splitAtIn cuts an organisation or facility name that runs on over "in"
// or "at" and a place: "[Bucknell University] in [Lewisburg]", "[Museum of
// Modern Art] in [New York]". The part before must end in an
// organisation's or a facility's head word or open with an institution's,
// and the part after is a run of
// capitalised words (a place, typed by the gazetteer or as a GPE): "Women
// in Film" and "Friends in Need" stay whole. names must be sorted by
// start; the result is.
func (t *Tagger) splitAtIn(text string, toks []doc.Token, names []Name) []Name {
	var out []Name
	ti := 0
	for k, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		if n.Type != "ORG" && n.Type != "FAC" || j-i < 3 {
			if out != nil {
				out = append(out, n)
			}
			continue
		}
		cut := -1
		for x := i + 1; x < j-1; x++ {
			if w := text[toks[x].Start:toks[x].End]; w == "in" || w == "at" {
				cut = x
			}
		}
		ok := cut > i
		if ok {
			head, first := text[toks[cut-1].Start:toks[cut-1].End], text[toks[i].Start:toks[i].End]
			ok = orgEnds[head] || orgHeads[head] || facilityHeads[head] || t.gaz.IsOrgWord(head) ||
				orgHeads[first] || institutionOpeners[first] // "Museum of Modern Art in New York"
			for x := cut + 1; x < j && ok; x++ {
				ok = capWord(text, toks[x])
			}
		}
		if !ok {
			if out != nil {
				out = append(out, n)
			}
			continue
		}
		if out == nil {
			out = append(make([]Name, 0, len(names)+1), names[:k]...)
		}
		place := text[toks[cut+1].Start:toks[j-1].End]
		typ, known := t.gazType(place)
		if !known || typ != "GPE" && typ != "LOC" {
			typ = "GPE"
		}
		out = append(out, Name{Start: n.Start, End: toks[cut-1].End, Type: n.Type},
			Name{Start: toks[cut+1].Start, End: n.End, Type: typ})
	}
	if out == nil {
		return names
	}
	return out
}
