package timex

// The lexicon maps lower-case words to what they can mean in a time
// expression. A token is a trigger when it is a number or has an entry; only
// triggers start pattern matching, which keeps the stage fast on prose.

// unit is a calendar or clock unit of a duration or a relative expression.
type unit uint8

const (
	noUnit unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uNight
	uWeekend
	uWeek
	uFortnight
	uMonth
	uQuarter
	uSeason
	uYear
	uDecade
	uCentury
)

// relKind classifies the words that shift or qualify a time: "last", "next",
// "ago", "earlier", ...
type relKind uint8

const (
	noRel    relKind = iota
	rLast            // last, previous, past, preceding
	rThis            // this, current, present
	rNext            // next, coming, following, upcoming
	rAgo             // ago
	rEarlier         // earlier, before, prior
	rLater           // later, after, hence
)

// tenseCue marks verbs and particles that tell the tense of a sentence.
type tenseCue uint8

const (
	noCue tenseCue = iota
	cuePast
	cueFuture
	cuePresent
)

// entry is everything the lexicon knows about one word. A word may play
// several roles ("may", "second", "march"), so the fields are independent.
type entry struct {
	month     int8     // 1..12
	weekday   int8     // ISO: Monday 1 .. Sunday 7
	num       int      // cardinal number word value (0 = none; "zero" is not used)
	ord       int      // ordinal value: "third" 3
	unit      unit     // unit word
	plural    bool     // the unit word is plural ("hours")
	setUnit   unit     // "daily" → uDay
	season    string   // SP, SU, FA, WI
	pod       string   // part of day: MO, AF, EV, NI, or "12:00"/"24:00" for noon/midnight
	rel       relKind  // relative word
	fuzzy     string   // PRESENT_REF, PAST_REF, FUTURE_REF for a standalone word
	cue       tenseCue // tense cue
	reporting bool     // a reporting verb: said, told, announced
	tz        string   // time zone word: "Z" for UTC/GMT, "-" for others kept out of the value
	ampm      int8     // 1 a.m., 2 p.m.
	approx    string   // TIMEX3 mod of a leading approximator: APPROX, LESS_THAN, ...
	posMod    string   // early/mid/late → START, MID, END
	needsCap  bool     // a month name that is also a common word: "may", "march"
	quant     bool     // vague quantity: several, few, many, some
	det       bool     // determiner: the, a, an, this, that
	deadline  bool     // deadline, ultimatum: the time before it is future
	fiscal    bool     // fiscal
	fillAdj   bool     // adjectives allowed between a number and its unit
	stopYear  bool     // a following word that makes a four-digit number a quantity
	sched     bool     // a verb of timetabled events: in the present tense it looks ahead
	// start: the word can begin a time expression (computed at init); the
	// others (tense cues, time zones, stop words) only inform patterns.
	start bool
	// word is the lexicon key, so matching a known word is one comparison.
	word string
	// lead: the word begins one only before another trigger ("the", "a",
	// "about", "more"), so the matcher skips it cheaply elsewhere.
	lead bool
}

// lexicon is built once at init and only read afterwards.
var lexicon = buildLexicon()

