// Package resolve joins the name mentions that the ner stage found into one
// entity per referent, attaches titles and roles to people, and adds role
// descriptions ("the Russian leader") as nominal mentions.
//
// It works inside one document and by rule, in reading order, because news
// names its people and organisations in a predictable way: a full name
// first, then the surname (or, in quotes, the first name); an expansion
// with its acronym; a title before the name ("US Secretary of State Marco
// Rubio") or in an apposition ("his special envoy, Steve Witkoff"); and
// later a role description that repeats the title ("the Russian leader").
// Metonyms (Kremlin, Washington) are not joined to the state they stand for:
// they are names of their own.
package resolve

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
	"dateline/internal/nlp/token"
)

// Stage is the pipeline stage that merges the one-mention entities of the
// ner stage into entities and numbers them e1, e2, ... in order of first
// mention.
type Stage struct{}

// Process resolves the entities of d.
func (Stage) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	toks := d.Tokens
	if len(toks) == 0 && d.Text != "" {
		toks = token.Tokenize(d.Text, nil)
	}
	d.Entities = Resolve(d.Text, toks, d.Sentences, d.Entities)
	return nil
}

// mention is one name mention being resolved.
type mention struct {
	doc.Mention
	typ    string
	words  []string // the name's word tokens, without punctuation
	ti, tj int      // token range [ti, tj)
}

// cluster is an entity under construction.
type cluster struct {
	mentions []*mention
	forms    []*mention // one mention per distinct text, for matching
	main     string     // the most frequent type; the first one on ties
	nominals []doc.Mention
	titles   []string
	types    map[string]int
	canon    string // a canonical key shared by aliases ("United States")
}

// Resolve merges the mentions of ents (typically one name each, from the
// ner stage) into entities, adds titles, nominal and pronoun mentions, and
// returns them numbered in order of first mention. sents may be nil; then
// pronouns are not resolved.
func Resolve(text string, toks []doc.Token, sents []doc.Span, ents []doc.Entity) []doc.Entity {
	r := resolver{text: text, toks: toks, gaz: gazetteer.Default()}
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Kind != "" && m.Kind != "name" {
				continue
			}
			r.ms = append(r.ms, r.newMention(m, e.Type))
		}
	}
	sort.SliceStable(r.ms, func(i, j int) bool { return r.ms[i].Start < r.ms[j].Start })
	r.byToken = make(map[int]*mention, len(r.ms))
	for _, m := range r.ms {
		for t := m.ti; t < m.tj; t++ {
			r.byToken[t] = m
		}
	}
	for _, m := range r.ms {
		r.place(m)
	}
	cover := r.titleCover()
	r.attachTitles(cover)
	r.addNominals(cover)
	r.addPronouns(sents)
	return r.entities()
}

type resolver struct {
	text     string
	toks     []doc.Token
	gaz      *gazetteer.Gazetteer
	ms       []*mention
	byToken  map[int]*mention
	clusters []*cluster
	of       map[*mention]*cluster
	canon    map[string]string // canonical keys already computed
}

func (r *resolver) newMention(m doc.Mention, typ string) *mention {
	ti, _ := slices.BinarySearchFunc(r.toks, m.Start, func(t doc.Token, x int) int { return t.Start - x })
	tj := ti
	for tj < len(r.toks) && r.toks[tj].End <= m.End {
		tj++
	}
	mm := &mention{Mention: doc.Mention{Start: m.Start, End: m.End, Text: m.Text, Kind: "name"}, typ: typ, ti: ti, tj: tj}
	src, toks := r.text, r.toks[ti:tj]
	if ti == tj || r.toks[ti].Start != m.Start || r.toks[tj-1].End != m.End {
		// The name is part of a token ("US" in "US-led"): tokenise it.
		src, toks = m.Text, token.Tokenize(m.Text, nil)
	}
	for _, t := range toks {
		if t.Kind == doc.Word || t.Kind == doc.Number {
			mm.words = append(mm.words, src[t.Start:t.End])
		}
	}
	return mm
}

