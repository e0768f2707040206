package timex

// Absolute calendar dates: month-day-year forms, digits, years, decades
// and centuries.

import (
	"strconv"
	"time"

	"dateline/internal/doc"
)

// yearAt reads a four-digit year at tok i (1000–2199), refusing quantities
// ("2000 troops", "$2025") and model numbers ("Windows 2000").
func (p *parser) yearAt(i int) (int, bool) {
	if i >= len(p.toks) {
		return 0, false
	}
	t := &p.toks[i]
	if t.digits != 4 || t.decade || t.val < 1000 || t.val > 2199 {
		return 0, false
	}
	if t.hyph && (i == 0 || p.toks[i-1].e == nil || p.toks[i-1].e.posMod == "") {
		return 0, false
	}
	if e := p.e(i + 1); e != nil && (e.stopYear || (e.unit != noUnit && e.plural)) && !p.lineBreakBefore(i+1) {
		return 0, false // "2000 troops", "2000 years"
	}
	if i+1 < len(p.toks) && !p.toks[i+1].space && p.str(i+1) == "%" {
		return 0, false
	}
	if i > 0 {
		pt := &p.toks[i-1]
		ps := p.str(i - 1)
		if pt.kind == doc.Symbol || ps == "#" {
			return 0, false
		}
		if pt.kind == doc.Word && pt.cap && pt.e == nil && !p.toks[i].hyph {
			// "Euro 2008" and "Conference 2010" name years; these name
			// products, routes and documents.
			switch ps {
			case "Windows", "Office", "Flight", "Route", "Highway", "Interstate", "Room", "No",
				"Number", "Model", "Apollo", "Airbus", "Boeing", "Gate", "Channel", "Section",
				"Article", "Resolution", "Rule", "Form", "Pier", "Building", "Suite", "Unit",
				"Code", "Version", "Station", "Bus", "Train", "Level", "Grade", "Chapter", "Page":
				return 0, false
			}
		}
	}
	return t.val, true
}

// dayNum reads a day of the month at tok i: "6", "6th", "sixth".
func (p *parser) dayNum(i int) (int, bool) {
	if i >= len(p.toks) {
		return 0, false
	}
	t := &p.toks[i]
	switch {
	case t.digits > 0 && t.digits <= 2 && t.val >= 1 && t.val <= 31:
		return t.val, true
	case t.ordinal && t.val >= 1 && t.val <= 31:
		return t.val, true
	case t.e != nil && t.e.ord > 0 && t.e.ord <= 31:
		return t.e.ord, true
	}
	return 0, false
}

// calendar matches absolute dates: "August 6, 2025", "Aug. 6", "6 August
// 2025", "the 6th of August", "August 2025", "August", "2025-08-06",
// "08/06/2025", "2025", "the year 2025", "fiscal 2026", plus a clock time
// joined to the date ("Aug. 6, 3 p.m.").
func (p *parser) calendar(i int) (match, bool) {
	v, end, ok := p.calDate(i)
	if !ok {
		return match{}, false
	}
	m := match{start: i, end: end, typ: doc.Date, value: v}
	if len(v) == 10 {
		j := end
		if p.is(j, ",") {
			j++
		}
		if c, ok := p.clockAt(j); ok {
			m.end, m.typ, m.value = c.end, doc.TimeOfDay, v+"T"+c.value
		}
	}
	return m, true
}

