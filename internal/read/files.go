package read

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"dateline/internal/doc"
)

// Item is one document read, or the error for one input item that could not
// be read. Exactly one of Doc and Err is set. For a document, Path and Line
// say where it came from, so that later failures (an analysis error, an
// invalid output) can name the input too; an error names it itself.
type Item struct {
	Doc  *doc.Document
	Err  error
	Warn error  // a problem that did not cost the document, e.g. an unusable date
	Path string // file path, or "-" for standard input
	Line int    // 1-based JSONL line, 0 for one-document files
}

// bufSize is the read buffer of one stream, and the chunk in which an
// oversized JSONL line is skipped.
const bufSize = 64 << 10

// All reads every path in order (a file, a directory read recursively in
// lexical order, or "-" for stdin) and yields one Item per document or bad
// item. Errors about input are [*Error]s. It stops early when ctx is
// cancelled, yielding ctx's error last.
//
// Inputs that are http(s) URLs are fetched with opts.Fetcher, consecutive
// URLs several at a time, and read as a page or feed; other URL schemes are
// refused with [ErrScheme].
func All(ctx context.Context, paths []string, stdin io.Reader, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		if opts.Fetcher == nil {
			opts.Fetcher = NewFetcher(FetchConfig{})
		}
		for i := 0; i < len(paths); i++ {
			p := paths[i]
			if err := ctx.Err(); err != nil {
				yield(Item{Err: err})
				return
			}
			var more bool
			if isURL(p) {
				j := i + 1
				for j < len(paths) && isURL(paths[j]) {
					j++
				}
				more = readURLs(ctx, paths[i:j], opts, yield)
				i = j - 1
			} else if p == "-" {
				more = readStream(ctx, "-", stdin, opts, yield)
			} else {
				more = readPath(ctx, p, opts, yield)
			}
			if !more {
				return
			}
		}
	}
}

// Stream reads one input stream in opts.Format (detected from name and the
// first bytes when Auto). name labels errors and, for seed and text input,
// becomes the document id (its base name without extension); "-" gives an id
// derived from the content instead.
func Stream(ctx context.Context, name string, r io.Reader, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		if opts.Fetcher == nil {
			opts.Fetcher = NewFetcher(FetchConfig{})
		}
		readStream(ctx, name, r, opts, yield)
	}
}

// readPath reads a file or walks a directory. It returns false when the
// consumer stopped or ctx was cancelled.
func readPath(ctx context.Context, root string, opts Options, yield func(Item) bool) bool {
	info, err := os.Stat(root)
	if err != nil {
		return yield(Item{Err: &Error{Path: root, Err: unwrapPath(err)}})
	}
	if !info.IsDir() {
		return readFile(ctx, root, opts, yield)
	}
	walkRoot := root
	if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		// A link to a directory named on the command line is followed:
		// WalkDir does not follow a root link, but does a root "link/".
		walkRoot = root + string(filepath.Separator)
	}
	more := true
	// The callback never returns an error other than fs.SkipDir/SkipAll, so
	// WalkDir's own result carries nothing.
	_ = filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(Item{Err: &Error{Path: path, Err: unwrapPath(err)}}) {
				more = false
				return fs.SkipAll
			}
			return nil
		}
		if path != walkRoot && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil // hidden files: editor swap files, .DS_Store
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Follow links to files, not to directories: no cycles.
			if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil // sockets, pipes, devices
		}
		if err := ctx.Err(); err != nil {
			yield(Item{Err: err})
			more = false
			return fs.SkipAll
		}
		if !readFile(ctx, path, opts, yield) {
			more = false
			return fs.SkipAll
		}
		return nil
	})
	return more
}

func readFile(ctx context.Context, path string, opts Options, yield func(Item) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(Item{Err: &Error{Path: path, Err: unwrapPath(err)}})
	}
	defer f.Close()
	return readStream(ctx, path, f, opts, yield)
}

