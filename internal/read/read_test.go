package read

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dateline/internal/doc"
)

// got is what a read produced: documents and errors, in order.
type got struct {
	docs  []*doc.Document
	errs  []error
	warns []error
}

func collect(t *testing.T, items func(func(Item) bool)) got {
	t.Helper()
	var g got
	for it := range items {
		if it.Warn != nil {
			if it.Doc == nil {
				t.Fatalf("warning without a document: %v", it.Warn)
			}
			g.warns = append(g.warns, it.Warn)
		}
		switch {
		case it.Doc != nil && it.Err != nil:
			t.Fatalf("item has both a document and an error: %v", it.Err)
		case it.Doc != nil:
			g.docs = append(g.docs, it.Doc)
		case it.Err != nil:
			g.errs = append(g.errs, it.Err)
		default:
			t.Fatal("empty item")
		}
	}
	return g
}

// wantErr describes one expected error.
type wantErr struct {
	line int
	is   error  // errors.Is target, or nil
	sub  string // substring of the message
}

func checkErrs(t *testing.T, path string, errs []error, want []wantErr) {
	t.Helper()
	if len(errs) != len(want) {
		t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(want))
	}
	for i, err := range errs {
		var re *Error
		if !errors.As(err, &re) {
			t.Fatalf("error %d %v (%T) is not a *read.Error", i, err, err)
		}
		if re.Path != path || re.Line != want[i].line {
			t.Errorf("error %d at %s:%d, want %s:%d", i, re.Path, re.Line, path, want[i].line)
		}
		if want[i].is != nil && !errors.Is(err, want[i].is) {
			t.Errorf("error %d = %v, want errors.Is %v", i, err, want[i].is)
		}
		if !strings.Contains(err.Error(), want[i].sub) {
			t.Errorf("error %d = %q, want it to contain %q", i, err, want[i].sub)
		}
	}
}

