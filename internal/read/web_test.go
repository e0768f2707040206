package read

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "web", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// webDoc is what a test expects of one document read from web input.
type webDoc struct {
	title, source, date, url string
	has                      []string // phrases the text must hold
	hasNot                   []string // boilerplate the extractor must drop
}

func checkWebDocs(t *testing.T, items []Item, want []webDoc) {
	t.Helper()
	var docs []Item
	for _, it := range items {
		if it.Err != nil {
			t.Errorf("unexpected error: %v", it.Err)
			continue
		}
		docs = append(docs, it)
	}
	if len(docs) != len(want) {
		t.Fatalf("got %d documents, want %d", len(docs), len(want))
	}
	ids := map[string]bool{}
	for i, w := range want {
		d := docs[i].Doc
		if d.Title != w.title || d.Source != w.source || d.Date != w.date || d.URL != w.url {
			t.Errorf("doc %d: title %q source %q date %q url %q;\nwant title %q source %q date %q url %q",
				i, d.Title, d.Source, d.Date, d.URL, w.title, w.source, w.date, w.url)
		}
		for _, s := range w.has {
			if !strings.Contains(d.Text, s) {
				t.Errorf("doc %d: text lacks %q:\n%s", i, s, d.Text)
			}
		}
		for _, s := range w.hasNot {
			if strings.Contains(d.Text, s) {
				t.Errorf("doc %d: text holds boilerplate %q", i, s)
			}
		}
		if err := d.Validate(); err != nil {
			t.Errorf("doc %d: %v", i, err)
		}
		if d.ID == "" || ids[d.ID] {
			t.Errorf("doc %d: id %q empty or repeated", i, d.ID)
		}
		ids[d.ID] = true
	}
}

func streamAll(t *testing.T, name string, data []byte, opts Options) []Item {
	t.Helper()
	var items []Item
	for it := range Stream(context.Background(), name, bytes.NewReader(data), opts) {
		items = append(items, it)
	}
	return items
}

var (
	harbourDoc = webDoc{
		title: "Port strike ends after nine days", source: "The Coastal Ledger",
		date: "2025-03-14", url: "https://ledger.example/news/port-strike-ends",
		has:    []string{"Dock workers in Haldeport returned", "\"Nobody wins a strike, but our members have been heard,\""},
		hasNot: []string{"Most read", "All rights reserved", "Weather"},
	}
	councilDoc = webDoc{
		title: "Council delays vote on tram extension", source: "Northern Courier", date: "2025-06-02",
		has:    []string{"postponed its vote on the northern tram extension", "Peter Haug"},
		hasNot: []string{"var tracker", "font-family", "Front page"},
	}
)

func TestHTML(t *testing.T) {
	tests := []struct {
		file string
		opts Options
		want webDoc
	}{
		{"harbour.html", Options{}, harbourDoc},
		{"council.htm", Options{}, councilDoc},
		{"council.htm", Options{Date: "2024-01-01"}, councilDoc}, // the page's own date wins
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			items := streamAll(t, tt.file, readFixture(t, tt.file), tt.opts)
			checkWebDocs(t, items, []webDoc{tt.want})
			if id := items[0].Doc.ID; id != strings.TrimSuffix(tt.file, filepath.Ext(tt.file)) {
				t.Errorf("id %q, want the file's base name", id)
			}
		})
	}
	t.Run("undated page takes --date", func(t *testing.T) {
		page := "<html><head><title>Quiet day</title></head><body><article><p>" +
			strings.Repeat("The harbour was quiet on Sunday as fishermen mended their nets. ", 8) +
			"</p></article></body></html>"
		items := streamAll(t, "quiet.html", []byte(page), Options{Date: "2025-02-02"})
		if len(items) != 1 || items[0].Doc == nil || items[0].Doc.Date != "2025-02-02" {
			t.Fatalf("got %+v, want one document dated 2025-02-02", items)
		}
	})
	t.Run("no article", func(t *testing.T) {
		items := streamAll(t, "empty.html", []byte("<html><body><nav><a href='/'>Home</a></nav></body></html>"), Options{})
		if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "empty.html") {
			t.Fatalf("got %+v, want one error naming the file", items)
		}
	})
}