// calDate parses an absolute calendar date at i and returns its value.
func (p *parser) calDate(i int) (string, int, bool) {
	if i >= len(p.toks) {
		return "", 0, false
	}
	t := &p.toks[i]
	e := t.e
	switch {
	case e != nil && e.month != 0:
		return p.monthFirst(i)
	case e != nil && e.fiscal:
		if t.fy != 0 {
			return pad(t.fy, 4), i + 1, true // "FY2027": a fiscal year is its year, as TimeBank's "fiscal 1989"
		}
		j := i + 1
		if p.is(j, "year") {
			j++
		}
		if y, ok := p.yearAt(j); ok {
			return pad(y, 4), j + 1, true
		}
	case p.is(i, "the"):
		if p.is(i+1, "year") {
			if y, ok := p.yearAt(i + 2); ok {
				return pad(y, 4), i + 3, true
			}
			if v, ok := p.number(i + 2); ok && !v.x && !v.article && v.n >= 1000 && v.n < 2200 {
				return pad(int(v.n), 4), v.end, true
			}
			if y, end, ok := p.spokenYear(i + 2); ok {
				return pad(y, 4), end, true
			}
		}
		if d, ok := p.dayNum(i + 1); ok && (p.toks[i+1].ordinal || p.e(i+1) != nil) {
			if p.is(i+2, "of") {
				if v, end, ok := p.dayMonth(i+1, d, i+3); ok {
					return v, end, true
				}
			}
			if p.toks[i+1].ordinal && (i+2 >= len(p.toks) || p.toks[i+2].kind == doc.Punct) {
				return p.dayOfMonth(i, d), i + 2, true
			}
		}
	case (p.is(i, "'") || p.is(i, "’")) && i+1 < len(p.toks) && p.toks[i+1].digits == 2 && !p.toks[i+1].space &&
		(p.prevIs(i, "in", "since", "of", "until", "by", "from", "to", "and", "summer", "spring", "fall", "winter", "class") || p.tokAt(i-1) != nil && p.toks[i-1].e != nil && p.toks[i-1].e.month != 0):
		y := twoDigitYear(p.toks[i+1].val)
		if p.hasDCT && y > p.dct.Year() {
			y -= 100
		}
		return pad(y, 4), i + 2, true
	case t.kind == doc.Number:
		if t.digits == 0 && !t.ordinal {
			if v, ok := numericDate(p.str(i)); ok {
				return v, i + 1, true
			}
			return "", 0, false
		}
		if d, ok := p.dayNum(i); ok {
			j := i + 1
			if p.is(j, "of") {
				j++
			}
			if v, end, ok := p.dayMonth(i, d, j); ok {
				return v, end, true
			}
		}
		if y, ok := p.yearAt(i); ok {
			return pad(y, 4), i + 1, true
		}
	case e != nil && e.num > 0:
		if y, end, ok := p.spokenYear(i); ok {
			return pad(y, 4), end, true
		}
	}
	return "", 0, false
}

// spokenYear reads "nineteen ninety-six" or "two thousand (and) one".
func (p *parser) spokenYear(i int) (int, int, bool) {
	e := p.e(i)
	if e == nil {
		return 0, 0, false
	}
	if e.num >= 11 && e.num <= 20 && !p.is(i, "a") {
		hi := e.num
		if v, ok := p.number(i + 1); ok && !v.x && !v.article && v.n >= 10 && v.n < 100 && v.end > i+1 {
			return hi*100 + int(v.n), v.end, true
		}
		return 0, 0, false
	}
	if p.is(i, "two") && p.is(i+1, "thousand") && p.prevIs(i, "year", "in", "since", "until", "by", "of", "from") {
		j := i + 2
		if p.is(j, "and") {
			j++
		}
		if v, ok := p.number(j); ok && !v.x && !v.article && v.n < 100 {
			return 2000 + int(v.n), v.end, true
		}
		return 2000, i + 2, true
	}
	return 0, 0, false
}

