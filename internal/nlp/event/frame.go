package event

import (
	"dateline/internal/doc"
	"dateline/internal/nlp/chunk"
)

// adjunctPreps end a chain of prepositional phrases: what follows them
// belongs to the adjunct, not to the trigger ("strikes on cities | despite
// months of mediation").
var adjunctPreps = setOf(`despite amid amidst after before during since until till as like than including
following within without because throughout via per except besides beyond`)

// laterVerbPreps attach to the noun before them rather than to the verb
// when they follow another prepositional phrase.
var laterVerbPreps = setOf(`from of for over about regarding concerning`)

// frame builds the mention of trigger token i of type typ.
func (x *extractor) frame(i int, typ string) mention {
	a := x.a
	m := mention{typ: typ, tok: i, chunk: int(a.Words[i].Chunk), time: -1, link: -1}
	if a.Words[i].Tag == chunk.Verb {
		m.verb = true
		m.heading = titleCase(a, i)
		x.verbArgs(&m)
		// ", killing at least 34 people": a participle of the same type
		// continues its clause's event.
		if cl := a.Clauses[a.Chunks[m.chunk].Clause]; cl.Kind == chunk.Participial && cl.Parent >= 0 {
			if pv := a.FirstVerb(cl.Parent); pv >= 0 && x.trigger(a.Chunks[pv].Head) == typ {
				m.link = a.Chunks[pv].Head
			}
		}
	} else {
		x.nounArgs(&m)
	}
	x.attachTime(&m)
	x.count(&m)
	return m
}

// entityOf returns the entity id and type noun group c names, resolving "I"
// and "we" inside a quotation to its speaker.
func (x *extractor) entityOf(c int, withPPs bool) (string, string) {
	a := x.a
	if men := a.HeadMention(c, withPPs); men >= 0 {
		return a.EntityID(men), a.EntityType(men)
	}
	h := a.Chunks[c].Head
	if a.Words[h].Tag == chunk.Pron && a.Words[h].Quoted {
		switch a.Words[h].Lower {
		case "i", "me", "we", "us":
			if id := x.quoteSpeaker(a.Doc.Tokens[h].Start); id != "" {
				return id, x.entityType(id)
			}
		}
	}
	// "Sudan’s army", "Russia’s foreign ministry": the possessor stands for
	// an unnamed body of its own.
	if p := a.Chunks[c].Possessor; withPPs && p >= 0 && a.Words[p].Ment >= 0 {
		m := int(a.Words[p].Ment)
		switch a.EntityType(m) {
		case doc.GPE, doc.Org:
			return a.EntityID(m), a.EntityType(m)
		}
	}
	return "", ""
}

func (x *extractor) entityType(id string) string {
	for _, e := range x.a.Doc.Entities {
		if e.ID == id {
			return e.Type
		}
	}
	return ""
}

func (m *mention) add(role, id string) {
	if id == "" {
		return
	}
	for _, p := range m.parts {
		if p.Entity == id {
			return
		}
	}
	m.parts = append(m.parts, doc.Participant{Role: role, Entity: id})
}

func (m *mention) has(role string) bool {
	for _, p := range m.parts {
		if p.Role == role {
			return true
		}
	}
	return false
}

func (x *extractor) addNP(m *mention, role string, c int, withPPs bool) {
	id, _ := x.entityOf(c, withPPs)
	m.add(role, id)
}

