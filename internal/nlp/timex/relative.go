package timex

import (
	"strconv"
	"time"

	"dateline/internal/doc"
)

// fuzzy matches vague references to the present, past and future: "now",
// "recently", "the past", "the future", "recent years", "the coming weeks",
// "the days and weeks to come".
func (p *parser) fuzzy(i int) (match, bool) {
	e := p.e(i)
	switch {
	case p.is(i, "now") || p.is(i, "currently") || p.is(i, "nowadays") || p.is(i, "recently") ||
		p.is(i, "lately"):
		if p.is(i, "now") && (p.is(i+1, "that") && !p.is(i+2, ",")) {
			return match{}, false
		}
		return dateM(i, i+1, e.fuzzy)
	case p.is(i, "these") && p.is(i+1, "days"):
		return dateM(i, i+2, presentRef)
	case p.is(i, "recent") || p.is(i, "coming") || p.is(i, "future") || p.is(i, "past") && !p.prevIs(i, "the"):
		// recent years, coming weeks, future quarters
		if u := p.e(i + 1); u != nil && u.unit != noUnit && u.plural {
			end := i + 2
			if p.is(end, "and") && p.unitAt(end+1) && p.e(end+1).plural {
				end += 2
			}
			if p.is(i, "recent") && end == i+2 {
				// "in recent months": a stretch up to now, as TimeBank reads it.
				return match{start: i, end: end, typ: doc.Duration, value: durValue(0, true, u.unit)}, true
			}
			v := pastRef
			if !p.is(i, "recent") && !p.is(i, "past") {
				v = futureRef
			}
			return dateM(i, end, v)
		}
	case p.is(i, "more") && p.is(i+1, "recently"):
		return dateM(i, i+2, pastRef)
	case p.is(i, "right") && p.is(i+1, "now"):
		return dateM(i, i+2, presentRef)
	case p.is(i, "the") && (p.is(i+1, "near") || p.is(i+1, "long") || p.is(i+1, "short")) && p.is(i+2, "term"):
		return dateM(i, i+3, futureRef)
	case p.is(i, "the"):
		j := i + 1
		if p.is(j, "near") || p.is(j, "distant") || p.is(j, "recent") || p.is(j, "immediate") {
			j++
		}
		switch {
		case p.is(j, "past") && !p.numberOrUnit(j+1):
			return dateM(i, j+1, pastRef)
		case p.is(j, "future"):
			return dateM(i, j+1, futureRef)
		case p.is(j, "coming") || p.is(j, "upcoming"):
			if u := p.e(j + 1); u != nil && u.unit != noUnit && u.plural {
				return dateM(i, p.unitList(j+1), futureRef)
			}
		}
		// "the days and weeks to come", "the months ahead"
		if u := p.e(j); j == i+1 && u != nil && u.unit != noUnit && u.plural {
			end := p.unitList(j)
			if p.is(end, "to") && p.is(end+1, "come") {
				return dateM(i, end+2, futureRef)
			}
			if p.is(end, "ahead") {
				return dateM(i, end+1, futureRef)
			}
		}
	case p.is(i, "a") && p.is(i+1, "later") && p.is(i+2, "date"):
		return dateM(i, i+3, futureRef)
	}
	return match{}, false
}

// unitList returns the end of "days and weeks" starting at the unit at i.
func (p *parser) unitList(i int) int {
	end := i + 1
	for p.is(end, "and") || p.is(end, "or") {
		if u := p.e(end + 1); u != nil && u.unit != noUnit && u.plural {
			end += 2
			continue
		}
		break
	}
	return end
}

func (p *parser) numberOrUnit(i int) bool {
	if _, ok := p.number(i); ok {
		return true
	}
	e := p.e(i)
	return e != nil && (e.unit != noUnit || e.month != 0 || e.weekday != 0 || e.season != "")
}

