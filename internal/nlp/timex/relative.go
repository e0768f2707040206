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
		if t := p.tokAt(i + 3); p.toks[i+2].hyph && t != nil && t.kind == doc.Word {
			return match{}, false // "the long-term savings": an adjective
		}
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
			if p.is(i-1, "over") && end == j+1 && !p.is(end, "of") && !p.is(end, "to") && !p.is(end, "ahead") {
				// "over the years": a stretch of unknown length up to now.
				return match{start: i, end: end, typ: doc.Duration, value: durValue(0, true, u.unit)}, true
			}
			if p.is(end, "to") && p.is(end+1, "come") {
				return dateM(i, end+2, futureRef)
			}
			if p.is(end, "ahead") {
				return dateM(i, end+1, futureRef)
			}
		}
	case p.is(i, "a") && p.is(i+1, "later") && p.is(i+2, "date"):
		return dateM(i, i+3, futureRef)
	case p.is(i, "one") && p.is(i+1, "day") && (p.isOneOf(i-1, someDayBefore) || p.sentenceStart(i) && p.is(i+2, ",")):
		// "Islam will one day be ...", "he hopes he one day follows":
		// some day, ahead unless the sentence is in the past.
		v := futureRef
		if p.tense(i) == past && !p.isOneOf(i-1, modals) && !p.is(i-1, "will") && !p.is(i-1, "would") {
			v = pastRef
		}
		return dateM(i, i+2, v)
	}
	return match{}, false
}

