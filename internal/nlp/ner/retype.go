package ner

import (
	"slices"
	"strings"
	"unicode"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
)

// Rules that retype or extend a name by a word that settles its kind
// whatever the tagger read in the words before it: a legal form ("Eberhard
// Faber GmbH" is a company, not a man), an event's head word ("Macworld
// Conference"), a product's model code ("Galaxy S26"), a sports role after
// it ("Atalanta coach"). Each is a kind of name the training data has few
// of, so the tagger's type follows the first word, which is often a person's
// or a place's.

// strictForms are legal forms that end nothing but a company's name, so
// they retype even a "person" ("Eberhard Faber GmbH"). Forms that are also
// common abbreviations ("AG", "SA", "SE", "Co") are left to headTypes,
// which trusts them only after a name that is no person.
var strictForms = map[string]bool{"Inc": true, "Inc.": true, "Corp.": true, "Ltd": true, "Ltd.": true,
	"LLC": true, "plc": true, "PLC": true, "GmbH": true, "N.V.": true, "S.A.": true, "S.p.A.": true,
	"KGaA": true, "Oyj": true, "LLP": true, "Bhd": true, "Tbk": true, "Pty": true}

// partnerWords close a firm's name after an ampersand: "Harrison & Sons",
// "Jones & Co.".
var partnerWords = map[string]bool{"Sons": true, "Son": true, "Co": true, "Co.": true, "Company": true,
	"Partners": true, "Associates": true, "Brothers": true, "Bros.": true, "Daughters": true}

// strictEventHeads end the names of events and, unlike "Games" ("Epic
// Games") or "Open", hardly ever an organisation's.
var strictEventHeads = map[string]bool{"Conference": true, "Summit": true, "Festival": true, "Expo": true,
	"Olympics": true, "Championship": true, "Championships": true, "Marathon": true, "Tournament": true,
	"Fair": true, "Olympiad": true}

// nameTokens returns the tokens [i, j) that n covers, searching from i0
// (names are sorted, so callers pass the previous name's first token).
func nameTokens(toks []doc.Token, n Name, i0 int) (int, int) {
	i := min(i0, len(toks))
	for i > 0 && toks[i-1].End > n.Start {
		i--
	}
	for i < len(toks) && toks[i].Start < n.Start {
		i++
	}
	j := i
	for j < len(toks) && toks[j].End <= n.End {
		j++
	}
	return i, j
}

// companyStems types and extends company names by their legal form or
// partner word: a name ending in a strict legal form is an ORG even where
// the tagger read a person; a name followed by "&" and a partner word
// takes them in ("Harrison & Sons"); and the name without its legal form
// is that company at its other mentions ("Eberhard Faber GmbH" …
// "Eberhard Faber"), where the tagger may have read the founder. names
// must be sorted by start; the result is.
func companyStems(text string, toks []doc.Token, names []Name) []Name {
	var stems map[string]bool
	ti := 0
	for k := range names {
		n := &names[k]
		i, j := nameTokens(toks, *n, ti)
		ti = i
		if i >= j {
			continue
		}
		// "Harrison & Sons": the tagger stopped at the ampersand.
		if j+1 < len(toks) && text[toks[j].Start:toks[j].End] == "&" && partnerWords[text[toks[j+1].Start:toks[j+1].End]] &&
			(k+1 == len(names) || names[k+1].Start >= toks[j+1].End) {
			n.End = toks[j+1].End
			n.Type = "ORG"
			j += 2
		}
		if j-i < 2 {
			continue
		}
		last := text[toks[j-1].Start:toks[j-1].End]
		if !strictForms[last] && !(n.Type == "ORG" && companyForms[last]) {
			continue
		}
		n.Type = "ORG"
		stemEnd := j - 1
		if stemEnd > i && text[toks[stemEnd-1].Start:toks[stemEnd-1].End] == "," {
			stemEnd-- // "Acme, Inc."
		}
		if stemEnd-i < 2 {
			continue // one word: companyNames and resolve see to it
		}
		if stems == nil {
			stems = map[string]bool{}
		}
		stems[text[n.Start:toks[stemEnd-1].End]] = true
	}
	for k, n := range names {
		if n.Type != "ORG" && stems[text[n.Start:n.End]] {
			names[k].Type = "ORG"
		}
	}
	return names
}

