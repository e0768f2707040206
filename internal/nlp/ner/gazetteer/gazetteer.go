// Package gazetteer holds the name lists that the NER tagger uses as features
// and that entity resolution uses to join aliases: countries, capitals and
// cities, regions, demonyms, organisations and their acronyms, first names,
// titles and organisation words.
//
// The lists are plain text files in data/, embedded at build time. Some are
// generated from registry packages by scripts/gen-gazetteers.sh (countries,
// capitals, cities, first names, companies and brands), the rest are written by hand; data/LICENSES.md
// records where each comes from. Nothing is read or fetched at run time.
//
// Phrases are matched token by token with the dateline tokeniser, so "U.S."
// or "Secretary-General" match exactly as the tagger sees them. Names match
// case-sensitively, titles case-insensitively.
package gazetteer

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/token"
)

//go:embed data/*.txt
var files embed.FS

// Class is a set of gazetteer classes a phrase belongs to.
type Class uint16

// Gazetteer classes.
const (
	Country    Class = 1 << iota // sovereign states and territories
	Capital                      // national capitals
	City                         // cities of 100,000 people or more
	Region                       // continents, regions, seas (LOC)
	Place                        // other places dateline knows (GPE)
	Demonym                      // nationality words: "Russian", "Russians" (NORP)
	Org                          // organisations, acronyms and their expansions
	FirstName                    // given names
	Title                        // role words: "president", "special envoy"
	OrgWord                      // words that end organisation names: "Inc", "Party"
	ProperNoun                   // capitalised dictionary entries: "Donald", "Kremlin"
	CommonWord                   // lower-case dictionary words: "great", "new"
	Facility                     // well-known buildings and sites (FAC)
	Male                         // given names borne mostly by men
	Female                       // given names borne mostly by women
	// Company marks company and brand names from registry lists. The
	// lists are large and noisy, so the class is a tagging cue only:
	// unlike Org it never decides a type or an alias by itself.
	Company
)

// Entry is what the gazetteer knows about one phrase.
type Entry struct {
	Class Class
	// Canonical is the phrase's referent where the list gives one: the
	// country of a demonym, the expansion of an acronym, the acronym of an
	// expansion.
	Canonical string
}

// Gazetteer is an immutable set of phrases. It is safe for concurrent use.
type Gazetteer struct {
	names  map[uint64]node     // case-sensitive phrases and their prefixes
	titles map[uint64]node     // lower-case phrases and their prefixes
	common map[uint64]struct{} // lower-case common words
	maxLen int                 // longest phrase in tokens
}

// Default returns the gazetteer built from the embedded lists. It is built
// once, on first use.
var Default = sync.OnceValue(func() *Gazetteer {
	g, err := load()
	if err != nil {
		// The lists are embedded and covered by tests: failing here is a
		// build defect, not a run-time condition.
		panic(fmt.Sprintf("gazetteer: %v", err))
	}
	return g
})

