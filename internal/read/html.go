package read

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"

	"dateline/internal/doc"
)

// maxHTMLNodes caps the elements of one page handed to the extractor: a real
// article page has a few thousand, and the extractor's cost grows with the
// tree, so a generated monster page is refused instead of stalling ingest.
const maxHTMLNodes = 200_000

// minPageWords is the least text an extracted page must hold to count as an
// article: below it the extractor has only picked up a menu or a caption
// ("Home", "Subscribe to read"), which is not worth analysing or storing.
const minPageWords = 10

// ErrNoArticle reports a web page in which the extractor found no article
// text (an index page, a login wall, an empty template).
var ErrNoArticle = errors.New("no article text found in the page")

// page is what an HTML page contributes to a document besides its text.
type page struct {
	url  string // where the page was fetched or archived from; may be empty
	date string // fallback date when the page's metadata carries none
}

// parseHTML extracts the article of a web page with trafilatura: the main
// text (boilerplate, navigation and comments dropped) and the metadata the
// page declares (<meta>, OpenGraph, JSON-LD): title, site name, canonical
// URL and publication date. The text is what trafilatura returns, cleaned to
// valid UTF-8; offsets refer to it, not to the HTML.
//
// The publication date is the page's own; when it has none, p.date (the
// --date flag) is used, and otherwise the document stays undated rather than
// dated by the crawl, which may be years after publication.
func parseHTML(data []byte, p page) (d *doc.Document, err error) {
	// The extractor is a large third-party tree walker; a panic on one
	// malformed page must cost that page, not the whole ingest.
	defer func() {
		if v := recover(); v != nil {
			d, err = nil, fmt.Errorf("html: extractor panic: %v", v)
		}
	}()
	opts := trafilatura.Options{
		ExcludeComments: true,
		MaxTreeSize:     maxHTMLNodes,
		// Fast: the page's metadata and markup, without the multilingual
		// free-text date parser, which is slow and guesses.
		HtmlDateMode: trafilatura.Fast,
	}
	if p.url != "" {
		if u, err := url.Parse(p.url); err == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.Extract(bytes.NewReader(data), opts)
	if err != nil {
		return nil, fmt.Errorf("html: %w: %v", ErrNoArticle, err)
	}
	text := strings.TrimSpace(clean([]byte(res.ContentText)))
	if n := len(strings.Fields(text)); n < minPageWords {
		return nil, fmt.Errorf("html: %w (%d words)", ErrNoArticle, n)
	}
	m := res.Metadata
	d = &doc.Document{
		Text:   text,
		Title:  oneLineText(m.Title),
		Source: oneLineText(m.Sitename),
		URL:    p.url,
		Date:   p.date,
	}
	if d.Source == "" {
		d.Source = m.Hostname
	}
	if d.URL == "" && isWebURL(m.URL) {
		d.URL = m.URL
	}
	if !m.Date.IsZero() {
		d.Date = pageDate(m.Date)
	}
	if d.Date != "" {
		if _, err := doc.ParseDate(d.Date); err != nil {
			d.Date = ""
		}
	}
	return d, nil
}

// pageDate formats a page's publication time: a day when the page gave only
// a day (midnight UTC is how the extractor reports that), else the moment
// with its offset, so the day stays the publisher's.
func pageDate(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// oneLineText collapses runs of white space (titles taken from markup often
// carry line breaks and indentation) and drops invalid UTF-8.
func oneLineText(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// isWebURL reports whether s is an absolute http or https URL.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
