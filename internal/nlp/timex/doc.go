// Package timex finds time expressions in news text and normalises them to
// TIMEX3 values (TimeML 1.2.1): the pipeline stage that fills
// [doc.Document.Times].
//
// # Design
//
// The stage is rule-based, in the spirit of HeidelTime, and built for speed:
// it walks the tokens once (splitting hyphenated words into parts, so
// "Three-hour" and "mid-August" are two toks joined by a hyphen) and looks
// each token up in a small lexicon. Only triggers — numbers, month and
// weekday names, number and unit words, relative words ("last", "ago"),
// fuzzy words ("now", "recently") — start pattern matching, so prose costs a
// map lookup a token. At a trigger every pattern that can start there is
// tried and the longest match wins; matching resumes after it. Patterns are
// small hand-written parsers over toks (no regular expressions over the
// text), each producing its span, type and value at once.
//
// # Extents
//
// Extents follow TimeML: no leading prepositions ("on Wednesday" gives
// "Wednesday"), determiners and modifiers kept ("the third quarter", "last
// month", "nearly three hours", "later in the day", "the days and weeks to
// come"); adjectival durations leave the determiner to their noun ("the
// [two-week] strike"). A clock time joined to a day is one TIME ("3 p.m.
// Wednesday", "noon Saturday"); a weekday with its part of the day is a
// DATE with the part in the value ("Wednesday night" 2025-08-06TNI), as
// TimeBank annotates it. A weekday and a date on separate lines (a
// headline and its dateline) stay two times. Digit ranges give two times
// ("2009-2011", "August 6-8"); "from Monday to Wednesday" gives two because
// each weekday is its own expression.
//
// # Normalisation
//
// Relative expressions are anchored on the document creation time (DCT,
// [doc.Document.DCT]), date part only. Direction comes first from nearby
// words ("by Friday", "since Friday", "Friday deadline", "last", "next",
// "postponed until Friday", "ahead of the weekend"), then from the tense of
// the sentence: the nearest tense cue to the expression decides, cues after
// it counting double distance since a verb usually precedes its time ("met on
// Monday and will meet again") (future: will, 'll, would, plans, planned to,
// expected to, going to, scheduled, set to; past: was, had, irregular past
// forms and words in -ed, except participles after a copula ("will be held",
// "remain closed"); a present perfect ("has continued") is present).
// Reporting verbs (said, told, announced) count as past for weekdays ("said
// Friday") but not for months ("said it would pay in January"). Timetabled
// events told in the present look ahead ("The committee meets Tuesday",
// "talks resume Monday": a small set of verbs such as meet, open, begin,
// resume, play, after a subject rather than a determiner); a word after a
// determiner or possessive is no verb ("the plan", "a televised debate"), and
// a capitalised cue word inside a sentence is a name ("the Met Office"). "For
// Friday" looks ahead like "by Friday", and so do verbs of putting off
// ("slips to Thursday"); "since" bounds a month day to the past. A range's
// second weekday or bare day follows its first ("from Monday to Wednesday",
// "between Sept. 3 and 17"); "a week from Friday" and "three days later" are
// one DATE each, counted from the coming Friday or the day named last. A
// clock time alone takes the day named right after it ("9 a.m. to noon on
// Friday"), else the last full date. A weekday in a sentence without a cue,
// or with a possessive ("Monday's ruling"), is in the past, as news reports
// what happened. So "Wednesday" in a past sentence is the most recent
// Wednesday (the DCT itself when the article is dated on a Wednesday), in a
// future one the next (again the DCT on the day); "next Thursday" is the
// Thursday of the week after the DCT's (eight days on when said on a
// Wednesday), "this coming Thursday" the first one ahead. A month or holiday
// without a year is the occurrence nearest the DCT, moved a year back or on
// only when the tense says so and it lies more than four months the other
// way; a past narrative opening ("In January, the company hired ...") takes
// the latest one.
//
// Granularity follows the expression: "last month" is 2025-07, "next week"
// 2025-W33, "this year" 2025, "two days ago" and "a week ago" days, "a year
// ago" 2024, "the 1990s" 199, "the 20th century" 19, "early 2025" 2025 with
// mod START. "A year earlier", "year-ago" take the granularity of the date
// they compare with: the last date of their sentence, or the quarter an
// earnings story reports on, named in the last few paragraphs ("net rose in
// the third quarter. ... A year earlier, net was ..." is the third quarter of
// the year before). "The past year", "the last decade" are the unit before
// the DCT's (2024, 201), as TimeBank, MEANTIME and HeidelTime read them; "the
// past two years" and "the past hour" are durations. After a reporting period
// longer than a quarter ("the first nine months") "a year earlier" and "the
// 1988 period" are the earlier year; a quarter a year or more before the DCT
// is a comparison, never the quarter reported. "The quarter ended July 31" is
// the calendar quarter holding most of its three months (Q2), and a day after
// "ended" or governed by a past verb ("fell in November") is never after the
// DCT. "The quarter" of a business story is the quarter being reported: the
// previous one during the first two months of a quarter; "the latest period"
// and "the year" ("the full year") are that quarter and its year when one was
// named, "the year ended March 31" a year-long DURATION. "The following
// year", "the next day", "the same day", "the day before" (alone, or before a
// date: "the day before Christmas"), "that year", "later that year", "in the
// morning", "the next morning" count from the last date found rather than the
// DCT. "Year-end" after a preposition is the year with mod END; "the week of
// March 6", "the last weekend of August", "Easter week" and "Christmas
// weekend" are weeks and weekends. Holidays with a fixed date or a rule
// (Christmas, New Year's Day, Thanksgiving, Easter, Good Friday, Election
// Day) resolve like month names; ambiguous ones (Independence Day) are not
// recognised.
//
// Frequencies are part of a SET's extent ("twice a week", "four days a
// week", "once-a-month"); "every weekend" is XXXX-WXX-WE; "FY2027" is the
// year 2027 as "fiscal 2027" is.
//
// Durations are ISO 8601 periods (PT3H, P2D, P10Y for "a decade", PXM for
// "months" and "recent months", halves as P2Y6M or PT1H30M, ranges by their
// lower bound: "two to three weeks" P2W; "annual" is P1Y as TimeBank and
// MEANTIME annotate it). Sets have a period or a TimeML calendar pattern
// ("daily" P1D, "every Monday" XXXX-WXX-1, "every July" XXXX-07). Slashed
// dates are read month/day/year (US news) unless the first number cannot be
// a month; dotted dates day.month.year; two-digit years below 50 are 20xx.
// In market reports "the day" a price closed ("ended the day at") is the
// trading day: the last full date found, else the DCT.
//
// # Documents without a date
//
// An undated article whose first lines hold a dateline, a line that is just
// a full date ("September 18, 2008" under the headline), is anchored on that
// date: it is the article's own. Otherwise, without a DCT nothing is
// invented: expressions are still found, and values keep what the text says
// and mark the rest unknown, TimeML style. A weekday is XXXX-WXX-3
// (Wednesday), a month without year XXXX-08, a day XXXX-08-06, a season
// XXXX-SU, a clock time XXXX-XX-XXT15:00. Expressions that only make sense
// from the DCT become the fuzzy reference of their direction: "today", "this
// year" PRESENT_REF; "yesterday", "last month", "two days ago" PAST_REF;
// "tomorrow", "next week" FUTURE_REF. Durations and sets do not depend on
// the DCT.
//
// Every value written passes [ValidValue].
package timex