// eventNames types as an EVENT a name closed by an event's head word
// ("Macworld Conference", "Glastonbury Festival") that the tagger read as an
// organisation or a place, and joins an organisation to the event name
// right after it ("[UN] [Ocean Conference]", "[FIA] [World Endurance
// Championship]"): the organiser's name opens the event's. A place before
// an event stays apart ("Munich Olympics" is two names in the corpora).
// names must be sorted by start; the result is.
func eventNames(text string, toks []doc.Token, names []Name) []Name {
	ti := 0
	for k := range names {
		n := &names[k]
		i, j := nameTokens(toks, *n, ti)
		ti = i
		if j-i < 2 || n.Type == "PERSON" || n.Type == "EVENT" {
			continue
		}
		if strictEventHeads[text[toks[j-1].Start:toks[j-1].End]] {
			n.Type = "EVENT"
		}
	}
	out := names[:0]
	for k := 0; k < len(names); k++ {
		n := names[k]
		if n.Type == "ORG" && k+1 < len(names) && names[k+1].Type == "EVENT" && names[k+1].Start == n.End+1 &&
			text[n.End] == ' ' && !strings.ContainsAny(text[n.Start:n.End], " ") {
			n.End, n.Type = names[k+1].End, "EVENT"
			k++
		}
		out = append(out, n)
	}
	return out
}

// notModelLead are capitalised words that a code follows without making a
// product: roads, gates, flights, forms and grades ("Route A1", "Gate B12",
// "Flight MH17", "Form W2").
var notModelLead = map[string]bool{"Route": true, "Gate": true, "Terminal": true, "Flight": true, "Room": true,
	"Group": true, "Class": true, "Type": true, "Category": true, "Stage": true, "Phase": true, "Article": true,
	"Chapter": true, "Form": true, "Schedule": true, "Annex": true, "Tier": true, "Division": true, "League": true,
	"Platform": true, "Block": true, "Section": true, "Grade": true, "Level": true, "Junction": true, "Exit": true,
	"Highway": true, "Interstate": true, "Road": true, "Line": true, "Pool": true, "Table": true, "Figure": true,
	"Box": true, "Unit": true, "Ward": true, "Zone": true, "Court": true, "Hall": true, "Studio": true,
	"Channel": true, "Station": true, "Bus": true, "Train": true, "Vitamin": true, "Covid": true}

// productCode reports whether w is a product's model code that follows a
// brand: capital letters then digits, and maybe a letter ("S26", "A3",
// "X5", "GR010", "A19"). Digits alone are left out ("Pixel 10" is decided
// by the tagger: "Boeing 737" and "Ward 10" look alike).
func productCode(w string) bool {
	if len(w) < 2 || len(w) > 6 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	letters, digits := 0, 0
	for i, r := range w {
		switch {
		case r >= 'A' && r <= 'Z' && digits == 0:
			letters++
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r) && digits > 0 && i == len(w)-1:
		default:
			return false
		}
	}
	return letters <= 3 && digits > 0
}

// modelProducts makes a product of a brand and the model code after it:
// "Galaxy S26", "Audi A3", "BMW X5". The brand is a name the tagger found
// (an organisation or product: not a person or a place, "UK G7") or an
// untagged capitalised word that does not open a sentence; the code is
// not covered by another name. modelCodes then finds the code alone
// ("the S26"). names must be sorted by start; the result is.
func (t *Tagger) modelProducts(text string, toks []doc.Token, names []Name) []Name {
	var extra []Name
	covered := make([]int, len(toks)) // name index + 1
	ti := 0
	for k, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		for x := i; x < j; x++ {
			covered[x] = k + 1
		}
	}
	for c := 1; c < len(toks); c++ {
		code, lead := toks[c], toks[c-1]
		if covered[c] != 0 || !code.SpaceBefore || !productCode(text[code.Start:code.End]) {
			continue
		}
		if c+1 < len(toks) && text[toks[c+1].Start:toks[c+1].End] == "-" && !toks[c+1].SpaceBefore {
			continue // "F-16"-like compounds are the tokenizer's to keep together
		}
		lw := text[lead.Start:lead.End]
		if notModelLead[lw] || !capitalised(text, lead) {
			continue
		}
		if k := covered[c-1]; k != 0 {
			n := &names[k-1]
			if (n.Type == "ORG" || n.Type == "PRODUCT" || n.Type == "MISC") && n.End == lead.End && n.End-n.Start <= 40 {
				n.End, n.Type = code.End, "PRODUCT"
			}
			continue
		}
		if sentenceInitial(text, toks, c-1) || t.isTitleWord(text, lead) || upperWord(lw) && len(lw) > 4 {
			continue
		}
		if e, ok := t.gaz.LookupToken(lw); ok && e.Class&(gazetteer.Country|gazetteer.Capital|gazetteer.City|gazetteer.Place|gazetteer.Demonym) != 0 {
			continue
		}
		extra = append(extra, Name{Start: lead.Start, End: code.End, Type: "PRODUCT"})
	}
	return addNames(names, extra)
}

