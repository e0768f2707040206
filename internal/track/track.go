// Package track follows deadlines across articles. One ultimatum is reported
// many times — announced, repeated, extended, missed — and each article's
// deadline stage (internal/nlp/deadline) sees only its own copy. track decides
// which tracked deadline an article's deadline is another sighting of, and
// which sentences report an outcome for a deadline the article does not
// restate ("Iran agreed to halt enrichment"), so the store can keep one
// deadline with a dated, evidenced history of status changes.
//
// The package is pure: the store hands it a document, the canonical entity
// ids of the document's entities and the open tracked deadlines that share an
// entity with it, and persists the [Sighting]s it returns. Status is derived
// from the sightings by [Fold], never stored, so replacing or deleting an
// article (whose sightings cascade away) cannot leave a stale status behind.
package track

import (
	"slices"
	"strings"
	"unicode"

	"dateline/internal/doc"
)

// Deadline is a tracked deadline: its identity (who set it, for whom, what
// is demanded) and its state folded from its sightings.
type Deadline struct {
	ID     int64
	Setter int64 // canonical entity id; 0 when unknown
	Target int64
	Demand string
	Due    string // current due day, YYYY-MM-DD, or ""
	Status string // latest reported status
	Last   string // day of the latest sighting
	// Dues are all the due days articles gave it, so a late article that
	// restates the original date still matches after an extension.
	Dues []string
	// First is the day and id ("YYYY-MM-DD|id") of the earliest article
	// that restated it, whose setter and target the deadline keeps.
	First string
	// Opened is the status reported by the article that started it.
	Opened string
}

// Open reports whether d can still change: it has no final outcome.
func (d Deadline) Open() bool {
	return d.Status == "" || d.Status == doc.StatusPending || d.Status == doc.StatusExtended
}

// Input is one stored article as the tracker sees it.
type Input struct {
	Doc *doc.Document
	Day string // the article's day, YYYY-MM-DD ("" when undated)
	// Entities maps the document's entity ids ("e1") to canonical ids.
	Entities map[string]int64
	// Prep is [Prepare](Doc), or nil to compute it when needed. The store
	// prepares articles on the analysis workers, so that the text scans
	// below stay off its single writer.
	Prep *Prep
}

// Prep is what tracking reads from an article's text, whatever the store
// ids of its entities: the cue sentences and the entities that may be
// parties of a deadline it reports on.
type Prep struct {
	cues     []sentence
	interest []string // document entity ids, in Interest's order, repeats allowed
}

// Prepare scans d for what [Interest], [Observe] and [Orphan] need from its
// text. It is pure and may run concurrently with anything.
func Prepare(d *doc.Document) *Prep {
	p := &Prep{cues: cueSentences(d)}
	for _, dl := range d.Deadlines {
		p.interest = append(p.interest, dl.Setter, dl.Target)
	}
	if lower := strings.ToLower(d.Text); !hasAny(lower, deadlineWord) && !hasAny(lower, metCues) && !hasAny(lower, withdrawCues) {
		return p // no sentence can speak of a deadline or an outcome
	}
	for _, sp := range d.Sentences {
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End {
			continue
		}
		sent := strings.ToLower(d.Text[sp.Start:sp.End])
		if !hasAny(sent, deadlineWord) && !hasAny(sent, metCues) && !hasAny(sent, withdrawCues) {
			continue
		}
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if sp.Contains(m.Span()) {
					p.interest = append(p.interest, e.ID)
					break
				}
			}
		}
	}
	return p
}

// prep returns in.Prep, computing it when the caller did not.
func (in Input) prep() *Prep {
	if in.Prep != nil {
		return in.Prep
	}
	return Prepare(in.Doc)
}

// Sighting is one article's report about a deadline.
type Sighting struct {
	// Match is the index of the candidate this sighting belongs to, or -1
	// when it starts a new tracked deadline described by New.
	Match int
	New   Deadline
	// Local is the deadline id in the article; "" for an outcome sentence
	// that does not restate the deadline.
	Local  string
	Due    string   // the due day this article gives, or ""
	Status string   // the status it reports, or "" for none
	Span   doc.Span // the evidence sentence
	Quote  string   // id of a quote overlapping the evidence, if any
	Reason string   // why the sighting was matched or made
}

