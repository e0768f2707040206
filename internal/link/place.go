package link

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
)

// Some place names stand for more than one thing. "Washington" is a city, a
// US state, and — as the subject of "said", "imposed", "warned" — the US
// government; "Moscow" is a city and, as such a subject, Russia's. The ner
// stage tags all of them GPE under the one name, so the store would make one
// entity of them. [PlaceSense] reads how an article uses the name and says
// which of its senses it means.

// placeSenses are the senses of the ambiguous place names dateline knows,
// keyed by folded name: the country a capital stands for when used as an
// actor, and the state of the same name with cities that place an article
// there. Read-only.
var placeSenses = map[string]placeSense{
	"washington": {country: "United States", countryNames: []string{"united states", "us", "u.s.", "usa", "america"},
		state: "Washington State", stateCities: []string{"seattle", "spokane", "tacoma", "olympia", "yakima", "bellevue"}},
	"new york":  {state: "New York State", stateCities: []string{"albany", "buffalo", "rochester", "syracuse"}},
	"moscow":    {country: "Russia", countryNames: []string{"russia", "russian federation"}},
	"beijing":   {country: "China", countryNames: []string{"china", "people's republic of china"}},
	"tehran":    {country: "Iran", countryNames: []string{"iran"}},
	"kyiv":      {country: "Ukraine", countryNames: []string{"ukraine"}},
	"kiev":      {country: "Ukraine", countryNames: []string{"ukraine"}},
	"pyongyang": {country: "North Korea", countryNames: []string{"north korea", "dprk"}},
	"seoul":     {country: "South Korea", countryNames: []string{"south korea"}},
	"tokyo":     {country: "Japan", countryNames: []string{"japan"}},
	"london":    {country: "United Kingdom", countryNames: []string{"united kingdom", "uk", "u.k.", "britain"}},
	"paris":     {country: "France", countryNames: []string{"france"}},
	"berlin":    {country: "Germany", countryNames: []string{"germany"}},
	"ankara":    {country: "Turkey", countryNames: []string{"turkey", "türkiye"}},
	"new delhi": {country: "India", countryNames: []string{"india"}},
	"jerusalem": {country: "Israel", countryNames: []string{"israel"}},
	"damascus":  {country: "Syria", countryNames: []string{"syria"}},
	"ottawa":    {country: "Canada", countryNames: []string{"canada"}},
	"riyadh":    {country: "Saudi Arabia", countryNames: []string{"saudi arabia"}},
}

type placeSense struct {
	country      string   // the state a capital stands for as an actor
	countryNames []string // folded names that country goes by in articles
	state        string   // the state (province) of the same name
	stateCities  []string // folded names of its cities
}

// actorVerbs follow a place name used for its government: "Washington
// imposed", "Moscow warned".
var actorVerbs = set("said", "says", "warned", "warns", "imposed", "imposes", "gave", "gives", "demanded", "demands",
	"announced", "announces", "accused", "accuses", "sanctioned", "threatened", "threatens", "urged", "urges",
	"rejected", "rejects", "insisted", "insists", "wants", "wanted", "responded", "responds", "retaliated",
	"pressed", "presses", "approved", "signed", "agreed", "agrees", "denied", "denies", "expelled", "recalled",
	"condemned", "condemns", "welcomed", "welcomes", "vowed", "vows", "refused", "refuses", "ordered", "offered",
	"proposed", "blamed", "blames", "summoned", "dismissed", "slammed", "hit", "struck", "extended", "set")

// Auxiliaries ("Washington is", "Washington will") are left out of
// actorVerbs: "Washington will host the summit" is the city.

// placePreps precede a place used as a location: "in Washington", "the
// mayor of Washington".
var placePreps = set("in", "to", "from", "at", "near", "outside", "around", "into", "across", "of", "visit",
	"visited", "visiting", "toward", "towards", "through", "via", "throughout", "inside", "eastern", "western",
	"northern", "southern", "central", "downtown")

// stateWords mark the state sense next to the name: "Washington State",
// "Washington governor", "the state of Washington".
var stateWords = set("state", "state's", "governor", "gov", "legislature", "statehouse")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Sense is what one article's ambiguous place name stands for.
type Sense struct {
	// Canonical is the name of the entity it denotes ("United States",
	// "Washington State"); empty when the name means the place itself.
	Canonical string
	// Aliases are other folded names of the Canonical entity that the
	// article may use for it ("us" for the United States).
	Aliases []string
	Reason  string
}

