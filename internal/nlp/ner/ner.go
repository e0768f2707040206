// Package ner finds named entities in a document: people, organisations,
// places, nationalities, events, products, works and laws (OntoNotes types),
// with exact spans that leave out titles and possessives.
//
// A statistical sequence tagger (an averaged structured perceptron over word,
// shape, affix, context, capitalisation and gazetteer features, decoded with
// Viterbi under BIO constraints; see DESIGN.md) proposes the names; a few
// rules then refine what the training data cannot teach (MISC into LAW,
// EVENT, PRODUCT and WORK_OF_ART; names inside hyphenated words such as
// "US-led"). The model is trained by ./cmd/train and embedded.
//
// The stage fills [doc.Document.Entities] with one entity per mention; the
// resolve stage then joins mentions of the same referent.
package ner

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
	"dateline/internal/nlp/sentence"
	"dateline/internal/nlp/token"
)

//go:embed model/ner.bin.gz
var embeddedModel []byte

// Tagger finds names in tokenised text. It is safe for concurrent use.
type Tagger struct {
	model *Model
	gaz   *gazetteer.Gazetteer
	pool  sync.Pool // *workspace
}

// workspace holds the per-call buffers of a tagging run.
type workspace struct {
	s      sentView
	scores []float32
	delta  []float32
	back   []int32
	labels []int
	lex    lexCache
	ids    []int32
	hashes []uint64 // one token's context features
}

// New returns a tagger using the embedded model.
func New() (*Tagger, error) {
	m, err := decodeModel(embeddedModel)
	if err != nil {
		return nil, err
	}
	return NewWithModel(m), nil
}

// NewWithModel returns a tagger using m (for training experiments and tests).
func NewWithModel(m *Model) *Tagger {
	return &Tagger{model: m, gaz: gazetteer.Default()}
}

// Stage is the pipeline stage that fills d.Entities with one entity per
// name the tagger finds.
type Stage struct{ Tagger *Tagger }

// NewStage returns the stage with the embedded model.
func NewStage() (Stage, error) {
	t, err := New()
	if err != nil {
		return Stage{}, fmt.Errorf("ner: %w", err)
	}
	return Stage{Tagger: t}, nil
}

// Process tags d. Tokens and sentences are computed when an earlier stage
// has not.
func (st Stage) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if st.Tagger == nil {
		return errors.New("ner: stage without a tagger (build it with NewStage)")
	}
	if len(d.Tokens) == 0 && d.Text != "" {
		d.Tokens = token.Tokenize(d.Text, nil)
	}
	sents := d.Sentences
	if len(sents) == 0 && len(d.Tokens) > 0 {
		sents = sentence.Split(d.Text, d.Tokens, nil)
	}
	names := st.Tagger.Tag(d.Text, d.Tokens, sents)
	d.Entities = d.Entities[:0]
	// One backing array for the mentions; each entity's slice has capacity
	// one, so that resolve appending to one never overwrites the next.
	ms := make([]doc.Mention, len(names))
	for i, n := range names {
		ms[i] = doc.Mention{Start: n.Start, End: n.End, Text: d.Text[n.Start:n.End], Kind: "name"}
		d.Entities = append(d.Entities, doc.Entity{
			ID:       "e" + strconv.Itoa(i+1),
			Type:     n.Type,
			Name:     d.Text[n.Start:n.End],
			Mentions: ms[i : i+1 : i+1],
		})
	}
	return nil
}

// Tag returns the names in text, in order, given its tokens and sentences.
func (t *Tagger) Tag(text string, toks []doc.Token, sents []doc.Span) []Name {
	ws, _ := t.pool.Get().(*workspace)
	if ws == nil {
		ws = &workspace{}
	}
	defer t.pool.Put(ws)
	info := newDocInfo(text, toks, sents, t.gaz)
	ws.lex.reset()
	var names []Name
	var heads []doc.Span // headline sentences, byte ranges
	ti := 0
	tagRange := func(a, b int) {
		if a >= b {
			return
		}
		names = t.tagSentence(ws, text, toks, a, b, info, names)
		if ws.s.headline && a == 0 && text[toks[b-1].Start:toks[b-1].End] != "." {
			// The story's headline: first, title case, no full stop.
			heads = append(heads, doc.Span{Start: toks[a].Start, End: toks[b-1].End})
		}
	}
	for _, sp := range sents {
		a := ti
		for a < len(toks) && toks[a].Start < sp.Start {
			a++
		}
		tagRange(ti, a) // tokens between sentences, if any
		b := a
		for b < len(toks) && toks[b].End <= sp.End {
			b++
		}
		tagRange(a, b)
		ti = b
	}
	tagRange(ti, len(toks))
	names = mergeProducts(text, names)
	names = t.headlineWords(text, toks, names, heads)
	names = t.check(text, toks, names, info)
	names = t.headTypes(text, toks, names)
	names = companyStems(text, toks, names)
	names = eventNames(text, toks, names)
	names = joinParticles(text, toks, names)
	names = t.completeFirstNames(text, toks, names)
	names = t.surnames(text, names)
	names = t.placesNotPeople(text, names, info)
	names = t.pluralGroups(text, names, info)
	names = t.companyNames(text, toks, names, info)
	names = t.extendNames(text, toks, names)
	names = t.orgTailNames(text, toks, names)
	names = t.ofNames(text, toks, names)
	names = t.splitAtIn(text, toks, names)
	names = t.coordinated(text, toks, names, heads)
	names = cueTypes(text, toks, names)
	names = t.clubCues(text, toks, names)
	names = t.corporateCues(text, toks, names)
	names = t.orgAppositions(text, toks, names)
	names = t.clubShortForms(text, toks, names)
	names = t.acronymPairs(text, toks, names)
	names = t.datelines(text, toks, names)
	names = t.untaggedPeople(text, toks, names)
	names = t.orgBeforeRole(text, toks, names)
	names = t.cuedRuns(text, toks, names)
	names = t.firmFirstWords(text, toks, names)
	names = t.mediaOutlets(text, toks, names)
	names = t.speakers(text, toks, names, info)
	names = t.propagate(text, toks, names)
	names = particlePeople(text, names)
	names = t.dropNonNames(text, names)
	names = t.modelProducts(text, toks, names)
	names = t.possessiveProducts(text, toks, names)
	names = t.regionNames(text, toks, names)
	names = t.branchNames(text, toks, names)
	names = t.productModels(text, toks, names)
	return modelCodes(text, toks, names)
}

// check applies document-level sanity rules to single-word names: a
// capitalised common word at the start of a sentence that the document
// never capitalises elsewhere and no list knows ("Talks resumed") is no
// name; a word the gazetteer knows only as a state or capital is a GPE
// even where the tagger guessed PERSON ("Berlin").
func (t *Tagger) check(text string, toks []doc.Token, names []Name, info *docInfo) []Name {
	names = t.knownPhrases(text, toks, names)
	out := names[:0]
	k := 0
	for _, n := range names {
		for k < len(toks) && toks[k].Start < n.Start {
			k++
		}
		if k >= len(toks) || toks[k].End != n.End {
			// More than one token: a city the gazetteer knows is no
			// person ("St. Louis", "Santa Clara").
			const city = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place
			if n.Type != "PERSON" {
				out = append(out, n)
				continue
			}
			if e, ok := t.gaz.Lookup(text[n.Start:n.End]); ok && e.Class&city != 0 && e.Class&gazetteer.FirstName == 0 {
				n.Type = "GPE"
			}
			// A company the list knows, not opening with a given name
			// ("Wal - Mart" as the corpora space it; but "Ralph
			// Lauren" may be the man).
			if e, ok := t.gaz.Lookup(strings.ReplaceAll(text[n.Start:n.End], " - ", "-")); ok && e.Class&gazetteer.Company != 0 &&
				!t.isFirstName(text, toks[k]) {
				n.Type = "ORG"
			}
			out = append(out, n)
			continue
		}
		w := text[n.Start:n.End]
		e, known := t.gaz.LookupToken(w)
		if !known && t.gaz.IsCommon(w) && !info.capMid[w] && sentenceInitial(text, toks, k) {
			continue
		}
		if !known && len(w) > 3 && strings.ToUpper(w) == w {
			// "WASHINGTON (Reuters) -": a dateline place in capitals.
			tc := w[:1] + strings.ToLower(w[1:])
			if te, ok := t.gaz.Lookup(tc); ok && te.Class&(gazetteer.Country|gazetteer.Capital|gazetteer.City|gazetteer.Place) != 0 {
				n.Type = "GPE"
			}
		}
		const state = gazetteer.Country | gazetteer.Capital | gazetteer.Place
		if n.Type == "PERSON" && known && e.Class&state != 0 && e.Class&(gazetteer.Male|gazetteer.Female|gazetteer.FirstName) == 0 {
			n.Type = "GPE"
		}
		out = append(out, n)
	}
	return out
}

