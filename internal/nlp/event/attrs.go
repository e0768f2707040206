package event

import (
	"strings"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk"
)

// anchorPreps make a time a reference point, not the event's own time:
// "two days before a Friday deadline", "until Friday".
var anchorPreps = setOf(`before after until till by since within ahead`)

// policyAnchor words date what a statement announces: "effective April 2".
var policyAnchor = setOf(`effective starting from`)

// attachTime picks the event time of m and its modality and negation when m
// is a verb.
func (x *extractor) attachTime(m *mention) {
	a := x.a
	if m.verb {
		v := a.Chunks[m.chunk]
		if v.Neg {
			m.attrs.Negated = true
		}
		if x.hypothetical(m.chunk) {
			m.attrs.Modality = "hypothetical"
		}
		x.durationPP(m, a.PPs(m.chunk))
	}
	if x.claimed(m) {
		m.attrs.Modality = "claimed"
	}
	if m.timeRank == 3 {
		return
	}
	// Times attached to the trigger's own phrases.
	var own []int
	if m.verb {
		own = a.PPs(m.chunk)
	} else {
		own = a.PPs(m.chunk)
	}
	for _, p := range own {
		if adjunctPreps[a.PrepOf(p)] && !(m.typ == Ultimatum && anchorPreps[a.PrepOf(p)]) {
			break
		}
		if t := x.eventTime(a.Chunks[p].Head, m.typ); t >= 0 {
			m.time, m.timeRank = t, 3
			return
		}
	}
	clause := a.Words[m.tok].Clause
	sent := sentenceOf(a, m.tok)
	s := a.Sentences[sent]
	bestDist := 1 << 30
	for k := max(s.First, m.tok-80); k < min(s.End, m.tok+80); k++ {
		t := int(a.Words[k].Time)
		if t < 0 || k > s.First && int(a.Words[k-1].Time) == t {
			continue
		}
		if x.eventTime(k, m.typ) < 0 || x.isAnchor(k) || x.premodOfOther(k, m) {
			continue
		}
		rank := 1
		if a.Words[k].Clause == clause {
			rank = 2
		}
		if m.typ == Statement || m.typ == Claim {
			// A statement's time is said with it ("said on Wednesday");
			// another date in its sentence is what it is about.
			if rank < 2 || k > 0 && policyAnchor[a.Words[k-1].Lower] {
				continue
			}
		}
		dist := k - m.tok
		if dist < 0 {
			dist = -dist
		}
		if rank > m.timeRank || rank == m.timeRank && dist < bestDist {
			m.time, m.timeRank, bestDist = t, rank, dist
		}
	}
}

// eventTime returns the time index at token k if it can be an event's time
// (a date or time of day, not a duration or set), else -1.
func (x *extractor) eventTime(k int, typ string) int {
	t := x.a.Words[k].Time
	if t < 0 {
		return -1
	}
	switch x.a.Doc.Times[t].Type {
	case doc.Date, doc.TimeOfDay:
		return int(t)
	}
	return -1
}

// isAnchor reports whether the time at token k is governed by a preposition
// that makes it a reference point.
func (x *extractor) isAnchor(k int) bool {
	a := x.a
	c := a.Words[k].Chunk
	if c < 0 {
		return false
	}
	return anchorPreps[a.PrepOf(int(c))]
}

// premodOfOther reports whether the time at token k premodifies another noun
// trigger ("a Friday deadline" is the deadline's time, not the meeting's).
func (x *extractor) premodOfOther(k int, m *mention) bool {
	a := x.a
	c := a.Words[k].Chunk
	if c < 0 || int(c) == m.chunk {
		return false
	}
	ch := a.Chunks[c]
	h := a.Words[ch.Head]
	if h.Time >= 0 {
		return false
	}
	_, ok := lex.nouns[h.Lower]
	return ok
}

// claimed reports whether m sits in the complement of a claim verb: "Trump
// claimed he could end the conflict".
func (x *extractor) claimed(m *mention) bool {
	a := x.a
	cl := a.Clauses[a.Words[m.tok].Clause]
	if m.verb {
		// "accused Kyiv of attacking a pipeline"
		if st := a.Chunks[m.chunk].Start; st > 0 && a.Words[st-1].Lower == "of" {
			for _, ci := range a.Window(m.chunk, 12, 0) {
				if ci < m.chunk && a.Chunks[ci].Kind == chunk.VP && claimVerbs[lemma(a, a.Chunks[ci].Head)] {
					return true
				}
			}
		}
	}
	if cl.Kind != chunk.Comp || cl.Parent < 0 {
		return false
	}
	pv := -1
	pcs := a.Clauses[cl.Parent].Chunks
	for _, ci := range pcs[max(0, len(pcs)-20):] {
		if a.Chunks[ci].Kind == chunk.VP {
			pv = ci
		}
	}
	return pv >= 0 && claimVerbs[lemma(a, a.Chunks[pv].Head)]
}