// calendarWords are month and day names the tagger sometimes takes for a
// place or an organisation ("in December"). "May", "June", "April" and
// "August" are given names too and are left to the tagger.
var calendarWords = map[string]bool{"January": true, "February": true, "March": true, "July": true,
	"September": true, "October": true, "November": true, "December": true, "Monday": true,
	"Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true}

// dropNonNames removes what is no name: a month's or a day's name that is
// no person's (a date is never an entity here), a rank ("No.", "No. 1"), a
// legal form standing alone ("Cascade Timberlands, [LLC]": the corpora and
// resolve name the company without it), and a title word alone ("The
// [Count] boasts").
func (t *Tagger) dropNonNames(text string, names []Name) []Name {
	for k, n := range names {
		// "top of Serie A.": the full stop that ends the sentence is no
		// initial's.
		if s := text[n.Start:n.End]; len(s) > 3 && s[len(s)-1] == '.' && s[len(s)-3] == ' ' && s[len(s)-2] >= 'A' && s[len(s)-2] <= 'Z' &&
			(n.End == len(text) || text[n.End] == '\n' || strings.HasPrefix(text[n.End:], " ") && n.End+1 < len(text) && unicode.IsUpper(rune(text[n.End+1]))) {
			before := strings.Fields(s[:len(s)-3])
			if len(before) > 0 && (t.gaz.IsCommon(before[len(before)-1]) || !t.isGivenName(before[len(before)-1])) {
				names[k].End-- // but "Robert C. Byrd": a given name's initial
			}
		}
	}
	return slices.DeleteFunc(names, func(n Name) bool {
		s := text[n.Start:n.End]
		if rest, ok := strings.CutPrefix(s, "No."); ok && (rest == "" || rest[0] == ' ' && allDigits(strings.TrimSpace(rest))) {
			return true
		}
		if companyForms[s] || legalForms[s] {
			return true
		}
		if n.Type != "PERSON" && !strings.ContainsAny(s, " -") && t.gaz.IsTitleToken(s) && upperFirst(strings.ToLower(s)) == s {
			return true
		}
		return n.Type != "PERSON" && calendarWords[s]
	})
}

// productModels types products by the document's other names for them:
//
//   - a product's model name alone is the product ("787 Dreamliner" …
//     "the Dreamliner", read as a person); the model name is the last word
//     of a product's name, capitalised and no common word;
//   - a firm's one-word name that the document also uses alone, before a
//     word that names no kind of firm, place or common thing, is a product
//     ("Apple" … "Apple TV"; but "Apple Computer", "Ford Australia",
//     "Samsung Electronics" stay organisations).
//
// names must be sorted by start; the result is.
func (t *Tagger) productModels(text string, toks []doc.Token, names []Name) []Name {
	firms := map[string]bool{}
	var models map[string]bool
	ti := 0
	for _, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		switch {
		case n.Type == "ORG" && j-i == 1:
			firms[text[n.Start:n.End]] = true
		case n.Type == "PRODUCT" && j-i > 1:
			w := text[toks[j-1].Start:toks[j-1].End]
			if len(w) >= 4 && capWord(text, toks[j-1]) && !t.gaz.IsCommon(w) && !t.isTitleWord(text, toks[j-1]) {
				if models == nil {
					models = map[string]bool{}
				}
				models[w] = true
			}
		}
	}
	ti = 0
	for k, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		s := text[n.Start:n.End]
		switch {
		case j-i == 1 && models[s] && n.Type != "PRODUCT":
			names[k].Type = "PRODUCT"
		case j-i == 2 && n.Type == "ORG" && firms[text[toks[i].Start:toks[i].End]] && !t.isFirstName(text, toks[i]) &&
			t.modelWord(text, toks[i+1]):
			names[k].Type = "PRODUCT"
		}
	}
	return names
}

// modelWord reports whether tok may name a firm's product after the firm's
// name: capitalised, no organisation, corporate or place word, no title,
// no common word, and in capitals a short acronym only ("TV", not "VEBA").
func (t *Tagger) modelWord(text string, tok doc.Token) bool {
	w := text[tok.Start:tok.End]
	if !capWord(text, tok) || t.isOrgTail(w) || corporateWords[w] || t.isTitleWord(text, tok) {
		return false
	}
	if e, ok := t.gaz.LookupToken(w); ok && e.Class&(gazetteer.Country|gazetteer.Capital|gazetteer.City|gazetteer.Place|gazetteer.Region|gazetteer.Demonym) != 0 {
		return false
	}
	if upperWord(w) {
		return len(w) <= 3 // "TV", but "GM VEBA" is a fund
	}
	return !t.gaz.IsCommon(w)
}

// sportRoles are nouns that, right after a name, make it a club: "Atalanta
// coach Ivan Juric", "Benfica striker", "Napoli fans".
var sportRoles = map[string]bool{"coach": true, "manager": true, "striker": true, "midfielder": true,
	"defender": true, "goalkeeper": true, "winger": true, "forward": true, "fullback": true, "playmaker": true,
	"fans": true, "supporters": true, "boss": true, "head coach": true}