func TestFeed(t *testing.T) {
	tests := []struct {
		file string
		want []webDoc
	}{
		{"wire.rss", []webDoc{
			{
				title: "Flood barriers raised as river nears record", source: "Valley Wire",
				date: "2025-04-08T06:15:00+02:00", url: "https://wire.example/2025/04/flood-barriers",
				// content:encoded is preferred to the one-line description
				has: []string{"Emergency crews in Ostrava Vale", "\n\n\"We are better prepared than last time,\" she said."},
			},
			{
				title: "Rail line reopens after landslide", source: "Valley Wire",
				date: "2025-04-12T10:00:00+02:00", url: "https://wire.example/2025/04/rail-reopens",
				has: []string{"The valley railway reopened on Saturday"}, hasNot: []string{"<p>", "&lt;"},
			},
		}},
		{"science.atom", []webDoc{
			{
				title: "Telescope survey finds twelve new comets", source: "Lab Notes Daily",
				date: "2025-09-19T16:45:00-04:00", url: "https://labnotes.example/comets",
				has: []string{"twelve previously unknown comets", "Priya Natarajan"},
			},
			{
				title: "Grant cuts threaten ocean buoys", source: "Lab Notes Daily",
				date: "2025-09-18T09:00:00Z", url: "https://labnotes.example/buoys",
				has: []string{"runs out on 31 October"},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := readFixture(t, tt.file)
			items := streamAll(t, tt.file, data, Options{})
			checkWebDocs(t, items, tt.want)
			for i, it := range items {
				if it.Line != i+1 || it.Path != tt.file {
					t.Errorf("item %d: path %q line %d, want %q line %d", i, it.Path, it.Line, tt.file, i+1)
				}
			}
			again := streamAll(t, tt.file, data, Options{})
			if again[0].Doc.ID != items[0].Doc.ID {
				t.Errorf("ids not stable across reads: %q, %q", items[0].Doc.ID, again[0].Doc.ID)
			}
		})
	}
	t.Run("not a feed", func(t *testing.T) {
		items := streamAll(t, "bad.rss", []byte("<rss><channel><item>"), Options{Format: Feed})
		for _, it := range items {
			if it.Doc != nil {
				t.Errorf("document from a broken feed: %+v", it.Doc)
			}
		}
	})
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Talks ended  on\nFriday.", "Talks ended on Friday."},
		{"paragraphs", "<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."},
		{"inline", "<p>A <b>bold</b>move</p>", "A boldmove"},
		{"script", "<p>Text</p><script>var x = '<p>';</script><style>p{}</style><p>More</p>", "Text\n\nMore"},
		{"br", "line one<br>line two", "line one\n\nline two"},
		{"invalid utf8", "caf\xe9", "caf\uFFFD"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlText(tt.in); got != tt.want {
				t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// warcRecord is one record for buildWARC.
type warcRecord struct {
	typ    gowarc.RecordType
	uri    string
	status string // HTTP status line for responses and requests
	ctype  string // HTTP Content-Type
	body   []byte
}

// buildWARC writes records as a WARC 1.1 file, each record a gzip member
// when gz is set (the .warc.gz layout crawlers write).
func buildWARC(t testing.TB, gz bool, recs []warcRecord) []byte {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for i, r := range recs {
		b := gowarc.NewRecordBuilder(r.typ, gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true),
			gowarc.WithAddMissingContentLength(true))
		var block string
		switch r.typ {
		case gowarc.Response:
			block = fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", r.status, r.ctype, len(r.body), r.body)
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		case gowarc.Request:
			block = "GET / HTTP/1.1\r\nHost: example\r\n\r\n"
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
		default:
			block = string(r.body)
			b.AddWarcHeader(gowarc.ContentType, "application/warc-fields")
		}
		if _, err := b.WriteString(block); err != nil {
			t.Fatal(err)
		}
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i))
		b.AddWarcHeader(gowarc.WarcDate, "2025-10-01T12:00:00Z")
		if r.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatalf("build record %d: %v", i, err)
		}
		if gz {
			zw := gzip.NewWriter(&out)
			if _, _, err := m.Marshal(zw, rec, 0); err != nil {
				t.Fatal(err)
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
		} else if _, _, err := m.Marshal(&out, rec, 0); err != nil {
			t.Fatal(err)
		}
		rec.Close()
	}
	return out.Bytes()
}

// fixtureWARC archives the two HTML fixtures among records that hold no
// article: warcinfo, a request, an image and a 404 page.
func fixtureWARC(t testing.TB, gz bool) []byte {
	return buildWARC(t, gz, []warcRecord{
		{typ: gowarc.Warcinfo, body: []byte("software: dateline test\r\n")},
		{typ: gowarc.Request, uri: "https://ledger.example/news/port-strike-ends"},
		{typ: gowarc.Response, uri: "https://ledger.example/news/port-strike-ends", status: "200 OK", ctype: "text/html; charset=utf-8", body: readFixture(t, "harbour.html")},
		{typ: gowarc.Response, uri: "https://ledger.example/logo.png", status: "200 OK", ctype: "image/png", body: []byte("\x89PNG\r\n\x1a\n")},
		{typ: gowarc.Response, uri: "https://courier.example/missing", status: "404 Not Found", ctype: "text/html", body: []byte("<html><body>gone</body></html>")},
		{typ: gowarc.Response, uri: "https://courier.example/city/tram-vote", status: "200 OK", ctype: "text/html", body: readFixture(t, "council.htm")},
	})
}

func TestWARC(t *testing.T) {
	council := councilDoc
	council.url = "https://courier.example/city/tram-vote"
	harbour := harbourDoc
	harbour.url = "https://ledger.example/news/port-strike-ends"
	for _, tt := range []struct {
		name string
		gz   bool
	}{{"crawl.warc", false}, {"crawl.warc.gz", true}} {
		t.Run(tt.name, func(t *testing.T) {
			items := streamAll(t, tt.name, fixtureWARC(t, tt.gz), Options{})
			checkWebDocs(t, items, []webDoc{harbour, council})
			if items[0].Line != 3 || items[1].Line != 6 {
				t.Errorf("records %d and %d, want 3 and 6", items[0].Line, items[1].Line)
			}
		})
	}
	for _, cut := range []string{"Haldeport", "logo.png", "Brennholm"} {
		t.Run("truncated at "+cut, func(t *testing.T) {
			data := fixtureWARC(t, false)
			items := streamAll(t, "cut.warc", data[:bytes.Index(data, []byte(cut))], Options{})
			last := items[len(items)-1]
			if last.Err == nil {
				t.Errorf("no error for an archive cut at %q: %+v", cut, items)
			}
			for _, it := range items {
				if it.Doc != nil && it.Doc.Title != harbour.title {
					t.Errorf("document from a cut record: %q", it.Doc.Title)
				}
			}
		})
	}
	t.Run("empty", func(t *testing.T) {
		items := streamAll(t, "none.warc", nil, Options{})
		if len(items) != 1 || items[0].Err == nil {
			t.Errorf("got %+v, want one error", items)
		}
	})
}

func TestDetectWeb(t *testing.T) {
	tests := []struct {
		path, head string
		want       Format
	}{
		{"a.html", "", HTML},
		{"a.HTM", "", HTML},
		{"a", "  <!DOCTYPE html><html>", HTML},
		{"a", "<html lang=en>", HTML},
		{"a.xml", `<?xml version="1.0"?><rss version="2.0">`, Feed},
		{"a.xml", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">`, Feed},
		{"a", `<rdf:RDF xmlns="http://purl.org/rss/1.0/">`, Feed},
		{"news.rss", "", Feed},
		{"a.atom", "", Feed},
		{"x.warc", "", WARC},
		{"x.warc.gz", "\x1f\x8b\x08", WARC},
		{"x", "WARC/1.1\r\n", WARC},
		{"a.txt", "<p>not a page?</p>", Text},
		{"a.txt", "Talks in <Geneva>", Text},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.head, func(t *testing.T) {
			if got := Detect(tt.path, []byte(tt.head)); got != tt.want {
				t.Errorf("Detect(%q, %q) = %q, want %q", tt.path, tt.head, got, tt.want)
			}
		})
	}
}

func BenchmarkHTML(b *testing.B) {
	benchStream(b, "harbour.html", readFixture(b, "harbour.html"), Options{})
}

func BenchmarkFeed(b *testing.B) {
	benchStream(b, "wire.rss", readFixture(b, "wire.rss"), Options{})
}

func BenchmarkWARC(b *testing.B) {
	benchStream(b, "crawl.warc.gz", fixtureWARC(b, true), Options{})
}
