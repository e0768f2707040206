package chunk

import (
	"strings"

	"dateline/internal/doc"
)

// subjectPreps are the prepositions whose object still names the subject's
// referent: "Secretary of State Marco Rubio", "a spokesman for the ministry".
var subjectPreps = set("of for from at")

// IsTime reports whether noun group c is a time expression and nothing else
// ("last month", "Wednesday").
func (a *Analysis) IsTime(c int) bool {
	ch := a.Chunks[c]
	for k := ch.Start; k < ch.End; k++ {
		if a.Words[k].Time < 0 && a.Words[k].Tag != Det {
			return false
		}
	}
	return true
}

// Window returns the chunks of chunk c's clause from up to before chunks
// before c to up to after chunks after it. Rules look at a bounded
// neighbourhood so that a sentence without punctuation thousands of words
// long costs linear time, not quadratic.
func (a *Analysis) Window(c, before, after int) []int {
	cs := a.Clauses[a.Chunks[c].Clause].Chunks
	if len(cs) == 0 {
		return nil
	}
	pos := c - cs[0]
	return cs[max(0, pos-before):min(len(cs), pos+after+1)]
}

// Subject returns the noun group that is the subject of verb group v, or -1.
// A clause without its own subject takes the antecedent of its relative
// pronoun, or the subject of the clause it continues (", saying ...", "and
// expected ..."). When the verb is passive the subject is its patient.
func (a *Analysis) Subject(v int) int {
	return a.subject(v, 0)
}

func (a *Analysis) subject(v, depth int) int {
	if v < 0 || v >= len(a.Chunks) || depth > 4 {
		return -1
	}
	cl := a.Clauses[a.Chunks[v].Clause]
	// The nearest plain noun group before the verb; if it names nothing,
	// the group it stands in apposition to ("his envoy, Steve Witkoff,").
	best, prev := -1, -1
	for _, ci := range a.Window(v, 40, 0) {
		if ci >= v {
			break
		}
		c := a.Chunks[ci]
		if c.Kind == VP || c.Prep >= 0 || a.IsTime(ci) {
			continue
		}
		prev, best = best, ci
	}
	// "for Russia to agree": the object of "for" is the subject of the
	// infinitive.
	if c := a.Chunks[v]; a.Words[c.Start].Tag == To && v > 0 {
		if p := a.Chunks[v-1]; p.Kind == NP && p.End == c.Start && p.Prep >= 0 && a.Words[p.Prep].Lower == "for" {
			return v - 1
		}
	}
	if best >= 0 && prev >= 0 && a.HeadMention(best, false) < 0 && a.Words[a.Chunks[best].Head].Tag != Pron &&
		a.commaAfter(best) && a.parenthetical(prev, best) && !a.hasVerbBetween(prev, best) {
		best = prev // "Imamoglu, the main rival of Erdogan, was detained"
	}
	if best >= 0 {
		return best
	}
	switch cl.Kind {
	case Relative:
		return a.antecedent(cl)
	case Conjunct, Participial:
		if cl.Parent >= 0 {
			if pv := a.FirstVerb(cl.Parent); pv >= 0 {
				return a.subject(pv, depth+1)
			}
		}
	}
	return -1
}

// commaAfter reports whether noun group c, with its of-phrases, is
// followed by a comma.
func (a *Analysis) commaAfter(c int) bool {
	end := a.Chunks[c].End
	for _, p := range a.PPs(c) {
		if !subjectPreps[a.PrepOf(p)] {
			break
		}
		end = a.Chunks[p].End
	}
	return end < len(a.Words) && a.Words[end].Tag == Comma
}

// parenthetical reports whether noun group ci stands in apposition to
// noun group first (", Steve Witkoff,").
func (a *Analysis) parenthetical(first, ci int) bool {
	f := a.Chunks[first]
	c := a.Chunks[ci]
	for k := f.End; k < c.Start; k++ {
		if a.Words[k].Tag == Comma {
			return true
		}
	}
	return false
}

func (a *Analysis) hasVerbBetween(x, y int) bool {
	for k := x + 1; k < y; k++ {
		if a.Chunks[k].Kind == VP {
			return true
		}
	}
	return false
}

// antecedent returns the noun group a relative clause hangs on.
func (a *Analysis) antecedent(cl Clause) int {
	for k := cl.Start - 1; k >= 0 && k >= cl.Start-3; k-- {
		if c := a.Words[k].Chunk; c >= 0 && a.Chunks[c].Kind == NP {
			return int(c)
		}
	}
	return -1
}

// FirstVerb returns the first verb group of clause cl, or -1.
func (a *Analysis) FirstVerb(cl int) int {
	cs := a.Clauses[cl].Chunks
	for _, ci := range cs[:min(len(cs), 60)] {
		if a.Chunks[ci].Kind == VP {
			return ci
		}
	}
	return -1
}

// Objects returns up to two noun groups that directly follow verb group v
// without a preposition ("told Rutte", "gave Russia a deadline").
func (a *Analysis) Objects(v int) []int {
	var out []int
	next := a.Chunks[v].End
	for ci := v + 1; ci < len(a.Chunks) && len(out) < 2; ci++ {
		c := a.Chunks[ci]
		if c.Clause != a.Chunks[v].Clause || c.Kind != NP || c.Prep >= 0 || !a.onlySkippable(next, c.Start) {
			break
		}
		if !a.IsTime(ci) {
			out = append(out, ci)
		}
		next = c.End
	}
	return out
}

// onlySkippable reports whether tokens [i, j) are quote marks or adverbs.
func (a *Analysis) onlySkippable(i, j int) bool {
	for k := i; k < j; k++ {
		if t := a.Words[k].Tag; t != Quote && t != Adv {
			return false
		}
	}
	return true
}

