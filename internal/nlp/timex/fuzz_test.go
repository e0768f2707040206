package timex

import (
	"context"
	"testing"

	"dateline/internal/doc"
)

// FuzzTimex checks the stage's invariants on arbitrary text and dates: no
// panic, every span valid (Validate), every value well formed, times in
// text order without overlaps.
func FuzzTimex(f *testing.F) {
	seeds := []string{
		"The minister said on Wednesday that talks lasted three hours.",
		"Three-hour talks ended two days before a Friday deadline, later in the day.",
		"From Monday to Wednesday, August 6-8, 2009-2011, the 1990s, mid-August, Q3 2025.",
		"At 3 p.m. ET on Aug. 6, 2025, 15:00 GMT, noon Saturday, 08/06/2025, 13/08/2025.",
		"twenty-four hours, an hour and a half, 2 1/2 years, every Monday, twice a week",
		"the days and weeks to come, recent years, a year earlier, the year-earlier quarter",
		"May I march? 2000 troops, $2025, the 5th, the 21st century, nineteen ninety-six",
		"mid-", "the end of", "- - -", "a", "10-", "Aug. 31-", "31/31/31", "’s ’ll",
		"Car sales slump\nFebruary 3, 2009\nSales fell last month, the previous year and the full year.",
		"\n\nMay 5\n", "the year ended March 31, the latest period, a day-long, decades-long, the long-term",
		"The committee meets Tuesday; talks resume from Monday to Wednesday, between Sept. 3 and 17.",
		"a week from Friday, three days later, four days a week, once-a-week, every weekend, FY2027, FY27",
		"between 9 a.m. and noon on the 29th, 7 p.m. MT. overnight, the new year, Palm Sunday, Labor Day",
		"The same day, that same day, on that day, the day before, the day after Tuesday's vote, the day before the day before Christmas",
		"by year-end, since year end, by year's end, year-end bonuses, that year, later that quarter, last Oct. 23, next Jan. 1",
		"from 6 p.m. Thursday until noon Saturday; spread over three years; lasted over a week; in the first nine months, the 1988 period",
		"the day before", "that", "year", "last Oct.", "next Thursday", "the same",
	}
	for i, s := range seeds {
		date := "2025-08-06"
		if i%3 == 1 {
			date = ""
		} else if i%3 == 2 {
			date = "1999-12-31T23:59"
		}
		f.Add(s, date)
	}
	f.Fuzz(func(t *testing.T, text, date string) {
		d := &doc.Document{Text: text}
		if _, err := doc.ParseDate(date); err == nil {
			d.Date = date
		}
		if err := (Stage{}).Process(context.Background(), d); err != nil {
			t.Fatalf("Process: %v", err)
		}
		// Validate reports invalid UTF-8 in the text itself; spans are what
		// this stage answers for.
		d2 := *d
		if err := d2.Validate(); err != nil && validUTF8(text) {
			t.Fatalf("Validate: %v", err)
		}
		end := 0
		for _, tm := range d.Times {
			if tm.Start < end || tm.Start >= tm.End || tm.End > len(text) {
				t.Fatalf("time %s [%d,%d) out of order or empty (previous end %d)", tm.ID, tm.Start, tm.End, end)
			}
			end = tm.End
			if !ValidValue(tm.Type, tm.Value) {
				t.Fatalf("time %s %q: invalid %s value %q", tm.ID, tm.Text, tm.Type, tm.Value)
			}
		}
	})
}

func validUTF8(s string) bool {
	for _, r := range s {
		if r == '\uFFFD' {
			return false
		}
	}
	return true
}
