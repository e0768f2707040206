package timex

// Quarters, halves, seasons and positions inside a period ("early 2025",
// "the end of the month").

import (
	"strconv"
	"time"

	"dateline/internal/doc"
)

// quarter matches "the third quarter", "third-quarter", "the first half of
// 2025", "Q3 2025", "fiscal second-quarter", "the 1988 third quarter".
func (p *parser) quarter(i int) (match, bool) {
	j := i
	if p.is(j, "its") {
		return match{}, false // "its fourth quarter": the possessive is not part of it
	}
	if p.is(j, "the") || p.is(j, "a") {
		j++
	}
	year := ""
	if p.is(j, "fiscal") {
		j++
	}
	if y, ok := p.yearAt(j); ok && j > i {
		year = pad(y, 4)
		j++
		if p.is(j, "fiscal") {
			j++
		}
	}
	// "2025's first quarter"
	if y, ok := p.yearAt(i); ok && (p.is(i+1, "'s") || p.is(i+1, "’s")) {
		return p.quarterAfterYear(i, i+2, pad(y, 4))
	}
	// "the 1988 quarter", "the 1989 period": the quarter under report.
	if year != "" && p.is(i, "the") && (p.is(j, "quarter") || p.is(j, "period")) {
		if _, ok := p.spanYearBack(i); ok && p.is(j, "period") {
			return dateM(i, j+1, year) // "the nine months ... the 1988 period": that year's
		}
		q := p.reportQuarter()
		if len(p.lastDate) == 7 && p.lastDate[5] == 'Q' {
			q = p.lastDate
		}
		if len(q) == 7 && q[5] == 'Q' {
			return dateM(i, j+1, year+q[4:])
		}
	}
	// Q3, 3Q, H1
	if s := p.str(j); len(s) == 2 && p.toks[j].kind != doc.Punct {
		var code byte
		var n int
		switch {
		case (s[0] == 'Q' || s[0] == 'H') && s[1] >= '1' && s[1] <= '4':
			code, n = s[0], int(s[1]-'0')
		case (s[1] == 'Q' || s[1] == 'H') && s[0] >= '1' && s[0] <= '4':
			code, n = s[1], int(s[0]-'0')
		}
		if code == 'H' && n > 2 {
			code = 0
		}
		if code != 0 {
			end := j + 1
			if year == "" {
				if y, ok := p.yearAt(end); ok {
					year, end = pad(y, 4), end+1
				}
			}
			return dateM(i, end, p.periodValue(year, code, n, i))
		}
	}
	ord := 0
	if e := p.e(j); e != nil && e.ord != 0 {
		ord = e.ord
	} else if t := p.tokAt(j); t != nil && t.ordinal {
		ord = t.val
	}
	if ord == 0 {
		return match{}, false
	}
	u := p.e(j + 1)
	half := p.is(j+1, "half")
	if !half && (u == nil || u.unit != uQuarter) {
		return match{}, false
	}
	code, max := byte('Q'), 4
	if half {
		code, max = 'H', 2
	}
	if ord == -1 {
		ord = max
	}
	if ord > max {
		return match{}, false
	}
	end := j + 2
	if u != nil && u.plural {
		if i == j {
			return match{start: i, end: end, typ: doc.Set, value: "XXXX-" + string(code) + strconv.Itoa(ord)}, true
		}
		return match{}, false
	}
	if year == "" && p.is(end, "of") {
		if y, ok := p.yearAt(end + 1); ok {
			year, end = pad(y, 4), end+2
		} else if p.is(end+1, "fiscal") {
			if y, ok := p.yearAt(end + 2); ok {
				year, end = pad(y, 4), end+3
			}
		} else if e := p.e(end + 1); e != nil && (e.rel == rLast || e.rel == rThis || e.rel == rNext) && p.is(end+2, "year") {
			year, end = p.unitValue(uYear, relShift(e.rel)), end+3
		} else if p.is(end+1, "the") && p.is(end+2, "year") && !p.is(end+3, "before") && !p.is(end+3, "after") {
			// "the first half of the year": the year under report, as "the year".
			if q, ok := p.reportedQuarter(i); ok {
				year = q[:4]
			}
			end += 3
		}
	}
	if half && year == "" && !p.is(i, "the") {
		return match{}, false
	}
	if p.is(i, "a") {
		return match{}, false // "a third quarter of the vote"
	}
	if p.toks[j+1].hyph && j > i && year == "" && !p.is(i+1, "fiscal") {
		i = j // "the third-quarter loss"
	}
	return dateM(i, end, p.periodValue(year, code, ord, i))
}

