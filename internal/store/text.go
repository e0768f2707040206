package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dateline/internal/doc"
)

// NameKey folds a name for comparison across documents: lower case, curly
// apostrophes made straight, runs of space collapsed. "Vladimir  PUTIN" and
// "vladimir putin" share a key; "Putin" and "Vladimir Putin" do not (aliases
// link those).
func NameKey(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range name {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '’' || r == '‘':
			r = '\''
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Term is one element of a search query.
type Term struct {
	Text   string // a word or a phrase of words
	Phrase bool   // the words must appear together in this order
	Not    bool   // documents containing the term are excluded
}

// ParseTerms splits a search into terms: bare words, "quoted phrases"
// (straight or curly quotes) and words or phrases prefixed with '-' to
// exclude them. Terms with no letter or digit are dropped. It returns
// [ErrInvalid] when terms remain but all are excluded, since no backend can
// search for "everything except". Control characters and invalid UTF-8 act
// as spaces: no database accepts a NUL inside a query.
func ParseTerms(s string) ([]Term, error) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " "))
	var terms []Term
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		var t Term
		if r == '-' {
			t.Not = true
			i += n
			if i >= len(s) {
				break
			}
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if r == '"' || r == '“' || r == '”' {
			i += n
			end := strings.IndexFunc(s[i:], func(r rune) bool { return r == '"' || r == '“' || r == '”' })
			if end < 0 {
				end = len(s) - i
			}
			t.Text, t.Phrase = s[i:i+end], true
			i += end
			if i < len(s) {
				_, n = utf8.DecodeRuneInString(s[i:])
				i += n
			}
		} else {
			end := strings.IndexFunc(s[i:], unicode.IsSpace)
			if end < 0 {
				end = len(s) - i
			}
			t.Text = s[i : i+end]
			i += end
		}
		t.Text = strings.Join(strings.Fields(t.Text), " ")
		if strings.IndexFunc(t.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			continue
		}
		terms = append(terms, t)
	}
	if len(terms) == 0 {
		return nil, nil
	}
	for _, t := range terms {
		if !t.Not {
			return terms, nil
		}
	}
	return nil, fmt.Errorf("%w: search %q has only excluded terms", ErrInvalid, s)
}

// Snippet markers. Backends ask their full-text engine to wrap matched words
// in these control characters and hand the result to [SplitMarks], so every
// backend reports highlights the same way.
const (
	MarkStart = "\x01"
	MarkEnd   = "\x02"
)

// SplitMarks removes snippet markers from s and returns the plain snippet
// with the byte ranges the markers enclosed. An unclosed mark ends at the end
// of the snippet; stray end marks are dropped.
func SplitMarks(s string) (string, []doc.Span) {
	var b strings.Builder
	b.Grow(len(s))
	var spans []doc.Span
	open := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case MarkStart[0]:
			if open < 0 {
				open = b.Len()
			}
		case MarkEnd[0]:
			if open >= 0 {
				if b.Len() > open {
					spans = append(spans, doc.Span{Start: open, End: b.Len()})
				}
				open = -1
			}
		default:
			b.WriteByte(s[i])
		}
	}
	if open >= 0 && b.Len() > open {
		spans = append(spans, doc.Span{Start: open, End: b.Len()})
	}
	return b.String(), spans
}

// LeadBytes is the length backends cut a text to before calling [Lead].
const LeadBytes = 400

// Lead returns the opening of text, at most about max bytes, cut at a space
// and with runs of whitespace collapsed; "…" marks a cut.
func Lead(text string, max int) string {
	text = strings.Join(strings.Fields(text), " ")
	if len(text) <= max {
		return text
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(text[:cut], ' '); sp > max/2 {
		cut = sp
	}
	return strings.TrimRight(text[:cut], " ,;:") + "…"
}

// Day returns the calendar day (YYYY-MM-DD) of a document date as written,
// or "" when the date is empty or not ISO 8601.
func Day(date string) string {
	t, err := doc.ParseDate(date)
	if err != nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

// DeadlineDay turns a deadline's TIMEX3 value into the last day it allows:
// "2025-08-08" and "2025-08-08T17:00" give 2025-08-08, a month "2025-08"
// its last day, a year its 31 December, an ISO week "2025-W33" its Sunday.
// Other values (PRESENT_REF, durations) give "".
func DeadlineDay(value string) string {
	if len(value) >= 10 {
		if t, err := time.Parse(time.DateOnly, value[:10]); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	if len(value) == 8 && value[4:6] == "-W" {
		y, err1 := strconv.Atoi(value[:4])
		w, err2 := strconv.Atoi(value[6:])
		if err1 != nil || err2 != nil || w < 1 || w > 53 {
			return ""
		}
		// ISO week 1 holds 4 January; step back to its Monday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		return monday.AddDate(0, 0, 7*(w-1)+6).Format(time.DateOnly)
	}
	if t, err := time.Parse("2006-01", value); err == nil {
		return t.AddDate(0, 1, -1).Format(time.DateOnly)
	}
	if t, err := time.Parse("2006", value); err == nil {
		return t.AddDate(1, 0, -1).Format(time.DateOnly)
	}
	return ""
}

// CheckDay validates a date bound: empty or YYYY-MM-DD. name labels the
// error ("from", "to").
func CheckDay(name, s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("%w: %s date %q: want YYYY-MM-DD", ErrInvalid, name, s)
	}
	return nil
}

// Check validates a filter's date bounds.
func (f Filter) Check() error {
	if err := CheckDay("from", f.From); err != nil {
		return err
	}
	return CheckDay("to", f.To)
}

// Page returns the effective limit and offset, or [ErrInvalid] when either
// is negative.
func Page(limit, offset int) (int, int, error) {
	if limit < 0 || offset < 0 {
		return 0, 0, fmt.Errorf("%w: negative limit or offset", ErrInvalid)
	}
	if limit == 0 {
		limit = DefaultLimit
	}
	return limit, offset, nil
}
