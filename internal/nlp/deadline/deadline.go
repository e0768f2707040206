// Package deadline is the pipeline stage that finds deadlines and
// ultimatums: who set them, for whom, what they demand, what happens
// otherwise, and by when.
//
// It reads the light syntax of package chunk over the entity and time
// layers and knows five shapes:
//
//   - a deadline or ultimatum noun: "a US-imposed Friday deadline for Russia
//     to agree to a ceasefire or face new economic penalties", "extended the
//     deadline to September 1", "the ultimatum expires on Friday";
//   - give ... until: "Trump gave Russia until Friday to agree";
//   - have N days / have until: "Iran has 60 days to reach a deal";
//   - must ... by: "Kyiv must respond by Monday".
//
// The by-date is a TIMEX3 date value: the time expression's value, or the
// document date plus a duration ("has ten days" → date + P10D).
package deadline

import (
	"context"
	"fmt"
	"strings"
	"time"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk"
	"dateline/internal/nlp/token"
)

// Stage is the pipeline stage that fills [doc.Document.Deadlines]. Its zero
// value is ready to use and it is safe for concurrent use.
type Stage struct{}

// Process finds the deadlines of d.
func (Stage) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("deadline: %w", err)
	}
	if d.Tokens == nil && d.Text != "" {
		d.Tokens = token.Tokenize(d.Text, nil)
	}
	d.Deadlines = Extract(chunk.Analyze(d))
	return nil
}

// Status values.
const (
	Pending   = "pending"
	Met       = "met"
	Missed    = "missed"
	Extended  = "extended"
	Withdrawn = "withdrawn"
)

var nouns = map[string]bool{"deadline": true, "deadlines": true, "ultimatum": true, "ultimatums": true, "ultimata": true}

// setVerbs give a deadline noun its setter as their subject.
var setVerbs = map[string]bool{"set": true, "impose": true, "give": true, "issue": true, "announce": true,
	"extend": true, "deliver": true, "lay": true, "slap": true, "push": true, "move": true}

// statusVerbs say what became of a deadline.
var statusVerbs = map[string]string{"extend": Extended, "push": Extended, "move": Extended, "postpone": Extended,
	"delay": Extended, "miss": Missed, "ignore": Missed, "defy": Missed, "meet": Met, "comply": Met,
	"drop": Withdrawn, "withdraw": Withdrawn, "lift": Withdrawn, "scrap": Withdrawn, "abandon": Withdrawn}

// targetVerbs have the deadline's target as subject.
var targetVerbs = map[string]bool{"meet": true, "miss": true, "comply": true, "ignore": true, "defy": true,
	"face": true, "reject": true, "accept": true}

// consequenceVerbs introduce what happens if the demand is not met: "or
// face new penalties".
var consequenceVerbs = map[string]bool{"face": true, "risk": true, "suffer": true, "incur": true}

type extractor struct {
	a    *chunk.Analysis
	out  []doc.Deadline
	sent []int // sentence of each deadline in out
	dct  time.Time
	ok   bool // dct parsed
}

// Extract returns the deadlines of an analysed document, ids d1, d2, ...
func Extract(a *chunk.Analysis) []doc.Deadline {
	x := &extractor{a: a}
	if len(a.Doc.Date) >= 10 {
		if t, err := time.Parse("2006-01-02", a.Doc.Date[:10]); err == nil {
			x.dct, x.ok = t, true
		}
	}
	for i, w := range a.Words {
		switch {
		case (w.Tag == chunk.Noun || w.Tag == chunk.Propn && w.Ment < 0) && nouns[w.Lower]:
			x.noun(i)
		case w.Tag == chunk.Verb && w.Lemma == "give":
			x.giveUntil(i)
		case w.Tag == chunk.Verb && w.Lemma == "have" || w.Tag == chunk.Aux && w.Lemma == "have":
			x.haveDays(i)
		case w.Tag == chunk.Modal && w.Lower == "must":
			x.mustBy(i)
		}
	}
	return x.compact()
}