func TestStream(t *testing.T) {
	const date = "2025-08-06"
	tests := []struct {
		name   string
		path   string
		format Format
		date   string
		in     string
		want   []doc.Document // Lang and layers unused
		errs   []wantErr
		warns  []wantErr
	}{
		// Seed format.
		{name: "seed/basic", path: "a.txt", in: "date 2025-08-06 Talks ended.\n",
			want: []doc.Document{{ID: "a", Date: date, Text: "Talks ended."}}},
		{name: "seed/leading blank lines and spaces", path: "a.txt", in: "\n\n   date 2025-08-06    Talks ended.  \n\n",
			want: []doc.Document{{ID: "a", Date: date, Text: "Talks ended."}}},
		{name: "seed/header on its own line", path: "a.txt", in: "date 2025-08-06\nTalks ended.",
			want: []doc.Document{{ID: "a", Date: date, Text: "Talks ended."}}},
		{name: "seed/paragraph breaks kept", path: "a.txt", in: "date 2025-08-06 Talks ended.\n\nAides left.\n",
			want: []doc.Document{{ID: "a", Date: date, Text: "Talks ended.\n\nAides left."}}},
		{name: "seed/CRLF kept inside", path: "a.txt", in: "date 2025-08-06 Talks ended.\r\n\r\nAides left.\r\n",
			want: []doc.Document{{ID: "a", Date: date, Text: "Talks ended.\r\n\r\nAides left."}}},
		{name: "seed/BOM dropped", path: "a.txt", in: "\ufeffdate 2025-08-06 Talks ended.",
			want: []doc.Document{{ID: "a", Date: date, Text: "Talks ended."}}},
		{name: "seed/invalid UTF-8 replaced", path: "a.txt", in: "date 2025-08-06 Caf\xe9 talks.",
			want: []doc.Document{{ID: "a", Date: date, Text: "Caf\uFFFD talks."}}},
		{name: "seed/--date ignored", path: "a.txt", date: "2024-01-01", in: "date 2025-08-06 Talks.",
			want: []doc.Document{{ID: "a", Date: date, Text: "Talks."}}},
		{name: "seed/impossible date", path: "a.txt", in: "date 2025-13-40 Talks.",
			errs: []wantErr{{sub: `date "2025-13-40"`}}},
		{name: "seed/header only", path: "a.txt", in: "date 2025-08-06  \n\n",
			errs: []wantErr{{is: ErrEmpty}}},
		{name: "seed/forced without header", path: "a.txt", format: Seed, in: "Talks ended.",
			errs: []wantErr{{sub: "date YYYY-MM-DD"}}},
		{name: "seed/stdin id from content", path: "-", in: "date 2025-08-06 Talks ended.",
			want: []doc.Document{{ID: contentID("Talks ended."), Date: date, Text: "Talks ended."}}},

		// Plain text.
		{name: "text/dated", path: "dir/story.txt", date: date, in: "Talks ended.\n",
			want: []doc.Document{{ID: "story", Date: date, Text: "Talks ended.\n"}}},
		{name: "text/undated", path: "story", in: "  Talks ended.\r\n",
			want: []doc.Document{{ID: "story", Text: "  Talks ended.\r\n"}}},
		{name: "text/date-time", path: "s.txt", date: "2025-08-06T09:24", in: "Talks.",
			want: []doc.Document{{ID: "s", Date: "2025-08-06T09:24", Text: "Talks."}}},
		{name: "text/BOM and invalid UTF-8", path: "s.txt", in: "\ufeffA\xff\xfeB",
			want: []doc.Document{{ID: "s", Text: "A\uFFFDB"}}},
		{name: "text/empty file", path: "s.txt", in: "",
			errs: []wantErr{{is: ErrEmpty}}},
		{name: "text/only space", path: "s.txt", in: " \n\t\r\n",
			errs: []wantErr{{is: ErrEmpty}}},
		{name: "text/bad date option", path: "s.txt", date: "06/08/2025", in: "Talks.",
			errs: []wantErr{{sub: "ISO 8601"}}},
		{name: "text/date-like line is not seed", path: "s.txt", in: "date 2025-08-06, a Wednesday.",
			want: []doc.Document{{ID: "s", Text: "date 2025-08-06, a Wednesday."}}},
		{name: "text/UTF-16 refused", path: "s.txt", in: "\xff\xfeT\x00a\x00",
			errs: []wantErr{{is: ErrUTF16}}},
		{name: "text/binary refused", path: "s.bin", in: "PK\x03\x04\x00\x00garbage",
			errs: []wantErr{{is: ErrBinary}}},
		{name: "text/binary forced", path: "s.bin", format: Text, in: "A\x00B",
			want: []doc.Document{{ID: "s", Text: "A\x00B"}}},

		// JSONL.
		{name: "jsonl/all fields", path: "f.jsonl",
			in:   `{"id":"d1","date":"2025-08-06","title":"T","url":"https://example.com/a","source":"Wire","text":"Talks ended."}`,
			want: []doc.Document{{ID: "d1", Date: date, Title: "T", URL: "https://example.com/a", Source: "Wire", Text: "Talks ended."}}},
		{name: "jsonl/only text", path: "f.jsonl", in: `{"text":"Talks ended."}` + "\n",
			want: []doc.Document{{ID: contentID("Talks ended."), Text: "Talks ended."}}},
		{name: "jsonl/text kept untrimmed", path: "f.jsonl", in: `{"text":"  Talks.\n"}`,
			want: []doc.Document{{ID: contentID("  Talks.\n"), Text: "  Talks.\n"}}},
		{name: "jsonl/--date fills missing date", path: "f.jsonl", date: date,
			in:   `{"id":"a","text":"x"}` + "\n" + `{"id":"b","date":"2024-02-29","text":"y"}`,
			want: []doc.Document{{ID: "a", Date: date, Text: "x"}, {ID: "b", Date: "2024-02-29", Text: "y"}}},
		{name: "jsonl/numeric id", path: "f.jsonl", in: `{"id":42,"text":"x"}`,
			want: []doc.Document{{ID: "42", Text: "x"}}},
		{name: "jsonl/nulls and unknown fields", path: "f.jsonl", in: `{"id":null,"title":null,"author":"A. Writer","tags":["x"],"text":"x"}`,
			want: []doc.Document{{ID: contentID("x"), Text: "x"}}},
		{name: "jsonl/detected from content", path: "-", in: "\n  {\"id\":\"a\",\"text\":\"x\"}",
			want: []doc.Document{{ID: "a", Text: "x"}}},
		{name: "jsonl/BOM CRLF and no final newline", path: "f.jsonl", in: "\ufeff{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}",
			want: []doc.Document{{ID: "a", Text: "x"}, {ID: "b", Text: "y"}}},
		{name: "jsonl/invalid UTF-8 in a string", path: "f.jsonl", in: "{\"id\":\"a\",\"text\":\"caf\xe9\"}",
			want: []doc.Document{{ID: "a", Text: "caf\uFFFD"}}},
		{name: "jsonl/lone surrogate escape", path: "f.jsonl", in: `{"id":"a","text":"x\ud800y"}`,
			want: []doc.Document{{ID: "a", Text: "x\uFFFDy"}}},
		{name: "jsonl/empty file", path: "f.jsonl", in: ""},
		{name: "jsonl/blank lines only", path: "f.jsonl", in: "\n \n\r\n"},
		{name: "jsonl/bad lines reported, rest read", path: "f.jsonl",
			in: "\n" + // 1: blank, counted
				`{"id":"a","text":"x"}` + "\n" + // 2
				"\n" + // 3
				`{"id":"b","text":` + "\n" + // 4: truncated
				`[1,2]` + "\n" + // 5
				`"text"` + "\n" + // 6
				`null` + "\n" + // 7
				`{"text":5}` + "\n" + // 8
				`{"title":"no text"}` + "\n" + // 9
				`{"text":""}` + "\n" + // 10
				`{"text":" \n "}` + "\n" + // 11
				`{"id":"u","text":"x","date":"Aug 6"}` + "\n" + // 12: read undated, with a warning
				`{"text":"x"} {"text":"y"}` + "\n" + // 13
				`{"id":true,"text":"x"}` + "\n" + // 14
				`text: plain` + "\n" + // 15
				`{"id":"c","text":"z"}`, // 16
			want:  []doc.Document{{ID: "a", Text: "x"}, {ID: "u", Text: "x"}, {ID: "c", Text: "z"}},
			warns: []wantErr{{line: 12, sub: `field "date": date "Aug 6"`}},
			errs: []wantErr{
				{line: 4, sub: "invalid JSON"},
				{line: 5, sub: "want a JSON object, got an array"},
				{line: 6, sub: "got a string"},
				{line: 7, sub: "got null"},
				{line: 8, sub: `field "text": want a string, got number`},
				{line: 9, sub: `no "text" field`},
				{line: 10, is: ErrEmpty},
				{line: 11, is: ErrEmpty},
				{line: 13, sub: "invalid JSON"},
				{line: 14, sub: `field "id"`},
				{line: 15, sub: "got text that is not JSON"},
			}},
		{name: "jsonl/bad --date reported per line", path: "f.jsonl", date: "tomorrow", in: `{"text":"x"}`,
			errs: []wantErr{{line: 1, sub: "ISO 8601"}}},
		{name: "jsonl/bad date falls back to --date", path: "f.jsonl", date: date, in: `{"id":"a","date":"03-02-2009","text":"x"}`,
			want:  []doc.Document{{ID: "a", Date: date, Text: "x"}},
			warns: []wantErr{{line: 1, sub: `field "date": date "03-02-2009"`}}},
		{name: "jsonl/forced on text", path: "s.txt", format: JSONL, in: "Talks ended.\n",
			errs: []wantErr{{line: 1, sub: "not JSON"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Format: tt.format, Date: tt.date}
			g := collect(t, Stream(context.Background(), tt.path, strings.NewReader(tt.in), opts))
			var docs []doc.Document
			for _, d := range g.docs {
				docs = append(docs, *d)
			}
			if !reflect.DeepEqual(docs, tt.want) {
				t.Errorf("documents:\n got %+v\nwant %+v", docs, tt.want)
			}
			checkErrs(t, tt.path, g.errs, tt.errs)
			checkErrs(t, tt.path, g.warns, tt.warns)
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		path, head string
		want       Format
	}{
		{"a.jsonl", "Talks", JSONL},
		{"a.NDJSON", "", JSONL},
		{"a.txt", `{"text":"x"}`, JSONL},
		{"-", "\ufeff\n\t {", JSONL},
		{"a.txt", "date 2025-08-06 Talks", Seed},
		{"a.txt", "\r\n  date 2025-08-06\nTalks", Seed},
		{"a.txt", "date 2025-08-06", Seed},
		{"a.txt", "date 2025-8-6 Talks", Text},
		{"a.txt", "date 2025-08-06Talks", Text},
		{"a.txt", "Date 2025-08-06 Talks", Text},
		{"a.txt", "", Text},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.head, func(t *testing.T) {
			if got := Detect(tt.path, []byte(tt.head)); got != tt.want {
				t.Errorf("Detect(%q, %q) = %q, want %q", tt.path, tt.head, got, tt.want)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": Auto, "auto": Auto, "seed": Seed, "text": Text, "jsonl": JSONL, "html": HTML, "feed": Feed, "rss": Feed, "atom": Feed, "warc": WARC} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("xml"); err == nil || !strings.Contains(err.Error(), "auto, seed, text, jsonl, html, feed or warc") {
		t.Errorf("ParseFormat(xml) = %v, want an error listing the formats", err)
	}
}

func TestErrorUnwrap(t *testing.T) {
	g := collect(t, Stream(context.Background(), "feed.jsonl", strings.NewReader("\n{\"text\":\"\"}\n"), Options{}))
	if len(g.errs) != 1 {
		t.Fatalf("got %d errors, want 1", len(g.errs))
	}
	err := g.errs[0]
	var re *Error
	if !errors.As(err, &re) {
		t.Fatalf("errors.As(%v, *Error) failed", err)
	}
	if re.Path != "feed.jsonl" || re.Line != 2 || !errors.Is(err, ErrEmpty) {
		t.Errorf("got %#v, want feed.jsonl line 2 wrapping ErrEmpty", re)
	}
	if got, want := err.Error(), "feed.jsonl:2: empty text"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	noLine := &Error{Path: "a.txt", Err: ErrEmpty}
	if got, want := noLine.Error(), "a.txt: empty text"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// writeFiles creates files (path → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAll(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"corpus/b/002.txt":       "date 2025-08-07 Second.",
		"corpus/a/001.txt":       "date 2025-08-06 First.",
		"corpus/a/empty.txt":     "",
		"corpus/c.jsonl":         `{"id":"c1","text":"Third."}` + "\n" + `{"id":"c2","text":"Fourth."}`,
		"corpus/.git/config":     "[core]",
		"corpus/.notes.txt.swp":  "swap",
		"corpus/d/plain.txt":     "Undated story.",
		"elsewhere/linked.txt":   "date 2025-08-08 Linked.",
		"single/one-article.txt": "date 2025-08-09 Single.",
	})
	if err := os.Symlink(filepath.Join(dir, "elsewhere/linked.txt"), filepath.Join(dir, "corpus/e-link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "elsewhere"), filepath.Join(dir, "corpus/f-dirlink")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "single"), filepath.Join(dir, "single-link")); err != nil {
		t.Fatal(err)
	}
	paths := []string{
		filepath.Join(dir, "corpus"),
		"-",
		filepath.Join(dir, "missing.txt"),
		filepath.Join(dir, "single/one-article.txt"),
		filepath.Join(dir, "single-link"),
	}
	stdin := strings.NewReader(`{"id":"s1","text":"From stdin."}`)
	g := collect(t, All(context.Background(), paths, stdin, Options{Date: "2025-01-01"}))

	var ids []string
	for _, d := range g.docs {
		ids = append(ids, d.ID+"@"+d.Date)
	}
	want := []string{
		"001@2025-08-06", "002@2025-08-07", "c1@2025-01-01", "c2@2025-01-01",
		"plain@2025-01-01", "e-link@2025-08-08", "s1@2025-01-01", "one-article@2025-08-09",
		"one-article@2025-08-09",
	}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("documents in order:\n got %v\nwant %v", ids, want)
	}
	if len(g.errs) != 2 {
		t.Fatalf("got errors %v, want 2", g.errs)
	}
	for i, want := range []struct {
		path string
		is   error
	}{
		{filepath.Join(dir, "corpus/a/empty.txt"), ErrEmpty},
		{filepath.Join(dir, "missing.txt"), os.ErrNotExist},
	} {
		var re *Error
		if !errors.As(g.errs[i], &re) || re.Path != want.path || !errors.Is(g.errs[i], want.is) {
			t.Errorf("error %d = %v, want a *read.Error for %s wrapping %v", i, g.errs[i], want.path, want.is)
		}
	}
}

func TestAllStopsEarly(t *testing.T) {
	in := strings.Repeat(`{"text":"x"}`+"\n", 10)
	t.Run("consumer stops", func(t *testing.T) {
		n := 0
		for range All(context.Background(), []string{"-", "-"}, strings.NewReader(in), Options{}) {
			n++
			if n == 3 {
				break
			}
		}
		if n != 3 {
			t.Errorf("read %d items, want 3", n)
		}
	})
	t.Run("context cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var items []Item
		for it := range All(ctx, []string{"-"}, strings.NewReader(in), Options{}) {
			items = append(items, it)
			if len(items) == 2 {
				cancel()
			}
		}
		last := items[len(items)-1]
		if len(items) != 3 || !errors.Is(last.Err, context.Canceled) {
			t.Errorf("got %d items ending in %v, want 2 documents and context.Canceled", len(items), last.Err)
		}
	})
}

// errReader fails after its data.
type errReader struct {
	data string
	err  error
}

func (r *errReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestBrokenStream(t *testing.T) {
	boom := errors.New("disk on fire")
	for _, tt := range []struct {
		name, path, data string
		line             int
	}{
		{"jsonl", "f.jsonl", `{"text":"` + strings.Repeat("x", 600) + `"}` + "\n" + `{"te`, 2},
		{"before detection", "f.jsonl", `{"te`, 0},
		{"text", "f.txt", "Talks", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := collect(t, Stream(context.Background(), tt.path, &errReader{tt.data, boom}, Options{}))
			if len(g.errs) != 1 {
				t.Fatalf("got errors %v, want 1", g.errs)
			}
			var re *Error
			if !errors.As(g.errs[0], &re) || re.Line != tt.line || !errors.Is(g.errs[0], boom) {
				t.Errorf("got %v, want a *read.Error at line %d wrapping %v", g.errs[0], tt.line, boom)
			}
		})
	}
}

// repeatReader yields n bytes of c without holding them in memory.
type repeatReader struct {
	c byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	p = p[:min(len(p), r.n)]
	for i := range p {
		p[i] = r.c
	}
	r.n -= len(p)
	return len(p), nil
}

// hugeLine returns a JSONL stream: one line whose text is n bytes of 'a',
// then a good line.
func hugeLine(n int) io.Reader {
	return io.MultiReader(
		strings.NewReader(`{"id":"huge","text":"`),
		&repeatReader{c: 'a', n: n},
		strings.NewReader(`"}`+"\n"+`{"id":"next","text":"Still read."}`+"\n"),
	)
}

func TestHugeLines(t *testing.T) {
	const n = 12 << 20 // > 10 MB
	t.Run("under the cap", func(t *testing.T) {
		g := collect(t, Stream(context.Background(), "big.jsonl", hugeLine(n), Options{}))
		if len(g.errs) != 0 || len(g.docs) != 2 {
			t.Fatalf("got %d docs, errors %v; want 2 docs", len(g.docs), g.errs)
		}
		if d := g.docs[0]; d.ID != "huge" || len(d.Text) != n {
			t.Errorf("first doc %s has %d bytes, want huge with %d", d.ID, len(d.Text), n)
		}
	})
	t.Run("over the cap", func(t *testing.T) {
		g := collect(t, Stream(context.Background(), "big.jsonl", hugeLine(n), Options{MaxDocBytes: 10 << 20}))
		checkErrs(t, "big.jsonl", g.errs, []wantErr{{line: 1, is: ErrTooLarge}})
		if len(g.docs) != 1 || g.docs[0].ID != "next" {
			t.Errorf("got %d docs, want the line after the huge one", len(g.docs))
		}
	})
	t.Run("over the default cap without keeping it", func(t *testing.T) {
		if testing.Short() {
			t.Skip("reads 64 MB")
		}
		before := totalAlloc()
		g := collect(t, Stream(context.Background(), "big.jsonl", hugeLine(DefaultMaxDocBytes+1), Options{}))
		grew := totalAlloc() - before
		checkErrs(t, "big.jsonl", g.errs, []wantErr{{line: 1, is: ErrTooLarge}})
		if len(g.docs) != 1 || g.docs[0].ID != "next" {
			t.Errorf("got %d docs, want the line after the huge one", len(g.docs))
		}
		// The line is held up to the cap while it is read, never beyond.
		if grew > 3*DefaultMaxDocBytes {
			t.Errorf("allocated %d MB reading a line over the cap", grew>>20)
		}
	})
	t.Run("exactly the cap", func(t *testing.T) {
		line := `{"text":"` + strings.Repeat("b", 100) + `"}`
		for _, end := range []string{"", "\n", "\r\n"} {
			g := collect(t, Stream(context.Background(), "f.jsonl", strings.NewReader(line+end), Options{MaxDocBytes: len(line)}))
			if len(g.docs) != 1 {
				t.Errorf("line end %q: a line of exactly the cap was refused: %v", end, g.errs)
			}
			g = collect(t, Stream(context.Background(), "f.jsonl", strings.NewReader(line+" "+end), Options{MaxDocBytes: len(line)}))
			if len(g.errs) != 1 || !errors.Is(g.errs[0], ErrTooLarge) {
				t.Errorf("line end %q: a line one byte over the cap was accepted", end)
			}
		}
	})
	t.Run("text file over the cap", func(t *testing.T) {
		g := collect(t, Stream(context.Background(), "big.txt", &repeatReader{c: 'a', n: 2048}, Options{MaxDocBytes: 1024}))
		checkErrs(t, "big.txt", g.errs, []wantErr{{is: ErrTooLarge}})
	})
}

func TestItemSource(t *testing.T) {
	in := "date 2025-08-06 One.\n"
	jsonl := "\n" + `{"text":"Two."}` + "\n" + `{"text":"Three."}`
	type src struct {
		path string
		line int
	}
	var got []src
	for it := range Stream(context.Background(), "a.txt", strings.NewReader(in), Options{}) {
		got = append(got, src{it.Path, it.Line})
	}
	for it := range Stream(context.Background(), "b.jsonl", strings.NewReader(jsonl), Options{}) {
		got = append(got, src{it.Path, it.Line})
	}
	want := []src{{"a.txt", 0}, {"b.jsonl", 2}, {"b.jsonl", 3}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("item sources = %v, want %v", got, want)
	}
}
