// Package store is the contract for dateline's archive of analysed documents:
// the [Store] interface every backend implements, the query and result types
// it speaks, and the few helpers (content hashes, name keys, snippet markers)
// backends share so that they agree on what "the same" means.
//
// A store keeps each document whole, so [Store.Get] returns exactly what was
// put, and also spreads its layers over tables (entities and mentions, times,
// quotes, events and participants, deadlines) so that the questions people ask
// across documents — which articles mention Putin between two dates, who has
// been quoted about Ukraine, which deadlines are still open — are answered by
// the database, not by reading every document.
//
// Entities are per document in [doc.Document] ("e1" in one article is unrelated
// to "e1" in the next). Across documents the store links them by type and
// folded name ([NameKey]): two PERSON entities named "Vladimir Putin" are one
// entity in the store. Names and aliases both find an entity.
//
// Backends live in subpackages (store/sqlite, store/postgres) and are checked
// by one conformance suite, store/storetest. Consumers should declare a small
// interface with only the methods they call rather than depend on [Store].
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"iter"
	"time"

	"dateline/internal/doc"
	"dateline/internal/store/neardup"
)

// Errors callers branch on. Backends wrap them with context; test with
// [errors.Is].
var (
	// ErrNotFound reports that no document, entity or content hash matches.
	ErrNotFound = errors.New("not found")
	// ErrInvalid reports a query or entry the store cannot accept: a bad date
	// bound, a negative limit, a search with no positive term.
	ErrInvalid = errors.New("invalid request")
)

// Store is a persistent archive of analysed documents. Implementations are
// safe for concurrent use by multiple goroutines; every method honours ctx.
// Errors other than the sentinels above come from the database and are
// wrapped with the operation that failed.
type Store interface {
	// Put stores a batch of ingest entries in one transaction, so after a
	// crash either the whole batch is stored or none of it is. It returns one
	// [Result] per entry, in order, and writes every entry to the ingest log.
	//
	// An entry whose text's content hash is already stored (by an earlier
	// batch or earlier in this one) is a [Duplicate]: nothing but the log line
	// is written. An entry whose document id is stored with different content
	// replaces that document ([Updated]). An entry with a Failure is logged as
	// [Failed]. Put returns [ErrInvalid] for an entry with neither a document
	// nor a failure, or with a document without an id; in that case nothing
	// of the batch is stored.
	Put(ctx context.Context, batch []Entry) ([]Result, error)

	// ContentID returns the id of the stored document whose text has the
	// content hash h (see [Hash]), or [ErrNotFound]. Ingest uses it to skip
	// analysing exact duplicates.
	ContentID(ctx context.Context, h string) (string, error)

	// Get returns the document stored under id, as it was put, or
	// [ErrNotFound].
	Get(ctx context.Context, id string) (*doc.Document, error)

	// Search returns the documents matching q, best first, with the total
	// number of matches. It returns [ErrInvalid] for a malformed query (bad
	// dates, negative limit or offset, only negated terms).
	Search(ctx context.Context, q Query) (Results, error)

	// Documents yields every document matching f in date order (oldest
	// first, then by id), for export. It yields a non-nil error at most once,
	// as the last item: [ErrInvalid] for a bad filter, or a database error.
	Documents(ctx context.Context, f Filter) iter.Seq2[*doc.Document, error]

	// Entity reports on the entity a name or alias denotes: where it is
	// mentioned, the names and titles given to it over time and the
	// entities seen with it. Articles that name it only in part and were
	// linked to it across articles count as its appearances. When several
	// entities answer to the name, one whose full name matches is
	// preferred, then the one in the most documents; the others are listed
	// in [EntityReport.Also]. A name that is only a part of several
	// entities' names ("Kim") is [EntityReport.Ambiguous]. It returns
	// [ErrNotFound] when no entity has the name, [ErrInvalid] for an empty
	// name.
	Entity(ctx context.Context, q EntityQuery) (*EntityReport, error)

	// Quotes returns quotes matching q, newest document first. It returns
	// [ErrInvalid] for bad date bounds or a negative limit or offset.
	Quotes(ctx context.Context, q QuoteQuery) ([]QuoteHit, error)

	// Deadlines returns deadlines matching q, soonest first. It returns
	// [ErrInvalid] for a bad AsOf date or a negative limit.
	Deadlines(ctx context.Context, q DeadlineQuery) ([]DeadlineHit, error)

	// Log returns ingest log entries matching q, newest first. It returns
	// [ErrInvalid] for an unknown status or a negative limit.
	Log(ctx context.Context, q LogQuery) ([]LogEntry, error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)

	// Close releases the store. Calls after Close fail.
	Close() error
}