func (x *extractor) verbArgs(m *mention) {
	a := x.a
	vp := m.chunk
	c := a.Chunks[vp]
	l := lemma(a, m.tok)
	subj := a.Subject(vp)
	objs := a.Objects(vp)
	// "a ceasefire brokered by Washington": a participle after a noun
	// group is a passive whose subject is that group.
	if x.reducedRelative(vp) {
		c.Passive = true
		subj = -1
	}
	// "was shot and killed by police": a bare participle conjoined to a
	// passive is passive too.
	if cl := a.Clauses[c.Clause]; cl.Kind == chunk.Conjunct && cl.Parent >= 0 && len(cl.Chunks) > 0 && cl.Chunks[0] == vp &&
		c.Start == c.Head && (a.Words[c.Head].Form == chunk.Past || a.Words[c.Head].Form == chunk.PastPart) {
		if pv := a.FirstVerb(cl.Parent); pv >= 0 && a.Chunks[pv].Passive {
			c.Passive = true
		}
	}
	if subj >= 0 {
		role := subjectRole(m.typ)
		if c.Passive {
			role = patientRole(m.typ)
		}
		for k, s := range x.conjuncts(subj) {
			r := role
			if k > 0 && symmetric(m.typ) && !c.Passive {
				r = doc.Partner // "Armenia and Azerbaijan agreed"
			}
			x.addNP(m, r, s, true)
		}
		// "Two hospitals in Khartoum were shelled"
		if m.typ != Statement && m.typ != Claim {
			x.placeFrom(m, a.PPs(subj))
		}
	}
	if (m.typ == Statement || m.typ == Claim) && !m.has(doc.SpeakerRole) {
		if subj >= 0 {
			// "Officials in Brasília said": the place speaks.
			for _, p := range a.PPs(subj) {
				if a.PrepOf(p) == "in" {
					x.addNP(m, doc.SpeakerRole, p, false)
					break
				}
			}
		}
	}
	if (m.typ == Statement || m.typ == Claim) && !m.has(doc.SpeakerRole) {
		if subj < 0 && len(objs) > 0 && x.inverted(vp) {
			// ",” said Trump", ", said Mike Gikas of Consumer Reports":
			// the speaker follows the verb.
			x.addNP(m, doc.SpeakerRole, objs[0], false)
			objs = objs[1:]
		} else if id := x.cueSpeaker(m.tok); id != "" {
			m.add(doc.SpeakerRole, id)
		}
	}
	if len(objs) > 0 {
		objs = append(x.conjuncts(objs[0]), objs[1:]...)
	}
	for k, o := range objs {
		id, typ := x.entityOf(o, false)
		if id == "" {
			continue
		}
		if k > 0 && x.conjunct(objs[k-1], o) {
			k = 0 // "urged Israel and Hamas": both are first objects
		}
		switch {
		case l == "accuse" && k == 0:
			m.add(doc.Target, id)
		case l == "tell" && k == 0:
			m.add(doc.AddresseeRole, id)
		case m.typ == Visit && isPlace(typ):
			if m.place == "" {
				m.place = id
			}
		case m.typ == Ultimatum:
			if k == 0 {
				m.add(doc.Target, id)
			}
		case k == 0:
			m.add(patientRole(m.typ), id)
		}
	}
	x.ppArgs(m, a.PPs(vp))
	// "struck the centre of Sumy": a part of a place locates the event.
	if m.place == "" && len(objs) > 0 && (m.typ == Attack || m.typ == Visit || m.typ == Protest) {
		if o := objs[0]; placeParts[a.Words[a.Chunks[o].Head].Lower] {
			if pps := a.PPs(o); len(pps) > 0 && a.PrepOf(pps[0]) == "of" {
				if id, typ := x.entityOf(pps[0], false); id != "" && isPlace(typ) {
					m.place = id
				}
			}
		}
	}
	// "threatened to retaliate against Seoul": the target sits in the
	// infinitive.
	if len(objs) == 0 && !m.has(doc.Target) && (m.typ == Threaten || m.typ == Demand) && vp+1 < len(a.Chunks) {
		if inf := a.Chunks[vp+1]; inf.Kind == chunk.VP && a.Words[inf.Start].Tag == chunk.To && inf.Start == c.End {
			for _, o := range a.Objects(vp + 1) {
				x.addNP(m, doc.Target, o, false)
				break
			}
			for _, p := range a.PPs(vp + 1) {
				if pr := a.PrepOf(p); pr == "against" || pr == "on" {
					x.addNP(m, doc.Target, p, false)
				}
			}
		}
	}
}