// monthFirst parses "August 6, 2025", "Aug. 6", "August 2025", "August".
func (p *parser) monthFirst(i int) (string, int, bool) {
	e := p.e(i)
	m := int(e.month)
	if e.needsCap && !p.toks[i].cap {
		return "", 0, false
	}
	j := i + 1
	if d, ok := p.dayNum(j); ok && (p.toks[j].kind == doc.Number) {
		k := j + 1
		if p.is(k, ",") {
			k++
		}
		if y, ok := p.yearAt(k); ok {
			return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2), k + 1, validDay(y, m, d)
		}
		if p.is(k, "'") || p.is(k, "’") {
			if t := p.tokAt(k + 1); t != nil && t.digits == 2 && !t.space {
				y := twoDigitYear(t.val)
				return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2), k + 2, validDay(y, m, d)
			}
		}
		y, ok := p.monthYearAt(m, d, i, j+1)
		if !ok {
			return "XXXX-" + pad(m, 2) + "-" + pad(d, 2), j + 1, d <= 31
		}
		return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2), j + 1, validDay(y, m, d)
	}
	k := j
	if p.is(k, ",") || p.is(k, "of") {
		k++
	}
	if y, ok := p.yearAt(k); ok {
		return fmtMonth(y, m), k + 1, true
	}
	if y, end, ok := p.spokenYear(k); ok {
		return fmtMonth(y, m), end, true
	}
	// "January this year" (not "October of next year": two times)
	if r := p.e(k); k == j && r != nil && (r.rel == rLast || r.rel == rThis || r.rel == rNext) && p.is(k+1, "year") && !p.is(k, "past") {
		if !p.hasDCT {
			return "XXXX-" + pad(m, 2), k + 2, true
		}
		return fmtMonth(p.dct.Year()+relShift(r.rel), m), k + 2, true
	}
	if e.needsCap && !p.monthContext(i) {
		return "", 0, false
	}
	// "October of next year": two times, the month in the year named.
	if r := p.e(k); k == j+1 && p.is(j, "of") && r != nil && (r.rel == rLast || r.rel == rNext || r.rel == rThis) &&
		p.is(k+1, "year") && !p.is(k, "past") && p.hasDCT {
		return fmtMonth(p.dct.Year()+relShift(r.rel), m), i + 1, true
	}
	dir := p.monthDir(i, i+1)
	y, ok := p.monthYearAt(m, 0, i, i+1)
	if !ok {
		return "XXXX-" + pad(m, 2), i + 1, true
	}
	if y2, ok := p.sentenceYear(i); ok {
		// "Last year ... between January and December": the year named.
		return fmtMonth(y2, m), i + 1, true
	}
	if dir < 0 && p.is(i-1, "in") && p.sentenceStart(i-1) && p.is(i+1, ",") && y > p.dct.Year() {
		// "In January, the company hired ...": a narrative opening in the
		// past tense speaks of the latest January, not the coming one.
		y--
	}
	return fmtMonth(y, m), i + 1, true
}

// monthYearAt is monthYear for the month (and day) at toks [i, end), with
// the words right before it as a hard bound: what happened "since Oct. 30"
// lies before the DCT, what a deadline or a postponement sets ("until
// Sept. 9") after it.
func (p *parser) monthYearAt(m, d, i, end int) (int, bool) {
	y, ok := p.monthYear(m, d, p.monthDir(i, end))
	if !ok {
		return y, ok
	}
	day := d
	if day == 0 {
		day = 1
	}
	if d == 0 && m == int(p.dct.Month()) {
		return y, ok // the DCT's own month is on both sides of it
	}
	t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	switch l := p.localDir(i, end); {
	case l < 0 && p.prevIs(i, "since", "ended") && t.After(p.dct), p.pastVerbBefore(i) && t.After(p.dct):
		y--
	case l > 0 && t.Before(p.dct):
		y++
	}
	return y, true
}

// sentenceYear returns the year named just before tok i in the same
// sentence as the time of its events ("Last year ... between January and
// December"), for a month without its own year. Only "last", "this" and
// "next year" count: a number year is too often a point of comparison
// ("since its launch in 2003 ... as of February").
func (p *parser) sentenceYear(i int) (int, bool) {
	if len(p.lastDate) != 4 || !isDigit(p.lastDate[0]) || !isDigit(p.lastDate[3]) || i-p.lastDateTok > 15 {
		return 0, false
	}
	if lo, _ := p.sentenceToks(i); p.lastDateTok < lo {
		return 0, false
	}
	k := p.lastDateTok
	if !p.is(k, "last") && !p.is(k, "this") && !p.is(k, "next") {
		return 0, false // "since its launch in 2003 ... as of February": not the month's year
	}
	y, err := strconv.Atoi(p.lastDate)
	return y, err == nil
}

