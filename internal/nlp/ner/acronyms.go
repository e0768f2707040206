package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
)

// acronymPairs types a name introduced with its acronym in parentheses,
// "the Centers for Disease Control and Prevention (CDC)", and the acronym
// the same way throughout the document. News introduces organisations and
// laws this way, never people or places, so a long name the tagger read as
// a person, a place, a product or a work is an organisation (a law when
// its head word says so: "Digital Markets Act (DMA)"). The name's extent
// is the shortest run before the parenthesis whose initials spell the
// acronym, over the particles inside ("for", "and"), which also mends a
// name the tagger cut in two ("[Africa Centres] for [Disease Control and
// Prevention] (Africa CDC)"). names must be sorted by start; the result is.
func (t *Tagger) acronymPairs(text string, toks []doc.Token, names []Name) []Name {
	type pair struct {
		long, short Name
		acr         string
	}
	var pairs []pair
	for i := 2; i+1 < len(toks); i++ {
		if text[toks[i-1].Start:toks[i-1].End] != "(" {
			continue
		}
		// "(CDC)" or "(Africa CDC)".
		j := i
		for j < len(toks) && j-i < 2 && toks[j].Kind == doc.Word {
			j++
		}
		if j >= len(toks) || j == i || text[toks[j].Start:toks[j].End] != ")" {
			continue
		}
		acr := text[toks[j-1].Start:toks[j-1].End]
		if !acronymWord(acr) {
			continue
		}
		lead := ""
		if j-i == 2 {
			lead = text[toks[i].Start:toks[i].End]
		}
		a := t.acronymStart(text, toks, i-1, lead, acr)
		if a < 0 {
			continue
		}
		long := Name{Start: toks[a].Start, End: toks[i-2].End}
		long.Type = t.pairType(text, toks, a, i-1, names, long)
		pairs = append(pairs, pair{long: long, short: Name{Start: toks[i].Start, End: toks[j-1].End, Type: long.Type},
			acr: text[toks[i].Start:toks[j-1].End]})
	}
	if len(pairs) == 0 {
		return names
	}
	types := map[string]string{}
	for _, p := range pairs {
		names = replaceNames(names, p.long)
		names = replaceNames(names, p.short)
		if _, ok := types[p.acr]; !ok {
			types[p.acr] = p.long.Type
		}
	}
	for k := range names {
		if typ, ok := types[text[names[k].Start:names[k].End]]; ok {
			names[k].Type = typ
		}
	}
	return names
}

// acronymWord reports whether w is an acronym: two to six capitals or
// digits, with at least two capitals ("CDC", "G20", "N-VA" is not).
func acronymWord(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	caps := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsDigit(r):
		default:
			return false
		}
	}
	return caps >= 2
}

// acronymStart returns the first token of the name that ends before token
// end (exclusive) and whose initials spell acr, or -1. The name is the
// shortest run of capitalised words (and the particles between them) that
// starts with the acronym's first letter and whose initials, hyphenated
// parts included, contain the acronym's letters in order: "Centers for
// Disease Control [and Prevention]" for "CDC"; "the Bank of England and the
// [European Central Bank] (ECB)". lead is a first word the
// name and the acronym share ("Africa CDC").
func (t *Tagger) acronymStart(text string, toks []doc.Token, end int, lead, acr string) int {
	want := []rune(acr)
	// The run before the parenthesis.
	a := end
	for a > 0 && end-a < 12 && toks[a-1].Kind == doc.Word {
		w := text[toks[a-1].Start:toks[a-1].End]
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !acronymSkipWords[w] {
			break
		}
		a--
	}
	for s := end - 2; s >= a; s-- {
		w := text[toks[s].Start:toks[s].End]
		if acronymSkipWords[w] {
			continue
		}
		first := s
		if lead != "" {
			if w != lead {
				continue
			}
			first = s + 1
		}
		var initials []rune
		for k := first; k < end; k++ {
			x := text[toks[k].Start:toks[k].End]
			if acronymSkipWords[x] {
				continue
			}
			for part := range strings.SplitSeq(x, "-") {
				if r, _ := utf8.DecodeRuneInString(part); unicode.IsUpper(r) {
					initials = append(initials, r)
				}
			}
		}
		if len(initials) == 0 || initials[0] != want[0] || len(initials) > 2*len(want) {
			continue
		}
		k := 0
		for _, r := range initials {
			if k < len(want) && r == want[k] {
				k++
			}
		}
		if k == len(want) && end-s >= 2 {
			return s
		}
	}
	return -1
}