// Ambiguous reports whether name is a place name with several senses.
func Ambiguous(name string) bool {
	_, ok := placeSenses[fold(name)]
	return ok
}

// PlaceSense decides which sense of the ambiguous place name of a GPE
// entity the article means, from the words around its mentions (text and
// their spans) and the names of the article's other places. ok is false
// when the name has no other senses.
//
// The state wins when the article names it or one of its cities, or
// calls the place a state; the government when every use of the name is as
// the subject of a verb of saying or acting, and none as a location; the
// place itself otherwise.
func PlaceSense(name, text string, mentions []doc.Span, places []string) (Sense, bool) {
	ps, ok := placeSenses[fold(name)]
	if !ok {
		return Sense{}, false
	}
	var actor, located, state []string
	for _, m := range mentions {
		if m.Start < 0 || m.End > len(text) || m.Start > m.End {
			continue
		}
		before, after := wordsBefore(text[:m.Start], 2), wordsAfter(text[m.End:], 2)
		form := text[m.Start:m.End]
		switch {
		case ps.state != "" && (len(after) > 0 && stateWords[after[0]] ||
			len(before) == 2 && before[0] == "state" && before[1] == "of"):
			state = append(state, phrase(before, form, after))
		case len(before) > 0 && placePreps[before[len(before)-1]]:
			located = append(located, phrase(before, form, after))
		case len(after) > 0 && (actorVerbs[after[0]] || after[0] == "'s" || after[0] == "’s"):
			actor = append(actor, phrase(before, form, after))
		}
	}
	if ps.state != "" {
		for _, p := range places {
			f := fold(p)
			if f == fold(ps.state) || contains(ps.stateCities, f) {
				state = append(state, "the article names "+p)
			}
		}
	}
	switch {
	case len(state) > 0:
		return Sense{Canonical: ps.state, Reason: fmt.Sprintf("%q is the state: %s", name, strings.Join(state, "; "))}, true
	case len(actor) > 0 && len(located) == 0 && ps.country != "":
		return Sense{Canonical: ps.country, Aliases: ps.countryNames,
			Reason: fmt.Sprintf("%q stands for the government of %s: %s", name, ps.country, strings.Join(actor, "; "))}, true
	case len(located) > 0:
		return Sense{Reason: fmt.Sprintf("%q is the place itself: %s", name, strings.Join(located, "; "))}, true
	}
	return Sense{Reason: fmt.Sprintf("%q is taken for the place itself: no use as a state or as an actor", name)}, true
}

// phrase renders a mention with its neighbouring words as evidence.
func phrase(before []string, form string, after []string) string {
	return `"` + strings.TrimSpace(strings.Join(before, " ")+" "+form+" "+strings.Join(after, " ")) + `"`
}

// wordsBefore returns the last n lower-case words of s, oldest first,
// stopping at a sentence or clause boundary.
func wordsBefore(s string, n int) []string {
	var out []string
	for len(out) < n {
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		r, _ := utf8.DecodeLastRuneInString(s)
		if !isWordRune(r) {
			break
		}
		i := len(s)
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if !isWordRune(r) {
				break
			}
			i -= size
		}
		out = append([]string{strings.ToLower(s[i:])}, out...)
		s = s[:i]
	}
	return out
}

// wordsAfter returns the first n lower-case words of s, a possessive "'s"
// right after the name as a word of its own, stopping at punctuation.
func wordsAfter(s string, n int) []string {
	var out []string
	for _, p := range []string{"'s", "’s"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			out = append(out, p)
			s = rest
		}
	}
	for len(out) < n {
		t := strings.TrimLeftFunc(s, unicode.IsSpace)
		if t == "" {
			break
		}
		r, _ := utf8.DecodeRuneInString(t)
		if !isWordRune(r) {
			break
		}
		i := strings.IndexFunc(t, func(r rune) bool { return !isWordRune(r) })
		if i < 0 {
			i = len(t)
		}
		out = append(out, strings.ToLower(t[:i]))
		s = t[i:]
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// fold lower-cases a name and joins its words with single spaces.
func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
