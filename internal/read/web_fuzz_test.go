package read

import "testing"

// The web readers take hostile input (scraped pages, feeds and archives
// from anywhere): any bytes must give valid documents or *read.Errors,
// never a panic or invalid UTF-8. checkItems holds the invariants.

func FuzzHTML(f *testing.F) {
	f.Add(readFixture(f, "harbour.html"))
	f.Add(readFixture(f, "council.htm"))
	for _, s := range []string{
		"<html><body><p>caf\xe9 au lait, served on the terrace every morning since the war ended in town</p></body></html>",
		"<!doctype html><title>x</title><meta property=\"article:published_time\" content=\"99999-01-01\">",
		"<html><head><script type=\"application/ld+json\">{\"datePublished\":\"2025-13-45\"}</script></head></html>",
		"<table><tr><td><table><tr><td>" + "<div>" + "</table>",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkItems(t, HTML, data, Options{}, nil)
	})
}

func FuzzFeed(f *testing.F) {
	f.Add(readFixture(f, "wire.rss"))
	f.Add(readFixture(f, "science.atom"))
	for _, s := range []string{
		`<rss><channel><item><description>caf` + "\xe9" + `</description><pubDate>Mon, 02 Jan 10000 15:04:05 +0000</pubDate></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div><p>x</p></div></content></entry></feed>`,
		`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_text":"Talks ended."}]}`,
		`<rss><channel><item></item></channel></rss>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkItems(t, Feed, data, Options{}, nil)
	})
}

func FuzzWARC(f *testing.F) {
	f.Add(fixtureWARC(f, false))
	f.Add(fixtureWARC(f, true))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nContent-Length: -1\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkItems(t, WARC, data, Options{MaxDocBytes: 1 << 20}, nil)
	})
}