// place puts m into an existing cluster or a new one.
func (r *resolver) place(m *mention) {
	if r.of == nil {
		r.of = map[*mention]*cluster{}
	}
	c := r.find(m)
	if c == nil {
		c = &cluster{types: map[string]int{}, canon: r.canonical(m.Text)}
		r.clusters = append(r.clusters, c)
	}
	c.mentions = append(c.mentions, m)
	if !slices.ContainsFunc(c.forms, func(o *mention) bool { return o.Text == m.Text }) {
		c.forms = append(c.forms, m)
	}
	c.types[m.typ]++
	if c.main == "" || c.types[m.typ] > c.types[c.main] {
		c.main = m.typ
	}
	r.of[m] = c
}

// aliases maps common alternative names of states and organisations to one
// key. Metonyms (Washington, Kremlin, Beijing) are deliberately absent.
var aliases = map[string]string{
	"US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
	"America": "United States", "United States of America": "United States",
	"UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
	"UN": "United Nations", "U.N.": "United Nations", "EU": "European Union", "E.U.": "European Union",
	"Russian Federation": "Russia", "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union",
	"UAE": "United Arab Emirates", "DRC": "Democratic Republic of the Congo",
	// Companies whose short form is no acronym of their name's words.
	"VW": "Volkswagen", "HP": "Hewlett-Packard", "P&G": "Procter & Gamble", "BofA": "Bank of America",
}

func (r *resolver) canonical(name string) string {
	if c, ok := r.canon[name]; ok {
		return c
	}
	c := r.canonical1(name)
	if r.canon == nil {
		r.canon = map[string]string{}
	}
	r.canon[name] = c
	return c
}

func (r *resolver) canonical1(name string) string {
	name = stripSuffix(stripThe(name))
	if a, ok := aliases[name]; ok {
		return a
	}
	if e, ok := r.gaz.Lookup(name); ok && e.Class&gazetteer.Org != 0 && e.Canonical != "" {
		// Acronym ↔ expansion: key on the acronym, the shorter form.
		if len(e.Canonical) < len(name) {
			return e.Canonical
		}
		return name
	}
	return name
}

// corporateSuffixes end company names without changing the company:
// "Ford Motor Co." is "Ford Motor Company".
var corporateSuffixes = []string{" Co.", " Co", " Company", " Corp.", " Corp", " Corporation", " Inc.",
	" Inc", " Ltd.", " Ltd", " LLC", " plc", " PLC", " AG", " SA", " N.V.", " NV", " Holdings"}

// stripSuffix removes one corporate suffix (and a comma before it) from a
// name of more than one word.
func stripSuffix(s string) string {
	for _, suf := range corporateSuffixes {
		if rest, ok := strings.CutSuffix(s, suf); ok && rest != "" && strings.Contains(s, " ") {
			return strings.TrimRight(rest, " ,")
		}
	}
	return s
}

func stripThe(s string) string {
	for _, p := range []string{"the ", "The "} {
		if strings.HasPrefix(s, p) {
			return s[len(p):]
		}
	}
	return s
}

// find returns the cluster m belongs to, or nil.
func (r *resolver) find(m *mention) *cluster {
	key := r.canonical(m.Text)
	// Most recent first: a surname refers to the last person so named.
	for i := len(r.clusters) - 1; i >= 0; i-- {
		c := r.clusters[i]
		if (m.typ == "NORP") != (c.mainType() == "NORP") {
			continue
		}
		if c.canon == key {
			return c
		}
	}
	if c := r.parenthesised(m); c != nil {
		return c
	}
	if len(m.words) == 0 {
		return nil
	}
	// A one-word name of another type may be a surname the tagger
	// mistyped ("Jobs" as a product, "Trump's" as a place), but not a
	// state or city the gazetteer knows: "Japan" is not the surname of
	// "Intercord Japan".
	if m.typ == "PERSON" || len(m.words) == 1 && !r.knownPlace(m) {
		if c := r.findPerson(m); c != nil {
			return c
		}
	}
	if m.typ != "PERSON" && m.typ != "NORP" {
		if c := r.findAcronym(m); c != nil {
			return c
		}
	}
	return nil
}