// Entry is one input to [Store.Put]: an analysed document, or the reason an
// input could not become one. Exactly one of Doc and Failure is set.
type Entry struct {
	// Input names where the entry came from, for the log: a file path, a
	// "path:line" of a JSONL stream, or the document id.
	Input string
	// Doc is the analysed document. Its ID must be set.
	Doc *doc.Document
	// Hash is [Hash](Doc.Text); Put computes it when empty.
	Hash string
	// Failure says why the input could not be read or analysed.
	Failure string
	// MinHash is the near-duplicate signature of Doc's text (see package
	// neardup), or nil for a text too short to have one. A stored document
	// with a signature is indexed, so later copies of it are found by
	// [NearDuplicateIndex.NearDuplicate].
	MinHash *neardup.Signature
	// NearDuplicateOf, when set, records Doc as a near-duplicate of the
	// stored document with this id instead of storing it: the copy gets a
	// row in the near-duplicate table (its id, URL, title, source, date and
	// Similarity) and a [Duplicate] log line naming the original.
	NearDuplicateOf string
	Similarity      float64
	// Prepared is what the backend's [Preparer.Prepare] computed from Doc
	// beforehand, or nil. Put ignores a value it did not make or made for
	// another document; Doc must not change between Prepare and Put.
	Prepared any
}

// Preparer is implemented by stores that can do part of Put's work for an
// entry before Put: checking and encoding the document and reading from its
// text what the cross-document layers need. Put runs on one writer at a
// time; ingest calls Prepare on its analysis workers, in parallel, so that
// this work leaves the writer's path. Prepare must not touch the database
// and is safe for concurrent use.
type Preparer interface {
	Prepare(e *Entry)
}

// NearDuplicateIndex finds and lists near-duplicates: syndicated copies of
// a stored story with a different headline, byline or paragraph. Both SQL
// backends implement it; it is separate from [Store] so that consumers
// (and test doubles) that do not deal with copies need not.
type NearDuplicateIndex interface {
	// NearDuplicate returns the id of the stored document most similar to
	// a text with signature sig, and their estimated similarity, when it is
	// at least [neardup.Threshold]; else [ErrNotFound]. Its cost does not
	// grow with the number of stored documents.
	NearDuplicate(ctx context.Context, sig neardup.Signature) (id string, similarity float64, err error)
	// NearDuplicates lists the copies recorded as near-duplicates of the
	// document with id original, most similar first.
	NearDuplicates(ctx context.Context, original string) ([]NearDuplicate, error)
}

// NearDuplicate is a copy recorded instead of stored.
type NearDuplicate struct {
	ID         string  `json:"id"`
	Original   string  `json:"original"`
	Similarity float64 `json:"similarity"`
	Title      string  `json:"title,omitempty"`
	URL        string  `json:"url,omitempty"`
	Source     string  `json:"source,omitempty"`
	Date       string  `json:"date,omitempty"`
}

// Status is the outcome of one ingest entry.
type Status string

// Ingest outcomes.
const (
	Added     Status = "added"     // a new document was stored
	Updated   Status = "updated"   // a stored document with the same id was replaced
	Duplicate Status = "duplicate" // the same text was already stored
	Failed    Status = "failed"    // the input could not be read or analysed
)

// OK reports whether s stored a document.
func (s Status) OK() bool { return s == Added || s == Updated }

// ParseStatus parses a status name; the empty string is the zero Status.
func ParseStatus(s string) (Status, error) {
	switch st := Status(s); st {
	case "", Added, Updated, Duplicate, Failed:
		return st, nil
	}
	return "", errors.New("unknown ingest status " + `"` + s + `"`)
}

