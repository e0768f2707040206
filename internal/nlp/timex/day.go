package timex

// Weekdays and deictic days (today, yesterday, tonight).

import (
	"strconv"
	"time"

	"dateline/internal/doc"
)

// weekdayPhrase matches "[last|next|this] Wednesday [, Aug. 6[, 2025]]
// [morning|night] [3 p.m.]".
func (p *parser) weekdayPhrase(i int) (match, bool) {
	e := p.e(i)
	if e.weekday == 0 || e.plural {
		return match{}, false
	}
	if (p.is(i, "sun.") || p.is(i, "sat.") || p.is(i, "wed.")) && !p.toks[i].cap {
		return match{}, false
	}
	// "Tuesday nights", and "Monday" of "Monday and Tuesday nights": a
	// weekly part of the day, a SET.
	if pod := p.pluralPod(i + 1); pod != "" {
		return match{start: i, end: i + 2, typ: doc.Set, value: "XXXX-WXX-" + strconv.Itoa(int(e.weekday)) + "T" + pod}, true
	}
	if (p.is(i+1, "and") || p.is(i+1, "or")) && p.e(i+2) != nil && p.e(i+2).weekday != 0 {
		if pod := p.pluralPod(i + 3); pod != "" {
			return match{start: i, end: i + 1, typ: doc.Set, value: "XXXX-WXX-" + strconv.Itoa(int(e.weekday)) + "T" + pod}, true
		}
	}
	return p.weekdayFrom(i, i, 0)
}

// pluralPod returns the part of the day of the plural word at i ("nights"
// NI), or "".
func (p *parser) pluralPod(i int) string {
	switch {
	case p.is(i, "mornings"):
		return "MO"
	case p.is(i, "afternoons"):
		return "AF"
	case p.is(i, "evenings"):
		return "EV"
	case p.is(i, "nights"):
		return "NI"
	}
	return ""
}

// weekdayFrom matches the weekday at w (the phrase starting at start) with an
// explicit shift (-1 "last", +1 "next", 0 none).
func (p *parser) weekdayFrom(start, w, shift int) (match, bool) {
	e := p.e(w)
	i := w
	j := i + 1
	var v string
	if p.is(j, ",") && !p.lineBreakBefore(j+1) {
		if cv, end, ok := p.calDate(j + 1); ok && len(cv) == 10 {
			v, j = cv, end
		}
	} else if cv, end, ok := p.calDate(j); ok && len(cv) == 10 && !p.lineBreakBefore(j) &&
		(p.toks[j].e != nil && p.toks[j].e.month != 0 || p.toks[j].kind == doc.Number && p.e(j+1) != nil && p.e(j+1).month != 0) {
		v, j = cv, end // "Wednesday Aug. 6", "Wednesday 6 August 2025"
	}
	if v == "" {
		dir := p.dir(i, j)
		if (p.is(j, "'s") || p.is(j, "’s")) && p.localDir(i, j) == 0 {
			dir = past // "Wednesday's ruling"
		}
		if p.is(i-1, "this") && p.is(i-2, "coming") || p.is(i-1, "coming") {
			dir = future
		}
		v = p.weekdayValue(int(e.weekday), dir, shift)
		if after, ok := p.rangeStart(i, true); ok && shift == 0 {
			v = after.weekdayOnOrAfter(int(e.weekday)) // "from Monday to Wednesday"
		}
	}
	m := match{start: start, end: j, typ: doc.Date, value: v}
	p.addDayTime(&m)
	return m, true
}

// rangeStart returns the day that opens a range closed at tok i: the full
// date found just before a "to", "through" or "until" that precedes i, or
// before an "and" after "between" ("Monday to Wednesday", "between Sept. 3
// and 17"). A weekday closes a range only when a weekday opened it ("from
// Sept. 14 to Thursday" is the Thursday of the sentence's tense).
func (p *parser) rangeStart(i int, weekday bool) (anchor, bool) {
	if i < 2 || p.lastDateEnd != i-1 || len(p.lastDate) < 10 || !isDigit(p.lastDate[0]) {
		return anchor{}, false
	}
	switch {
	case p.is(i-1, "to") || p.is(i-1, "through") || p.is(i-1, "thru") || p.is(i-1, "until") ||
		p.is(i-1, "till") || p.is(i-1, "-"):
	case p.is(i-1, "and") && p.is(p.lastDateTok-1, "between"):
	default:
		return anchor{}, false
	}
	if e := p.e(p.lastDateEnd - 1); weekday && (e == nil || e.weekday == 0) {
		return anchor{}, false
	}
	t, ok := parseDay(p.lastDate[:10])
	return anchor{t}, ok
}

// anchor is a day that a relative expression counts from.
type anchor struct{ t time.Time }

// weekdayOnOrAfter is the first weekday wd (ISO) after the anchor day.
func (a anchor) weekdayOnOrAfter(wd int) string {
	cur := int(a.t.Weekday())
	if cur == 0 {
		cur = 7
	}
	delta := wd - cur
	if delta <= 0 {
		delta += 7
	}
	return fmtDay(a.t.AddDate(0, 0, delta))
}

