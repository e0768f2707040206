package resolve

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
	"dateline/internal/nlp/ner/gazetteer"
)

// modifiers may stand inside a title phrase before its head: "special
// envoy", "former deputy prime minister", "White House press secretary".
var modifiers = wordSet(`special former deputy acting senior top chief vice executive foreign defence defense
finance trade interior economic national security presidential current outgoing incoming interim then longtime
veteran assistant associate principal lead regional state federal press senior personal close military
political spokesman spokeswoman presumptive elected newly new first second sitting managing
independent permanent treasury health energy commerce labor labour education homeland transport
transportation agriculture justice culture environment housing veterans home`)

// determiners open an apposition or a role description.
var determiners = wordSet(`the a an his her its their our my your this that`)

// honorifics are titles too weak to keep ("Mr.").
var honorifics = wordSet(`mr. mrs. ms. miss mr mrs ms`)

// headRoles are the roles "the leader" can stand for.
var headRoles = []string{"president", "prime minister", "premier", "chancellor", "king", "queen", "leader",
	"emperor", "supreme leader", "head of state", "dictator"}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func (r *resolver) word(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return r.text[r.toks[i].Start:r.toks[i].End]
}

func (r *resolver) lower(i int) string { return strings.ToLower(r.word(i)) }

// titleCover marks the tokens covered by title phrases (longest match,
// left to right).
func (r *resolver) titleCover() []bool {
	cover := make([]bool, len(r.toks))
	for i := 0; i < len(r.toks); {
		n, e := r.gaz.MatchTitle(r.text, r.toks, i)
		if n == 0 || e.Class&gazetteer.Title == 0 {
			i++
			continue
		}
		for j := i; j < i+n; j++ {
			cover[j] = true
		}
		i += n
	}
	return cover
}

// inRun reports whether token i may be part of a title phrase: a title
// word, a modifier, a name of a state, organisation, nationality or person
// ("US", "NATO", "Russian", "Putin aide"), or the possessive after such a
// name.
func (r *resolver) inRun(i int, cover []bool, self *mention) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	if cover[i] || modifiers[r.lower(i)] {
		return true
	}
	if m := r.byToken[i]; m != nil && m != self {
		return true
	}
	w := r.word(i)
	if (w == "’s" || w == "'s") && r.byToken[i-1] != nil {
		return true
	}
	// A capitalised noun bound to the title after it: "Commission
	// President", "Economy Minister", "District Judge".
	if i+1 < len(r.toks) && (cover[i+1] || modifiers[r.lower(i+1)]) && r.toks[i].Kind == doc.Word &&
		r.toks[i+1].SpaceBefore && !notTitleNouns[strings.ToLower(w)] {
		if c, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(c) && (r.gaz.IsOrgWord(w) || r.gaz.IsCommon(w)) {
			return true
		}
	}
	return false
}

// notTitleNouns are capitalised common words that open sentences, not
// titles ("The President", "When Prime Minister ...").
var notTitleNouns = wordSet(`the a an his her its their our my your this that these those when as after while if but
and or so for with by at on in of to from then now also yesterday today but before since because though although
once only even meanwhile later earlier still`)

// attachTitles finds titles before person names ("US President Donald
// Trump"), in appositions before ("his special envoy, Steve Witkoff") and
// after them ("Mark Rutte, NATO's secretary-general,") and stores them on
// the person's entity.
func (r *resolver) attachTitles(cover []bool) {
	for _, m := range r.ms {
		c := r.of[m]
		if c.mainType() != "PERSON" || m.ti >= len(r.toks) {
			continue
		}
		if t := r.titleBefore(m, m.ti-1, cover); t != "" {
			c.addTitle(t)
		}
		if r.word(m.ti-1) == "," {
			if t := r.titleBefore(m, m.ti-2, cover); t != "" && r.appositionOpens(m.ti-2, cover, m) && r.closesApposition(m.tj) {
				c.addTitle(t)
			}
		}
		if r.word(m.tj) == "," {
			if t := r.titleAfter(m, m.tj+1, cover); t != "" {
				c.addTitle(t)
			}
		}
	}
}

// titleBefore returns the title phrase ending at token j, right before m.
func (r *resolver) titleBefore(m *mention, j int, cover []bool) string {
	if j < 0 || !cover[j] {
		return ""
	}
	start := j
	for start-1 >= 0 && r.inRun(start-1, cover, m) && !r.sentenceBreak(start-1) {
		start--
	}
	// A leading possessive without its owner cannot start a title.
	for start < j && !r.wordToken(start) {
		start++
	}
	t := r.text[r.toks[start].Start:r.toks[j].End]
	if honorifics[strings.ToLower(t)] {
		return ""
	}
	return t
}

