package timex

import (
	"strconv"
	"strings"

	"dateline/internal/doc"
)

// numVal is a parsed count: a number, or X for vague quantities ("several").
type numVal struct {
	n       float64
	x       bool // vague: several, a few, many
	article bool // "a"/"an": only a count directly before a unit
	end     int  // tok index after the number
}

// number parses a count at tok i: digits ("24", "1,000", "2 1/2"), number
// words ("twenty-four", "a hundred"), "a"/"an", "half a", "a couple of" and
// vague quantities ("several", "a few").
func (p *parser) number(i int) (numVal, bool) {
	if i >= len(p.toks) {
		return numVal{}, false
	}
	t := &p.toks[i]
	if t.isNum {
		v := numVal{n: t.num, end: i + 1}
		if p.isFraction(i+1, "1/2") {
			v.n += 0.5
			v.end++
		}
		return v, true
	}
	e := t.e
	if e == nil {
		return numVal{}, false
	}
	switch {
	case p.is(i, "half") && (p.is(i+1, "a") || p.is(i+1, "an")):
		return numVal{n: 0.5, end: i + 2}, true
	case (p.is(i, "a") || p.is(i, "an")) && p.is(i+1, "half"):
		return numVal{n: 0.5, end: i + 2}, true
	case (p.is(i, "a") || p.is(i, "an")) && (p.is(i+1, "couple") || p.is(i+1, "few")):
		v := numVal{n: 2, end: i + 2, x: p.is(i+1, "few")}
		if p.is(v.end, "of") {
			v.end++
		}
		return v, true
	case p.is(i, "couple") && p.is(i+1, "of"):
		return numVal{n: 2, end: i + 2}, true
	case e.quant:
		v := numVal{x: true, end: i + 1}
		if p.is(v.end, "of") && i > 0 && !p.is(i, "some") {
			v.end++
		}
		if p.is(i, "some") || p.is(i, "many") {
			if !p.unitAt(v.end) {
				return numVal{}, false
			}
		}
		return v, true
	case e.num == 0:
		return numVal{}, false
	}
	j := i
	if e.num == 1 && (p.is(i, "a") || p.is(i, "an")) {
		if n := p.e(i + 1); n == nil || (n.num != 100 && n.num != 1000 && n.num != 12) {
			return numVal{n: 1, article: true, end: i + 1}, true
		}
		j++ // "a hundred"
	}
	total, cur, any := 0, 0, false
	if j > i {
		cur, any = 1, true
	}
	for ; j < len(p.toks); j++ {
		n := p.e(j)
		if n == nil || n.num == 0 || p.is(j, "a") || p.is(j, "an") {
			if p.is(j, "and") && any && cur%100 == 0 && cur > 0 {
				if m := p.e(j + 1); m != nil && m.num > 0 && m.num < 100 && !p.is(j+1, "a") && !p.is(j+1, "an") {
					continue
				}
			}
			break
		}
		switch {
		case n.num == 100:
			cur = max(cur, 1) * 100
		case n.num == 1000:
			total += max(cur, 1) * 1000
			cur = 0
		case n.num == 12 && p.is(j, "dozen"):
			cur = max(cur, 1) * 12
		case !any || cur%100 == 0:
			cur += n.num
		case cur%10 == 0 && cur%100 >= 20 && n.num < 10:
			cur += n.num
		default:
			return numVal{n: float64(total + cur), end: j}, true
		}
		any = true
	}
	if !any {
		return numVal{}, false
	}
	v := numVal{n: float64(total + cur), end: j}
	if p.is(j, "and") && p.is(j+1, "a") && p.is(j+2, "half") && p.unitAt(j+3) {
		v.n += 0.5
		v.end = j + 3
	}
	return v, true
}

// isFraction reports whether tok i is the fraction f ("1/2").
func (p *parser) isFraction(i int, f string) bool {
	return i < len(p.toks) && p.toks[i].kind == doc.Number && p.str(i) == f && p.toks[i].space
}

// unitAt reports whether tok i is a unit word.
func (p *parser) unitAt(i int) bool {
	e := p.e(i)
	return e != nil && e.unit != noUnit
}

// durValue formats a duration of n units (X when vague) as a TIMEX3 value.
func durValue(n float64, x bool, u unit) string {
	var code string
	timePart := false
	mult := 1.0
	switch u {
	case uSecond:
		code, timePart = "S", true
	case uMinute:
		code, timePart = "M", true
	case uHour:
		code, timePart = "H", true
	case uDay, uNight:
		code = "D"
	case uWeekend:
		code, mult = "D", 2
	case uWeek:
		code = "W"
	case uFortnight:
		code, mult = "W", 2
	case uMonth:
		code = "M"
	case uQuarter, uSeason:
		code, mult = "M", 3
	case uYear:
		code = "Y"
	case uDecade:
		code, mult = "Y", 10
	case uCentury:
		code, mult = "Y", 100
	default:
		return ""
	}
	prefix := "P"
	if timePart {
		prefix = "PT"
	}
	if x {
		return prefix + "X" + code
	}
	n *= mult
	whole := float64(int64(n))
	if n == whole {
		return prefix + strconv.FormatInt(int64(n), 10) + code
	}
	if n-whole == 0.5 {
		// Halves as the next smaller unit, as TimeML writes them: P2Y6M, PT1H30M.
		w := strconv.FormatInt(int64(whole), 10)
		switch code + strconv.FormatBool(timePart) {
		case "Yfalse":
			return zeroLead("P", w, "Y") + "6M"
		case "Dfalse":
			return zeroLead("P", w, "D") + "T12H"
		case "Htrue":
			return zeroLead("PT", w, "H") + "30M"
		case "Mtrue":
			return zeroLead("PT", w, "M") + "30S"
		}
	}
	return prefix + strings.TrimRight(strconv.FormatFloat(n, 'f', 3, 64), "0") + code
}

// zeroLead writes prefix+w+code, or just prefix when w is "0" (half an hour
// is PT30M, not PT0H30M).
func zeroLead(prefix, w, code string) string {
	if w == "0" {
		return prefix
	}
	return prefix + w + code
}
