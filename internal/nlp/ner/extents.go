package ner

import (
	"slices"
	"strings"

	"dateline/internal/doc"
)

// Document-level rules on name extents that the tagger, which sees a few
// words around each token, gets wrong in a regular way.

// capRun returns the end (exclusive) of the run of capitalised words that
// starts at token i, each separated from the last by one space.
func capRun(text string, toks []doc.Token, i int) int {
	j := i
	for j < len(toks) && capWord(text, toks[j]) && (j == i || text[toks[j-1].End:toks[j].Start] == " ") {
		j++
	}
	return j
}

// extendNames applies the extent rules:
//
//   - an organisation named "X of Y" continues over "and" and capitalised
//     common words: "Department of Physics and Astronomy", "Center for
//     Science and Culture" (but not "Department of Justice and
//     Microsoft": Microsoft is no common word);
//   - a nationality word before a capitalised run that ends in an
//     organisation word is part of the organisation's name: "American
//     Physical Society", "Bulgarian Academy of Sciences"; before one that
//     ends in an event's or a law's head word, of the event's or the
//     law's: "British Open", "Russian Constitution"; before a place's head
//     word, of the place's: "Spanish Empire" (GPE), "Arabian Sea" (LOC).
//
// names must be sorted by start; the result is too.
func (t *Tagger) extendNames(text string, toks []doc.Token, names []Name) []Name {
	drop := map[int]bool{}
	ti := 0
	for k := range names {
		n := &names[k]
		if drop[k] {
			continue
		}
		for ti < len(toks) && toks[ti].Start < n.Start {
			ti++
		}
		if ti == len(toks) || toks[ti].Start != n.Start {
			continue
		}
		e := ti
		for e < len(toks) && toks[e].End <= n.End {
			e++
		}
		if e == ti || toks[e-1].End != n.End {
			continue
		}
		end := -1
		switch {
		case n.Type == "ORG" && (strings.Contains(text[n.Start:n.End], " of ") || strings.Contains(text[n.Start:n.End], " for ")):
			if e+1 < len(toks) && text[toks[e].Start:toks[e].End] == "and" && capWord(text, toks[e+1]) {
				r := capRun(text, toks, e+1)
				common := true
				for x := e + 1; x < r && common; x++ {
					w := text[toks[x].Start:toks[x].End]
					common = t.gaz.IsCommon(w) && !t.isTitleWord(text, toks[x])
				}
				if common && (r == len(toks) || !capWord(text, toks[r])) {
					end = toks[r-1].End
				}
			}
		case n.Type == "NORP" && e == ti+1 && e < len(toks) && text[toks[e-1].End:toks[e].Start] == " " && capWord(text, toks[e]):
			r := capRun(text, toks, e)
			head := text[toks[r-1].Start:toks[r-1].End]
			if eventHeads[head] || lawHeads[head] {
				// "British Open", "European Poker Championships",
				// "Russian Constitution".
				end, n.Type = toks[r-1].End, "EVENT"
				if lawHeads[head] {
					n.Type = "LAW"
				}
				break
			}
			if placeHeads[head] && r == e+1 {
				// "Spanish Empire", "Dutch Republic": a state; "Arabian
				// Sea", "English Channel": a region.
				end, n.Type = toks[r-1].End, "LOC"
				if stateHeads[head] {
					n.Type = "GPE"
				}
				break
			}
			if !t.gaz.IsOrgWord(head) && !orgEnds[head] {
				break
			}
			// "... Academy of Sciences": the organisation's field.
			if r+1 < len(toks) && text[toks[r].Start:toks[r].End] == "of" && capWord(text, toks[r+1]) {
				r = capRun(text, toks, r+1)
			}
			end = toks[r-1].End
			n.Type = "ORG"
		}
		if end < 0 {
			continue
		}
		// The names the longer one now covers go.
		for m := k + 1; m < len(names) && names[m].Start < end; m++ {
			drop[m] = true
		}
		n.End = end
	}
	if len(drop) == 0 {
		return names
	}
	out := names[:0]
	for k, n := range names {
		if !drop[k] {
			out = append(out, n)
		}
	}
	return out
}