func relShift(r relKind) int {
	switch r {
	case rLast:
		return -1
	case rNext:
		return 1
	}
	return 0
}

// quarterAfterYear matches "last year's third quarter" once the year phrase
// (toks [i, j), value y) is read.
func (p *parser) quarterAfterYear(i, j int, y string) (match, bool) {
	if len(y) != 4 {
		return match{}, false
	}
	if p.is(j, "fiscal") {
		j++
	}
	ord := 0
	if e := p.e(j); e != nil && e.ord > 0 {
		ord = e.ord
	}
	if ord == 0 && (p.is(j, "quarter") || p.is(j, "period")) {
		// "last year's quarter": the reported quarter in that year.
		if q, ok := p.reportedQuarter(i); ok {
			return dateM(i, j+1, y+q[4:])
		}
		return match{}, false
	}
	if ord < 1 || ord > 4 {
		return match{}, false
	}
	if u := p.e(j + 1); u != nil && u.unit == uQuarter && !u.plural {
		return dateM(i, j+2, y+"-Q"+strconv.Itoa(ord))
	}
	if p.is(j+1, "half") && ord <= 2 {
		return dateM(i, j+2, y+"-H"+strconv.Itoa(ord))
	}
	return match{}, false
}

// periodValue formats quarter or half n of year (the DCT's year when empty).
func (p *parser) periodValue(year string, code byte, n, i int) string {
	if year == "" {
		if !p.hasDCT {
			year = "XXXX"
		} else {
			y := p.dct.Year()
			cur := (int(p.dct.Month())-1)/3 + 1
			if code == 'H' {
				cur = (int(p.dct.Month())-1)/6 + 1
			}
			// A quarter still to come in a past-tense report is last year's.
			switch dir := p.dir(i, i+1); {
			case n > cur && dir < 0 && (code == 'Q' && n-cur > 1 || code == 'H'):
				y--
			case n < cur && dir > 0 && (code == 'Q' && cur-n > 1 || code == 'H'):
				// One gone by in a future sentence is next year's ("expects
				// cuts in the first half", said in December).
				y++
			}
			year = pad(y, 4)
		}
	}
	return year + "-" + string(code) + strconv.Itoa(n)
}

// season matches "summer 2025", "the summer of 2025", "this summer" (via
// relative) and a bare season after a preposition ("in spring").
func (p *parser) season(i int) (match, bool) {
	j := i
	if p.is(j, "the") {
		j++
	}
	e := p.e(j)
	if e == nil || e.season == "" {
		return match{}, false
	}
	k := j + 1
	if p.is(k, "of") {
		k++
	}
	if y, ok := p.yearAt(k); ok {
		return dateM(i, k+1, pad(y, 4)+"-"+e.season)
	}
	if y, end, ok := p.spokenYear(k); ok && k > j+1 {
		return dateM(i, end, pad(y, 4)+"-"+e.season) // "the winter of nineteen ninety-four"
	}
	if p.is(j, "fall") && j == i && !p.prevIs(i, "early", "mid", "late") {
		return match{}, false
	}
	if j == i && !p.prevIs(i, "in", "during", "since", "until", "by", "through", "over", "this", "last", "next",
		"early", "mid", "late") { // "in late spring", read with its position word
		return match{}, false
	}
	if j > i && (p.is(j+1, "of") || p.is(j, "fall") && !p.prevIs(i, "in", "during", "since", "until", "by", "through", "over")) {
		return match{}, false
	}
	// Like a month name, a season is read with the tense of the sentence
	// but not of its reporting verb; without a cue the season to come is
	// the next one, any other the last.
	dir := p.monthDir(i, j+1)
	v := ""
	if p.hasDCT {
		_, cs := seasonOf(p.dct)
		s := seasonIndex(e.season)
		switch {
		case s == cs:
			v = p.relSeason(s, 0)
		case dir < 0, dir == same && (s-cs+4)%4 != 1:
			v = p.relSeason(s, -1)
		default:
			v = p.relSeason(s, 1)
		}
	} else {
		v = "XXXX-" + e.season
	}
	return dateM(i, j+1, v)
}