// parenthesised returns the cluster of the name right before m when m is
// its acronym in parentheses: "the Africa Centres for Disease Control and
// Prevention (Africa CDC)", whatever the letters.
func (r *resolver) parenthesised(m *mention) *cluster {
	if m.ti < 2 || m.tj >= len(r.toks) || r.word(m.ti-1) != "(" || r.word(m.tj) != ")" || m.typ == "PERSON" {
		return nil
	}
	last := m.words[len(m.words)-1]
	if len(last) < 2 || strings.ToUpper(last) != last {
		return nil
	}
	o := r.byToken[m.ti-2]
	if o == nil || o.tj != m.ti-1 || o.typ != m.typ {
		return nil
	}
	return r.of[o]
}

// knownPlace reports whether m is typed as a place and the gazetteer knows
// it as a country, capital or city.
func (r *resolver) knownPlace(m *mention) bool {
	if m.typ != "GPE" && m.typ != "LOC" {
		return false
	}
	e, _ := r.gaz.Lookup(m.Text)
	return e.Class&(gazetteer.Country|gazetteer.Capital|gazetteer.City|gazetteer.Place) != 0
}

// findPerson matches a partial person name to an earlier full one: "Trump"
// → "Donald Trump", "Vladimir" → "Vladimir Putin"; and a full name to an
// earlier surname-only mention.
func (r *resolver) findPerson(m *mention) *cluster {
	for i := len(r.clusters) - 1; i >= 0; i-- {
		c := r.clusters[i]
		if c.mainType() != "PERSON" {
			continue
		}
		for _, o := range c.forms {
			if len(o.words) == 0 {
				continue
			}
			switch {
			case len(m.words) == 1 && len(o.words) > 1:
				if last := o.words[len(o.words)-1]; m.words[0] == last || strings.EqualFold(m.words[0], last) && startsLower(last) {
					// "al-Hayya" is "Al-Hayya" at a sentence start.
					return c
				}
				if m.words[0] == o.words[0] && (m.typ == "PERSON" || len(o.words) == 2) {
					return c
				}
				// An inner name of a long one: "Lula" of "Luiz Inacio
				// Lula da Silva", "Lopez" of "Andres Manuel Lopez Obrador".
				if m.typ == "PERSON" && len(o.words) > 2 && slices.Contains(o.words[1:len(o.words)-1], m.words[0]) {
					return c
				}
			case len(m.words) > 1 && m.typ == "PERSON" && len(o.words) == 1:
				if o.words[0] == m.words[len(m.words)-1] {
					return c
				}
			case len(m.words) > 1 && m.typ == "PERSON" && len(o.words) > 1:
				// "George W. Bush" and "George Bush"; "Von der Leyen" and
				// "Ursula von der Leyen".
				if m.words[0] == o.words[0] && m.words[len(m.words)-1] == o.words[len(o.words)-1] ||
					isSuffixFold(m.words, o.words) || isSuffixFold(o.words, m.words) {
					return c
				}
			}
		}
	}
	return nil
}

// isSuffixFold reports whether a (two words or more) ends b, ignoring case:
// a multi-word surname.
func isSuffixFold(a, b []string) bool {
	if len(a) < 2 || len(a) >= len(b) {
		return false
	}
	off := len(b) - len(a)
	for i, w := range a {
		if !strings.EqualFold(w, b[off+i]) {
			return false
		}
	}
	return true
}