func buildLexicon() map[string]*entry {
	m := make(map[string]*entry, 600)
	get := func(w string) *entry {
		e, ok := m[w]
		if !ok {
			e = &entry{}
			m[w] = e
		}
		return e
	}
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	abbr := []string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	for i, w := range months {
		get(w).month = int8(i + 1)
		if a := abbr[i]; a != "" {
			get(a + ".").month = int8(i + 1)
			if a != "mar" && a != "jun" && a != "jan" {
				get(a).month = int8(i + 1)
			}
		}
	}
	get("sept.").month = 9
	get("sept").month = 9
	for _, w := range []string{"may", "march", "august"} {
		get(w).needsCap = true
	}
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	dabbr := []string{"mon.", "tue.", "wed.", "thu.", "fri.", "sat.", "sun."}
	for i, w := range days {
		get(w).weekday = int8(i + 1)
		get(dabbr[i]).weekday = int8(i + 1)
		pl := get(w + "s")
		pl.weekday, pl.plural = int8(i+1), true
	}
	get("tues.").weekday = 2
	get("thurs.").weekday = 4

	ones := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen"}
	for i, w := range ones {
		if w != "" {
			get(w).num = i
		}
	}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		if w != "" {
			get(w).num = i * 10
		}
	}
	get("fourty").num = 40
	get("hundred").num = 100
	get("thousand").num = 1000
	get("dozen").num = 12
	get("a").num = 1
	get("an").num = 1
	get("a").det = true
	get("an").det = true
	get("the").det = true
	get("this").det = true
	get("that").det = true

	ordinals := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
		"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
		"fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, w := range ordinals {
		if w != "" {
			get(w).ord = i
		}
	}
	get("twenty-first").ord = 21
	get("thirtieth").ord = 30
	get("last").ord = -1 // "the last quarter"
	get("final").ord = -1

	units := []struct {
		u     unit
		forms []string
	}{
		{uSecond, []string{"second", "sec", "sec."}},
		{uMinute, []string{"minute", "min", "min."}},
		{uHour, []string{"hour", "hr", "hr."}},
		{uDay, []string{"day"}},
		{uNight, []string{"night"}},
		{uWeekend, []string{"weekend"}},
		{uWeek, []string{"week", "wk"}},
		{uFortnight, []string{"fortnight"}},
		{uMonth, []string{"month"}},
		{uQuarter, []string{"quarter"}},
		{uSeason, []string{"season"}},
		{uYear, []string{"year", "yr"}},
		{uDecade, []string{"decade"}},
		{uCentury, []string{"century"}},
	}
	for _, u := range units {
		for _, f := range u.forms {
			get(f).unit = u.u
			if f[len(f)-1] != '.' {
				p := get(f + "s")
				p.unit, p.plural = u.u, true
			}
		}
	}
	get("centuries").unit, get("centuries").plural = uCentury, true
	get("mins.").unit, get("mins.").plural = uMinute, true
	get("hrs.").unit, get("hrs.").plural = uHour, true
	get("yrs.").unit, get("yrs.").plural = uYear, true

	for w, u := range map[string]unit{"daily": uDay, "weekly": uWeek, "monthly": uMonth,
		"yearly": uYear, "annually": uYear, "annual": uYear, "hourly": uHour, "nightly": uNight,
		"quarterly": uQuarter, "biweekly": uFortnight, "fortnightly": uFortnight} {
		get(w).setUnit = u
	}
	for w, s := range map[string]string{"spring": "SP", "summer": "SU", "fall": "FA",
		"autumn": "FA", "winter": "WI"} {
		get(w).season = s
	}
	for w, p := range map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV",
		"night": "NI", "noon": "12:00", "midday": "12:00", "midnight": "24:00",
		"tonight": "NI", "overnight": "NI"} {
		get(w).pod = p
	}
	for w, r := range map[string]relKind{"last": rLast, "previous": rLast, "past": rLast,
		"preceding": rLast, "prior": rEarlier, "this": rThis, "current": rThis, "present": rThis,
		"next": rNext, "coming": rNext, "following": rNext, "upcoming": rNext,
		"ago": rAgo, "earlier": rEarlier, "before": rEarlier, "later": rLater,
		"after": rLater, "hence": rLater} {
		get(w).rel = r
	}
	for w, f := range map[string]string{"now": "PRESENT_REF", "currently": "PRESENT_REF",
		"nowadays": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
		"previously": "PAST_REF", "formerly": "PAST_REF", "soon": "FUTURE_REF",
		"future": "FUTURE_REF", "past": "PAST_REF", "recent": "PAST_REF",
		"today": "", "yesterday": "", "tomorrow": "", "tonight": ""} {
		get(w).fuzzy = f
	}
	for _, w := range []string{"was", "were", "had", "did", "went", "came",
		"met", "took", "made", "gave", "began", "left", "held", "won", "lost", "saw", "fell",
		"rose", "sold", "bought", "paid", "spent", "got", "ago", "wrote", "spoke", "ran",
		"became", "brought", "felt", "found", "kept", "led", "meant", "thought",
		"knew", "struck", "'d", "’d"} {
		get(w).cue = cuePast
	}
	for _, w := range []string{"will", "'ll", "’ll", "shall", "wo", "would",
		"planned", "planning", "intend", "intended", "ready", "plans", "plan", "likely", "unlikely",
		"scheduled", "expected", "expects", "expect", "upcoming", "intends", "aims", "due",
		"tomorrow", "going", "set", "slated", "poised", "forecast"} {
		get(w).cue = cueFuture
	}
	// News tells timetabled events in the present tense: "The committee
	// meets Tuesday", "talks resume Monday" (see scheduleVerb).
	for _, w := range []string{"meet", "meets", "begin", "begins", "start", "starts", "open", "opens",
		"reopen", "reopens", "resume", "resumes", "convene", "convenes", "reconvene", "reconvenes",
		"play", "plays", "host", "hosts", "face", "faces", "visit", "visits", "arrive", "arrives",
		"depart", "departs", "return", "returns", "expire", "expires", "close", "closes", "ends",
		"take", "takes", "go", "goes", "head", "heads", "travel", "travels", "launch", "launches",
		"kick", "kicks", "hold", "holds", "testify", "testifies", "hear", "hears", "vote", "votes", "debate", "debates",
		"premiere", "premieres", "fly", "flies", "land", "lands", "wrap", "wraps", "tee", "tees",
		"race", "races", "sit", "sits", "rule", "rules", "decide", "decides"} {
		get(w).sched = true
	}
	// Reporting verbs ("said", "told") date the report, not always what is
	// reported: a past cue for a weekday ("said Friday"), none for a month
	// ("said it would pay the dividend in January").
	for _, w := range []string{"said", "says", "say", "told", "added", "noted", "stated",
		"reported", "announced", "explained", "claimed", "insisted", "warned", "argued",
		"suggested", "indicated", "confirmed", "acknowledged", "asserted", "declared"} {
		e := get(w)
		e.cue, e.reporting = cuePast, true
	}
	for _, w := range []string{"is", "are", "am"} {
		get(w).cue = cuePresent
	}
	for w, tz := range map[string]string{"gmt": "Z", "utc": "Z", "z": "Z", "et": "-", "est": "-",
		"edt": "-", "ct": "-", "cst": "-", "cdt": "-", "pt": "-", "pst": "-", "pdt": "-",
		"mt": "-", "mst": "-", "mdt": "-", "bst": "-", "cet": "-", "cest": "-", "jst": "-",
		"ist": "-", "msk": "-", "aest": "-", "hkt": "-", "sgt": "-"} {
		get(w).tz = tz
	}
	for w, a := range map[string]int8{"a.m.": 1, "a.m": 1, "am": 1, "p.m.": 2, "p.m": 2, "pm": 2} {
		get(w).ampm = a
	}
	for w, a := range map[string]string{"around": "APPROX", "nearly": "APPROX",
		"almost": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
		"over": "MORE_THAN", "under": "LESS_THAN", "barely": "APPROX", "circa": "APPROX", "within": "LESS_THAN", "up": "EQUAL_OR_LESS",
		"least": "EQUAL_OR_MORE", "most": "EQUAL_OR_LESS", "more": "MORE_THAN",
		"less": "LESS_THAN", "fewer": "LESS_THAN", "than": ""} {
		get(w).approx = a
	}
	for w, p := range map[string]string{"early": "START", "mid": "MID", "late": "END",
		"end": "END", "beginning": "START", "start": "START", "middle": "MID",
		"earlier": "START", "later": "END", "dawn": "START", "close": "END"} {
		get(w).posMod = p
	}
	for _, w := range []string{"several", "few", "many", "some", "couple", "numerous",
		"countless", "dozens", "hundreds", "thousands"} {
		get(w).quant = true
	}
	for _, w := range []string{"deadline", "ultimatum", "cutoff", "cut-off"} {
		get(w).deadline = true
	}
	// Quarter and half names: Q3, 3Q, H1.
	for _, w := range []string{"q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q", "h1", "h2", "1h", "2h"} {
		get(w)
	}
	// Words that only start patterns ("every week", "as many as").
	for _, w := range []string{"every", "each", "per", "these", "half", "couple", "no", "as",
		"at", "up", "well", "slightly", "latest", "most", "its", "year-end", "overnight"} {
		get(w)
	}
	get("fiscal").fiscal = true
	get("fy").fiscal = true
	for _, w := range []string{"straight", "consecutive", "trading", "business", "full",
		"more", "long", "whole", "additional", "calendar", "working", "extra", "successive",
		"further", "short", "entire", "solid", "running", "school"} {
		get(w).fillAdj = true
	}
	for _, w := range []string{"percent", "per", "%", "people", "troops", "soldiers",
		"dollars", "euros", "pounds", "yen", "shares", "members", "votes", "miles", "km",
		"kilometers", "kilometres", "meters", "metres", "feet", "tons", "tonnes", "barrels",
		"jobs", "workers", "units", "cars", "homes", "cases", "deaths", "points", "acres",
		"square", "employees", "students", "residents", "families", "children", "copies",
		"vehicles", "aircraft", "planes", "flights", "passengers", "seats", "rooms", "beds",
		"million", "billion", "trillion", "pages", "words", "hp", "mph", "kg", "lb"} {
		get(w).stopYear = true
	}
	for w := range leaders {
		get(w)
	}
	for w := range starters {
		get(w)
	}
	for w, e := range m {
		e.word = w
		e.start = e.month != 0 || e.weekday != 0 || e.num != 0 || e.ord != 0 || e.unit != noUnit ||
			e.setUnit != noUnit || e.season != "" || e.pod != "" || e.rel != noRel || e.fuzzy != "" ||
			e.posMod != "" || e.quant || e.fiscal || starters[w]
		e.lead = !e.start && (e.det || e.approx != "" || leaders[w])
		if e.det || w == "a" || w == "an" {
			e.start, e.lead = false, true // "the third quarter", "a decade": never alone
		}
	}
	for _, w := range []string{"today", "yesterday", "tomorrow", "tonight", "now", "currently",
		"nowadays", "recently", "lately", "these", "every", "each", "per"} {
		m[w].start, m[w].lead = true, false
	}
	return m
}