// clubCues types a name as a club (ORG) throughout the document when one of
// its mentions is followed by a sports role ("Atalanta coach", read as a
// person, "Benfica striker", read as a place). A state or city the gazetteer
// knows stays a GPE: "Brazil coach" names the national side by its country,
// as the corpora type it. names must be sorted by start; the result is.
func (t *Tagger) clubCues(text string, toks []doc.Token, names []Name) []Name {
	var clubs map[string]bool
	var extra []Name
	ti := 0
	// An untagged word before a role: "Atalanta coach Ivan Juric" opening a
	// sentence, where the tagger is weakest.
	next := 0
	for c := 0; c+1 < len(toks); c++ {
		for next < len(names) && names[next].End <= toks[c].Start {
			next++
		}
		if next < len(names) && names[next].Start < toks[c].End {
			continue
		}
		w := text[toks[c].Start:toks[c].End]
		if !capitalised(text, toks[c]) || len(w) < 3 || !sportRoles[text[toks[c+1].Start:toks[c+1].End]] ||
			t.gaz.IsCommon(w) || t.isTitleWord(text, toks[c]) || upperWord(w) {
			continue
		}
		const place = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place | gazetteer.Region | gazetteer.Demonym
		if e, ok := t.gaz.LookupToken(w); ok && e.Class&place != 0 {
			continue // "England coach": the national side, a GPE
		}
		extra = append(extra, Name{Start: toks[c].Start, End: toks[c].End, Type: "ORG"})
		if clubs == nil {
			clubs = map[string]bool{}
		}
		clubs[w] = true
	}
	names = addNames(names, extra)
	for _, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		if i >= j || j >= len(toks) || n.Type == "ORG" || n.Type == "NORP" || !sportRoles[text[toks[j].Start:toks[j].End]] {
			continue
		}
		s := text[n.Start:n.End]
		if e, ok := t.gaz.Lookup(s); ok && e.Class&(gazetteer.Country|gazetteer.Capital|gazetteer.City|gazetteer.Place|gazetteer.Region|gazetteer.Demonym) != 0 {
			continue
		}
		if n.Type == "PERSON" && j-i > 1 {
			continue // "Mikel Arteta manager"? a person's name, not a club's
		}
		if clubs == nil {
			clubs = map[string]bool{}
		}
		clubs[s] = true
	}
	for k, n := range names {
		if clubs[text[n.Start:n.End]] {
			names[k].Type = "ORG"
		}
	}
	return names
}

// untaggedPeople tags as a person a known given name and a capitalised
// word after it that the tagger left out ("Greenpeace campaigner [Laura
// Meller] said ..."): the pair is a name in news whatever the context
// made of it. The second word must be no common word, title, organisation
// or place word, and no capitalised word may follow (a longer run is some
// other name: "Mercedes Benz Arena"). names must be sorted by start; the
// result is.
func (t *Tagger) untaggedPeople(text string, toks []doc.Token, names []Name) []Name {
	var extra []Name
	next := 0
	const place = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place | gazetteer.Region | gazetteer.Demonym | gazetteer.Org
	for a := 0; a+1 < len(toks); a++ {
		for next < len(names) && names[next].End <= toks[a].Start {
			next++
		}
		b := a + 1
		if next < len(names) && names[next].Start < toks[b].End {
			continue
		}
		if text[toks[a].End:toks[b].Start] != " " || !capWord(text, toks[b]) || b+1 < len(toks) && capWord(text, toks[b+1]) && text[toks[b].End:toks[b+1].Start] == " " {
			continue
		}
		e, ok := t.gaz.LookupToken(text[toks[a].Start:toks[a].End])
		if !ok || e.Class&gazetteer.FirstName == 0 || e.Class&place != 0 || !capWord(text, toks[a]) ||
			placeOpeners[text[toks[a].Start:toks[a].End]] != "" { // "North Rhine-Westphalia"
			continue
		}
		w := text[toks[b].Start:toks[b].End]
		if len(w) < 3 || upperWord(w) || t.gaz.IsCommon(w) || t.isTitleWord(text, toks[b]) || t.isOrgTail(w) {
			continue
		}
		if e, ok := t.gaz.LookupToken(w); ok && e.Class&(place|gazetteer.Company) != 0 {
			continue
		}
		extra = append(extra, Name{Start: toks[a].Start, End: toks[b].End, Type: "PERSON"})
		a++
	}
	return addNames(names, extra)
}

// appositionNouns end an apposition that says what kind of organisation
// the name before it is: "Frontex, the EU border agency,", "Ofcom, the
// media regulator.".
var appositionNouns = map[string]bool{"agency": true, "regulator": true, "watchdog": true, "company": true,
	"firm": true, "group": true, "organisation": true, "organization": true, "charity": true, "union": true,
	"party": true, "bank": true, "broadcaster": true, "airline": true, "carrier": true, "insurer": true,
	"lender": true, "retailer": true, "manufacturer": true, "maker": true, "carmaker": true, "automaker": true,
	"startup": true, "operator": true, "conglomerate": true, "newspaper": true, "ministry": true,
	"authority": true, "federation": true, "association": true, "club": true, "band": true, "alliance": true,
	"coalition": true, "movement": true, "institute": true, "university": true, "foundation": true,
	"subsidiary": true, "unit": true, "militia": true, "network": true, "exchange": true, "bloc": true}