// headlineWords checks the names of a title-case headline (heads holds at
// most the document's first sentence) against the story: where every word
// is capitalised the tagger cannot tell a name from a phrase, and a real
// name in a headline almost always comes back in the text. A name the
// story never repeats is cut to the longest part that it does repeat, once
// the common words around it are gone ("Hands [Halden Shipping]"), or
// dropped when all its words are common ("Storm Hits Coast", "Ferry Firm
// Warns of Delays"). A name the gazetteer knows stays ("White House").
func (t *Tagger) headlineWords(text string, toks []doc.Token, names []Name, heads []doc.Span) []Name {
	if len(heads) == 0 {
		return names
	}
	out := names[:0]
	h, k := 0, 0
	for _, n := range names {
		for h < len(heads) && heads[h].End <= n.Start {
			h++
		}
		if h == len(heads) || n.Start < heads[h].Start || n.End > heads[h].End {
			out = append(out, n)
			continue
		}
		for k < len(toks) && toks[k].Start < n.Start {
			k++
		}
		s := text[n.Start:n.End]
		e := k
		for e < len(toks) && toks[e].Start < n.End {
			e++
		}
		commonWord := func(j int) bool {
			w := text[toks[j].Start:toks[j].End]
			switch {
			case toks[j].Kind != doc.Word:
				return toks[j].Kind == doc.Punct
			case innerParticles[strings.ToLower(w)]:
				return true
			}
			return t.gaz.IsCommon(w)
		}
		if strings.Count(text, s) > 1 {
			out = append(out, n)
			continue
		}
		if _, known := t.gaz.Lookup(s); known {
			out = append(out, n)
			continue
		}
		// The longest part of the name that the story repeats, once the
		// common words around it are gone: "Hands [Halden Shipping]".
		best := n
		best.End = best.Start
		if e-k > 2*maxNameTokens {
			out = append(out, n) // no headline phrase; and the search below is quadratic
			continue
		}
	search:
		for a := k; a < e; a++ {
			if a > k && !commonWord(a-1) {
				break
			}
			for b := e; b > a; b-- {
				if b < e && !commonWord(b) {
					break
				}
				part := text[toks[a].Start:toks[b-1].End]
				if capWord(text, toks[a]) && strings.Count(text, part) > 1 {
					if toks[b-1].End-toks[a].Start > best.End-best.Start {
						best.Start, best.End = toks[a].Start, toks[b-1].End
					}
					continue search
				}
			}
		}
		if best.End > best.Start {
			out = append(out, best)
			continue
		}
		allCommon := true
		for j := k; j < e && allCommon; j++ {
			allCommon = commonWord(j)
		}
		if !allCommon {
			out = append(out, n)
		}
	}
	return out
}

// addNames returns names with the names a pass found added, in order of
// start, as every pass that finds new names leaves them.
func addNames(names, extra []Name) []Name {
	if len(extra) == 0 {
		return names
	}
	names = append(names, extra...)
	slices.SortFunc(names, func(a, b Name) int { return a.Start - b.Start })
	return names
}

// knownPhrases makes multi-word organisations and places that the gazetteer
// knows one name, where the tagger cut them ("Centers for Disease Control"
// + "Prevention") or left them out.
func (t *Tagger) knownPhrases(text string, toks []doc.Token, names []Name) []Name {
	const kinds = gazetteer.Org | gazetteer.Country | gazetteer.Place | gazetteer.Region | gazetteer.Facility
	var add []Name
	var drop map[int]bool
	ni := 0
	for i := 0; i < len(toks); i++ {
		if !capitalised(text, toks[i]) {
			continue
		}
		n, e := t.gaz.Match(text, toks, i)
		if n < 2 || e.Class&kinds == 0 {
			continue
		}
		start, end := toks[i].Start, toks[i+n-1].End
		for ni < len(names) && names[ni].End <= start {
			ni++
		}
		// The names overlapping the phrase must lie inside it.
		inside := true
		var over []int
		for k := ni; k < len(names) && names[k].Start < end; k++ {
			over = append(over, k)
			if names[k].Start < start || names[k].End > end {
				inside = false
			}
		}
		if !inside || len(over) == 1 && names[over[0]].Start == start && names[over[0]].End == end {
			i += n - 1
			continue
		}
		if drop == nil {
			drop = map[int]bool{}
		}
		for _, k := range over {
			drop[k] = true
		}
		typ := "GPE"
		switch {
		case e.Class&gazetteer.Facility != 0:
			typ = "FAC"
		case e.Class&gazetteer.Org != 0:
			typ = "ORG"
		case e.Class&gazetteer.Region != 0:
			typ = "LOC"
		}
		add = append(add, Name{Start: start, End: end, Type: typ})
		i += n - 1
	}
	if len(add) == 0 {
		return names
	}
	out := make([]Name, 0, len(names)+len(add))
	for k, n := range names {
		if !drop[k] {
			out = append(out, n)
		}
	}
	out = append(out, add...)
	slices.SortFunc(out, func(a, b Name) int { return a.Start - b.Start })
	return out
}

// sentenceInitial reports whether token k opens a sentence, a line or a
// quotation.
func sentenceInitial(text string, toks []doc.Token, k int) bool {
	if k == 0 {
		return true
	}
	if strings.ContainsAny(text[toks[k-1].End:toks[k].Start], "\n") {
		return true
	}
	switch text[toks[k-1].Start:toks[k-1].End] {
	case ".", "!", "?", "“", "\"", "``", ":", "‘", "(", "—", "-", "–":
		return true
	}
	return false
}

// maxNameTokens bounds the names propagate looks for.
const maxNameTokens = 6

// propagate tags the other occurrences of names the tagger found somewhere
// in the document: a sequence model misses a name in a headline or at the
// start of a sentence ("Trump grows impatient") that it tagged in a clearer
// context. People are also known by their surname and, when it is not a
// common word, their first name.
func (t *Tagger) propagate(text string, toks []doc.Token, names []Name) []Name {
	if len(names) == 0 {
		return names
	}
	known := make(map[string]string, 2*len(names))
	for _, n := range names {
		s := text[n.Start:n.End]
		if _, ok := known[s]; !ok {
			known[s] = n.Type
		}
	}
	// The first word of a company named with its legal form is the
	// company ("ASML Holding N.V." … "ASML"; "Circle Internet Group
	// Inc." … "Circle's"), though a common word at a sentence start only
	// before a possessive.
	var weak map[string]bool
	for _, n := range names {
		s := text[n.Start:n.End]
		sp := strings.IndexByte(s, ' ')
		if n.Type != "ORG" || sp < 0 || strings.Count(s, " ") < 2 || !companyForms[s[strings.LastIndexByte(s, ' ')+1:]] {
			continue
		}
		first := s[:sp]
		if _, ok := known[first]; ok || !allNameWordsIn(first) || t.gaz.IsTitleToken(first) {
			continue
		}
		if _, ok := t.gazType(first); ok {
			continue
		}
		known[first] = "ORG"
		if t.gaz.IsCommon(first) {
			if weak == nil {
				weak = map[string]bool{}
			}
			weak[first] = true
		}
	}
	for _, n := range names {
		if n.Type != "PERSON" {
			continue
		}
		parts := strings.Fields(text[n.Start:n.End])
		if len(parts) < 2 {
			continue
		}
		// A surname opened by particles ("von der Leyen", "da Silva",
		// "al-Hayya") is also written capitalised at a sentence start.
		if p := particleSurname(parts); p > 0 {
			sur := strings.Join(parts[p:], " ")
			for _, v := range []string{sur, upperFirst(sur)} {
				if _, ok := known[v]; !ok {
					known[v] = "PERSON"
				}
			}
			parts = parts[:p]
		}
		if len(parts) < 2 || !allNameWords(parts) {
			// "Wal - Mart" tagged as a person is no reason to tag "Wal".
			continue
		}
		last := parts[len(parts)-1]
		if _, ok := known[last]; !ok {
			known[last] = "PERSON"
		}
		first := parts[0]
		if _, ok := known[first]; !ok && !t.gaz.IsCommon(first) && utf8.RuneCountInString(first) > 2 {
			known[first] = "PERSON"
		}
	}
	covered := make([]bool, len(toks))
	ti := 0
	for _, n := range names {
		for ti < len(toks) && toks[ti].End <= n.Start {
			ti++
		}
		for k := ti; k < len(toks) && toks[k].Start < n.End; k++ {
			covered[k] = true
		}
	}
	var extra []Name
	for i := 0; i < len(toks); i++ {
		if covered[i] || !capitalised(text, toks[i]) {
			continue
		}
		for n := min(maxNameTokens, len(toks)-i); n >= 1; n-- {
			if slices.Contains(covered[i:i+n], true) {
				continue
			}
			s := text[toks[i].Start:toks[i+n-1].End]
			typ, ok := known[s]
			if ok && weak[s] && sentenceInitial(text, toks, i) && (i+n >= len(toks) || !isPossessive(text[toks[i+n].Start:toks[i+n].End])) {
				continue
			}
			if !ok || (i+n < len(toks) && toks[i+n].Kind == doc.Word && capitalised(text, toks[i+n]) && !covered[i+n] &&
				!strings.Contains(text[toks[i+n-1].End:toks[i+n].Start], "\n")) {
				continue
			}
			start := i
			// "Olaf [Scholz]": a first name before a known surname; also
			// a name the gazetteer does not know after a title
			// ("leader [Rahul] Gandhi").
			if typ == "PERSON" && i > 0 && !covered[i-1] && (t.isFirstName(text, toks[i-1]) ||
				i > 1 && t.unknownGivenName(text, toks[i-1]) && t.gaz.IsTitleToken(text[toks[i-2].Start:toks[i-2].End])) {
				start = i - 1
			}
			extra = append(extra, Name{Start: toks[start].Start, End: toks[i+n-1].End, Type: typ})
			i += n - 1
			break
		}
	}
	return addNames(names, extra)
}

