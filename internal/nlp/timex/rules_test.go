package timex

import "testing"

// TestNormalisationRules checks the value rules one category at a time, each
// with invented sentences: anchoring, tense, granularity and the fuzzy
// references of TimeML 1.2.1. A case lists every time of its text.
func TestNormalisationRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		dct  string
		want []want
	}{
		// Earnings reports compare with the quarter they report on.
		{"year earlier after a quarter", "Acme earned $4 million in the third quarter. Sales rose 5%. A year earlier, it lost $2 million.", wednesday,
			[]want{{"the third quarter", D, "2025-Q3", ""}, {"A year earlier", D, "2024-Q3", ""}}},
		{"a forecast quarter is no reference", "Acme earned $4 million in the second quarter. Analysts see losses through the third quarter of 2026. A year earlier, it lost $2 million.", wednesday,
			[]want{{"the second quarter", D, "2025-Q2", ""}, {"the third quarter of 2026", D, "2026-Q3", ""}, {"A year earlier", D, "2024-Q2", ""}}},
		{"the current quarter in a forecast is no reference", "Acme earned $4 million in the third quarter. Analysts expect losses to continue into the fourth quarter. In the year-ago period, Acme earned $3 million.", "2025-10-26",
			[]want{{"the third quarter", D, "2025-Q3", ""}, {"the fourth quarter", D, "2025-Q4", ""}, {"the year-ago period", D, "2024-Q3", ""}}},
		{"the quarter a year ago", "For the quarter a year ago, Acme earned $3 million.", "2025-10-20",
			[]want{{"the quarter a year ago", D, "2024-Q3", ""}}},
		{"year ago without a quarter", "Unemployment stands at 5%, up from 4% a year ago.", wednesday,
			[]want{{"a year ago", D, "2024", ""}}},
		{"quarter far back does not count", "Acme earned $4 million in the third quarter." + longFiller + "A year ago the town had no mayor.", wednesday,
			[]want{{"the third quarter", D, "2025-Q3", ""}, {"A year ago", D, "2024", ""}}},

		{"nine months compare years", "Acme earned $4 million in the third quarter. For the first nine months, it earned $9 million, up from $7 million a year earlier.", "2025-10-20",
			[]want{{"the third quarter", D, "2025-Q3", ""}, {"the first nine months", R, "P9M", ""}, {"a year earlier", D, "2024", ""}}},
		{"a quarter named after the span is the reference", "For the first nine months, Acme earned $9 million. In the third quarter, it earned $4 million, against $3 million a year earlier.", "2025-10-20",
			[]want{{"the first nine months", R, "P9M", ""}, {"the third quarter", D, "2025-Q3", ""}, {"a year earlier", D, "2024-Q3", ""}}},
		{"the period of a year after a span", "In the six months, net was $30 million, against a loss in the 2024 period.", "2025-07-22",
			[]want{{"the six months", R, "P6M", ""}, {"the 2024 period", D, "2024", ""}}},
		{"a span two sentences back is no reference", "Acme lost $2 million in the second quarter. In the six months, net was $30 million. Sales rose. Margins grew. A year ago, it lost $5 million.", "2025-07-22",
			[]want{{"the second quarter", D, "2025-Q2", ""}, {"the six months", R, "P6M", ""}, {"A year ago", D, "2024-Q2", ""}}},

		{"a year-old comparison quarter is not the report", "There was a gain in the latest quarter and a loss in the 2024 period. Shares rose yesterday. The dividend is 4 pence, up from 3 pence a year earlier.", "2025-11-02",
			[]want{{"the latest quarter", D, "2025-Q3", ""}, {"the 2024 period", D, "2024-Q3", ""}, {"yesterday", D, "2025-11-01", ""}, {"a year earlier", D, "2024-Q3", ""}}},

		{"the quarter named by its end", "In the quarter ended July 31, the retailer earned $1 million.", "2025-10-20",
			[]want{{"the quarter", D, "2025-Q2", ""}, {"July 31", D, "2025-07-31", ""}}},
		{"the quarter ending at a calendar quarter's end", "For the quarter ending Dec. 31, sales will rise.", "2025-10-20",
			[]want{{"the quarter", D, "2025-Q4", ""}, {"Dec. 31", D, "2025-12-31", ""}}},

		{"last year's quarter", "Acme earned $4 million in the third quarter. Sales for last year's quarter were $3 million.", "2025-10-20",
			[]want{{"the third quarter", D, "2025-Q3", ""}, {"last year's quarter", D, "2024-Q3", ""}}},
		{"the corresponding period last year", "Acme earned $4 million in the third quarter, against $2 million in the corresponding period last year.", "2025-10-20",
			[]want{{"the third quarter", D, "2025-Q3", ""}, {"the corresponding period last year", D, "2024-Q3", ""}}},
		{"the same period after nine months", "For the first nine months, Acme earned $9 million, against $7 million in the same period a year earlier.", "2025-10-20",
			[]want{{"the first nine months", R, "P9M", ""}, {"the same period a year earlier", D, "2024", ""}}},
		{"the year-earlier third quarter", "Net rose in the third quarter. In the year-earlier third quarter, it lost money, and in the comparable year-ago quarter it broke even.", "2025-10-20",
			[]want{{"the third quarter", D, "2025-Q3", ""}, {"the year-earlier third quarter", D, "2024-Q3", ""}, {"the comparable year-ago quarter", D, "2024-Q3", ""}}},
		{"reporting periods as durations", "Net for the year-earlier nine months included a gain; in the latest nine months it grew.", "2025-10-20",
			[]want{{"the year-earlier nine months", R, "P9M", ""}, {"the latest nine months", R, "P9M", ""}}},
		{"a period of grace is no time", "The period of grace ended, and that period was hard.", "2025-10-20", nil},

		{"the latest period", "Acme lost $3 million in the second quarter. Sales in the latest period fell 4%.", wednesday,
			[]want{{"the second quarter", D, "2025-Q2", ""}, {"the latest period", D, "2025-Q2", ""}}},

		// "The year" of a report.
		{"the year under report", "Acme lost $9 million in the fourth quarter of 2024 and $20 million for the full year.", "2025-01-28",
			[]want{{"the fourth quarter of 2024", D, "2024-Q4", ""}, {"the full year", D, "2024", ""}}},
		{"the year without a quarter", "Shares hit a high for the year of $42 in June.", wednesday,
			[]want{{"the year", D, "2025", ""}, {"June", D, "2025-06", ""}}},
		{"the year ended", "Revenue was $76 million for the year ended March 31.", wednesday,
			[]want{{"the year", R, "P1Y", ""}, {"March 31", D, "2025-03-31", ""}}},
		{"the year of names one", "2007 was the year of the smartphone.", wednesday,
			[]want{{"2007", D, "2007", ""}}},
		{"undated year", "Sales for the whole year fell.", "",
			[]want{{"the whole year", D, "PRESENT_REF", ""}}},

		// "The past year" is the calendar unit before the DCT's.
		{"the past year", "Hate crimes rose over the past year.", wednesday,
			[]want{{"the past year", D, "2024", ""}}},
		{"the last decade", "Wages lost ground in the last decade.", wednesday,
			[]want{{"the last decade", D, "201", ""}}},
		{"the past month", "Shares fell 8% in the past month.", wednesday,
			[]want{{"the past month", D, "2025-07", ""}}},
		{"the past century is a stretch", "It was one of the great events of the past century.", wednesday,
			[]want{{"the past century", R, "P100Y", ""}}},
		{"the past hour stays a duration", "Three quakes struck in the past hour.", wednesday,
			[]want{{"the past hour", R, "PT1H", ""}}},
		{"the last-minute is an adjective", "The last-minute talks failed, as did the past-year targets.", wednesday, nil},
		{"past n units stay durations", "Output fell over the past two years.", wednesday,
			[]want{{"the past two years", R, "P2Y", ""}}},

		// Units of the narrative's date.
		{"that year", "Watch imports totalled $37 million in 2019, a small share of all imports that year.", wednesday,
			[]want{{"2019", D, "2019", ""}, {"that year", D, "2019", ""}}},
		{"later that year", "She fled in June 2018 and returned later that year.", wednesday,
			[]want{{"June 2018", D, "2018-06", ""}, {"later that year", D, "2018", ""}}},
		{"that month", "Sales slumped in May 2021, and that month the firm cut 300 jobs.", wednesday,
			[]want{{"May 2021", D, "2021-05", ""}, {"that month", D, "2021-05", ""}}},
		{"that quarter", "Acme lost money in the second quarter of 2024. Results for that quarter included a write-down.", wednesday,
			[]want{{"the second quarter of 2024", D, "2024-Q2", ""}, {"that quarter", D, "2024-Q2", ""}}},
		{"that year without a narrative date", "Nobody expected that year to end so badly.", wednesday, nil},
		{"complementiser that", "He said in 2019 that year after year the river rose.", wednesday,
			[]want{{"2019", D, "2019", ""}}},

		// The end of the year as one word.
		{"by year-end", "The bank expects to close the deal by year-end.", wednesday,
			[]want{{"year-end", D, "2025", "END"}}},
		{"since year end", "The index has gained 12% since year end.", wednesday,
			[]want{{"year end", D, "2024", "END"}}},
		{"by year's end", "Rules should be in place by year's end.", wednesday,
			[]want{{"year's end", D, "2025", "END"}}},
		{"year-end as an adjective", "Year-end bonuses were cut, and staff were paid by year-end cheques.", wednesday, nil},
		{"year-end told early in the next year", "Stocks were sold at year-end, the fund said.", "2026-01-14",
			[]want{{"year-end", D, "2025", "END"}}},

		// Decades in words.
		{"spelled decade", "Hate groups declined through the nineties and rose in the early eighties.", wednesday,
			[]want{{"the nineties", D, "199", ""}, {"the early eighties", D, "198", "START"}}},
		{"spelled decade of this century", "The twenties have brought a pandemic and a war.", wednesday,
			[]want{{"The twenties", D, "202", ""}}},
		{"degrees are no decade", "Highs will be in the forties, with temperatures falling.", wednesday, nil},
		{"an age is no decade", "Men in their fifties were hired.", wednesday, nil},

		// Fuzzy references.
		{"the long term", "Rates will stay low over the long term.", wednesday,
			[]want{{"the long term", D, "FUTURE_REF", ""}}},
		{"one day as some day", "Islam will one day be the second largest faith, and he hopes he one day follows Glenn.", wednesday,
			[]want{{"one day", D, "FUTURE_REF", ""}, {"one day", D, "FUTURE_REF", ""}}},
		{"one day in a past tale", "One day, the king went hunting.", wednesday,
			[]want{{"One day", D, "PAST_REF", ""}}},
		{"one day as a duration", "The strike lasted one day.", wednesday,
			[]want{{"one day", R, "P1D", ""}}},
		{"long-term as an adjective", "Investors worry about the long-term value of the firm.", wednesday, nil},

		// Durations.
		{"unit-long adjectives", "The decades-long feud ended after a day-long meeting and a three-hour-long vote.", wednesday,
			[]want{{"decades-long", R, "PXY", ""}, {"day-long", R, "P1D", ""}, {"three-hour-long", R, "PT3H", ""}}},
		{"over a stretch is a preposition", "The cost will be spread over three years, and prices rose over two days.", wednesday,
			[]want{{"three years", R, "P3Y", ""}, {"two days", R, "P2D", ""}}},
		{"over as more than", "The tour lasted over a week; the rescue took over an hour.", wednesday,
			[]want{{"over a week", R, "P1W", "MORE_THAN"}, {"over an hour", R, "PT1H", "MORE_THAN"}}},
		{"over after in", "Shares closed at their highest in over a year.", wednesday,
			[]want{{"over a year", R, "P1Y", "MORE_THAN"}}},
		{"a bare unit opening a sentence after for", "For weeks the government has held rallies almost daily.", wednesday,
			[]want{{"weeks", R, "PXW", ""}, {"daily", S, "P1D", ""}}},
		{"over the years", "Over the years, prices rose, but over the months ahead they will fall.", wednesday,
			[]want{{"the years", R, "PXY", ""}, {"the months ahead", D, "FUTURE_REF", ""}}},
		{"long alone is no duration", "The day was long and the weeks longer.", wednesday, nil},

		{"quoted title", `Baker said on ABC's "This Week" that talks would resume "Next Week" or this week.`, wednesday,
			[]want{{"this week", D, "2025-W32", ""}}},

		// Extents.
		{"earlier with a weekday", "Earlier Friday, rebels shelled the port.", wednesday,
			[]want{{"Friday", D, "2025-08-01", ""}}},
		{"earlier this week keeps its modifier", "Earlier this week, rebels shelled the port.", wednesday,
			[]want{{"Earlier this week", D, "2025-W32", ""}}},

		// Tense cues.
		{"set to looks ahead", "The trial is set to begin on Monday in London.", wednesday,
			[]want{{"Monday", D, "2025-08-11", ""}}},
		{"set without to is no cue", "The runner set a record on Monday.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}}},
		{"participle after remain", "Banks to remain closed until Friday", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},
		{"present perfect reaches now", "Officials have promised an answer by Friday.", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},
		{"past perfect stays past", "Officials had promised an answer by Friday.", wednesday,
			[]want{{"Friday", D, "2025-08-01", ""}}},
		{"past perfect plan", "The offer had been due to expire Friday, but was extended.", wednesday,
			[]want{{"Friday", D, "2025-08-01", ""}}},
		{"plan still ahead", "The offer is due to expire Friday.", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},
		{"a deadline met in the past", "Holders tendered 99% of the shares by the Tuesday deadline.", wednesday,
			[]want{{"Tuesday", D, "2025-08-05", ""}}},
		{"a deadline set in the past looks ahead", "The regulator gave the firm a Friday deadline to explain the fault.", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},
		{"a deadline still to meet", "Bidders must file by the Friday deadline.", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},
		{"postponed until", "Lawmakers postponed the vote until Tuesday.", wednesday,
			[]want{{"Tuesday", D, "2025-08-12", ""}}},
		{"ahead of looks ahead", "Traders sold shares ahead of the weekend and ahead of Friday's vote.", wednesday,
			[]want{{"the weekend", D, "2025-W32-WE", ""}, {"Friday", D, "2025-08-08", ""}}},
		{"a state until a day looks ahead", "The government has kept all exchanges closed until Friday.", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},
		{"a past state until a day", "The border was closed until Monday.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}}},
		{"stayed until stays past", "Crowds stayed in the square until Tuesday.", wednesday,
			[]want{{"Tuesday", D, "2025-08-05", ""}}},

		// Timetabled events in the present tense look ahead.
		{"third-person schedule verb", "The board meets Thursday to approve the merger.", wednesday,
			[]want{{"Thursday", D, "2025-08-07", ""}}},
		{"plain schedule verb after a plural subject", "Negotiations resume Monday in Oslo.", wednesday,
			[]want{{"Monday", D, "2025-08-11", ""}}},
		{"schedule verb with a clock time", "Polls open at 7 a.m. Saturday.", wednesday,
			[]want{{"7 a.m. Saturday", T, "2025-08-09T07:00", ""}}},
		{"a noun is no schedule verb", "The opens and closes of Monday were volatile.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}}},
		{"plans as a noun after a noun", "On Friday, when the minister dropped holiday plans for the trip, talks resumed.", wednesday,
			[]want{{"Friday", D, "2025-08-01", ""}}},
		{"plans as a verb", "The union plans a march on Friday.", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},
		{"plan as a noun", "Officials criticised the plan on Monday.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}}},
		{"an -ed adjective is no past", "The company holds a delayed vote Thursday.", wednesday,
			[]want{{"Thursday", D, "2025-08-07", ""}}},
		{"a capitalised verb is a name", "Storms are forecast to return on Friday, the Met Office said.", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},

		// Ranges and anchored counts.
		{"weekday range", "Schools will close from Thursday to Tuesday.", wednesday,
			[]want{{"Thursday", D, "2025-08-07", ""}, {"Tuesday", D, "2025-08-12", ""}}},
		{"clock range over weekdays", "Forecasters issued a warning from 6 p.m. Wednesday until noon Friday.", wednesday,
			[]want{{"6 p.m. Wednesday", T, "2025-08-06T18:00", ""}, {"noon Friday", T, "2025-08-08T12:00", ""}}},
		{"weekday then clock range", "Talks ran from Monday to 5 p.m. Tuesday.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}, {"5 p.m. Tuesday", T, "2025-08-05T17:00", ""}}},
		{"weekday and weekday is no range", "Statements were made Friday and Thursday.", wednesday,
			[]want{{"Friday", D, "2025-08-01", ""}, {"Thursday", D, "2025-07-31", ""}}},
		{"day range after between", "Sales ran between July 8 and 19, the firm said.", wednesday,
			[]want{{"July 8", D, "2025-07-08", ""}, {"19", D, "2025-07-19", ""}}},
		{"a count after a date is no day", "He was hurt on July 8 and 4 others died.", wednesday,
			[]want{{"July 8", D, "2025-07-08", ""}}},
		{"a week from a weekday", "The verdict is due a week from Monday.", wednesday,
			[]want{{"a week from Monday", D, "2025-08-18", ""}}},
		{"days later", "The bridge closed on July 30. Three days later, it reopened.", wednesday,
			[]want{{"July 30", D, "2025-07-30", ""}, {"Three days later", D, "2025-08-02", ""}}},

		// Days told from the narrative's day.
		{"the same day", "The ferry sank on July 28. The same day, a second boat ran aground.", wednesday,
			[]want{{"July 28", D, "2025-07-28", ""}, {"The same day", D, "2025-07-28", ""}}},
		{"that same day without a date is the DCT", "Two banks failed that same day, regulators said.", wednesday,
			[]want{{"that same day", D, "2025-08-06", ""}}},
		{"the same day as names its own reference", "The vote falls on the same day as the derby.", wednesday, nil},
		{"on that day", "Voters go to the polls on Nov. 4, and results are due on that day.", wednesday,
			[]want{{"Nov. 4", D, "2025-11-04", ""}, {"that day", D, "2025-11-04", ""}}},
		{"that day as no adjunct", "He said that day traders lost heavily.", wednesday, nil},
		{"the day before alone", "The striker scored twice on Saturday, Aug. 2. The day before, he had trained alone.", wednesday,
			[]want{{"Saturday, Aug. 2", D, "2025-08-02", ""}, {"The day before", D, "2025-08-01", ""}}},
		{"the day after before a clause", "Rain fell on July 14 and the day after it flooded the valley.", wednesday,
			[]want{{"July 14", D, "2025-07-14", ""}, {"the day after", D, "2025-07-15", ""}}},
		{"the day before a date", "Shops will shut early the day before Christmas.", wednesday,
			[]want{{"early the day before Christmas", D, "2025-12-24", "START"}}},
		{"the day after a weekday", "Police returned the day after Tuesday's raid.", wednesday,
			[]want{{"the day after Tuesday", D, "2025-08-06", ""}}},
		{"the day after an event is unknown", "Prices jumped the day after the vote.", wednesday, nil},
		{"nested day before is read once", "Shops shut the day before the day before Christmas.", "2025-12-01",
			[]want{{"the day before Christmas", D, "2025-12-24", ""}}},
		{"undated same day", "The same day, rebels took the airport.", "",
			[]want{{"The same day", D, "XXXX-XX-XX", ""}}},

		// Parts of the day told from the narrative's day.
		{"mid-afternoon with its day", "In London at mid-afternoon yesterday, shares were up 2 pence.", wednesday,
			[]want{{"mid-afternoon yesterday", T, "2025-08-05TAF", ""}}},
		{"mid afternoon alone", "Shelling began on Monday. By mid afternoon, the army said it was over.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}, {"mid afternoon", T, "2025-08-04TAF", ""}}},
		{"in the morning", "Markets fell on Friday. Dealers placed buy orders in the morning to start the month.", wednesday,
			[]want{{"Friday", D, "2025-08-01", ""}, {"the morning", T, "2025-08-01TMO", ""}}},
		{"the next morning", "He was arrested on July 3 and appeared in court the next morning.", wednesday,
			[]want{{"July 3", D, "2025-07-03", ""}, {"the next morning", T, "2025-07-04TMO", ""}}},
		{"the morning as a modifier", "She spoke on the morning talk show and in the evening news.", wednesday, nil},
		{"a part of the day needs an adjunct", "Morning came, and the afternoon was hot.", wednesday, nil},

		// Clock times.
		{"clock before its day", "Talks resume from 9 a.m. to noon on Friday.", wednesday,
			[]want{{"9 a.m.", T, "2025-08-08T09:00", ""}, {"noon", T, "2025-08-08T12:00", ""}, {"Friday", D, "2025-08-08", ""}}},
		{"past clock after a future date", "A vote is set for Aug. 20. The debate ended at 6 p.m. local time.", wednesday,
			[]want{{"Aug. 20", D, "2025-08-20", ""}, {"6 p.m. local time", T, "2025-08-06T18:00", ""}}},
		{"zone at the end of a sentence", "The launch is at 4 p.m. PT.", wednesday,
			[]want{{"4 p.m. PT", T, "2025-08-06T16:00", ""}}},
		{"overnight", "Rebels shelled the port overnight, officials said.", wednesday,
			[]want{{"overnight", T, "2025-08-05TNI", ""}}},
		{"overnight as an adjective", "Banks raised overnight rates.", wednesday, nil},

		// Sets, fiscal years, seasons, halves.
		{"frequency in the extent", "Trains run three times a day and the board meets once-a-month.", wednesday,
			[]want{{"three times a day", S, "P1D", ""}, {"once-a-month", S, "P1M", ""}}},
		{"weekday with a plural part of the day", "The club meets on Friday evenings, and flights leave on Monday and Tuesday nights.", wednesday,
			[]want{{"Friday evenings", S, "XXXX-WXX-5TEV", ""}, {"Monday", S, "XXXX-WXX-1TNI", ""}, {"Tuesday nights", S, "XXXX-WXX-2TNI", ""}}},
		{"every weekend", "Markets open every weekend.", wednesday,
			[]want{{"every weekend", S, "XXXX-WXX-WE", ""}}},
		{"fiscal year word", "Acme sees growth in FY2027 and FY26.", wednesday,
			[]want{{"FY2027", D, "2027", ""}, {"FY26", D, "2026", ""}}},
		{"season with a position word", "Orders rose from the low levels of the early summer; in late fall, snow came.", "2025-10-26",
			[]want{{"the early summer", D, "2025-SU", "START"}, {"late fall", D, "2025-FA", "END"}}},
		{"fall as a verb", "Prices fall late in the day.", "2025-10-26", nil},
		{"the latest period without a quarter", "Sales in the latest period rose 5%.", "2025-10-26",
			[]want{{"the latest period", D, "2025-Q3", ""}}},
		{"season to come without a cue", "Court to rule on the case in the fall", wednesday,
			[]want{{"the fall", D, "2025-FA", ""}}},
		{"half of the reported year", "Acme lost $3 million in the fourth quarter. Sales in the first half of the year had been flat.", "2026-01-20",
			[]want{{"the fourth quarter", D, "2025-Q4", ""}, {"the first half of the year", D, "2025-H1", ""}}},
		{"half still to come in the past is last year's", "The second half brought a rebound.", "2026-01-20",
			[]want{{"The second half", D, "2025-H2", ""}}},

		{"schedule verb after an appositive", "The bridge, closed since the flood, reopens Friday, officials said.", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},
		{"schedule verb after a first verb", "The bill passed the House on Monday and goes to the Senate on Thursday.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}, {"Thursday", D, "2025-08-07", ""}}},
		{"unlikely to looks ahead", "Talks collapsed on Friday and are unlikely to resume before Monday.", wednesday,
			[]want{{"Friday", D, "2025-08-01", ""}, {"Monday", D, "2025-08-11", ""}}},
		{"was likely to stays past", "It was likely to rain on Sunday, he said.", wednesday,
			[]want{{"Sunday", D, "2025-08-03", ""}}},
		{"plain schedule verb after a name", "Delegates from Oslo arrive Monday.", wednesday,
			[]want{{"Monday", D, "2025-08-11", ""}}},
		{"moved to a weekday", "Vote pushed back to Tuesday", wednesday,
			[]want{{"Tuesday", D, "2025-08-12", ""}}},
		{"for a weekday looks ahead", "Unions have called a strike for Friday.", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},
		{"ended bounds a month day", "In the fiscal year ended Jan. 31, sales were $59 million.", "2025-10-31",
			[]want{{"the fiscal year", R, "P1Y", ""}, {"Jan. 31", D, "2025-01-31", ""}}},
		{"ended on a day just ahead is last year's", "In the quarter ended Nov. 2, it lost $4 million.", "2025-10-27",
			[]want{{"the quarter", D, "2024-Q3", ""}, {"Nov. 2", D, "2024-11-02", ""}}},
		{"since bounds a month day", "Shares are at their lowest since Nov. 12.", wednesday,
			[]want{{"Nov. 12", D, "2024-11-12", ""}}},
		{"month of last year in the sentence", "Last year, prices rose between March and October.", "2026-01-04",
			[]want{{"Last year", D, "2025", ""}, {"March", D, "2025-03", ""}, {"October", D, "2025-10", ""}}},
		{"a number year is no month's year", "Sales have grown since its launch in 2003 and as of February stood at $2 billion.", "2008-04-09",
			[]want{{"2003", D, "2003", ""}, {"February", D, "2008-02", ""}}},
		{"count per unit", "Nurses work twelve hours a day, four days a week.", wednesday,
			[]want{{"twelve hours a day", S, "P1D", ""}, {"four days a week", S, "P1W", ""}}},
		{"the new year in December", "Talks resume in the new year.", "2025-12-18",
			[]want{{"the new year", D, "2026", ""}}},
		{"the new year in January", "Shops reopened as the new year began.", "2026-01-02",
			[]want{{"the new year", D, "2026", ""}}},
		{"undated clock before its day", "Doors open at 8 p.m. on June 3.", "",
			[]want{{"8 p.m.", T, "XXXX-06-03T20:00", ""}, {"June 3", D, "XXXX-06-03", ""}}},

		{"a past half in a future sentence", "He expects two rate cuts in the first half.", "2027-12-31",
			[]want{{"the first half", D, "2028-H1", ""}}},
		{"expected by looks ahead", "Up to a foot of snow is expected by Saturday, forecasters said.", wednesday,
			[]want{{"Saturday", D, "2025-08-09", ""}}},
		{"was expected stays past", "A ruling was expected on Monday, lawyers said.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}}},
		{"expect looks ahead", "Forecasters expect rain to arrive late Thursday.", wednesday,
			[]want{{"late Thursday", D, "2025-08-07", "END"}}},
		{"movable and US holidays", "Shops close on Palm Sunday, Ash Wednesday, Memorial Day and Labor Day.", "2026-01-10",
			[]want{{"Palm Sunday", D, "2026-03-29", ""}, {"Ash Wednesday", D, "2026-02-18", ""}, {"Memorial Day", D, "2026-05-25", ""}, {"Labor Day", D, "2026-09-07", ""}}},

		// "Next" weekdays are in the week after the DCT's.
		{"next weekday tomorrow's name", "The company reports results next Thursday.", wednesday,
			[]want{{"next Thursday", D, "2025-08-14", ""}}},
		{"next weekday later in the week", "Talks resume next Friday.", "2025-08-04",
			[]want{{"next Friday", D, "2025-08-15", ""}}},
		{"next weekday at the weekend", "Schools reopen next Monday.", "2025-08-09",
			[]want{{"next Monday", D, "2025-08-11", ""}}},
		{"this coming weekday is the first ahead", "Voters go to the polls this coming Thursday.", wednesday,
			[]want{{"coming Thursday", D, "2025-08-07", ""}}},

		// A month day after "last" or "next".
		{"last month day", "The doctor was shot last Oct. 23 at his home, at 10 p.m.", wednesday,
			[]want{{"last Oct. 23", D, "2024-10-23", ""}, {"10 p.m.", T, "2024-10-23T22:00", ""}}},
		{"last month day earlier this year", "Talks broke down last July 2.", wednesday,
			[]want{{"last July 2", D, "2025-07-02", ""}}},
		{"next month day", "The rules take effect next Jan. 1.", wednesday,
			[]want{{"next Jan. 1", D, "2026-01-01", ""}}},

		// The week of a date.
		{"the week of a date", "Hearings are set for the week of Sept. 8.", wednesday,
			[]want{{"the week of Sept. 8", D, "2025-W37", ""}}},
		{"the week of an undated day", "Hearings are set for the week of Sept. 8.", "",
			[]want{{"Sept. 8", D, "XXXX-09-08", ""}}},

		{"the last weekend of a month", "The season starts on the last weekend of August.", wednesday,
			[]want{{"the last weekend of August", D, "2025-W35-WE", ""}}},
		{"the first weekend of a month", "The fair runs the first weekend of October.", wednesday,
			[]want{{"the first weekend of October", D, "2025-W40-WE", ""}}},

		// A holiday's week or weekend.
		{"holiday weekend", "Cinemas expect record crowds over the Christmas weekend.", "2026-12-20",
			[]want{{"Christmas weekend", D, "2026-W52-WE", ""}}},
		{"Monday holiday weekend", "Traffic peaked on Memorial Day weekend.", "2026-06-02",
			[]want{{"Memorial Day weekend", D, "2026-W21-WE", ""}}},
		{"holiday week", "Pilgrims arrived for Easter week.", "2027-03-01",
			[]want{{"Easter week", D, "2027-W12", ""}}},

		// Months without a year.
		{"month of next year", "Licences will not be renewed after October of next year.", wednesday,
			[]want{{"October", D, "2026-10", ""}, {"next year", D, "2026", ""}}},
		{"participle dates its month", "The cuts add to plans announced in January.", "2025-08-20",
			[]want{{"January", D, "2025-01", ""}}},
		{"participle after a copula looks ahead", "The cuts will be announced in January.", "2025-08-20",
			[]want{{"January", D, "2026-01", ""}}},

		{"scheduled for a month", "The trial, now scheduled for August, was delayed again.", "2027-06-03",
			[]want{{"now", D, "PRESENT_REF", ""}, {"August", D, "2027-08", ""}}},
		{"set for a month already passed this year", "The vote is set for March.", "2027-06-03",
			[]want{{"March", D, "2028-03", ""}}},
		{"for a name is no month", "Support for May fell among Tory members.", "2027-06-03", nil},
		{"a past verb governs a month ahead of the DCT", "Snow fell in late November and stores opened on Oct. 3.", wednesday,
			[]want{{"late November", D, "2024-11", "END"}, {"Oct. 3", D, "2024-10-03", ""}}},
		{"narrative opening in the past", "In January, the company hired a new chief.", "1989-11-01",
			[]want{{"January", D, "1989-01", ""}}},
		{"month ahead without a narrative opening", "The company will hire a new chief in January.", "1989-11-01",
			[]want{{"January", D, "1990-01", ""}}},

		// An undated article anchors on its own dateline.
		{"dateline anchors an undated article", "Car sales slump\nFebruary 3, 2009\nSales fell in January and last month's figures were revised.", "",
			[]want{{"February 3, 2009", D, "2009-02-03", ""}, {"January", D, "2009-01", ""}, {"last month", D, "2009-01", ""}}},
		{"a date inside a sentence is no dateline", "Car sales slump\nSales fell on February 3, 2009, and again last month.", "",
			[]want{{"February 3, 2009", D, "2009-02-03", ""}, {"last month", D, "PAST_REF", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, run(t, tt.text, tt.dct), tt.want)
		})
	}
}

// longFiller is prose without times, long enough to put a quarter out of
// the scope of a later comparison.
var longFiller = func() string {
	s := " "
	for range 60 {
		s += "The harbour board met the unions and discussed pay. "
	}
	return s
}()
