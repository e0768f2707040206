package server

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"dateline/internal/doc"
	"dateline/internal/store"
)

// The store indexes events but its contract has no event query yet, so
// events are read from the documents a filtered search keeps. maxEventDocs
// bounds that work per request.
const maxEventDocs = 60

// EventHit is one event with its document, named participants and the
// sentence it was found in.
type EventHit struct {
	DocID        string           `json:"doc"`
	DocDate      string           `json:"doc_date,omitempty"`
	DocTitle     string           `json:"doc_title,omitempty"`
	ID           string           `json:"id"`
	Type         string           `json:"type"`
	Trigger      string           `json:"trigger"`
	Time         string           `json:"time,omitempty"` // TIMEX3 value
	TimeText     string           `json:"time_text,omitempty"`
	Day          string           `json:"day,omitempty"` // the event's day, else the document's
	Place        string           `json:"place,omitempty"`
	Participants []ParticipantHit `json:"participants,omitempty"`
	Negated      bool             `json:"negated,omitempty"`
	Modality     string           `json:"modality,omitempty"`
	Sentence     string           `json:"sentence"`
}

// ParticipantHit is a participant by name.
type ParticipantHit struct {
	Role string `json:"role"`
	store.EntityRef
}

// eventQuery selects events.
type eventQuery struct {
	store.Filter
	Type   string          // event type; empty for any
	Entity store.EntityRef // keep events this entity takes part in; zero for any
	Limit  int
}

// events returns the events q selects, in time order.
func (s *Server) events(ctx context.Context, q eventQuery) ([]EventHit, error) {
	f := q.Filter
	if isEntityType(f.Type) {
		f.Type = "" // an entity-type filter narrows documents, not events
	}
	res, err := s.cfg.Store.Search(ctx, store.Query{Filter: f, Limit: maxEventDocs})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	var out []EventHit
	for _, h := range res.Hits {
		d, err := s.cfg.Store.Get(ctx, h.ID)
		if err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		out = append(out, docEvents(d, q)...)
	}
	slices.SortStableFunc(out, func(a, b EventHit) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.DocID, b.DocID))
	})
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[len(out)-q.Limit:] // the latest
	}
	return out, nil
}

// isEntityType reports whether t names an entity type rather than an event
// type; the store's Type filter accepts both.
func isEntityType(t string) bool {
	switch t {
	case doc.Person, doc.Org, doc.GPE, doc.Loc, doc.Fac, doc.NORP, doc.EventName, doc.Product, doc.WorkOfArt, doc.Law:
		return true
	}
	return false
}

// docEvents lists the events of d that q keeps.
func docEvents(d *doc.Document, q eventQuery) []EventHit {
	ents := make(map[string]*doc.Entity, len(d.Entities))
	for i := range d.Entities {
		ents[d.Entities[i].ID] = &d.Entities[i]
	}
	times := make(map[string]*doc.Time, len(d.Times))
	for i := range d.Times {
		times[d.Times[i].ID] = &d.Times[i]
	}
	var out []EventHit
	for _, ev := range d.Events {
		if q.Type != "" && !isEntityType(q.Type) && ev.Type != q.Type {
			continue
		}
		if q.Entity.Name != "" && !involves(ev, ents, q.Entity) {
			continue
		}
		h := EventHit{DocID: d.ID, DocDate: d.Date, DocTitle: d.Title, ID: ev.ID, Type: ev.Type,
			Trigger: ev.Trigger.Text, Sentence: sentenceAt(d, ev.Trigger.Start), Day: store.Day(d.Date)}
		if t := times[ev.Time]; t != nil {
			h.Time, h.TimeText = t.Value, t.Text
			if day := store.Day(t.Value); day != "" {
				h.Day = day
			}
		}
		if e := ents[ev.Place]; e != nil {
			h.Place = e.Name
		}
		for _, p := range ev.Participants {
			if e := ents[p.Entity]; e != nil {
				h.Participants = append(h.Participants, ParticipantHit{Role: p.Role, EntityRef: store.EntityRef{Name: e.Name, Type: e.Type}})
			}
		}
		if a := ev.Attributes; a != nil {
			h.Negated, h.Modality = a.Negated, a.Modality
		}
		out = append(out, h)
	}
	return out
}

// involves reports whether ref (by type and folded name or alias, as the
// store links entities) takes part in ev.
func involves(ev doc.Event, ents map[string]*doc.Entity, ref store.EntityRef) bool {
	for _, p := range ev.Participants {
		if e := ents[p.Entity]; e != nil && sameEntity(e, ref) {
			return true
		}
	}
	return false
}

// sameEntity reports whether a document's entity is the cross-document
// entity ref.
func sameEntity(e *doc.Entity, ref store.EntityRef) bool {
	if ref.Type != "" && e.Type != ref.Type {
		return false
	}
	key := store.NameKey(ref.Name)
	if store.NameKey(e.Name) == key {
		return true
	}
	for _, a := range e.Aliases {
		if store.NameKey(a) == key {
			return true
		}
	}
	return false
}

// sentenceAt returns the sentence holding byte offset off, or a window of
// text around it when the document has no sentence layer.
func sentenceAt(d *doc.Document, off int) string {
	for _, s := range d.Sentences {
		if s.Start <= off && off < s.End && s.End <= len(d.Text) {
			return strings.TrimSpace(d.Text[s.Start:s.End])
		}
	}
	return store.Lead(d.Text[max(0, min(off, len(d.Text))):], 200)
}