// appositionOpens reports whether the title run ending at j starts after a
// determiner, a comma or the start of a sentence: "his special envoy, X".
func (r *resolver) appositionOpens(j int, cover []bool, m *mention) bool {
	start := j
	for start-1 >= 0 && r.inRun(start-1, cover, m) {
		start--
	}
	p := start - 1
	if p >= 2 && (r.word(p) == "'s" || r.word(p) == "’s") && determiners[r.lower(p-2)] {
		return true // "the company's chief executive, Oliver Blume"
	}
	return p < 0 || determiners[r.lower(p)] || r.word(p) == "," || r.sentenceBreak(p)
}

func (r *resolver) closesApposition(k int) bool {
	switch r.word(k) {
	case ",", ".", ";", ")", "—", "–", "":
		return true
	}
	return false
}

// titleAfter returns an apposition title starting at token k: "NATO's
// secretary-general" in "Mark Rutte, NATO's secretary-general, said".
func (r *resolver) titleAfter(m *mention, k int, cover []bool) string {
	det := determiners[r.lower(k)]
	if det {
		k++
		// "Lindqvist, the union's chief negotiator,": a common noun's
		// possessive after the determiner owns the title, as in an
		// apposition before ("the company's chief executive, X").
		if k+1 < len(r.toks) && r.isPossessive(k+1) && r.wordToken(k) && !cover[k] && r.byToken[k] == nil {
			k += 2
		}
	}
	j := k
	if det && j+1 < len(r.toks) && cover[j+1] && !r.inRun(j, cover, m) && r.lowerNoun(j) {
		j++ // "Brnabic, the parliament speaker,": a noun bound to the title
	}
	hasTitle := false
	for j < len(r.toks) && r.inRun(j, cover, m) {
		if cover[j] {
			hasTitle = true
		}
		j++
	}
	if j == k || !hasTitle || !cover[j-1] {
		return ""
	}
	if !r.closesApposition(j) {
		// "head of Samsung's mobile business", "the EU commissioner for
		// migration": a short complement may follow the title's head.
		if j = r.complementEnd(j); j < 0 {
			return ""
		}
	}
	return r.text[r.toks[k].Start:r.toks[j-1].End]
}

// complementWords open the complement of a title in an apposition.
var complementWords = wordSet(`of for at in`)

// clauseWords end an apposition's complement: a relative pronoun, a verb
// or a conjunction says a clause has begun.
var clauseWords = wordSet(`who which that whose said says told tells is was are were has had have will would
and but or as when while`)

// maxComplement bounds a title's complement, in tokens.
const maxComplement = 6

// complementEnd returns the token after a title complement starting at j
// ("of Samsung's mobile business") when a comma, full stop or dash closes
// it within maxComplement tokens and no clause word comes first; else -1.
func (r *resolver) complementEnd(j int) int {
	if !complementWords[r.lower(j)] {
		return -1
	}
	for e := j + 1; e < len(r.toks) && e <= j+maxComplement; e++ {
		if r.closesApposition(e) {
			if e == j+1 {
				return -1
			}
			return e
		}
		if clauseWords[r.lower(e)] || r.toks[e].Kind == doc.Punct && !r.isPossessive(e) {
			return -1
		}
	}
	return -1
}