// Result is the outcome of one [Entry].
type Result struct {
	Status Status
	// ID is the stored document's id: the entry's own, or for a duplicate the
	// id of the document that already has this text. Empty for a failure.
	ID string
}

// Filter narrows documents. Zero fields do not filter.
type Filter struct {
	// Entity keeps documents mentioning an entity with this name or alias
	// (compared by [NameKey]).
	Entity string
	// Type keeps documents with an entity of this type (PERSON, GPE, ...) or
	// an event of this type (MEET, SANCTION, ...); the two sets of names are
	// disjoint.
	Type string
	// From and To keep documents dated on or after From and on or before To
	// (YYYY-MM-DD). Undated documents are dropped when either is set.
	From, To string
	// Source keeps documents from this source (case-insensitive).
	Source string
}

// Query is a full-text search over documents' titles and text.
type Query struct {
	// Text is the search: words (stemmed, all required), "quoted phrases"
	// and -excluded words; see [ParseTerms]. Empty text lists the documents
	// matching the filter, newest first.
	Text string
	Filter
	// Limit caps the hits returned; zero means [DefaultLimit].
	Limit  int
	Offset int
}

// DefaultLimit is the number of hits a query returns when its Limit is zero.
const DefaultLimit = 20

// Results is one page of search hits.
type Results struct {
	Hits  []Hit `json:"hits"`
	Total int   `json:"total"` // matches in all pages
}

// Hit is one matching document.
type Hit struct {
	ID     string `json:"id"`
	Date   string `json:"date,omitempty"`
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	// Snippet is a short passage of the text around the matched words (the
	// opening of the text when the query has no words); Highlights are the
	// byte ranges of matched words inside Snippet.
	Snippet    string     `json:"snippet"`
	Highlights []doc.Span `json:"highlights,omitempty"`
	// Score orders hits: higher is better. It is comparable only within one
	// result set.
	Score float64 `json:"score"`
}

// EntityQuery asks for a report on one entity.
type EntityQuery struct {
	Name string
	// Type restricts the entity's type (PERSON, ORG, ...); empty allows any.
	Type string
	// Limit caps Appearances and CoOccurring; zero means [DefaultLimit].
	Limit int
}

// EntityRef names an entity across documents.
type EntityRef struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// EntityReport is what the store knows about one entity.
type EntityReport struct {
	EntityRef
	Documents int    `json:"documents"`       // documents mentioning it
	Mentions  int    `json:"mentions"`        // mentions in all documents
	First     string `json:"first,omitempty"` // date of the earliest dated document mentioning it
	Last      string `json:"last,omitempty"`  // date of the latest
	// Appearances are the documents mentioning it, newest first.
	Appearances []Appearance `json:"appearances"`
	// Titles are the role phrases given to it, in order of first use.
	Titles []TitleUse `json:"titles"`
	// CoOccurring are the entities mentioned in the same documents, most
	// shared documents first.
	CoOccurring []CoOccurrence `json:"co_occurring"`
	// Also lists other entities answering to the same name.
	Also []EntityRef `json:"also,omitempty"`
	// Names are the names and aliases it is mentioned by, most used first,
	// including the partial names of articles linked to it ("Kim").
	Names []NameUse `json:"names,omitempty"`
	// Ambiguous is set when the name denotes several entities and none by
	// its exact full name (a surname several people share): the report is
	// on the most mentioned, and Candidates lists them all.
	Ambiguous  bool              `json:"ambiguous,omitempty"`
	Candidates []EntityCandidate `json:"candidates,omitempty"`
}

// NameUse is a name an entity was mentioned by and when.
type NameUse struct {
	Name     string `json:"name"`
	Mentions int    `json:"mentions"`
	First    string `json:"first,omitempty"` // document days
	Last     string `json:"last,omitempty"`
}

// EntityCandidate is one of the entities an ambiguous name may denote.
type EntityCandidate struct {
	EntityRef
	Documents int    `json:"documents"`
	First     string `json:"first,omitempty"`
	Last      string `json:"last,omitempty"`
	// Titles are its most used titles, to tell namesakes apart.
	Titles []string `json:"titles,omitempty"`
	// Unresolved marks the articles whose partial name was linked to no
	// fuller-named entity.
	Unresolved bool `json:"unresolved,omitempty"`
}

