package event

import (
	"strings"

	"dateline/internal/nlp/chunk"
)

// protestStrike are words before "strike" that make it a labour protest.
var protestStrike = setOf(`general hunger labor labour workers national nationwide teachers rail doctors on`)

// dealNotEvent are objects that make "strike"/"meet" something else: "strike a
// deal", "meet the demands".
var dealNotEvent = setOf(`deal agreement balance tone chord note demand demands deadline target targets
criteria condition conditions needs expectations requirements threshold obligations standard standards`)

// projectiles make "fire" and "launch" attacks.
var projectiles = setOf(`rocket rockets missile missiles shell shells drone drones mortar mortars
artillery shot shots bullets grenades bombs`)

// moneyObjects and peopleObjects make "claim" and "accept" transactions.
var moneyObjects = setOf(`loss losses deduction deductions refund refunds credit credits benefit benefits
compensation damages bribe bribes donation donations money cash payment payments funds`)

var peopleObjects = setOf(`refugee refugees migrant migrants immigrant immigrants asylum seekers patients
students applicants`)

// humanNouns are subjects that can demand or threaten without a name.
var humanNouns = setOf(`protesters demonstrators officials official leaders leader lawmakers legislators
critics residents activists unions union workers employees police officers soldiers militants rebels
insurgents gunmen diplomats ministers minister president prime government administration ministry
spokesman spokeswoman spokesperson people voters citizens families groups group negotiators mediators
authorities authority regime army military court judge judges prosecutors senators senator democrats
republicans opposition party parties countries country states nations allies`)

// objectHeadIn reports whether a direct object of verb group vp has its head
// in words.
func (x *extractor) objectHeadIn(vp int, words map[string]bool) bool {
	for _, o := range x.a.Objects(vp) {
		if words[x.a.Words[x.a.Chunks[o].Head].Lower] {
			return true
		}
	}
	return false
}

// marketWords are subjects that rally without protesting.
var marketWords = setOf(`market markets stock stocks share shares price prices dollar euro yen bond bonds
index indices oil gold currency currencies equities futures`)

// trigger returns the event type token i triggers, or "".
func (x *extractor) trigger(i int) string {
	a := x.a
	w := &a.Words[i]
	switch w.Tag {
	case chunk.Verb:
		return x.verbTrigger(i)
	case chunk.Noun, chunk.Propn:
		if w.Tag == chunk.Propn && (w.Ment >= 0 || !titleCase(a, i)) {
			return ""
		}
		return x.nounTrigger(i)
	}
	return ""
}

// titleCase reports whether a capitalised word is a common word in a title
// or heading ("New Tariffs on India"): its sentence has no final stop.
func titleCase(a *chunk.Analysis, i int) bool {
	s := a.Sentences[sentenceOf(a, i)]
	return a.Words[s.End-1].Tag != chunk.Stop
}

func sentenceOf(a *chunk.Analysis, tok int) int {
	return a.Clauses[a.Words[tok].Clause].Sentence
}

// lemma returns the verb lemma of token i, guessing for forms the lexicon
// of package chunk lacks ("travelled").
func lemma(a *chunk.Analysis, i int) string {
	w := &a.Words[i]
	if w.Lemma != "" {
		return w.Lemma
	}
	l := w.Lower
	for _, suf := range []string{"ied", "ed", "ing", "es", "s"} {
		if base, ok := strings.CutSuffix(l, suf); ok && len(base) > 2 {
			if suf == "ied" {
				base += "y"
			}
			if known(base) {
				return base
			}
			if known(base + "e") {
				return base + "e"
			}
			if n := len(base); n > 3 && base[n-1] == base[n-2] && known(base[:n-1]) {
				return base[:n-1]
			}
		}
	}
	return l
}

