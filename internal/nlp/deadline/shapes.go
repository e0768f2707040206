package deadline

// The verb shapes of a deadline: "gave X until", "has N days to", "must ... by".

import "dateline/internal/doc"

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
