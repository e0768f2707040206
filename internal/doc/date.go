package doc

import (
	"fmt"
	"time"
)

// dateLayouts are the ISO 8601 forms accepted for a document date, most
// specific first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
}

// ParseDate parses a document creation time: an ISO 8601 date
// ("2025-08-06") or date-time ("2025-08-06T09:24", "2025-08-06T09:24:00Z").
func ParseDate(s string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q: want ISO 8601 (2025-08-06 or 2025-08-06T09:24)", s)
}

// DCT returns the document creation time, and false when the document has no
// usable date (relative time expressions then stay unanchored).
func (d *Document) DCT() (time.Time, bool) {
	if d.Date == "" {
		return time.Time{}, false
	}
	t, err := ParseDate(d.Date)
	return t, err == nil
}
