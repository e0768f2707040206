package store

import (
	"context"

	"dateline/internal/doc"
)

// CrossDoc is the cross-document layer of a store: deadlines tracked across
// articles and stories grouping articles. The SQL backends build it at
// [Store.Put] time (see internal/track and internal/story). It is a separate
// interface so that consumers and fakes that need only [Store] stay small.
type CrossDoc interface {
	// TrackedDeadlines returns deadlines tracked across articles with their
	// histories, soonest due first. q.Pending keeps those still open and not
	// past q.AsOf; q.AsOf (default: today by the store's clock) is also the
	// day against which a deadline past its date with no outcome reads as
	// "expired, outcome unknown".
	TrackedDeadlines(ctx context.Context, q DeadlineQuery) ([]TrackedDeadline, error)

	// Story returns the story with id, or [ErrNotFound].
	Story(ctx context.Context, id int64) (*StoryReport, error)

	// StoryOf returns the id of the story holding the document docID, or
	// [ErrNotFound].
	StoryOf(ctx context.Context, docID string) (int64, error)

	// EntityLinks returns the decisions that linked (or refused to link) an
	// entity named only in part in one article to a fuller-named entity,
	// for entities answering to name, oldest article first. It returns
	// [ErrInvalid] for an empty name.
	EntityLinks(ctx context.Context, name string) ([]EntityLink, error)
}

// EntityLink is one linking decision: the entity Local of document DocID,
// named Name, is Canonical (empty when the name stayed ambiguous), because
// of Reason.
type EntityLink struct {
	DocID     string `json:"doc"`
	Date      string `json:"date,omitempty"`
	Local     string `json:"entity"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	Canonical string `json:"canonical,omitempty"`
	Reason    string `json:"reason"`
}

// TrackedDeadline is one real deadline seen in one or more articles.
type TrackedDeadline struct {
	ID     int64  `json:"id"`
	Setter string `json:"setter,omitempty"` // entity names
	Target string `json:"target,omitempty"`
	Demand string `json:"demand,omitempty"`
	Due    string `json:"due,omitempty"` // current due day: the first given, then each extension's
	// Reported is the latest status an article reported; State is what the
	// deadline reads as on AsOf (Reported, or "expired, outcome unknown").
	Reported string           `json:"reported"`
	State    string           `json:"state"`
	AsOf     string           `json:"as_of"`
	Sources  int              `json:"sources"` // articles reporting it
	History  []DeadlineChange `json:"history"`
}

// DeadlineChange is one article's report of a tracked deadline, oldest
// first: a sighting that restates it, or a sentence reporting an outcome.
type DeadlineChange struct {
	Day      string   `json:"day,omitempty"` // the article's day
	DocID    string   `json:"doc"`
	Local    string   `json:"deadline,omitempty"` // deadline id inside the document, if restated
	Due      string   `json:"due,omitempty"`
	Status   string   `json:"status,omitempty"` // status reported, empty when none
	Span     doc.Span `json:"span"`             // evidence sentence
	Evidence string   `json:"evidence"`
	Quote    string   `json:"quote,omitempty"` // quote id overlapping the evidence
	Reason   string   `json:"reason"`          // why the article was matched to the deadline
}

// StoryReport is one story and its articles, oldest first.
type StoryReport struct {
	ID        int64      `json:"id"`
	First     string     `json:"first,omitempty"`
	Last      string     `json:"last,omitempty"`
	Documents []StoryDoc `json:"documents"`
	// Events are the events its articles report, each once however many
	// articles report it, most sources first.
	Events []EventGroup `json:"events,omitempty"`
}

// EventGroup is one real event reported by one or more articles.
type EventGroup struct {
	ID      int64    `json:"id"`
	Type    string   `json:"type"`
	Day     string   `json:"day"`
	Parties []string `json:"parties"` // participants and place, as first reported
	Sources int      `json:"sources"` // distinct articles
	Reports int      `json:"reports"` // event mentions in all of them
	Docs    []string `json:"docs"`    // the articles' ids
}

// StoryDoc is one article of a story with why it joined.
type StoryDoc struct {
	DocID string  `json:"doc"`
	Date  string  `json:"date,omitempty"`
	Title string  `json:"title,omitempty"`
	Score float64 `json:"score"`
	// Shared are the signature elements (entity names, words) it shared with
	// the story when it joined; empty for the article that started it.
	Shared []string `json:"shared,omitempty"`
}
