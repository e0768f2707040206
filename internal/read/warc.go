package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strconv"
	"strings"

	"github.com/nlnwa/gowarc"
)

// readWARC reads a WARC 1.0/1.1 file (plain, or gzip per record as crawlers
// write .warc.gz) record by record, so memory holds one record at a time.
// Every response record holding an HTML page with status 2xx becomes a
// document through the HTML extractor, its URL the record's
// WARC-Target-URI; requests, metadata, redirects, images and other records
// are skipped. Line is the record's 1-based position in the file.
//
// Digests and other WARC bookkeeping are not validated: an archive with a
// wrong digest still holds readable pages. Header syntax, though, is strict:
// gowarc's lenient mode loops for ever on a header that a corrupt gzip
// member cuts short (found by FuzzWARC), and real crawlers write valid
// headers. A record that cannot be parsed ends the file with an error,
// since the next record's start is then unknown.
func readWARC(ctx context.Context, path string, r io.Reader, opts Options, yield func(Item) bool) bool {
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrFail),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(int64(opts.maxDoc())),
	)
	if err != nil {
		return yield(Item{Err: &Error{Path: path, Err: fmt.Errorf("warc: %w", err)}})
	}
	defer wr.Close()
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			yield(Item{Err: err})
			return false
		}
		rec, _, _, err := nextRecord(wr)
		if errors.Is(err, io.EOF) && rec == nil {
			if n == 1 {
				return yield(Item{Err: &Error{Path: path, Err: errors.New("warc: no records")}})
			}
			return true
		}
		if err != nil {
			return yield(Item{Err: &Error{Path: path, Line: n, Err: fmt.Errorf("warc record: %w", err)}})
		}
		it, ok := warcItem(path, n, rec, opts)
		if !ok {
			continue
		}
		if !yield(it) {
			return false
		}
	}
}

// nextRecord reads the next record, turning a parser panic into an error.
func nextRecord(wr *gowarc.WarcFileReader) (rec gowarc.WarcRecord, off int64, v *gowarc.Validation, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, fmt.Errorf("parser panic: %v", p)
		}
	}()
	return wr.Next()
}

// warcItem turns a response record into an item; ok is false for records
// that hold no web page.
func warcItem(path string, n int, rec gowarc.WarcRecord, opts Options) (it Item, ok bool) {
	if rec.Type() != gowarc.Response {
		return Item{}, false
	}
	blk, isHTTP := rec.Block().(gowarc.HttpResponseBlock)
	if !isHTTP {
		return Item{}, false
	}
	if c := blk.HttpStatusCode(); c < 200 || c > 299 {
		return Item{}, false
	}
	declared := int64(-1)
	if h := blk.HttpHeader(); h != nil {
		ct, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
		if ct != "" && ct != "text/html" && ct != "application/xhtml+xml" {
			return Item{}, false
		}
		if n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64); err == nil && h.Get("Content-Encoding") == "" {
			declared = n
		}
	}
	fail := func(err error) (Item, bool) {
		return Item{Err: &Error{Path: path, Line: n, Err: err}}, true
	}
	payload, err := blk.PayloadBytes()
	if err != nil {
		return fail(fmt.Errorf("warc payload: %w", err))
	}
	data, err := readCapped(payload, opts.maxDoc())
	if err != nil {
		return fail(err)
	}
	if declared >= 0 && int64(len(data)) < declared {
		// The archive was cut inside this record (an interrupted crawl):
		// half a page would be stored as if it were the article.
		return fail(fmt.Errorf("warc: truncated record: %d of %d payload bytes", len(data), declared))
	}
	uri := strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<> ")
	if !isWebURL(uri) {
		uri = ""
	}
	d, err := parseHTML(data, page{url: uri, date: opts.Date})
	if err != nil {
		return fail(err)
	}
	key := uri
	if key == "" {
		key = rec.RecordId()
	}
	d.ID = contentID(key)
	return Item{Doc: d, Path: path, Line: n}, true
}
