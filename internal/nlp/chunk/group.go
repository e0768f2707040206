package chunk

import (
	"slices"
	"strings"

	"dateline/internal/doc"
)

// ClauseKind says how a clause hangs on the one before it.
type ClauseKind uint8

// Clause kinds.
const (
	Main        ClauseKind = iota // an independent clause
	Comp                          // a complement: "(said) that ...", "(claimed) he could ..."
	Relative                      // "who ...", "which ..."
	Adverbial                     // "because ...", "if ...", "while ..."
	Conjunct                      // "and expected ...", "but he recently admitted ..."
	Participial                   // ", saying ..."
	Quoted                        // a stretch opened by a quotation mark
)

// reportLemmas are verbs that take a bare complement clause: "said he had".
var reportLemmas = set(`say tell claim think believe add insist admit announce warn suggest argue hope
fear deny predict note report acknowledge expect assert contend allege explain write confirm reveal
state stress emphasise emphasize vow promise know understand indicate agree declare reply`)

// chunk groups the tokens of every sentence into noun and verb groups.
func (a *Analysis) chunk() {
	a.Chunks = slices.Grow(a.Chunks[:0], len(a.Words)/2+1)
	for _, s := range a.Sentences {
		a.chunkSentence(s.First, s.End)
	}
}

func (a *Analysis) tagAt(i, end int) Tag {
	if i < end && i >= 0 {
		return a.Words[i].Tag
	}
	return Other
}

// startsNP reports whether a noun group can start at token i (skipping
// opening quote marks).
func (a *Analysis) startsNP(i, end int) bool {
	for i < end && a.Words[i].Tag == Quote {
		i++
	}
	switch a.tagAt(i, end) {
	case Det, Num, Adj, Noun, Propn, Pron:
		return true
	case Poss:
		return a.Words[i].Lower != "’s" && a.Words[i].Lower != "'s"
	case Adv:
		return a.tagAt(i+1, end) == Adj
	}
	return false
}

func (a *Analysis) startsVP(i, end int) bool {
	switch a.tagAt(i, end) {
	case Aux, Modal, Verb:
		return true
	case Neg:
		return a.Words[i].Lower != "no"
	case Adv:
		for j := i + 1; j < end; j++ {
			switch a.Words[j].Tag {
			case Adv:
				continue
			case Verb, Aux, Modal:
				return true
			}
			return false
		}
	case To:
		t := a.tagAt(i+1, end)
		return t == Verb || t == Aux || t == Adv && a.tagAt(i+2, end) == Verb
	}
	return false
}

func (a *Analysis) chunkSentence(first, end int) {
	prep := -1
	for i := first; i < end; {
		w := &a.Words[i]
		switch {
		case w.Tag == To && a.startsVP(i, end):
			i = a.verbGroup(i, end)
			prep = -1
		case (w.Tag == Prep || w.Tag == To) && a.startsNP(i+1, end):
			prep = i
			i++
		case a.startsNP(i, end) && !(w.Tag == Adv && a.startsVP(i, end)):
			i = a.nounGroup(i, end, prep)
			prep = -1
			// "between Moscow and Washington": the second conjunct shares
			// the preposition.
			if i+1 < end && a.Words[i].Tag == Coord && a.Words[i].Lower == "and" && a.startsNP(i+1, end) {
				last := &a.Chunks[len(a.Chunks)-1]
				if last.Prep >= 0 && a.Words[i+1].Tag != Pron {
					prep = last.Prep
					i++
				}
			}
		case a.startsVP(i, end):
			i = a.verbGroup(i, end)
			prep = -1
		default:
			i++
			if w.Tag != Quote {
				prep = -1
			}
		}
	}
}

// nounGroupEnd returns the end of the noun group starting at i.
func (a *Analysis) nounGroupEnd(i, end int) int {
	for i < end && a.Words[i].Tag == Quote {
		i++
	}
	if i < end && a.Words[i].Tag == Pron {
		return a.extendMention(i, i+1)
	}
	j := i
	for j < end {
		t := a.Words[j].Tag
		if j > i+1 && (a.Words[j-1].Lower == "time" || a.Words[j-1].Lower == "times") && t != Noun && t != Adj {
			// "the third time Erdogan and Aliyev have met"
			return a.extendMention(i, j)
		}
		if j > i && a.timeCut(j) {
			// A time expression is a group of its own ("the Oval Office |
			// last month", "Wednesday | Trump said") unless it premodifies
			// a noun ("a Friday deadline").
			return a.extendMention(i, j)
		}
		switch {
		case j == i && (t == Det || t == Poss):
			j++
		case t.nominal():
			j++
		case t == Adv && a.tagAt(j+1, end) == Adj:
			j++
		case t == Poss && j > i && (a.Words[j].Lower == "’s" || a.Words[j].Lower == "'s") && a.tagAt(j+1, end).nominal():
			j++
		case t == Quote && j+1 < end && (a.Words[j+1].Tag.nominal() || a.Words[j+1].Tag == Adv && a.tagAt(j+2, end) == Adj) &&
			(j == i || a.Words[j-1].Tag == Det || a.Words[j-1].Tag == Adj || a.Words[j-1].Tag == Poss):
			j++ // “highly productive meeting”
		case t == Det && j > i && a.Words[j-1].Tag == Poss:
			j++
		default:
			return a.extendMention(i, j)
		}
	}
	return a.extendMention(i, j)
}

