// Package doc defines dateline's document: the article text and the layers that
// pipeline stages add to it (sentences, entities, times, quotes, events,
// deadlines). It is the contract between stages, the CLI, the store, the HTTP API
// and the scorers, so its JSON shape is versioned (docs/format.md, v1) and kept
// stable.
//
// Every span is a half-open range of UTF-8 byte offsets into [Document.Text]:
// Text[Start:End] in Go. Offsets into bytes (not runes or UTF-16 units) make
// slicing free in Go and are what the scorers in shared/eval read.
//
// doc imports no other dateline package; everything else depends on it.
package doc

// Document is one article and everything dateline found in it.
//
// Fields a stage did not produce are omitted from JSON (or empty), never filled
// with placeholders.
type Document struct {
	ID     string `json:"id,omitempty"`
	Date   string `json:"date,omitempty"` // document creation time: ISO 8601 date or date-time
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
	Lang   string `json:"lang,omitempty"`
	Text   string `json:"text"`

	Sentences []Span     `json:"sentences,omitempty"`
	Entities  []Entity   `json:"entities,omitempty"`
	Times     []Time     `json:"times,omitempty"`
	Quotes    []Quote    `json:"quotes,omitempty"`
	Events    []Event    `json:"events,omitempty"`
	Deadlines []Deadline `json:"deadlines,omitempty"`

	// Tokens are the words and punctuation of Text in order. They are a working
	// layer for later stages and are not part of the JSON format: any reader of
	// a document can rebuild them with the tokeniser.
	Tokens []Token `json:"-"`
}

// Span is a half-open byte range [Start, End) of the document text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte; an empty span
// overlaps nothing.
func (s Span) Overlaps(o Span) bool {
	return s.Start < o.End && o.Start < s.End && s.Start < s.End && o.Start < o.End
}

// Extent is a span together with the text it covers, repeated so that a reader
// of the JSON need not slice the text. The validator checks the two agree.
type Extent struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Span returns the byte range of e.
func (e Extent) Span() Span { return Span{e.Start, e.End} }

// ExtentOf returns the extent of text[start:end].
func ExtentOf(text string, start, end int) Extent {
	return Extent{Start: start, End: end, Text: text[start:end]}
}

// TokenKind classifies a token by its surface shape.
type TokenKind uint8

// Token kinds. Word covers letters and letter-digit mixes ("G7", "U.S."),
// Number covers digits with inner separators ("3.5", "1,000", "2025-08-06" is
// split by the tokeniser), Punct is punctuation including quote marks, Symbol
// is everything else that is not space ("$", "%", "&").
const (
	Word TokenKind = iota + 1
	Number
	Punct
	Symbol
)

// String returns the kind's name.
func (k TokenKind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case Symbol:
		return "symbol"
	}
	return "unknown"
}

// Token is one word, number or punctuation mark.
type Token struct {
	Start int
	End   int
	Kind  TokenKind
	// SpaceBefore reports whether whitespace precedes the token; stages use it
	// to tell "U.S." from "U. S." and open quotes from closing ones.
	SpaceBefore bool
}

// Span returns the byte range of t.
func (t Token) Span() Span { return Span{t.Start, t.End} }

// Entity types (OntoNotes names).
const (
	Person    = "PERSON"
	Org       = "ORG"
	GPE       = "GPE"
	Loc       = "LOC"
	Fac       = "FAC"
	NORP      = "NORP"
	EventName = "EVENT"
	Product   = "PRODUCT"
	WorkOfArt = "WORK_OF_ART"
	Law       = "LAW"
)

// Entity is one real-world referent inside the document with all its mentions.
type Entity struct {
	ID       string    `json:"id"`
	Type     string    `json:"type"`
	Name     string    `json:"name"`              // fullest proper name seen
	Titles   []string  `json:"titles,omitempty"`  // role phrases: "US President", "special envoy"
	Aliases  []string  `json:"aliases,omitempty"` // other names seen: "Trump"
	Mentions []Mention `json:"mentions"`
}

