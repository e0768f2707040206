package deadline

// By-dates: TIMEX3 values of dates, or the document date plus a duration.

import (
	"strings"
	"time"

	"dateline/internal/doc"
)

// notBefore reports whether a TIMEX3 date value (2025, 2025-03,
// 2025-03-14, 2025-03-14T12:00) is not before day dct, compared at its own
// precision.
func notBefore(by string, dct time.Time) bool {
	d := dct.Format("2006-01-02")
	n := min(len(by), 10)
	if n < 4 || by[:4] < "0000" || by[:4] > "9999" {
		return false
	}
	if n == 4 || n == 7 || n == 10 {
		return by[:n] >= d[:n]
	}
	return false
}

// dateAt returns the time id and value at token k when it is a date.
func (x *extractor) dateAt(k int) (string, string) {
	t := x.a.Words[k].Time
	if t < 0 {
		return "", ""
	}
	tm := x.a.Doc.Times[t]
	switch tm.Type {
	case doc.Date, doc.TimeOfDay:
		return tm.ID, tm.Value
	case doc.Duration:
		return "", x.plus(tm.Value)
	}
	return "", ""
}

// plus returns the document date plus a TIMEX3 duration of days, weeks or
// hours ("P10D", "P2W", "PT24H", hours rounded up to whole days), or "".
func (x *extractor) plus(dur string) string {
	dct, ok := x.docDate()
	if !ok {
		return ""
	}
	return plusFrom(dct, dur, false)
}

// plusFrom returns day base plus a TIMEX3 duration of days, weeks or hours,
// and with months also of months and years ("P3M", "P1Y"), or "". Months
// serve extensions ("extended by three months"), where the new date is
// meant to the month; a grant of time from today ("has three months to")
// is left undated.
func plusFrom(base time.Time, dur string, months bool) string {
	num, unit := "", byte(0)
	switch {
	case strings.HasPrefix(dur, "PT") && strings.HasSuffix(dur, "H"):
		num, unit = dur[2:len(dur)-1], 'H'
	case strings.HasPrefix(dur, "P") && len(dur) > 2:
		num, unit = dur[1:len(dur)-1], dur[len(dur)-1]
	default:
		return ""
	}
	n := 0
	for _, c := range num {
		if c < '0' || c > '9' || n > 100000 {
			return ""
		}
		n = n*10 + int(c-'0')
	}
	if num == "" {
		return ""
	}
	switch unit {
	case 'D':
		return base.AddDate(0, 0, n).Format("2006-01-02")
	case 'W':
		return base.AddDate(0, 0, 7*n).Format("2006-01-02")
	case 'H':
		return base.AddDate(0, 0, (n+23)/24).Format("2006-01-02")
	case 'M':
		if months {
			return base.AddDate(0, n, 0).Format("2006-01-02")
		}
	case 'Y':
		if months {
			return base.AddDate(n, 0, 0).Format("2006-01-02")
		}
	}
	return ""
}
