package timex

import (
	"context"
	"strings"
	"sync"
	"testing"

	"dateline/internal/doc"
)

// want is one expected time: its exact text, type and value (and mod when
// set).
type want struct {
	text, typ, value, mod string
}

// run analyses text dated dct ("" for undated) through the stage.
func run(t *testing.T, text, dct string) *doc.Document {
	t.Helper()
	d := &doc.Document{Text: text, Date: dct}
	if err := (Stage{}).Process(context.Background(), d); err != nil {
		t.Fatalf("Process: %v", err)
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	for _, tm := range d.Times {
		if !ValidValue(tm.Type, tm.Value) {
			t.Errorf("invalid value %s %q for %q", tm.Type, tm.Value, tm.Text)
		}
	}
	return d
}

// check asserts that the times of d are exactly ws, in order.
func check(t *testing.T, d *doc.Document, ws []want) {
	t.Helper()
	var got []string
	for _, tm := range d.Times {
		got = append(got, tm.Text+" "+tm.Type+" "+tm.Value+" "+tm.Mod)
	}
	var exp []string
	for _, w := range ws {
		exp = append(exp, w.text+" "+w.typ+" "+w.value+" "+w.mod)
	}
	if strings.Join(got, "\n") != strings.Join(exp, "\n") {
		t.Errorf("text %q\n got:\n  %s\nwant:\n  %s", d.Text, strings.Join(got, "\n  "), strings.Join(exp, "\n  "))
	}
}

const (
	D = doc.Date
	T = doc.TimeOfDay
	R = doc.Duration
	S = doc.Set
)

// wednesday is the document date of most cases: Wednesday 6 August 2025.
const wednesday = "2025-08-06"

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		dct  string
		want []want
	}{
		// Tense-aware weekdays.
		{"weekday past on its own day", "The minister said on Wednesday that the talks had ended.", wednesday,
			[]want{{"Wednesday", D, "2025-08-06", ""}}},
		{"weekday past", "The ministers met on Monday in Geneva.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}}},
		{"weekday past reported", "Negotiators said Thursday they were close to a deal.", wednesday,
			[]want{{"Thursday", D, "2025-07-31", ""}}},
		{"weekday future", "The ministers will meet again on Monday.", wednesday,
			[]want{{"Monday", D, "2025-08-11", ""}}},
		{"weekday future going to", "The council is going to vote on Thursday.", wednesday,
			[]want{{"Thursday", D, "2025-08-07", ""}}},
		{"weekday due to", "On Thursday, the ministry is due to publish its report.", wednesday,
			[]want{{"Thursday", D, "2025-08-07", ""}}},
		{"weekday due to cause", "Flights were cancelled due to the storm on Monday.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}}},
		{"weekday deadline", "The union faces a Friday deadline to accept the offer.", wednesday,
			[]want{{"Friday", D, "2025-08-08", ""}}},
		{"weekday deadline in past sentence", "The strike came two days before a government-imposed Friday deadline.", wednesday,
			[]want{{"two days", R, "P2D", ""}, {"Friday", D, "2025-08-08", ""}}},
		{"granted until weekday in past sentence", "The regulator on Monday gave the airline until Friday to refund passengers.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}, {"Friday", D, "2025-08-08", ""}}},
		{"has until weekday", "The company had until Thursday to reply, officials said.", wednesday,
			[]want{{"Thursday", D, "2025-08-07", ""}}},
		{"stayed until weekday stays past", "The crowd stayed in the square until Monday.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}}},
		{"last and next weekday", "He arrived last Friday and leaves next Tuesday.", wednesday,
			[]want{{"last Friday", D, "2025-08-01", ""}, {"next Tuesday", D, "2025-08-12", ""}}},
		{"weekday possessive", "Protesters rejected Monday's ruling.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}}},
		{"weekday with date", "The vote is on Tuesday, Sept. 9, 2025.", wednesday,
			[]want{{"Tuesday, Sept. 9, 2025", D, "2025-09-09", ""}}},
		{"weekday with day-month date", "The court met on Wednesday 6 August 2025.", wednesday,
			[]want{{"Wednesday 6 August 2025", D, "2025-08-06", ""}}},
		{"weekday night", "Fighting resumed on Sunday night.", wednesday,
			[]want{{"Sunday night", D, "2025-08-03TNI", ""}}},

		// Deictic and relative dates.
		{"yesterday today tomorrow", "Prices fell yesterday, rose today and may rise tomorrow.", wednesday,
			[]want{{"yesterday", D, "2025-08-05", ""}, {"today", D, "2025-08-06", ""}, {"tomorrow", D, "2025-08-07", ""}}},
		{"last month this year next week", "Exports fell last month but rose this year; talks resume next week.", wednesday,
			[]want{{"last month", D, "2025-07", ""}, {"this year", D, "2025", ""}, {"next week", D, "2025-W33", ""}}},
		{"ago", "The ferry sank two days ago and a year ago it nearly ran aground.", wednesday,
			[]want{{"two days ago", D, "2025-08-04", ""}, {"a year ago", D, "2024", ""}}},
		{"later in the day", "The spokesman expected an announcement later in the day.", wednesday,
			[]want{{"later in the day", D, "2025-08-06", ""}}},
		{"earlier this month", "Earlier this month the bank raised rates.", wednesday,
			[]want{{"Earlier this month", D, "2025-08", ""}}},
		{"this morning", "The fire broke out this morning.", wednesday,
			[]want{{"this morning", T, "2025-08-06TMO", ""}}},
		{"last night", "Rockets hit the city last night.", wednesday,
			[]want{{"last night", T, "2025-08-05TNI", ""}}},
		{"week ago is a day", "The ship left a week ago.", wednesday,
			[]want{{"a week ago", D, "2025-07-30", ""}}},
		{"week of month", "Talks collapsed in the last week of March.", wednesday,
			[]want{{"the last week of March", D, "2025-W13", ""}}},
		{"near term", "Rates will stay low in the near term.", wednesday,
			[]want{{"the near term", D, "FUTURE_REF", ""}}},
		{"apostrophe year", "He graduated in '82 and left in the '90s.", wednesday,
			[]want{{"'82", D, "1982", ""}, {"the '90s", D, "199", ""}}},
		{"dateline weekday and date on two lines", "Friday\nSeptember 18, 2008\nOfficials met.", "2008-09-18",
			[]want{{"Friday", D, "2008-09-12", ""}, {"September 18, 2008", D, "2008-09-18", ""}}},
		{"this past weekend", "Protests spread this past weekend.", wednesday,
			[]want{{"this past weekend", D, "2025-W31-WE", ""}}},
		{"year's quarter", "Profit fell in 2024's fourth quarter and in last year's third quarter.", wednesday,
			[]want{{"2024's fourth quarter", D, "2024-Q4", ""}, {"last year's third quarter", D, "2024-Q3", ""}}},
		{"two-digit decades", "Cars of the 70s and 80s sold well, with highs in the 90s degrees.", wednesday,
			[]want{{"the 70s", D, "197", ""}, {"80s", D, "198", ""}}},
		{"trading day", "The index fell at the start of the day and ended the day 2% lower.", wednesday,
			[]want{{"the start of the day", D, "2025-08-06", "START"}, {"the day", D, "2025-08-06", ""}}},
		{"anaphoric", "The storm hit on Aug. 2. The next day roads closed; the following Monday schools shut.", wednesday,
			[]want{{"Aug. 2", D, "2025-08-02", ""}, {"The next day", D, "2025-08-03", ""}, {"the following Monday", D, "2025-08-04", ""}}},
		{"last summer", "The drought began last summer.", wednesday,
			[]want{{"last summer", D, "2024-SU", ""}}},

		// Absolute dates in news forms.
		{"month day year", "The treaty was signed on August 6, 2025, in Vienna.", wednesday,
			[]want{{"August 6, 2025", D, "2025-08-06", ""}}},
		{"day month", "Voting ends on 6 Aug and results follow on 12 August 2025.", wednesday,
			[]want{{"6 Aug", D, "2025-08-06", ""}, {"12 August 2025", D, "2025-08-12", ""}}},
		{"abbreviated month", "The court ruled on Aug. 4.", wednesday,
			[]want{{"Aug. 4", D, "2025-08-04", ""}}},
		{"iso", "Filed 2025-08-06 at the registry.", wednesday,
			[]want{{"2025-08-06", D, "2025-08-06", ""}}},
		{"us slashes", "The memo is dated 08/06/2025.", wednesday,
			[]want{{"08/06/2025", D, "2025-08-06", ""}}},
		{"day first slashes", "The memo is dated 13/08/2025.", wednesday,
			[]want{{"13/08/2025", D, "2025-08-13", ""}}},
		{"month year", "Inflation peaked in October 2022.", wednesday,
			[]want{{"October 2022", D, "2022-10", ""}}},
		{"year", "The company was founded in 1998.", wednesday,
			[]want{{"1998", D, "1998", ""}}},
		{"decade", "Prices last rose this fast in the 1990s.", wednesday,
			[]want{{"the 1990s", D, "199", ""}}},
		{"century", "It was the worst flood of the 20th century.", wednesday,
			[]want{{"the 20th century", D, "19", ""}}},
		{"mid month", "Shipments resume in mid-August.", wednesday,
			[]want{{"mid-August", D, "2025-08", "MID"}}},
		{"early year", "The plant opens in early 2026.", wednesday,
			[]want{{"early 2026", D, "2026", "START"}}},
		{"end of year", "The bridge will be finished by the end of 2027.", wednesday,
			[]want{{"the end of 2027", D, "2027", "END"}}},
		{"half of the year", "Growth slowed in the first half of the year.", wednesday,
			[]want{{"the first half of the year", D, "2025-H1", ""}}},
		{"quarters", "Sales rose in Q3 2025 and in the second quarter.", wednesday,
			[]want{{"Q3 2025", D, "2025-Q3", ""}, {"the second quarter", D, "2025-Q2", ""}}},
		{"adjectival quarter", "The firm posted a third-quarter loss.", wednesday,
			[]want{{"third-quarter", D, "2025-Q3", ""}}},
		{"fiscal", "The budget for fiscal 2026 was approved.", wednesday,
			[]want{{"fiscal 2026", D, "2026", ""}}},
		{"ordinal day", "The envoy returns on the 12th.", wednesday,
			[]want{{"the 12th", D, "2025-08-12", ""}}},
		{"spoken year", "It happened in nineteen ninety-six.", wednesday,
			[]want{{"nineteen ninety-six", D, "1996", ""}}},
		{"month without year future", "The summit will be held in March.", wednesday,
			[]want{{"March", D, "2026-03", ""}}},
		{"month without year past", "Sales collapsed in February.", wednesday,
			[]want{{"February", D, "2025-02", ""}}},

		// Holidays.
		{"holidays", "Shops close on Christmas Day and reopen after New Year's Day.", wednesday,
			[]want{{"Christmas Day", D, "2025-12-25", ""}, {"New Year's Day", D, "2026-01-01", ""}}},
		{"movable holidays", "Turnout fell last Thanksgiving and on Good Friday.", wednesday,
			[]want{{"last Thanksgiving", D, "2024-11-28", ""}, {"Good Friday", D, "2025-04-18", ""}}},

		// Times of day.
		{"pm with zone", "The polls close at 3 p.m. ET.", wednesday,
			[]want{{"3 p.m. ET", T, "2025-08-06T15:00", ""}}},
		{"utc clock", "The launch is set for 15:00 GMT.", wednesday,
			[]want{{"15:00 GMT", T, "2025-08-06T15:00Z", ""}}},
		{"approximate clock", "The blast came at about 7:15 p.m. while '80s music played.", wednesday,
			[]want{{"about 7:15 p.m.", T, "2025-08-06T19:15", "APPROX"}, {"'80s", D, "198", ""}}},
		{"noon", "The rally starts at noon.", wednesday,
			[]want{{"noon", T, "2025-08-06T12:00", ""}}},
		{"clock joined to day", "Polls will open at 7 a.m. Thursday.", wednesday,
			[]want{{"7 a.m. Thursday", T, "2025-08-07T07:00", ""}}},
		{"clock joined to date", "The deadline is Aug. 8, 5 p.m.", wednesday,
			[]want{{"Aug. 8, 5 p.m.", T, "2025-08-08T17:00", ""}}},

		// Durations.
		{"hours", "The meeting lasted three hours.", wednesday,
			[]want{{"three hours", R, "PT3H", ""}}},
		{"adjectival duration", "Three-hour talks ended without a deal.", wednesday,
			[]want{{"Three-hour", R, "PT3H", ""}}},
		{"adjectival duration digits", "A 10-year bond and the two-week strike.", wednesday,
			[]want{{"10-year", R, "P10Y", ""}, {"two-week", R, "P2W", ""}}},
		{"digits", "He promised peace within 24 hours.", wednesday,
			[]want{{"24 hours", R, "PT24H", ""}}},
		{"number words", "The hostages were held for twenty-four hours.", wednesday,
			[]want{{"twenty-four hours", R, "PT24H", ""}}},
		{"bare plural", "The war continued despite months of talks.", wednesday,
			[]want{{"months", R, "PXM", ""}}},
		{"decade", "The project took a decade.", wednesday,
			[]want{{"a decade", R, "P10Y", ""}}},
		{"approximate", "Rescuers searched for nearly two weeks and at least 30 days.", wednesday,
			[]want{{"nearly two weeks", R, "P2W", "APPROX"}, {"at least 30 days", R, "P30D", "EQUAL_OR_MORE"}}},
		{"past n units", "Output fell over the past two months.", wednesday,
			[]want{{"the past two months", R, "P2M", ""}}},
		{"half", "The vote took an hour and a half and the trial 2 1/2 years.", wednesday,
			[]want{{"an hour and a half", R, "PT1H30M", ""}, {"2 1/2 years", R, "P2Y6M", ""}}},
		{"duration range", "Repairs take two to three weeks.", wednesday,
			[]want{{"two to three weeks", R, "P2W", ""}}},
		{"age is no duration", "A 12-year-old boy was rescued.", wednesday, nil},

		// Sets.
		{"daily", "The ministry publishes daily reports.", wednesday,
			[]want{{"daily", S, "P1D", ""}}},
		{"every week", "The council meets every week and every Monday.", wednesday,
			[]want{{"every week", S, "P1W", ""}, {"every Monday", S, "XXXX-WXX-1", ""}}},
		{"twice a week", "Ferries sail twice a week.", wednesday,
			[]want{{"twice a week", S, "P1W", ""}}},

		// Fuzzy references.
		{"now and recently", "Prices are now stable but recently rose.", wednesday,
			[]want{{"now", D, "PRESENT_REF", ""}, {"recently", D, "PAST_REF", ""}}},
		{"coming weeks", "A decision is expected in the coming weeks.", wednesday,
			[]want{{"the coming weeks", D, "FUTURE_REF", ""}}},
		{"days and weeks to come", "We will work on it in the days and weeks to come.", wednesday,
			[]want{{"the days and weeks to come", D, "FUTURE_REF", ""}}},
		{"the past", "Such deals failed in the past.", wednesday,
			[]want{{"the past", D, "PAST_REF", ""}}},

		// Ranges.
		{"weekday range", "The fair runs from Monday to Wednesday.", wednesday,
			[]want{{"Monday", D, "2025-08-04", ""}, {"Wednesday", D, "2025-08-06", ""}}},
		{"year range", "He served as mayor in 2009-2011.", wednesday,
			[]want{{"2009", D, "2009", ""}, {"2011", D, "2011", ""}}},
		{"day range", "The festival runs August 6-8.", wednesday,
			[]want{{"August 6", D, "2025-08-06", ""}, {"8", D, "2025-08-08", ""}}},

		// Not times.
		{"modal may", "May I ask a question? He may march on.", wednesday, nil},
		{"quantities", "About 2000 troops and $2025 in cash.", wednesday, nil},
		{"second as ordinal", "He won a second term.", wednesday, nil},
		{"spoken quantity", "Two thousand people marched.", wednesday, nil},
		{"spoken year 2000", "It was planned for the year two thousand.", wednesday,
			[]want{{"the year two thousand", D, "2000", ""}}},

		// Documents without a date.
		{"undated weekday", "The minister arrived on Wednesday.", "",
			[]want{{"Wednesday", D, "XXXX-WXX-3", ""}}},
		{"undated relative", "Prices fell yesterday and last month but rise today and next week.", "",
			[]want{{"yesterday", D, "PAST_REF", ""}, {"last month", D, "PAST_REF", ""},
				{"today", D, "PRESENT_REF", ""}, {"next week", D, "FUTURE_REF", ""}}},
		{"undated month day", "The vote is on August 6.", "",
			[]want{{"August 6", D, "XXXX-08-06", ""}}},
		{"undated absolute and duration", "The talks on August 6, 2025 lasted three hours.", "",
			[]want{{"August 6, 2025", D, "2025-08-06", ""}, {"three hours", R, "PT3H", ""}}},
		{"undated clock", "The polls close at 3 p.m.", "",
			[]want{{"3 p.m.", T, "XXXX-XX-XXT15:00", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, run(t, tt.text, tt.dct), tt.want)
		})
	}
}

// TestSeedStyleArticle runs a short invented article with the phenomena of
// the seed article (a Wednesday-dated report with a Friday deadline, talks
// measured in hours, vague references) and checks every time in it.
func TestSeedStyleArticle(t *testing.T) {
	text := "The mayor said on Wednesday that the envoy had a “useful meeting” with the union.\n\n" +
		"Two-hour harbour talks\n\n" +
		"The meeting lasted two hours and came just three days before a council-imposed Saturday deadline. " +
		"An aide expected a statement later in the day. It was the third time the two sides have met this year. " +
		"Strikes continued despite weeks of mediation, and the mayor recently said he could settle it within “48 hours”. " +
		"He told reporters last month that talks would go on."
	d := run(t, text, wednesday)
	check(t, d, []want{
		{"Wednesday", D, "2025-08-06", ""},
		{"Two-hour", R, "PT2H", ""},
		{"two hours", R, "PT2H", ""},
		{"three days", R, "P3D", ""},
		{"Saturday", D, "2025-08-09", ""},
		{"later in the day", D, "2025-08-06", ""},
		{"this year", D, "2025", ""},
		{"weeks", R, "PXW", ""},
		{"recently", D, "PAST_REF", ""},
		{"48 hours", R, "PT48H", ""},
		{"last month", D, "2025-07", ""},
	})
}

// TestTokensOptional checks that the stage gives the same result with and
// without the token and sentence layers of earlier stages.
func TestTokensOptional(t *testing.T) {
	text := "On Friday, Aug. 8, the board met for three hours; it meets again next week."
	a := run(t, text, wednesday)
	b := &doc.Document{Text: text, Date: wednesday}
	b.Tokens = nil
	if err := (Stage{}).Process(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	if len(a.Times) != len(b.Times) || len(a.Times) == 0 {
		t.Fatalf("got %d and %d times", len(a.Times), len(b.Times))
	}
	for i := range a.Times {
		if a.Times[i] != b.Times[i] {
			t.Errorf("time %d: %+v vs %+v", i, a.Times[i], b.Times[i])
		}
	}
}

func TestIDs(t *testing.T) {
	d := run(t, "On Monday and Tuesday, then for two days.", wednesday)
	for i, tm := range d.Times {
		if want := "t" + string(rune('1'+i)); tm.ID != want {
			t.Errorf("time %d: id %q, want %q", i, tm.ID, want)
		}
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := &doc.Document{Text: "On Monday."}
	if err := (Stage{}).Process(ctx, d); err == nil {
		t.Error("want an error for a cancelled context")
	}
}

func TestValidValue(t *testing.T) {
	tests := []struct {
		typ, value string
		ok         bool
	}{
		{D, "2025-08-06", true},
		{D, "2025-08", true},
		{D, "2025", true},
		{D, "199", true},
		{D, "19", true},
		{D, "2025-W33", true},
		{D, "2025-W32-WE", true},
		{D, "XXXX-WXX-3", true},
		{D, "XXXX-08-06", true},
		{D, "2025-Q3", true},
		{D, "2025-H1", true},
		{D, "2025-SU", true},
		{D, "PRESENT_REF", true},
		{T, "2025-08-06T15:00", true},
		{T, "2025-08-06T15:00Z", true},
		{T, "2025-08-06TNI", true},
		{T, "XXXX-XX-XXT15:00", true},
		{T, "1989-10-27T24", true},
		{R, "PT3H", true},
		{R, "P2D", true},
		{R, "PXM", true},
		{R, "P2Y6M", true},
		{R, "PT1H30M", true},
		{R, "P1.5W", true},
		{S, "P1D", true},
		{S, "XXXX-WXX-1", true},
		{S, "TMO", true},

		{D, "", false},
		{D, "2025-13", false},
		{D, "2025-02-30", false},
		{D, "2025-W54", false},
		{D, "2025-Q5", false},
		{D, "2025-08-06T25:00", false},
		{D, "20255", false},
		{D, "2", false},
		{D, "NOW", false},
		{R, "P", false},
		{R, "PT", false},
		{R, "P3", false},
		{R, "P3H", false},
		{R, "PT3D", false},
		{R, "P1D2Y", false},
		{R, "P1.D", false},
		{R, "2025", false},
		{"EVENT", "2025", false},
	}
	for _, tt := range tests {
		t.Run(tt.typ+"/"+tt.value, func(t *testing.T) {
			if got := ValidValue(tt.typ, tt.value); got != tt.ok {
				t.Errorf("ValidValue(%q, %q) = %v, want %v", tt.typ, tt.value, got, tt.ok)
			}
		})
	}
}

func TestNumericDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2025-08-06", "2025-08-06"},
		{"2025/8/6", "2025-08-06"},
		{"08/06/2025", "2025-08-06"},
		{"8/6/25", "2025-08-06"},
		{"13/08/2025", "2025-08-13"},
		{"06.08.2025", "2025-08-06"},
		{"02/30/2025", ""},
		{"1/2", ""},
		{"3.5", ""},
		{"2025-08", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, _ := numericDate(tt.in)
			if got != tt.want {
				t.Errorf("numericDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestConcurrent runs the stage on many documents at once, as the pipeline
// does; run with -race to check it shares nothing mutable.
func TestConcurrent(t *testing.T) {
	texts := []string{
		"The minister said on Wednesday that talks lasted three hours.",
		"Prices fell 3% last month and will rise next week, 2025-08-06.",
		"Two days ago, at 3 p.m. ET, the board met for the first time in 2024.",
	}
	want := make([][]doc.Time, len(texts))
	for i, s := range texts {
		want[i] = run(t, s, wednesday).Times
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for k := range 50 {
				i := (w + k) % len(texts)
				d := &doc.Document{Text: texts[i], Date: wednesday}
				if err := (Stage{}).Process(context.Background(), d); err != nil {
					t.Error(err)
					return
				}
				if len(d.Times) != len(want[i]) {
					t.Errorf("doc %d: %d times, want %d", i, len(d.Times), len(want[i]))
					return
				}
				for j := range d.Times {
					if d.Times[j] != want[i][j] {
						t.Errorf("doc %d time %d: %+v, want %+v", i, j, d.Times[j], want[i][j])
					}
				}
			}
		})
	}
	wg.Wait()
}