// Mention is one place in the text that refers to an entity.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Kind says how the mention names the entity: "name" (proper name),
	// "nominal" ("the Russian leader") or "pronoun" ("he"). Empty means name.
	Kind string `json:"kind,omitempty"`
}

// Span returns the byte range of m.
func (m Mention) Span() Span { return Span{m.Start, m.End} }

// Time types (TIMEX3).
const (
	Date      = "DATE"
	TimeOfDay = "TIME"
	Duration  = "DURATION"
	Set       = "SET"
)

// Time is a TIMEX3 time expression normalised against the document date.
type Time struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	// Mod is the TIMEX3 mod attribute: "START", "MID", "END", "APPROX",
	// "MORE_THAN", ...
	Mod string `json:"mod,omitempty"`
}

// Span returns the byte range of t.
func (t Time) Span() Span { return Span{t.Start, t.End} }

// Quote kinds.
const (
	Direct   = "direct"
	Partial  = "partial"
	Indirect = "indirect"
	Mixed    = "mixed"
)

// Quote is something a source said: its content, who said it and the cue word.
// Start and End cover the content without quote marks.
type Quote struct {
	ID          string  `json:"id"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Text        string  `json:"text"`
	Speaker     string  `json:"speaker,omitempty"` // entity id
	SpeakerText string  `json:"speaker_text,omitempty"`
	SpeakerSpan *Span   `json:"speaker_span,omitempty"`
	Addressee   string  `json:"addressee,omitempty"` // entity id
	Cue         *Extent `json:"cue,omitempty"`
	Kind        string  `json:"kind"`
}

// Span returns the byte range of q's content.
func (q Quote) Span() Span { return Span{q.Start, q.End} }

// Participant roles in an event.
const (
	Agent         = "agent"
	Partner       = "partner"
	Target        = "target"
	SpeakerRole   = "speaker"
	AddresseeRole = "addressee"
	Topic         = "topic"
)

// Event is something that happened (or was said to happen) with its
// participants, place and time.
type Event struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Trigger Extent `json:"trigger"`
	// Mentions are further triggers of the same event in this document ("the
	// talks", "The meeting").
	Mentions     []Extent      `json:"mentions,omitempty"`
	Time         string        `json:"time,omitempty"`  // time id
	Place        string        `json:"place,omitempty"` // entity id
	Participants []Participant `json:"participants,omitempty"`
	Attributes   *Attributes   `json:"attributes,omitempty"`
}

// Participant links an entity to an event in a role.
type Participant struct {
	Role   string `json:"role"`
	Entity string `json:"entity"`
}

// Attributes qualify an event.
type Attributes struct {
	Duration   string   `json:"duration,omitempty"`   // TIMEX3 duration: "PT3H"
	Count      int      `json:"count,omitempty"`      // "the fifth time" → 5
	Modality   string   `json:"modality,omitempty"`   // "asserted", "hypothetical", "claimed"
	Negated    bool     `json:"negated,omitempty"`    // "did not meet"
	Evaluation []string `json:"evaluation,omitempty"` // the sources' words: "useful"
}

// Deadline is a deadline or ultimatum: who set it, for whom, what is demanded,
// what happens otherwise, and by when.
type Deadline struct {
	ID          string `json:"id"`
	By          string `json:"by,omitempty"`   // TIMEX3 date value
	Time        string `json:"time,omitempty"` // time id
	Setter      string `json:"setter,omitempty"`
	Target      string `json:"target,omitempty"`
	Demand      string `json:"demand,omitempty"`
	Consequence string `json:"consequence,omitempty"`
	Trigger     Extent `json:"trigger"`
	Status      string `json:"status,omitempty"` // one of the Status values below
}

// Deadline status values. An article reports the first five (Deadline.Status);
// StatusExpired is never reported by an article: the cross-document layer gives it
// to a pending or extended deadline whose date has passed with no outcome reported.
// They are declared here, beside Deadline, so the extracting stage, the tracker and
// the UI spell them once.
const (
	StatusPending   = "pending"
	StatusMet       = "met"
	StatusMissed    = "missed"
	StatusExtended  = "extended"
	StatusWithdrawn = "withdrawn"
	StatusExpired   = "expired, outcome unknown"
)