// maxAppositionWords bounds the words between the determiner and the noun
// of an organisation's apposition ("the EU's external border agency").
const maxAppositionWords = 5

// orgAppositions types a one-word name as an organisation throughout the
// document where an apposition after it names a kind of organisation
// ("Frontex, the EU border agency, ..."), and tags it where the tagger
// left it out. A given name or a common word is left alone: "Paris, the
// capital", "Smith, a union leader," are no organisations. names must be
// sorted by start; the result is.
func (t *Tagger) orgAppositions(text string, toks []doc.Token, names []Name) []Name {
	var orgs map[string]bool
	var extra []Name
	next := 0
	for c := 0; c+3 < len(toks); c++ {
		if text[toks[c+1].Start:toks[c+1].End] != "," || !determiners[strings.ToLower(text[toks[c+2].Start:toks[c+2].End])] {
			continue
		}
		for next < len(names) && names[next].End <= toks[c].Start {
			next++
		}
		w := text[toks[c].Start:toks[c].End]
		tagged := next < len(names) && names[next].Start < toks[c].End
		switch {
		case tagged && (names[next].Start != toks[c].Start || names[next].End != toks[c].End ||
			names[next].Type == "ORG" || names[next].Type == "NORP"):
			continue
		case !capWord(text, toks[c]) || len(w) < 3 || t.gaz.IsCommon(w) || t.isFirstName(text, toks[c]):
			continue
		}
		// The noun: a closed apposition, within a few words.
		ok := false
		for e := c + 3; e < len(toks) && e <= c+3+maxAppositionWords; e++ {
			v := text[toks[e].Start:toks[e].End]
			if v == "," || v == "." || v == ";" {
				ok = e > c+3 && appositionNouns[strings.ToLower(text[toks[e-1].Start:toks[e-1].End])]
				break
			}
			if toks[e].Kind == doc.Punct && v != "'s" && v != "’s" {
				break
			}
		}
		if !ok {
			continue
		}
		const place = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place | gazetteer.Region | gazetteer.Demonym
		if e, known := t.gaz.LookupToken(w); known && e.Class&place != 0 {
			continue // "Norway, a founding member of the alliance,": a state
		}
		if orgs == nil {
			orgs = map[string]bool{}
		}
		orgs[w] = true
		if !tagged {
			extra = append(extra, Name{Start: toks[c].Start, End: toks[c].End, Type: "ORG"})
		}
	}
	if orgs == nil {
		return names
	}
	names = addNames(names, extra)
	for k, n := range names {
		if orgs[text[n.Start:n.End]] {
			names[k].Type = "ORG"
		}
	}
	return names
}

// determiners open an apposition.
var determiners = map[string]bool{"the": true, "a": true, "an": true}

// locatives before a place name say it is the place, not the club named
// after it: "fans in Leverkusen".
var locatives = map[string]bool{"in": true, "at": true, "near": true, "from": true, "to": true, "into": true,
	"outside": true, "across": true, "around": true, "of": true, "via": true, "toward": true, "towards": true}

// clubShortForms types a club's short forms where the story names the club
// in full ("Bayer Leverkusen", "Inter Milan", "Manchester City"): the place
// alone is the club unless a locative preposition says it is the town
// ("Leverkusen scored", but "fans in Leverkusen"), and the club word alone,
// which the tagger leaves out or misreads, is the club too ("City fans",
// "Inter never recovered"). names must be sorted by start; the result is.
func (t *Tagger) clubShortForms(text string, toks []doc.Token, names []Name) []Name {
	names = t.clubPairs(text, toks, names)
	var places, words map[string]bool
	ti := 0
	for _, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		if n.Type != "ORG" || j-i != 2 || !t.isClub(text, toks[i], toks[i+1]) {
			continue
		}
		if places == nil {
			places, words = map[string]bool{}, map[string]bool{}
		}
		a, b := text[toks[i].Start:toks[i].End], text[toks[i+1].Start:toks[i+1].End]
		if clubOpeners[a] {
			places[b], words[a] = true, true
		} else {
			places[a], words[b] = true, true
		}
	}
	if places == nil {
		return names
	}
	ti = 0
	for k, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		if j-i != 1 || n.Type == "ORG" || i > 0 && locatives[strings.ToLower(text[toks[i-1].Start:toks[i-1].End])] {
			continue
		}
		if w := text[n.Start:n.End]; places[w] || words[w] {
			names[k].Type = "ORG"
		}
	}
	var extra []Name
	next := 0
	for c, tok := range toks {
		for next < len(names) && names[next].End <= tok.Start {
			next++
		}
		if next < len(names) && names[next].Start < tok.End || !words[text[tok.Start:tok.End]] ||
			c+1 < len(toks) && capWord(text, toks[c+1]) && text[tok.End:toks[c+1].Start] == " " ||
			c > 0 && strings.EqualFold(text[toks[c-1].Start:toks[c-1].End], "the") {
			continue // "Manchester City Council", "the City of London"
		}
		extra = append(extra, Name{Start: tok.Start, End: tok.End, Type: "ORG"})
	}
	names = addNames(names, extra)
	return names
}

