// Package deadline is the pipeline stage that finds deadlines and
// ultimatums: who set them, for whom, what they demand, what happens
// otherwise, and by when.
//
// It reads the light syntax of package chunk over the entity and time
// layers and knows these shapes:
//
//   - a deadline or ultimatum noun: "a US-imposed Friday deadline for Russia
//     to agree to a ceasefire or face new economic penalties", "extended the
//     deadline to September 1", "the ultimatum expires on Friday";
//   - give ... until: "Trump gave Russia until Friday to agree";
//   - have N days / have until: "Iran has 60 days to reach a deal";
//   - must ... by: "Kyiv must respond by Monday";
//   - a threat with a date: "if the boats are not running by March 13, we
//     will open the route", "unless Hamas frees them by Saturday, ...".
//
// A later mention ("the deadline", "the authority’s deadline", "Friday’s
// deadline") joins the deadline it refers to, which may say what became of
// it ("ignored", "extended the deadline by 90 days" from its known date);
// a deadline with no date, setter or demand of its own is not emitted.
//
// The by-date is a TIMEX3 date value: the time expression's value, or the
// document date plus a duration ("has ten days" → date + P10D).
package deadline

import (
	"context"
	"fmt"
	"strconv"
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
	a := chunk.Analyze(d)
	d.Deadlines = Extract(a)
	a.Release() // the deadlines hold nothing of it
	return nil
}

var nouns = map[string]bool{"deadline": true, "deadlines": true, "ultimatum": true, "ultimatums": true, "ultimata": true}

// minNoun and maxNoun bound the length of the nouns: the stage looks at
// every noun, and a length test is cheaper than a lookup.
var minNoun, maxNoun = lengths(nouns)

func lengths(words map[string]bool) (lo, hi int) {
	lo = 1 << 30
	for w := range words {
		lo, hi = min(lo, len(w)), max(hi, len(w))
	}
	return lo, hi
}

// setVerbs give a deadline noun its setter as their subject.
var setVerbs = map[string]bool{"set": true, "impose": true, "give": true, "issue": true, "announce": true,
	"extend": true, "deliver": true, "lay": true, "slap": true, "push": true, "move": true}

// statusVerbs say what became of a deadline.
var statusVerbs = map[string]string{"extend": doc.StatusExtended, "push": doc.StatusExtended, "move": doc.StatusExtended, "postpone": doc.StatusExtended,
	"delay": doc.StatusExtended, "miss": doc.StatusMissed, "ignore": doc.StatusMissed, "defy": doc.StatusMissed, "meet": doc.StatusMet, "comply": doc.StatusMet,
	"drop": doc.StatusWithdrawn, "withdraw": doc.StatusWithdrawn, "lift": doc.StatusWithdrawn, "scrap": doc.StatusWithdrawn, "abandon": doc.StatusWithdrawn}

// targetVerbs have the deadline's target as subject.
var targetVerbs = map[string]bool{"meet": true, "miss": true, "comply": true, "ignore": true, "defy": true,
	"face": true, "reject": true, "accept": true}

// consequenceVerbs introduce what happens if the demand is not met: "or
// face new penalties".
var consequenceVerbs = map[string]bool{"face": true, "risk": true, "suffer": true, "incur": true}

type extractor struct {
	a    *chunk.Analysis
	out  []doc.Deadline
	sent []int  // sentence of each deadline in out
	refs []back // how each deadline in out may refer back
	// headline marks the deadlines told only in a headline so far.
	headline []bool
	dct      time.Time
	ok       bool // dct parsed
	parsed   bool // the document date was read (on first use: most documents have no deadline)
}

// docDate returns the document's date, and whether it has one.
func (x *extractor) docDate() (time.Time, bool) {
	if !x.parsed {
		x.parsed = true
		if d := x.a.Doc.Date; len(d) >= 10 {
			if t, err := time.Parse("2006-01-02", d[:10]); err == nil {
				x.dct, x.ok = t, true
			}
		}
	}
	return x.dct, x.ok
}