// lowerNoun reports whether token i is a lower-case word that may bind to
// a title after it ("parliament speaker", "union leader"): no determiner,
// possessive or clause word.
func (r *resolver) lowerNoun(i int) bool {
	w := r.word(i)
	if !r.wordToken(i) || determiners[w] || clauseWords[w] || complementWords[w] {
		return false
	}
	for _, c := range w {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return true
}

func (r *resolver) isPossessive(i int) bool {
	w := r.word(i)
	return w == "'s" || w == "’s"
}

func (r *resolver) wordToken(i int) bool {
	w := r.word(i)
	return r.toks[i].Kind == doc.Word && w != "’s" && w != "'s"
}

func (r *resolver) sentenceBreak(i int) bool {
	return r.toks[i].Kind == doc.Punct && r.word(i) != "’s"
}

func (c *cluster) addTitle(t string) {
	for _, x := range c.titles {
		if strings.EqualFold(x, t) {
			return
		}
	}
	c.titles = append(c.titles, t)
}

// addNominals finds role descriptions ("the Russian leader", "the US
// president", "the secretary-general") and adds each as a nominal mention
// of the most recently mentioned person whose titles match it.
func (r *resolver) addNominals(cover []bool) {
	for i := 0; i < len(r.toks); i++ {
		if !strings.EqualFold(r.word(i), "the") {
			continue
		}
		j := i + 1
		var qual *mention
		for j < len(r.toks) {
			if m := r.byToken[j]; m != nil && (m.typ == "GPE" || m.typ == "NORP" || m.typ == "ORG") && qual == nil {
				qual = m
				j = m.tj
				continue
			}
			if modifiers[r.lower(j)] && !cover[j] {
				j++
				continue
			}
			break
		}
		if j >= len(r.toks) {
			break
		}
		if qual == nil && orgNouns[r.lower(j)] && (j+1 >= len(r.toks) || !capitalisedWord(r.word(j+1))) {
			// "the company", "the airline": the organisation named last.
			if c := r.lastOrg(r.toks[i].Start); c != nil {
				c.nominals = append(c.nominals, doc.Mention{
					Start: r.toks[i].Start, End: r.toks[j].End,
					Text: r.text[r.toks[i].Start:r.toks[j].End], Kind: "nominal",
				})
			}
			i = j
			continue
		}
		role := ""
		end := j
		switch {
		case r.lower(j) == "leader":
			role, end = "leader", j+1
		case cover[j]:
			n, _ := r.gaz.MatchTitle(r.text, r.toks, j)
			if n == 0 {
				continue
			}
			role, end = strings.ToLower(r.text[r.toks[j].Start:r.toks[j+n-1].End]), j+n
		default:
			continue
		}
		// "the US President Donald Trump": a title before a name, not a
		// description standing for it.
		if end < len(r.toks) && (r.byToken[end] != nil || capitalisedWord(r.word(end))) {
			continue
		}
		if c := r.roleHolder(role, qual, r.toks[i].Start); c != nil {
			c.nominals = append(c.nominals, doc.Mention{
				Start: r.toks[i].Start, End: r.toks[end-1].End,
				Text: r.text[r.toks[i].Start:r.toks[end-1].End], Kind: "nominal",
			})
		}
		i = end - 1
	}
}

// orgNouns stand for an organisation named before: "the company said".
var orgNouns = wordSet(`company firm carrier airline automaker carmaker manufacturer bank lender insurer
retailer group conglomerate alliance organisation organization agency ministry`)

// maxOrgDistance bounds, in bytes, how far back "the company" looks for
// the organisation it stands for.
const maxOrgDistance = 600

// lastOrg returns the organisation mentioned last before pos, if it was
// mentioned close enough.
func (r *resolver) lastOrg(pos int) *cluster {
	// r.ms is sorted by start: walk back from pos only as far as the
	// distance allows (a scan from the start made long articles quadratic).
	k := sort.Search(len(r.ms), func(i int) bool { return r.ms[i].Start >= pos })
	for k--; k >= 0 && pos-r.ms[k].Start <= maxOrgDistance; k-- {
		c := r.of[r.ms[k]]
		if c.mainType() != "ORG" {
			continue
		}
		// Of mentions starting alike, the first in order.
		for ; k > 0 && r.ms[k-1].Start == r.ms[k].Start; k-- {
			if o := r.of[r.ms[k-1]]; o.mainType() == "ORG" {
				c = o
			}
		}
		return c
	}
	return nil
}

// roleHolder returns the person cluster mentioned last before pos whose
// titles fit role and qualifier.
func (r *resolver) roleHolder(role string, qual *mention, pos int) *cluster {
	var best *cluster
	bestAt := -1
	quals := r.qualifierForms(qual)
	for _, c := range r.clusters {
		if c.mainType() != "PERSON" || len(c.titles) == 0 {
			continue
		}
		last := -1
		for _, m := range c.mentions {
			if m.Start < pos {
				last = m.Start
			}
		}
		if last < 0 || last <= bestAt {
			continue
		}
		if !slices.ContainsFunc(c.titles, func(t string) bool { return titleFits(strings.ToLower(t), role, quals) }) {
			continue
		}
		best, bestAt = c, last
	}
	return best
}

// qualifierForms lists the lower-case spellings a nationality or state
// qualifier may take in a title: "Russian" → russian, russia.
func (r *resolver) qualifierForms(q *mention) []string {
	if q == nil {
		return nil
	}
	forms := []string{strings.ToLower(q.Text)}
	if e, ok := r.gaz.Lookup(q.Text); ok && e.Canonical != "" {
		forms = append(forms, strings.ToLower(e.Canonical))
	}
	if a, ok := aliases[q.Text]; ok {
		forms = append(forms, strings.ToLower(a))
		if a == "United States" {
			forms = append(forms, "us", "u.s.", "american")
		}
	}
	if q.Text == "American" {
		forms = append(forms, "us", "u.s.", "united states")
	}
	return forms
}

func titleFits(title, role string, quals []string) bool {
	ok := strings.Contains(title, role)
	if role == "leader" {
		ok = slices.ContainsFunc(headRoles, func(h string) bool { return strings.Contains(title, h) })
	}
	if !ok {
		return false
	}
	if len(quals) == 0 {
		return true
	}
	return slices.ContainsFunc(quals, func(q string) bool { return strings.Contains(title, q) })
}

func capitalisedWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