// clubPairs makes a club of two words that name one ("Inter Milan", "Real
// Madrid") wherever the tagger took them for something else or for two
// names: any name inside the pair goes. names must be sorted by start; the
// result is.
func (t *Tagger) clubPairs(text string, toks []doc.Token, names []Name) []Name {
	for c := 0; c+1 < len(toks); c++ {
		a, b := toks[c], toks[c+1]
		if text[a.End:b.Start] != " " || !capWord(text, a) || !capWord(text, b) || !t.isClub(text, a, b) {
			continue
		}
		if c > 0 && capWord(text, toks[c-1]) && text[toks[c-1].End:a.Start] == " " ||
			c+2 < len(toks) && capWord(text, toks[c+2]) && text[b.End:toks[c+2].Start] == " " {
			continue // part of a longer name: "New York City", "Leicester City Council"
		}
		// Names overlapping the pair must lie inside it.
		inside := true
		first := -1
		for k, n := range names {
			if n.End <= a.Start || n.Start >= b.End {
				continue
			}
			if n.Start < a.Start || n.End > b.End {
				inside = false
				break
			}
			if first < 0 {
				first = k
			}
		}
		if !inside {
			continue
		}
		club := Name{Start: a.Start, End: b.End, Type: "ORG"}
		names = slices.DeleteFunc(names, func(n Name) bool { return n.Start >= a.Start && n.End <= b.End })
		at, _ := slices.BinarySearchFunc(names, club.Start, func(n Name, s int) int { return n.Start - s })
		names = slices.Insert(names, at, club)
		c++
	}
	return names
}

// possessiveProducts finds a product named after its maker's possessive:
// "Google's [Pixel 10]", "Sony's [PlayStation 5]", a capitalised word and a
// short model number that the tagger left out. The maker is a one-word
// organisation or product name (not a person's or a place's: "Britain's
// Channel 4") and, when the tagger typed it as the product, it becomes the
// organisation it is if the company list knows it. names must be sorted
// by start; the result is.
func (t *Tagger) possessiveProducts(text string, toks []doc.Token, names []Name) []Name {
	var extra []Name
	ti := 0
	for k := range names {
		n := &names[k]
		i, j := nameTokens(toks, *n, ti)
		ti = i
		if j-i != 1 || j+2 >= len(toks) || n.Type != "ORG" && n.Type != "PRODUCT" || !isPossessive(text[toks[j].Start:toks[j].End]) {
			continue
		}
		w, num := toks[j+1], j+2
		if !capWord(text, w) || t.isTitleWord(text, w) || !modelNumber(text, toks, num) || isYear(text[toks[num].Start:toks[num].End]) ||
			k+1 < len(names) && names[k+1].Start < toks[num].End {
			continue
		}
		if num+1 < len(toks) && glued(text, toks[num], toks[num+1]) {
			continue // "Galaxy 10-inch"
		}
		if n.Type == "PRODUCT" {
			e, ok := t.gaz.LookupToken(text[n.Start:n.End])
			if !ok || e.Class&gazetteer.Company == 0 {
				continue // "iPhone's Face 2": a product's part, not sure
			}
			n.Type = "ORG"
		}
		extra = append(extra, Name{Start: w.Start, End: toks[num].End, Type: "PRODUCT"})
	}
	return addNames(names, extra)
}

// compassWords open the names of a continent's regions: "South Asia",
// "Eastern Europe", "West Africa".
var compassWords = map[string]bool{"North": true, "South": true, "East": true, "West": true, "Northern": true,
	"Southern": true, "Eastern": true, "Western": true, "Central": true, "Northeast": true, "Northwest": true,
	"Southeast": true, "Southwest": true, "Sub-Saharan": true}

// regionHeads end the names of seas, gulfs and deserts and of nothing
// else ("Discovery Channel" and "Gold Coast" are why Channel and Coast are
// missing).
var regionHeads = map[string]bool{"Sea": true, "Ocean": true, "Gulf": true, "Strait": true, "Straits": true,
	"Peninsula": true, "Desert": true}