// count finds how many times an event happened: "the fifth time the two men
// have met", "met twice", "three rounds of talks".
func (x *extractor) count(m *mention) {
	a := x.a
	s := a.Sentences[sentenceOf(a, m.tok)]
	for k := max(s.First, m.tok-15); k < m.tok; k++ {
		w := &a.Words[k]
		if w.Lower != "time" && w.Lower != "times" || k == 0 {
			continue
		}
		if n := ordinal(a.Words[k-1].Lower); n > 0 && m.tok-k < 12 {
			m.attrs.Count = n
		}
	}
	if m.verb {
		end := a.Chunks[m.chunk].End
		for k := end; k < s.End && k < end+8; k++ {
			w := &a.Words[k]
			// "met for the 40th time"
			if (w.Lower == "time" || w.Lower == "times") && k > 0 {
				if n := ordinal(a.Words[k-1].Lower); n > 0 {
					m.attrs.Count = n
					break
				}
			}
			if w.Lower == "twice" || w.Lower == "once" || w.Lower == "thrice" {
				m.attrs.Count = cardinals[w.Lower]
				break
			}
			if (w.Lower == "times") && k > 0 {
				if n, ok := cardinals[a.Words[k-1].Lower]; ok {
					m.attrs.Count = n
				}
				break
			}
			if w.Tag == chunk.Stop || w.Tag == chunk.Comma {
				break
			}
		}
	}
}

// describeVerbs judge their object with the words after it: "described the
// talks as useful", "called the meeting constructive".
var describeVerbs = setOf(`describe call term hail characterise characterize label deem consider find`)

// evaluations collects the evaluative words used of each noun mention: its
// premodifiers ("highly productive meeting"), a judging verb ("described the
// talks as “useful” and “constructive”") and a copula ("the talks were
// constructive").
func (x *extractor) evaluations() {
	a := x.a
	for i := range x.ms {
		m := &x.ms[i]
		if m.verb {
			continue
		}
		c := a.Chunks[m.chunk]
		for k := c.Start; k < m.tok; k++ {
			if evaluative[a.Words[k].Lower] {
				m.attrs.Evaluation = append(m.attrs.Evaluation, x.withIntensifier(k))
			}
		}
		// A judging verb with this group as object.
		for _, ci := range a.Window(m.chunk, 3, 0) {
			v := a.Chunks[ci]
			if v.Kind != chunk.VP || ci > m.chunk {
				continue
			}
			objs := a.Objects(ci)
			if len(objs) == 0 || objs[0] != m.chunk || !describeVerbs[lemma(a, v.Head)] {
				continue
			}
			m.attrs.Evaluation = append(m.attrs.Evaluation, x.adjectivesAfter(c.End)...)
		}
		// A copula with this group as subject.
		for _, ci := range a.Window(m.chunk, 0, 6) {
			v := a.Chunks[ci]
			if v.Kind == chunk.VP && ci > m.chunk && a.Words[v.Head].Lemma == "be" && a.Subject(ci) == m.chunk {
				m.attrs.Evaluation = append(m.attrs.Evaluation, x.adjectivesAfter(v.End)...)
				break
			}
		}
	}
}

// adjectivesAfter returns the adjectives from token k on, through "as",
// quote marks, commas and "and" ("as “useful” and “constructive,”").
func (x *extractor) adjectivesAfter(k int) []string {
	a := x.a
	var out []string
	for ; k < len(a.Words); k++ {
		w := &a.Words[k]
		switch {
		case w.Tag == chunk.Quote || w.Tag == chunk.Comma || w.Lower == "and" || w.Lower == "as" || intensifiers[w.Lower]:
			continue
		case w.Tag == chunk.Adj || evaluative[w.Lower]:
			out = append(out, x.withIntensifier(k))
			continue
		}
		break
	}
	return out
}

// withIntensifier returns the word at k with an intensifier before it.
func (x *extractor) withIntensifier(k int) string {
	a := x.a
	if k > 0 && intensifiers[a.Words[k-1].Lower] {
		return strings.ToLower(a.Text(k-1, k+1))
	}
	return a.Words[k].Lower
}

// ordinal returns the number of an ordinal word ("fifth", "40th"), or 0.
func ordinal(w string) int {
	if n, ok := ordinals[w]; ok {
		return n
	}
	if len(w) < 3 || len(w) > 6 {
		return 0
	}
	switch w[len(w)-2:] {
	case "st", "nd", "rd", "th":
	default:
		return 0
	}
	n := 0
	for _, c := range w[:len(w)-2] {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// deriveTimes dates an undated report in the past tense by the dated report
// of the same speaker just before it: "Trump said on Wednesday ... .
// “...,” Trump wrote on Truth Social." News tells one day's statements
// together, and the first carries the date.
func (x *extractor) deriveTimes() {
	a := x.a
	for i := range x.ms {
		m := &x.ms[i]
		if m.time >= 0 || !m.verb || m.typ != Statement && m.typ != Claim || !a.Chunks[m.chunk].PastT {
			continue
		}
		speaker := m.speaker()
		if speaker == "" {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-8; j-- {
			o := &x.ms[j]
			if x.sentence(m.tok)-x.sentence(o.tok) > 5 || x.paragraphBreak(o.tok, m.tok) {
				break
			}
			if !o.verb || o.typ != Statement && o.typ != Claim {
				continue
			}
			if o.speaker() != speaker {
				break // someone else spoke in between
			}
			if o.time >= 0 && o.timeRank >= 2 && a.Chunks[o.chunk].PastT {
				m.time, m.timeRank = o.time, 1
				break
			}
		}
	}
}

// speaker returns the entity id of m's speaker, or "".
func (m *mention) speaker() string {
	for _, p := range m.parts {
		if p.Role == doc.SpeakerRole {
			return p.Entity
		}
	}
	return ""
}

// paragraphBreak reports whether a blank line separates tokens i < j.
func (x *extractor) paragraphBreak(i, j int) bool {
	toks := x.a.Doc.Tokens
	return strings.Contains(x.a.Doc.Text[toks[i].End:toks[j].Start], "\n\n")
}