// positional matches a date with a position inside it: "early 2025",
// "mid-August", "late last year", "the end of 1990", "the beginning of the
// year", "earlier this month", "later in the day", "later that day".
func (p *parser) positional(i int) (match, bool) {
	j := i
	mod := ""
	switch {
	case p.is(j, "the") && (p.is(j+1, "end") || p.is(j+1, "beginning") || p.is(j+1, "start") ||
		p.is(j+1, "middle") || p.is(j+1, "close") || p.is(j+1, "turn")) && p.is(j+2, "of"):
		mod = p.e(j + 1).posMod
		if p.is(j+1, "turn") {
			mod = "START"
		}
		j += 3
		if p.is(j, "the") {
			if u := p.e(j + 1); u != nil && !u.plural && (u.unit == uYear || u.unit == uMonth || u.unit == uWeek || u.unit == uDecade || u.unit == uCentury || u.unit == uQuarter) {
				return match{start: i, end: j + 2, typ: doc.Date, value: p.unitValue(u.unit, 0), mod: mod}, true
			}
			if p.is(j+1, "day") && mod == "START" {
				// "the start of the day" in a market report: the trading day.
				return match{start: i, end: j + 2, typ: doc.Date, value: p.dayValue(), mod: mod}, true
			}
		}
	case p.is(j, "the") && p.is(j+1, "week") && p.is(j+2, "of"):
		// "the week of March 6": the ISO week holding that day.
		v, end, ok := p.calDate(j + 3)
		if !ok || len(v) != 10 {
			return match{}, false
		}
		t, ok := parseDay(v)
		if !ok {
			return match{}, false
		}
		return dateM(i, end, fmtWeek(t))
	case p.is(j, "the") && p.e(j+1) != nil && p.e(j+1).ord != 0 && p.is(j+2, "weekend") && p.is(j+3, "of"):
		// "the last weekend of August": the weekend of that Saturday.
		t, inner, ok := p.monthAt(j + 4)
		if !ok {
			return match{}, false
		}
		ord := p.e(j + 1).ord
		if ord < 0 {
			t = t.AddDate(0, 1, -1) // the month's last day, then back to a Saturday
			for t.Weekday() != time.Saturday {
				t = t.AddDate(0, 0, -1)
			}
		} else if ord <= 5 {
			for t.Weekday() != time.Saturday {
				t = t.AddDate(0, 0, 1)
			}
			t = t.AddDate(0, 0, 7*(ord-1))
			if int(t.Month()) != int(inner.value[5]-'0')*10+int(inner.value[6]-'0') {
				return match{}, false // no fifth weekend
			}
		} else {
			return match{}, false
		}
		return dateM(i, inner.end, fmtWeek(t)+"-WE")
	case p.is(j, "the") && p.e(j+1) != nil && p.e(j+1).ord != 0 && p.is(j+2, "week") && p.is(j+3, "of"):
		// "the last week of March": the week holding that part of the month.
		t, inner, ok := p.monthAt(j + 4)
		if !ok {
			return match{}, false
		}
		ord := p.e(j + 1).ord
		if ord < 0 {
			t = t.AddDate(0, 1, -4) // the last full days of the month
		} else if ord <= 5 {
			t = t.AddDate(0, 0, 7*(ord-1))
		} else {
			return match{}, false
		}
		return dateM(i, inner.end, fmtWeek(t))
	case p.is(j, "the") && (p.is(j+1, "first") || p.is(j+1, "second")) && p.is(j+2, "half") && p.is(j+3, "of"):
		h := "1"
		if p.is(j+1, "second") {
			h = "2"
		}
		if p.is(j+4, "the") && p.is(j+5, "year") {
			// "the first half of the year": the DCT's.
			if !p.hasDCT {
				return dateM(i, j+6, "XXXX-H"+h)
			}
			return dateM(i, j+6, pad(p.dct.Year(), 4)+"-H"+h)
		}
		inner, ok := p.innerDate(j + 4)
		if !ok || len(inner.value) != 4 {
			return match{}, false
		}
		return dateM(i, inner.end, inner.value+"-H"+h)
	default:
		if p.is(j, "the") && (p.is(j+1, "early") || p.is(j+1, "late") || p.is(j+1, "mid")) {
			j++
		}
		e := p.e(j)
		if e == nil || e.posMod == "" || p.is(j, "end") || p.is(j, "beginning") || p.is(j, "start") || p.is(j, "middle") || p.is(j, "close") || p.is(j, "dawn") {
			return match{}, false
		}
		mod = e.posMod
		if p.is(j, "earlier") || p.is(j, "later") {
			mod = ""
			if (p.is(j+1, "in") || p.is(j+1, "that")) && j+2 < len(p.toks) {
				k := j + 2
				if p.is(j+1, "in") && p.is(k, "the") {
					k++
				}
				if u := p.e(k); u != nil && !u.plural && (u.unit == uDay || u.unit == uWeek || u.unit == uMonth || u.unit == uYear) {
					v := p.unitValue(u.unit, 0)
					if p.is(j+1, "that") || u.unit == uDay {
						if u.unit == uDay {
							v = p.shiftDays(0)
							if p.is(j+1, "that") {
								v = p.refDay()
							}
							if v[0] == 'X' {
								v = presentRef
							}
						} else if p.is(j+1, "that") {
							nv, ok := p.narrativeUnit(u.unit)
							if !ok {
								return match{}, false
							}
							v = nv // "later that year": the narrative's
						}
					}
					return dateM(i, k+1, v)
				}
				return match{}, false
			}
		}
		j++
	}
	if (p.is(j-1, "earlier") || p.is(j-1, "later")) && p.e(j) != nil && p.e(j).weekday != 0 {
		return match{}, false // "Earlier Friday": the weekday alone, as TimeBank marks it
	}
	inner, ok := p.innerDate(j)
	if !ok {
		return match{}, false
	}
	inner.start, inner.mod = i, mod
	return inner, true
}