// acronymSkipWords are the lower-case words an acronym leaves out.
var acronymSkipWords = map[string]bool{"of": true, "for": true, "and": true, "the": true, "on": true,
	"in": true, "de": true, "du": true, "des": true, "la": true, "to": true, "&": true}

// pairType is the type of the long name toks[a:b] of an acronym pair: the
// tagger's, when it typed the whole name as an organisation, a law, an
// event or a facility; a law by its head word; else an organisation.
func (t *Tagger) pairType(text string, toks []doc.Token, a, b int, names []Name, long Name) string {
	if lawHeads[text[toks[b-1].Start:toks[b-1].End]] {
		return "LAW"
	}
	for _, n := range names {
		if n.Start == long.Start && n.End == long.End {
			switch n.Type {
			case "ORG", "LAW", "EVENT", "FAC":
				return n.Type
			}
		}
	}
	if e, ok := t.gaz.Lookup(text[long.Start:long.End]); ok && e.Class&gazetteer.Country != 0 {
		return "GPE" // "United Arab Emirates (UAE)"
	}
	return "ORG"
}

// replaceNames puts n in names in place of the names it overlaps, keeping
// the order by start.
func replaceNames(names []Name, n Name) []Name {
	names = slices.DeleteFunc(names, func(o Name) bool { return o.Start < n.End && n.Start < o.End })
	k, _ := slices.BinarySearchFunc(names, n.Start, func(o Name, s int) int { return o.Start - s })
	return slices.Insert(names, k, n)
}

// datelines tags the place that opens a story's line in capitals,
// "SAN FRANCISCO —" or "GENEVA (Reuters) -", as a GPE: a run of words in
// capitals at the start of a line, followed by a dash or a parenthesis.
// The run must be no organisation the gazetteer knows and no news label
// ("UPDATE —"). names must be sorted by start; the result is.
func (t *Tagger) datelines(text string, toks []doc.Token, names []Name) []Name {
	for i := 0; i < len(toks); i++ {
		if !lineStart(text, toks, i) {
			continue
		}
		j := i
		for j < len(toks) && j-i < 4 && toks[j].Kind == doc.Word && upperWord(text[toks[j].Start:toks[j].End]) &&
			(j == i || text[toks[j-1].End:toks[j].Start] == " ") {
			j++
		}
		if j == i || j >= len(toks) {
			continue
		}
		switch text[toks[j].Start:toks[j].End] {
		case "—", "–", "-", "--", "(":
		default:
			continue
		}
		s := text[toks[i].Start:toks[j-1].End]
		if datelineLabels[s] {
			continue
		}
		if e, ok := t.gaz.Lookup(titleCase(s)); ok && e.Class&gazetteer.Org != 0 {
			continue
		}
		if e, ok := t.gaz.Lookup(s); ok && e.Class&gazetteer.Org != 0 {
			continue // "NATO —"
		}
		names = replaceNames(names, Name{Start: toks[i].Start, End: toks[j-1].End, Type: "GPE"})
	}
	return names
}

// datelineLabels are words in capitals that open a line without naming a
// place.
var datelineLabels = map[string]bool{"UPDATE": true, "BREAKING": true, "EXCLUSIVE": true, "ANALYSIS": true,
	"OPINION": true, "WATCH": true, "LIVE": true, "CORRECTION": true, "NEWS": true, "EDITORIAL": true, "COMMENT": true}

// lineStart reports whether token i opens the text or a line.
func lineStart(text string, toks []doc.Token, i int) bool {
	if i == 0 {
		return strings.TrimSpace(text[:toks[0].Start]) == ""
	}
	return strings.Contains(text[toks[i-1].End:toks[i].Start], "\n")
}

// upperWord reports whether w has two or more letters, all capitals.
func upperWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// titleCase returns s with each word's first letter upper-case and the rest
// lower-case: "SAN FRANCISCO" → "San Francisco".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = upperFirst(w)
	}
	return strings.Join(words, " ")
}