// isPossessive reports whether w is the possessive clitic.
func isPossessive(w string) bool { return w == "'s" || w == "’s" }

// unknownGivenName reports whether tok may be a given name no list knows:
// a capitalised word that is no common word, title or known name.
func (t *Tagger) unknownGivenName(text string, tok doc.Token) bool {
	w := text[tok.Start:tok.End]
	if tok.Kind != doc.Word || !capitalised(text, tok) || t.gaz.IsCommon(w) || t.gaz.IsTitleToken(w) {
		return false
	}
	_, known := t.gaz.Lookup(w)
	return !known
}

// maxSentence caps the tokens decoded at once so that a document without
// sentence breaks cannot make the buffers grow without bound.
const maxSentence = 400

func (t *Tagger) tagSentence(ws *workspace, text string, all []doc.Token, a, b int, info *docInfo, names []Name) []Name {
	for a < b {
		end := min(b, a+maxSentence)
		toks := all[a:end]
		n := len(toks)
		L := numLabels
		prepare(text, toks, info, t.gaz, &ws.s)
		ws.scores = resize(ws.scores, n*L)
		ws.delta = resize(ws.delta, n*L)
		ws.back = resize(ws.back, n*L)
		ws.labels = resize(ws.labels, n)
		ws.ids = resize(ws.ids, n+4)
		t.model.emissions(&ws.s, &ws.lex, ws.ids, &ws.hashes, ws.scores)
		viterbi(n, ws.scores, t.model.masked, &t.model.gap, ws.labels, ws.back, ws.delta)
		names = t.spans(text, toks, ws.labels, names)
		a = end
	}
	return names
}