// Appearance is one document mentioning an entity.
type Appearance struct {
	DocID    string `json:"doc"`
	Date     string `json:"date,omitempty"`
	Title    string `json:"title,omitempty"`
	Mentions int    `json:"mentions"`
	// Forms are the distinct texts of its mentions in the document, in order
	// of first appearance.
	Forms []string `json:"forms"`
	// Link says why the document's partial name ("Kim") was taken for this
	// entity; empty when the document names it in full.
	Link string `json:"link,omitempty"`
}

// TitleUse is a title given to an entity and when.
type TitleUse struct {
	Title     string `json:"title"`
	First     string `json:"first,omitempty"` // document dates
	Last      string `json:"last,omitempty"`
	Documents int    `json:"documents"`
}

// CoOccurrence is an entity seen in the same documents as another.
type CoOccurrence struct {
	EntityRef
	Documents int `json:"documents"`
}

// QuoteQuery selects quotes. Zero fields do not filter.
type QuoteQuery struct {
	// Speaker keeps quotes whose speaker entity has this name or alias (or
	// was linked across articles to an entity that has), or whose speaker
	// text is this name. With About, it is the claim history of a speaker
	// on a topic or entity.
	Speaker string
	// About keeps quotes whose text contains these words (case-insensitive)
	// or that mention an entity with this name or alias.
	About    string
	From, To string // document date bounds, YYYY-MM-DD
	Limit    int    // zero means DefaultLimit
	Offset   int
}

// QuoteHit is one quote with its document.
type QuoteHit struct {
	DocID       string `json:"doc"`
	Date        string `json:"date,omitempty"`
	Title       string `json:"title,omitempty"`
	ID          string `json:"id"` // quote id inside the document
	Text        string `json:"text"`
	Kind        string `json:"kind"`
	Speaker     string `json:"speaker,omitempty"` // the speaker entity's (canonical) name, when identified
	SpeakerText string `json:"speaker_text,omitempty"`
	Cue         string `json:"cue,omitempty"`
}

// DeadlineQuery selects deadlines.
type DeadlineQuery struct {
	// Pending keeps deadlines with no outcome yet (status empty or
	// "pending") whose date is not before AsOf.
	Pending bool
	// AsOf is the day Pending compares against (YYYY-MM-DD); empty means
	// today by the store's clock.
	AsOf  string
	Limit int // zero means DefaultLimit
}

// DeadlineHit is one deadline with its document and named parties.
type DeadlineHit struct {
	DocID       string `json:"doc"`
	Date        string `json:"date,omitempty"`
	Title       string `json:"title,omitempty"`
	ID          string `json:"id"`               // deadline id inside the document
	By          string `json:"by,omitempty"`     // TIMEX3 value as extracted
	Day         string `json:"day,omitempty"`    // By as a YYYY-MM-DD day (see [DeadlineDay]); empty when not a date
	Setter      string `json:"setter,omitempty"` // entity names
	Target      string `json:"target,omitempty"`
	Demand      string `json:"demand,omitempty"`
	Consequence string `json:"consequence,omitempty"`
	Trigger     string `json:"trigger"`
	Status      string `json:"status,omitempty"`
}

// LogQuery selects ingest log entries.
type LogQuery struct {
	Status Status // empty means any
	Limit  int    // zero means DefaultLimit
}

// LogEntry is one line of the ingest log.
type LogEntry struct {
	Time   time.Time `json:"time"`
	Input  string    `json:"input"`
	Status Status    `json:"status"`
	DocID  string    `json:"doc,omitempty"`
	Hash   string    `json:"hash,omitempty"`
	Reason string    `json:"reason,omitempty"`
}

// Stats counts stored items.
type Stats struct {
	Documents int `json:"documents"`
	Entities  int `json:"entities"` // distinct cross-document entities
	Mentions  int `json:"mentions"`
	Times     int `json:"times"`
	Quotes    int `json:"quotes"`
	Events    int `json:"events"`
	Deadlines int `json:"deadlines"`
	Log       int `json:"log"` // ingest log lines
}

// Hash returns the content hash of a document text: lowercase hex SHA-256 of
// its bytes. Two documents are exact duplicates when their hashes match.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