// Observe returns the sightings in in.Doc of the candidates (tracked
// deadlines sharing an entity with the article) and of new deadlines.
func Observe(in Input, cands []Deadline) []Sighting {
	d := in.Doc
	var out []Sighting
	touched := map[int]bool{}
	openBy := map[int64]int{} // open candidates per setter
	for _, c := range cands {
		if c.Open() && c.Setter != 0 {
			openBy[c.Setter]++
		}
	}
	for _, dl := range d.Deadlines {
		s := Sighting{Match: -1, Local: dl.ID, Due: dateDay(dl.By)}
		s.Span = sentenceAt(d, dl.Trigger.Start)
		s.Quote = quoteAt(d, s.Span)
		setter, target := in.Entities[dl.Setter], in.Entities[dl.Target]
		s.Status = dl.Status
		sent := strings.ToLower(slice(d.Text, s.Span))
		if s.Status == "" && hasAny(sent, expiryCues) && !negated(sent) {
			s.Status = doc.StatusMissed
		}
		best, bestScore, why := -1, 0, ""
		for i, c := range cands {
			score, reason := matchScore(c, setter, target, dl.Demand, s.Due, s.Status, in.Day, openBy[c.Setter] == 1)
			if score > bestScore || score == bestScore && best >= 0 && c.Last > cands[best].Last {
				best, bestScore, why = i, score, reason
			}
		}
		if best >= 0 && bestScore >= matchThreshold {
			s.Match, s.Reason = best, why
			touched[best] = true
		} else {
			if s.Due == "" {
				continue // "the deadline" with no date and no open deadline to anchor it
			}
			s.New = Deadline{Setter: setter, Target: target, Demand: dl.Demand, Due: s.Due}
			s.Reason = "first sighting"
		}
		out = append(out, s)
	}
	// Outcome sentences for open deadlines the article does not restate.
	var sents []sentence
	for i, c := range cands {
		if touched[i] || !c.Open() {
			continue
		}
		if sents == nil {
			sents = in.cueSentences()
		}
		if s, ok := outcome(in, sents, c); ok {
			s.Match = i
			out = append(out, s)
		}
	}
	return out
}

// Orphan reports whether the article has deadline evidence that sightings
// left unused: a deadline of its own not sighted (undated, with no open
// deadline to anchor it), or a sentence with an outcome cue that is the
// evidence of no sighting. An older article announcing the deadline may arrive later; the
// store keeps orphans so as to observe them again then.
func Orphan(in Input, sightings []Sighting) bool {
	for _, dl := range in.Doc.Deadlines {
		if !slices.ContainsFunc(sightings, func(s Sighting) bool { return s.Local == dl.ID }) {
			return true
		}
	}
	for _, c := range in.cueSentences() {
		if !slices.ContainsFunc(sightings, func(s Sighting) bool { return s.Span == c.span }) {
			return true
		}
	}
	return false
}

