package timex

import (
	"time"

	"dateline/internal/doc"
)

// match is one time expression found by a pattern: toks [start, end).
type match struct {
	start, end int
	typ        string
	value      string
	mod        string
	// byteStart, byteEnd override the span when it ends inside a token (the
	// two days of "August 6-8").
	byteStart, byteEnd int
	// derived marks values computed from an earlier time ("a year
	// earlier"), which must not become the reference for later ones.
	derived bool
}

func (m match) span(toks []tok) (int, int) { return toks[m.start].start, toks[m.end-1].end }

// matchAt tries every pattern that can start at trigger tok i and returns the
// longest match (earlier patterns win ties); ranges return two matches.
func (p *parser) matchAt(i int) []match {
	var best match
	try := func(m match, ok bool) {
		if ok && m.end > best.end && m.value != "" {
			best = m
		}
	}
	t := &p.toks[i]
	if t.kind == doc.Number {
		if ms := p.numericRange(i); ms != nil {
			return ms
		}
		try(p.clockPhrase(i))
		try(p.calendar(i))
		try(p.rangeDay(i))
		try(p.durationPhrase(i))
		try(p.decade(i))
		try(p.quarter(i))
	}
	if e := t.e; e != nil {
		if e.month != 0 {
			if ms := p.monthRange(i); ms != nil {
				return ms
			}
			try(p.calendar(i))
		}
		if e.weekday != 0 {
			try(p.weekdayPhrase(i))
		}
		if e.setUnit != noUnit || p.is(i, "every") || p.is(i, "each") || p.is(i, "per") || e.num == 1 || e.weekday != 0 {
			try(p.set(i))
		}
		try(p.fuzzy(i))
		if t.cap {
			try(p.holidayAt(i))
		}
		try(p.deictic(i))
		try(p.partOfDay(i))
		try(p.relative(i))
		if e.det {
			try(p.thatUnit(i))
			try(p.comparablePeriod(i))
			try(p.tradingDay(i))
			try(p.theYear(i))
			try(p.newYear(i))
		}
		try(p.quarter(i))
		if e.unit == uYear {
			try(p.yearEnd(i))
		}
		try(p.season(i))
		try(p.positional(i))
		try(p.durationPhrase(i))
		try(p.decade(i))
		if e.pod != "" || e.approx != "" || e.lead {
			try(p.clockPhrase(i)) // "noon", "around 7 p.m.", "about 3 p.m."
		}
		if e.det || e.fiscal || e.num > 0 {
			try(p.calendar(i))
		}
	} else if t.kind == doc.Punct {
		try(p.calendar(i)) // "'82"
		try(p.decade(i))   // "'90s"
	}
	if best.end == 0 {
		return nil
	}
	if m, ok := p.anchoredDuration(best); ok {
		best = m
	} else if m, ok := p.frequency(best); ok {
		best = m
	}
	return []match{best}
}

// anchoredDuration turns a count of days or weeks followed by "from <day>"
// or "later" into the day it points to, one DATE as TimeML marks it: "a
// week from Friday" (the coming Friday and seven days), "a week later"
// (seven days after the day named last, in this sentence or the one
// before).
func (p *parser) anchoredDuration(m match) (match, bool) {
	if m.typ != doc.Duration || !p.hasDCT || m.mod != "" {
		return m, false
	}
	days, ok := dayCount(m.value)
	if !ok {
		return m, false
	}
	k := m.end
	var base time.Time
	switch {
	case p.is(k, "from"):
		e := p.e(k + 1)
		switch {
		case e != nil && e.weekday != 0 && !e.plural:
			base, ok = parseDay(p.weekdayValue(int(e.weekday), future, 0))
		case p.is(k+1, "today"):
			base = p.dct
		case p.is(k+1, "tomorrow"):
			base = p.dct.AddDate(0, 0, 1)
		default:
			return m, false
		}
		k += 2
	case p.is(k, "later") && len(p.lastDate) >= 10 && isDigit(p.lastDate[0]) && p.lastDateTok >= p.prevSentenceStart(m.start):
		base, ok = parseDay(p.lastDate[:10])
		k++
	default:
		return m, false
	}
	if !ok {
		return m, false
	}
	return match{start: m.start, end: k, typ: doc.Date, value: fmtDay(base.AddDate(0, 0, days))}, true
}