// spans turns BIO labels into names and applies the refinement rules.
func (t *Tagger) spans(text string, toks []doc.Token, labels []int, names []Name) []Name {
	covered := func(i int) bool { return labels[i] != 0 }
	for i := 0; i < len(toks); {
		k, _ := labelType(labels[i])
		if k < 0 {
			if n, ok := t.extraName(text, toks, i, covered); ok {
				names = append(names, n)
				for i+1 < len(toks) && toks[i+1].Start < n.End {
					i++ // the name's other words
				}
			}
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && labels[j] == labelI(k) {
			j++
		}
		// A name does not run across a lower-case word other than a
		// particle: "[Marlow] gave [Halden Shipping]", "[Apple] unveiled
		// [Lion]" are two names each, whatever the tagger joined. Works
		// and products keep their words ("Gone with the Wind").
		a := i
		if k != typeMISC && k != typePRODUCT && k != typeEVENT {
			for m := i + 1; m < j-1; m++ {
				if innerLower(text, toks[m]) {
					names = t.refine(text, toks, a, m, Types[k], names)
					a = m + 1
					// The part after the word starts at a capital: not
					// "[of directors]" from "board of directors".
					for a < j && lowerWord(text, toks[a]) {
						a++
					}
					m = a - 1
				}
			}
		}
		names = t.refine(text, toks, a, j, Types[k], names)
		i = j
	}
	return names
}

// typeIndex returns the index of type name in Types.
func typeIndex(name string) int {
	for k, t := range Types {
		if t == name {
			return k
		}
	}
	return -1
}

// Indexes of the types whose names may hold lower-case words.
var (
	typeMISC    = typeIndex("MISC")
	typePRODUCT = typeIndex("PRODUCT")
	typeEVENT   = typeIndex("EVENT")
)

// innerParticles are the lower-case words that occur inside names other
// than nameParticles: "Bank of England", "Trinidad and Tobago", "Center
// for Science", "Stratford-upon-Avon".
var innerParticles = map[string]bool{
	"of": true, "and": true, "the": true, "for": true, "on": true, "in": true, "at": true, "upon": true,
	"e": true, "und": true, "bint": true, "ben": true, "zu": true, "af": true, "av": true, "do": true,
	"to": true, // "30 Seconds to Mars", "Road to Perdition"
}

// lowerWord reports whether tok is a word of lower-case letters only.
func lowerWord(text string, tok doc.Token) bool {
	if tok.Kind != doc.Word {
		return false
	}
	for _, r := range text[tok.Start:tok.End] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// innerLower reports whether tok is an all-lower-case word that cannot be
// inside a name: not a particle, not a camel-case brand ("iPhone"), not
// the end of a word the tokeniser split ("62d", "'s").
func innerLower(text string, tok doc.Token) bool {
	if tok.Kind != doc.Word || !tok.SpaceBefore {
		return false
	}
	w := text[tok.Start:tok.End]
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return !nameParticles[w] && !innerParticles[w]
}

// refine trims the tagged span toks[i:j] (titles before a person's name,
// possessives and punctuation at the edges), maps MISC to an OntoNotes type
// and appends the result to names. A state, organisation or nationality
// inside a stripped title ("US" in "US President Donald Trump") becomes a
// name of its own.
func (t *Tagger) refine(text string, toks []doc.Token, i, j int, typ string, names []Name) []Name {
	for j > i && trimmable(text, toks[j-1]) {
		j--
	}
	for i < j && toks[i].Kind == doc.Punct {
		i++
	}
	if j-i > 1 && articleTypes[typ] && text[toks[i].Start:toks[i].End] == "The" && !t.known(text[toks[i].Start:toks[j-1].End]) {
		// "[The Airbus A380] flew": a sentence-initial article is no part
		// of a product's or a place's name; organisations and works may
		// own theirs ("The Beatles", "The Times"). A lower-case "the" the
		// tagger took in stays: MEANTIME's mentions keep it, and its
		// coreference score pairs exact spans (see DESIGN.md).
		i++
	}
	if i >= j {
		return names
	}
	// A name neither starts nor ends inside a word: "3G iPhone", not
	// "G iPhone".
	for i > 0 && glued(text, toks[i-1], toks[i]) {
		i--
	}
	for j < len(toks) && glued(text, toks[j-1], toks[j]) {
		j++
	}
	if !hasLetter(text[toks[i].Start:toks[j-1].End]) {
		return names // "4" alone is no name
	}
	if k, n := t.possessiveSplit(text, toks, i, j); k > 0 {
		// "Ford's North American operations": an owner and what it
		// owns are two names.
		names = t.refine(text, toks, i, k, typ, names)
		owned := typ
		if g, ok := t.gazType(text[toks[k+n].Start:toks[j-1].End]); ok {
			owned = g // "Ford's North American": a region, whatever the owner is
		}
		return t.refine(text, toks, k+n, j, owned, names)
	}
	if typ == "PERSON" {
		// "Chrysler LLC Jim Press": a company and a person run together.
		for k := i + 1; k < j-1; k++ {
			w := text[toks[k].Start:toks[k].End]
			if t.gaz.IsOrgWord(w) && strings.ToUpper(w[:1]) == w[:1] && capitalised(text, toks[k+1]) && !t.gaz.IsCommon(w) {
				names = append(names, Name{Start: toks[i].Start, End: toks[k].End, Type: "ORG"})
				i = k + 1
				break
			}
		}
	}
	if typ == "ORG" {
		// "Chrysler LLC Jim Press": a person named after a company's
		// legal form.
		for k := i + 1; k < j-2; k++ {
			if legalForms[text[toks[k].Start:toks[k].End]] && t.isFirstName(text, toks[k+1]) && capitalised(text, toks[k+2]) {
				names = append(names, Name{Start: toks[i].Start, End: toks[k].End, Type: "ORG"})
				i, typ = k+1, "PERSON"
				break
			}
		}
	}
	if typ == "PERSON" && t.isTitleWord(text, toks[j-1]) && (j-i < 2 || !t.isFirstName(text, toks[j-2]) || t.isTitleWord(text, toks[j-2])) {
		// "Treasury Secretary": a role, not a name; but a given name
		// before a title word makes it a surname ("John Major", "Mark
		// Judge", "John Constable").
		return names
	}
	if typ == "PERSON" {
		// A title phrase that began before the span and runs into it:
		// "Secretary of [State Marco Rubio]".
		for back := 1; back <= 3 && i-back >= 0; back++ {
			if n, e := t.gaz.MatchTitle(text, toks, i-back); e.Class&gazetteer.Title != 0 && n > back && i+n-back < j {
				i += n - back
				break
			}
		}
		// "[United States] [Barack Obama]", left over from "President of
		// the United States Barack Obama": a state before a given name is
		// no part of the person's name. One word only when in capitals
		// ("US"): "Chad", "Jordan" and "Georgia" are given names too.
		const state = gazetteer.Country | gazetteer.Capital | gazetteer.Place
		if n, e := t.gaz.Match(text, toks, i); n > 0 && i+n < j-1 && e.Class&state != 0 && e.Class&gazetteer.FirstName == 0 &&
			(n > 1 || strings.ToUpper(text[toks[i].Start:toks[i].End]) == text[toks[i].Start:toks[i].End]) &&
			t.isFirstName(text, toks[i+n]) {
			names = append(names, Name{Start: toks[i].Start, End: toks[i+n-1].End, Type: "GPE"})
			i += n
		}
		// "[Petrobras] CEO Magda Chambriard", "[Northrop Grumman] CEO Ron
		// Sugar": a company the gazetteer does not know, before a
		// corporate title, is a name of its own. One word must be no
		// given name; two are a company whatever their first word, since
		// a title and a person's name follow.
		for m := 1; m <= 2 && i+m+2 < j; m++ {
			if !capitalised(text, toks[i+m-1]) || m == 1 && t.isFirstName(text, toks[i]) {
				continue
			}
			if n, e := t.gaz.MatchTitle(text, toks, i+m); n > 0 && e.Class&gazetteer.Title != 0 && i+m+n < j-1 &&
				corporateTitles[strings.ToLower(text[toks[i+m].Start:toks[i+m+n-1].End])] && capitalised(text, toks[i+m+n]) {
				names = append(names, Name{Start: toks[i].Start, End: toks[i+m-1].End, Type: "ORG"})
				i += m + n
				break
			}
		}
		if n := TitlePrefix(text, toks[i:j]); n > 0 {
			for k := i; k < i+n; k++ {
				if m, e := t.gaz.Match(text, toks, k); m > 1 && k+m <= i+n && e.Class&(gazetteer.Country|gazetteer.Place|gazetteer.Org) != 0 {
					typ := "ORG"
					if e.Class&gazetteer.Org == 0 {
						typ = "GPE"
					}
					names = append(names, Name{Start: toks[k].Start, End: toks[k+m-1].End, Type: typ})
					k += m - 1
					continue
				}
				w := text[toks[k].Start:toks[k].End]
				if typ, ok := t.gazType(w); ok {
					names = append(names, Name{Start: toks[k].Start, End: toks[k].End, Type: typ})
				} else if acronymWord(w) {
					names = append(names, Name{Start: toks[k].Start, End: toks[k].End, Type: "ORG"})
				}
			}
			i += n
		}
	}
	if typ != "PERSON" {
		// "[IMF Managing] Director": a title's modifier is not part of
		// the organisation before it.
		// Not an organisation word: "[General Motors] chief".
		for j-i > 1 && j < len(toks) && t.isTitleWord(text, toks[j]) && t.gaz.IsCommon(text[toks[j-1].Start:toks[j-1].End]) &&
			!t.gaz.IsOrgWord(text[toks[j-1].Start:toks[j-1].End]) {
			j--
		}
	}
	if typ == "PERSON" || typ == "GPE" {
		// "energy company Equinor", "the carrier Lufthansa".
		if i > 0 && orgCues[strings.ToLower(text[toks[i-1].Start:toks[i-1].End])] {
			typ = "ORG"
		}
	}
	if typ == "PERSON" && j-i > 1 {
		if pt, ok := placeOpeners[text[toks[i].Start:toks[i].End]]; ok {
			typ = pt // "East Java", "Nueva Segovia", "Mount Kenya": no one is named so
		}
	}
	if pt, ok := placeEnds[text[toks[j-1].Start:toks[j-1].End]]; ok && typ == "PERSON" && j-i > 1 {
		typ = pt // "Bridgton Junction", "Hancock Brook", "Congress Street"
	}
	if (typ == "PERSON" || typ == "GPE" || typ == "LOC") && j-i > 1 && orgEnds[text[toks[j-1].Start:toks[j-1].End]] {
		typ = "ORG" // "Dave Matthews Band", "Hinkley Locomotive Works"
	}
	if typ != "ORG" && t.teamName(text, toks[i:j]) {
		typ = "ORG" // "Pittsburgh Pirates", "St. Louis Cardinals"
	}
	if (typ == "PRODUCT" || typ == "MISC") && modelNumber(text, toks, j) {
		j++ // "iPhone 4", "Windows 11"
	}
	if typ == "ORG" && j-i > 1 && slices.ContainsFunc(toks[i+1:j], func(tk doc.Token) bool { return modelCode(text[tk.Start:tk.End]) }) {
		typ = "PRODUCT" // "Boeing 787 Dreamliners", "Airbus A320"
	}
	if (typ == "ORG" || typ == "PERSON") && j-i > 2 && gpeOpeners[text[toks[i].Start:toks[i].End]] && text[toks[i+1].Start:toks[i+1].End] == "of" {
		typ = "GPE" // "City of Brampton", "Republic of Korea"
	}
	if ah, ok := awardHeads[text[toks[j-1].Start:toks[j-1].End]]; ok && j-i > 1 && typ != "MISC" {
		typ = ah // "Outland Trophy", "Stanley Cup", "Nobel Prize"
	}
	start, end := toks[i].Start, toks[j-1].End
	s := text[start:end]
	switch {
	case typ != "PERSON" && j-i > 1 && t.demonymHead(text, toks[i:j]):
		// "European Allies": a nationality before common words.
		return append(names, Name{Start: start, End: toks[i].End, Type: "NORP"})
	case typ == "MISC":
		typ = t.miscType(s, toks[i:j], text)
	case typ != "PERSON":
		typ = t.placeOrOrg(s, toks[i:j], text, typ)
	}
	return append(names, Name{Start: start, End: end, Type: typ})
}

// possessiveSplit finds a possessive inside the span toks[i:j] that
// separates two names ("Ford's North American", "Ford 's North American"):
// it returns the index of its first token and its length in tokens (one
// for "'s", two for "'" "s" as the tokeniser splits " 's"), or 0, 0.
// Plural nouns own names of their own ("People's Republic", "Women's
// World Cup") and are not split.
func (t *Tagger) possessiveSplit(text string, toks []doc.Token, i, j int) (int, int) {
	for k := i + 1; k < j-1; k++ {
		n := 0
		switch w := text[toks[k].Start:toks[k].End]; w {
		case "'s", "’s":
			n = 1
		case "'", "’":
			if k+2 < j && text[toks[k+1].Start:toks[k+1].End] == "s" {
				n = 2
			}
		}
		if n == 0 || !capitalised(text, toks[k+n]) {
			continue
		}
		owner := text[toks[k-1].Start:toks[k-1].End]
		if pluralOwners[owner] || t.gaz.IsCommon(owner) && strings.HasSuffix(owner, "s") {
			return 0, 0
		}
		return k, n
	}
	return 0, 0
}

// pluralOwners are irregular plurals that begin names with a possessive.
var pluralOwners = map[string]bool{"People": true, "Women": true, "Men": true, "Children": true}

// modelCode reports whether w is a model designation: three or more digits,
// or a letter before digits ("787", "A380", "X5"); not a year ("Tokyo
// 2020"), a decade ("1990s") or a short count ("Channel 4").
func modelCode(w string) bool {
	digits, letters := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		case r != '-':
			return false
		}
	}
	year := len(w) == 4 && digits == 4 && (w[:2] == "19" || w[:2] == "20") // "Tokyo 2020"
	return digits >= 3 && letters == 0 && !year || digits > 0 && letters > 0 && letters <= 3 && !unicode.IsDigit(rune(w[0]))
}

// modelNumber reports whether token j is a short number that continues a
// product name ("iPhone 4") rather than a count ("4 million").
func modelNumber(text string, toks []doc.Token, j int) bool {
	if j >= len(toks) || toks[j].Kind != doc.Number || !toks[j].SpaceBefore || toks[j].End-toks[j].Start > 4 ||
		strings.ContainsAny(text[toks[j].Start:toks[j].End], ".,:/") {
		return false
	}
	if j+1 < len(toks) {
		switch strings.ToLower(text[toks[j+1].Start:toks[j+1].End]) {
		case "million", "billion", "trillion", "percent", "%", "per", "times", "years", "days", "units":
			return false
		}
	}
	return true
}

// facilityHeads end the names of buildings and structures (OntoNotes FAC).
var facilityHeads = map[string]bool{"Airport": true, "Station": true, "Bridge": true, "Stadium": true,
	"Tower": true, "Towers": true, "Dam": true, "Tunnel": true, "Highway": true, "Motorway": true,
	"Cathedral": true, "Mosque": true, "Palace": true, "Castle": true, "Prison": true, "Arena": true,
	"Terminal": true, "Plant": true, "Port": true, "Harbour": true, "Harbor": true, "Canal": true}

// known reports whether the gazetteer knows phrase s ("The Hague").
func (t *Tagger) known(s string) bool {
	_, ok := t.gaz.Lookup(s)
	return ok
}

// articleTypes are the types whose names do not start with "The".
var articleTypes = map[string]bool{"PERSON": true, "PRODUCT": true, "GPE": true, "LOC": true, "FAC": true, "NORP": true}