// extendMention stretches a group ending at j so it does not cut an entity
// mention in two.
func (a *Analysis) extendMention(i, j int) int {
	if j > i && j < len(a.Words) {
		if m := a.Words[j-1].Ment; m >= 0 && a.Mentions[m].Last >= j {
			return a.Mentions[m].Last + 1
		}
	}
	return j
}

func (a *Analysis) nounGroup(i, end, prep int) int {
	start := i
	for start < end && a.Words[start].Tag == Quote {
		start++
	}
	j := a.nounGroupEnd(start, end)
	if j > end {
		j = end
	}
	if j <= start {
		return i + 1
	}
	c := Chunk{Kind: NP, Start: start, End: j, Head: j - 1, Prep: prep, Possessor: -1}
	for k := j - 1; k >= start; k-- {
		t := a.Words[k].Tag
		if t == Noun || t == Propn || t == Pron || t == Num {
			c.Head = k
			break
		}
	}
	for k := start; k < j; k++ {
		if a.Words[k].Tag == Poss && (a.Words[k].Lower == "’s" || a.Words[k].Lower == "'s") && k > start {
			c.Possessor = k - 1
		}
	}
	a.addChunk(c)
	return j
}

func (a *Analysis) verbGroup(i, end int) int {
	c := Chunk{Kind: VP, Start: i, Head: -1, Prep: -1, Possessor: -1}
	j := i
	sawBe, sawHave, finitePast := false, false, false
	for j < end {
		w := &a.Words[j]
		switch w.Tag {
		case To, Adv:
			if j+1 < end && (a.Words[j+1].Tag == Verb || a.Words[j+1].Tag == Aux || a.Words[j+1].Tag == Adv || a.Words[j+1].Tag == Neg) {
				j++
				continue
			}
		case Neg:
			if w.Lower != "no" {
				c.Neg = true
				j++
				continue
			}
		case Modal:
			if c.Head < 0 && c.Modal == "" {
				c.Modal = w.Lower
			}
			j++
			continue
		case Aux:
			if c.Head >= 0 && a.Words[c.Head].Tag == Verb {
				break // a new group
			}
			if c.Head < 0 && c.Modal == "" && !sawBe && !sawHave {
				switch w.Lower {
				case "was", "were", "had", "did":
					finitePast = true
				}
			}
			sawBe = sawBe || w.Lemma == "be"
			sawHave = sawHave || w.Lemma == "have"
			c.Head = j
			j++
			continue
		case Verb:
			if c.Head >= 0 && a.Words[c.Head].Tag == Verb {
				break
			}
			if c.Head < 0 && c.Modal == "" && w.Form == Past {
				finitePast = true
			}
			c.Head = j
			if sawBe && (w.Form == Past || w.Form == PastPart) {
				c.Passive = true
			}
			if sawHave && (w.Form == Past || w.Form == PastPart) {
				c.Perfect = true
			}
			j++
			continue
		}
		break
	}
	if c.Head < 0 {
		return i + 1
	}
	c.End = c.Head + 1
	c.PastT = finitePast
	a.addChunk(c)
	return c.End
}

func (a *Analysis) addChunk(c Chunk) {
	idx := int32(len(a.Chunks))
	a.Chunks = append(a.Chunks, c)
	for k := c.Start; k < c.End; k++ {
		a.Words[k].Chunk = idx
	}
}

