package doc

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Validate checks the invariants every stage must keep: each span lies inside
// the text on rune boundaries with Start ≤ End, each repeated text equals the
// bytes it names, ids are unique within their layer, and every reference (a
// quote's speaker, an event's time or place) names an existing item. It returns
// all problems found, joined, or nil.
func (d *Document) Validate() error {
	v := validator{text: d.Text}
	if !utf8.ValidString(d.Text) {
		v.addf("text is not valid UTF-8")
	}
	for i, s := range d.Sentences {
		v.span(fmt.Sprintf("sentence %d", i), s.Start, s.End)
		if i > 0 && s.Start < d.Sentences[i-1].End {
			v.addf("sentence %d overlaps or precedes sentence %d", i, i-1)
		}
	}
	entities := v.ids("entity", len(d.Entities), func(i int) string { return d.Entities[i].ID })
	for _, e := range d.Entities {
		if e.Type == "" {
			v.addf("entity %s: empty type", e.ID)
		}
		if len(e.Mentions) == 0 {
			v.addf("entity %s: no mentions", e.ID)
		}
		for j, m := range e.Mentions {
			v.extent(fmt.Sprintf("entity %s mention %d", e.ID, j), m.Start, m.End, m.Text)
		}
	}
	times := v.ids("time", len(d.Times), func(i int) string { return d.Times[i].ID })
	for _, t := range d.Times {
		v.extent("time "+t.ID, t.Start, t.End, t.Text)
		if t.Type == "" || t.Value == "" {
			v.addf("time %s: empty type or value", t.ID)
		}
	}
	v.ids("quote", len(d.Quotes), func(i int) string { return d.Quotes[i].ID })
	for _, q := range d.Quotes {
		name := "quote " + q.ID
		v.extent(name, q.Start, q.End, q.Text)
		v.ref(name+" speaker", q.Speaker, entities)
		v.ref(name+" addressee", q.Addressee, entities)
		if q.Cue != nil {
			v.extent(name+" cue", q.Cue.Start, q.Cue.End, q.Cue.Text)
		}
		if q.SpeakerSpan != nil {
			v.span(name+" speaker_span", q.SpeakerSpan.Start, q.SpeakerSpan.End)
		}
	}
	v.ids("event", len(d.Events), func(i int) string { return d.Events[i].ID })
	for _, e := range d.Events {
		name := "event " + e.ID
		v.extent(name+" trigger", e.Trigger.Start, e.Trigger.End, e.Trigger.Text)
		for j, m := range e.Mentions {
			v.extent(fmt.Sprintf("%s mention %d", name, j), m.Start, m.End, m.Text)
		}
		v.ref(name+" time", e.Time, times)
		v.ref(name+" place", e.Place, entities)
		for _, p := range e.Participants {
			v.ref(name+" "+p.Role, p.Entity, entities)
		}
	}
	v.ids("deadline", len(d.Deadlines), func(i int) string { return d.Deadlines[i].ID })
	for _, dl := range d.Deadlines {
		name := "deadline " + dl.ID
		v.extent(name+" trigger", dl.Trigger.Start, dl.Trigger.End, dl.Trigger.Text)
		v.ref(name+" time", dl.Time, times)
		v.ref(name+" setter", dl.Setter, entities)
		v.ref(name+" target", dl.Target, entities)
	}
	return errors.Join(v.errs...)
}

type validator struct {
	text string
	errs []error
}

func (v *validator) addf(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

// span checks that [start, end) is a valid range on rune boundaries.
func (v *validator) span(name string, start, end int) bool {
	if start < 0 || end > len(v.text) || start > end {
		v.addf("%s: span [%d,%d) outside text of %d bytes", name, start, end, len(v.text))
		return false
	}
	if !boundary(v.text, start) || !boundary(v.text, end) {
		v.addf("%s: span [%d,%d) not on rune boundaries", name, start, end)
		return false
	}
	return true
}

// extent checks a span and that its repeated text equals the bytes it names.
func (v *validator) extent(name string, start, end int, text string) {
	if v.span(name, start, end) && v.text[start:end] != text {
		v.addf("%s: text %q differs from the span's bytes %q", name, text, v.text[start:end])
	}
}

// ids checks n ids for emptiness and duplicates and returns them as a set.
func (v *validator) ids(layer string, n int, id func(int) string) map[string]bool {
	seen := make(map[string]bool, n)
	for i := range n {
		s := id(i)
		switch {
		case s == "":
			v.addf("%s %d: empty id", layer, i)
		case seen[s]:
			v.addf("%s %s: duplicate id", layer, s)
		}
		seen[s] = true
	}
	return seen
}

// ref checks that a non-empty reference names an item of the set.
func (v *validator) ref(name, id string, set map[string]bool) {
	if id != "" && !set[id] {
		v.addf("%s: unknown id %q", name, id)
	}
}

// boundary reports whether byte offset i of s starts a rune (or is len(s)).
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
