package timex

// Durations, the dates counted with them ("two days ago") and sets.

import (
	"strconv"

	"dateline/internal/doc"
)

// approxAt reads a leading approximator and returns its mod and the tok
// after it: "about", "nearly", "more than", "at least", "up to".
func (p *parser) approxAt(i int) (string, int) {
	e := p.e(i)
	if e == nil || e.approx == "" && !p.is(i, "no") && !p.is(i, "as") && !p.is(i, "at") && !p.is(i, "well") && !p.is(i, "just") {
		return "", i
	}
	switch {
	case p.is(i, "no") && (p.is(i+1, "more") || p.is(i+1, "less") || p.is(i+1, "fewer")) && p.is(i+2, "than"):
		if p.is(i+1, "more") {
			return "EQUAL_OR_LESS", i + 3
		}
		return "EQUAL_OR_MORE", i + 3
	case (p.is(i, "more") || p.is(i, "less") || p.is(i, "fewer")) && p.is(i+1, "than"):
		return e.approx, i + 2
	case p.is(i, "at") && (p.is(i+1, "least") || p.is(i+1, "most")):
		return p.e(i + 1).approx, i + 2
	case p.is(i, "up") && p.is(i+1, "to"):
		return "EQUAL_OR_LESS", i + 2
	case p.is(i, "as") && (p.is(i+1, "many") || p.is(i+1, "much") || p.is(i+1, "long") || p.is(i+1, "little")) && p.is(i+2, "as"):
		return "APPROX", i + 3
	case (p.is(i, "well") || p.is(i, "just") || p.is(i, "slightly")) && (p.is(i+1, "over") || p.is(i+1, "under")):
		return p.e(i + 1).approx, i + 2
	case p.is(i, "around") || p.is(i, "nearly") || p.is(i, "almost") ||
		p.is(i, "approximately") || p.is(i, "roughly") || p.is(i, "barely") || p.is(i, "circa") ||
		p.is(i, "some"):
		return e.approx, i + 1
	case p.is(i, "over") || p.is(i, "under"):
		if _, ok := p.number(i + 1); ok && !p.is(i+1, "the") && p.overMeansMore(i) {
			return e.approx, i + 1
		}
	}
	return "", i
}