// back says how a deadline noun may be a later mention of a deadline
// already found: "the deadline", "the authority’s deadline".
type back struct {
	definite bool   // a definite or possessed noun
	reported bool   // its setter is only the speaker of its sentence
	extendBy string // "extended the deadline by 90 days": the TIMEX3 duration
}

// Extract returns the deadlines of an analysed document, ids d1, d2, ...
func Extract(a *chunk.Analysis) []doc.Deadline {
	x := &extractor{a: a}
	for i := range a.Words {
		w := &a.Words[i]
		switch {
		case (w.Tag == chunk.Noun || w.Tag == chunk.Propn && w.Ment < 0) && len(w.Lower) >= minNoun && len(w.Lower) <= maxNoun && nouns[w.Lower]:
			x.noun(i)
		case w.Tag == chunk.Verb && w.Lemma == "give":
			x.giveUntil(i)
		case w.Tag == chunk.Verb && w.Lemma == "have" || w.Tag == chunk.Aux && w.Lemma == "have":
			x.haveDays(i)
		case w.Tag == chunk.Modal && w.Lower == "must":
			x.mustBy(i)
		case w.Lower == "if" || w.Lower == "unless":
			x.conditional(i)
		}
	}
	return x.compact()
}

// compact joins later mentions of a deadline to the deadline they refer to
// ("we will meet the authority’s deadline"), drops deadlines that say
// nothing of their own (no date, setter, demand or reported outcome: a
// heading's "Deadline Nears"), and renumbers the rest.
func (x *extractor) compact() []doc.Deadline {
	out := x.out[:0]
	for k, d := range x.out {
		// A bare mention ("Deadline Passes") refers back like a definite one.
		bare := d.Setter == "" && d.Target == ""
		if r := x.refs[k]; (r.definite || bare) && d.By == "" && d.Demand == "" {
			if r.reported {
				// "Hamas said it would meet the deadline": the speaker
				// need not have set it.
				d.Setter = ""
			}
			if j := referent(out, d); j >= 0 {
				join(&out[j], d, r.extendBy)
				continue
			}
		}
		out = append(out, d)
	}
	kept := out[:0]
	for _, d := range out {
		// An outcome with a party ("X, meeting the deadline") is news
		// about a deadline even when the article does not restate it.
		outcome := d.Status != "" && d.Status != doc.StatusPending && d.Target != ""
		if d.By != "" || d.Setter != "" || d.Demand != "" || outcome {
			d.ID = "d" + strconv.Itoa(len(kept)+1)
			kept = append(kept, d)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

// referent returns the index in out of the deadline that a later mention d
// (with no date or demand of its own) refers to: the latest one with d's
// setter or target, else the only one whose setter does not differ from
// d's; -1 when none or several could be meant.
func referent(out []doc.Deadline, d doc.Deadline) int {
	for k := len(out) - 1; k >= 0; k-- {
		if o := out[k]; d.Setter != "" && o.Setter == d.Setter || d.Target != "" && o.Target == d.Target && (d.Setter == "" || o.Setter == "") {
			return k
		}
	}
	only, n := -1, 0
	for k, o := range out {
		if d.Setter == "" || o.Setter == "" {
			only, n = k, n+1
		}
	}
	if n != 1 {
		return -1
	}
	return only
}

// join merges a later mention d into the deadline o it refers to. o keeps
// its parties (the mention's "we" may be a spokesman of o's target); d may
// fill o's gaps, say what became of it, or extend it by a duration from
// its date.
func join(o *doc.Deadline, d doc.Deadline, extendBy string) {
	fill(&o.Setter, d.Setter)
	fill(&o.Target, d.Target)
	fill(&o.Consequence, d.Consequence)
	extend(o, extendBy)
	if d.Status != "" && d.Status != doc.StatusPending {
		o.Status = d.Status
	}
}

// extend moves o's date on by a TIMEX3 duration ("extended the deadline by
// 90 days"), when o has a date to the day.
func extend(o *doc.Deadline, dur string) {
	if dur == "" {
		return
	}
	if base, err := time.Parse("2006-01-02", o.By); err == nil {
		if v := plusFrom(base, dur, true); v != "" {
			o.By, o.Time = v, "" // no time expression says the new date
		}
	}
}

// add appends dl unless it repeats the last deadline with the same date, in
// which case it fills that one's gaps.
func (x *extractor) add(dl doc.Deadline) { x.addBack(dl, back{}) }

// addBack is add for a deadline noun that may refer back (see compact).
func (x *extractor) addBack(dl doc.Deadline, r back) {
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
		if same || dl.By != "" && o.By == dl.By {
			if same {
				extend(o, r.extendBy) // "set a June 19 deadline, then extended it by 90 days"
			}
			fill(&o.Setter, dl.Setter)
			fill(&o.Target, dl.Target)
			if x.headline[k] && sent != x.sent[k] && dl.Demand != "" && dl.By == o.By {
				// The body tells a headline's deadline in full: its
				// sentence is the better evidence.
				o.Trigger, o.Time, o.Demand = dl.Trigger, dl.Time, dl.Demand
				fill(&o.Consequence, dl.Consequence)
				x.sent[k], x.headline[k] = sent, false
			}
			fill(&o.Demand, dl.Demand)
			fill(&o.Consequence, dl.Consequence)
			if dl.Status != "" && dl.Status != doc.StatusPending {
				o.Status = dl.Status
			}
			if dct, ok := x.docDate(); o.Status == "" && o.By != "" && ok && notBefore(o.By, dct) {
				o.Status = doc.StatusPending
			}
			return
		}
	}
	if dct, ok := x.docDate(); dl.Status == "" && dl.By != "" && ok && notBefore(dl.By, dct) {
		dl.Status = doc.StatusPending
	}
	dl.ID = "d" + strconv.Itoa(len(x.out)+1)
	x.out = append(x.out, dl)
	x.sent = append(x.sent, sent)
	x.refs = append(x.refs, r)
	x.headline = append(x.headline, x.isHeadline(sent))
}

// isHeadline reports whether sentence s is a headline: the document's
// first, with no closing punctuation, on a line of its own ("Harbour
// authority gives ferry operator until Friday to restore service").
func (x *extractor) isHeadline(s int) bool {
	a := x.a
	if s != 0 || len(a.Sentences) < 2 {
		return false
	}
	last := a.Sentences[0].End - 1
	if last < 0 || a.Words[last].Tag == chunk.Stop {
		return false
	}
	rest := a.Doc.Text[a.Doc.Tokens[last].End:]
	return strings.HasPrefix(strings.TrimLeft(rest, " \t"), "\n")
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
	// "Friday’s deadline" (the date is a group of its own).
	if tp := x.timePossessor(ci); tp >= 0 {
		dl.Time, dl.By = x.dateAt(tp)
	}
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
	r := back{definite: x.definite(ci)}
	r.extendBy = x.governor(&dl, ci)
	if dl.Setter == "" {
		if rep := x.reporter(i); rep != dl.Target {
			dl.Setter, r.reported = rep, rep != ""
		}
	}
	x.addBack(dl, r)
}

// timePossessor returns the last token of a time right before noun group
// ci and its possessive mark ("Friday’s deadline"), or -1.
func (x *extractor) timePossessor(ci int) int {
	a := x.a
	s := a.Chunks[ci].Start
	if s < 2 || a.Words[s-2].Time < 0 {
		return -1
	}
	switch a.Words[s-1].Lower {
	case "’s", "'s", "’", "'":
		return s - 2
	}
	return -1
}

// definite reports whether noun group ci is definite or possessed: "the
// deadline", "its deadline", "the authority’s deadline", "Friday’s
// deadline" may name a deadline told of before.
func (x *extractor) definite(ci int) bool {
	c := x.a.Chunks[ci]
	if c.Possessor >= 0 || x.timePossessor(ci) >= 0 {
		return true
	}
	switch x.a.Words[c.Start].Lower {
	case "the", "this", "that", "its", "their", "his", "her", "our", "your", "my":
		return true
	}
	return false
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
		w := &a.Words[j]
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
// Friday"), and its phrases may hold the date. It returns the duration of
// "extended the deadline by 90 days", which dates the deadline only from
// the one it extends.
func (x *extractor) governor(dl *doc.Deadline, ci int) (extendBy string) {
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
			// "ignored Friday’s deadline": the time group stands first.
			if tp := x.timePossessor(ci); tp >= 0 && a.Words[tp].Chunk >= 0 && v.End == a.Chunks[a.Words[tp].Chunk].Start {
				vp = k
			}
		} else if vp < 0 && c.Prep < 0 && a.Subject(k) == ci {
			vp, subject = k, true
			break
		}
	}
	if vp < 0 {
		return ""
	}
	v := a.Chunks[vp]
	l := a.Words[v.Head].Lemma
	if l == "" {
		l = pastLemma(a.Words[v.Head].Lower)
	}
	// Only what has happened sets a status: "extended the deadline", not
	// "we will meet the deadline".
	if st, ok := statusVerbs[l]; ok && (v.PastT || v.Perfect || x.pastParticipleAdjunct(vp)) && v.Modal == "" {
		dl.Status = st
	}
	if (l == "expire" || l == "pass" || l == "lapse") && v.PastT {
		dl.Status = doc.StatusMissed
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
			dates := prep == "until" || prep == "by" || prep == "to" && dl.Status == doc.StatusExtended || subject
			if t := a.Words[ph.Head].Time; prep == "by" && t >= 0 && a.Doc.Times[t].Type == doc.Duration {
				dates = false // "extended the deadline by 90 days": from a date told before
				if dl.Status == doc.StatusExtended {
					extendBy = a.Doc.Times[t].Value
				}
			}
			if id, v := x.dateAt(ph.Head); v != "" && dates && (dl.By == "" || dl.Status == doc.StatusExtended && prep == "to") {
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
	return extendBy
}

// pastLemma guesses the lemma of a verb the lexicon does not know from its
// -ed form when the guess is one of this package's verbs ("ignored" →
// "ignore", "defied" → "defy"); otherwise it returns w.
func pastLemma(w string) string {
	if !strings.HasSuffix(w, "ed") {
		return w
	}
	known := func(l string) bool { _, st := statusVerbs[l]; return st || setVerbs[l] || targetVerbs[l] }
	for _, l := range []string{w[:len(w)-1], w[:len(w)-2], strings.TrimSuffix(w, "ied") + "y"} {
		if known(l) {
			return l
		}
	}
	return w
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

// pastParticipleAdjunct reports whether the verb group vp is a bare -ing
// participle after a comma that hangs on a past-tense verb group of its
// sentence: "The operator restored the service on Friday, meeting the
// deadline". Such a participle tells what happened, like the verb it hangs on.
func (x *extractor) pastParticipleAdjunct(vp int) bool {
	a := x.a
	v := a.Chunks[vp]
	if v.Start != v.Head || !strings.HasSuffix(a.Words[v.Head].Lower, "ing") || v.Start == 0 || a.Words[v.Start-1].Lower != "," {
		return false
	}
	sent := a.Clauses[v.Clause].Sentence
	for k := vp - 1; k >= 0; k-- {
		c := a.Chunks[k]
		if c.Clause >= 0 && a.Clauses[c.Clause].Sentence != sent {
			return false
		}
		if c.Kind == chunk.VP {
			return c.PastT && c.Modal == ""
		}
	}
	return false
}