// regionNames types as a nationality (NORP) a "person" or organisation
// the gazetteer knows only as a demonym, as a region (LOC) a name closed by a sea's or a
// desert's head word ("Caribbean Sea"), and a compass word before a region
// the gazetteer knows ("South Asia", "Eastern Europe"), which the tagger
// and the place-opener rule make a state; a state so named stays one
// ("South Africa", "East Timor": the gazetteer knows them as countries).
func (t *Tagger) regionNames(text string, toks []doc.Token, names []Name) []Name {
	ti := 0
	for k, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		if n.Type == "PERSON" || n.Type == "ORG" {
			// "South Korean company", "black, Asian and gay
			// communities": a nationality the tagger typed by its
			// neighbours.
			const notNORP = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place | gazetteer.FirstName | gazetteer.Org
			if e, ok := t.gaz.Lookup(text[n.Start:n.End]); ok && e.Class&gazetteer.Demonym != 0 && e.Class&notNORP == 0 {
				names[k].Type = "NORP"
				continue
			}
		}
		if j-i >= 2 && regionHeads[text[toks[j-1].Start:toks[j-1].End]] && n.Type != "LOC" && n.Type != "EVENT" {
			names[k].Type = "LOC" // "Caribbean Sea", read as an organisation or a work
			continue
		}
		if j-i != 2 || n.Type != "GPE" && n.Type != "ORG" || !compassWords[text[toks[i].Start:toks[i].End]] {
			continue
		}
		if e, ok := t.gaz.Lookup(text[n.Start:n.End]); ok && e.Class&(gazetteer.Country|gazetteer.Capital|gazetteer.City|gazetteer.Place) != 0 {
			continue
		}
		if e, ok := t.gaz.LookupToken(text[toks[i+1].Start:toks[i+1].End]); ok && e.Class&gazetteer.Region != 0 {
			names[k].Type = "LOC"
		}
	}
	return names
}

// branchNames types as an organisation a "person" that ends in a country's
// name and does not open with a given name: a firm's national branch
// ("Intercord Japan" as the tagger reads it), while "Michael Jordan" stays
// a person, and so does a common word's run ("While Japan", the tagger's
// slip at a sentence start, is no firm). names must be sorted by start; the
// result is.
func (t *Tagger) branchNames(text string, toks []doc.Token, names []Name) []Name {
	ti := 0
	for k, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		if j-i < 2 || n.Type != "PERSON" || t.isFirstName(text, toks[i]) || t.gaz.IsCommon(text[toks[i].Start:toks[i].End]) {
			continue
		}
		if e, ok := t.gaz.LookupToken(text[toks[j-1].Start:toks[j-1].End]); ok && e.Class&gazetteer.Country != 0 {
			names[k].Type = "ORG"
		}
	}
	return names
}

// maxOrgRun bounds an untagged organisation's name before a role, in words.
const maxOrgRun = 3

// orgBeforeRole tags as an organisation an untagged capitalised run right
// before a lower-case role word and a person's name: "[Greenpeace]
// campaigner Laura Meller", "[Halden Research] analyst Jo Berg", where
// the tagger took the person and left out the body the role belongs to. The
// run must open with no common word (or be an acronym) and be no place,
// nationality, given name or title. names must be sorted by start; the
// result is.
func (t *Tagger) orgBeforeRole(text string, toks []doc.Token, names []Name) []Name {
	var extra []Name
	ti := 0
	prevEnd := 0
	for _, n := range names {
		i, _ := nameTokens(toks, n, ti)
		ti = i
		end := prevEnd
		prevEnd = n.End
		if n.Type != "PERSON" || i < 2 {
			continue
		}
		role := i - 1
		if !t.isTitleWord(text, toks[role]) || capWord(text, toks[role]) || text[toks[role].End:n.Start] != " " {
			continue
		}
		s := role
		for s-1 >= 0 && role-(s-1) <= maxOrgRun && toks[s-1].Start >= end && capWord(text, toks[s-1]) &&
			text[toks[s-1].End:toks[s].Start] == " " {
			s--
		}
		if s == role {
			continue
		}
		first := text[toks[s].Start:toks[s].End]
		run := text[toks[s].Start:toks[role-1].End]
		if t.gaz.IsCommon(first) && !upperWord(first) || t.isTitleWord(text, toks[s]) {
			continue
		}
		if e, ok := t.gaz.LookupToken(first); ok && e.Class&gazetteer.FirstName != 0 {
			continue // "Laura campaigner"? a person's, not a body's
		}
		const place = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place | gazetteer.Region | gazetteer.Demonym
		if e, known := t.gaz.Lookup(run); known && e.Class&place != 0 {
			continue // a place or a nationality: "Berlin correspondent", "French economist"
		}
		extra = append(extra, Name{Start: toks[s].Start, End: toks[role-1].End, Type: "ORG"})
	}
	return addNames(names, extra)
}