// durationPhrase matches durations and the dates counted from the DCT with
// them: "three hours", "Three-hour", "24 hours", "about two weeks", "the
// past two months", "the first nine months", "a decade", "months",
// "two days ago", "a year earlier", "an hour and a half".
func (p *parser) durationPhrase(i int) (match, bool) {
	mod, j := p.approxAt(i)
	the := false
	if p.is(j, "the") {
		the = true
		j++
	}
	span := false // past/last/next/first: "the past two months"
	if e := p.e(j); e != nil && (e.rel == rLast || e.rel == rNext || p.is(j, "first") || p.is(j, "final") ||
		p.is(j, "remaining") || p.is(j, "initial")) && !p.is(j, "this") {
		if p.is(j, "past") || p.is(j, "last") || p.is(j, "next") || p.is(j, "first") || p.is(j, "final") ||
			p.is(j, "remaining") || p.is(j, "previous") || p.is(j, "coming") || p.is(j, "following") || p.is(j, "initial") {
			span = true
			j++
		}
	}
	n, ok := p.number(j)
	bare := false
	if !ok {
		// A bare plural unit: "for months", "despite months of talks".
		if the || span || mod != "" {
			if !span {
				return match{}, false
			}
		}
		n = numVal{x: true, end: j}
		bare = true
	}
	k := n.end
	// "two to three weeks", "12 to 18 months": one duration, valued by its
	// lower bound.
	if !bare && !n.x && !n.article && (p.is(k, "to") || p.is(k, "or")) {
		if m, ok := p.number(k + 1); ok && !m.x && !m.article && m.n > n.n && p.unitAt(m.end) {
			k = m.end
		}
	}
	adj := 0
	for adj < 2 && k < len(p.toks) && p.e(k) != nil && p.e(k).fillAdj && !n.article {
		k++
		adj++
	}
	u := p.e(k)
	if u == nil || u.unit == noUnit {
		return match{}, false
	}
	if longAdj := k+1 < len(p.toks) && p.toks[k+1].hyph && p.is(k+1, "long"); bare && longAdj && k == j && !span && !the {
		// "decades-long", "day-long": a stretch of the unit.
		if !u.plural {
			n = numVal{n: 1, end: j}
		}
	} else if bare && (!u.plural || !p.bareUnitOK(j, k)) {
		return match{}, false
	}
	if n.article && (u.plural || u.unit == uSecond || u.unit == uQuarter && p.is(k+1, "of")) {
		return match{}, false
	}
	if !bare && n.end == j+1 && p.toks[j].kind == doc.Number && p.toks[j].digits == 4 && !u.plural && !p.toks[k].hyph {
		return match{}, false // "2008 season"
	}
	if u.unit == uSeason || u.unit == uWeekend && n.article {
		return match{}, false
	}
	if u.unit == uQuarter && !u.plural && !n.article && n.n != 1 && !p.toks[k].hyph {
		return match{}, false
	}
	if u.unit == uQuarter && (p.is(k+1, "of") || p.toks[k].hyph && p.is(k+1, "of")) {
		return match{}, false // "three-quarters of the vote": a fraction
	}
	if p.toks[k].cap && !p.toks[k].hyph && !p.sentenceStart(k) && !p.toks[j].cap {
		// "60 Minutes": a capitalised unit after a number is a title.
		if j < len(p.toks) && p.toks[j].kind == doc.Number {
			return match{}, false
		}
	}
	if p.toks[j].e != nil && p.toks[j].e.ord != 0 && p.toks[j].e.num == 0 {
		return match{}, false
	}
	end := k + 1
	val := n.n
	if p.is(end, "and") && p.is(end+1, "a") && p.is(end+2, "half") && !n.x {
		val += 0.5
		end += 3
	}
	// "a week or so ago"
	if p.is(end, "or") && p.is(end+1, "so") && p.is(end+2, "ago") {
		end += 2
	}
	// "three-hour-long"
	long := false
	if p.is(end, "long") && end < len(p.toks) && p.toks[end].hyph {
		end++
		long = true
	}
	if p.is(end, "old") && end < len(p.toks) && (p.toks[end].hyph || !u.plural) {
		return match{}, false // an age
	}
	if p.is(end, "old") {
		return match{}, false
	}
	start := i
	if p.toks[k].hyph && !bare {
		// Adjectival "the two-week strike": the determiner belongs to the noun.
		start, mod = j, ""
		if span {
			start = j - 1
		}
	}
	if long && n.article {
		start, mod = k, "" // "a day-long meeting": the article is the meeting's
	}
	m := match{start: start, end: end, typ: doc.Duration, value: durValue(val, n.x, u.unit), mod: mod}
	// Dates counted from the DCT: "two days ago", "a year earlier".
	if !the && !span {
		switch {
		case end < len(p.toks) && p.toks[end].hyph && (p.is(end, "earlier") || p.is(end, "ago")):
			return match{}, false // "a year-earlier quarter": relative() reads "year-earlier"
		case p.is(end, "ago") || p.is(end, "earlier") && !p.is(end+1, "than"):
			m.typ, m.value, m.end, m.derived = doc.Date, p.agoValue(u.unit, val, n.x, -1), end+1, true
			if u.unit == uYear && val == 1 && !n.x && p.hasDCT {
				m.value, m.derived = p.yearBack(i), true
			}
		case (p.is(end, "from") && p.is(end+1, "now")):
			m.typ, m.value, m.end = doc.Date, p.agoValue(u.unit, val, n.x, 1), end+2
		case p.is(end, "hence"):
			m.typ, m.value, m.end = doc.Date, p.agoValue(u.unit, val, n.x, 1), end+1
		}
		if m.typ == doc.Date && (u.unit == uSecond || u.unit == uMinute || u.unit == uHour) {
			m.typ, m.value = doc.Date, p.shiftDays(0)
		}
	}
	return m, m.value != ""
}

// bareUnitOK accepts a plural unit without a number ("months") where it
// names a stretch of time: after "for", "despite", "over", ... or before
// "of", "ago", "later".
func (p *parser) bareUnitOK(j, k int) bool {
	if k != j {
		return false
	}
	if p.prevIs(j, "for", "despite", "after", "within", "over", "took", "take", "takes",
		"taking", "spent", "spend", "lasted", "last", "lasting", "in", "than", "and", "wait",
		"waited", "from", "since", "throughout", "during", "just", "only") {
		if p.is(k+1, "ago") || p.is(k+1, "later") || p.is(k+1, "earlier") || p.is(k+1, ",") ||
			p.is(k+1, ".") || p.is(k+1, "of") || p.is(k+1, "and") || p.is(k+1, "before") ||
			p.is(k+1, "after") || p.is(k+1, "to") || p.is(k+1, "in") || p.is(k+1, "on") ||
			p.is(k+1, "now") || p.is(k+1, "earlier") || p.is(k+1, "without") || k+1 >= len(p.toks) {
			return true
		}
	}
	if p.is(j-1, "for") && p.sentenceStart(j-1) {
		return true // "For weeks the government has held rallies"
	}
	return p.is(k+1, "of") && p.sentenceStart(j) || p.is(k+1, "ago") || p.is(k+1, "later")
}