// placeOpeners open place names, not people's, with the type they give.
// "Saint", "San" and "Lake" are left out: saints and people ("Lake Bell")
// bear them too.
var placeOpeners = map[string]string{"East": "GPE", "West": "GPE", "North": "GPE", "South": "GPE",
	"Northern": "GPE", "Southern": "GPE", "Eastern": "GPE", "Western": "GPE", "Central": "GPE",
	"Upper": "GPE", "Lower": "GPE", "Northeast": "GPE", "Northwest": "GPE", "Southeast": "GPE",
	"Southwest": "GPE", "Nueva": "GPE", "Nuevo": "GPE", "Santa": "GPE", "São": "GPE", "Puerto": "GPE",
	"Porto": "GPE", "Ciudad": "GPE", "Fort": "GPE", "Port": "GPE", "Mount": "LOC", "Cape": "LOC"}

// legalForms end company names and nothing else.
var legalForms = map[string]bool{"Inc": true, "Inc.": true, "Corp": true, "Corp.": true, "Co.": true,
	"Ltd": true, "Ltd.": true, "LLC": true, "plc": true, "PLC": true, "AG": true, "SA": true, "GmbH": true, "NV": true, "N.V.": true}

// placeHeads end the names of places and states: "English Channel",
// "Arab Republic".
var placeHeads = map[string]bool{"Channel": true, "Sea": true, "Ocean": true, "Gulf": true, "Islands": true,
	"Island": true, "Peninsula": true, "Empire": true, "Republic": true, "Kingdom": true, "Coast": true,
	"Strait": true, "Riviera": true, "Alps": true, "Plain": true, "Desert": true}

// surnames types a one-word name as a person where the document names a
// person with that surname ("Vladimir Putin" … "Putin"), in case the tagger,
// seeing the word alone, guessed a product, a work or an organisation it
// has never heard of, or a place ("signs of Trump's frustration"). Places
// the gazetteer knows keep their type ("George Washington" does not make
// "Washington" a person): a surname that is also a town is ambiguous, a
// product, a work or an unknown place named like a person in the same
// story is not.
func (t *Tagger) surnames(text string, names []Name) []Name {
	var people map[string]bool
	for _, n := range names {
		if n.Type != "PERSON" {
			continue
		}
		s := text[n.Start:n.End]
		sp := strings.LastIndexAny(s, " \t\n")
		if sp < 0 || !allNameWordsIn(s) {
			continue
		}
		if people == nil {
			people = map[string]bool{}
		}
		people[s[sp+1:]] = true
	}
	if people == nil {
		return names
	}
	for k, n := range names {
		switch n.Type {
		case "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "ORG", "GPE", "LOC":
		default:
			continue
		}
		w := text[n.Start:n.End]
		if !people[w] {
			continue
		}
		e, _ := t.gaz.Lookup(w)
		if e.Class&(gazetteer.Org|gazetteer.Company) != 0 {
			continue
		}
		const place = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place | gazetteer.Region
		if (n.Type == "GPE" || n.Type == "LOC") && e.Class&place != 0 {
			continue
		}
		names[k].Type = "PERSON"
	}
	return names
}

// placesNotPeople types a one-word "person" as a place when the document
// puts it after "in" or "near" and never treats it as a person's name: no
// title or first name before it, no longer person name containing it
// ("in Bridgton", "near Harrison").
func (t *Tagger) placesNotPeople(text string, names []Name, info *docInfo) []Name {
	var inPerson map[string]bool
	for _, n := range names {
		if n.Type != "PERSON" {
			continue
		}
		s := text[n.Start:n.End]
		if !strings.ContainsAny(s, " \t\n") {
			continue
		}
		if inPerson == nil {
			inPerson = map[string]bool{}
		}
		for p := range strings.FieldsSeq(s) {
			inPerson[p] = true
		}
	}
	for k, n := range names {
		if n.Type != "PERSON" {
			continue
		}
		w := text[n.Start:n.End]
		c := info.cues[w]
		if c&cueAfterIn == 0 || c&(cueAfterTitle|cueAfterFirst) != 0 || inPerson[w] || strings.ContainsAny(w, " \t\n") {
			continue
		}
		if e, ok := t.gaz.Lookup(w); ok && e.Class&gazetteer.FirstName != 0 {
			continue
		}
		names[k].Type = "GPE"
	}
	return names
}

// mergeProducts joins a product name and the product name right after it,
// one space apart, which the tagger and the brand rule found separately
// ("iTunes" + "Music Store").
func mergeProducts(text string, names []Name) []Name {
	out := names[:0]
	for _, n := range names {
		if k := len(out) - 1; k >= 0 && n.Type == "PRODUCT" && out[k].Type == "PRODUCT" && out[k].End < n.Start &&
			text[out[k].End:n.Start] == " " {
			out[k].End = n.End
			continue
		}
		out = append(out, n)
	}
	return out
}

// pluralGroups types a plural name of up to four words that the document
// puts after "the" ("the Bruins", "the Beatles", "the Devil Rays") as an
// organisation: a team or a band. The tagger, seeing a plural it has not met, guesses a
// product or a person. Nationalities, places and events keep their type.
func (t *Tagger) pluralGroups(text string, names []Name, info *docInfo) []Name {
	for k, n := range names {
		switch n.Type {
		case "PERSON", "PRODUCT", "WORK_OF_ART":
		default:
			continue
		}
		s := text[n.Start:n.End]
		w := s[strings.LastIndexByte(s, ' ')+1:] // "the Devil Rays", "the Rolling Stones"
		first := s[:max(strings.IndexByte(s, ' '), 0)]
		if first == "" {
			first = s
		}
		if len(w) < 4 || !plural(w) || strings.Count(s, " ") > 3 ||
			strings.ContainsAny(s, "\t\n") || info.cues[first]&cueAfterThe == 0 ||
			eventHeads[w] || lawHeads[w] || nonTeamPlurals[w] || placeHeads[w] {
			continue
		}
		if _, ok := t.gaz.Lookup(s); ok {
			continue // "the Netherlands", "the Russians", "the United States"
		}
		names[k].Type = "ORG"
	}
	return names
}

// plural reports whether the capitalised word w looks like an English
// plural: "Bruins", "Rays", "Pirates", but not "Taurus", "Lexus", "Texas"
// or "Congress".
func plural(w string) bool {
	n := len(w)
	return n > 2 && w[n-1] == 's' && !strings.ContainsRune("aiosu", rune(w[n-2]))
}

// companyNames makes a document's names agree with its companies. A
// company named in full once ("Ford Motor Co.", "Toyota Motor Corp.") is
// named by its first word elsewhere, which the tagger, seeing a surname or
// a town, often types wrong; and that word before a place is a branch
// ("Ford Australia", ORG), before other capitalised words or a number a
// model ("Ford Taurus", "Boeing 787", PRODUCT).
func (t *Tagger) companyNames(text string, toks []doc.Token, names []Name, info *docInfo) []Name {
	var heads map[string]bool
	ti := 0 // the previous name's first token: names are sorted
	for _, n := range names {
		if n.Type != "ORG" {
			continue
		}
		i, j := nameTokens(toks, n, ti)
		ti = i
		if j-i < 2 || !capitalised(text, toks[i]) {
			continue
		}
		w := text[toks[i].Start:toks[i].End]
		if t.gaz.IsOrgWord(w) || t.isTitleWord(text, toks[i]) || t.gaz.IsCommon(w) && info.lowerSeen[strings.ToLower(w)] {
			continue // "General Motors", "Bank of America", but "Ford Motor Co."
		}
		if e, ok := t.gaz.Lookup(w); ok && e.Class&(gazetteer.Country|gazetteer.Capital|gazetteer.City|gazetteer.Place|gazetteer.Region|gazetteer.Demonym) != 0 {
			continue // "American Airlines", "Boston Globe"
		}
		suffix := false
		for k := i + 1; k < j; k++ {
			v := text[toks[k].Start:toks[k].End]
			suffix = suffix || orgEnds[v] || corporateWords[v]
		}
		if suffix {
			if heads == nil {
				heads = map[string]bool{}
			}
			heads[w] = true
		}
	}
	if heads == nil {
		return names
	}
	ti = 0
	for k, n := range names {
		if n.Type == "ORG" {
			continue
		}
		i, j := nameTokens(toks, n, ti)
		ti = i
		if i >= j || !heads[text[toks[i].Start:toks[i].End]] {
			continue
		}
		switch {
		case j-i == 1:
			names[k].Type = "ORG"
		case n.Type == "PERSON" || n.Type == "GPE" || n.Type == "LOC":
			rest := text[toks[i+1].Start:toks[j-1].End]
			if typ, ok := t.gazType(rest); ok && typ == "GPE" {
				names[k].Type = "ORG"
			} else if !orgEnds[text[toks[j-1].Start:toks[j-1].End]] {
				names[k].Type = "PRODUCT"
			} else {
				names[k].Type = "ORG"
			}
		}
	}
	// The model's name alone is the product too: "Ford Taurus" … "the
	// Taurus".
	var models map[string]bool
	for _, n := range names {
		s := text[n.Start:n.End]
		if n.Type != "PRODUCT" || !heads[s[:max(strings.IndexByte(s, ' '), 0)]] {
			continue
		}
		if models == nil {
			models = map[string]bool{}
		}
		models[s[strings.LastIndexByte(s, ' ')+1:]] = true
	}
	for k, n := range names {
		if n.Type == "PERSON" && models[text[n.Start:n.End]] {
			names[k].Type = "PRODUCT"
		}
	}
	return names
}

