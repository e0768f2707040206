package event

import "dateline/internal/nlp/chunk"

// conjuncts returns noun group c with the groups coordinated with it by
// "and", "or" or a comma ("Israel and Hamas"), in text order.
func (x *extractor) conjuncts(c int) []int {
	a := x.a
	first := c
	for first > 0 && x.conjunct(first-1, first) {
		first--
	}
	out := []int{first}
	for k := first; k+1 < len(a.Chunks) && x.conjunct(k, k+1) && len(out) < 6; k++ {
		out = append(out, k+1)
	}
	return out
}

// conjunct reports whether noun group b follows noun group c joined by
// "and", "or" or a comma, with the same preposition (or none).
func (x *extractor) conjunct(c, b int) bool {
	a := x.a
	if c < 0 || b >= len(a.Chunks) || b != c+1 {
		return false
	}
	p, q := a.Chunks[c], a.Chunks[b]
	if p.Kind != chunk.NP || q.Kind != chunk.NP || p.Clause != q.Clause {
		return false
	}
	from := q.Start
	if q.Prep >= 0 {
		if q.Prep != p.Prep && q.Prep >= p.End {
			return false
		}
	}
	if q.Prep >= p.End {
		from = q.Prep
	}
	sawAnd := false
	for k := p.End; k < from; k++ {
		switch w := a.Words[k]; {
		case w.Tag == chunk.Coord && (w.Lower == "and" || w.Lower == "or"):
			sawAnd = true
		case w.Tag == chunk.Comma || w.Tag == chunk.Quote:
		default:
			return false
		}
	}
	return sawAnd && p.Prep < 0 == (q.Prep < 0)
}

// placeFrom takes the place of m from "in/at X" phrases when it has none.
func (x *extractor) placeFrom(m *mention, pps []int) {
	for _, p := range pps {
		switch x.a.PrepOf(p) {
		case "in", "at", "near", "through", "across", "around":
			if id, typ := x.entityOf(p, false); id != "" && isPlace(typ) && m.place == "" {
				m.place = id
			}
		}
	}
}

// inverted reports whether verb group vp opens its clause right after a
// comma or quote mark, as in ",” said Kallas".
func (x *extractor) inverted(vp int) bool {
	a := x.a
	v := a.Chunks[vp]
	cl := a.Clauses[v.Clause]
	for k := cl.Start; k < v.Start; k++ {
		if t := a.Words[k].Tag; t != chunk.Quote && t != chunk.Comma {
			return false
		}
	}
	k := cl.Start - 1
	if k < 0 {
		return false
	}
	t := a.Words[k].Tag
	return t == chunk.Comma || t == chunk.Quote || a.Words[cl.Start].Tag == chunk.Quote
}

// reducedRelative reports whether verb group vp is a bare participle right
// after a noun group and before "by".
func (x *extractor) reducedRelative(vp int) bool {
	a := x.a
	v := a.Chunks[vp]
	if v.Start != v.Head || a.Words[v.Head].Form != chunk.Past && a.Words[v.Head].Form != chunk.PastPart || vp == 0 {
		return false
	}
	prev := a.Chunks[vp-1]
	if prev.Kind != chunk.NP || prev.End != v.Start || v.End >= len(a.Words) || a.Words[v.End].Lower != "by" {
		return false
	}
	// The noun group must not be the clause's subject ("Trump spoke by
	// phone"): a verb comes before it.
	for _, ci := range a.Window(vp, 20, 0) {
		if ci < vp-1 && a.Chunks[ci].Kind == chunk.VP {
			return true
		}
	}
	return false
}

// chain returns the prepositional groups after chunk c up to the first
// adjunct ("despite months of mediation").
func (x *extractor) chain(c int) []int {
	pps := x.a.PPs(c)
	for k, p := range pps {
		if adjunctPreps[x.a.PrepOf(p)] {
			return pps[:k]
		}
	}
	return pps
}