// monthContext reports whether an ambiguous month name ("May", "March")
// standing alone is used as a month: after a preposition or time modifier.
func (p *parser) monthContext(i int) bool {
	if p.is(i-1, "for") && p.isOneOf(i-2, scheduledFor) {
		return true // "scheduled for August", not "support for May"
	}
	return p.prevIs(i, "in", "since", "until", "till", "by", "of", "last", "next", "this",
		"early", "mid", "late", "during", "through", "before", "after", "from", "to", "and",
		"or", "between", "end", "throughout")
}

// dayMonth parses the month (and year) after a day number: "6 August 2025",
// "6th of August". j is the tok after the day (and "of").
func (p *parser) dayMonth(i, d, j int) (string, int, bool) {
	e := p.e(j)
	if e == nil || e.month == 0 || (e.needsCap && !p.toks[j].cap) {
		return "", 0, false
	}
	m := int(e.month)
	k := j + 1
	if p.is(k, ",") {
		k++
	}
	if y, ok := p.yearAt(k); ok {
		return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2), k + 1, validDay(y, m, d)
	}
	y, ok := p.monthYear(m, d, p.monthDir(i, j+1))
	if !ok {
		return "XXXX-" + pad(m, 2) + "-" + pad(d, 2), j + 1, true
	}
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2), j + 1, validDay(y, m, d)
}

// dayOfMonth resolves "the 5th" to a day of the DCT's month (the previous
// month when the day is still to come in a past context, and vice versa).
func (p *parser) dayOfMonth(i, d int) string {
	if !p.hasDCT {
		return "XXXX-XX-" + pad(d, 2)
	}
	y, m := p.dct.Year(), int(p.dct.Month())
	dir := p.dir(i, i+2)
	switch today := p.dct.Day(); {
	case dir < 0 && d > today, dir == 0 && d-today > 15:
		m--
	case dir > 0 && d < today, dir == 0 && today-d > 15:
		m++
	}
	if m == 0 {
		y, m = y-1, 12
	} else if m == 13 {
		y, m = y+1, 1
	}
	if !validDay(y, m, d) {
		return ""
	}
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
}

func twoDigitYear(n int) int {
	if n < 50 {
		return 2000 + n
	}
	return 1900 + n
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > monthDays[m] {
		return false
	}
	if m == 2 && d == 29 {
		return y%4 == 0 && (y%100 != 0 || y%400 == 0)
	}
	return true
}

// numericDate parses a date written in digits: ISO "2025-08-06" and
// "2025/08/06", and slashed or dotted "08/06/2025", "8/6/25", "06.08.2025".
// Slashed dates follow the US order month/day unless the first number cannot
// be a month (> 12), in which case they are read day/month; dotted dates are
// read day.month.year (the European convention that writes them).
func numericDate(s string) (string, bool) {
	var parts [3]int
	var widths [3]int
	n, sep := 0, byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if widths[n] >= 4 {
				return "", false
			}
			parts[n] = parts[n]*10 + int(c-'0')
			widths[n]++
		case (c == '-' || c == '/' || c == '.') && (sep == 0 || sep == c) && n < 2 && widths[n] > 0:
			sep = c
			n++
		default:
			return "", false
		}
	}
	if n != 2 || widths[2] == 0 {
		return "", false
	}
	var y, m, d int
	switch {
	case widths[0] == 4 && (sep == '-' || sep == '/') && widths[1] <= 2 && widths[2] <= 2:
		y, m, d = parts[0], parts[1], parts[2]
	case widths[0] <= 2 && widths[1] <= 2 && (widths[2] == 4 || widths[2] == 2) && sep != '-' || sep == '-' && widths[2] == 4 && widths[0] <= 2:
		y = parts[2]
		if widths[2] == 2 {
			y = twoDigitYear(y)
		}
		m, d = parts[0], parts[1]
		if sep == '.' || m > 12 {
			m, d = d, m
		}
	default:
		return "", false
	}
	if y < 1000 || !validDay(y, m, d) {
		return "", false
	}
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2), true
}