// corporateWords follow a company's short name in its full one: "Ford
// Motor Co.", "Toyota Motor Corp.", "Nissan Motor".
var corporateWords = map[string]bool{"Motor": true, "Co": true, "Co.": true, "Corp.": true, "Inc.": true,
	"AG": true, "SA": true, "NV": true, "GmbH": true, "AB": true, "ASA": true, "SpA": true, "Limited": true,
	"Capital": true, "Management": true, "Partners": true, "Holding": true, "Investments": true, "Ventures": true,
	"Systems": true, "Technologies": true, "Communications": true, "Pharmaceuticals": true}

// gpeOpeners open the formal names of states and towns: "City of ...".
var gpeOpeners = map[string]bool{"City": true, "Town": true, "Village": true, "County": true, "Province": true,
	"State": true, "Republic": true, "Kingdom": true, "Borough": true, "Municipality": true, "Commonwealth": true,
	"Principality": true, "Emirate": true, "Sultanate": true, "Duchy": true}

// awardHeads end the names of prizes and cups, whatever the tagger made of
// the words before them, with the type they give.
var awardHeads = map[string]string{"Trophy": "WORK_OF_ART", "Award": "WORK_OF_ART", "Awards": "EVENT",
	"Prize": "WORK_OF_ART", "Prizes": "WORK_OF_ART", "Medal": "WORK_OF_ART", "Cup": "EVENT", "Cups": "EVENT"}

// placeEnds end place names and hardly ever a person's name, with the
// type they give. Words that are also surnames ("Park", "Lake", "Bay") are
// left out.
var placeEnds = map[string]string{"Junction": "GPE", "County": "GPE", "Township": "GPE", "Province": "GPE",
	"Prefecture": "GPE", "District": "GPE", "Heights": "GPE", "Springs": "GPE", "Creek": "LOC", "River": "LOC",
	"Brook": "LOC", "Valley": "LOC", "Mountains": "LOC", "Falls": "LOC", "Canyon": "LOC", "Peninsula": "LOC",
	"Island": "LOC", "Islands": "LOC", "Harbor": "LOC", "Harbour": "LOC", "Street": "FAC", "Avenue": "FAC",
	"Road": "FAC", "Boulevard": "FAC", "Square": "FAC"}

// orgEnds are capitalised words that end an organisation's name and hardly
// ever a person's, so a multi-word "person" ending in one is an
// organisation.
var orgEnds = map[string]bool{"Inc": true, "Inc.": true, "Corp": true, "Corp.": true, "Corporation": true,
	"Co.": true, "Ltd": true, "Ltd.": true, "LLC": true, "plc": true, "PLC": true, "Group": true, "Company": true,
	"Band": true, "Orchestra": true, "Airlines": true, "Airways": true, "Motors": true, "University": true,
	"College": true, "Institute": true, "Party": true, "Ministry": true, "Agency": true, "Council": true,
	"Committee": true, "Commission": true, "Association": true, "Foundation": true, "Records": true,
	"Industries": true, "Holdings": true, "Works": true, "Railroad": true, "Railway": true, "Studios": true,
	"Air": true, "Shipping": true, "Lines": true, "Logistics": true, "Systems": true, "Technologies": true,
	"Partners": true, "Pharmaceuticals": true, "Securities": true, "Insurance": true, "Petroleum": true,
	"Mining": true, "Telecom": true, "Communications": true, "Aerospace": true, "Electronics": true,
	"Society": true, "Academy": true, "Shipyard": true, "Shipyards": true, "Ventures": true, "Investments": true, "Bancorp": true,
	// Newspapers ("Orlando Sentinel"); "Post", "Press" and "Star" are
	// surnames too.
	"Sentinel": true, "Statesman": true, "Courant": true, "Chronicle": true, "Herald": true, "Tribune": true,
	"Gazette": true, "Examiner": true, "Inquirer": true, "Telegraph": true, "Times": true, "Journal": true,
	"Dispatch": true, "Observer": true, "Courier": true, "Bulletin": true, "Star-Telegram": true, "Sun-Times": true}

// nonTeamPlurals are plural heads of place names: "Washington Heights" is
// no team.
var nonTeamPlurals = map[string]bool{"Heights": true, "Falls": true, "Springs": true, "Islands": true,
	"Isles": true, "Hills": true, "Mountains": true, "Lakes": true, "Plains": true, "Rapids": true,
	"Keys": true, "Woods": true, "Gardens": true, "Meadows": true, "Pines": true, "Rocks": true,
	"Narrows": true, "Sands": true, "Flats": true, "Glades": true, "Acres": true, "Oaks": true,
	"Parks": true, "Highlands": true, "Lowlands": true, "Downs": true, "Fields": true, "Towers": true,
	"Estates": true, "Commons": true, "Docks": true, "Territories": true, "States": true, "Emirates": true}

// teamName reports whether toks name a sports team: a known city or state
// followed by one capitalised plural ("Boston Braves", "New York Giants").
func (t *Tagger) teamName(text string, toks []doc.Token) bool {
	if len(toks) < 2 || len(toks) > 4 {
		return false
	}
	last := text[toks[len(toks)-1].Start:toks[len(toks)-1].End]
	if len(last) < 4 || !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss") ||
		!capitalised(text, toks[len(toks)-1]) || nonTeamPlurals[last] || t.gaz.IsOrgWord(last) {
		return false
	}
	e, ok := t.gaz.Lookup(text[toks[0].Start:toks[len(toks)-2].End])
	return ok && e.Class&(gazetteer.City|gazetteer.Capital|gazetteer.Place) != 0 && e.Class&gazetteer.Country == 0
}

// orgCues are nouns that, right before a name, say it is an organisation.
var orgCues = map[string]bool{"company": true, "firm": true, "carrier": true, "airline": true, "bank": true,
	"maker": true, "manufacturer": true, "automaker": true, "carmaker": true, "retailer": true, "insurer": true,
	"giant": true, "group": true, "broadcaster": true, "newspaper": true, "conglomerate": true, "lender": true,
	"producer": true, "supplier": true, "operator": true, "startup": true, "subsidiary": true, "airframer": true,
	"brokerage": true, "chain": true, "party": true, "club": true, "band": true}

// nameParticles join the parts of a person's name: "Ursula von der Leyen",
// "Ludwig van Beethoven", "Mohammed bin Salman".
var nameParticles = map[string]bool{"von": true, "van": true, "der": true, "den": true, "de": true, "da": true,
	"di": true, "del": true, "della": true, "des": true, "du": true, "la": true, "le": true, "bin": true,
	"ibn": true, "al": true, "el": true, "ter": true, "ten": true, "dos": true, "das": true, "y": true}

// completeFirstNames extends a one-word person name over the capitalised
// word after it when that word is no common word, title or known name
// ("Kristalina" + "Georgieva"), or when the first word is a known given name.
func (t *Tagger) completeFirstNames(text string, toks []doc.Token, names []Name) []Name {
	k := 0
	for idx := range names {
		n := &names[idx]
		for k < len(toks) && toks[k].Start < n.Start {
			k++
		}
		if n.Type != "PERSON" || k+1 >= len(toks) || toks[k].End != n.End || !toks[k+1].SpaceBefore {
			continue
		}
		next := toks[k+1]
		w := text[next.Start:next.End]
		if !capitalised(text, next) || t.gaz.IsCommon(w) || t.isTitleWord(text, next) ||
			idx+1 < len(names) && names[idx+1].Start < next.End {
			continue
		}
		if _, known := t.gaz.Lookup(w); known && !t.isFirstName(text, toks[k]) {
			continue
		}
		n.End = next.End
	}
	return names
}

