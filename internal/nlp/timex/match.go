package timex

import (
	"strconv"

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
		try(p.relative(i))
		if e.det {
			try(p.tradingDay(i))
		}
		try(p.quarter(i))
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
	return []match{best}
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
	case p.prevIs(i, "since", "last"):
		return past
	}
	j := end
	if p.is(j, "'s") || p.is(j, "’s") {
		j++
	}
	for k := j; k < j+2 && k < len(p.toks); k++ {
		if e := p.e(k); e != nil && e.deadline {
			return future
		}
	}
	return 0
}

// dir returns the direction for a relative date: local words first, then the
// tense of the sentence.
func (p *parser) dir(i, end int) int {
	if d := p.localDir(i, end); d != 0 {
		return d
	}
	t := p.tense(i)
	if t == same && p.prevIs(i, "by", "until", "till", "before", "starting", "beginning") {
		// "by Friday" looks ahead unless the sentence is in the past.
		return future
	}
	return t
}

// ---- numbers first: dates in digits, years, clock times ----

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
		y, ok := p.monthYear(m, d, p.monthDir(i, j+1))
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
	y, ok := p.monthYear(m, 0, p.monthDir(i, i+1))
	if !ok {
		return "XXXX-" + pad(m, 2), i + 1, true
	}
	return fmtMonth(y, m), i + 1, true
}