// frequency turns a duration followed by "a" or "per" and a unit into the
// SET it counts in: "four days a week" is a SET of P1W (TimeML's freq 4D),
// "eight hours a day" one of P1D.
func (p *parser) frequency(m match) (match, bool) {
	k := m.end
	if m.typ != doc.Duration || m.mod != "" || !(p.is(k, "a") || p.is(k, "per")) || k+1 >= len(p.toks) {
		return m, false
	}
	u := p.e(k + 1)
	if u == nil || u.unit == noUnit || u.plural || u.unit == uSeason || u.unit == uWeekend || p.toks[k+1].hyph {
		return m, false
	}
	return match{start: m.start, end: k + 2, typ: doc.Set, value: durValue(1, false, u.unit)}, true
}

// dayCount reads a DURATION value of whole days or weeks as a day count.
func dayCount(v string) (int, bool) {
	if len(v) < 3 || v[0] != 'P' || (v[len(v)-1] != 'D' && v[len(v)-1] != 'W') {
		return 0, false
	}
	n := 0
	for _, c := range []byte(v[1 : len(v)-1]) {
		if !isDigit(c) {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if v[len(v)-1] == 'W' {
		n *= 7
	}
	return n, n > 0 && n <= 366
}

// prevSentenceStart returns the first tok of the sentence before the one
// holding tok i (of i's own when it is the first).
func (p *parser) prevSentenceStart(i int) int {
	lo, _ := p.sentenceToks(i)
	if lo == 0 {
		return 0
	}
	plo, _ := p.sentenceToks(lo - 1)
	return plo
}

// dateM builds a DATE match.
func dateM(start, end int, v string) (match, bool) {
	return match{start: start, end: end, typ: doc.Date, value: v}, v != ""
}

// prev reports whether the tok before i is one of the words ws.
func (p *parser) prevIs(i int, ws ...string) bool {
	for _, w := range ws {
		if p.is(i-1, w) {
			return true
		}
	}
	return false
}

// localDir returns the direction a nearby word forces on a relative date at
// toks [i, end): "by/until Friday" and "Friday deadline" look ahead, "since
// Friday" back; 0 when nothing local decides.
func (p *parser) localDir(i, end int) int {
	switch {
	case p.prevIs(i, "next"):
		return future
	case p.is(i-1, "as") && (p.is(i-2, "early") || p.is(i-2, "soon")) && p.is(i-3, "as"):
		return future // "as early as Tuesday"
	case p.prevIs(i, "since", "last", "ended"):
		return past // "since Friday", "the year ended Jan. 31"
	case p.is(i-1, "of") && p.is(i-2, "ahead"), p.is(i-1, "to") && p.is(i-2, "up") && p.is(i-3, "run"):
		return future // "ahead of the weekend", "the run-up to Friday"
	case p.is(i-1, "the") && p.is(i-2, "of") && p.is(i-3, "ahead"):
		return future
	case p.prevIs(i, "until", "till", "by") && p.grantsTime(i-1):
		return future // "gave the operator until Friday": a deadline, even told in the past
	case p.is(i-1, "for") && p.isOneOf(i-2, scheduledFor) && p.e(i) != nil && p.e(i).month != 0:
		// "scheduled for August", "set for March" (a weekday after "was
		// scheduled for" may be past: the sentence's tense decides)
		return future
	case p.prevIs(i, "to") && p.movesTo(i-1):
		return future // "launch slips to Thursday", "vote pushed back to Monday"
	}
	j := end
	if p.is(j, "'s") || p.is(j, "’s") {
		j++
	}
	for k := j; k < j+2 && k < len(p.toks); k++ {
		if e := p.e(k); e != nil && e.deadline {
			if p.deadlineMet(i) && p.tenseOf(i, false) == past {
				return past // "tendered ... by the Tuesday deadline": already over
			}
			return future
		}
	}
	return 0
}

// grantVerbs give someone time up to a date or move an event to it:
// "gave Nordvik until Friday", "extended the talks until Monday",
// "postponed the vote until Tuesday".
var grantVerbs = []string{"give", "gives", "gave", "given", "giving", "grant", "grants",
	"granted", "granting", "extend", "extends", "extended", "extending", "postpone", "postpones",
	"postponed", "delay", "delays", "delayed", "adjourn", "adjourns", "adjourned", "defer",
	"defers", "deferred", "suspend", "suspends", "suspended"}

// grantReach is how far back (in toks) a grant verb may stand from its
// "until": "postponed the fraud trial of former chief executive Mark Doyle
// until Sept. 9".
const grantReach = 14

// deadlineMet reports whether the deadline named by the time at i is one
// met, missed or passed ("by the Tuesday deadline", "past a Friday
// deadline", "missed the Friday deadline") rather than one set ("gave the
// firm a Friday deadline"): in a past sentence it is then over.
func (p *parser) deadlineMet(i int) bool {
	k := i - 1
	if e := p.e(k); e != nil && e.det {
		k--
	}
	return p.isOneOf(k, deadlineMetWords)
}

// grantsTime reports whether the preposition at k ("until", "by") closes a
// grant of time: "has until", or a grant verb a few words before it in the
// same sentence.
func (p *parser) grantsTime(k int) bool {
	if p.prevIs(k, "has", "have", "had") {
		return true
	}
	lo, _ := p.sentenceToks(k)
	for j := k - 1; j >= lo && j >= k-grantReach; j-- {
		for _, w := range grantVerbs {
			if p.is(j, w) {
				return true
			}
		}
	}
	return false
}

// moveVerbs put an event off to a later date: "slips to Thursday", "was
// moved to Monday", "postponed to May 3".
var moveVerbs = []string{"slip", "slips", "slipped", "move", "moves", "moved", "push", "pushes",
	"pushed", "postpone", "postpones", "postponed", "delay", "delays", "delayed", "reschedule",
	"reschedules", "rescheduled", "put", "puts", "defer", "defers", "deferred"}

// movesTo reports whether the "to" at k follows a verb of putting off a few
// words back in the same sentence ("pushed the vote back to").
func (p *parser) movesTo(k int) bool {
	lo, _ := p.sentenceToks(k)
	for j := k - 1; j >= lo && j >= k-4; j-- {
		for _, w := range moveVerbs {
			if p.is(j, w) {
				return true
			}
		}
	}
	return false
}

// dir returns the direction for a relative date: local words first, then the
// tense of the sentence.
func (p *parser) dir(i, end int) int {
	if d := p.localDir(i, end); d != 0 {
		return d
	}
	t := p.tense(i)
	if t == same && p.prevIs(i, "by", "until", "till", "before", "starting", "beginning", "for") {
		// "by Friday", "called a protest for Friday" look ahead unless the
		// sentence is in the past.
		return future
	}
	return t
}

// lineBreakBefore reports whether a line break separates tok i from the one
// before: a dateline or heading ends there, so no expression spans it.
func (p *parser) lineBreakBefore(i int) bool {
	if i <= 0 || i >= len(p.toks) {
		return false
	}
	for k := p.toks[i-1].end; k < p.toks[i].start; k++ {
		if p.text[k] == '\n' {
			return true
		}
	}
	return false
}

// sentenceStart reports whether tok i opens a sentence (or follows a line break).
func (p *parser) sentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	for k := p.toks[i-1].end; k < p.toks[i].start; k++ {
		if p.text[k] == '\n' {
			return true
		}
	}
	s := p.str(i - 1)
	return s == "." || s == "!" || s == "?" || s == "\"" || s == "“" || s == ":"
}

func (p *parser) tokAt(i int) *tok {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return &p.toks[i]
}

// monthDir is dir for month names, where reporting verbs do not count
// unless the month is their own adjunct: a past form right before the
// preposition ("plans announced in January", "founded in March") dates the
// month, unless a copula makes it a participle ("will be announced in").
func (p *parser) monthDir(i, end int) int {
	if d := p.localDir(i, end); d != 0 {
		return d
	}
	if p.pastVerbBefore(i) {
		return past
	}
	return p.tenseOf(i, false)
}

// pastVerbBefore reports whether a past-tense verb governs the month at i
// directly: "fell in November", "began in late March", "opened on Oct. 3".
func (p *parser) pastVerbBefore(i int) bool {
	k := i - 1
	if e := p.e(k); e != nil && e.posMod != "" {
		k-- // "in late March"
	}
	if !p.isOneOf(k, governedMonthPreps) || k < 1 || p.copulaAt(k-2) {
		return false
	}
	t := &p.toks[k-1]
	return t.edVerb || t.e != nil && t.e.cue == cuePast
}

// deadlineMetWords before a deadline show it met, missed or passed (see
// deadlineMet).
var deadlineMetWords = []string{"by", "past", "before", "after", "missed", "met", "beat"}

// governedMonthPreps join a verb to the month it governs ("fell in
// November").
var governedMonthPreps = []string{"in", "on", "during"}