// Interest returns the canonical ids whose tracked deadlines the article
// may report on: the parties of its own deadlines and the entities named in
// sentences that speak of a deadline or an outcome. Most articles have none,
// and then the store need not look up any candidates.
func Interest(in Input) []int64 {
	var ids []int64
	for _, local := range in.prep().interest {
		if id := in.Entities[local]; id != 0 && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// matchThreshold is the score a candidate needs: one shared party and the
// same date or an undated mention while it is open, or both parties and an
// extension or a similar demand.
const matchThreshold = 4

// matchScore rates how likely an article's deadline (setter, target,
// demand, due, status, in an article of day) is another sighting of c, and
// says why. soleOpen says c is the only open deadline among the candidates
// set by c's setter.
func matchScore(c Deadline, setter, target int64, demand, due, status, day string, soleOpen bool) (int, string) {
	if target != 0 && c.Target != 0 && target != c.Target {
		return 0, ""
	}
	score := 0
	var why []string
	if setter != 0 && c.Setter != 0 && setter != c.Setter {
		// Articles name a country for its leader ("the US gave Iran ..."),
		// so another setter counts against a match but does not veto it.
		score--
		why = append(why, "other setter named")
	}
	if setter != 0 && setter == c.Setter {
		score += 2
		why = append(why, "same setter")
	}
	if target != 0 && target == c.Target {
		score += 2
		why = append(why, "same target")
	}
	if score <= 0 {
		return 0, ""
	}
	sim := Similarity(demand, c.Demand)
	switch {
	case due != "" && (due == c.Due || slices.Contains(c.Dues, due)):
		score += 3
		why = append(why, "same date "+due)
	case status == doc.StatusExtended && c.Open() && setter == c.Setter && soleOpen && (target == 0 || c.Target == 0):
		// "Vucic extended his deadline": a setter with one deadline
		// running, and no target named on one side to tell two apart.
		score += 2
		why = append(why, "extends the setter's only open deadline")
	case status == doc.StatusExtended && c.Open():
		score++
		why = append(why, "extends an open deadline")
	case due == "" && c.Open():
		score += 2
		why = append(why, "undated mention of an open deadline")
	case due != "" && c.Opened == doc.StatusExtended && len(c.Dues) == 1 && due < c.Due && day != "" && day < c.First:
		// Known so far only from a later article that extended it: an
		// older article gives the date it had before.
		score += 2
		why = append(why, "the deadline a later article extended")
	case due != "" && c.Due != "" && sim < 0.5:
		score -= 2 // another date and another demand: another deadline
	}
	if sim >= 0.5 {
		score += 2
		why = append(why, "similar demand")
	}
	return score, strings.Join(why, ", ")
}

// Cue phrases for outcomes reported without restating the deadline.
var (
	expiryCues   = []string{"expired", "passed", "lapsed", "ran out"}
	metCues      = []string{"agreed to", "accepted the", "complied with", "met the deadline", "has halted", "halted", "stopped"}
	withdrawCues = []string{"withdrew", "withdrawn", "dropped", "scrapped", "called off", "lifted"}
	deadlineWord = []string{"deadline", "ultimatum"}
)

// outcome finds a sentence reporting that c was met or withdrawn: the target
// agreeing to the demand, or the setter withdrawing the ultimatum.
func outcome(in Input, sents []sentence, c Deadline) (Sighting, bool) {
	d := in.Doc
	var demand []string
	for _, st := range sents {
		sp, sent := st.span, st.lower
		if !st.deadline {
			if demand == nil {
				demand = words(c.Demand)
			}
			if overlap(st.words, demand) < 2 {
				continue
			}
		}
		s := Sighting{Span: sp, Quote: quoteAt(d, sp)}
		switch {
		case c.Target != 0 && mentions(in, c.Target, sp) && hasAny(sent, metCues):
			s.Status, s.Reason = doc.StatusMet, "target agrees to the demand"
		case c.Setter != 0 && mentions(in, c.Setter, sp) && hasAny(sent, withdrawCues):
			s.Status, s.Reason = doc.StatusWithdrawn, "setter withdraws the ultimatum"
		case hasAny(sent, expiryCues) && hasAny(sent, deadlineWord) && (mentions(in, c.Target, sp) || mentions(in, c.Setter, sp)):
			s.Status, s.Reason = doc.StatusMissed, "the deadline passed"
		default:
			continue
		}
		return s, true
	}
	return Sighting{}, false
}

// mentions reports whether an entity of the document with canonical id id
// is mentioned inside sp.
func mentions(in Input, id int64, sp doc.Span) bool {
	if id == 0 {
		return false
	}
	for _, e := range in.Doc.Entities {
		if in.Entities[e.ID] != id {
			continue
		}
		for _, m := range e.Mentions {
			if sp.Contains(m.Span()) {
				return true
			}
		}
	}
	return false
}

// Change is a stored sighting as [Fold] reads it.
type Change struct {
	Day    string
	Due    string
	Status string
}

// Fold derives a deadline's due day and status from its sightings in date
// order: the due day is the first one given and then each extension's; the
// status is the latest reported one other than pending.
func Fold(changes []Change) (due, status, last string) {
	status = doc.StatusPending
	for _, c := range changes {
		due, status, last = Step(due, status, last, c)
	}
	return due, status, last
}

// Step applies one change to a folded state; Fold is Step over the changes
// in date order. The store keeps the stepped state to match new articles
// against without reading every sighting.
func Step(due, status, last string, c Change) (string, string, string) {
	if c.Due != "" && (due == "" || c.Status == doc.StatusExtended) {
		due = c.Due
	}
	if c.Status != "" && c.Status != doc.StatusPending {
		status = c.Status
	}
	if status == "" {
		status = doc.StatusPending
	}
	if c.Day > last {
		last = c.Day
	}
	return due, status, last
}

// State is what a deadline with status and due day reads as on day asOf:
// a pending or extended deadline past its date is [doc.StatusExpired].
func State(status, due, asOf string) string {
	if (status == doc.StatusPending || status == doc.StatusExtended || status == "") && due != "" && asOf != "" && due < asOf {
		return doc.StatusExpired
	}
	if status == "" {
		return doc.StatusPending
	}
	return status
}

// Similarity is the Jaccard similarity of the content words of two demands.
func Similarity(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	inter := 0
	for _, w := range wa {
		if slices.Contains(wb, w) {
			inter++
		}
	}
	return float64(inter) / float64(len(wa)+len(wb)-inter)
}

// overlap counts the words of demand found in sent.
func overlap(sent, demand []string) int {
	n := 0
	for _, w := range demand {
		if slices.Contains(sent, w) {
			n++
		}
	}
	return n
}

// sentence is a sentence that may report an outcome, prepared once per
// article for matching against every candidate.
type sentence struct {
	span     doc.Span
	lower    string
	words    []string
	deadline bool // says "deadline" or "ultimatum"
}

// cueSentences returns the prepared cue sentences of in.Doc, or finds
// them (without the interest scan) when it was not prepared.
func (in Input) cueSentences() []sentence {
	if in.Prep != nil {
		return in.Prep.cues
	}
	return cueSentences(in.Doc)
}

// cueSentences returns the article's sentences that carry an outcome cue
// and no negation. It never returns nil, so callers can tell "computed".
func cueSentences(d *doc.Document) []sentence {
	out := []sentence{}
	if lower := strings.ToLower(d.Text); !hasAny(lower, metCues) && !hasAny(lower, withdrawCues) && !hasAny(lower, expiryCues) {
		return out // most articles: no sentence to look at
	}
	for _, sp := range d.Sentences {
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End {
			continue
		}
		lower := strings.ToLower(d.Text[sp.Start:sp.End])
		if negated(lower) || !hasAny(lower, metCues) && !hasAny(lower, withdrawCues) && !hasAny(lower, expiryCues) {
			continue
		}
		out = append(out, sentence{span: sp, lower: lower, words: words(lower), deadline: hasAny(lower, deadlineWord)})
	}
	return out
}

var stop = map[string]bool{"the": true, "a": true, "an": true, "to": true, "of": true, "and": true, "or": true,
	"its": true, "their": true, "on": true, "in": true, "for": true, "with": true, "all": true, "by": true}

// words returns the distinct lower-cased content words of s, each cut to a
// crude stem (its first five letters) so "enrichment" meets "enriching".
func words(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if stop[f] || len(f) < 3 {
			continue
		}
		if r := []rune(f); len(r) > 5 {
			f = string(r[:5])
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func hasAny(s string, cues []string) bool {
	for _, c := range cues {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

func negated(sent string) bool {
	return hasAny(sent, []string{" not ", "n't ", " never ", "refused", "rejected", " no "})
}

// dateDay returns the YYYY-MM-DD day of a TIMEX3 date value, or "".
func dateDay(v string) string {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return ""
	}
	for i, r := range v[:10] {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return ""
		}
	}
	return v[:10]
}

// sentenceAt returns the sentence holding byte off, or an empty span in
// the text. Spans outside the text (from a malformed document) are skipped.
func sentenceAt(d *doc.Document, off int) doc.Span {
	for _, s := range d.Sentences {
		if s.Start >= 0 && s.End <= len(d.Text) && s.Start <= off && off < s.End {
			return s
		}
	}
	off = min(max(off, 0), len(d.Text))
	return doc.Span{Start: off, End: off}
}

// quoteAt returns the id of the first quote overlapping sp.
func quoteAt(d *doc.Document, sp doc.Span) string {
	for _, q := range d.Quotes {
		if q.Span().Overlaps(sp) {
			return q.ID
		}
	}
	return ""
}

func slice(text string, sp doc.Span) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		return ""
	}
	return text[sp.Start:sp.End]
}