// addDayTime extends a day match with a part of the day ("night") or a
// clock time ("3 p.m."), turning it into a TIME.
func (p *parser) addDayTime(m *match) {
	j := m.end
	if e := p.e(j); e != nil && e.pod != "" && len(e.pod) == 2 && !p.is(j, "tonight") && !p.is(j, "overnight") && !e.plural {
		// "Friday night" stays a DATE, as TimeBank annotates it, with the
		// part of the day in the value.
		m.end, m.value = j+1, m.value+"T"+e.pod
		if m.value[0] == 'P' || m.value[0] == 'F' {
			m.value = m.value[:len(m.value)-4]
		}
		return
	}
	k := j
	if p.is(k, ",") {
		k++
	}
	if c, ok := p.clockAt(k); ok && (p.toks[k].digits > 0 || p.toks[k].kind == doc.Number || len(c.value) >= 5) {
		if m.value == "" || m.value[0] == 'P' || m.value[0] == 'F' {
			m.value = "XXXX-XX-XX"
		}
		m.end, m.typ, m.value = c.end, doc.TimeOfDay, m.value+"T"+c.value
	}
}

// deictic matches today, yesterday, tomorrow, tonight, "this morning",
// "last night", "yesterday afternoon", "the day before yesterday".
func (p *parser) deictic(i int) (match, bool) {
	j := i
	var v string
	switch {
	case p.is(j, "the") && p.is(j+1, "day") && p.is(j+2, "before") && p.is(j+3, "yesterday"):
		v, j = p.shiftDays(-2), j+4
	case p.is(j, "the") && p.is(j+1, "day") && p.is(j+2, "after") && p.is(j+3, "tomorrow"):
		v, j = p.shiftDays(2), j+4
	case (p.is(j, "the") || p.is(j, "that")) && p.is(j+1, "same") && p.is(j+2, "day") && !p.is(j+3, "as"):
		// "the same day", "that same day": the day the narrative is at
		// ("the same day as the vote" names its own reference).
		v, j = p.anaphoricDayAt(0), j+3
	case p.is(j, "that") && p.is(j+1, "day") && p.dayAnaphorPrep(j):
		v, j = p.anaphoricDayAt(0), j+2
	case p.is(j, "the") && p.is(j+1, "day") && (p.is(j+2, "before") || p.is(j+2, "after")):
		return p.dayBeforeAfter(i, j)
	case p.is(j, "today"):
		v, j = p.shiftDays(0), j+1
		if !p.hasDCT {
			v = presentRef
		}
	case p.is(j, "yesterday"):
		v, j = p.shiftDays(-1), j+1
	case p.is(j, "tomorrow"):
		v, j = p.shiftDays(1), j+1
	case p.is(j, "tonight"):
		return match{start: i, end: j + 1, typ: doc.TimeOfDay, value: p.dayPod(0, "NI")}, true
	case p.is(j, "overnight"):
		return p.overnight(i)
	case p.is(j, "this") || p.is(j, "last"):
		e := p.e(j + 1)
		if e == nil || len(e.pod) != 2 || p.is(j+1, "tonight") || p.is(j+1, "overnight") {
			return match{}, false
		}
		if p.is(j, "last") {
			if e.pod != "NI" && e.pod != "EV" {
				return match{}, false
			}
			return match{start: i, end: j + 2, typ: doc.TimeOfDay, value: p.dayPod(-1, e.pod)}, true
		}
		return match{start: i, end: j + 2, typ: doc.TimeOfDay, value: p.dayPod(0, e.pod)}, true
	default:
		return match{}, false
	}
	m := match{start: i, end: j, typ: doc.Date, value: v}
	if p.hasDCT {
		p.addDayTime(&m)
	}
	return m, true
}

// afterOvernight are the words an adverbial "overnight" is followed by.
var afterOvernight = []string{"and", "to", "into", "on", "in", "as", "after", "before", "from",
	"while", "when", "but", "amid", "at"}

// overnight matches "overnight" used as an adverb ("fell overnight,",
// "overnight into Sunday"): the night before the DCT, or the coming one in a
// future sentence. Before a noun it is an adjective ("overnight rates").
func (p *parser) overnight(i int) (match, bool) {
	if p.nounAfter(i) {
		return match{}, false
	}
	if n := p.tokAt(i + 1); n != nil && n.kind == doc.Word && !p.lineBreakBefore(i+1) {
		if !p.isOneOf(i+1, afterOvernight) {
			return match{}, false
		}
	}
	shift := -1
	if p.tense(i) == future {
		shift = 0
	}
	return match{start: i, end: i + 1, typ: doc.TimeOfDay, value: p.dayPod(shift, "NI")}, true
}

// dayPod is the value of a part of the day n days from the DCT.
func (p *parser) dayPod(n int, pod string) string {
	if !p.hasDCT {
		return dirRef(n)
	}
	return fmtDay(p.dct.AddDate(0, 0, n)) + "T" + pod
}

// subjectPronouns start a clause: after "The day before," or "The day
// before she won" the phrase is complete.
var subjectPronouns = []string{"he", "she", "it", "they", "we", "i", "you"}

