package timex

import (
	"time"

	"dateline/internal/doc"
)

// ValidValue reports whether value is a well-formed TIMEX3 value for a time
// of type typ (DATE, TIME, DURATION or SET) in the forms this package
// writes, which are those of TimeML 1.2.1:
//
//	DATE, TIME  PRESENT_REF, PAST_REF, FUTURE_REF, or a calendar value:
//	            YYYY, YYY (decade), YY (century), YYYY-MM, YYYY-MM-DD,
//	            YYYY-Www, YYYY-Www-D, YYYY-Www-WE, YYYY-Qn, YYYY-Hn,
//	            YYYY-SP|SU|FA|WI, each digit position possibly X; a day may
//	            carry a time: T followed by hh[:mm[:ss]] (optionally Z) or a
//	            part of the day MO, AF, EV, NI, DT.
//	DURATION    P[nY][nM][nW][nD][T[nH][nM][nS]] with n digits (a decimal
//	            allowed) or X, at least one component.
//	SET         a DURATION value or a calendar value, or a bare time
//	            (T followed by a time or part of the day).
func ValidValue(typ, value string) bool {
	switch typ {
	case doc.Date, doc.TimeOfDay:
		return validDate(value)
	case doc.Duration:
		return validDuration(value)
	case doc.Set:
		if len(value) > 0 && value[0] == 'T' {
			return validTime(value[1:])
		}
		return validDuration(value) || validDate(value)
	}
	return false
}

func validDate(v string) bool {
	switch v {
	case presentRef, pastRef, futureRef:
		return true
	}
	// Year: 4, 3 (decade) or 2 (century) digits or X.
	n := 0
	for n < len(v) && n < 4 && (isDigit(v[n]) || v[n] == 'X') {
		n++
	}
	if n < 2 {
		return false
	}
	if n < 4 {
		return n == len(v)
	}
	rest := v[4:]
	if rest == "" {
		return true
	}
	if rest[0] != '-' {
		return false
	}
	rest = rest[1:]
	switch {
	case len(rest) == 2 && (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI"):
		return true
	case len(rest) == 2 && (rest[0] == 'Q' && inRange(rest[1], '1', '4') || rest[0] == 'H' && inRange(rest[1], '1', '2')):
		return true
	case len(rest) == 2 && (rest == "QX" || rest == "HX"):
		return true
	case len(rest) >= 3 && rest[0] == 'W':
		if !twoDigits(rest[1:3], 1, 53) {
			return false
		}
		rest = rest[3:]
		switch {
		case rest == "":
			return true
		case rest == "-WE":
			return true
		case len(rest) >= 2 && rest[0] == '-' && (inRange(rest[1], '1', '7') || rest[1] == 'X'):
			return timeSuffix(rest[2:])
		}
		return false
	case len(rest) >= 2:
		if !twoDigits(rest[:2], 1, 12) {
			return false
		}
		rest = rest[2:]
		if rest == "" {
			return true
		}
		if len(rest) < 3 || rest[0] != '-' || !twoDigits(rest[1:3], 1, 31) {
			return false
		}
		if isDigit(v[0]) && isDigit(v[5]) && isDigit(v[8]) {
			if _, err := time.Parse("2006-01-02", v[:10]); err != nil {
				return false
			}
		}
		return timeSuffix(rest[3:])
	}
	return false
}

// timeSuffix accepts "" or "T" followed by a valid time.
func timeSuffix(s string) bool {
	if s == "" {
		return true
	}
	return s[0] == 'T' && validTime(s[1:])
}

// validTime accepts hh, hh:mm, hh:mm:ss (hour 00–24), optionally followed by
// Z, or a part of the day.
func validTime(s string) bool {
	switch s {
	case "MO", "AF", "EV", "NI", "DT":
		return true
	}
	if len(s) > 0 && s[len(s)-1] == 'Z' {
		s = s[:len(s)-1]
	}
	if len(s) < 2 || !twoDigits(s[:2], 0, 24) {
		return false
	}
	s = s[2:]
	for k := 0; k < 2 && s != ""; k++ {
		if len(s) < 3 || s[0] != ':' || !twoDigits(s[1:3], 0, 59) {
			return false
		}
		s = s[3:]
	}
	return s == ""
}

func validDuration(v string) bool {
	if len(v) < 3 || v[0] != 'P' {
		return false
	}
	s := v[1:]
	order := "YMWD"
	inTime := false
	comps := 0
	for s != "" {
		if s[0] == 'T' {
			if inTime {
				return false
			}
			inTime, order = true, "HMS"
			s = s[1:]
			if s == "" {
				return false
			}
			continue
		}
		n := 0
		if s[0] == 'X' {
			n = 1
		} else {
			dot := false
			for n < len(s) && (isDigit(s[n]) || s[n] == '.' && !dot && n > 0) {
				if s[n] == '.' {
					dot = true
				}
				n++
			}
			if n == 0 || s[n-1] == '.' {
				return false
			}
		}
		if n >= len(s) {
			return false
		}
		k := indexByte(order, s[n])
		if k < 0 {
			return false
		}
		order = order[k+1:]
		s = s[n+1:]
		comps++
	}
	return comps > 0
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func inRange(c, lo, hi byte) bool { return c >= lo && c <= hi }

// twoDigits accepts "XX" or a two-digit number in [lo, hi].
func twoDigits(s string, lo, hi int) bool {
	if len(s) != 2 {
		return false
	}
	if s == "XX" {
		return true
	}
	if !isDigit(s[0]) || !isDigit(s[1]) {
		return false
	}
	n := int(s[0]-'0')*10 + int(s[1]-'0')
	return n >= lo && n <= hi
}

// parseDay parses a YYYY-MM-DD value.
func parseDay(v string) (time.Time, bool) {
	if len(v) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", v[:10])
	return t, err == nil
}