// firmFirstWords tags a firm's distinctive first word where the story uses
// it alone after the full name ("Lockheed Martin" … "Lockheed ultimately
// won"), and the tagger left it out. The word must be no common word,
// given name, title, place, nationality or organisation word, so that
// "General Motors", "Morgan Stanley" and "Air Canada" give nothing; a
// capitalised word right after it makes a longer name, left alone. names
// must be sorted by start; the result is.
func (t *Tagger) firmFirstWords(text string, toks []doc.Token, names []Name) []Name {
	var firms map[string]bool
	ti := 0
	const notFirm = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place | gazetteer.Region |
		gazetteer.Demonym | gazetteer.FirstName | gazetteer.Title | gazetteer.OrgWord
	for _, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		if n.Type != "ORG" || j-i < 2 || !capWord(text, toks[i]) {
			continue
		}
		w := text[toks[i].Start:toks[i].End]
		if len(w) < 3 || t.gaz.IsCommon(w) || t.isTitleWord(text, toks[i]) || t.isOrgTail(w) || upperWord(w) {
			continue
		}
		if e, ok := t.gaz.LookupToken(w); ok && e.Class&notFirm != 0 {
			continue
		}
		if firms == nil {
			firms = map[string]bool{}
		}
		firms[w] = true
	}
	if firms == nil {
		return names
	}
	var extra []Name
	next := 0
	for c, tok := range toks {
		for next < len(names) && names[next].End <= tok.Start {
			next++
		}
		if next < len(names) && names[next].Start < tok.End || !firms[text[tok.Start:tok.End]] ||
			c+1 < len(toks) && capWord(text, toks[c+1]) && text[tok.End:toks[c+1].Start] == " " {
			continue
		}
		extra = append(extra, Name{Start: tok.Start, End: tok.End, Type: "ORG"})
	}
	return addNames(names, extra)
}

// cuedRuns tags as an organisation an untagged run of up to three
// capitalised words right after a lower-case noun that names a kind of
// organisation: "electronics retailer [Best Buy]", "insurer [Old Mutual]".
// extraName takes one word; a longer run is left to this rule, which
// leaves out runs opened by a title or a given name ("company CEO Tim
// Cook", "the band Mary Lou ...") and runs that continue further. names must
// be sorted by start; the result is.
func (t *Tagger) cuedRuns(text string, toks []doc.Token, names []Name) []Name {
	var extra []Name
	next := 0
	for c := 1; c < len(toks); c++ {
		if !capWord(text, toks[c]) || text[toks[c-1].End:toks[c].Start] != " " || !orgCues[text[toks[c-1].Start:toks[c-1].End]] {
			continue
		}
		e := c
		for e < len(toks) && e-c < 4 && capWord(text, toks[e]) && (e == c || text[toks[e-1].End:toks[e].Start] == " ") {
			e++
		}
		if e-c < 2 || e-c > 3 {
			continue // one word is extraName's; four or more is something else
		}
		for next < len(names) && names[next].End <= toks[c].Start {
			next++
		}
		if next < len(names) && names[next].Start < toks[e-1].End {
			continue
		}
		if t.isTitleWord(text, toks[c]) {
			continue
		}
		if en, ok := t.gaz.LookupToken(text[toks[c].Start:toks[c].End]); ok && en.Class&(gazetteer.FirstName|gazetteer.Male|gazetteer.Female) != 0 {
			continue
		}
		extra = append(extra, Name{Start: toks[c].Start, End: toks[e-1].End, Type: "ORG"})
		c = e
	}
	return addNames(names, extra)
}

// corporateCues types a name as an organisation throughout the document
// where it stands right before a corporate title and a person ("Northrop
// Grumman CEO Ron Sugar"): the tagger reads the firm's other mentions, a
// given name and a surname, as a person, and its first word alone
// ("Northrop") as a given name. names must be sorted by start; the
// result is.
func (t *Tagger) corporateCues(text string, toks []doc.Token, names []Name) []Name {
	var firms map[string]bool
	ti := 0
	for k, n := range names {
		i, j := nameTokens(toks, n, ti)
		ti = i
		if n.Type != "ORG" || i >= j || j >= len(toks) || k+1 >= len(names) || names[k+1].Type != "PERSON" {
			continue
		}
		m, e := t.gaz.MatchTitle(text, toks, j)
		if m == 0 || e.Class&gazetteer.Title == 0 || j+m >= len(toks) || toks[j+m].Start != names[k+1].Start ||
			!corporateTitles[strings.ToLower(text[toks[j].Start:toks[j+m-1].End])] {
			continue
		}
		if firms == nil {
			firms = map[string]bool{}
		}
		firms[text[n.Start:n.End]] = true
		if j-i > 1 {
			firms[text[toks[i].Start:toks[i].End]] = true // "Northrop" alone, read as a given name
		}
	}
	for k, n := range names {
		if n.Type == "PERSON" && firms[text[n.Start:n.End]] {
			names[k].Type = "ORG"
		}
	}
	return names
}

// isGivenName reports whether w is a given name the gazetteer knows.
func (t *Tagger) isGivenName(w string) bool {
	e, ok := t.gaz.LookupToken(w)
	return ok && e.Class&(gazetteer.FirstName|gazetteer.Male|gazetteer.Female) != 0
}