func load() (*Gazetteer, error) {
	g := &Gazetteer{
		names:  map[uint64]node{},
		titles: map[uint64]node{},
		common: map[uint64]struct{}{},
	}
	simple := []struct {
		file  string
		class Class
	}{
		{"countries.txt", Country},
		{"capitals.txt", Capital},
		{"cities.txt", City},
	}
	for _, s := range simple {
		err := eachLine(s.file, func(f []string) error {
			g.addPlace(f[0], s.class)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := eachLine("places.txt", func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want TYPE<tab>name, got %q", f)
		}
		c := Place
		switch f[0] {
		case "LOC":
			c = Region
		case "FAC":
			c = Facility
		}
		g.addPlace(f[1], c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("demonyms.txt", func(f []string) error {
		country := ""
		if len(f) > 1 {
			country = f[1]
		}
		g.addName(f[0], Demonym, country)
		g.addName(plural(f[0]), Demonym, country)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// First names come last so that a name that is also a place ("Asia",
	// "Georgia", "Chad") is not marked as one: in news the place reading
	// is far more common, and the tagger would learn a bad cue.
	const places = Country | Capital | City | Region | Place | Demonym
	for _, s := range []struct {
		file   string
		gender Class
	}{{"firstnames-male.txt", Male}, {"firstnames-female.txt", Female}} {
		err = eachLine(s.file, func(f []string) error {
			c := FirstName | s.gender
			if e, ok := g.Lookup(f[0]); ok && e.Class&places != 0 {
				c = s.gender // "Mary" (Turkmenistan): gender only
			}
			g.addName(f[0], c, "")
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err = eachLine("propernouns.txt", func(f []string) error {
		g.addName(f[0], ProperNoun, "")
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("companies.txt", func(f []string) error {
		g.addName(f[0], Company, "")
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("orgs.txt", func(f []string) error {
		g.addName(f[0], Org, "")
		if len(f) > 1 && f[1] != "" {
			exps := strings.Split(f[1], "|")
			g.addName(f[0], Org, exps[0])
			for _, e := range exps {
				g.addName(e, Org, f[0])
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, s := range []struct {
		file  string
		class Class
	}{{"titles.txt", Title}, {"orgwords.txt", OrgWord}} {
		err := eachLine(s.file, func(f []string) error {
			g.addTitle(f[0], s.class)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// Common words live in a map of their own: the title map is looked up
	// at every token and must stay small.
	err = eachLine("commonwords.txt", func(f []string) error {
		g.common[HashToken(Seed, f[0], true)] = struct{}{}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// plural forms a demonym's plural: "Russian" → "Russians"; words in -ese,
// -ish, -ch and -ss have none ("the Chinese", "the British").
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "ese"), strings.HasSuffix(w, "ish"), strings.HasSuffix(w, "ch"),
		strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "i") && !strings.HasSuffix(w, "li"):
		return w
	}
	return w + "s"
}

// eachLine calls fn with the tab-separated fields of each non-comment line of
// an embedded list.
func eachLine(name string, fn func([]string) error) error {
	f, err := files.Open("data/" + name)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// node is what a phrase hash leads to: the entry of a whole phrase, and
// whether longer phrases continue it. One map holds both so that matching
// costs one lookup per token.
type node struct {
	Entry
	phrase bool // a whole phrase ends here
	prefix bool // a longer phrase continues
}

func (g *Gazetteer) addName(phrase string, c Class, canonical string) {
	g.add(g.names, phrase, false, c, canonical)
}

// addPlace adds a place's name, and the name without its accents where it
// has any: English-language news often drops them ("Sao Paulo", "Zurich",
// "Malmo").
func (g *Gazetteer) addPlace(phrase string, c Class) {
	g.addName(phrase, c, "")
	if plain, ok := unaccent(phrase); ok && plain != phrase {
		g.addName(plain, c, "")
	}
}

// accents maps accented Latin letters to their plain forms.
var accents = func() map[rune]string {
	m := map[rune]string{}
	for _, pair := range strings.Fields(`àáâãäåāăą:a ÀÁÂÃÄÅĀĂĄ:A çćčĉċ:c ÇĆČĈĊ:C ďđ:d ĎĐ:D èéêëēĕėęě:e
		ÈÉÊËĒĔĖĘĚ:E ğĝġģ:g ĞĜĠĢ:G ìíîïīĭįı:i ÌÍÎÏĪĬĮİ:I ķ:k Ķ:K ĺļľŀł:l ĹĻĽĿŁ:L ñńņňŉ:n ÑŃŅŇ:N
		òóôõöøōŏő:o ÒÓÔÕÖØŌŎŐ:O ŕŗř:r ŔŖŘ:R śŝşšș:s ŚŜŞŠȘ:S ţťŧț:t ŢŤŦȚ:T ùúûüũūŭůűų:u ÙÚÛÜŨŪŬŮŰŲ:U
		ŵ:w Ŵ:W ýÿŷ:y ÝŸŶ:Y źżž:z ŹŻŽ:Z ß:ss æ:ae Æ:Ae œ:oe Œ:Oe`) {
		from, to, _ := strings.Cut(pair, ":")
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()

// unaccent returns s with its accented Latin letters made plain, and false
// when s has a letter of another script or one the table lacks ("Łódź" →
// "Lodz"; "Kraków" → "Krakow"; "Αθήνα" → false).
func unaccent(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case accents[r] != "":
			b.WriteString(accents[r])
		case unicode.IsLetter(r):
			return "", false
		default:
			b.WriteRune(r) // typographic punctuation stays as it is
		}
	}
	return b.String(), true
}

func (g *Gazetteer) addTitle(phrase string, c Class) {
	// Tokenised as it is written before a name ("Sen. Alex Padilla"):
	// the tokenizer keeps a capitalised abbreviation whole but splits
	// "sen." into a word and a full stop. Matching folds case.
	words := strings.Fields(strings.ToLower(phrase))
	for i, w := range words {
		if r, size := utf8.DecodeRuneInString(w); unicode.IsLetter(r) {
			words[i] = string(unicode.ToUpper(r)) + w[size:]
		}
	}
	g.add(g.titles, strings.Join(words, " "), true, c, "")
}

func (g *Gazetteer) add(m map[uint64]node, phrase string, fold bool, c Class, canonical string) {
	toks := token.Tokenize(phrase, nil)
	if len(toks) == 0 {
		return
	}
	h := Seed
	for i, t := range toks {
		if i > 0 {
			nd := m[h]
			nd.prefix = true
			m[h] = nd
		}
		h = HashToken(h, phrase[t.Start:t.End], fold)
	}
	nd := m[h]
	nd.Class |= c
	if nd.Canonical == "" {
		nd.Canonical = canonical
	}
	nd.phrase = true
	m[h] = nd
	if len(toks) > g.maxLen {
		g.maxLen = len(toks)
	}
}

// Seed is the starting value of a phrase hash.
const Seed uint64 = 14695981039346656037

// HashToken extends the phrase hash h by one token (FNV-1a with a separator),
// lower-casing ASCII letters when fold is set.
func HashToken(h uint64, tok string, fold bool) uint64 {
	const prime = 1099511628211
	h ^= 0x1f
	h *= prime
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if fold && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= prime
	}
	return h
}

// Match returns the longest name phrase starting at token i of text, as a
// token count and its entry; n is 0 when none starts there.
func (g *Gazetteer) Match(text string, toks []doc.Token, i int) (n int, e Entry) {
	return g.match(g.names, text, toks, i, false)
}

// MatchTitle is [Gazetteer.Match] for titles and organisation words,
// ignoring case.
func (g *Gazetteer) MatchTitle(text string, toks []doc.Token, i int) (n int, e Entry) {
	return g.match(g.titles, text, toks, i, true)
}

func (g *Gazetteer) match(m map[uint64]node, text string, toks []doc.Token, i int, fold bool) (int, Entry) {
	var best Entry
	n := 0
	h := Seed
	for j := i; j < len(toks) && j-i < g.maxLen; j++ {
		h = HashToken(h, text[toks[j].Start:toks[j].End], fold)
		nd, ok := m[h]
		if !ok {
			break
		}
		if nd.phrase {
			best, n = nd.Entry, j-i+1
		}
		if !nd.prefix {
			break
		}
	}
	return n, best
}

// Lookup returns the entry of a whole name phrase, such as "United Nations"
// or "NATO".
func (g *Gazetteer) Lookup(phrase string) (Entry, bool) {
	toks := token.Tokenize(phrase, nil)
	if len(toks) == 0 {
		return Entry{}, false
	}
	h := Seed
	for _, t := range toks {
		h = HashToken(h, phrase[t.Start:t.End], false)
	}
	nd := g.names[h]
	return nd.Entry, nd.phrase
}

// LookupToken is Lookup for a phrase known to be one token; it skips
// tokenising, for callers on the per-token hot path.
func (g *Gazetteer) LookupToken(w string) (Entry, bool) {
	nd := g.names[HashToken(Seed, w, false)]
	return nd.Entry, nd.phrase
}

// IsTitle reports whether phrase is a title or role word ("President",
// "special envoy"), ignoring case.
func (g *Gazetteer) IsTitle(phrase string) bool {
	toks := token.Tokenize(phrase, nil)
	h := Seed
	for _, t := range toks {
		h = HashToken(h, phrase[t.Start:t.End], true)
	}
	return len(toks) > 0 && g.titles[h].Class&Title != 0
}

// IsCommon reports whether the one-token word w, lower-cased, is a common
// English word ("Great" → true, "Putin" → false).
func (g *Gazetteer) IsCommon(w string) bool {
	_, ok := g.common[HashToken(Seed, w, true)]
	return ok
}

// IsTitleToken reports whether the one-token word w, lower-cased, is a
// title on its own ("President", "Mr."): IsTitle without tokenising.
func (g *Gazetteer) IsTitleToken(w string) bool {
	return g.titles[HashToken(Seed, w, true)].Class&Title != 0
}

// IsOrgWord reports whether the one-token word w, lower-cased, ends or heads
// organisation names ("Union", "Airways", "Party").
func (g *Gazetteer) IsOrgWord(w string) bool {
	return g.titles[HashToken(Seed, w, true)].Class&OrgWord != 0
}
