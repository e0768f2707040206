// Package read turns input files and streams into documents, one at a time.
//
// Three formats are read here: the seed line format (`date YYYY-MM-DD <text>`,
// one article per file), plain text (one article per file, dated by
// [Options.Date]) and JSONL (one JSON object per line with at least "text").
// [Detect] picks the format from a file's name and first bytes; [Options.Format]
// overrides it.
//
// Readers stream: a JSONL file is read line by line and a directory file by
// file, so memory stays flat whatever the input size. A bad item yields an
// [*Error] naming the file (and line) and reading goes on with the next item.
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
)

// ParseFormat parses a --in flag value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case Auto, Seed, Text, JSONL:
		return f, nil
	case "auto":
		return Auto, nil
	}
	return Auto, fmt.Errorf("unknown input format %q (want auto, seed, text or jsonl)", s)
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
	Line int    // 1-based line for JSONL, 0 otherwise
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Errors callers may branch on.
var (
	ErrEmpty    = errors.New("empty text")
	ErrTooLarge = errors.New("document larger than the size cap")
)