// numericRange splits digit ranges into two times: "2009-2011" gives two
// years.
func (p *parser) numericRange(i int) []match {
	s := p.str(i)
	if len(s) != 9 || s[4] != '-' {
		return nil
	}
	a, b := 0, 0
	for k := 0; k < 4; k++ {
		if s[k] < '0' || s[k] > '9' || s[5+k] < '0' || s[5+k] > '9' {
			return nil
		}
		a = a*10 + int(s[k]-'0')
		b = b*10 + int(s[5+k]-'0')
	}
	if a < 1000 || b > 2199 || a >= b || p.e(i+1) != nil && p.e(i+1).stopYear {
		return nil
	}
	st := p.toks[i].start
	return []match{
		{start: i, end: i + 1, typ: doc.Date, value: pad(a, 4), byteStart: st, byteEnd: st + 4},
		{start: i, end: i + 1, typ: doc.Date, value: pad(b, 4), byteStart: st + 5, byteEnd: st + 9},
	}
}

// afterRangeDay are the words a range's bare closing day may precede.
var afterRangeDay = []string{"in", "at", "on", "and", "with", "for", "when", "before", "after"}

// rangeDay matches the bare day closing a range whose first day was just
// found: "17" in "between Sept. 3 and 17", "5" in "March 3 to 5,".
func (p *parser) rangeDay(i int) (match, bool) {
	d, ok := p.dayNum(i)
	if !ok || p.toks[i].ordinal || p.toks[i].e != nil {
		return match{}, false
	}
	a, ok := p.rangeStart(i, false)
	if !ok || d <= a.t.Day() || !validDay(a.t.Year(), int(a.t.Month()), d) || p.lastDate[0] == 'X' {
		return match{}, false
	}
	if n := p.tokAt(i + 1); n != nil && n.kind != doc.Punct && !p.lineBreakBefore(i+1) {
		if !p.isOneOf(i+1, afterRangeDay) {
			return match{}, false // "on March 3 and 4 others"
		}
	}
	return dateM(i, i+1, p.lastDate[:8]+pad(d, 2))
}

// monthRange splits "August 6-8" into "August 6" and "8".
func (p *parser) monthRange(i int) []match {
	e := p.e(i)
	if e.needsCap && !p.toks[i].cap || i+1 >= len(p.toks) {
		return nil
	}
	s := p.str(i + 1)
	h := -1
	for k := 0; k < len(s); k++ {
		if s[k] == '-' {
			h = k
			break
		}
	}
	if h < 1 || h > 2 || len(s)-h-1 < 1 || len(s)-h-1 > 2 || !allDigitParts(s) {
		return nil
	}
	d1, _ := strconv.Atoi(s[:h])
	d2, _ := strconv.Atoi(s[h+1:])
	if d1 < 1 || d2 > 31 || d1 >= d2 {
		return nil
	}
	m := int(e.month)
	k := i + 2
	if p.is(k, ",") {
		k++
	}
	y, ok := p.yearAt(k)
	end := i + 2
	if ok {
		end = k + 1
	} else {
		y, ok = p.monthYear(m, d1, p.monthDir(i, i+2))
	}
	v1, v2 := "XXXX-"+pad(m, 2)+"-"+pad(d1, 2), "XXXX-"+pad(m, 2)+"-"+pad(d2, 2)
	if ok {
		if !validDay(y, m, d2) {
			return nil
		}
		v1, v2 = pad(y, 4)+v1[4:], pad(y, 4)+v2[4:]
	}
	st := p.toks[i+1].start
	first := match{start: i, end: i + 2, typ: doc.Date, value: v1,
		byteStart: p.toks[i].start, byteEnd: st + h}
	second := match{start: i, end: end, typ: doc.Date, value: v2,
		byteStart: st + h + 1, byteEnd: p.toks[end-1].end}
	return []match{first, second}
}