// findAcronym joins an acronym and its expansion ("GM" and "General
// Motors") and a short organisation name with its longer form ("Boeing" and
// "Boeing Co.").
func (r *resolver) findAcronym(m *mention) *cluster {
	for i := len(r.clusters) - 1; i >= 0; i-- {
		c := r.clusters[i]
		t := c.mainType()
		if t == "PERSON" || t == "NORP" {
			continue
		}
		for _, o := range c.forms {
			if isAcronymOf(m.Text, o.words) || isAcronymOf(o.Text, m.words) {
				return c
			}
			if m.typ == "ORG" && t == "ORG" && len(m.words) == 1 && len(o.words) > 1 && o.words[0] == m.words[0] && !r.isOrgWord(m.words[0]) {
				return c
			}
			if m.typ == "ORG" && t == "ORG" && len(o.words) == 1 && len(m.words) > 1 && m.words[0] == o.words[0] && !r.isOrgWord(o.words[0]) {
				return c
			}
			// "Parliament" and "European Parliament", "Leverkusen" and
			// "Bayer Leverkusen": an organisation by the last word of its
			// name, when that word is no legal form ("Group", "Inc.").
			if m.typ == "ORG" && t == "ORG" && len(m.words) == 1 && len(o.words) > 1 && o.words[len(o.words)-1] == m.words[0] &&
				stripSuffix(o.Text) == o.Text && !strings.EqualFold(m.words[0], "Group") {
				return c
			}
			// "A380" and "Airbus A380": a product by its model name.
			if m.typ == "PRODUCT" && t == "PRODUCT" && (len(m.words) == 1 && len(o.words) > 1 && m.words[0] == o.words[len(o.words)-1] ||
				len(o.words) == 1 && len(m.words) > 1 && o.words[0] == m.words[len(m.words)-1]) {
				return c
			}
		}
	}
	return nil
}

func (r *resolver) isOrgWord(w string) bool {
	e, _ := r.gaz.Lookup(w)
	return r.gaz.IsTitle(w) || e.Class&gazetteer.Country != 0 || strings.EqualFold(w, "The")
}

var acronymSkip = map[string]bool{"of": true, "the": true, "and": true, "for": true, "&": true, "de": true, "in": true, "on": true}

// isAcronymOf reports whether acr (2 to 6 capitals, periods allowed) spells
// the initials of the content words of name ("NATO": North Atlantic Treaty
// Organization).
func isAcronymOf(acr string, name []string) bool {
	a := strings.ReplaceAll(acr, ".", "")
	if len(a) < 2 || len(a) > 6 || len(name) < 2 {
		return false
	}
	for _, c := range a {
		if !unicode.IsUpper(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	var initials []rune
	for _, w := range name {
		if acronymSkip[w] {
			continue
		}
		for _, part := range strings.Split(w, "-") {
			r, _ := utf8.DecodeRuneInString(part)
			if r != utf8.RuneError {
				initials = append(initials, unicode.ToUpper(r))
			}
		}
	}
	return string(initials) == a
}

func (c *cluster) mainType() string { return c.main }

// startsLower reports whether w begins with a lower-case letter.
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// entities builds the output entities in order of first mention.
func (r *resolver) entities() []doc.Entity {
	out := make([]doc.Entity, 0, len(r.clusters))
	for _, c := range r.clusters {
		ms := make([]doc.Mention, 0, len(c.mentions)+len(c.nominals))
		name := ""
		nameWords := 0
		var aliases []string
		for _, m := range c.mentions {
			ms = append(ms, m.Mention)
			if len(m.words) > nameWords || (len(m.words) == nameWords && len(m.Text) > len(name)) {
				name, nameWords = stripThe(m.Text), len(m.words)
			}
		}
		for _, m := range c.mentions {
			if t := stripThe(m.Text); t != name && !slices.Contains(aliases, t) {
				aliases = append(aliases, t)
			}
		}
		ms = append(ms, c.nominals...)
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		out = append(out, doc.Entity{
			Type:     c.mainType(),
			Name:     name,
			Titles:   c.titles,
			Aliases:  aliases,
			Mentions: ms,
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0].Start < out[j].Mentions[0].Start })
	for i := range out {
		out[i].ID = fmt.Sprintf("e%d", i+1)
	}
	return out
}
