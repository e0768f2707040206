package timex

import "time"

// holiday is a named day: fixed (month, day) or computed for a year.
type holiday struct {
	month, day int                   // fixed date, when date is nil
	date       func(y int) time.Time // movable feasts
}

// holidays maps the first word of a holiday's name (lower case) to the
// possible names starting with it, longest first. Only unambiguous names
// are listed: "Independence Day" differs by country and is left out.
var holidays = map[string][]struct {
	rest []string
	h    holiday
}{
	"christmas": {
		{[]string{"eve"}, holiday{month: 12, day: 24}},
		{[]string{"day"}, holiday{month: 12, day: 25}},
		{nil, holiday{month: 12, day: 25}},
	},
	"new": {
		{[]string{"year", "’s", "eve"}, holiday{month: 12, day: 31}},
		{[]string{"year", "'s", "eve"}, holiday{month: 12, day: 31}},
		{[]string{"year", "’s", "day"}, holiday{month: 1, day: 1}},
		{[]string{"year", "'s", "day"}, holiday{month: 1, day: 1}},
	},
	"halloween": {{nil, holiday{month: 10, day: 31}}},
	"valentine": {{[]string{"'s", "day"}, holiday{month: 2, day: 14}}, {[]string{"’s", "day"}, holiday{month: 2, day: 14}}},
	"thanksgiving": {
		{[]string{"day"}, holiday{date: thanksgiving}},
		{nil, holiday{date: thanksgiving}},
	},
	"easter": {
		{[]string{"sunday"}, holiday{date: easter}},
		{[]string{"day"}, holiday{date: easter}},
		{nil, holiday{date: easter}},
	},
	"good":     {{[]string{"friday"}, holiday{date: func(y int) time.Time { return easter(y).AddDate(0, 0, -2) }}}},
	"election": {{[]string{"day"}, holiday{date: electionDay}}},
	"palm":     {{[]string{"sunday"}, holiday{date: func(y int) time.Time { return easter(y).AddDate(0, 0, -7) }}}},
	"ash":      {{[]string{"wednesday"}, holiday{date: func(y int) time.Time { return easter(y).AddDate(0, 0, -46) }}}},
	"boxing":   {{[]string{"day"}, holiday{month: 12, day: 26}}},
	// United States federal holidays, in the spelling US news uses.
	"memorial": {{[]string{"day"}, holiday{date: func(y int) time.Time { return nthWeekday(y, 5, time.Monday, -1) }}}},
	"labor":    {{[]string{"day"}, holiday{date: func(y int) time.Time { return nthWeekday(y, 9, time.Monday, 1) }}}},
}

// nthWeekday is the n-th weekday wd of month m of year y (n = -1: the last).
func nthWeekday(y, m int, wd time.Weekday, n int) time.Time {
	if n < 0 {
		d := time.Date(y, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
		return d.AddDate(0, 0, -((int(d.Weekday()) - int(wd) + 7) % 7))
	}
	d := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, (int(wd)-int(d.Weekday())+7)%7+7*(n-1))
}

// holidayAt matches a holiday name at tok i, with an optional "last"/"next"
// before it handled by the caller's direction.
func (p *parser) holidayAt(i int) (match, bool) {
	t := p.tokAt(i)
	if t == nil || !t.cap {
		return match{}, false
	}
	var key [16]byte
	s := p.str(i)
	if len(s) > len(key) {
		return match{}, false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key[k] = c
	}
	cands, ok := holidays[string(key[:len(s)])]
	if !ok {
		return match{}, false
	}
	for _, c := range cands {
		end := i + 1
		for _, w := range c.rest {
			if !p.is(end, w) {
				end = -1
				break
			}
			end++
		}
		if end < 0 {
			continue
		}
		start, shift := i, 0
		if p.is(i-1, "last") {
			start, shift = i-1, -1
		} else if p.is(i-1, "next") || p.is(i-1, "this") {
			start, shift = i-1, 1
			if p.is(i-1, "this") {
				shift = 0
			}
		}
		v := p.holidayValue(c.h, shift, p.dir(i, end))
		if w, ok := p.holidayWeek(v, end); ok {
			return dateM(start, end+1, w)
		}
		return dateM(start, end, v)
	}
	return match{}, false
}

// holidayWeek reads "Easter week", "Christmas weekend" after a holiday that
// resolved to day v, with "week" or "weekend" at tok k: the ISO week
// holding the day, or the weekend next to it, which for a Monday holiday
// ("Memorial Day weekend") is the one before.
func (p *parser) holidayWeek(v string, k int) (string, bool) {
	e := p.e(k)
	if e == nil || e.plural || e.unit != uWeek && e.unit != uWeekend || p.toks[k].hyph {
		return "", false
	}
	t, ok := parseDay(v)
	if !ok {
		return "", false
	}
	if e.unit == uWeek {
		return fmtWeek(t), true
	}
	if t.Weekday() == time.Monday {
		t = t.AddDate(0, 0, -1)
	}
	return fmtWeek(t) + "-WE", true
}

// holidayValue resolves a holiday to a date: the occurrence in the DCT's
// year, or the one before or after by shift ("last Christmas") or by the
// direction of the sentence when it is more than four months away.
func (p *parser) holidayValue(h holiday, shift, dir int) string {
	on := func(y int) time.Time {
		if h.date != nil {
			return h.date(y)
		}
		return time.Date(y, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC)
	}
	if !p.hasDCT {
		if h.date != nil {
			return dirRef(shift)
		}
		return "XXXX-" + pad(h.month, 2) + "-" + pad(h.day, 2)
	}
	y := p.dct.Year()
	d := on(y)
	switch {
	case shift < 0 && !d.Before(p.dct):
		d = on(y - 1)
	case shift > 0 && !d.After(p.dct):
		d = on(y + 1)
	case shift == 0:
		// The nearest occurrence, unless the tense says otherwise.
		for _, c := range []time.Time{on(y - 1), on(y + 1)} {
			if absDays(c.Sub(p.dct)) < absDays(d.Sub(p.dct)) {
				d = c
			}
		}
		if days := d.Sub(p.dct).Hours() / 24; dir < 0 && days > 120 {
			d = on(d.Year() - 1)
		} else if dir > 0 && days < -120 {
			d = on(d.Year() + 1)
		}
	}
	return fmtDay(d)
}

// thanksgiving is the fourth Thursday of November (United States).
func thanksgiving(y int) time.Time {
	d := time.Date(y, 11, 1, 0, 0, 0, 0, time.UTC)
	off := (int(time.Thursday) - int(d.Weekday()) + 7) % 7
	return d.AddDate(0, 0, off+21)
}

// electionDay is the Tuesday after the first Monday of November (United
// States).
func electionDay(y int) time.Time {
	d := time.Date(y, 11, 2, 0, 0, 0, 0, time.UTC)
	off := (int(time.Tuesday) - int(d.Weekday()) + 7) % 7
	return d.AddDate(0, 0, off)
}

// easter is Western Easter Sunday (the anonymous Gregorian computus).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

func absDays(d time.Duration) float64 {
	if d < 0 {
		d = -d
	}
	return d.Hours() / 24
}