// monthAt reads a month of a known year at token j ("August", "March
// 2026"), as "the last week of" and "the first weekend of" need it: its
// first day and the match.
func (p *parser) monthAt(j int) (time.Time, match, bool) {
	inner, ok := p.innerDate(j)
	if !ok || len(inner.value) != 7 || !isDigit(inner.value[0]) || !isDigit(inner.value[5]) {
		return time.Time{}, match{}, false
	}
	t, err := time.Parse("2006-01", inner.value)
	if err != nil {
		return time.Time{}, match{}, false
	}
	return t, inner, true
}

// innerDate matches the date after a position word: a year, month, decade,
// season, relative or deictic date, or a weekday.
func (p *parser) innerDate(j int) (match, bool) {
	if j >= len(p.toks) {
		return match{}, false
	}
	var best match
	try := func(m match, ok bool) {
		if ok && m.end > best.end && m.value != "" && m.start == j {
			best = m
		}
	}
	try(p.calendar(j))
	try(p.decade(j))
	try(p.relative(j))
	try(p.deictic(j))
	try(p.quarter(j))
	try(p.season(j))
	if e := p.e(j); e != nil && e.weekday != 0 {
		try(p.weekdayPhrase(j))
	}
	if e := p.e(j); e != nil && e.month != 0 && !e.needsCap {
		try(dateM(j, j+1, p.relMonthByTense(j, int(e.month))))
	}
	if e := p.e(j); e != nil && e.season != "" && best.end == 0 {
		if v, ok := p.season(j - 1); ok && v.end > j {
			v.start = j
			try(v, true)
		}
	}
	if best.end == 0 || best.typ == doc.Duration {
		return match{}, false
	}
	return best, true
}