// particleSurname returns the index of the part of a person's name where a
// surname opened by lower-case particles begins ("Ursula [von der Leyen]",
// "Khalil [al-Hayya]"), or 0 when there is none. The surname must end in a
// capitalised word.
func particleSurname(parts []string) int {
	for i := 1; i < len(parts)-1 || i == len(parts)-1 && strings.Contains(parts[i], "-"); i++ {
		w := parts[i]
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
			continue
		}
		head, rest, hyph := strings.Cut(w, "-")
		if !nameParticles[head] || hyph && (rest == "" || !unicode.IsUpper([]rune(rest)[0])) {
			return 0
		}
		if hyph && i != len(parts)-1 {
			return 0
		}
		if r, _ := utf8.DecodeRuneInString(parts[len(parts)-1]); !unicode.IsUpper(r) && !hyph {
			return 0
		}
		return i
	}
	return 0
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// joinParticles merges person names split at lower-case particles
// ("Ursula" + "von der" + "Leyen") and extends a person name over the
// particles before it ("Von der Leyen" at the start of a sentence).
func joinParticles(text string, toks []doc.Token, names []Name) []Name {
	out := names[:0]
	k := 0
	for idx := 0; idx < len(names); idx++ {
		n := names[idx]
		if n.Type != "PERSON" {
			out = append(out, n)
			continue
		}
		for k < len(toks) && toks[k].Start < n.Start {
			k++
		}
		// Particles before the name.
		p := k
		for p > 0 && nameParticles[strings.ToLower(text[toks[p-1].Start:toks[p-1].End])] {
			p--
		}
		if p < k && (len(out) > 0 && out[len(out)-1].Type == "PERSON" && out[len(out)-1].End == toks[p-1].End ||
			capitalised(text, toks[p])) && k-p <= 3 {
			if len(out) > 0 && p > 0 && out[len(out)-1].Type == "PERSON" && out[len(out)-1].End == toks[p-1].End {
				out[len(out)-1].End = n.End
				continue
			}
			n.Start = toks[p].Start
		}
		// Particles and a capitalised surname after the name, which the
		// tagger left out ("Ursula [von der Leyen]", "Lula [da Silva]").
		e := k
		for e < len(toks) && toks[e].End <= n.End {
			e++
		}
		q := e
		for q < len(toks) && q-e < 3 && nameParticles[text[toks[q].Start:toks[q].End]] && toks[q].SpaceBefore {
			q++
		}
		if q > e && q < len(toks) && toks[q].SpaceBefore && toks[q].Kind == doc.Word && capitalised(text, toks[q]) &&
			(idx+1 == len(names) || names[idx+1].Start >= toks[q].End || names[idx+1].Start == toks[q].Start) {
			r := q + 1
			for r < len(toks) && toks[r].SpaceBefore && toks[r].Kind == doc.Word && capitalised(text, toks[r]) &&
				(idx+1 == len(names) || names[idx+1].Start >= toks[r].End || names[idx+1].Start == toks[q].Start) {
				r++
			}
			if idx+1 < len(names) && names[idx+1].Start == toks[q].Start {
				// The tagger found the surname as a name of its own.
				if names[idx+1].End > toks[r-1].End {
					r = q
				} else {
					idx++
				}
			}
			if r > q {
				n.End = toks[r-1].End
			}
		}
		out = append(out, n)
	}
	return out
}

// camelCase reports whether w starts with a lower-case letter and has an
// upper-case one later, and only letters: "iPhone", "iOS", but not "eBay's"
// or "mRNA-1273".
func camelCase(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) || utf8.RuneCountInString(w) < 3 {
		return false
	}
	upper := false
	for _, c := range w {
		if !unicode.IsLetter(c) {
			return false
		}
		if unicode.IsUpper(c) {
			upper = true
		}
	}
	return upper
}

