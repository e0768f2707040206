package deadline

import (
	"testing"
	"time"

	"dateline/internal/doc"
	"dateline/internal/nlp/chunk"
)

func TestNotBefore(t *testing.T) {
	dct := time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		by   string
		want bool
	}{
		{"2025-08-06", true}, {"2025-08-05", false}, {"2025-08-08T12:00", true}, {"2025-08", true},
		{"2025-07", false}, {"2025", true}, {"2024", false}, {"PXD", false}, {"", false}, {"20", false},
	} {
		if got := notBefore(tt.by, dct); got != tt.want {
			t.Errorf("notBefore(%q) = %v, want %v", tt.by, got, tt.want)
		}
	}
}

func TestPlus(t *testing.T) {
	dated := func(date string) *extractor {
		return &extractor{a: &chunk.Analysis{Doc: &doc.Document{Date: date}}}
	}
	x := dated("2025-08-06T09:30")
	for _, tt := range []struct{ dur, want string }{
		{"P10D", "2025-08-16"}, {"P2W", "2025-08-20"}, {"PT24H", "2025-08-07"}, {"PT48H", "2025-08-08"},
		{"PT1H", "2025-08-07"}, {"P1M", ""}, {"PXD", ""}, {"P", ""}, {"PD", ""}, {"P99999999999D", ""}, {"", ""},
	} {
		if got := x.plus(tt.dur); got != tt.want {
			t.Errorf("plus(%q) = %q, want %q", tt.dur, got, tt.want)
		}
	}
	for _, date := range []string{"", "2025-13-01", "Aug 6"} {
		if got := dated(date).plus("P1D"); got != "" {
			t.Errorf("plus with document date %q = %q", date, got)
		}
	}
}
