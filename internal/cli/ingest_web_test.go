package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc"

	"dateline/internal/store"
	"dateline/internal/store/sqlite"
)

// An archived page for the WARC input, different from the HTML files so that
// it is not a duplicate of one of them.
const archivedPage = `<!DOCTYPE html><html><head><title>Bakers warn of flour shortage</title>
<meta property="og:site_name" content="Market Gazette">
<meta property="article:published_time" content="2025-05-20">
</head><body><nav><a href="/">Home</a></nav><article>
<p>Bakeries across the Lindmark region warned on Tuesday that they could run out of flour within three weeks after a fire closed the largest mill in the province.</p>
<p>"We have enough for the bread, not for the cakes," said Ruth Abelsen, who runs a bakery in the old town and chairs the regional guild.</p>
<p>The mill's owners said repairs would take until the end of June, and that grain would be sent to a smaller plant in the meantime.</p>
</article><footer>Subscribe to the Market Gazette</footer></body></html>`

// writeWARC archives one HTML page as a gzip-compressed WARC response record
// next to a request record, as a crawler would.
func writeWARC(t *testing.T, path, uri, page string) {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for i, typ := range []gowarc.RecordType{gowarc.Request, gowarc.Response} {
		b := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true), gowarc.WithAddMissingContentLength(true))
		block := "GET / HTTP/1.1\r\nHost: gazette.example\r\n\r\n"
		b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
		if typ == gowarc.Response {
			block = fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(page), page)
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		}
		if _, err := b.WriteString(block); err != nil {
			t.Fatal(err)
		}
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:10000000-0000-4000-8000-%012d>", i))
		b.AddWarcHeader(gowarc.WarcDate, "2025-05-21T07:00:00Z")
		b.AddWarcHeader(gowarc.WarcTargetURI, uri)
		rec, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(&out)
		if _, _, err := m.Marshal(zw, rec, 0); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		rec.Close()
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyFixture copies a web fixture of the read package into dir.
func copyFixture(t *testing.T, dir, name string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "read", "testdata", "web", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIngestAllFormats is issue 8's acceptance test: a folder holding seed,
// JSONL, HTML, RSS, Atom and WARC files is stored whole, and a second run
// adds nothing.
func TestIngestAllFormats(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "mixed")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"seed.txt": "date 2025-08-06 The ministry said on Wednesday that the new border crossing at Valka would open on 1 September.",
		"wire.jsonl": `{"id":"j1","date":"2025-07-01","title":"Ferry fares rise","text":"Ferry fares to the islands will rise by 8 percent from Monday, the operator said on Tuesday."}
{"id":"j2","date":"2025-07-02","text":"The national library will close for renovation from October until the spring of 2027, its director announced."}
`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(in, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"harbour.html", "council.htm", "wire.rss", "science.atom"} {
		copyFixture(t, in, name)
	}
	writeWARC(t, filepath.Join(in, "crawl.warc.gz"), "https://gazette.example/flour", archivedPage)
	db := filepath.Join(dir, "all.db")

	// seed 1 + JSONL 2 + HTML 2 + RSS 2 + Atom 2 + WARC 1
	const n = 10
	code, stdout, stderr := runCLI(t, "ingest", "--db", db, in)
	if want := fmt.Sprintf("%d added, 0 updated, 0 duplicate, 0 failed", n); code != 0 || !strings.Contains(stdout, want) {
		t.Fatalf("first run: exit %d, %q, want %q; stderr:\n%s", code, stdout, want, stderr)
	}
	code, stdout, stderr = runCLI(t, "ingest", "--db", db, in)
	if want := fmt.Sprintf("0 added, 0 updated, %d duplicate, 0 failed", n); code != 0 || !strings.Contains(stdout, want) {
		t.Fatalf("second run: exit %d, %q, want %q; stderr:\n%s", code, stdout, want, stderr)
	}

	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(context.Background())
	if err != nil || stats.Documents != n {
		t.Fatalf("stats %+v, %v; want %d documents", stats, err, n)
	}
	res, err := st.Search(context.Background(), store.Query{Text: "flour mill"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search flour mill: %+v, %v", res, err)
	}
	h := res.Hits[0]
	if h.Title != "Bakers warn of flour shortage" || h.Source != "Market Gazette" || h.URL != "https://gazette.example/flour" || h.Date != "2025-05-20" {
		t.Errorf("archived page stored as %+v", h)
	}
}

// TestIngestURL ingests a page and a feed from a local HTTP server.
func TestIngestURL(t *testing.T) {
	mux := http.NewServeMux()
	for path, name := range map[string]string{"/story": "harbour.html", "/feed": "science.atom"} {
		b, err := os.ReadFile(filepath.Join("..", "read", "testdata", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { w.Write(b) })
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "url.db")
	code, stdout, stderr := runCLI(t, "ingest", "--db", db, srv.URL+"/story", srv.URL+"/feed", srv.URL+"/missing")
	if code != exitFailed || !strings.Contains(stdout, "3 added, 0 updated, 0 duplicate, 1 failed") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
}

// TestIngestNearDuplicates: a syndicated copy in the same run and another in
// a later run are linked to the original, not analysed or stored; with
// --near-dups=false a copy is stored as an article of its own.
func TestIngestNearDuplicates(t *testing.T) {
	dir := t.TempDir()
	story := "Bakeries across the Lindmark region warned on Tuesday that they could run out of flour within three weeks after a fire closed the largest mill in the province. The mill's owners said repairs would take until the end of June, and that grain would be sent to a smaller plant in the meantime. The regional government said it would review fire safety rules at food plants."
	line := func(id, text string) string {
		return fmt.Sprintf(`{"id":%q,"date":"2025-05-20","text":%q}`+"\n", id, text)
	}
	first := filepath.Join(dir, "first.jsonl")
	if err := os.WriteFile(first, []byte(line("orig", story)+line("copy-1", "LINDMARK (Gazette) - "+story+" Reporting by Jon Park.")), 0o644); err != nil {
		t.Fatal(err)
	}
	later := filepath.Join(dir, "later.jsonl")
	if err := os.WriteFile(later, []byte(line("copy-2", story+" This story has been corrected to fix the name of the region.")), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "nd.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"ingest", "--db", db, first}, "1 added, 0 updated, 1 duplicate, 0 failed"},
		{[]string{"ingest", "--db", db, later}, "0 added, 0 updated, 1 duplicate, 0 failed"},
		{[]string{"ingest", "--db", filepath.Join(dir, "off.db"), "--near-dups=false", first}, "2 added, 0 updated, 0 duplicate, 0 failed"},
	} {
		code, stdout, stderr := runCLI(t, tc.args...)
		if code != 0 || !strings.Contains(stdout, tc.want) {
			t.Fatalf("%v: exit %d, %q, want %q; stderr:\n%s", tc.args, code, stdout, tc.want, stderr)
		}
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	copies, err := st.NearDuplicates(context.Background(), "orig")
	if err != nil || len(copies) != 2 {
		t.Fatalf("NearDuplicates(orig) = %+v, %v; want copy-1 and copy-2", copies, err)
	}
	for _, c := range copies {
		if c.Similarity < 0.8 || c.Similarity > 1 || (c.ID != "copy-1" && c.ID != "copy-2") {
			t.Errorf("copy %+v", c)
		}
	}
}
