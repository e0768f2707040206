package event

import (
	"slices"
	"sort"
	"strconv"

	"dateline/internal/doc"
)

// group is one event: the mentions that refer to it, with what coreference
// compares kept up to date so that each comparison is constant time.
type group struct {
	ms  []*mention
	typ string
	// ents are the participants of all mentions, each once: a slice,
	// cheaper than a map for the few of most events, and entSet beside it
	// once there are many.
	ents    []string
	entSet  map[string]bool
	place   string // the place, when a mention gave one
	neg     bool
	heading bool // all mentions are in headings
}

// groupArena allocates the groups of one document together: most events
// have one or two mentions and a few participants, so each group takes
// room for two mentions and four participants from shared slabs and grows
// out of them only when it needs more.
type groupArena struct {
	groups []group
	ms     []*mention
	ents   []string
}

// newGroupArena returns an arena for at most n groups.
func newGroupArena(n int) *groupArena {
	return &groupArena{groups: make([]group, 0, n), ms: make([]*mention, 2*n), ents: make([]string, 4*n)}
}

// newGroup returns a new event of mention m.
func (ar *groupArena) newGroup(m *mention) *group {
	k := len(ar.groups)
	ar.groups = append(ar.groups, group{typ: m.typ, neg: m.attrs.Negated, heading: true,
		ms: ar.ms[2*k : 2*k : 2*k+2], ents: ar.ents[4*k : 4*k : 4*k+4]})
	g := &ar.groups[k]
	g.add(m)
	return g
}

func (g *group) add(m *mention) {
	g.ms = append(g.ms, m)
	for _, p := range m.parts {
		g.addEntity(p.Entity)
	}
	if g.place == "" {
		g.place = m.place
	}
	g.heading = g.heading && m.heading
}

// maxEntSlice is the number of participants up to which a linear search
// beats a map lookup.
const maxEntSlice = 16

// has reports whether entity id takes part in g.
func (g *group) has(id string) bool {
	if g.entSet != nil {
		return g.entSet[id]
	}
	return slices.Contains(g.ents, id)
}

func (g *group) addEntity(id string) {
	if g.has(id) {
		return
	}
	g.ents = append(g.ents, id)
	switch {
	case g.entSet != nil:
		g.entSet[id] = true
	case len(g.ents) > maxEntSlice:
		g.entSet = make(map[string]bool, 2*len(g.ents))
		for _, e := range g.ents {
			g.entSet[e] = true
		}
	}
}

// maxLookback bounds how many earlier events of a type a mention is
// compared with: coreference is local in news prose, and the bound keeps a
// document with thousands of events linear.
const maxLookback = 40

// corefer merges the mentions that refer to the same event and returns the
// events. A definite noun mention ("the talks", "Witkoff’s meeting", a
// heading) refers back to a compatible event of its type; any other mention
// joins an event only when it shares two participants with it ("met Putin"
// after "a meeting with Putin" by the same envoy). Statements and claims
// never merge: each is its own utterance.
func (x *extractor) corefer() []doc.Event {
	var groups []*group
	arena := newGroupArena(len(x.ms)) // at most one group per mention
	byType := map[string][]*group{}
	// groupOf[i] is the event of x.ms[i]. Mentions are in token order, so
	// the mention a link names is found by binary search.
	groupOf := make([]*group, len(x.ms))
	for i := range x.ms {
		m := &x.ms[i]
		var g *group
		if m.link >= 0 {
			if j := sort.Search(i, func(j int) bool { return x.ms[j].tok >= m.link }); j < i && x.ms[j].tok == m.link {
				g = groupOf[j]
			}
		}
		if g == nil {
			g = antecedent(byType[m.typ], m, x.sentence)
		}
		if g != nil {
			g.add(m)
		} else {
			g = arena.newGroup(m)
			groups = append(groups, g)
			byType[m.typ] = append(byType[m.typ], g)
		}
		groupOf[i] = g
	}
	events := make([]doc.Event, 0, len(groups))
	for _, g := range groups {
		events = append(events, x.event(g, len(events)+1))
	}
	return events
}

// antecedent returns the event of groups (one type, in text order) that m
// refers to, or nil.
func antecedent(groups []*group, m *mention, sent func(tok int) int) *group {
	if m.typ == Statement || m.typ == Claim {
		return nil
	}
	var best, recent *group
	for gi := len(groups) - 1; gi >= 0 && gi >= len(groups)-maxLookback; gi-- {
		g := groups[gi]
		if !compatible(g, m) {
			continue
		}
		shared := 0
		for _, p := range m.parts {
			if g.has(p.Entity) {
				shared++
			}
		}
		if shared >= 2 {
			return g
		}
		// A heading names the story's main event: the first mention of
		// its type in the body is that event.
		if g.heading && !m.heading {
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

// compatible reports whether m may be a further mention of g: no clash of
// place, polarity or participants (participants known only from a
// premodifier, "Kremlin talks", do not clash).
func compatible(g *group, m *mention) bool {
	if g.neg != m.attrs.Negated || m.place != "" && g.place != "" && m.place != g.place {
		return false
	}
	overlap, strong := false, 0
	for _, p := range m.parts {
		if g.has(p.Entity) {
			overlap = true
		}
		if !slices.Contains(m.weak, p.Entity) {
			strong++
		}
	}
	return strong == 0 || len(g.ents) == 0 || overlap
}

// event builds the document event of group g with id v<n>.
func (x *extractor) event(g *group, n int) doc.Event {
	a := x.a
	first := g.ms[0]
	tok := a.Doc.Tokens[first.tok]
	e := doc.Event{ID: "v" + strconv.Itoa(n), Type: first.typ, Trigger: doc.ExtentOf(a.Doc.Text, tok.Start, tok.End)}
	if len(g.ms) > 1 {
		e.Mentions = make([]doc.Extent, 0, len(g.ms)-1)
	}
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