// monthContext reports whether an ambiguous month name ("May", "March")
// standing alone is used as a month: after a preposition or time modifier.
func (p *parser) monthContext(i int) bool {
	if p.prevIs(i, "in", "since", "until", "till", "by", "of", "last", "next", "this",
		"early", "mid", "late", "during", "through", "before", "after", "from", "to", "and",
		"or", "between", "end", "since", "throughout") {
		return true
	}
	return false
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

func (p *parser) tokAt(i int) *tok {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return &p.toks[i]
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

// ---- clock times ----

type clock struct {
	value string // "15:00", "15:00Z", "MO"
	end   int
}

// clockAt reads a clock time at i: "3 p.m.", "3:30pm", "15:00 GMT", "noon",
// "midnight", "0800 UTC", "4 in the morning", with an optional time zone.
func (p *parser) clockAt(i int) (clock, bool) {
	t := p.tokAt(i)
	if t == nil {
		return clock{}, false
	}
	h, mi, j := -1, 0, i+1
	explicit := false
	switch {
	case t.e != nil && (t.e.pod == "12:00" || t.e.pod == "24:00"):
		h, explicit = 12, true
		if t.e.pod == "24:00" {
			h = 24
		}
	case t.digits > 0 && t.digits <= 2:
		h = t.val
	case t.digits == 4 && p.e(i+1) != nil && p.e(i+1).tz != "":
		h, mi = t.val/100, t.val%100
		explicit = true
	case t.kind == doc.Number:
		s := p.str(i)
		if len(s) == 5 && s[2] == ':' || len(s) == 4 && s[1] == ':' {
			c := len(s) - 3
			hh, err1 := strconv.Atoi(s[:c])
			mm, err2 := strconv.Atoi(s[c+1:])
			if err1 != nil || err2 != nil {
				return clock{}, false
			}
			h, mi = hh, mm
		}
	}
	if h < 0 || h > 24 || mi > 59 || mi < 0 {
		return clock{}, false
	}
	if e := p.e(j); e != nil && e.ampm != 0 && !t.explicitPod() {
		if h < 1 || h > 12 {
			return clock{}, false
		}
		if e.ampm == 2 && h < 12 {
			h += 12
		} else if e.ampm == 1 && h == 12 {
			h = 0
		}
		j++
		explicit = true
	} else if p.is(j, "in") && p.is(j+1, "the") && !explicit && h >= 1 && h <= 12 {
		if e := p.e(j + 2); e != nil && (e.pod == "MO" || e.pod == "AF" || e.pod == "EV" || e.pod == "NI") {
			if e.pod != "MO" && h < 12 {
				h += 12
			}
			j += 3
			explicit = true
		}
	}
	tz := ""
	if e := p.e(j); e != nil && e.tz != "" && p.toks[j].cap {
		if e.tz == "Z" {
			tz = "Z"
		}
		j++
		explicit = explicit || p.str(i) != "" && p.toks[i].digits == 0
	}
	if !explicit {
		// A bare "15:00" is a time only with a zone or after "at".
		if p.toks[i].digits != 0 || !(tz != "" || p.prevIs(i, "at", "until", "by", "from", "before", "after")) {
			return clock{}, false
		}
	}
	v := pad(h, 2) + ":" + pad(mi, 2)
	if h == 24 && mi == 0 {
		v = "24:00"
	}
	return clock{value: v + tz, end: j}, true
}

func (t *tok) explicitPod() bool { return t.e != nil && t.e.pod != "" }

// clockPhrase matches a clock time with an optional day: "3 p.m. ET",
// "noon Saturday", "10 p.m. Wednesday", "15:00 GMT on Aug. 6" is left as two.
func (p *parser) clockPhrase(i int) (match, bool) {
	start, mod := i, ""
	if p.is(i, "around") || p.is(i, "about") || p.is(i, "approximately") {
		// "around 7:15 p.m."
		i, mod = i+1, "APPROX"
	}
	c, ok := p.clockAt(i)
	if !ok {
		return match{}, false
	}
	m, ok := p.clockDay(i, c)
	m.start, m.mod = start, mod
	return m, ok
}

// clockDay joins a clock time read at i to a following day, if any.
func (p *parser) clockDay(i int, c clock) (match, bool) {
	j := c.end
	k := j
	if p.is(k, ",") {
		k++
	}
	if day, end, ok := p.dayRef(k, i); ok {
		if len(day) == 10 || day[0] == 'X' {
			return match{start: i, end: end, typ: doc.TimeOfDay, value: day + "T" + c.value}, true
		}
	}
	return match{start: i, end: j, typ: doc.TimeOfDay, value: p.refDay() + "T" + c.value}, true
}

// refDay is the day a bare clock time belongs to: the last full date found
// in the text, else the DCT.
func (p *parser) refDay() string {
	if len(p.lastDate) >= 10 && p.lastDate[4] == '-' && p.lastDate[7] == '-' && p.lastDate[0] != 'X' {
		return p.lastDate[:10]
	}
	if p.hasDCT {
		return fmtDay(p.dct)
	}
	return "XXXX-XX-XX"
}

// dayRef reads a day reference usable with a clock time: a weekday, today,
// yesterday, tomorrow, or a month-day date. from is where the whole
// expression starts, for the words before it ("until 9 a.m. Tuesday").
func (p *parser) dayRef(i, from int) (string, int, bool) {
	e := p.e(i)
	if e == nil {
		return "", 0, false
	}
	switch {
	case e.weekday != 0 && !p.is(i, "sun.") && !p.is(i, "sat."):
		j := i + 1
		if p.is(j, ",") {
			if v, end, ok := p.calDate(j + 1); ok && len(v) == 10 {
				return v, end, true
			}
		}
		dir := p.dir(i, j)
		if d := p.localDir(from, j); d != 0 {
			dir = d
		} else if p.prevIs(from, "by", "until", "till", "before") && dir == same {
			dir = future
		}
		return p.weekdayValue(int(e.weekday), dir, 0), j, true
	case p.is(i, "today"):
		return p.shiftDays(0), i + 1, true
	case p.is(i, "yesterday"):
		return p.shiftDays(-1), i + 1, true
	case p.is(i, "tomorrow"):
		return p.shiftDays(1), i + 1, true
	case e.month != 0:
		if v, end, ok := p.calDate(i); ok && len(v) == 10 {
			return v, end, true
		}
	}
	return "", 0, false
}

// ---- weekdays and deictic days ----

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
	return p.weekdayFrom(i, i, 0)
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
	}
	m := match{start: start, end: j, typ: doc.Date, value: v}
	p.addDayTime(&m)
	return m, true
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
		return match{}, false
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

// dayPod is the value of a part of the day n days from the DCT.
func (p *parser) dayPod(n int, pod string) string {
	if !p.hasDCT {
		return dirRef(n)
	}
	return fmtDay(p.dct.AddDate(0, 0, n)) + "T" + pod
}

// monthDir is dir for month names, where reporting verbs do not count.
func (p *parser) monthDir(i, end int) int {
	if d := p.localDir(i, end); d != 0 {
		return d
	}
	return p.tenseOf(i, false)
}
