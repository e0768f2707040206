package timex

import (
	"sort"
	"strconv"
	"time"

	"dateline/internal/doc"
)

// parser holds the state of one Extract call.
type parser struct {
	text        string
	toks        []tok
	sents       []doc.Span
	dct         time.Time // midnight UTC of the document date
	dctDay      string    // its value (2025-08-06), formatted once
	hasDCT      bool
	lastDate    string // value of the last DATE or TIME found, for times of day
	lastDateTok int    // its first tok
	lastDateEnd int    // the tok after it, for the second half of a range ("Monday to Wednesday")
	// lastQuarter is the last quarter named (2025-Q3), the reference of
	// "a year earlier" in an earnings report; lastQuarterTok its first tok.
	lastQuarter    string
	lastQuarterTok int
	// lastSpanTok is the first tok of the last reporting period longer
	// than a quarter ("the first nine months", "the six months"), -1 if
	// none: after one, "a year earlier" compares years.
	lastSpanTok int
}

// Placeholder values of the undated convention (see the package doc).
const (
	presentRef = "PRESENT_REF"
	pastRef    = "PAST_REF"
	futureRef  = "FUTURE_REF"
)

// direction of a relative expression: which way from the document date.
const (
	past   = -1
	same   = 0
	future = 1
)

func pad(n, w int) string {
	s := strconv.Itoa(n)
	for len(s) < w {
		s = "0" + s
	}
	return s
}

func fmtDay(t time.Time) string {
	return pad(t.Year(), 4) + "-" + pad(int(t.Month()), 2) + "-" + pad(t.Day(), 2)
}

func fmtMonth(y, m int) string { return pad(y, 4) + "-" + pad(m, 2) }

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return pad(y, 4) + "-W" + pad(w, 2)
}

func fmtQuarter(y, q int) string { return pad(y, 4) + "-Q" + strconv.Itoa(q) }

// dirRef is the fuzzy value of an unanchored relative expression.
func dirRef(dir int) string {
	switch {
	case dir < 0:
		return pastRef
	case dir > 0:
		return futureRef
	}
	return presentRef
}

// shiftDays returns the DCT moved by n days, or the fuzzy value when undated.
func (p *parser) shiftDays(n int) string {
	if !p.hasDCT {
		return dirRef(n)
	}
	return fmtDay(p.dct.AddDate(0, 0, n))
}

// unitValue returns the value of the unit u containing the DCT moved by n
// units ("last week": uWeek, -1 → "2025-W31"), or the fuzzy value when the
// document is undated.
func (p *parser) unitValue(u unit, n int) string {
	if !p.hasDCT {
		return dirRef(n)
	}
	t := p.dct
	y, m := t.Year(), int(t.Month())
	switch u {
	case uDay, uNight:
		return fmtDay(t.AddDate(0, 0, n))
	case uWeek:
		return fmtWeek(t.AddDate(0, 0, 7*n))
	case uFortnight:
		return fmtWeek(t.AddDate(0, 0, 14*n))
	case uWeekend:
		// The weekend of the week n weeks away.
		return fmtWeek(t.AddDate(0, 0, 7*n)) + "-WE"
	case uMonth:
		mm := y*12 + (m - 1) + n
		return fmtMonth(floorDiv(mm, 12), mm-floorDiv(mm, 12)*12+1)
	case uQuarter:
		q := y*4 + (m-1)/3 + n
		return fmtQuarter(floorDiv(q, 4), q-floorDiv(q, 4)*4+1)
	case uSeason:
		yy, s := seasonOf(t)
		idx := yy*4 + s + n
		return pad(floorDiv(idx, 4), 4) + "-" + seasonCodes[idx-floorDiv(idx, 4)*4]
	case uYear:
		return pad(y+n, 4)
	case uDecade:
		return pad(y/10+n, 3)
	case uCentury:
		return pad(y/100+n, 2)
	}
	return dirRef(n)
}

