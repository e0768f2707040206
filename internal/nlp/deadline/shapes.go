package deadline

// The verb shapes of a deadline: "gave X until", "has N days to", "must ... by".

import (
	"dateline/internal/doc"
	"dateline/internal/nlp/chunk"
)

// giveUntil handles "X gave Y until DATE to VERB".
func (x *extractor) giveUntil(i int) {
	a := x.a
	vp := int(a.Words[i].Chunk)
	if vp < 0 || a.Chunks[vp].Head != i {
		return
	}
	// "gives Hamas three days to release the hostages"
	if objs := a.Objects(vp); len(objs) > 0 {
		if e := a.Chunks[objs[0]].End; e < len(a.Words) && a.Words[e].Time >= 0 && a.Doc.Times[a.Words[e].Time].Type == doc.Duration {
			if _, v := x.dateAt(e); v != "" {
				dl := doc.Deadline{Trigger: x.extent(i), By: v, Target: x.entity(objs[0])}
				if s := a.Subject(vp); s >= 0 {
					dl.Setter = x.entity(s)
				}
				x.demand(&dl, e)
				if dl.Demand != "" {
					x.add(dl)
				}
				return
			}
		}
	}
	for _, p := range a.PPs(vp) {
		prep := a.PrepOf(p)
		if prep != "until" && prep != "till" {
			continue
		}
		id, v := x.dateAt(a.Chunks[p].Head)
		if v == "" {
			return
		}
		dl := doc.Deadline{Trigger: x.extent(i), Time: id, By: v}
		if s := a.Subject(vp); s >= 0 {
			dl.Setter = x.entity(s)
		}
		if objs := a.Objects(vp); len(objs) > 0 {
			dl.Target = x.entity(objs[0])
		}
		x.demand(&dl, a.Chunks[p].End)
		x.add(dl)
		return
	}
}

// haveDays handles "X has N days to VERB" and "X has until DATE to VERB".
func (x *extractor) haveDays(i int) {
	a := x.a
	k := i + 1
	if k >= len(a.Words) {
		return
	}
	var id, v string
	switch {
	case a.Words[k].Lower == "until" || a.Words[k].Lower == "till":
		if k+1 < len(a.Words) {
			id, v = x.dateAt(k + 1)
		}
	case a.Words[k].Time >= 0:
		if a.Doc.Times[a.Words[k].Time].Type == doc.Duration {
			_, v = x.dateAt(k)
		}
	}
	if v == "" {
		return
	}
	// The demand follows the time: "has ten days to respond".
	j := k
	for j < len(a.Words) && (a.Words[j].Time >= 0 || a.Words[j].Lower == "until" || a.Words[j].Lower == "till") {
		j++
	}
	dl := doc.Deadline{Trigger: x.extent(i), Time: id, By: v}
	x.demand(&dl, j)
	if dl.Demand == "" {
		return
	}
	if vp := int(a.Words[i].Chunk); vp >= 0 {
		if s := a.Subject(vp); s >= 0 {
			dl.Target = x.entity(s)
		}
	}
	dl.Setter = x.reporter(i)
	x.add(dl)
}

// mustBy handles "X must VERB ... by DATE".
func (x *extractor) mustBy(i int) {
	a := x.a
	vp := int(a.Words[i].Chunk)
	if vp < 0 {
		return
	}
	for _, p := range a.PPs(vp) {
		if a.PrepOf(p) != "by" {
			continue
		}
		id, v := x.dateAt(a.Chunks[p].Head)
		if v == "" {
			return
		}
		dl := doc.Deadline{Trigger: x.extent(i), Time: id, By: v}
		if s := a.Subject(vp); s >= 0 {
			dl.Target = x.entity(s)
		}
		dl.Demand = a.Text(a.Chunks[vp].Head, a.Chunks[p].Prep)
		dl.Setter = x.reporter(i)
		x.consequence(&dl, a.Chunks[p].End)
		x.add(dl)
		return
	}
}

