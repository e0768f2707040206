package read

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"dateline/internal/doc"
)

// minArticleWords is the length from which a feed item's own content is
// taken to be the article rather than a teaser: full-text feeds carry
// hundreds of words per item, summary feeds one or two sentences.
const minArticleWords = 120

// readFeed reads an RSS, Atom or JSON feed; every item becomes a document
// (Line is the item's 1-based position). An item's text is its content, or
// else its description, with markup removed. When opts.FetchItems is set and that
// text looks like a teaser (fewer than [minArticleWords] words), the item's
// link is fetched and its page extracted instead, keeping the feed's title
// and date when the page lacks them.
//
// A feed is parsed whole (feeds are small; the document cap bounds them).
func readFeed(ctx context.Context, path string, data []byte, opts Options, yield func(Item) bool) bool {
	f, err := parseFeed(data)
	if err != nil {
		return yield(Item{Err: &Error{Path: path, Err: err}})
	}
	source := oneLineText(f.Title)
	for i, it := range f.Items {
		if err := ctx.Err(); err != nil {
			yield(Item{Err: err})
			return false
		}
		if it == nil {
			continue
		}
		line := i + 1
		d, err := feedItem(ctx, it, source, opts)
		item := Item{Path: path, Line: line, Doc: d}
		if err != nil {
			item = Item{Err: &Error{Path: path, Line: line, Err: err}}
		}
		if !yield(item) {
			return false
		}
	}
	return true
}

// parseFeed parses a feed, turning a parser panic into an error: the parser
// is third-party code fed with outside input.
func parseFeed(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if v := recover(); v != nil {
			f, err = nil, fmt.Errorf("feed: parser panic: %v", v)
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	return f, nil
}

// feedItem turns one item into a document.
func feedItem(ctx context.Context, it *gofeed.Item, source string, opts Options) (*doc.Document, error) {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	text := strings.TrimSpace(htmlText(body))
	date := opts.Date
	if t, ok := itemTime(it); ok {
		date = pageDate(t)
	}
	link := strings.TrimSpace(it.Link)
	if !isWebURL(link) {
		link = ""
	}
	var d *doc.Document
	if opts.FetchItems && opts.Fetcher != nil && link != "" && len(strings.Fields(text)) < minArticleWords {
		pd, err := opts.Fetcher.Page(ctx, link, date)
		if err != nil {
			return nil, fmt.Errorf("item %q: %w", link, err)
		}
		d = pd
	} else {
		if text == "" {
			return nil, fmt.Errorf("feed item without content or description: %w", ErrEmpty)
		}
		d = &doc.Document{Text: text, Date: date, URL: link}
	}
	if d.Title == "" {
		d.Title = oneLineText(htmlText(it.Title))
	}
	if d.Source == "" {
		d.Source = source
	}
	if d.Date == "" {
		d.Date = date
	}
	if _, err := doc.ParseDate(d.Date); err != nil && d.Date != "" {
		d.Date = opts.Date // a feed date no ISO form can hold (year 10000)
	}
	// The id follows the item's identity (GUID, else link), so a corrected
	// item replaces its earlier version; items without either are named by
	// their text.
	key := strings.TrimSpace(it.GUID)
	if key == "" {
		key = link
	}
	if key == "" {
		key = d.Text
	}
	d.ID = contentID(key)
	return d, nil
}

// feedTimeLayouts are the date forms of RSS (RFC 822 with its common
// variants) and Atom (RFC 3339).
var feedTimeLayouts = []string{
	time.RFC3339, time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700",
}

// itemTime returns when an item was published (else updated) in the
// publisher's own offset: the parser's parsed times are in UTC, which
// would move late-evening articles to the next day.
func itemTime(it *gofeed.Item) (time.Time, bool) {
	for _, c := range []struct {
		raw    string
		parsed *time.Time
	}{{it.Published, it.PublishedParsed}, {it.Updated, it.UpdatedParsed}} {
		raw := strings.TrimSpace(c.raw)
		for _, layout := range feedTimeLayouts {
			if t, err := time.Parse(layout, raw); err == nil {
				return t, true
			}
		}
		if c.parsed != nil && !c.parsed.IsZero() {
			return *c.parsed, true
		}
	}
	return time.Time{}, false
}

// blockTags end a paragraph when converting markup to text.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "tr": true, "section": true,
	"article": true, "figure": true, "figcaption": true, "pre": true, "hr": true,
}

// htmlText turns an HTML fragment (a feed item's content) into plain text:
// entities decoded, script and style dropped, block elements separated by a
// blank line, runs of spaces inside a paragraph collapsed. Plain text without
// markup passes through with only its spacing normalised.
func htmlText(s string) string {
	if s == "" {
		return ""
	}
	var (
		out  strings.Builder
		para strings.Builder
		skip int
	)
	flush := func() {
		p := strings.Join(strings.Fields(para.String()), " ")
		para.Reset()
		if p == "" {
			return
		}
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		out.WriteString(p)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return strings.ToValidUTF8(out.String(), "\uFFFD")
		case html.TextToken:
			if skip == 0 {
				para.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch n := string(name); {
			case n == "script" || n == "style":
				skip++
			case blockTags[n]:
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch n := string(name); {
			case n == "script" || n == "style":
				skip = max(0, skip-1)
			case blockTags[n]:
				flush()
			}
		}
	}
}