// readStream reads one file's worth of input in the given or detected format.
// It returns false when the consumer stopped or ctx was cancelled.
func readStream(ctx context.Context, path string, r io.Reader, opts Options, yield func(Item) bool) bool {
	if err := ctx.Err(); err != nil {
		yield(Item{Err: err})
		return false
	}
	br := bufio.NewReaderSize(r, bufSize)
	head, err := br.Peek(512)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return yield(Item{Err: &Error{Path: path, Err: fmt.Errorf("read: %w", err)}})
	}
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return yield(Item{Err: &Error{Path: path, Err: ErrUTF16}})
	}
	format := opts.Format
	if format == Auto && isWARCName(path) {
		format = WARC // .warc.gz is binary: decide before the NUL check
	}
	if format == Auto {
		if bytes.IndexByte(head, 0) >= 0 {
			return yield(Item{Err: &Error{Path: path, Err: ErrBinary}})
		}
		format = Detect(path, head)
	}
	switch format {
	case JSONL:
		return readJSONL(ctx, path, br, opts, yield)
	case WARC:
		return readWARC(ctx, path, br, opts, yield)
	}
	data, err := readCapped(br, opts.maxDoc())
	if err != nil {
		return yield(Item{Err: &Error{Path: path, Err: err}})
	}
	var d *doc.Document
	switch format {
	case Feed:
		return readFeed(ctx, path, data, opts, yield)
	case HTML:
		d, err = parseHTML(data, page{date: opts.Date})
	case Seed:
		d, err = parseSeed(data)
	default:
		d, err = parseText(data, opts.Date)
	}
	if err != nil {
		return yield(Item{Err: &Error{Path: path, Err: err}})
	}
	d.ID = fileID(path, d.Text)
	return yield(Item{Doc: d, Path: path})
}

// Detect picks the format of a file from its name and first bytes: .jsonl
// and .ndjson files, and files whose first non-space byte is '{', are JSONL;
// .warc and .warc.gz files and files opening with "WARC/1." are WARC;
// .rss and .atom files and XML whose first bytes hold an <rss>, <feed> or
// <rdf:RDF> element are feeds; .html and .htm files and files opening with
// "<!doctype html", "<html" or another tag are HTML; files that open with
// "date YYYY-MM-DD " (after optional blank lines and spaces) are seed files;
// the rest is text.
func Detect(path string, head []byte) Format {
	if isWARCName(path) {
		return WARC
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return JSONL
	case ".rss", ".atom":
		return Feed
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if f := detectMarkup(head); f != Auto {
		return f
	}
	switch {
	case len(head) > 0 && head[0] == '{':
		return JSONL
	case seedHeader(head) > 0:
		return Seed
	}
	return Text
}

// isWARCName reports whether a file name ends in .warc or .warc.gz.
func isWARCName(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

// detectMarkup recognises WARC, feed and HTML content from the first bytes
// (leading space already trimmed), or returns Auto.
func detectMarkup(head []byte) Format {
	if bytes.HasPrefix(head, []byte("WARC/1.")) {
		return WARC
	}
	if len(head) == 0 || head[0] != '<' {
		return Auto
	}
	low := bytes.ToLower(head)
	switch {
	case bytes.Contains(low, []byte("<rss")), bytes.Contains(low, []byte("<rdf:rdf")):
		return Feed
	case bytes.Contains(low, []byte("<feed")) && !bytes.Contains(low, []byte("<html")):
		return Feed
	case bytes.HasPrefix(low, []byte("<!doctype html")), bytes.Contains(low, []byte("<html")),
		bytes.HasPrefix(low, []byte("<head")), bytes.HasPrefix(low, []byte("<body")):
		return HTML
	}
	return Auto
}

// readCapped reads all of r, failing with ErrTooLarge beyond limit bytes.
func readCapped(r io.Reader, limit int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)
	}
	return data, nil
}

// fileID names a document after its file ("000_8431d214c74027f4" for
// ".../000_8431d214c74027f4.txt"), or after its content for stdin. Files of
// the same base name in different directories share an id; give such inputs
// as JSONL with explicit ids when that matters.
func fileID(path, text string) string {
	if path == "-" {
		return contentID(text)
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// contentID derives a stable id from a document's text: the first 8 bytes of
// its SHA-256, in hex.
func contentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// unwrapPath drops the *fs.PathError wrapper, whose path Error already shows.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