// agoValue returns the date n units before (sign -1) or after (+1) the DCT at
// the unit's granularity: "two days ago" is a day, "a year ago" a year.
func (p *parser) agoValue(u unit, n float64, x bool, sign int) string {
	if x || !p.hasDCT || n != float64(int(n)) {
		return dirRef(sign)
	}
	k := int(n) * sign
	t := p.dct
	switch u {
	case uSecond, uMinute, uHour:
		return fmtDay(t)
	case uDay, uNight:
		return fmtDay(t.AddDate(0, 0, k))
	case uWeek, uFortnight:
		// "a week ago" names the day a week back, as annotators read it.
		w := 7
		if u == uFortnight {
			w = 14
		}
		return fmtDay(t.AddDate(0, 0, w*k))
	case uMonth:
		return p.unitValue(uMonth, k)
	case uQuarter:
		return p.unitValue(uQuarter, k)
	case uYear:
		return pad(t.Year()+k, 4)
	case uDecade:
		return pad(t.Year()+10*k, 4)
	case uCentury:
		return pad(t.Year()/100+k, 2)
	}
	return dirRef(sign)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

var seasonCodes = [4]string{"WI", "SP", "SU", "FA"}

// seasonOf returns the (northern) season of t as a year and an index into
// seasonCodes; December belongs to the winter of the next year.
func seasonOf(t time.Time) (int, int) {
	m := int(t.Month())
	switch {
	case m == 12:
		return t.Year() + 1, 0
	case m <= 2:
		return t.Year(), 0
	case m <= 5:
		return t.Year(), 1
	case m <= 8:
		return t.Year(), 2
	}
	return t.Year(), 3
}

func seasonIndex(code string) int {
	for i, c := range seasonCodes {
		if c == code {
			return i
		}
	}
	return 0
}

// weekdayValue resolves a weekday (ISO 1..7) against the DCT. dir past gives
// the most recent such day (the DCT itself when it is that weekday), future
// the next one (again the DCT itself on the day). shift is an explicit
// "last" (-1), the most recent such day before the DCT, or "next" (+1), that
// day in the week after the DCT's.
func (p *parser) weekdayValue(wd int, dir, shift int) string {
	if !p.hasDCT {
		return "XXXX-WXX-" + strconv.Itoa(wd)
	}
	cur := int(p.dct.Weekday())
	if cur == 0 {
		cur = 7
	}
	var delta int
	switch {
	case shift < 0:
		delta = wd - cur
		if delta >= 0 {
			delta -= 7
		}
	case shift > 0:
		// "next Thursday" is the Thursday of the week after the DCT's:
		// said on a Wednesday it is eight days on, as the coming one would
		// be "Thursday" or "this Thursday".
		delta = wd - cur + 7
	case dir > 0:
		delta = wd - cur
		if delta < 0 {
			delta += 7
		}
	default:
		delta = wd - cur
		if delta > 0 {
			delta -= 7
		}
	}
	return fmtDay(p.dct.AddDate(0, 0, delta))
}

// monthYear picks the year of a month (and day, 0 if none) given without a
// year: the occurrence nearest the DCT, moved a year back when a past
// context puts it more than four months ahead, or a year on when a future
// context puts it more than four months behind. News mostly speaks of the
// weeks around its date, in both directions, so the tense decides only far
// from it.
func (p *parser) monthYear(m, d, dir int) (int, bool) {
	if !p.hasDCT {
		return 0, false
	}
	y := p.dct.Year()
	day := d
	if day == 0 {
		day = 15
	}
	diff := monthDiff(p.dct, m, day)
	switch {
	case diff > 6:
		y--
		diff -= 12
	case diff < -6:
		y++
		diff += 12
	}
	switch {
	case dir < 0 && diff > 4:
		y--
	case dir > 0 && diff < -4:
		y++
	}
	return y, true
}

// monthDiff returns the distance in (fractional) months from t to day d of
// month m of t's year.
func monthDiff(t time.Time, m, d int) float64 {
	return float64(m-int(t.Month())) + float64(d-t.Day())/31
}

// tense returns the direction implied by the sentence around tok i: future
// when the nearest tense cue is a future one ("will", "plans", "expected"),
// past when it is a past one ("said", "was", "-ed"); same when the sentence
// has only present cues ("is") or none, which callers read as they see fit
// (weekdays as past: news reports what happened).
func (p *parser) tense(i int) int { return p.tenseOf(i, true) }

// tenseOf is tense, counting reporting verbs as past cues only when
// reporting is set.
func (p *parser) tenseOf(i int, reporting bool) int {
	lo, hi := p.sentenceToks(i)
	best, bestDist := noCue, 1<<30
	for j := lo; j < hi; j++ {
		t := &p.toks[j]
		c := noCue
		if t.cap && t.e != nil && !p.sentenceStart(j) && (j == 0 || !p.toks[j-1].cap) {
			continue // a name ("the Met Office", "Will Smith"), not a verb
		}
		switch {
		case t.e != nil && t.e.cue != noCue && (reporting || !t.e.reporting):
			c = t.e.cue
			if c == cueFuture && p.is(j, "going") && !p.is(j+1, "to") {
				c = noCue
			}
			if c == cueFuture && p.is(j, "due") && !p.dueToVerb(j) {
				c = noCue // "due to the weather": a cause
			}
			if c == cueFuture && (p.is(j, "expected") || p.is(j, "planned") || p.is(j, "likely") || p.is(j, "unlikely") ||
				p.is(j, "intended") || p.is(j, "ready") || p.is(j, "forecast")) && !p.is(j+1, "to") && !p.is(j+1, "for") &&
				!p.expectedAt(j) {
				c = noCue
			}
			if c == cueFuture && (p.is(j, "plan") || p.is(j, "plans")) && (p.nounAfter(j) || !p.planVerb(j)) {
				c = noCue // "the plan", "Orbit's plans", "vacation plans for": a noun, not a future
			}
			if c == cueFuture && (p.is(j, "likely") || p.is(j, "unlikely")) && (p.is(j-1, "was") || p.is(j-1, "were")) {
				c = noCue // "was likely to rain Sunday": the past copula decides
			}
			if c == cueFuture && (p.is(j, "set") || p.is(j, "slated") || p.is(j, "poised")) && !p.is(j+1, "to") {
				c = noCue // "set to begin" looks ahead; "set a record" does not
			}
			if c == cueFuture && (p.is(j-1, "had") || p.is(j-1, "been") && p.is(j-2, "had")) {
				c = cuePast // "had been due to expire Friday": a plan now past
			}
		case t.e != nil && t.e.sched:
			if p.scheduleVerb(j) {
				c = cueFuture // "The committee meets Tuesday": a timetable
			}
		case t.edVerb:
			if !p.nounAfter(j) && !p.is(j+1, "until") && !p.is(j+1, "till") {
				// Not "a televised debate": an adjective; nor "kept
				// markets closed until Friday": a state, whose tense is
				// told elsewhere.
				c = cuePast
			}
		}
		if c == cuePast && p.copulaAt(j-1) && !p.is(j, "was") && !p.is(j, "were") && !p.is(j, "had") && !p.is(j, "did") {
			c = noCue // "will be held", "remain closed": a participle, not a past tense
		}
		if c == cuePast && (p.is(j-1, "has") || p.is(j-1, "have") || p.is(j-1, "'ve") || p.is(j-1, "’ve")) {
			c = cuePresent // "has continued": a state reaching the present
		}
		if c == noCue || c == cuePresent && best != noCue {
			continue
		}
		// A verb usually precedes its time adjunct ("met ... on Monday and
		// will meet again"), so cues after the expression count double.
		d := i - j
		if d < 0 {
			d = 2 * (j - i + 1)
		}
		// Past and future cues outrank present ones ("is due to publish").
		if best == cuePresent && c != cuePresent || d < bestDist || (d == bestDist && c == cueFuture) {
			best, bestDist = c, d
		}
	}
	switch best {
	case cueFuture:
		return future
	case cuePast:
		return past
	}
	return same
}

// expectedAt reports whether "expected" or "forecast" at j looks ahead to
// the time adjunct it governs ("snow expected by Saturday", "a ruling is
// expected on Monday"). After a past copula ("was expected on Monday") the
// expectation itself is past and the copula decides.
func (p *parser) expectedAt(j int) bool {
	if !p.is(j, "expected") && !p.is(j, "forecast") || p.is(j-1, "was") || p.is(j-1, "were") || p.is(j-1, "had") {
		return false
	}
	return p.isOneOf(j+1, expectedAdjuncts)
}

// planVerb reports whether "plan" or "plans" at j is the verb of a plan
// ("plans to sell", "plans a sale", "plans Friday's vote"), not a noun
// ("vacation plans for the trip", "plans were shelved").
func (p *parser) planVerb(j int) bool {
	if p.is(j+1, "to") {
		return true
	}
	n := p.tokAt(j + 1)
	if n != nil && n.kind == doc.Number {
		return true // "plans 200 job cuts"
	}
	if n == nil || n.kind != doc.Word {
		return false
	}
	if e := n.e; e != nil && (e.det || e.weekday != 0 || e.month != 0 || e.rel != noRel) {
		return true
	}
	return p.isOneOf(j+1, planObjects)
}

// nounAfter reports whether the word at j follows a determiner or a
// possessive, so it is a noun or an adjective ("the plan", "its planned
// merger", "a televised debate"), not a verb.
func (p *parser) nounAfter(j int) bool {
	if e := p.e(j - 1); e != nil && e.det {
		return true
	}
	switch p.str(j - 1) {
	case "'s", "’s", "its", "his", "her", "their", "our", "my", "your":
		return true
	}
	return false
}

// scheduleVerb reports whether the schedule verb at j ("meets", "open") is
// used as a present-tense verb, which news keeps for what is timetabled
// ("The committee meets Tuesday", "Ticket sales open at 9 a.m. Monday"): a
// third-person form after anything but a determiner, a number or a
// preposition, or a plain form after a plural subject or a pronoun.
func (p *parser) scheduleVerb(j int) bool {
	if j == 0 || p.nounAfter(j) || p.is(j+1, "of") {
		return false
	}
	if s := p.str(j); s[len(s)-1] == 's' && (p.is(j-1, ",") || p.is(j-1, "and")) && p.tokAt(j+1) != nil && p.toks[j+1].kind == doc.Word {
		// A third-person verb after an appositive or a first verb: "the
		// bridge, closed since May, reopens Friday", "passed the House and
		// goes to the Senate on Thursday".
		return true
	}
	if p.toks[j-1].kind != doc.Word {
		return false
	}
	if pe := p.toks[j-1].e; pe != nil && (pe.num != 0 || pe.cue != noCue || pe.rel != noRel || pe.unit != noUnit) {
		return false
	}
	prev := p.str(j - 1)
	if p.isOneOf(j-1, notSubjects) {
		return false
	}
	if p.isOneOf(j-1, pronounSubjects) {
		return true
	}
	s := p.str(j)
	if s[len(s)-1] == 's' {
		return true
	}
	// A plain form needs a plural subject ("talks resume", "Rovers play"),
	// a name ending one ("Lawmakers in Albany return") or a modal.
	if p.isOneOf(j-1, modals) {
		return true
	}
	if p.toks[j-1].cap && !p.sentenceStart(j-1) {
		return true
	}
	return len(prev) > 3 && prev[len(prev)-1] == 's' && prev[len(prev)-2] != 's' && prev[len(prev)-2] != '\''
}

// Words before a timetable verb that show it is not one (see scheduleVerb),
// and subjects and modals that show it is.
var (
	notSubjects = []string{"to", "not", "n't", "did", "does", "do", "of", "for", "in", "on", "at",
		"with", "by", "from", "and", "or", "as", "this", "that", "these", "those", "is", "was", "has",
		"us", "who", "which"}
	pronounSubjects = []string{"we", "they", "you", "i"}
	modals          = []string{"can", "could", "may", "might", "must", "should"}
)

// isOneOf reports whether tok j is one of the lower-case words ws.
func (p *parser) isOneOf(j int, ws []string) bool {
	for _, w := range ws {
		if p.is(j, w) {
			return true
		}
	}
	return false
}

// sentenceToks returns the tok range [lo, hi) of the sentence holding tok i
// (a window of 40 toks either side when there are no sentences).
func (p *parser) sentenceToks(i int) (int, int) {
	lo, hi := i-40, i+40
	if lo < 0 {
		lo = 0
	}
	if hi > len(p.toks) {
		hi = len(p.toks)
	}
	if len(p.sents) == 0 {
		return lo, hi
	}
	off := p.toks[i].start
	k := sort.Search(len(p.sents), func(k int) bool { return p.sents[k].End > off })
	if k == len(p.sents) || p.sents[k].Start > off {
		return lo, hi
	}
	s := p.sents[k]
	a := sort.Search(len(p.toks), func(j int) bool { return p.toks[j].start >= s.Start })
	b := sort.Search(len(p.toks), func(j int) bool { return p.toks[j].start >= s.End })
	if b-a > 120 { // an unsplit wall of text: stay local
		return max(a, lo), min(b, hi)
	}
	return a, b
}

// yearBack is the value of "a year ago", "a year earlier", "year-earlier"
// at tok i: the date last mentioned in the same sentence moved back a year
// when there is one ("the third quarter ... a year earlier" is the third
// quarter of the year before), else the year before the DCT.
func (p *parser) yearBack(i int) string {
	if y, ok := p.spanYearBack(i); ok {
		return y
	}
	if p.lastDate != "" && len(p.lastDate) >= 7 && p.lastDate[4] == '-' {
		// A date of the same sentence is the reference; beyond it, the
		// quarter under report (below).
		lo, _ := p.sentenceToks(i)
		if p.lastDateTok >= lo && p.lastDateTok < i {
			if y, err := strconv.Atoi(p.lastDate[:4]); err == nil {
				v := pad(y-1, 4) + p.lastDate[4:]
				if k := indexByte(v, 'T'); k > 0 {
					v = v[:k]
				}
				return v
			}
		}
	}
	if q, ok := p.reportedQuarter(i); ok {
		return p.yearBackOf(q)
	}
	return p.unitValue(uYear, -1)
}

// spanYearBack returns the year before the one under report when the
// period last named, in this sentence or the one before, is longer than a
// quarter: "net rose in the first nine months, against a loss a year
// earlier" compares the nine months of two years, which TimeML can only
// give as the earlier year.
func (p *parser) spanYearBack(i int) (string, bool) {
	if p.lastSpanTok < 0 || p.lastSpanTok >= i || p.lastSpanTok < p.prevSentenceStart(i) || !p.hasDCT {
		return "", false
	}
	if p.lastQuarter != "" && p.lastQuarterTok > p.lastSpanTok && p.lastQuarterTok < i {
		return "", false // a quarter named since is the reference
	}
	y := p.dct.Year()
	if q, ok := p.reportedQuarter(i); ok {
		if qy, err := strconv.Atoi(q[:4]); err == nil {
			y = qy
		}
	}
	return pad(y-1, 4), true
}

// reportingSpan reports whether a duration value is a reporting period
// longer than a quarter and at most a year (P6M, P9M, P2Q, P3Q, P1Y).
func reportingSpan(v string) bool {
	switch v {
	case "P4M", "P5M", "P6M", "P7M", "P8M", "P9M", "P10M", "P11M", "P12M", "P2Q", "P3Q", "P1Y":
		return true
	}
	return false
}

// quarterScope is how far (in toks) a quarter stays the period an earnings
// report compares with: a few paragraphs.
const quarterScope = 400

// reportable reports whether quarter q (2025-Q3) can be the period a story
// reports on: not after the DCT's quarter, as forecasts are not results,
// and not a year or more before it, as that is a comparison ("the 1988
// period" beside the latest one), not the report. (The DCT's own quarter
// stays allowed: fiscal quarters run ahead of the calendar, "the fourth
// quarter ended Sept. 30".)
func (p *parser) reportable(q string) bool {
	if !p.hasDCT {
		return true
	}
	return q <= p.unitValue(uQuarter, 0) && q > p.unitValue(uQuarter, -4)
}

// reportedQuarter returns the quarter named last before tok i when it is
// recent enough to be the period the story reports on: "net rose in the
// third quarter. ... A year earlier, net was ..." compares third quarters.
func (p *parser) reportedQuarter(i int) (string, bool) {
	if p.lastQuarter == "" || i-p.lastQuarterTok > quarterScope || !isDigit(p.lastQuarter[0]) {
		return "", false
	}
	return p.lastQuarter, true
}

// yearBackOf moves a value with a four-digit year back one year.
func (p *parser) yearBackOf(v string) string {
	y, err := strconv.Atoi(v[:4])
	if err != nil {
		return p.unitValue(uYear, -1)
	}
	return pad(y-1, 4) + v[4:]
}

// anaphoricUnit resolves "the following year", "the previous month" against
// the last date found (the narrative's time), else the DCT.
func (p *parser) anaphoricUnit(u unit, shift int) string {
	if len(p.lastDate) >= 4 && isDigit(p.lastDate[0]) && isDigit(p.lastDate[3]) && (len(p.lastDate) == 4 || p.lastDate[4] == '-') {
		y, _ := strconv.Atoi(p.lastDate[:4])
		switch u {
		case uYear:
			return pad(y+shift, 4)
		case uWeek:
			if t, ok := parseDay(p.lastDate); ok {
				return fmtWeek(t.AddDate(0, 0, 7*shift))
			}
		case uMonth:
			if len(p.lastDate) >= 7 && isDigit(p.lastDate[5]) {
				m, _ := strconv.Atoi(p.lastDate[5:7])
				mm := y*12 + m - 1 + shift
				return fmtMonth(floorDiv(mm, 12), mm-floorDiv(mm, 12)*12+1)
			}
		}
		return ""
	}
	return p.unitValue(u, shift)
}

// dueToVerb reports whether "due" at j looks ahead: "due to publish",
// "due on Friday", "due in March" — not "due to the storm".
func (p *parser) dueToVerb(j int) bool {
	switch {
	case p.is(j+1, "on") || p.is(j+1, "in") || p.is(j+1, "by") || p.is(j+1, "for") || p.is(j+1, "next"):
		return true
	case !p.is(j+1, "to") || j+2 >= len(p.toks):
		return false
	}
	t := &p.toks[j+2]
	if t.kind != doc.Word || t.cap {
		return false
	}
	if e := t.e; e != nil && (e.det || e.num != 0 || e.month != 0 || e.weekday != 0) {
		return false
	}
	switch p.str(j + 2) {
	case "his", "her", "their", "its", "our", "your", "my", "high", "low", "lack", "poor", "bad",
		"heavy", "strong", "weak", "rising", "falling", "concerns", "fears":
		return false
	}
	return true
}

// copulas take a participle as an adjective ("will be held", "remain
// closed"), which then says nothing of the tense; a past copula ("was")
// is itself the cue.
var copulas = []string{"be", "being", "been", "is", "are", "am", "was", "were", "remain", "remains",
	"remained", "stay", "stays", "stayed", "become", "becomes", "became", "seem", "seems", "get", "gets"}

// copulaAt reports whether tok j is a copula.
func (p *parser) copulaAt(j int) bool {
	for _, w := range copulas {
		if p.is(j, w) {
			return true
		}
	}
	return false
}

// expectedAdjuncts start the time adjunct of "expected" (see expectedAt).
var expectedAdjuncts = []string{"by", "on", "in", "at", "within", "before", "around", "early", "late",
	"later", "next", "this", "tomorrow", "tonight"}

// planObjects start the object of the verb "plan" (see planVerb).
var planObjects = []string{"his", "her", "its", "their", "our", "new", "more", "further"}