// compact drops deadlines that say nothing (a heading's "Deadline Nears")
// when the document has a fuller one, and renumbers the rest.
func (x *extractor) compact() []doc.Deadline {
	full := 0
	for _, d := range x.out {
		if !empty(d) {
			full++
		}
	}
	if full == 0 || full == len(x.out) {
		return x.out
	}
	out := x.out[:0]
	for _, d := range x.out {
		if !empty(d) {
			d.ID = fmt.Sprintf("d%d", len(out)+1)
			out = append(out, d)
		}
	}
	return out
}

func empty(d doc.Deadline) bool {
	return d.By == "" && d.Setter == "" && d.Target == "" && d.Demand == ""
}

// add appends dl unless it repeats the last deadline with the same date, in
// which case it fills that one's gaps.
func (x *extractor) add(dl doc.Deadline) {
	sent := x.a.Clauses[x.a.Words[x.a.TokenAt(dl.Trigger.Start)].Clause].Sentence
	for k := max(0, len(x.out)-20); k < len(x.out); k++ {
		o := &x.out[k]
		// Two shapes in one sentence are one deadline when they agree: "The
		// ultimatum gives Hamas three days to ...".
		same := x.sent[k] == sent && (o.By == "" || dl.By == "" || o.By == dl.By) &&
			(o.Target == "" || dl.Target == "" || o.Target == dl.Target)
		if same {
			fill(&o.By, dl.By)
			if o.Time == "" {
				o.Time = dl.Time
			}
		}
		if same || dl.By != "" && o.By == dl.By || dl.By == "" && dl.Setter == "" && dl.Target == "" {
			fill(&o.Setter, dl.Setter)
			fill(&o.Target, dl.Target)
			fill(&o.Demand, dl.Demand)
			fill(&o.Consequence, dl.Consequence)
			if dl.Status != "" && dl.Status != Pending {
				o.Status = dl.Status
			}
			if o.Status == "" && o.By != "" && x.ok && notBefore(o.By, x.dct) {
				o.Status = Pending
			}
			return
		}
	}
	if dl.Status == "" && dl.By != "" && x.ok && notBefore(dl.By, x.dct) {
		dl.Status = Pending
	}
	dl.ID = fmt.Sprintf("d%d", len(x.out)+1)
	x.out = append(x.out, dl)
	x.sent = append(x.sent, sent)
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func (x *extractor) extent(i int) doc.Extent {
	t := x.a.Doc.Tokens[i]
	return doc.ExtentOf(x.a.Doc.Text, t.Start, t.End)
}

// entity returns the id of the entity noun group c names, or "".
func (x *extractor) entity(c int) string {
	if m := x.a.HeadMention(c, true); m >= 0 {
		return x.a.EntityID(m)
	}
	if p := x.a.Chunks[c].Possessor; p >= 0 && x.a.Words[p].Ment >= 0 {
		return x.a.EntityID(int(x.a.Words[p].Ment)) // "TikTok’s sale"
	}
	// "we" inside a quotation is its speaker.
	if h := x.a.Chunks[c].Head; x.a.Words[h].Quoted {
		switch x.a.Words[h].Lower {
		case "i", "we", "me", "us":
			off := x.a.Doc.Tokens[h].Start
			for _, q := range x.a.Doc.Quotes {
				if q.Start <= off && off < q.End && q.Speaker != "" {
					return q.Speaker
				}
			}
		}
	}
	return ""
}

// noun handles a deadline or ultimatum noun at token i.
func (x *extractor) noun(i int) {
	a := x.a
	ci := int(a.Words[i].Chunk)
	if ci < 0 || a.Chunks[ci].Kind != chunk.NP {
		return
	}
	c := a.Chunks[ci]
	dl := doc.Deadline{Trigger: x.extent(i)}
	// Premodifiers: "a US-imposed Friday deadline", "Trump’s deadline".
	for k := c.Start; k < i; k++ {
		if id, v := x.dateAt(k); v != "" && dl.By == "" {
			dl.Time, dl.By = id, v
			continue
		}
		if m := a.Words[k].Ment; m >= 0 && (k == c.Start || a.Words[k-1].Ment != m) && dl.Setter == "" {
			switch a.EntityType(int(m)) {
			case doc.Person, doc.Org, doc.GPE:
				dl.Setter = a.EntityID(int(m))
			}
		}
	}
	// Prepositional phrases: "for Russia", "of August 8", "to Hamas".
	last := c.End
	for n, p := range a.PPs(ci) {
		prep := a.PrepOf(p)
		ph := a.Chunks[p]
		switch prep {
		case "for", "to", "on":
			if id := x.entity(p); id != "" && dl.Target == "" {
				dl.Target = id
			} else if id, v := x.dateAt(ph.Head); v != "" && dl.By == "" && (n == 0 || prep != "on") {
				dl.Time, dl.By = id, v
			}
		case "of", "at", "by", "until":
			// "a deadline of 30 days" counts from today; "by 90 days" from
			// a date not given.
			if t := a.Words[ph.Head].Time; prep != "of" && t >= 0 && a.Doc.Times[t].Type == doc.Duration {
				continue
			}
			if id, v := x.dateAt(ph.Head); v != "" && dl.By == "" {
				dl.Time, dl.By = id, v
			}
		case "from":
			fill(&dl.Setter, x.entity(p))
		default:
			continue
		}
		last = ph.End
	}
	x.demand(&dl, last)
	x.governor(&dl, ci)
	if dl.Setter == "" {
		if r := x.reporter(i); r != dl.Target {
			dl.Setter = r
		}
	}
	x.add(dl)
}

// demand reads "to VERB ..." after token k as the demand and a following
// "or face ..." as the consequence.
func (x *extractor) demand(dl *doc.Deadline, k int) {
	a := x.a
	// Skip a time or prepositional phrase before the infinitive: "until
	// noon on Saturday to free ...".
	for n := 0; n < 6 && k < len(a.Words) && a.Words[k].Tag != chunk.To; n++ {
		if w := a.Words[k]; w.Time < 0 && w.Tag != chunk.Prep && !(w.Chunk >= 0 && a.Chunks[w.Chunk].Kind == chunk.NP && a.Chunks[w.Chunk].Prep >= 0) {
			return
		}
		k++
	}
	if k >= len(a.Words) || a.Words[k].Tag != chunk.To {
		return
	}
	vp := int(a.Words[k].Chunk)
	if vp < 0 || a.Chunks[vp].Kind != chunk.VP {
		return
	}
	// The demand is the infinitive with its objects and phrases: it ends
	// at the next verb group, punctuation or "or".
	cl := a.Clauses[a.Words[k].Clause]
	end := cl.End
	for j := a.Chunks[vp].End; j < cl.End; j++ {
		w := a.Words[j]
		if t := w.Tag; t == chunk.Comma || t == chunk.Stop || t == chunk.Semi || w.Lower == "or" ||
			w.Chunk >= 0 && a.Chunks[w.Chunk].Kind == chunk.VP && a.Words[a.Chunks[w.Chunk].Start].Tag != chunk.To {
			end = j
			break
		}
	}
	dl.Demand = a.Text(k+1, end)
	x.consequence(dl, end)
}

// consequence reads "or face new economic penalties" from token k.
func (x *extractor) consequence(dl *doc.Deadline, k int) {
	a := x.a
	for k < len(a.Words) && (a.Words[k].Tag == chunk.Comma) {
		k++
	}
	if k >= len(a.Words) || a.Words[k].Lower != "or" {
		return
	}
	k++
	if k < len(a.Words) && a.Words[k].Lower == "else" {
		k++
	}
	cl := a.Clauses[a.Words[min(k, len(a.Words)-1)].Clause]
	end := cl.End
	for j := k; j < cl.End; j++ {
		if t := a.Words[j].Tag; t == chunk.Stop || t == chunk.Semi || t == chunk.Comma {
			end = j
			break
		}
	}
	if k < end && a.Words[k].Tag == chunk.Verb && consequenceVerbs[a.Words[k].Lemma] {
		k++
	}
	dl.Consequence = strings.TrimSpace(a.Text(k, end))
}

// governor applies the verb around deadline group ci: its subject sets it
// ("Washington set a deadline"), its verb may say what became of it
// ("extended the deadline to September 1", "the deadline expires on
// Friday"), and its phrases may hold the date.
func (x *extractor) governor(dl *doc.Deadline, ci int) {
	a := x.a
	c := a.Chunks[ci]
	vp, subject := -1, false
	for _, k := range a.Window(ci, 12, 12) {
		v := a.Chunks[k]
		if v.Kind != chunk.VP {
			continue
		}
		if k < ci {
			for _, o := range a.Objects(k) {
				if o == ci {
					vp = k
				}
			}
		} else if vp < 0 && c.Prep < 0 && a.Subject(k) == ci {
			vp, subject = k, true
			break
		}
	}
	if vp < 0 {
		return
	}
	v := a.Chunks[vp]
	l := a.Words[v.Head].Lemma
	if l == "" {
		l = a.Words[v.Head].Lower
	}
	// Only what has happened sets a status: "extended the deadline", not
	// "we will meet the deadline".
	if st, ok := statusVerbs[l]; ok && (v.PastT || v.Perfect) && v.Modal == "" {
		dl.Status = st
	}
	if (l == "expire" || l == "pass" || l == "lapse") && v.PastT {
		dl.Status = Missed
	}
	if !subject && setVerbs[l] && dl.Setter == "" {
		if s := a.Subject(vp); s >= 0 {
			dl.Setter = x.entity(s)
		}
	}
	// "We will meet the deadline", "Hamas missed the deadline": the
	// subject is the one the deadline binds.
	if !subject && targetVerbs[l] && dl.Target == "" {
		if s := a.Subject(vp); s >= 0 {
			dl.Target = x.entity(s)
		}
	}
	for _, p := range a.PPs(vp) {
		ph := a.Chunks[p]
		prep := a.PrepOf(p)
		switch prep {
		case "to", "until", "on", "at", "by", "of", "for":
			// "issued an ultimatum on Monday" dates the issuing; "the
			// deadline expires on Friday" the deadline.
			dates := prep == "until" || prep == "by" || prep == "to" && dl.Status == Extended || subject
			if t := a.Words[ph.Head].Time; prep == "by" && t >= 0 && a.Doc.Times[t].Type == doc.Duration {
				dates = false // "extended the deadline by 90 days": from an unknown date
			}
			if id, v := x.dateAt(ph.Head); v != "" && dates && (dl.By == "" || dl.Status == Extended && prep == "to") {
				dl.Time, dl.By = id, v
			} else if id := x.entity(p); id != "" && prep != "of" && dl.Target == "" && (!subject || prep == "for") {
				dl.Target = id // "gave a deadline to X", "Deadline Looms for X"
			}
		}
	}
	// "the deadline is Friday": a time right after the verb.
	if e := v.End; e < len(a.Words) && dl.By == "" {
		if id, val := x.dateAt(e); val != "" {
			dl.Time, dl.By = id, val
		}
	}
	if !subject {
		if objs := a.Objects(vp); len(objs) == 2 && objs[1] == ci && dl.Target == "" {
			dl.Target = x.entity(objs[0]) // "gave Russia a deadline"
		}
	}
}

// reportLemmas are the verbs whose subject speaks for a deadline stated in
// their sentence: "Trump said Russia must ...", "..., Netanyahu said".
var reportLemmas = map[string]bool{"say": true, "tell": true, "announce": true, "warn": true, "declare": true,
	"write": true, "insist": true, "state": true, "add": true, "demand": true, "threaten": true}

// reporter returns the speaker of a reporting verb in the sentence of token
// i, the nearest one, or "".
func (x *extractor) reporter(i int) string {
	a := x.a
	s := a.Sentences[a.Clauses[a.Words[i].Clause].Sentence]
	best, dist := "", 1<<30
	for k := max(s.First, i-60); k < min(s.End, i+60); k++ {
		ci := a.Words[k].Chunk
		if ci < 0 || a.Chunks[ci].Kind != chunk.VP || a.Chunks[ci].Head != k || !reportLemmas[a.Words[k].Lemma] {
			continue
		}
		subj := a.Subject(int(ci))
		if subj < 0 {
			continue
		}
		d := k - i
		if d < 0 {
			d = -d
		}
		if id := x.entity(subj); id != "" && d < dist {
			best, dist = id, d
		}
	}
	return best
}