func (p *parser) relMonthByTense(i, m int) string {
	y, ok := p.monthYear(m, 0, p.monthDir(i, i+1))
	if !ok {
		return "XXXX-" + pad(m, 2)
	}
	return fmtMonth(y, m)
}

// yearEnd matches "year-end", "year end" and "year's end" used as a noun
// after a preposition ("complete the deal by year-end", "since year end"):
// the end of the DCT's year (mod END), as "the end of the year" is, or of
// the year before when counted since, or told in the past early in a year.
// As an adjective ("year-end results") it names no time of its own.
func (p *parser) yearEnd(i int) (match, bool) {
	if !p.is(i, "year") || !p.prevIs(i, "by", "at", "since", "until", "till", "before", "after",
		"around", "near", "toward", "towards", "through", "from", "past") {
		return match{}, false
	}
	j := i + 1
	if p.is(j, "'s") || p.is(j, "’s") {
		j++
	}
	if !p.is(j, "end") {
		return match{}, false
	}
	if n := p.tokAt(j + 1); n != nil && n.kind == doc.Word && !n.cap && p.e(j+1) == nil && !p.isOneOf(j+1, afterYearEnd) {
		return match{}, false // "by year-end bonuses": an adjective
	}
	if !p.hasDCT {
		return match{start: i, end: j + 1, typ: doc.Date, value: "XXXX", mod: "END"}, true
	}
	y := p.dct.Year()
	if p.prevIs(i, "since", "after", "past") || p.dct.Month() <= 3 && p.tense(i) == past {
		y--
	}
	return match{start: i, end: j + 1, typ: doc.Date, value: pad(y, 4), mod: "END"}, true
}

// afterYearEnd are the words that may follow a noun "year-end".
var afterYearEnd = []string{"and", "or", "as", "when", "but", "if", "at", "in", "for", "to", "with",
	"because", "while", "after", "before", "than", "so", "unless", "amid"}

// comparablePeriod matches "the corresponding period last year", "the
// same quarter a year ago", "the comparable period of the previous year":
// the period an earnings story reports on, a year back (the quarter under
// report, or the year after a longer period such as "the nine months").
func (p *parser) comparablePeriod(i int) (match, bool) {
	if !p.is(i, "the") || !p.isOneOf(i+1, comparableWords) {
		return match{}, false
	}
	j := i + 2
	if !p.is(j, "quarter") && !p.is(j, "period") {
		return match{}, false
	}
	k := j + 1
	switch {
	case p.is(k, "last") && p.is(k+1, "year"), p.is(k, "of") && p.is(k+1, "last") && p.is(k+2, "year"):
		k += 2
		if p.is(k-2, "of") {
			k++
		}
	case p.is(k, "a") && p.is(k+1, "year") && (p.is(k+2, "ago") || p.is(k+2, "earlier")):
		k += 3
	case (p.is(k, "of") || p.is(k, "in")) && p.is(k+1, "the") && (p.is(k+2, "previous") || p.is(k+2, "prior")) && p.is(k+3, "year"):
		k += 4
	default:
		return match{}, false
	}
	if !p.hasDCT {
		return dateM(i, k, pastRef)
	}
	if y, ok := p.spanYearBack(i); ok {
		return dateM(i, k, y)
	}
	q, ok := p.reportedQuarter(i)
	if !ok {
		q = p.reportQuarter()
	}
	m, ok := dateM(i, k, p.yearBackOf(q))
	m.derived = true
	return m, ok
}

// comparableWords introduce the period of a year before ("the
// corresponding period last year", "the comparable year-ago quarter").
var comparableWords = []string{"same", "corresponding", "comparable", "equivalent"}