// conditional handles a threat with a date: "if the boats are not running
// on schedule by March 13, we will open the route to other operators",
// "unless Hamas frees the hostages by Saturday, ...". A positive "if"
// ("if Russia agrees by Friday, ...") offers rather than demands, so "if"
// needs a negated verb.
func (x *extractor) conditional(i int) {
	a := x.a
	if i+1 >= len(a.Words) {
		return
	}
	cl := int(a.Words[i+1].Clause)
	if a.Clauses[cl].Opener != i && int(a.Words[i].Clause) != cl {
		return
	}
	vp := a.FirstVerb(cl)
	if vp < 0 || a.Words[i].Lower == "if" && !a.Chunks[vp].Neg {
		return
	}
	for _, p := range a.PPs(vp) {
		if a.PrepOf(p) != "by" {
			continue
		}
		id, v := x.dateAt(a.Chunks[p].Head)
		if id == "" || v == "" {
			return // "by 90 days" or "by then" dates no deadline
		}
		dl := doc.Deadline{Trigger: x.extent(i), Time: id, By: v}
		if s := a.Subject(vp); s >= 0 {
			dl.Target = x.entity(s)
		}
		// The demand in the base form: "are not running on schedule" → "run
		// on schedule".
		h := a.Chunks[vp].Head
		dl.Demand = a.Text(h, a.Chunks[p].Prep)
		if l := a.Words[h].Lemma; l != "" && h+1 < a.Chunks[p].Prep {
			dl.Demand = l + " " + a.Text(h+1, a.Chunks[p].Prep)
		}
		dl.Consequence = x.mainClause(cl, a.Chunks[p].End)
		if a.Words[i].Quoted {
			dl.Setter = x.speaker(i)
		}
		if dl.Setter == "" {
			dl.Setter = x.reporter(i)
		}
		if dl.Setter == dl.Target {
			dl.Setter = ""
		}
		x.add(dl)
		return
	}
}

// mainClause returns what a conditional threatens: the clause after the
// condition, which ends at a comma after token from in clause cl ("...,
// we will open the route") or at the end of cl; it starts at the verb when
// its subject is a pronoun. It returns "" when no verb follows.
func (x *extractor) mainClause(cl, from int) string {
	a := x.a
	start := -1
	for k := from; k < a.Clauses[cl].End; k++ {
		if a.Words[k].Tag == chunk.Comma {
			start = k + 1
			break
		}
	}
	if start < 0 {
		if c := cl + 1; c < len(a.Clauses) && a.Clauses[c].Sentence == a.Clauses[cl].Sentence {
			start = a.Clauses[c].Start
		} else {
			return ""
		}
	}
	for start < len(a.Words) && (a.Words[start].Tag == chunk.Comma || a.Words[start].Lower == "then") {
		start++
	}
	if start >= len(a.Words) {
		return ""
	}
	c := int(a.Words[start].Clause)
	end := start
	for end < a.Clauses[c].End {
		if t := a.Words[end].Tag; t == chunk.Stop || t == chunk.Semi || t == chunk.Comma || t == chunk.Quote {
			break
		}
		end++
	}
	// The first verb group in [start, end), and its subject.
	for k := start; k < end; k++ {
		ci := a.Words[k].Chunk
		if ci < 0 || a.Chunks[ci].Kind != chunk.VP {
			continue
		}
		if s := a.Subject(int(ci)); s >= 0 && a.Words[a.Chunks[s].Head].Tag == chunk.Pron {
			start = a.Chunks[ci].Head // "we will open ..." → "open ..."
		}
		return a.Text(start, end)
	}
	return ""
}

// speaker returns the speaker of the quotation holding token i, or "".
func (x *extractor) speaker(i int) string {
	off := x.a.Doc.Tokens[i].Start
	for _, q := range x.a.Doc.Quotes {
		if q.Start <= off && off < q.End {
			return q.Speaker
		}
	}
	return ""
}