// PPs returns the prepositional noun groups that follow chunk c in a chain
// ("meeting [with Putin] [in Moscow]"), including those after a direct
// object when c is a verb group. It stops at the next verb group or clause
// boundary.
func (a *Analysis) PPs(c int) []int {
	var out []int
	next := a.Chunks[c].End
	for ci := c + 1; ci < len(a.Chunks); ci++ {
		ch := a.Chunks[ci]
		if ch.Clause != a.Chunks[c].Clause || ch.Kind != NP {
			break
		}
		from := ch.Start
		if ch.Prep >= 0 {
			from = ch.Prep
		}
		if !a.onlySkippable(next, from) {
			// "between Moscow and Washington": a conjunct shares the preposition.
			if !(ch.Prep >= 0 && from < next) {
				if !(ch.Prep >= 0 && a.onlyCoord(next, ch.Start)) {
					break
				}
			}
		}
		if ch.Prep >= 0 {
			out = append(out, ci)
		} else if a.Chunks[c].Kind != VP || ci > c+2 {
			break
		}
		next = ch.End
	}
	return out
}

func (a *Analysis) onlyCoord(i, j int) bool {
	for k := i; k < j; k++ {
		if t := a.Words[k].Tag; t != Coord && t != Quote {
			return false
		}
	}
	return true
}

// PrepOf returns the lower-case preposition governing noun group c, or "".
func (a *Analysis) PrepOf(c int) string {
	if p := a.Chunks[c].Prep; p >= 0 {
		return a.Words[p].Lower
	}
	return ""
}

// MentionsIn returns the indices of the mentions whose first token lies in
// tokens [start, end), in text order.
func (a *Analysis) MentionsIn(start, end int) []int {
	var out []int
	for k := start; k < end; k++ {
		m := a.Words[k].Ment
		if m >= 0 && (k == start || a.Words[k-1].Ment != m) && a.Mentions[m].First >= start {
			out = append(out, int(m))
		}
	}
	return out
}

// EntityType returns the type of mention m's entity.
func (a *Analysis) EntityType(m int) string {
	return a.Doc.Entities[a.Mentions[m].Entity].Type
}

// EntityID returns the id of mention m's entity.
func (a *Analysis) EntityID(m int) string {
	return a.Doc.Entities[a.Mentions[m].Entity].ID
}

// HeadMention returns the mention that noun group c refers to: the mention
// over its head; else the last PERSON mention in it or (when withPPs is
// set) in its of/for/from phrases ("Secretary of State Marco Rubio", "a
// spokesman for the ministry"); else a name right before its head ("the UN
// chief", "Russian drones"); else (withPPs) the first mention in those
// phrases. It returns -1 when the group names no entity.
func (a *Analysis) HeadMention(c int, withPPs bool) int {
	ch := a.Chunks[c]
	if m := a.Words[ch.Head].Ment; m >= 0 && (ch.Possessor < 0 || ch.Head > ch.Possessor) {
		return int(m)
	}
	start := ch.Start
	if ch.Possessor >= 0 {
		start = ch.Possessor + 2 // after "X’s"
	}
	last, person := -1, -1
	for _, m := range a.MentionsIn(start, ch.End) {
		last = m
		if a.EntityType(m) == doc.Person {
			person = m
		}
	}
	firstPP := -1
	if withPPs {
		for _, p := range a.PPs(c) {
			if !subjectPreps[a.PrepOf(p)] {
				break
			}
			for _, m := range a.MentionsIn(a.Chunks[p].Start, a.Chunks[p].End) {
				if firstPP < 0 {
					firstPP = m
				}
				if a.EntityType(m) == doc.Person {
					person = m
				}
			}
		}
	}
	switch {
	case person >= 0:
		return person
	case last >= 0 && a.nameBeforeHead(a.Mentions[last].Last, ch.Head):
		return last
	}
	return firstPP
}

// Text returns the text of tokens [start, end).
func (a *Analysis) Text(start, end int) string {
	if start >= end {
		return ""
	}
	return a.Doc.Text[a.Doc.Tokens[start].Start:a.Doc.Tokens[end-1].End]
}

// String renders the analysis with brackets, for tests and debugging:
// "[NP US President Donald Trump] [VP said] on:[NP Wednesday] |that ...".
func (a *Analysis) String() string {
	var b strings.Builder
	for si, s := range a.Sentences {
		if si > 0 {
			b.WriteString("\n")
		}
		cl := -1
		for i := s.First; i < s.End; {
			if c := int(a.Words[i].Clause); c != cl {
				if cl >= 0 {
					b.WriteString(" |")
				}
				cl = c
			}
			if b.Len() > 0 && b.String()[b.Len()-1] != '\n' {
				b.WriteByte(' ')
			}
			if ci := a.Words[i].Chunk; ci >= 0 && a.Chunks[ci].Start == i {
				c := a.Chunks[ci]
				kind := "NP"
				if c.Kind == VP {
					kind = "VP"
				}
				b.WriteString("[" + kind + " " + a.Text(c.Start, c.End) + "]")
				i = c.End
				continue
			}
			b.WriteString(a.Text(i, i+1))
			i++
		}
	}
	return b.String()
}

// nameBeforeHead reports whether a mention ending at token last modifies
// head: only non-entity nouns lie between ("Russian drones", "Iranian Drone
// Makers").
func (a *Analysis) nameBeforeHead(last, head int) bool {
	if last >= head {
		return last == head
	}
	for k := last + 1; k <= head; k++ {
		if t := a.Words[k].Tag; (t != Noun && t != Propn && t != Adj) || a.Words[k].Ment >= 0 {
			return false
		}
	}
	return head-last <= 3
}