// relative matches a unit, month, weekday or season shifted from the DCT:
// "last month", "this year", "next week", "the coming year", "last April",
// "next Friday", "last summer", "the latest quarter", "year-earlier".
func (p *parser) relative(i int) (match, bool) {
	j := i
	the := false
	if p.is(j, "the") {
		the = true
		j++
	}
	e := p.e(j)
	if e == nil {
		return match{}, false
	}
	if p.is(j, "year") && p.toks[j+1-1].e != nil && j+1 < len(p.toks) && p.toks[j+1].hyph && (p.is(j+1, "earlier") || p.is(j+1, "ago")) {
		// "year-earlier", "the year-ago quarter"
		end := j + 2
		v := p.yearBack(i)
		if u := p.e(end); the && (u != nil && u.unit == uQuarter || p.is(end, "period")) {
			end++
			if len(v) == 4 && p.hasDCT {
				if len(p.lastDate) == 7 && p.lastDate[5] == 'Q' {
					v = p.yearBackOf(p.lastDate)
				} else if u != nil && u.unit == uQuarter {
					v = p.yearBackOf(p.reportQuarter())
				}
			}
		} else if the {
			i++
		}
		m, ok := dateM(i, end, v)
		m.derived = true
		return m, ok
	}
	shift, isRel := 0, true
	switch {
	case p.is(j, "latest") || p.is(j, "most") && p.is(j+1, "recent"):
		if p.is(j, "most") {
			j++
		}
		if u := p.e(j + 1); u != nil && u.unit == uQuarter && !u.plural {
			return dateM(i, j+2, p.reportQuarter())
		}
		return match{}, false
	case e.rel == rLast && !p.is(j, "prior"):
		shift = -1
	case p.is(j, "this") && p.is(j+1, "past"):
		// "this past weekend": the last one, a date.
		if u := p.e(j + 2); u != nil && !u.plural && (u.unit == uWeekend || u.unit == uWeek || u.unit == uMonth || u.unit == uYear || u.season != "" || u.weekday != 0) {
			j++
			shift = -1
			the = false
		}
	case e.rel == rThis:
	case e.rel == rNext:
		shift = 1
	case the && e.unit == uQuarter && !e.plural:
		return dateM(i, j+1, p.reportQuarter())
	case the && e.unit == uWeekend && !e.plural:
		return dateM(i, j+1, p.weekendValue(p.dir(i, j+1)))
	default:
		isRel = false
	}
	if !isRel {
		return match{}, false
	}
	k := j + 1
	if p.is(k, "fiscal") && p.is(k+1, "year") {
		k++
	}
	u := p.e(k)
	if u == nil {
		return match{}, false
	}
	anaphoric := the && (p.is(j, "next") || p.is(j, "previous")) || p.is(j, "following") || p.is(j, "preceding")
	switch {
	case u.weekday != 0 && !u.plural:
		if anaphoric {
			// "the following Monday": counted from the last date found.
			if ref, ok := parseDay(p.refDay()); ok {
				wd := int(ref.Weekday())
				if wd == 0 {
					wd = 7
				}
				delta := int(u.weekday) - wd
				if shift > 0 && delta <= 0 {
					delta += 7
				} else if shift < 0 && delta >= 0 {
					delta -= 7
				}
				return dateM(i, k+1, fmtDay(ref.AddDate(0, 0, delta)))
			}
		}
		if p.is(j, "past") || the {
			return match{}, false
		}
		return p.weekdayFrom(i, k, shift)
	case u.month != 0:
		if the || (u.needsCap && !p.toks[k].cap) {
			return match{}, false
		}
		return dateM(i, k+1, p.relMonth(int(u.month), shift))
	case u.season != "":
		return dateM(i, k+1, p.relSeason(seasonIndex(u.season), shift))
	case u.unit != noUnit && !u.plural:
		if (p.is(j, "past") || (the && p.is(j, "last"))) && !p.is(j-1, "this") {
			// "the past week": a duration ending now; "the past weekend" is
			// the last one.
			if u.unit == uWeekend {
				return dateM(i, k+1, p.unitValue(uWeekend, -1))
			}
			if u.unit == uSecond || u.unit == uNight {
				return match{}, false
			}
			return match{start: i, end: k + 1, typ: doc.Duration, value: durValue(1, false, u.unit)}, true
		}
		if u.unit == uSecond || u.unit == uMinute || u.unit == uHour {
			return match{}, false
		}
		if u.unit == uDay || u.unit == uNight {
			if !anaphoric {
				return match{}, false
			}
			return dateM(i, k+1, p.anaphoricDay(shift))
		}
		if anaphoric {
			// "the following year" counts from the narrative, not the DCT.
			return dateM(i, k+1, p.anaphoricUnit(u.unit, shift))
		}
		if u.unit == uWeekend {
			return dateM(i, k+1, p.unitValue(uWeekend, shift))
		}
		if the && shift != 0 {
			return match{}, false
		}
		m, ok := dateM(i, k+1, p.unitValue(u.unit, shift))
		if u.unit == uQuarter && shift == 0 && (p.is(j, "current") || p.is(j, "this")) {
			m.value = p.unitValue(uQuarter, 0)
		}
		if p.is(k+1, "'s") || p.is(k+1, "’s") {
			if q, ok2 := p.quarterAfterYear(i, k+2, m.value); ok2 {
				return q, true
			}
		}
		return m, ok
	}
	return match{}, false
}

// dayValue is the day a report speaks of: the last full date found, else
// the DCT, else the present.
func (p *parser) dayValue() string {
	if v := p.refDay(); v[0] != 'X' {
		return v
	}
	return presentRef
}

// tradingDay matches "the day" where a market report closes it: "end the
// day at 7,114", "finished the day", "for the day".
func (p *parser) tradingDay(i int) (match, bool) {
	if !p.is(i, "the") || !p.is(i+1, "day") {
		return match{}, false
	}
	switch {
	case p.prevIs(i, "end", "ended", "ending", "ends", "close", "closed", "closing", "closes",
		"finish", "finished", "finishing", "finishes", "start", "started", "starting", "began", "begin"):
	case p.is(i-1, "for") && p.is(i+2, ","):
	default:
		return match{}, false
	}
	return dateM(i, i+2, p.dayValue())
}