// allNameWords reports whether every part is a capitalised word (initials
// such as "W." included).
// allNameWordsIn is allNameWords over the space-separated words of s,
// without splitting it.
func allNameWordsIn(s string) bool {
	for p := range strings.FieldsSeq(s) {
		if r, _ := utf8.DecodeRuneInString(p); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func allNameWords(parts []string) bool {
	for _, p := range parts {
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isFirstName reports whether tok is a capitalised given name the
// gazetteer knows.
func (t *Tagger) isFirstName(text string, tok doc.Token) bool {
	if !capitalised(text, tok) {
		return false
	}
	w := text[tok.Start:tok.End]
	e, ok := t.gaz.Lookup(w)
	const notPerson = gazetteer.Country | gazetteer.Capital | gazetteer.City | gazetteer.Place |
		gazetteer.Region | gazetteer.Demonym | gazetteer.Org
	return ok && (e.Class&gazetteer.FirstName != 0 ||
		e.Class&gazetteer.ProperNoun != 0 && e.Class&notPerson == 0 && !t.gaz.IsCommon(w))
}

// demonymHead reports whether toks is a nationality word followed only by
// common words that do not make an organisation's name: "European Allies",
// but not "European Union" or "British Airways".
func (t *Tagger) demonymHead(text string, toks []doc.Token) bool {
	if typ, ok := t.gazType(text[toks[0].Start:toks[0].End]); !ok || typ != "NORP" {
		return false
	}
	if _, ok := t.gaz.Lookup(text[toks[0].Start:toks[len(toks)-1].End]); ok {
		return false
	}
	for _, tk := range toks[1:] {
		w := text[tk.Start:tk.End]
		if !t.gaz.IsCommon(w) || t.gaz.IsOrgWord(w) || t.gaz.IsTitle(w) {
			return false
		}
	}
	return true
}

// orgHeads make a name an organisation when they open it: "Bank of Japan",
// "Ministry of Defence", "University of Oxford".
var orgHeads = map[string]bool{"Bank": true, "Ministry": true, "University": true, "Department": true,
	"Institute": true, "Council": true, "Commission": true, "Court": true, "Office": true, "Agency": true,
	"Federation": true, "Association": true, "Church": true, "House": true}

// placeOrOrg corrects the type of a non-person name by the gazetteer and
// its head words: a well-known facility is FAC; a known organisation, or a
// place-like name opened or closed by an organisation word ("European
// Central Bank", "Bank of England", "United States Senate"), is ORG.
func (t *Tagger) placeOrOrg(s string, toks []doc.Token, text, typ string) string {
	if e, ok := t.gaz.Lookup(s); ok {
		switch {
		case e.Class&gazetteer.Facility != 0:
			return "FAC"
		case e.Class&gazetteer.Org != 0:
			return "ORG"
		case e.Class&(gazetteer.Country|gazetteer.Capital|gazetteer.Place) != 0:
			return "GPE"
		case e.Class&gazetteer.Region != 0:
			return "LOC"
		}
	}
	if len(toks) < 2 {
		return typ
	}
	first := text[toks[0].Start:toks[0].End]
	last := text[toks[len(toks)-1].Start:toks[len(toks)-1].End]
	if facilityHeads[last] {
		return "FAC" // "Changi International Airport"
	}
	if typ != "GPE" && typ != "LOC" {
		return typ
	}
	if t.gaz.IsOrgWord(last) || orgHeads[first] && len(toks) > 2 && text[toks[1].Start:toks[1].End] == "of" {
		return "ORG"
	}
	return typ
}

// gazType returns the type of a one-token gazetteer name: a state, an
// organisation or a nationality.
func (t *Tagger) gazType(w string) (string, bool) {
	e, ok := t.gaz.Lookup(w)
	switch {
	case !ok:
		return "", false
	case e.Class&gazetteer.Demonym != 0 && e.Class&(gazetteer.Country|gazetteer.Place) == 0:
		return "NORP", true
	case e.Class&(gazetteer.Country|gazetteer.Place|gazetteer.Capital) != 0:
		return "GPE", true
	case e.Class&gazetteer.Org != 0:
		return "ORG", true
	}
	return "", false
}

// TitlePrefix returns how many leading tokens of a person-name span form a
// title to strip: a run of title words, role modifiers and state,
// organisation or nationality names ("US President", "NATO
// Secretary-General", "Mr.") that contains a title word and leaves at least
// one capitalised word. It returns 0 when there is none.
func TitlePrefix(text string, toks []doc.Token) int {
	g := gazetteer.Default()
	n, last := 0, 0
	for n < len(toks)-1 {
		if m, e := g.MatchTitle(text, toks, n); m > 0 && e.Class&gazetteer.Title != 0 && n+m < len(toks) {
			n += m
			last = n
			continue
		}
		w := text[toks[n].Start:toks[n].End]
		if e, ok := g.Lookup(w); ok && e.Class&(gazetteer.Country|gazetteer.Place|gazetteer.Org|gazetteer.Demonym) != 0 && e.Class&gazetteer.FirstName == 0 {
			n++
			continue
		}
		// "United Nations Secretary-General", "RBI Governor": a state or
		// organisation of several words, or an acronym, before a title.
		if m, e := g.Match(text, toks, n); m > 1 && n+m < len(toks)-1 && e.Class&(gazetteer.Country|gazetteer.Place|gazetteer.Org) != 0 {
			n += m
			continue
		}
		if acronymWord(w) && n+1 < len(toks)-1 {
			if m, e := g.MatchTitle(text, toks, n+1); m > 0 && e.Class&gazetteer.Title != 0 {
				n++
				continue
			}
		}
		if titleModifiers[strings.ToLower(w)] {
			n++
			continue
		}
		break
	}
	if last == 0 || !capitalised(text, toks[last]) {
		return 0
	}
	return last
}

// corporateTitles are the titles a company's name comes right before
// ("Petrobras CEO"), unlike "Putin aide".
var corporateTitles = map[string]bool{"ceo": true, "cfo": true, "coo": true, "chief executive": true,
	"chief executive officer": true, "chairman": true, "chairwoman": true, "founder": true, "co-founder": true}

// titleModifiers may precede a title word inside a title ("Special Envoy",
// "Deputy Prime Minister", "Former President").
var titleModifiers = map[string]bool{"special": true, "former": true, "deputy": true, "acting": true,
	"senior": true, "vice": true, "chief": true, "foreign": true, "interim": true, "then": true, "late": true,
	"treasury": true, "defense": true, "defence": true, "health": true, "energy": true, "commerce": true,
	"labor": true, "labour": true, "education": true, "homeland": true, "transport": true, "justice": true,
	"interior": true, "finance": true, "trade": true, "managing": true, "executive": true, "press": true,
	// Portfolios before "Minister" or "Secretary" ("Economy Minister").
	"economy": true, "economic": true, "culture": true, "environment": true, "agriculture": true,
	"housing": true, "digital": true, "industry": true, "security": true, "development": true,
	"employment": true, "infrastructure": true, "science": true, "tourism": true, "climate": true,
	"budget": true, "communications": true, "immigration": true, "migration": true, "fisheries": true,
	"pensions": true, "sports": true, "social": true, "welfare": true, "technology": true, "research": true}

func (t *Tagger) isTitleWord(text string, tok doc.Token) bool {
	w := text[tok.Start:tok.End]
	return t.gaz.IsTitle(w)
}

// glued reports whether b continues the word a without a space between
// them ("3" + "G"), clitics aside.
func glued(text string, a, b doc.Token) bool {
	if b.SpaceBefore || a.Kind == doc.Punct || b.Kind == doc.Punct || a.Kind == doc.Symbol || b.Kind == doc.Symbol {
		return false
	}
	w := text[b.Start:b.End]
	return !strings.HasPrefix(w, "'") && !strings.HasPrefix(w, "’") && w != "n't" && w != "n’t"
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func trimmable(text string, tok doc.Token) bool {
	switch w := text[tok.Start:tok.End]; {
	case tok.Kind == doc.Punct && w != ")" && w != ".":
		return true
	case w == "'s" || w == "’s" || w == "'" || w == "’":
		return true
	}
	return false
}

var lawHeads = map[string]bool{"Act": true, "Law": true, "Bill": true, "Treaty": true, "Constitution": true,
	"Convention": true, "Accord": true, "Accords": true, "Agreement": true, "Amendment": true, "Code": true, "Charter": true,
	"Directive": true, "Regulation": true, "Protocol": true}

var eventHeads = map[string]bool{"War": true, "Olympics": true, "Games": true, "Cup": true, "Championship": true,
	"Championships": true, "Election": true, "Elections": true, "Summit": true, "Festival": true, "Revolution": true,
	"Crisis": true, "Conference": true, "Open": true, "Prix": true, "Tournament": true, "Marathon": true,
	"Olympiad": true, "Expo": true, "Uprising": true, "Massacre": true, "Battle": true, "Siege": true}

// miscType maps a MISC name to NORP, LAW, EVENT, PRODUCT or WORK_OF_ART.
func (t *Tagger) miscType(s string, toks []doc.Token, text string) string {
	if e, ok := t.gaz.Lookup(s); ok && e.Class&gazetteer.Demonym != 0 {
		return "NORP"
	}
	last := text[toks[len(toks)-1].Start:toks[len(toks)-1].End]
	first := text[toks[0].Start:toks[0].End]
	switch {
	case orgHeads[first] && len(toks) > 2 && text[toks[1].Start:toks[1].End] == "of",
		len(toks) > 1 && (t.gaz.IsOrgWord(last) || orgEnds[last]) && !eventHeads[last] && !lawHeads[last]:
		return "ORG" // "Bank of England", "Ministry of Defence", "Mad Capsule Band"
	case lawHeads[last]:
		return "LAW"
	case eventHeads[last] || first == "Battle" || first == "Siege" || first == "World" && len(toks) > 1:
		return "EVENT"
	case len(toks) > 1 && stateHeads[last]:
		return "GPE" // "Spanish Empire"
	case len(toks) > 1 && placeHeads[last]:
		return "LOC" // "Caribbean Sea"
	case len(toks) == 1 || strings.ContainsAny(s, "0123456789"):
		return "PRODUCT"
	}
	return "WORK_OF_ART"
}

// extraName finds names the tagger leaves out that the gazetteer knows for
// certain: nationality words ("Russian strikes") and country or organisation
// names fused into a hyphenated word ("US-led", "NATO-backed").
func (t *Tagger) extraName(text string, toks []doc.Token, i int, covered func(int) bool) (Name, bool) {
	tok := toks[i]
	w := text[tok.Start:tok.End]
	if camelCase(w) {
		// "iPhone 4", "iOS", "eBook": brand names written in camel case
		// are products, with a model number after them.
		// The number may carry a label of its own (the tagger sometimes
		// tags "4" and not "iPhone"); it is still the model number.
		end := tok.End
		if modelNumber(text, toks, i+1) && toks[i+1].End-toks[i+1].Start <= 3 {
			end = toks[i+1].End
		}
		// "iPod Classic", "iTunes Music Store": capitalised words right
		// after a camel-case brand continue its name.
		if end == tok.End {
			k := i + 1
			for k < len(toks) && k <= i+2 && !covered(k) && capWord(text, toks[k]) &&
				text[toks[k-1].End:toks[k].Start] == " " && !t.isTitleWord(text, toks[k]) &&
				!t.gaz.IsOrgWord(text[toks[k].Start:toks[k].End]) {
				k++
			}
			end = toks[k-1].End
		}
		return Name{Start: tok.Start, End: end, Type: "PRODUCT"}, true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if tok.Kind != doc.Word || !unicode.IsUpper(r) {
		return Name{}, false
	}
	if len(w) > 3 && strings.ToUpper(w) == w {
		// "MADRID (Reuters) -": a place in capitals, as datelines print it.
		if typ, ok := t.gazType(w[:1] + strings.ToLower(w[1:])); ok && typ == "GPE" {
			return Name{Start: tok.Start, End: tok.End, Type: "GPE"}, true
		}
	}
	e, known := t.gaz.LookupToken(w)
	if known && e.Class&(gazetteer.Country|gazetteer.Capital) != 0 && e.Class&(gazetteer.FirstName|gazetteer.Org|gazetteer.Demonym) == 0 &&
		!t.gaz.IsCommon(w) && (i+1 >= len(toks) || !capitalised(text, toks[i+1])) && (i == 0 || !capitalised(text, toks[i-1])) {
		// "Japan also saw …": a state the tagger left out, on its own
		// (not the first word of a longer name, "Japan Airlines").
		return Name{Start: tok.Start, End: tok.End, Type: "GPE"}, true
	}
	if known && len(w) > 1 && strings.ToUpper(w) == w && e.Class&gazetteer.Org != 0 &&
		e.Class&(gazetteer.Country|gazetteer.Place) == 0 && !t.gaz.IsCommon(strings.ToLower(w)) {
		// A well-known acronym ("UN Secretary-General", "IMF staff").
		return Name{Start: tok.Start, End: tok.End, Type: "ORG"}, true
	}
	if i > 0 && orgCues[text[toks[i-1].Start:toks[i-1].End]] && !t.gaz.IsCommon(w) && !t.isTitleWord(text, tok) &&
		(i+1 >= len(toks) || !capitalised(text, toks[i+1])) {
		// "energy company Equinor": one capitalised word after a noun
		// that names a kind of organisation.
		return Name{Start: tok.Start, End: tok.End, Type: "ORG"}, true
	}
	if known && e.Class&gazetteer.Demonym != 0 && e.Class&(gazetteer.Country|gazetteer.Place|gazetteer.FirstName) == 0 {
		// A demonym followed by another capitalised word is probably part of
		// a longer name the tagger chose not to tag ("Russian Orthodox
		// Church"); leave it.
		if next := i + 1; next < len(toks) && !covered(next) && capitalised(text, toks[next]) && !t.isTitleWord(text, toks[next]) &&
			(!t.gaz.IsCommon(text[toks[next].Start:toks[next].End]) || t.gaz.IsOrgWord(text[toks[next].Start:toks[next].End]) ||
				placeHeads[text[toks[next].Start:toks[next].End]]) {
			return Name{}, false
		}
		return Name{Start: tok.Start, End: tok.End, Type: "NORP"}, true
	}
	h := strings.IndexByte(w, '-')
	if h <= 0 || h == len(w)-1 {
		return Name{}, false
	}
	head, rest := w[:h], w[h+1:]
	rr, _ := utf8.DecodeRuneInString(rest)
	if unicode.IsUpper(rr) {
		// "Italian-American", "Sino-Japanese": two nationalities make one.
		he, hok := t.gaz.Lookup(head)
		re, rok := t.gaz.Lookup(rest)
		if hok && rok && he.Class&gazetteer.Demonym != 0 && re.Class&gazetteer.Demonym != 0 {
			return Name{Start: tok.Start, End: tok.End, Type: "NORP"}, true
		}
		return Name{}, false
	}
	if !unicode.IsLower(rr) {
		return Name{}, false
	}
	e, ok := t.gaz.Lookup(head)
	if !ok {
		return Name{}, false
	}
	typ := ""
	switch {
	case e.Class&(gazetteer.Country|gazetteer.Place|gazetteer.Capital) != 0:
		typ = "GPE"
	case e.Class&gazetteer.Org != 0:
		typ = "ORG"
	case e.Class&gazetteer.Demonym != 0:
		typ = "NORP"
	default:
		return Name{}, false
	}
	return Name{Start: tok.Start, End: tok.Start + h, Type: typ}, true
}

func capitalised(text string, tok doc.Token) bool {
	r, _ := utf8.DecodeRuneInString(text[tok.Start:tok.End])
	return tok.Kind == doc.Word && unicode.IsUpper(r)
}