// set matches recurring times: "daily", "weekly", "every week", "each
// year", "every two weeks", "every Monday", "twice a week" ("a week"), "per
// year", "Tuesdays".
func (p *parser) set(i int) (match, bool) {
	e := p.e(i)
	switch {
	case e.setUnit != noUnit:
		if p.is(i, "annually") || p.is(i, "quarterly") {
			return match{}, false // mostly "quarterly earnings", "reported annually"
		}
		if p.is(i, "annual") {
			// "annual sales": a year's worth, a DURATION as TimeBank and
			// MEANTIME annotate it.
			return match{start: i, end: i + 1, typ: doc.Duration, value: "P1Y"}, true
		}
		v := durValue(1, false, e.setUnit)
		if e.setUnit == uNight {
			v = "P1D"
		}
		return match{start: i, end: i + 1, typ: doc.Set, value: v}, true
	case p.is(i, "every") || p.is(i, "each"):
		j := i + 1
		n := numVal{n: 1}
		if p.is(j, "other") {
			n.n = 2
			j++
		} else if v, ok := p.number(j); ok && !v.x && !v.article {
			n, j = v, v.end
		}
		u := p.e(j)
		if u == nil {
			return match{}, false
		}
		switch {
		case u.unit == uWeekend && !u.plural && n.n == 1:
			return match{start: i, end: j + 1, typ: doc.Set, value: "XXXX-WXX-WE"}, true
		case u.unit != noUnit && (u.plural == (n.n != 1)):
			return match{start: i, end: j + 1, typ: doc.Set, value: durValue(n.n, false, u.unit)}, true
		case u.weekday != 0 && !u.plural && n.n == 1:
			m := match{start: i, end: j + 1, typ: doc.Set, value: "XXXX-WXX-" + strconv.Itoa(int(u.weekday))}
			if pe := p.e(j + 1); pe != nil && len(pe.pod) == 2 && !pe.plural {
				m.end, m.value = j+2, m.value+"T"+pe.pod
			}
			return m, true
		case len(u.pod) == 2 && n.n == 1:
			return match{start: i, end: j + 1, typ: doc.Set, value: "T" + u.pod}, true
		case u.month != 0 && n.n == 1 && (!u.needsCap || p.toks[j].cap):
			return match{start: i, end: j + 1, typ: doc.Set, value: "XXXX-" + pad(int(u.month), 2)}, true
		}
	case p.is(i, "per") || p.is(i, "a") || p.is(i, "an"):
		u := p.e(i + 1)
		if u == nil || u.unit == noUnit || u.plural || u.unit == uSeason || u.unit == uWeekend {
			return match{}, false
		}
		if p.is(i, "per") && !p.is(i+1, "second") || p.prevIs(i, "once", "twice", "thrice", "times") {
			// TimeML's extent holds the frequency: "twice a week", "three
			// times a year", "once-a-week".
			start := i
			switch {
			case p.prevIs(i, "once", "twice", "thrice"):
				start = i - 1
			case p.is(i-1, "times"):
				if v, ok := p.number(i - 2); ok && v.end == i-1 && !v.x {
					start = i - 2
				}
			}
			if p.toks[i+1].hyph && (start == i || !p.toks[i].hyph) {
				return match{}, false
			}
			return match{start: start, end: i + 2, typ: doc.Set, value: durValue(1, false, u.unit)}, true
		}
	case e.weekday != 0 && e.plural:
		m := match{start: i, end: i + 1, typ: doc.Set, value: "XXXX-WXX-" + strconv.Itoa(int(e.weekday))}
		return m, true
	}
	return match{}, false
}

// overMeansMore reports whether "over" ("under") at i means more (less)
// than, a modifier of the duration after it ("lasted over a week", "in over
// a year", "for under an hour"), rather than the preposition of a stretch
// something happens across ("spread over three years", "rose over two
// days"), which TimeML leaves out of the extent.
func (p *parser) overMeansMore(i int) bool {
	t := p.tokAt(i - 1)
	if t == nil || t.kind != doc.Word || p.sentenceStart(i) {
		return true
	}
	return p.isOneOf(i-1, moreThanAfter)
}

// moreThanAfter are the words after which "over" before a duration means
// "more than" (see overMeansMore).
var moreThanAfter = []string{"in", "for", "of", "after", "within", "last", "lasts", "lasted", "lasting",
	"take", "takes", "took", "taking", "spent", "spend", "spends", "spending", "than", "and", "or", "be",
	"is", "was", "been"}