// modelCodes tags the model code of a product named in the document where
// it stands alone: "Airbus A380" makes "A380" and "A380s" products
// elsewhere, "Boeing 787" and "787 Dreamliner" make "787s" one. A code of digits alone is
// taken only in the plural: "787 jobs" is a count.
func modelCodes(text string, toks []doc.Token, names []Name) []Name {
	codes := map[string]bool{}
	ti := 0
	covered := make([]bool, len(toks))
	for _, n := range names {
		for ti < len(toks) && toks[ti].End <= n.Start {
			ti++
		}
		for k := ti; k < len(toks) && toks[k].Start < n.End; k++ {
			covered[k] = true
			if w := text[toks[k].Start:toks[k].End]; n.Type == "PRODUCT" && (k > ti || ti+1 < len(toks) && toks[ti+1].Start < n.End) && modelCode(w) {
				codes[w] = true
			}
		}
	}
	if len(codes) == 0 {
		return names
	}
	var extra []Name
	for k, tok := range toks {
		if covered[k] {
			continue
		}
		w := text[tok.Start:tok.End]
		stem, plural := strings.CutSuffix(w, "s")
		switch {
		case codes[w] && !allDigits(w):
		case plural && codes[stem]:
		default:
			continue
		}
		extra = append(extra, Name{Start: tok.Start, End: tok.End, Type: "PRODUCT"})
	}
	return addNames(names, extra)
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// coordinated tags a capitalised run that the tagger left out right after
// "and" or "or" and a name, with the name's type: "Boeing and [Lockheed
// Martin]", "France or [Belgium]". A run of common words only ("Boeing and
// Defence Ministry officials" aside) is left alone, and so are people,
// whose coordinated partner is as often a place or a firm. Not in a
// title-case headline (heads), where every word is capitalised.
func (t *Tagger) coordinated(text string, toks []doc.Token, names []Name, heads []doc.Span) []Name {
	var extra []Name
	ti := 0
	for k, n := range names {
		if n.Type == "PERSON" || slices.ContainsFunc(heads, func(h doc.Span) bool { return h.Start <= n.Start && n.Start < h.End }) {
			continue
		}
		for ti < len(toks) && toks[ti].End <= n.End {
			ti++
		}
		// toks[ti] is the first token after the name.
		if ti == 0 || ti+1 >= len(toks) || toks[ti-1].End != n.End {
			continue
		}
		if c := text[toks[ti].Start:toks[ti].End]; c != "and" && c != "or" {
			continue
		}
		a := ti + 1
		if !capWord(text, toks[a]) || k+1 < len(names) && names[k+1].Start <= toks[a].Start {
			continue
		}
		b := capRun(text, toks, a)
		if k+1 < len(names) && names[k+1].Start < toks[b-1].End {
			continue
		}
		common := true
		for x := a; x < b && common; x++ {
			common = t.gaz.IsCommon(text[toks[x].Start:toks[x].End]) || t.isTitleWord(text, toks[x])
		}
		if last := text[toks[b-1].Start:toks[b-1].End]; common || strings.HasSuffix(last, ".") && !legalForms[last] {
			continue // "Train No." is no name
		}
		extra = append(extra, Name{Start: toks[a].Start, End: toks[b-1].End, Type: n.Type})
	}
	return addNames(names, extra)
}

// cueTypes types a name as an organisation throughout the document when
// one of its mentions follows a noun that names a kind of organisation
// ("the band Gigi", "carrier Lufthansa"): the tagger, seeing the others
// alone, may have read them as people or places.
//
// Likewise a name after "the port of", "the town of" and the like is a
// place wherever it appears ("the port of Marlow" … "Marlow said").
func cueTypes(text string, toks []doc.Token, names []Name) []Name {
	var cued map[string]string
	ti := 0
	for k, n := range names {
		for ti < len(toks) && toks[ti].Start < n.Start {
			ti++
		}
		if ti == 0 || ti == len(toks) || toks[ti].Start != n.Start {
			continue
		}
		prev := text[toks[ti-1].Start:toks[ti-1].End]
		typ := ""
		switch {
		case n.Type == "ORG" && orgCues[strings.ToLower(prev)]:
			typ = "ORG"
		case prev == "of" && ti >= 2 && placeNouns[text[toks[ti-2].Start:toks[ti-2].End]] && n.Type != "ORG":
			typ = "GPE"
			names[k].Type = typ
		default:
			continue
		}
		if cued == nil {
			cued = map[string]string{}
		}
		cued[text[n.Start:n.End]] = typ
	}
	for k, n := range names {
		typ, ok := cued[text[n.Start:n.End]]
		if ok && (n.Type == "PERSON" || n.Type == "GPE" && typ == "ORG") {
			names[k].Type = typ
		}
	}
	return names
}

// placeNouns, before "of" and a name, make it a place: "the port of
// Marlow", "the town of Bridgton".
var placeNouns = map[string]bool{"port": true, "city": true, "town": true, "village": true, "province": true,
	"state": true, "county": true, "island": true, "region": true, "district": true, "municipality": true,
	"capital": true, "suburb": true, "republic": true, "kingdom": true, "emirate": true}

// stateHeads are the placeHeads that end a state's name rather than a
// region's: "Spanish Empire", "Dutch Republic".
var stateHeads = map[string]bool{"Empire": true, "Republic": true, "Kingdom": true}