// decade matches "the 1990s", "1990s", "the '90s", "the 1800s" (a century),
// "the 20th century", "the twentieth century".
func (p *parser) decade(i int) (match, bool) {
	j := i
	if p.is(j, "the") {
		j++
	}
	if p.is(j, "'") || p.is(j, "’") {
		if t := p.tokAt(j + 1); t != nil && t.decade && t.digits == 2 {
			y := 1900 + t.val
			if p.hasDCT && 2000+t.val <= p.dct.Year() {
				y = 2000 + t.val
			}
			return dateM(i, j+2, pad(y/10, 3))
		}
	}
	// "the 70s and 80s": two-digit decades after "the" or another decade,
	// unless they are temperatures.
	if t := p.tokAt(j); t != nil && t.decade && t.digits == 2 && !p.is(j+1, "degrees") &&
		(j > i || p.prevIs(j, "and", "or", "to") && p.tokAt(j-2) != nil && p.toks[j-2].decade) {
		y := 1900 + t.val
		if p.hasDCT && 2000+t.val <= p.dct.Year() {
			y = 2000 + t.val
		}
		return dateM(i, j+1, pad(y/10, 3))
	}
	// "the nineties": the latest such decade not after the DCT's, not a
	// temperature ("highs in the forties").
	if e := p.e(j); e != nil && spelledDecades[e.word] != 0 && (j > i || p.prevIs(j, "early", "mid", "late")) && !p.temperatureSentence(j) {
		d := spelledDecades[e.word]
		y := 1900 + d
		if p.hasDCT && 2000+d <= p.dct.Year() {
			y = 2000 + d
		}
		return dateM(i, j+1, pad(y/10, 3))
	}
	if t := p.tokAt(j); t != nil && t.decade && t.digits == 4 {
		if t.val%100 == 0 {
			return dateM(i, j+1, pad(t.val/100, 2))
		}
		return dateM(i, j+1, pad(t.val/10, 3))
	}
	// centuries
	ord := 0
	if t := p.tokAt(j); t != nil && t.ordinal {
		ord = t.val
	} else if e := p.e(j); e != nil && e.ord > 0 {
		ord = e.ord
	}
	if ord > 0 && ord <= 30 {
		if e := p.e(j + 1); e != nil && e.unit == uCentury && !e.plural {
			return dateM(i, j+2, pad(ord-1, 2))
		}
	}
	return match{}, false
}

// spelledDecades are the decades named in words, as years of a century.
var spelledDecades = map[string]int{"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
	"sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}

// temperatureWords mark a sentence about the weather, where "the forties"
// are degrees.
var temperatureWords = []string{"degrees", "temperature", "temperatures", "highs", "lows",
	"fahrenheit", "celsius", "thermometer", "°"}

// temperatureSentence reports whether the sentence around tok i speaks of
// temperatures.
func (p *parser) temperatureSentence(i int) bool {
	lo, hi := p.sentenceToks(i)
	for k := lo; k < hi; k++ {
		if p.isOneOf(k, temperatureWords) {
			return true
		}
	}
	return false
}

// scheduledFor are the words before "for" that make a month after it a
// time ("scheduled for August").
var scheduledFor = []string{"scheduled", "planned", "set", "slated", "expected", "due", "booked",
	"postponed", "delayed", "pushed", "moved", "pencilled", "penciled", "targeted", "earmarked", "rescheduled"}
