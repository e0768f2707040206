package story

import (
	"slices"
	"strconv"
	"strings"

	"dateline/internal/doc"
)

// An event reported by many articles — a summit, a strike, a sanction — is
// one event with many sources. Event keys and [SameEvent] decide when two
// reports are the same: same type, same day, and at least one shared party
// or place. Reports without any named party or place are not grouped: "talks
// were held" on a day says too little to be matched.

// EventKey is what a report of an event is matched on.
type EventKey struct {
	Type  string
	Day   string  // the event's day, else the article's
	Parts []int64 // canonical ids of participants and place, sorted
}

// Events returns the keys of the document's events that can be grouped,
// indexed like d.Events (a zero EventKey for one that cannot). day is the
// article's day; ents maps entity ids to canonical ids.
func Events(d *doc.Document, day string, ents map[string]int64) []EventKey {
	times := make(map[string]string, len(d.Times))
	for _, t := range d.Times {
		times[t.ID] = t.Value
	}
	out := make([]EventKey, len(d.Events))
	for i, e := range d.Events {
		if e.Attributes != nil && (e.Attributes.Negated || e.Attributes.Modality == "hypothetical") {
			continue // what did not happen is not an event to count sources for
		}
		k := EventKey{Type: e.Type, Day: day}
		if v := times[e.Time]; isDay(v) {
			k.Day = v[:10]
		}
		for _, p := range e.Participants {
			if id := ents[p.Entity]; id != 0 && !slices.Contains(k.Parts, id) {
				k.Parts = append(k.Parts, id)
			}
		}
		if id := ents[e.Place]; id != 0 && !slices.Contains(k.Parts, id) {
			k.Parts = append(k.Parts, id)
		}
		if len(k.Parts) == 0 || k.Day == "" {
			continue
		}
		slices.Sort(k.Parts)
		out[i] = k
	}
	return out
}

// SameEvent returns the index of the group among groups (keys of earlier
// reports of the same type and day) that k is another report of: the one
// sharing most parties and places, at least one; -1 when none.
func SameEvent(k EventKey, groups []EventKey) int {
	best, bestN := -1, 0
	for i, g := range groups {
		if g.Type != k.Type || g.Day != k.Day {
			continue
		}
		n := 0
		for _, p := range k.Parts {
			if slices.Contains(g.Parts, p) {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

// FormatParts and ParseParts store a key's parts as text.
func FormatParts(parts []int64) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = strconv.FormatInt(p, 10)
	}
	return strings.Join(s, " ")
}

// ParseParts reads what FormatParts wrote, skipping anything else.
func ParseParts(s string) []int64 {
	var out []int64
	for _, f := range strings.Fields(s) {
		if n, err := strconv.ParseInt(f, 10, 64); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func isDay(v string) bool {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for i, r := range v[:10] {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
