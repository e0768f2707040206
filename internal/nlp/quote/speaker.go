package quote

import (
	"sort"
	"strings"
	"unicode/utf8"

	"dateline/internal/doc"
)

// Gender evidence of an entity, from its mentions and titles.
const (
	unknownGender = iota
	maleGender
	femaleGender
)

// mref is one entity mention in text order.
type mref struct {
	start, end int
	ent        int
}

// resolver maps speaker phrases to entities.
type resolver struct {
	ments  []mref
	gender []uint8
	person []bool
	org    []bool // organisations, which "it" may speak for
	// last is the entity of the latest resolved speaker and where its phrase
	// ended: "he said" most often continues with the person just quoted.
	last, lastEnd int
	added         []pronounMention
	addedAt       map[int]bool // starts of added pronoun mentions
}

// pronounMention is a resolved pronoun speaker to add to its entity.
type pronounMention struct {
	ent        int
	start, end int
}

func newResolver(d *doc.Document) *resolver {
	r := &resolver{gender: make([]uint8, len(d.Entities)), person: make([]bool, len(d.Entities)),
		org: make([]bool, len(d.Entities)), last: -1}
	for ei, e := range d.Entities {
		r.person[ei] = e.Type == doc.Person
		r.org[ei] = e.Type == doc.Org
		var m, f int
		count := func(s string) {
			for _, w := range strings.Fields(strings.ToLower(s)) {
				w = strings.Trim(w, ",;:()")
				if male[w] {
					m++
				}
				if female[w] {
					f++
				}
			}
		}
		for _, mt := range e.Mentions {
			if mt.Start >= 0 && mt.End <= len(d.Text) && mt.Start < mt.End {
				r.ments = append(r.ments, mref{mt.Start, mt.End, ei})
			}
			count(mt.Text)
		}
		for _, t := range e.Titles {
			count(t)
		}
		switch {
		case m > f:
			r.gender[ei] = maleGender
		case f > m:
			r.gender[ei] = femaleGender
		}
	}
	sort.Slice(r.ments, func(i, j int) bool { return r.ments[i].start < r.ments[j].start })
	return r
}

// entityAt returns the entity with a mention covering the head (last
// token) of the phrase sp, else any mention inside the phrase, or -1.
func (r *resolver) entityAt(a *analysis, sp span) int {
	s, e := a.toks[sp[0]].Start, a.toks[sp[1]-1].End
	head := a.toks[sp[1]-1].Start
	best, bestEnd := -1, -1
	i := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].start >= e })
	for j := i - 1; j >= 0 && j >= i-64; j-- {
		m := r.ments[j]
		if m.end <= s {
			if m.start < s-200 {
				break
			}
			continue
		}
		if m.start <= head && head < m.end {
			return m.ent
		}
		if m.end > bestEnd && !a.modifierMention(sp, m.end) {
			best, bestEnd = m.ent, m.end
		}
	}
	return best
}

// modifierMention reports whether a mention ending at byte end inside the
// phrase sp only modifies its head: a possessor ("Orban's spokesman") or a
// name before another, unrecognised one ("People's Party leader Karl
// Nehrer"). Such a mention is not the speaker.
func (a *analysis) modifierMention(sp span, end int) bool {
	k := sp[0]
	for k < sp[1] && a.toks[k].Start < end {
		k++
	}
	if k < sp[1] && a.possessive(k) {
		return true
	}
	for ; k < sp[1]; k++ {
		if a.capitalised(k) {
			return true
		}
	}
	return false
}

// speaker resolves the speaker phrase sp to an entity index, or -1.
func (r *resolver) speaker(a *analysis, sp span) int {
	if a.relativePronoun(sp) {
		if ante, ok := a.antecedent(sp[0], max(0, sp[0]-maxReach)); ok {
			return r.speaker(a, ante)
		}
		return -1
	}
	if e := r.entityAt(a, sp); e >= 0 {
		return e
	}
	if sp[1]-sp[0] != 1 {
		return -1
	}
	var want uint8
	switch a.low(sp[0]) {
	case "he":
		want = maleGender
	case "she":
		want = femaleGender
	case "it":
		return r.organisation(a.toks[sp[0]].Start)
	default:
		return -1
	}
	p := a.toks[sp[0]].Start
	if r.last >= 0 && p-r.lastEnd < window && r.person[r.last] && r.gender[r.last] != other(want) &&
		(want == maleGender || r.gender[r.last] == femaleGender) {
		return r.last
	}
	return r.pronoun(a, p, want)
}

// itWindow is how far back (in bytes) "it" looks for the organisation
// it speaks for: about a paragraph, as "it" rarely reaches further.
const itWindow = 600