// someDayBefore are the words after which "one day" means some day: modals
// and subject pronouns ("will one day be", "he one day follows").
var someDayBefore = []string{"will", "would", "could", "may", "might", "can", "shall", "should",
	"must", "he", "she", "they", "we", "i", "you", "it"}

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
		if p.isOneOf(j, comparableWords) && p.is(j+1, "year") {
			j++ // "the comparable year-ago quarter"
		}
	}
	e := p.e(j)
	if e == nil {
		return match{}, false
	}
	if p.is(j, "year") && p.toks[j+1-1].e != nil && j+1 < len(p.toks) && p.toks[j+1].hyph && (p.is(j+1, "earlier") || p.is(j+1, "ago")) {
		// "year-earlier", "the year-ago quarter", "the year-ago third quarter"
		end := j + 2
		v := p.yearBack(i)
		if d, ok := p.durationPhrase(end); the && ok && d.start == end && d.typ == doc.Duration {
			// "the year-earlier nine months": a reporting period, a DURATION.
			return match{start: i, end: d.end, typ: doc.Duration, value: d.value}, true
		}
		if o := p.e(end); the && o != nil && o.ord > 0 && o.ord <= 4 && p.e(end+1) != nil && p.e(end+1).unit == uQuarter && !p.e(end+1).plural && p.hasDCT {
			q, ok := p.reportedQuarter(i)
			if !ok {
				q = p.reportQuarter()
			}
			m, ok := dateM(i, end+2, p.yearBackOf(q)[:4]+"-Q"+strconv.Itoa(o.ord))
			m.derived = true
			return m, ok
		}
		if u := p.e(end); the && (u != nil && u.unit == uQuarter || p.is(end, "period")) {
			end++
			if len(v) == 4 && p.hasDCT {
				if q, ok := p.reportedQuarter(i); ok {
					v = p.yearBackOf(q)
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
		if d, ok := p.durationPhrase(j + 1); the && ok && d.start == j+1 && d.typ == doc.Duration {
			// "the latest nine months": a reporting period, a DURATION.
			return match{start: i, end: d.end, typ: doc.Duration, value: d.value}, true
		}
		if u := p.e(j + 1); u != nil && u.unit == uQuarter && !u.plural {
			return dateM(i, j+2, p.reportQuarter())
		}
		if p.is(j+1, "period") {
			// "the latest period" of an earnings report: the quarter it
			// reports on.
			q, ok := p.reportedQuarter(i)
			if !ok {
				q = p.reportQuarter() // no quarter named: the one a report now covers
			}
			return dateM(i, j+2, q)
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
		q := p.reportQuarter()
		if p.is(j+1, "ended") || p.is(j+1, "ending") {
			// "the quarter ended July 31": the calendar quarter holding
			// most of the three months up to that day (May to July: Q2).
			if v, _, ok := p.calDate(j + 2); ok && len(v) == 10 {
				if t, ok := parseDay(v); ok {
					mid := t.AddDate(0, 0, -45)
					return dateM(i, j+1, fmtQuarter(mid.Year(), (int(mid.Month())-1)/3+1))
				}
			}
		}
		if p.is(j+1, "a") && p.is(j+2, "year") && (p.is(j+3, "ago") || p.is(j+3, "earlier")) && q[0] != 'X' {
			// "the quarter a year ago": one expression, the quarter back a year.
			m, ok := dateM(i, j+4, p.yearBackOf(q))
			m.derived = true
			return m, ok
		}
		return dateM(i, j+1, q)
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
	if u.unit != noUnit && p.toks[j].cap && p.toks[k].cap && p.quoteBefore(j) {
		return match{}, false // ABC's "This Week": a title
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
		if shift > 0 && !p.is(j, "next") {
			shift = 0 // "this coming Sunday": the first one ahead (weekdayFrom reads "coming")
		}
		return p.weekdayFrom(i, k, shift)
	case u.month != 0:
		if the || (u.needsCap && !p.toks[k].cap) {
			return match{}, false
		}
		if d, ok := p.dayNum(k + 1); ok && shift != 0 && p.hasDCT && !p.toks[k+1].hyph {
			if _, ok := p.yearAt(k + 2); !ok && !(p.is(k+2, ",") && p.yearAtOK(k+3)) {
				// "last Oct. 23": the latest such day before the DCT.
				return dateM(i, k+2, p.relMonthDay(int(u.month), d, shift))
			}
		}
		return dateM(i, k+1, p.relMonth(int(u.month), shift))
	case u.season != "":
		return dateM(i, k+1, p.relSeason(seasonIndex(u.season), shift))
	case u.unit != noUnit && !u.plural:
		if (p.is(j, "past") || (the && p.is(j, "last"))) && !p.is(j-1, "this") {
			if p.toks[k].hyph {
				return match{}, false // "the last-minute talks": an adjective
			}
			// "the past year", "the last decade": the calendar unit before
			// the DCT's, as TimeBank, MEANTIME and HeidelTime read them;
			// "the past day" and "the past hour" are stretches ending now.
			switch u.unit {
			case uSecond, uNight:
				return match{}, false
			case uMinute, uHour, uDay, uCentury:
				// "the past century" is the last hundred years, not the
				// 1800s of an article written in 1989.
				return match{start: i, end: k + 1, typ: doc.Duration, value: durValue(1, false, u.unit)}, true
			}
			return dateM(i, k+1, p.unitValue(u.unit, -1))
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

// thatUnit matches "that year", "that month", "that quarter", "that week":
// the unit holding the last date found ("imports rose in 1988 ... that
// year"). Only a date of the narrative can be its reference, so without
// one nothing is matched, and neither is a complementiser "that" after a
// verb ("said that year-on-year sales", "argued that year ...").
func (p *parser) thatUnit(i int) (match, bool) {
	if !p.is(i, "that") {
		return match{}, false
	}
	u := p.e(i + 1)
	if u == nil || u.plural || (u.unit != uYear && u.unit != uMonth && u.unit != uQuarter && u.unit != uWeek) ||
		p.toks[i+1].hyph || p.tokAt(i+2) != nil && p.toks[i+2].hyph {
		return match{}, false
	}
	if pe := p.e(i - 1); pe != nil && (pe.cue != noCue || pe.reporting || pe.sched) {
		return match{}, false
	}
	if p.isOneOf(i+2, repeatLinks) && p.is(i+3, u.word) {
		return match{}, false // "that year after year ...": a complementiser
	}
	if t := p.tokAt(i - 1); t != nil && t.edVerb || p.prevIs(i, "so", "such", "now", "is", "was", "are", "were", "be") {
		return match{}, false
	}
	if v, ok := p.narrativeUnit(u.unit); ok {
		return dateM(i, i+2, v)
	}
	return match{}, false
}

// narrativeUnit is the unit u holding the last date found, when there is
// one with a year ("1988", "1988-06", "1988-06-14", "1988-Q2").
func (p *parser) narrativeUnit(u unit) (string, bool) {
	v := p.lastDate
	if len(v) < 4 || !isDigit(v[0]) || !isDigit(v[3]) || len(v) > 4 && v[4] != '-' {
		return "", false
	}
	switch u {
	case uYear:
		return v[:4], true
	case uQuarter:
		if len(v) == 7 && v[5] == 'Q' {
			return v, true
		}
		if len(v) >= 7 && isDigit(v[5]) && isDigit(v[6]) {
			m, _ := strconv.Atoi(v[5:7])
			return v[:4] + "-Q" + strconv.Itoa((m-1)/3+1), true
		}
	case uMonth:
		if len(v) >= 7 && isDigit(v[5]) && isDigit(v[6]) {
			return v[:7], true
		}
	case uWeek:
		if t, ok := parseDay(v); ok && len(v) >= 10 {
			return fmtWeek(t), true
		}
	}
	return "", false
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

// relMonthDay resolves "last Oct. 23" (shift -1), the latest such day
// before the DCT, and "next March 3" (+1), the first one after it.
func (p *parser) relMonthDay(m, d, shift int) string {
	y := p.dct.Year()
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	switch {
	case shift < 0 && !t.Before(p.dct):
		y--
	case shift > 0 && !t.After(p.dct):
		y++
	}
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
}

// yearAtOK reports whether a year starts at tok i.
func (p *parser) yearAtOK(i int) bool {
	_, ok := p.yearAt(i)
	return ok
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

// theYear matches "the year", "the full year", "the fiscal year" of a
// report: the year under report (that of the quarter the story is about,
// else the DCT's), or a year-long stretch when an end is given ("the year
// ended March 31" is P1Y, as TimeBank annotates it).
func (p *parser) theYear(i int) (match, bool) {
	if !p.is(i, "the") {
		return match{}, false
	}
	j := i + 1
	if p.is(j, "full") || p.is(j, "fiscal") || p.is(j, "entire") || p.is(j, "whole") || p.is(j, "calendar") {
		j++
	}
	t := p.tokAt(j)
	if t == nil || !p.is(j, "year") || t.hyph || t.cap && !p.sentenceStart(j) {
		return match{}, false
	}
	if n := p.tokAt(j + 1); n != nil && (n.hyph || p.is(j+1, "'s") || p.is(j+1, "’s") || p.is(j+1, "before") ||
		p.is(j+1, "after") || p.is(j+1, "previous") || p.is(j+1, "earlier") || p.is(j+1, "ago") || p.is(j+1, "later") ||
		p.is(j+1, "of") && !p.figureAt(j+2) || p.is(j+1, "when") || p.is(j+1, "that") || p.is(j+1, "in")) {
		// "the year-ago quarter", "the year before" are read elsewhere or
		// anaphoric; "the year of the iPhone", "the year when" name one.
		return match{}, false
	}
	if p.is(i-1, "of") && (p.is(i-2, "rest") || p.is(i-2, "remainder") || p.is(i-2, "balance")) {
		return match{}, false
	}
	if p.is(j+1, "ended") || p.is(j+1, "ending") {
		return match{start: i, end: j + 1, typ: doc.Duration, value: "P1Y"}, true
	}
	if !p.hasDCT {
		return dateM(i, j+1, presentRef)
	}
	if q, ok := p.reportedQuarter(i); ok {
		return dateM(i, j+1, q[:4])
	}
	return dateM(i, j+1, pad(p.dct.Year(), 4))
}

// figureAt reports whether tok i starts a figure: a number or a currency
// sign ("a high for the year of $42.875").
func (p *parser) figureAt(i int) bool {
	t := p.tokAt(i)
	return t != nil && (t.kind == doc.Number || t.kind == doc.Symbol)
}

// quoteBefore reports whether an opening quotation mark directly precedes
// tok i.
func (p *parser) quoteBefore(i int) bool {
	switch p.str(i - 1) {
	case "\"", "“", "``", "'", "‘":
		return true
	}
	return false
}

// newYear matches "the new year": the year about to start, or the one just
// begun in its first half ("delays well into the new year" in December is
// the next year; "as the new year begins" on January 1 the DCT's). "The New
// Year" in capitals is the holiday, left to the holiday rules.
func (p *parser) newYear(i int) (match, bool) {
	if !p.is(i, "the") || !p.is(i+1, "new") || !p.is(i+2, "year") || p.toks[i+1].cap || p.is(i+3, "'s") || p.is(i+3, "’s") {
		return match{}, false
	}
	if !p.hasDCT {
		return dateM(i, i+3, futureRef)
	}
	y := p.dct.Year()
	if p.dct.Month() >= 7 {
		y++
	}
	return dateM(i, i+3, pad(y, 4))
}

// repeatLinks join a unit to itself in "year after year", "month by
// month", "day to day".
var repeatLinks = []string{"after", "by", "on", "over", "to"}