// anaphoricDay resolves "the next day", "the previous day" against the last
// full date found, else the DCT.
func (p *parser) anaphoricDay(shift int) string {
	ref := p.refDay()
	if ref[0] == 'X' {
		return dirRef(shift)
	}
	t, ok := parseDay(ref)
	if !ok {
		return ""
	}
	return fmtDay(t.AddDate(0, 0, shift))
}

// reportQuarter is "the quarter" of a business story: the last completed
// quarter while its results are being reported (the first two months of the
// next quarter), else the current one.
func (p *parser) reportQuarter() string {
	if !p.hasDCT {
		return "XXXX-QX"
	}
	if (int(p.dct.Month())-1)%3 < 2 {
		return p.unitValue(uQuarter, -1)
	}
	return p.unitValue(uQuarter, 0)
}

// weekendValue is "the weekend": the last one in a past context, the next
// one otherwise.
func (p *parser) weekendValue(dir int) string {
	if !p.hasDCT {
		return dirRef(dir)
	}
	wd := int(p.dct.Weekday()) // Sunday 0
	var sat int
	if dir > 0 {
		sat = (6 - wd + 7) % 7
	} else {
		sat = -((wd + 1) % 7)
		if wd == 6 {
			sat = 0
		}
	}
	return fmtWeek(p.dct.AddDate(0, 0, sat)) + "-WE"
}

// relMonth resolves "last April" (-1), "this April" (0), "next April" (+1).
func (p *parser) relMonth(m, shift int) string {
	if !p.hasDCT {
		if shift == 0 {
			return "XXXX-" + pad(m, 2)
		}
		return dirRef(shift)
	}
	y, cm := p.dct.Year(), int(p.dct.Month())
	switch {
	case shift < 0 && m >= cm:
		y--
	case shift > 0 && m <= cm:
		y++
	}
	return fmtMonth(y, m)
}

// relSeason resolves "last summer", "this winter", "next spring".
func (p *parser) relSeason(s, shift int) string {
	if !p.hasDCT {
		if shift == 0 {
			return "XXXX-" + seasonCodes[s]
		}
		return dirRef(shift)
	}
	yy, cs := seasonOf(p.dct)
	cur := yy*4 + cs
	target := yy*4 + s
	switch {
	case shift < 0:
		for target >= cur {
			target -= 4
		}
	case shift > 0:
		for target <= cur {
			target += 4
		}
	}
	return pad(floorDiv(target, 4), 4) + "-" + seasonCodes[target-floorDiv(target, 4)*4]
}

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
			if n > cur && p.dir(i, i+1) < 0 && code == 'Q' && n-cur > 1 {
				y--
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
	if p.is(j, "fall") && j == i {
		return match{}, false
	}
	if j == i && !p.prevIs(i, "in", "during", "since", "until", "by", "through", "over", "this", "last", "next") {
		return match{}, false
	}
	if j > i && (p.is(j+1, "of") || p.is(j, "fall") && !p.prevIs(i, "in", "during", "since", "until", "by", "through", "over")) {
		return match{}, false
	}
	dir := p.dir(i, j+1)
	v := ""
	if p.hasDCT {
		_, cs := seasonOf(p.dct)
		s := seasonIndex(e.season)
		switch {
		case s == cs:
			v = p.relSeason(s, 0)
		case dir <= 0:
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
	case p.is(j, "the") && p.e(j+1) != nil && p.e(j+1).ord != 0 && p.is(j+2, "week") && p.is(j+3, "of"):
		// "the last week of March": the week holding that part of the month.
		inner, ok := p.innerDate(j + 4)
		if !ok || len(inner.value) != 7 || !isDigit(inner.value[0]) || !isDigit(inner.value[5]) {
			return match{}, false
		}
		t, err := time.Parse("2006-01", inner.value)
		if err != nil {
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
							return match{}, false
						}
					}
					return dateM(i, k+1, v)
				}
				return match{}, false
			}
		}
		j++
	}
	inner, ok := p.innerDate(j)
	if !ok {
		return match{}, false
	}
	inner.start, inner.mod = i, mod
	return inner, true
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
		if _, ok := p.number(i + 1); ok && !p.is(i+1, "the") {
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
	if bare && (!u.plural || !p.bareUnitOK(j, k)) {
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
	if p.is(end, "long") && end < len(p.toks) && p.toks[end].hyph {
		end++
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
			if p.toks[i+1].hyph {
				return match{}, false
			}
			return match{start: i, end: i + 2, typ: doc.Set, value: durValue(1, false, u.unit)}, true
		}
	case e.weekday != 0 && e.plural:
		m := match{start: i, end: i + 1, typ: doc.Set, value: "XXXX-WXX-" + strconv.Itoa(int(e.weekday))}
		return m, true
	}
	return match{}, false
}
