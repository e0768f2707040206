package ner

import (
	"strings"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
)

// Rules that type a name by the words that open or close it, where the
// tagger, trained on a little American news, meets names of a kind it saw
// rarely: foreign companies' legal forms, dams and airports, laws with a
// year, football clubs.

// companyForms are legal forms that close a company's name, in Europe and
// Asia as well as in the US ("Siemens AG", "Bavarian Nordic A/S").
var companyForms = map[string]bool{"Inc": true, "Inc.": true, "Corp": true, "Corp.": true, "Co.": true,
	"Ltd": true, "Ltd.": true, "LLC": true, "plc": true, "PLC": true, "AG": true, "SA": true, "S.A.": true,
	"GmbH": true, "NV": true, "N.V.": true, "BV": true, "B.V.": true, "SE": true, "A/S": true, "ASA": true,
	"AB": true, "Oyj": true, "SpA": true, "S.p.A.": true, "KGaA": true, "Pty": true, "Bhd": true, "Tbk": true,
	"SAS": true, "S.A.S.": true, "LLP": true, "LP": true, "L.P.": true, "Co": true}

// clubOpeners and clubClosers turn a place into a sports club: "Real
// Madrid", "Bayer Leverkusen", "Manchester City", "Leeds United".
var clubOpeners = map[string]bool{"Real": true, "Atletico": true, "Bayer": true, "Borussia": true, "Inter": true,
	"Olympique": true, "Sporting": true, "Dynamo": true, "Dinamo": true, "Racing": true, "Eintracht": true,
	"Hertha": true, "Werder": true, "Ajax": true, "Celtic": true, "Rangers": true, "Hamburger": true, "Stade": true}
var clubClosers = map[string]bool{"City": true, "United": true, "Rovers": true, "Wanderers": true, "Athletic": true,
	"Albion": true, "Hotspur": true, "FC": true}

// headTypes applies the rules to each name: a name followed by a legal form
// takes it in and is an organisation; a name closed by a facility's head
// word is a facility, by "Act" or "Treaty" (or a law's head word and a
// year: "Finance Act 2025") a law; a known place opened or closed by a club word is a club. names
// must be sorted by start; the result is.
func (t *Tagger) headTypes(text string, toks []doc.Token, names []Name) []Name {
	k := 0
	for idx := range names {
		n := &names[idx]
		for k < len(toks) && toks[k].Start < n.Start {
			k++
		}
		j := k
		for j < len(toks) && toks[j].End <= n.End {
			j++
		}
		if j == k || k >= len(toks) || toks[k].Start != n.Start {
			continue
		}
		// "Real Madrid": the tagger left the club word out.
		if j-k == 1 && k > 0 && toks[k].SpaceBefore && clubOpeners[text[toks[k-1].Start:toks[k-1].End]] &&
			(idx == 0 || names[idx-1].End <= toks[k-1].Start) && t.isClub(text, toks[k-1], toks[k]) {
			n.Start = toks[k-1].Start
			n.Type = "ORG"
			continue
		}
		// "Siemens AG": the tagger left the legal form out.
		if j < len(toks) && toks[j].SpaceBefore && companyForms[text[toks[j].Start:toks[j].End]] &&
			(idx+1 == len(names) || names[idx+1].Start >= toks[j].End) && n.Type != "PERSON" {
			n.End = toks[j].End
			n.Type = "ORG"
			j++
		}
		last := text[toks[j-1].Start:toks[j-1].End]
		switch {
		case j-k > 1 && companyForms[lastWord(text[n.Start:n.End])] && n.Type != "PERSON":
			n.Type = "ORG"
		case j-k > 1 && facilityHeads[last] && n.Type != "ORG" && n.Type != "FAC":
			n.Type = "FAC"
		case j-k > 2 && isYear(last) && lawHeads[text[toks[j-2].Start:toks[j-2].End]]:
			n.Type = "LAW"
		case j-k > 1 && (last == "Act" || last == "Treaty") && n.Type != "LAW" && n.Type != "EVENT":
			n.Type = "LAW" // "High Seas Treaty", not an organisation

		case j-k == 2 && n.Type != "ORG" && t.isClub(text, toks[k], toks[k+1]):
			n.Type = "ORG"
		}
	}
	return names
}

// isClub reports whether the two words a b name a club: a club word and a
// place the gazetteer knows.
func (t *Tagger) isClub(text string, a, b doc.Token) bool {
	const place = gazetteer.City | gazetteer.Capital | gazetteer.Place | gazetteer.Country
	wa, wb := text[a.Start:a.End], text[b.Start:b.End]
	if clubOpeners[wa] {
		e, ok := t.gaz.Lookup(wb)
		return ok && e.Class&place != 0
	}
	if clubClosers[wb] {
		if e, ok := t.gaz.Lookup(wa + " " + wb); ok && e.Class&place != 0 {
			return false // "Mexico City", "Salt Lake City"
		}
		e, ok := t.gaz.Lookup(wa)
		return ok && e.Class&place != 0
	}
	return false
}

// lastWord returns the part of s after its last space: "A/S" of
// "Bavarian Nordic A/S", which is three tokens.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// isYear reports whether w is a year of four digits.
func isYear(w string) bool {
	if len(w) != 4 || (w[0] != '1' && w[0] != '2') {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// particlePeople retypes as a person a name with a particle surname ("Nyck
// de Vries", read as an organisation) when the document names a person by
// that surname alone ("De Vries"). names must be sorted by start.
func particlePeople(text string, names []Name) []Name {
	for k := range names {
		n := &names[k]
		s := text[n.Start:n.End]
		if n.Type == "PERSON" || strings.Count(s, " ") < 2 {
			continue
		}
		parts := strings.Fields(s)
		p := particleSurname(parts)
		if p == 0 {
			continue
		}
		sur := strings.Join(parts[p:], " ")
		for _, o := range names {
			if o.Type == "PERSON" && o.End-o.Start == len(sur) && strings.EqualFold(text[o.Start:o.End], sur) {
				n.Type = "PERSON"
				break
			}
		}
	}
	return names
}