// clauses cuts each sentence into clauses and assigns chunks to them.
func (a *Analysis) clauses() {
	a.Clauses = slices.Grow(a.Clauses[:0], 2*len(a.Sentences)+1)
	for si, s := range a.Sentences {
		cur := a.openClause(s.First, si, -1, -1, Main)
		for i := s.First; i < s.End; i++ {
			if i > a.Clauses[cur].Start && a.boundary(i, s.End, a.Clauses[cur].Start) {
				kind, opener := a.clauseKind(i)
				a.Clauses[cur].End = i
				parent := cur
				cur = a.openClause(i, si, opener, parent, kind)
			}
			a.Words[i].Clause = int32(cur)
		}
		a.Clauses[cur].End = s.End
	}
	// "after Washington raised tariffs": a preposition that opens a clause
	// governs no noun group; the group is the clause's subject.
	for _, cl := range a.Clauses {
		if cl.Opener >= 0 && a.Words[cl.Opener].Tag == Prep && cl.Opener+1 < len(a.Words) {
			if ci := a.Words[cl.Opener+1].Chunk; ci >= 0 && a.Chunks[ci].Prep == cl.Opener {
				a.Chunks[ci].Prep = -1
			}
		}
	}
	// Chunks are in text order and so are clauses: every clause's chunks
	// are a run of one shared index slice.
	idx := grow(a.chunkIdx, len(a.Chunks))
	a.chunkIdx = idx
	for ci := range a.Chunks {
		idx[ci] = ci
		c := &a.Chunks[ci]
		cl := int(a.Words[c.Start].Clause)
		c.Clause = cl
		if cs := a.Clauses[cl].Chunks; cs == nil {
			a.Clauses[cl].Chunks = idx[ci : ci+1 : ci+1]
		} else {
			a.Clauses[cl].Chunks = idx[cs[0] : ci+1 : ci+1]
		}
	}
}

func (a *Analysis) openClause(start, sent, opener, parent int, kind ClauseKind) int {
	a.Clauses = append(a.Clauses, Clause{Start: start, End: start, Sentence: sent, Opener: opener, Parent: parent, Kind: kind})
	return len(a.Clauses) - 1
}

// boundary reports whether a new clause starts at token i.
func (a *Analysis) boundary(i, end, start int) bool {
	w := &a.Words[i]
	prev := a.Words[i-1].Tag
	switch w.Tag {
	case Sub:
		return true
	case Prep:
		// "as Washington pushes": a subordinating "as", "after", "before".
		if c := a.Words[i+1:]; len(c) > 0 && a.startsNP(i+1, end) && (w.Lower == "as" || w.Lower == "after" || w.Lower == "before" || w.Lower == "since" || w.Lower == "until") {
			j := a.nounGroupEnd(i+1, end)
			return j < end && a.startsVP(j, end) && a.Words[j].Tag != To
		}
	case Rel:
		return prev == Noun || prev == Propn || prev == Comma || prev == Pron
	case Semi:
		return true
	case Quote:
		if next := a.tagAt(i+1, end); next == Verb && a.Words[i+1].Form == Gerund {
			return false // ",” saying": the participle opens the clause
		}
		return prev == Comma || prev == Stop || prev == Semi
	case Coord:
		if w.Lower == "and" || w.Lower == "but" || w.Lower == "or" {
			if a.startsVP(i+1, end) && a.Words[i+1].Tag != To {
				return true
			}
			if a.startsNP(i+1, end) && a.Words[i+1].Chunk >= 0 && (prev == Comma || a.Words[i+1].Tag == Pron) {
				// A new subject, with its of-phrases: "but US Secretary of
				// State Marco Rubio said".
				ci := int(a.Words[i+1].Chunk)
				for ci+1 < len(a.Chunks) && a.Chunks[ci+1].Kind == NP && a.Chunks[ci+1].Prep >= 0 && a.Chunks[ci+1].Prep == a.Chunks[ci].End {
					ci++
				}
				c := a.Chunks[ci]
				if c.Kind == NP && c.End < end && a.startsVP(c.End, end) && a.Words[c.End].Tag != To {
					return true
				}
			}
		}
	case Verb:
		if prev == Quote && i > 1 && a.Words[i-2].Tag == Comma && w.Form == Gerund {
			prev = Comma
		}
		// ", saying ...", ", killing ...": a participle after a clause
		// with a verb of its own. (After "X, his envoy," the verb is X's.)
		if prev == Comma && (w.Form == Gerund || w.Form == Past || w.Form == PastPart) && a.hasVerb(start, i) {
			return true
		}
	case Stop:
		return false
	}
	// A trailing attribution: "..., the Kremlin said." / "..., said Kallas."
	if prev == Comma && a.trailingReport(i, end) {
		return true
	}
	// A bare complement after a reporting verb: "said he had spoken".
	if ch := w.Chunk; ch >= 0 && a.Chunks[ch].Kind == NP && a.Chunks[ch].Start == i && a.Chunks[ch].Prep < 0 && i > 0 {
		if pc := a.Words[i-1].Chunk; pc >= 0 && a.Chunks[pc].Kind == VP && reportLemmas[a.Words[a.Chunks[pc].Head].Lemma] {
			// The complement's subject may carry phrases: "said a public
			// tender for the route could be held".
			e := a.Chunks[ch].End
			for n := 0; n < 4 && e+1 < end && (a.Words[e].Tag == Prep || a.Words[e].Tag == To); n++ {
				c := a.Words[e+1].Chunk
				if c < 0 || a.Chunks[c].Kind != NP || a.Chunks[c].Prep != e {
					break
				}
				e = a.Chunks[c].End
			}
			if e < end && a.startsVP(e, end) && a.Words[e].Tag != To {
				return true
			}
		}
	}
	return false
}

