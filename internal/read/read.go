// Package read turns input files and streams into documents, one at a time.
//
// Six formats are read here: the seed line format (`date YYYY-MM-DD <text>`,
// one article per file), plain text (one article per file, dated by
// [Options.Date]), JSONL (one JSON object per line with at least "text"),
// HTML pages (article text and metadata extracted with trafilatura), feeds
// (RSS, Atom, JSON Feed: one document per item) and WARC web archives (one
// document per archived HTML page). http(s) URLs given as inputs are fetched
// (see [Fetcher]) and read as a page or feed.
// [Detect] picks the format from a file's name and first bytes; [Options.Format]
// overrides it. [All] reads files, directories and standard input; [Stream]
// reads one stream.
//
// Readers stream: a JSONL file is read line by line and a directory file by
// file, so memory stays flat whatever the input size; only one document (and
// one read buffer) is held at a time. A bad item yields an [*Error] naming the
// file (and, for JSONL, the 1-based line, blank lines counted) and reading goes
// on with the next item; the caller decides whether to stop.
//
// Deliberate choices about awkward input, each covered by a test:
//
//   - Text is kept byte for byte, so offsets match the input, except that a
//     leading UTF-8 byte-order mark is dropped and invalid UTF-8 sequences
//     become U+FFFD (every offset a stage writes must land on a rune boundary
//     of valid UTF-8; losing a whole article to one stray byte of a scraped page
//     would be worse). CRLF line ends are kept as they are.
//   - Plain text and JSONL "text" are not trimmed; seed text is the rest of the
//     file after the header, trimmed of surrounding white space, with paragraph
//     breaks inside it kept.
//   - A document whose text is empty or only white space is an error
//     ([ErrEmpty]): there is nothing to analyse, and silently emitting nothing
//     would hide a broken input. An empty JSONL file, by contrast, is a
//     container with no documents and yields nothing.
//   - One document is capped at [Options.MaxDocBytes] (default 64 MiB), so
//     one runaway line cannot exhaust memory. A longer JSONL line is held only
//     up to the cap, the rest is skipped in 64 KiB chunks, it is reported as
//     [ErrTooLarge] with its line number, and the next line reads normally.
//     Lines of tens of megabytes below the cap are read.
//   - Input that starts with a UTF-16 byte-order mark is refused with
//     [ErrUTF16], and, when the format is detected, a file with a NUL byte in
//     its first 512 bytes is refused as [ErrBinary] (a stray archive or image in
//     a corpus directory); --in text forces such a file to be read.
//   - A JSONL line must hold exactly one JSON object. Unknown fields are
//     ignored (feeds carry authors, tags, ...); null fields count as absent; a
//     numeric "id" is kept as its decimal text, since exported datasets often
//     number their rows; any other field of the wrong type is an error naming
//     the field. "date" should be ISO 8601 (see [doc.ParseDate]); a line whose date
//     is not is still read, dated by [Options.Date] or undated, with
//     [Item.Warn] saying so: one malformed date must not lose an article.
//   - Directories are walked recursively in lexical order. Hidden files and
//     directories (names starting with ".") are skipped, symbolic links to
//     files are read, and symbolic links to directories found inside are not
//     followed (no cycles); a directory named as an input may itself be a link.
package read

import (
	"errors"
	"fmt"
)

// Format names an input format.
type Format string

// Input formats. Auto detects the format per file.
const (
	Auto  Format = ""
	Seed  Format = "seed"
	Text  Format = "text"
	JSONL Format = "jsonl"
	HTML  Format = "html" // a web page; see parseHTML
	Feed  Format = "feed" // RSS, Atom or JSON Feed; one document per item
	WARC  Format = "warc" // web archive; one document per HTML response
)

// ParseFormat parses a --in flag value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case Auto, Seed, Text, JSONL, HTML, Feed, WARC:
		return f, nil
	case "auto":
		return Auto, nil
	case "rss", "atom":
		return Feed, nil
	}
	return Auto, fmt.Errorf("unknown input format %q (want auto, seed, text, jsonl, html, feed or warc)", s)
}

// Options configure reading.
type Options struct {
	// Format forces one format for every input; Auto detects per file.
	Format Format
	// Date is the document date given to inputs that carry none (plain text,
	// JSONL lines without "date"). Empty leaves them undated.
	Date string
	// MaxDocBytes caps one document's size (a JSONL line, a text file);
	// larger items are reported as errors and skipped. Zero means
	// DefaultMaxDocBytes.
	MaxDocBytes int
	// Fetcher downloads URL inputs (and feed item pages with FetchItems);
	// nil uses one with the default limits.
	Fetcher *Fetcher
	// FetchItems fetches and extracts the linked page of every feed item
	// whose own text is a teaser rather than the article.
	FetchItems bool
}

// DefaultMaxDocBytes is the size cap of one document when Options leaves it
// zero: far above any real article, low enough that one runaway line cannot
// exhaust memory.
const DefaultMaxDocBytes = 64 << 20

func (o Options) maxDoc() int {
	if o.MaxDocBytes > 0 {
		return o.MaxDocBytes
	}
	return DefaultMaxDocBytes
}

// Error is a problem with one input item: a file that cannot be read, a JSONL
// line that is not JSON, a document without text. Reading goes on after it.
type Error struct {
	Path string // file path, or "-" for standard input
	Line int    // 1-based line for JSONL, item for feeds, record for WARC; 0 otherwise
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Errors callers may branch on with [errors.Is].
var (
	ErrEmpty    = errors.New("empty text")
	ErrTooLarge = errors.New("document larger than the size cap")
	ErrBinary   = errors.New("binary file (NUL byte near the start); use --in text to read it anyway")
	ErrUTF16    = errors.New("UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)")
)