func (x *extractor) verbTrigger(i int) string {
	a := x.a
	l := lemma(a, i)
	vp := int(a.Words[i].Chunk)
	if vp < 0 || a.Chunks[vp].Head != i {
		return ""
	}
	// Verbs that need a preposition: "spoke to", "called for".
	if preps, ok := prepVerbs[l]; ok {
		if p := x.particle(vp); p != "" {
			if t, ok := preps[p]; ok {
				return t
			}
		}
		// "spoke by phone with Putin": the preposition may come later, but
		// not as a time ("called Obama's remarks ... on Saturday").
		for k, pp := range a.PPs(vp) {
			if t, ok := preps[a.PrepOf(pp)]; ok && k < 2 && l != "call" && !a.IsTime(pp) {
				return t
			}
		}
		switch l {
		case "call":
			if x.personObject(vp) {
				return Consult
			}
			return ""
		case "insist":
			return Statement
		}
		return ""
	}
	t, ok := lex.verbs[l]
	if !ok {
		if l == "give" && x.untilPP(vp) {
			return Ultimatum
		}
		// "fired rockets at northern Israel", "launched drones at Kyiv"
		if (l == "fire" || l == "launch") && x.objectHeadIn(vp, projectiles) {
			return Attack
		}
		return ""
	}
	// "An airstrike ... killed 20 people": the verb tells the effect of the
	// event its subject names, not a new event.
	if s := a.Subject(vp); s >= 0 && lex.nouns[a.Words[a.Chunks[s].Head].Lower] == t {
		return ""
	}
	switch l {
	case "strike", "meet":
		// "meet education or work requirements", "meet or even surpass
		// its financial targets": the object is a standard, not a party.
		for k := a.Chunks[vp].End; k < len(a.Words) && k < a.Chunks[vp].End+8; k++ {
			if t := a.Words[k].Tag; t == chunk.Prep && a.Words[k].Lower != "of" || t == chunk.Stop || t == chunk.Comma || t == chunk.Semi {
				break
			}
			if dealNotEvent[a.Words[k].Lower] {
				return ""
			}
		}
	case "attack", "assault":
		// Politicians attack each other with words: "Trump attacked
		// Clinton", "people who attack my wife".
		if s := a.Subject(vp); s >= 0 {
			if h := a.Chunks[s].Head; a.Words[h].Tag == chunk.Pron && a.Words[h].Lower != "they" && a.Words[h].Lower != "it" {
				return ""
			}
			if m := a.HeadMention(s, true); m >= 0 && a.EntityType(m) == "PERSON" {
				return ""
			}
		}
		if x.personObject(vp) {
			return "" // "to attack and critique Donald Trump"
		}
	case "claim":
		// "claim losses on real estate", "claim a refund": money, not a claim.
		if x.objectHeadIn(vp, moneyObjects) {
			return ""
		}
	case "accept":
		// "accepting Syrian refugees", "accepted bribes"
		if x.objectHeadIn(vp, moneyObjects) || x.objectHeadIn(vp, peopleObjects) {
			return ""
		}
	case "demand", "threaten", "urge":
		// "a problem that demands a response", "climate change threatens
		// coasts": the subject must be someone.
		if s := a.Subject(vp); s >= 0 && a.HeadMention(s, true) < 0 {
			h := a.Words[a.Chunks[s].Head]
			if h.Tag == chunk.Noun && !humanNouns[h.Lower] {
				return ""
			}
		}
	case "confirm":
		// "confirmed the nomination" ratifies; "confirmed that ..." reports.
		for _, o := range a.Objects(vp) {
			if a.Words[a.Chunks[o].Head].Tag != chunk.Pron {
				return ""
			}
		}
	case "agree":
		// "Everyone agrees this war must end" is an opinion, not an accord.
		if end := a.Chunks[vp].End; end < len(a.Words) && (a.Words[end].Clause != a.Words[i].Clause || a.Words[end].Lower == "that") {
			return ""
		}
	case "add":
		for _, o := range a.Objects(vp) {
			if a.Words[a.Chunks[o].Head].Tag != chunk.Pron {
				return ""
			}
		}
	case "phone":
		// "phoned Macron"; a bare "phone" is the device.
		if f := a.Words[i].Form; f != chunk.Past && f != chunk.Gerund {
			return ""
		}
	case "demonstrate":
		// "demonstrating a drop in signal" shows; protesters demonstrate.
		if e := a.Chunks[vp].End; e < len(a.Words) && (a.Words[e].Tag == chunk.Sub || a.Words[e].Clause != a.Words[i].Clause) {
			return "" // "has demonstrated that it can ..."
		}
		for _, ci := range a.Window(vp, 0, 12) {
			if c := a.Chunks[ci]; ci > vp && c.Kind == chunk.NP && c.Prep < 0 && !a.IsTime(ci) {
				return ""
			}
		}
	case "march", "rally":
		if a.Words[i].Lower != strings.ToLower(a.Text(i, i+1)) && !titleCase(a, i) {
			return ""
		}
		// "Markets rally", "stocks rallied": prices, not protesters.
		if s := a.Subject(vp); s >= 0 && marketWords[a.Words[a.Chunks[s].Head].Lower] {
			return ""
		}
	}
	return t
}

