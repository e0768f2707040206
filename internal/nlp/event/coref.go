package event

import (
	"fmt"
	"slices"

	"dateline/internal/doc"
)

// group is one event: the mentions that refer to it.
type group struct {
	ms []*mention
}

// corefer merges the mentions that refer to the same event and returns the
// events. A definite noun mention ("the talks", "Witkoff’s meeting", a
// heading) refers back to the latest compatible event of its type; any
// other mention joins an event only when it shares two participants with it
// ("met Putin" after "a meeting with Putin" by the same envoy). Statements
// and claims never merge: each is its own utterance.
func (x *extractor) corefer() []doc.Event {
	var groups []*group
	for i := range x.ms {
		m := &x.ms[i]
		if g := linked(groups, m); g != nil {
			g.ms = append(g.ms, m)
			continue
		}
		if g := antecedent(groups, m, x.sentence); g != nil {
			g.ms = append(g.ms, m)
			continue
		}
		groups = append(groups, &group{ms: []*mention{m}})
	}
	events := make([]doc.Event, 0, len(groups))
	for _, g := range groups {
		events = append(events, x.event(g, len(events)+1))
	}
	return events
}

// linked returns the group of the verb mention that governs m, if any.
func linked(groups []*group, m *mention) *group {
	if m.link < 0 {
		return nil
	}
	for _, g := range groups {
		for _, o := range g.ms {
			if o.tok == m.link {
				return g
			}
		}
	}
	return nil
}

func antecedent(groups []*group, m *mention, sent func(tok int) int) *group {
	if m.typ == Statement || m.typ == Claim {
		return nil
	}
	var best, recent *group
	for gi := len(groups) - 1; gi >= 0; gi-- {
		g := groups[gi]
		if g.ms[0].typ != m.typ || !compatible(g, m) {
			continue
		}
		shared := 0
		for _, p := range m.parts {
			if g.hasEntity(p.Entity) {
				shared++
			}
		}
		if shared >= 2 {
			return g
		}
		// A heading names the story's main event: the first mention of
		// its type in the body is that event.
		if g.headingOnly() && !m.heading {
			return g
		}
		if !m.definite || m.verb {
			continue
		}
		// A definite mention ("the meeting") refers to an event with
		// participants told in the sentence before, else to the most
		// talked-about event of its type ("the talks" is the story's
		// meeting, not a passing one).
		last := g.ms[len(g.ms)-1]
		if recent == nil && sent(m.tok)-sent(last.tok) <= 1 && len(g.ms[0].parts) > 0 && last.attrs.Count == 0 {
			recent = g
		}
		if best == nil || len(g.ms) > len(best.ms) {
			best = g
		}
	}
	if recent != nil {
		return recent
	}
	return best
}

// headingOnly reports whether all of g's mentions are in headings.
func (g *group) headingOnly() bool {
	for _, m := range g.ms {
		if !m.heading {
			return false
		}
	}
	return true
}

func (g *group) hasEntity(id string) bool {
	for _, m := range g.ms {
		for _, p := range m.parts {
			if p.Entity == id {
				return true
			}
		}
	}
	return false
}

// compatible reports whether m may be a further mention of g: no clash of
// time, place, polarity or participants.
func compatible(g *group, m *mention) bool {
	var parts int
	overlap := false
	for _, o := range g.ms {
		if o.attrs.Negated != m.attrs.Negated {
			return false
		}
		if m.place != "" && o.place != "" && m.place != o.place {
			return false
		}
		parts += len(o.parts)
	}
	strong := 0
	for _, p := range m.parts {
		if g.hasEntity(p.Entity) {
			overlap = true
		}
		if !slices.Contains(m.weak, p.Entity) {
			strong++
		}
	}
	if strong > 0 && parts > 0 && !overlap {
		return false
	}
	return true
}

// event builds the document event of group g with id v<n>.
func (x *extractor) event(g *group, n int) doc.Event {
	a := x.a
	first := g.ms[0]
	tok := a.Doc.Tokens[first.tok]
	e := doc.Event{ID: fmt.Sprintf("v%d", n), Type: first.typ, Trigger: doc.ExtentOf(a.Doc.Text, tok.Start, tok.End)}
	var attrs doc.Attributes
	timeRank := 0
	for i, m := range g.ms {
		if i > 0 {
			t := a.Doc.Tokens[m.tok]
			e.Mentions = append(e.Mentions, doc.ExtentOf(a.Doc.Text, t.Start, t.End))
		}
		for _, p := range m.parts {
			if !slices.ContainsFunc(e.Participants, func(q doc.Participant) bool { return q.Entity == p.Entity }) {
				e.Participants = append(e.Participants, p)
			}
		}
		if m.time >= 0 && m.timeRank > timeRank {
			e.Time, timeRank = a.Doc.Times[m.time].ID, m.timeRank
		}
		if e.Place == "" {
			e.Place = m.place
		}
		if attrs.Duration == "" {
			attrs.Duration = m.attrs.Duration
		}
		if attrs.Count == 0 {
			attrs.Count = m.attrs.Count
		}
		if i == 0 {
			attrs.Modality, attrs.Negated = m.attrs.Modality, m.attrs.Negated
		}
		for _, w := range m.attrs.Evaluation {
			if !slices.Contains(attrs.Evaluation, w) {
				attrs.Evaluation = append(attrs.Evaluation, w)
			}
		}
	}
	if attrs.Duration != "" || attrs.Count != 0 || attrs.Modality != "" || attrs.Negated || len(attrs.Evaluation) > 0 {
		e.Attributes = &attrs
	}
	return e
}

func (x *extractor) sentence(tok int) int { return sentenceOf(x.a, tok) }