// dayAnaphorPrep reports whether "that day" at j is a time adjunct ("on
// that day", "by that day", "That day, ...") rather than, say, a
// complementiser before a compound ("said that day traders ...").
func (p *parser) dayAnaphorPrep(j int) bool {
	return p.prevIs(j, "on", "by", "until", "till", "since", "from", "of", "for", "during") ||
		p.is(j+2, ",")
}

// anaphoricDayAt is the day shift days from the one the narrative is at
// (the last full date found, else the DCT), or XXXX-XX-XX in an undated
// article with no full date: "the same day" is then unknown, not now.
func (p *parser) anaphoricDayAt(shift int) string {
	if p.refDay()[0] == 'X' {
		return "XXXX-XX-XX"
	}
	return p.anaphoricDay(shift)
}

// dayBeforeAfter matches "the day before" and "the day after", one DATE in
// TimeML: the day next to a date that follows ("the day before Christmas",
// "the day after Tuesday's vote", the span running to its end), or, when the
// phrase stands alone, to the day the narrative is at ("The day before, she
// had won"; "the next day" reads the same way). Before an event ("the day
// after the vote") the day is unknown and nothing is matched.
func (p *parser) dayBeforeAfter(i, j int) (match, bool) {
	shift := -1
	if p.is(j+2, "after") {
		shift = 1
	}
	k := j + 3
	// A nested "the day before the day before ..." is not followed: each
	// level would re-match the rest.
	if k < len(p.toks) && p.trigger(k) && !(p.is(k, "the") && p.is(k+1, "day")) {
		if ms := p.matchAt(k); len(ms) == 1 && ms[0].start == k && ms[0].typ == doc.Date && len(ms[0].value) == 10 {
			if t, ok := parseDay(ms[0].value); ok {
				return dateM(i, ms[0].end, fmtDay(t.AddDate(0, 0, shift)))
			}
		}
	}
	if k < len(p.toks) && p.toks[k].kind != doc.Punct && !p.sentenceStart(k) && !p.lineBreakBefore(k) && !p.isOneOf(k, subjectPronouns) {
		return match{}, false
	}
	return dateM(i, k, p.anaphoricDayAt(shift))
}

// podWord returns the TimeML part of the day (MO, AF, EV, NI) of the word
// at i ("morning", "midmorning"), or "".
func (p *parser) podWord(i int) string {
	if p.is(i, "midmorning") {
		return "MO"
	}
	if p.is(i, "midafternoon") {
		return "AF"
	}
	if e := p.e(i); e != nil && len(e.pod) == 2 && !e.plural && !p.is(i, "tonight") && !p.is(i, "overnight") {
		return e.pod
	}
	return ""
}

// podAdjunctEnd lists the words after which "in the morning" has ended
// rather than modifying a noun ("the morning talk show").
var podAdjunctEnd = []string{"to", "and", "or", "as", "when", "while", "before", "after", "with", "at",
	"on", "in", "but", "because", "until", "from", "he", "she", "it", "they", "we", "i", "the", "a"}

// partOfDay matches a part of the day told from the narrative's day: "mid-
// afternoon yesterday", "by mid afternoon", "in the morning", "through the
// night", "the next morning" (the day after the narrative's). Its value is
// that day with the part of the day (TIME, as "this morning" is). "The
// morning talk show" names no time and is not matched.
func (p *parser) partOfDay(i int) (match, bool) {
	j, shift, pod := i, 0, ""
	switch {
	case p.is(j, "mid") && p.podWord(j+1) != "" && p.podWord(j+1) != "NI":
		pod, j = p.podWord(j+1), j+2
	case (p.is(j, "midmorning") || p.is(j, "midafternoon")):
		pod, j = p.podWord(j), j+1
	case p.is(j, "the") && (p.is(j+1, "next") || p.is(j+1, "following")) && p.podWord(j+2) != "":
		pod, shift, j = p.podWord(j+2), 1, j+3
	case p.is(j, "the") && p.podWord(j+1) != "" && p.prevIs(j, "in", "during", "through", "throughout", "by", "until"):
		pod, j = p.podWord(j+1), j+2
	default:
		return match{}, false
	}
	if shift == 0 && !p.is(i, "the") && !p.prevIs(i, "in", "during", "through", "by", "until", "at", "around", "after", "before", "since", "from") {
		return match{}, false
	}
	if day, end, ok := p.dayRef(j, i); ok && shift == 0 && !p.is(i, "the") {
		// "mid-afternoon yesterday", "mid-morning Friday"
		return match{start: i, end: end, typ: doc.TimeOfDay, value: day + "T" + pod}, len(day) == 10 || day[0] == 'X'
	}
	if n := p.tokAt(j); n != nil && n.kind == doc.Word && !p.isOneOf(j, podAdjunctEnd) && !p.lineBreakBefore(j) {
		return match{}, false // "in the morning session": a modifier
	}
	day := p.anaphoricDayAt(shift)
	return match{start: i, end: j, typ: doc.TimeOfDay, value: day + "T" + pod}, true
}