// starters are words that begin patterns without another role.
var starters = map[string]bool{"q1": true, "q2": true, "q3": true, "q4": true, "1q": true,
	"2q": true, "3q": true, "4q": true, "h1": true, "h2": true, "1h": true, "2h": true,
	"half": true, "couple": true, "year-end": true, "overnight": true, "latest": true,
	"every": true, "each": true, "per": true, "these": true, "term": true,
	"christmas": true, "halloween": true, "valentine": true, "thanksgiving": true,
	"easter": true, "election": true, "palm": true, "ash": true, "boxing": true, "memorial": true,
	"labor": true, "midmorning": true, "midafternoon": true, "twenties": true, "thirties": true,
	"forties": true, "fifties": true, "sixties": true, "seventies": true, "eighties": true, "nineties": true,
	"period": true}

// leaders begin patterns only when the next token is a trigger.
var leaders = map[string]bool{"no": true, "as": true, "at": true, "up": true, "well": true,
	"slightly": true, "most": true, "its": true, "than": true, "to": true, "near": true,
	"distant": true, "immediate": true, "about": true, "approximately": true,
	"short": true, "long": true, "new": true, "good": true, "right": true, "full": true,
	"entire": true, "whole": true, "calendar": true, "same": true, "corresponding": true,
	"comparable": true, "equivalent": true}

// lookup returns the lexicon entry of word w, folding ASCII upper case,
// without allocating.
func lookup(w string) *entry {
	const max = 24
	if len(w) == 0 || len(w) > max {
		return nil
	}
	var buf [max]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lexicon[string(buf[:len(w)])]
}
