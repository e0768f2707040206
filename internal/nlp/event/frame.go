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

// frame builds the mention of trigger token i of type typ.
func (x *extractor) frame(i int, typ string) mention {
	a := x.a
	m := mention{typ: typ, tok: i, chunk: int(a.Words[i].Chunk), time: -1}
	if a.Words[i].Tag == chunk.Verb {
		m.verb = true
		x.verbArgs(&m)
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

// quoteSpeaker returns the speaker of the innermost quotation holding byte
// off, or "".
func (x *extractor) quoteSpeaker(off int) string {
	best, size := "", -1
	for _, q := range x.a.Doc.Quotes {
		if q.Start <= off && off < q.End && q.Speaker != "" && (size < 0 || q.End-q.Start < size) {
			best, size = q.Speaker, q.End-q.Start
		}
	}
	return best
}

// cueSpeaker returns the speaker of a quotation whose cue is token i.
func (x *extractor) cueSpeaker(i int) string {
	t := x.a.Doc.Tokens[i]
	for _, q := range x.a.Doc.Quotes {
		if q.Cue != nil && q.Cue.Start < t.End && t.Start < q.Cue.End && q.Speaker != "" {
			return q.Speaker
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

func isPlace(typ string) bool { return typ == doc.GPE || typ == doc.Loc || typ == doc.Fac }

func subjectRole(typ string) string {
	if typ == Statement || typ == Claim {
		return doc.SpeakerRole
	}
	return doc.Agent
}

// patientRole is the role of a passive subject or a direct object.
func patientRole(typ string) string {
	switch typ {
	case Meet, Consult, Negotiate, Agree, Ceasefire:
		return doc.Partner
	case Statement, Claim:
		return doc.Topic
	}
	return doc.Target
}

func (x *extractor) verbArgs(m *mention) {
	a := x.a
	vp := m.chunk
	c := a.Chunks[vp]
	l := lemma(a, m.tok)
	subj := a.Subject(vp)
	objs := a.Objects(vp)
	if subj >= 0 {
		if c.Passive {
			x.addNP(m, patientRole(m.typ), subj, true)
		} else {
			x.addNP(m, subjectRole(m.typ), subj, true)
		}
	}
	if (m.typ == Statement || m.typ == Claim) && !m.has(doc.SpeakerRole) {
		if id := x.cueSpeaker(m.tok); id != "" {
			m.add(doc.SpeakerRole, id)
		} else if subj < 0 && len(objs) > 0 && a.Clauses[c.Clause].Kind == chunk.Quoted {
			// ",” said Trump": the speaker follows the verb.
			x.addNP(m, doc.SpeakerRole, objs[0], true)
			objs = objs[1:]
		}
	}
	for k, o := range objs {
		id, typ := x.entityOf(o, false)
		if id == "" {
			continue
		}
		switch {
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
}

// ppArgs assigns roles from a chain of prepositional noun groups.
func (x *extractor) ppArgs(m *mention, pps []int) {
	a := x.a
	for k, p := range pps {
		prep := a.PrepOf(p)
		if adjunctPreps[prep] {
			return
		}
		if prep == "of" && k > 0 {
			continue
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

// ppRole returns the role (or "place") of an entity of type etype in a
// prepositional phrase with prep after a trigger of type typ.
func ppRole(typ, prep, etype string, verb bool) string {
	switch prep {
	case "in", "at", "inside", "near", "outside", "across":
		if isPlace(etype) {
			return "place"
		}
	case "with":
		switch typ {
		case Meet, Consult, Negotiate, Agree, Ceasefire, Visit, Tariff, Sanction:
			if typ == Tariff || typ == Sanction {
				return doc.Target
			}
			return doc.Partner
		case Threaten:
			return doc.Topic
		}
	case "to":
		switch typ {
		case Consult, Meet:
			return doc.Partner
		case Statement, Claim:
			return doc.AddresseeRole
		case Aid, Ultimatum, Demand, Threaten:
			return doc.Target
		case Visit:
			if isPlace(etype) {
				return "place"
			}
			return doc.Partner
		}
	case "on", "against", "upon":
		switch typ {
		case Attack, Sanction, Tariff, Protest, Threaten, Demand, Ultimatum, Arrest, Claim:
			return doc.Target
		case Consult, Negotiate, Agree, Meet:
			return doc.Topic
		}
	case "into":
		if typ == Attack {
			return doc.Target
		}
		if typ == Visit && isPlace(etype) {
			return "place"
		}
	case "between", "among":
		return doc.Partner
	case "by":
		return doc.Agent
	case "of":
		if verb {
			return ""
		}
		switch typ {
		case Arrest, Appoint, Attack:
			return doc.Target
		case Election:
			if isPlace(etype) {
				return "place"
			}
			return doc.Target
		case Visit:
			return doc.Agent
		case Meet, Negotiate:
			return doc.Partner
		}
	case "for":
		switch typ {
		case Ultimatum, Aid:
			return doc.Target
		case Demand, Arrest:
			return doc.Topic
		}
	case "from":
		switch typ {
		case Aid, Demand, Threaten, Ultimatum, Statement:
			return doc.Agent
		}
	case "over", "about", "regarding", "concerning":
		return doc.Topic
	}
	return ""
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
	case titleCase(a, m.tok):
		m.definite = true // a heading names the story's event
	}
	if first.Lower == "no" {
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
			m.add(role, a.EntityID(int(men)))
		}
	}
	// Premodifiers: "Russian strikes", "US-imposed deadline", "Three-hour".
	pre := c.Start
	if c.Possessor >= 0 {
		pre = c.Possessor + 2
	}
	for k := pre; k < m.tok; k++ {
		w := a.Words[k]
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
				role := doc.Agent
				if m.typ == Meet && m.has(doc.Agent) {
					role = doc.Partner
				}
				m.add(role, id)
				m.weak = append(m.weak, id)
			}
		}
		if hypotheticalMods[w.Lower] {
			m.attrs.Modality = "hypothetical"
		}
		if n, ok := ordinals[w.Lower]; ok {
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
	cl := a.Clauses[c.Clause]
	var vp = -1
	subject := false
	for _, ci := range cl.Chunks {
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
			// "called for a ceasefire", "agree to a ceasefire"
			if c.Prep >= 0 && ch.End == c.Prep && vp < 0 {
				vp = ci
			}
		} else if vp < 0 && c.Prep < 0 && a.Subject(ci) == np {
			vp, subject = ci, true
			break
		}
	}
	if vp < 0 {
		return
	}
	v := a.Chunks[vp]
	l := lemma(a, v.Head)
	if x.hypothetical(vp) || irrealisVerbs[l] && !subject {
		m.attrs.Modality = "hypothetical"
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
				x.addNP(m, doc.Agent, s, true)
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