func (a *Analysis) clauseKind(i int) (ClauseKind, int) {
	w := &a.Words[i]
	switch w.Tag {
	case Prep:
		return Adverbial, i
	case Sub:
		// "a problem that demands ...": after a noun, "that" is relative.
		if w.Lower == "that" && i > 0 && (a.Words[i-1].Tag == Noun || a.Words[i-1].Tag == Propn) && !a.nounTakesClause(i-1) {
			return Relative, i
		}
		if w.Lower == "that" || w.Lower == "whether" || w.Lower == "if" && a.prevVerbReport(i) {
			return Comp, i
		}
		return Adverbial, i
	case Rel:
		return Relative, i
	case Semi:
		return Main, i
	case Quote:
		return Quoted, i
	case Coord:
		return Conjunct, i
	case Verb:
		return Participial, -1
	}
	return Comp, -1
}

func (a *Analysis) prevVerbReport(i int) bool {
	if i > 0 {
		if c := a.Words[i-1].Chunk; c >= 0 && a.Chunks[c].Kind == VP {
			return reportLemmas[a.Words[a.Chunks[c].Head].Lemma]
		}
	}
	return false
}

// timeCut reports whether a noun group must end before token j because a
// time expression starts or ends there.
func (a *Analysis) timeCut(j int) bool {
	in, was := a.Words[j].Time >= 0, a.Words[j-1].Time >= 0
	switch {
	case in && !was:
		t := a.Words[j-1].Tag
		return t == Noun || t == Propn || t == Num
	case was && !in:
		if strings.Contains(a.Text(j-1, j), "-") && a.Doc.Times[a.Words[j-1].Time].Type == doc.Duration {
			return false // "Three-hour Kremlin talks"
		}
		return a.Words[j].Tag != Noun && a.Words[j].Tag != Adj
	case in && was:
		return a.Words[j].Time != a.Words[j-1].Time
	}
	return false
}

// trailingReport reports whether tokens from i to the end of the sentence
// are an attribution: a noun group and a reporting verb, or the reverse.
func (a *Analysis) trailingReport(i, end int) bool {
	ci := a.Words[i].Chunk
	if ci < 0 || a.Chunks[ci].Start != i {
		return false
	}
	c := a.Chunks[ci]
	var v Chunk
	switch {
	case c.Kind == NP && c.Prep < 0 && int(ci)+1 < len(a.Chunks):
		v = a.Chunks[ci+1]
		if v.Kind != VP || v.Start != c.End {
			return false
		}
	case c.Kind == VP:
		v = c
	default:
		return false
	}
	if !reportLemmas[a.Words[v.Head].Lemma] {
		return false
	}
	// Only noun groups and commas may follow, up to the sentence end.
	for k := v.End; k < end; k++ {
		t := a.Words[k].Tag
		if t == Stop || t == Quote {
			continue
		}
		if ch := a.Words[k].Chunk; ch >= 0 && a.Chunks[ch].Kind == NP || t == Comma {
			continue
		}
		return false
	}
	return true
}

// hasVerb reports whether tokens [i, j) hold a verb group.
func (a *Analysis) hasVerb(i, j int) bool {
	for k := i; k < j; k++ {
		if c := a.Words[k].Chunk; c >= 0 && a.Chunks[c].Kind == VP {
			return true
		}
	}
	return false
}

// clauseNouns take a "that" complement rather than a relative clause: "the
// claim that ...", "reports that ...".
var clauseNouns = set(`claim claims report reports news statement fact belief hope fear warning warnings
allegation allegations accusation accusations assurance assurances promise sign signs evidence idea view
suggestion suggestions insistence demand demands rumour rumours rumor rumors announcement`)

func (a *Analysis) nounTakesClause(i int) bool { return clauseNouns[a.Words[i].Lower] }
