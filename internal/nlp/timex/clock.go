package timex

// Clock times and the days they are joined to.

import (
	"strconv"

	"dateline/internal/doc"
)

// clock is a time of day read from the text: its TIMEX3 time part and the
// tok after it.
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
	if z := p.zoneAt(j); z != "" {
		if z == "Z" {
			tz = "Z"
		}
		j++
		explicit = explicit || p.str(i) != "" && p.toks[i].digits == 0
	} else if explicit && p.is(j, "local") && p.is(j+1, "time") {
		j += 2 // "7 p.m. local time"
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

// zoneAt returns the zone code of a capitalised time-zone word at j ("ET",
// "GMT", and "MT." when the sentence's full stop stayed on the word), or "".
func (p *parser) zoneAt(j int) string {
	t := p.tokAt(j)
	if t == nil || !t.cap {
		return ""
	}
	if t.e != nil {
		return t.e.tz
	}
	if s := p.str(j); len(s) > 2 && s[len(s)-1] == '.' {
		if e := lookup(s[:len(s)-1]); e != nil {
			return e.tz
		}
	}
	return ""
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
	if m.byteEnd != 0 {
		m.byteStart = p.toks[start].start
	}
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
	m := match{start: i, end: j, typ: doc.TimeOfDay, value: p.clockRefDay(i, j) + "T" + c.value}
	if z := &p.toks[j-1]; z.e == nil && p.text[z.end-1] == '.' && p.zoneAt(j-1) != "" {
		// "7 p.m. MT." ends the sentence: the full stop is not the zone's.
		m.byteStart, m.byteEnd = p.toks[i].start, z.end-1
	}
	return m, true
}

// clockRefDay is the day of a clock time standing alone at toks [i, end):
// a day named just after it in the same clause ("between 9 a.m. and noon
// on the 29th"), else the last full date found, unless that is a date to
// come named in an earlier sentence while this one is in the past ("the
// session ended shortly before 7 p.m."): then the DCT.
func (p *parser) clockRefDay(i, end int) string {
	for k := end; k < end+6 && k+1 < len(p.toks); k++ {
		if t := &p.toks[k]; t.kind == doc.Punct && !p.is(k, "-") || p.lineBreakBefore(k) {
			break
		}
		if !p.is(k, "on") {
			continue
		}
		if v, _, ok := p.dayRef(k+1, k); ok && len(v) == 10 {
			return v
		}
		if v, _, ok := p.calDate(k + 1); ok && len(v) == 10 {
			return v
		}
		break
	}
	v := p.refDay()
	if lo, _ := p.sentenceToks(i); p.hasDCT && len(v) == 10 && v > p.dctDay && p.lastDateTok < lo && p.tense(i) == past {
		return p.dctDay
	}
	return v
}

// refDay is the day a bare clock time belongs to: the last full date found
// in the text, else the DCT.
func (p *parser) refDay() string {
	if len(p.lastDate) >= 10 && p.lastDate[4] == '-' && p.lastDate[7] == '-' && p.lastDate[0] != 'X' {
		return p.lastDate[:10]
	}
	if p.hasDCT {
		return p.dctDay
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
		if after, ok := p.rangeStart(from, true); ok {
			// "from 6 p.m. Thursday until noon Saturday": the range runs on.
			return after.weekdayOnOrAfter(int(e.weekday)), j, true
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