// ppArgs assigns roles from a chain of prepositional noun groups.
func (x *extractor) ppArgs(m *mention, pps []int) {
	a := x.a
	for k, p := range pps {
		prep := a.PrepOf(p)
		if adjunctPreps[prep] {
			return
		}
		if h := a.Chunks[p].Head; h != m.tok && k > 0 || m.verb {
			// "arrived in Jeddah for talks with Saudi officials": what
			// follows another trigger noun belongs to it.
			if _, ok := lex.nouns[a.Words[a.Chunks[p].Head].Lower]; ok && h != m.tok && m.verb {
				return
			}
		}
		if prep == "of" && k > 0 {
			continue
		}
		if m.verb && k > 0 && laterVerbPreps[prep] {
			continue // "called for a response from Washington": from → response
		}
		id, typ := x.entityOf(p, false)
		if id == "" {
			continue
		}
		if r := ppRole(m.typ, prep, typ, m.verb); r == "place" {
			if m.place == "" {
				m.place = id
			}
		} else if r != "" {
			m.add(r, id)
		}
	}
}

func (x *extractor) nounArgs(m *mention) {
	a := x.a
	np := m.chunk
	c := a.Chunks[np]
	first := a.Words[c.Start]
	switch {
	case c.Possessor >= 0:
		m.definite = true
	case first.Tag == chunk.Det:
		switch first.Lower {
		case "the", "this", "that", "these", "those":
			m.definite = true
		}
	case first.Tag == chunk.Poss:
		m.definite = true // "his detention"
	}
	if titleCase(a, m.tok) {
		m.definite, m.heading = true, true // a heading names the story's event
	}
	if first.Lower == "no" || c.Prep >= 0 && a.Words[c.Prep].Lower == "without" {
		m.attrs.Negated = true
	}
	// Possessor: "Witkoff’s meeting", "Navalny’s arrest".
	if c.Possessor >= 0 && c.Possessor < m.tok {
		if men := a.Words[c.Possessor].Ment; men >= 0 {
			role := doc.Agent
			switch m.typ {
			case Arrest, Appoint:
				role = doc.Target
			}
			if m.typ == Election && isPlace(a.EntityType(int(men))) {
				m.place = a.EntityID(int(men)) // "Poland’s election"
			} else {
				m.add(role, a.EntityID(int(men)))
			}
		}
	}
	// Premodifiers: "Russian strikes", "US-imposed deadline", "Three-hour".
	pre := c.Start
	if c.Possessor >= 0 {
		pre = c.Possessor + 2
	}
	for k := pre; k < m.tok; k++ {
		w := &a.Words[k]
		if w.Time >= 0 {
			t := a.Doc.Times[w.Time]
			if t.Type == doc.Duration {
				m.attrs.Duration = t.Value
			} else if t.Type == doc.Date || t.Type == doc.TimeOfDay {
				m.time, m.timeRank = int(w.Time), 3
			}
			continue
		}
		if w.Ment >= 0 && (k == pre || a.Words[k-1].Ment != w.Ment) {
			id, typ := a.EntityID(int(w.Ment)), a.EntityType(int(w.Ment))
			switch {
			case (m.typ == Election || m.typ == Protest) && isPlace(typ):
				if m.place == "" {
					m.place = id
				}
			case typ == doc.Person || typ == doc.Org || typ == doc.GPE || typ == doc.NORP || typ == doc.Fac:
				// "Kremlin talks": a named modifier of a meeting is a party
				// to it, not its agent; "Russian strikes" has an agent.
				role := doc.Agent
				if symmetric(m.typ) {
					role = doc.Partner
				}
				m.add(role, id)
				m.weak = append(m.weak, id)
			}
		}
		if hypotheticalMods[w.Lower] {
			m.attrs.Modality = "hypothetical"
		}
		if n := ordinal(w.Lower); n > 0 {
			m.attrs.Count = n
		}
	}
	x.ppArgs(m, a.PPs(np))
	x.governor(m, np)
}