// organisation returns the organisation an "it" speaker at byte p stands
// for ("The airline said … It apologised and said …"): the latest resolved
// speaker when that is an organisation close before, else the nearest
// organisation mention close before, or -1.
func (r *resolver) organisation(p int) int {
	if r.last >= 0 && r.org[r.last] && p-r.lastEnd < itWindow {
		return r.last
	}
	i := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].start >= p })
	for j := i - 1; j >= 0; j-- {
		m := r.ments[j]
		if m.start < p-itWindow {
			break
		}
		if m.end <= p && r.org[m.ent] {
			return m.ent
		}
	}
	return -1
}

func other(g uint8) uint8 {
	if g == maleGender {
		return femaleGender
	}
	return maleGender
}

// noteSpeaker records a resolved speaker phrase: it becomes the latest
// speaker, and a pronoun phrase a new mention of its entity.
func (r *resolver) noteSpeaker(a *analysis, sp span, ent int) {
	r.last, r.lastEnd = ent, a.toks[sp[1]-1].End
	r.notePronoun(a, sp, ent)
}

// window is how far back (in bytes) a pronoun looks for its person.
const window = 2500

// pronoun returns the person a he or she at byte p refers to: the nearest
// preceding person mention whose entity shows no other gender; for she, a
// person known to be female is preferred over a nearer unknown one.
func (r *resolver) pronoun(a *analysis, p int, want uint8) int {
	i := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].start >= p })
	fallback := -1
	for j := i - 1; j >= 0; j-- {
		m := r.ments[j]
		if m.start < p-window {
			break
		}
		if m.end > p || !r.person[m.ent] {
			continue
		}
		g := r.gender[m.ent]
		switch {
		case g == want:
			return m.ent
		case g == unknownGender && fallback < 0:
			if want == maleGender {
				return m.ent
			}
			fallback = m.ent
		}
	}
	if fallback >= 0 && want == femaleGender && a.genderedNounBetween(paragraphStart(a, p), p, female) {
		// "I tell the first lady … And she said": a woman named by a
		// description in the paragraph is a likelier referent than a person
		// whose gender is unknown.
		return -1
	}
	return fallback
}

// genderedNounBetween reports whether a word of set (other than a pronoun)
// lies between bytes s and e.
func (a *analysis) genderedNounBetween(s, e int, set map[string]bool) bool {
	i := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= s })
	for ; i < len(a.toks) && a.toks[i].End <= e; i++ {
		w := a.low(i)
		if set[w] && !pronouns[w] && w != "her" && w != "hers" && w != "herself" {
			return true
		}
	}
	return false
}

// notePronoun records a resolved pronoun speaker as a new mention of its
// entity when no mention of it covers the pronoun yet.
func (r *resolver) notePronoun(a *analysis, sp span, ent int) {
	if sp[1]-sp[0] != 1 || !a.is(sp[0], pronouns) || a.relativePronoun(sp) {
		return
	}
	s, e := a.toks[sp[0]].Start, a.toks[sp[0]].End
	i := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].start >= e })
	for j := i - 1; j >= 0 && r.ments[j].start >= s-200; j-- {
		if r.ments[j].start < e && s < r.ments[j].end {
			return // already a mention, of this or another entity
		}
	}
	if r.addedAt[s] {
		return
	}
	if r.addedAt == nil {
		r.addedAt = map[int]bool{}
	}
	r.addedAt[s] = true
	r.added = append(r.added, pronounMention{ent, s, e})
}

// addPronouns adds the recorded pronoun mentions to their entities, keeping
// each entity's mentions in text order. Each touched entity is appended to
// and sorted once: inserting one by one would be quadratic in an article
// where one speaker is "he" thousands of times.
func (r *resolver) addPronouns(d *doc.Document) {
	touched := map[int]bool{}
	for _, p := range r.added {
		e := &d.Entities[p.ent]
		e.Mentions = append(e.Mentions, doc.Mention{Start: p.start, End: p.end, Text: d.Text[p.start:p.end], Kind: "pronoun"})
		touched[p.ent] = true
	}
	for ei := range touched {
		ms := d.Entities[ei].Mentions
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	}
}

func decodeRune(s string) (rune, int)     { return utf8.DecodeRuneInString(s) }
func decodeLastRune(s string) (rune, int) { return utf8.DecodeLastRuneInString(s) }

// paragraphStart returns the byte offset where the paragraph holding byte p
// starts.
func paragraphStart(a *analysis, p int) int {
	for i := p - 1; i >= 0 && p-i < window; i-- {
		if a.text[i] == '\n' {
			return i + 1
		}
	}
	return max(0, p-window)
}