// particle returns the preposition right after verb group vp ("to" in
// "spoke to Witkoff"), or "".
func (x *extractor) particle(vp int) string {
	a := x.a
	end := a.Chunks[vp].End
	if end < len(a.Words) {
		switch a.Words[end].Tag {
		case chunk.Prep, chunk.To:
			return a.Words[end].Lower
		}
	}
	return ""
}

func (x *extractor) personObject(vp int) bool {
	for _, o := range x.a.Objects(vp) {
		if m := x.a.HeadMention(o, false); m >= 0 && x.a.EntityType(m) == "PERSON" {
			return true
		}
	}
	return false
}

func (x *extractor) untilPP(vp int) bool {
	for _, p := range x.a.PPs(vp) {
		if x.a.PrepOf(p) == "until" || x.a.PrepOf(p) == "till" {
			return true
		}
	}
	return false
}

func (x *extractor) nounTrigger(i int) string {
	a := x.a
	w := &a.Words[i]
	t, ok := lex.nouns[w.Lower]
	if w.Lower == "call" || w.Lower == "calls" {
		// "a call with Macron", "a phone call": a consultation, unlike
		// "calls for restraint".
		next, prev := "", ""
		if i+1 < len(a.Words) {
			next = a.Words[i+1].Lower
		}
		if i > 0 {
			prev = a.Words[i-1].Lower
		}
		if next == "with" || next == "between" || prev == "phone" || prev == "telephone" || prev == "video" {
			t, ok = Consult, true
		}
	}
	if !ok {
		return ""
	}
	c := int(w.Chunk)
	if c < 0 {
		return ""
	}
	ch := a.Chunks[c]
	if ch.Kind != chunk.NP {
		return ""
	}
	// A premodifying trigger gives way to a trigger head ("ceasefire talks"
	// is one event, found at its head), and names an event only for the
	// types whose nouns keep their sense as modifiers ("election
	// officials", "aid package", "tariff threat"; not "appeals court",
	// "attack helicopters").
	if ch.Head != i && ch.Head > i {
		if _, ok := lex.nouns[a.Words[ch.Head].Lower]; ok {
			return ""
		}
		if a.Words[i+1].Tag != chunk.Noun && a.Words[i+1].Tag != chunk.Propn {
			return ""
		}
		switch t {
		case Election, Aid, Protest, Sanction, Tariff, Ultimatum:
		default:
			return ""
		}
	}
	prev := ""
	if i > 0 {
		prev = a.Words[i-1].Lower
	}
	next := ""
	if i+1 < len(a.Words) {
		next = a.Words[i+1].Lower
	}
	switch w.Lower {
	case "strike", "strikes":
		if protestStrike[prev] {
			return Protest
		}
	case "deal", "deals":
		if next == "of" {
			return ""
		}
	case "duty":
		return ""
	case "duties":
		if next != "on" && prev != "import" && prev != "customs" && prev != "export" {
			return ""
		}
	case "march", "marches":
		if a.Text(i, i+1) != w.Lower {
			return ""
		}
	case "demand", "demands":
		if prev == "oil" || prev == "energy" || prev == "consumer" || prev == "strong" || prev == "weak" {
			return ""
		}
	}
	return t
}

// known reports whether a lemma is in one of the stage's verb lists.
func known(l string) bool { return knownLemmas[l] }

// knownLemmas is the union of the stage's verb lists, so that guessing a
// lemma costs one lookup per candidate, not seven.
var knownLemmas = func() map[string]bool {
	m := map[string]bool{}
	for l := range lex.verbs {
		m[l] = true
	}
	for l := range prepVerbs {
		m[l] = true
	}
	for _, set := range []map[string]bool{supportVerbs, happenVerbs, irrealisVerbs, claimVerbs, describeVerbs} {
		for l := range set {
			m[l] = true
		}
	}
	return m
}()