// governor applies what the verb governing noun trigger group np says: a
// support verb gives the agent ("Witkoff had a meeting"), a happening verb
// the place and duration ("the meeting took place in Moscow", "lasted three
// hours"), an irrealis verb the modality ("threatened new sanctions").
func (x *extractor) governor(m *mention, np int) {
	a := x.a
	c := a.Chunks[np]
	var vp = -1
	subject := false
	for _, ci := range a.Window(np, 12, 12) {
		ch := a.Chunks[ci]
		if ch.Kind != chunk.VP {
			continue
		}
		if ci < np {
			for _, o := range a.Objects(ci) {
				if o == np {
					vp = ci
				}
			}
			// "called for a ceasefire", "agreed on the text of a treaty"
			if c.Prep >= 0 && vp != ci {
				for _, p := range x.chain(ci) {
					if p == np {
						vp = ci
					}
				}
			}
		} else if vp < 0 && c.Prep < 0 && a.Subject(ci) == np {
			vp, subject = ci, true
			break
		}
	}
	if vp < 0 {
		// "The talks, which lasted five hours, ...": a relative clause
		// right after the noun tells of it.
		if e := c.End; e+1 < len(a.Words) && (a.Words[e].Tag == chunk.Rel || a.Words[e].Tag == chunk.Comma && a.Words[e+1].Tag == chunk.Rel) {
			if rc := a.Words[e+1].Clause; a.Clauses[rc].Kind == chunk.Relative || a.Words[e].Tag == chunk.Rel {
				vp, subject = a.FirstVerb(int(a.Words[e].Clause)), true
				if a.Words[e].Tag == chunk.Comma {
					vp = a.FirstVerb(int(rc))
				}
			}
		}
	}
	if vp < 0 {
		return
	}
	v := a.Chunks[vp]
	l := lemma(a, v.Head)
	if !subject && x.trigger(v.Head) == m.typ {
		m.link = v.Head // "agreed on the text of a peace treaty": one event
	}
	if x.hypothetical(vp) || irrealisVerbs[l] && !subject {
		m.attrs.Modality = "hypothetical"
	}
	if subject && m.typ == Attack && effectVerbs[l] {
		// "Missile Strike Kills 34 in Sumy"
		x.placeFrom(m, a.PPs(vp))
	}
	if subject && happenVerbs[l] {
		// "lasted three hours": the duration is the verb's bare object.
		if e := v.End; e < len(a.Words) {
			if t := a.Words[e].Time; t >= 0 && a.Doc.Times[t].Type == doc.Duration && a.Words[e].Chunk >= 0 && a.Chunks[a.Words[e].Chunk].Prep < 0 {
				m.attrs.Duration = a.Doc.Times[t].Value
			}
		}
		x.ppArgs(m, a.PPs(vp))
		x.durationPP(m, a.PPs(vp))
		return
	}
	if supportVerbs[l] {
		if v.Neg {
			m.attrs.Negated = true
		}
		if subject && v.Passive {
			x.ppArgs(m, a.PPs(vp))
			return
		}
		if !subject && !m.has(doc.Agent) {
			if s := a.Subject(vp); s >= 0 {
				if id, typ := x.entityOf(s, true); m.typ == Election && isPlace(typ) {
					m.place = id // "Germany held a snap election"
				} else {
					for k, cj := range x.conjuncts(s) {
						role := doc.Agent
						if k > 0 && symmetric(m.typ) {
							role = doc.Partner
						}
						x.addNP(m, role, cj, true)
					}
				}
			}
		}
	}
}

// hypothetical reports whether verb group vp is not asserted as fact: it
// has a modal, is an infinitive, or sits in an if-clause.
func (x *extractor) hypothetical(vp int) bool {
	a := x.a
	v := a.Chunks[vp]
	if v.Modal != "" || a.Words[v.Start].Tag == chunk.To {
		return true
	}
	cl := a.Clauses[v.Clause]
	if cl.Kind == chunk.Adverbial && cl.Opener >= 0 {
		switch a.Words[cl.Opener].Lower {
		case "if", "unless", "whether":
			return true
		}
	}
	return false
}

func (x *extractor) durationPP(m *mention, pps []int) {
	a := x.a
	for _, p := range pps {
		if a.PrepOf(p) == "for" {
			if t := a.Words[a.Chunks[p].Head].Time; t >= 0 && a.Doc.Times[t].Type == doc.Duration {
				m.attrs.Duration = a.Doc.Times[t].Value
			}
		}
	}
}
